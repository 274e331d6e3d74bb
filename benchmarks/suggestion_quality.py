"""How good are code suggestions on real and demo text: codebook only, learned from 3 documents, both.

Corpora (sentence level, per code; see docs/SUGGESTIONS.md):

* ``devset``: 997 real Dutch sentences from reports and portraits about the
  LOB project (``benchmarks/data/devset/``), labelled with the four themes of
  the research codebook by two independent passes and adjudicated, grouped
  into pseudo-documents of ``--doc-size`` consecutive sentences per source
  text (default 40; a real interview holds ~500 sentences, so
  ``--doc-size 100`` is nearer to "three coded interviews");
  ``--round first`` keeps only the first 520 sentences (the d-ids), as
  measured before the set grew, ``--round second`` only the other 477
  (the e-ids, labelled after the suggestions were tuned on the first);
* ``demo-themes``: the demo project's codings rolled up to the four themes;
* ``demo``: the demo project's codings on the 19 sub-codes and themes as coded.

Settings: the codes' *names only* + 3 coded documents (learned); the codebook
without keywords (definitions, criteria, examples) and no codings; the same
codebook as one free-text description (as a REFI ``.qdc`` from another
program carries it); the full codebook with keywords; and codebook + 3 coded
documents. "3 documents" means: learn from 3 randomly drawn documents, suggest
on all the others; the mean over ``--runs`` seeded draws is reported.

    python benchmarks/suggestion_quality.py                 # every corpus
    python benchmarks/suggestion_quality.py --corpus devset --runs 10
    python benchmarks/suggestion_quality.py --corpus devset --doc-size 100
    python benchmarks/suggestion_quality.py --ranking       # per code: AP, ROC AUC, best F1 of the codebook alone
    python benchmarks/suggestion_quality.py --project mine.lobcoder --related-share 0.3 --ranking

``--project FILE`` measures on a project's own coded documents and codes
instead (opened read-only). ``--related-share X`` switches the related words
(``evidence.RELATED_SHARE`` and the word vectors, off in the app) on at X for
the run, to measure them on a real project before switching them on.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import hashlib
import json
import random
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lobcoder.codebook.builtin import add_codebook_to_project, load_builtin_codebook
from lobcoder.demo.build import create_demo_project
from lobcoder.services.codes import CodeInfo, list_codes
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest import evidence
from lobcoder.suggest import store as persistence
from lobcoder.suggest import vocabulary as project_words
from lobcoder.suggest.cache import process_text
from lobcoder.suggest.evaluation import _method, _new_counts, run_split
from lobcoder.suggest.pipeline import DutchPipeline, load_pipeline
from lobcoder.suggest.ranking import document_scores
from lobcoder.suggest.store import CodedDocument
from lobcoder.suggest.units import Coded, coded
from lobcoder.suggest.vocabulary import vocabulary_of_texts

DEVSET = Path(__file__).parent / "data" / "devset"
THEMES = {"CL": "Collectief leren", "TL": "Transformationeel leiderschap", "VI": "Visie", "CO": "Communicatie"}
CHUNK = 40  # sentences per pseudo-document
RICH = ("description", "definition", "inclusion", "exclusion", "examples", "keywords")


def names_only(codes: Sequence[CodeInfo]) -> list[CodeInfo]:
    return [dataclasses.replace(c, **{f: "" for f in RICH}) for c in codes]


def without_keywords(codes: Sequence[CodeInfo]) -> list[CodeInfo]:
    return [dataclasses.replace(c, keywords="") for c in codes]


def free_text(codes: Sequence[CodeInfo]) -> list[CodeInfo]:
    """Each code with one plain description holding its definition, criteria and examples (no keywords)."""
    result = []
    for c in codes:
        parts = [c.description, c.definition, c.inclusion, c.exclusion, c.examples]
        text = "\n\n".join(p for p in parts if p)
        result.append(dataclasses.replace(c, **{**{f: "" for f in RICH}, "description": text}))
    return result


def headed_text(codes: Sequence[CodeInfo]) -> list[CodeInfo]:
    """As :func:`free_text`, with the usual headings a hand-written codebook uses ("Exclusie:", …; no keywords)."""
    headings = {"definition": "Definitie", "inclusion": "Inclusie", "exclusion": "Exclusie", "examples": "Voorbeelden"}
    result = []
    for c in codes:
        parts = [c.description] + [f"{h}: {getattr(c, f)}" for f, h in headings.items() if getattr(c, f)]
        text = "\n".join(p for p in parts if p)
        result.append(dataclasses.replace(c, **{**{f: "" for f in RICH}, "description": text}))
    return result


SETTINGS = {
    "names + 3 docs (learned)": (names_only, 3),
    "codebook, no keywords, 0 docs": (without_keywords, 0),
    "free-text description, 0 docs": (free_text, 0),
    "free text with headings, 0 docs": (headed_text, 0),
    "codebook with keywords, 0 docs": (lambda c: list(c), 0),
    "codebook, no keywords + 3 docs": (without_keywords, 3),
    "codebook with keywords + 3 docs": (lambda c: list(c), 3),
}


def research_codes() -> list[CodeInfo]:
    with tempfile.TemporaryDirectory() as folder, ProjectStore.create(Path(folder) / "codes.lobcoder") as store:
        with store.transaction() as session:
            add_codebook_to_project(session, load_builtin_codebook("nl"))
        with store.read() as session:
            return list_codes(session)


def roll_up(codes: Sequence[CodeInfo], documents: Sequence[CodedDocument]) -> list[CodedDocument]:
    """Codings of sub-codes counted for their top-level theme."""
    by_id = {c.id: c for c in codes}

    def theme(code: CodeInfo) -> str:
        while code.parent_id is not None:
            code = by_id[code.parent_id]
        return code.guid

    by_guid = {c.guid: theme(c) for c in codes}
    result = []
    for doc in documents:
        spans: dict[str, list[tuple[int, int]]] = {}
        for guid, found in doc.codings.items():
            spans.setdefault(by_guid[guid], []).extend(found)
        result.append(dataclasses.replace(doc, codings={g: tuple(sorted(s)) for g, s in spans.items()}))
    return result


def demo_documents(themes: bool) -> tuple[list[CodeInfo], list[CodedDocument]]:
    with tempfile.TemporaryDirectory() as folder:
        path = create_demo_project(Path(folder) / "demo.lobcoder")
        with ProjectStore.open(path) as store, store.read() as session:
            codes = list_codes(session)
            documents = [d for d in persistence.coded_documents(session) if d.codings]
    return codes, roll_up(codes, documents) if themes else documents


def project_documents(path: Path) -> tuple[list[CodeInfo], list[CodedDocument]]:
    """A project's codes and its documents that have codings (the project is only read)."""
    with ProjectStore.open(path, read_only=True) as store, store.read() as session:
        return list_codes(session), [d for d in persistence.coded_documents(session) if d.codings]


def devset_documents(
    gold: Path, chunk: int = CHUNK, labelling_round: str = "all"
) -> tuple[list[CodeInfo], list[CodedDocument]]:
    """Pseudo-documents of ``chunk`` consecutive sentences per source text, one sentence per line.

    ``labelling_round``: ``"all"``, or only the sentences of the ``"first"`` (ids ``d000``-``d519``)
    or the ``"second"`` labelling round (ids ``e000``-``e476``).
    """
    prefix = {"all": "", "first": "d", "second": "e"}[labelling_round]
    codes = research_codes()
    guid = {c.name: c.guid for c in codes}
    with open(DEVSET / "devset_sentences.tsv", encoding="utf-8") as f:
        sentences = [r for r in csv.DictReader(f, delimiter="\t") if r["id"].startswith(prefix)]
    with open(gold, encoding="utf-8") as f:
        labels = {row["id"]: row for row in csv.DictReader(f, delimiter="\t")}
    by_source: dict[str, list[dict[str, str]]] = {}
    for row in sentences:
        by_source.setdefault(row["source"], []).append(row)
    documents = []
    for source, rows in sorted(by_source.items()):
        for first in range(0, len(rows), chunk):
            text, spans, position = "", {}, 0
            for row in rows[first : first + chunk]:
                sentence = " ".join(row["text"].split())
                for key, name in THEMES.items():
                    if labels[row["id"]][key].strip() == "1":
                        spans.setdefault(guid[name], []).append((position, position + len(sentence)))
                text += sentence + "\n"
                position += len(sentence) + 1
            name = f"{source[:3]}-{first // chunk + 1:02d}"
            content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
            documents.append(
                CodedDocument(len(documents) + 1, name, content_hash, text, (), {g: tuple(s) for g, s in spans.items()})
            )
    return codes, documents


def corpus_vocabulary(pipeline: DutchPipeline, documents: Sequence[CodedDocument], per_document: bool) -> Any:
    """The corpus's vocabulary, as ``suggest`` counts a project's (None: each document's own sentences)."""
    if per_document:
        return None
    return vocabulary_of_texts(pipeline, [d.text for d in documents], vectors=project_words.VECTORS)


def measure(
    codes: Sequence[CodeInfo],
    documents: Sequence[CodedDocument],
    evaluated_names: Sequence[str],
    runs: int,
    seed: int,
    per_document: bool = False,
) -> dict[str, dict[str, Any]]:
    pipeline = load_pipeline(offline=True)
    processed = {d.content_hash: process_text(pipeline, d.text) for d in documents}
    vocabulary = corpus_vocabulary(pipeline, documents, per_document)
    results: dict[str, dict[str, Any]] = {}
    for label, (variant, learn_from) in SETTINGS.items():
        variant_codes = variant(codes)
        evaluated = [c for c in variant_codes if c.name in evaluated_names]
        method = "combined" if learn_from else "codebook"
        if label.startswith("names"):
            method = "learned"
        # With codings, the codebook alone is measured on the same held-out documents too (the fair comparison).
        methods = (method, "codebook") if method == "combined" else (method,)
        counts = _new_counts(evaluated, methods)
        rng = random.Random(seed)
        for run in range(runs if learn_from else 1):
            chosen = rng.sample(list(documents), learn_from) if learn_from else []
            ids = {d.id for d in chosen}
            rest = [d for d in documents if d.id not in ids]
            run_split(
                pipeline,
                variant_codes,
                chosen,
                rest,
                processed,
                counts,
                methods=methods,
                evaluated=evaluated,
                seed=seed + run,
                vocabulary=vocabulary,
            )
        alone = f"  {label.split(' + ')[0]}, same held-out"
        for name, measured in zip((label, alone), methods, strict=False):
            found = _method(measured, True, evaluated, counts, {})
            results[name] = {
                "micro_p": found.micro.precision,
                "micro_r": found.micro.recall,
                "micro_f1": found.micro.f1,
                "macro_f1": found.macro_f1,
                "top10_p": found.top_precision,
                "per_code_f1": {r.code: r.scores.f1 for r in found.per_code},
            }
    return results


def ranking(
    codes: Sequence[CodeInfo],
    documents: Sequence[CodedDocument],
    evaluated_names: Sequence[str],
    per_document: bool = False,
) -> None:
    """Per code, how well the codebook alone ranks sentences: average precision, ROC AUC, F1 at the best threshold.

    The best threshold is chosen on the sentences themselves (an upper bound for any threshold).
    """
    from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

    pipeline = load_pipeline(offline=True)
    processed = {d.content_hash: process_text(pipeline, d.text) for d in documents}
    vocabulary = corpus_vocabulary(pipeline, documents, per_document)
    print(f"{'codebook alone: ranking per code':34}{'AP':>6}{'AUC':>6}{'best F1':>8}{'support':>8}")
    for label, (variant, learn_from) in SETTINGS.items():
        if learn_from:
            continue
        variant_codes = variant(codes)
        evaluated = [c for c in variant_codes if c.name in evaluated_names]
        scores: dict[str, list[float]] = {c.guid: [] for c in evaluated}
        truth: dict[str, list[bool]] = {c.guid: [] for c in evaluated}
        for doc in documents:
            units, found = document_scores(
                pipeline, variant_codes, doc.text, doc.turns, processed[doc.content_hash], None, vocabulary=vocabulary
            )
            for code in evaluated:
                for unit, unit_scores in zip(units, found, strict=True):
                    state = coded(unit, doc.codings.get(code.guid, ()))
                    if state is not Coded.PARTLY:
                        scores[code.guid].append(
                            unit_scores[code.guid].probability if code.guid in unit_scores else 0.0
                        )
                        truth[code.guid].append(state is Coded.YES)
        aps = []
        print(label)
        for code in evaluated:
            y, p = truth[code.guid], scores[code.guid]
            if not any(y):
                continue
            precision, recall, _ = precision_recall_curve(y, p)
            best = max((2 * a * b / (a + b) for a, b in zip(precision, recall, strict=True) if a + b), default=0.0)
            aps.append(average_precision_score(y, p))
            print(f"  {code.name[:32]:32}{aps[-1]:>6.2f}{roc_auc_score(y, p):>6.2f}{best:>8.2f}{sum(y):>8}")
        print(f"  {'mean':32}{sum(aps) / len(aps):>6.2f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("devset", "demo-themes", "demo", "all"), default="all")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--gold", type=Path, default=DEVSET / "gold.tsv")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--ranking", action="store_true", help="per code: how well the codebook alone ranks sentences")
    parser.add_argument("--doc-size", type=int, default=CHUNK, help="devset: sentences per pseudo-document")
    parser.add_argument(
        "--round",
        choices=("all", "first", "second"),
        default="all",
        help="devset: all sentences, or only those of the first (520, d-ids) or second labelling round (477, e-ids)",
    )
    parser.add_argument(
        "--per-document-vocabulary",
        action="store_true",
        help="weigh codebook terms against each document's sentences, not the corpus's (as before)",
    )
    parser.add_argument("--project", type=Path, help="measure on this project's coded documents instead")
    parser.add_argument(
        "--related-share",
        type=float,
        help="related words on at this share for the run (evidence.RELATED_SHARE and word vectors; off: 0)",
    )
    args = parser.parse_args(argv)
    if args.related_share is not None:
        if args.related_share < 0 or args.per_document_vocabulary:
            parser.error("--related-share needs a share >= 0 and the corpus's vocabulary")
        evidence.RELATED_SHARE = args.related_share
        project_words.VECTORS = args.related_share > 0
        print(f"related words: share {args.related_share}")
    corpora = ("devset", "demo-themes", "demo") if args.corpus == "all" else (args.corpus,)
    if args.project is not None:
        corpora = (str(args.project),)
    out: dict[str, Any] = {}
    for corpus in corpora:
        if corpus == "devset":
            if not args.gold.exists():
                print(f"devset: {args.gold} not found, skipped")
                continue
            if args.doc_size < 1:
                parser.error("--doc-size must be at least 1")
            codes, documents = devset_documents(args.gold, args.doc_size, args.round)
            evaluated = list(THEMES.values())
        elif args.project is not None:
            codes, documents = project_documents(args.project)
            evaluated = [c.name for c in codes]
        else:
            codes, documents = demo_documents(themes=corpus == "demo-themes")
            evaluated = list(THEMES.values()) if corpus == "demo-themes" else [c.name for c in codes]
        evaluated = [
            n for n in evaluated if any(c.name == n and any(c.guid in d.codings for d in documents) for c in codes)
        ]
        sentences = sum(len(d.text.splitlines()) for d in documents)
        print(
            f"\n{corpus}: {len(documents)} documents, {sentences} lines, {len(evaluated)} codes evaluated,"
            f" runs {args.runs}"
        )
        if args.ranking:
            ranking(codes, documents, evaluated, args.per_document_vocabulary)
            continue
        results = measure(codes, documents, evaluated, args.runs, args.seed, args.per_document_vocabulary)
        out[corpus] = {"documents": len(documents), "lines": sentences, "results": results}
        if corpus == "devset":
            out[corpus] |= {"doc_size": args.doc_size, "round": args.round}
        print(f"{'setting':40}{'micro P':>8}{'R':>6}{'F1':>6}{'macro F1':>9}{'top-10 P':>9}")
        for label, r in results.items():
            top = "n/a" if r["top10_p"] is None else f"{r['top10_p']:.2f}"
            print(
                f"{label:40}{r['micro_p']:>8.2f}{r['micro_r']:>6.2f}{r['micro_f1']:>6.2f}{r['macro_f1']:>9.2f}{top:>9}"
            )
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
