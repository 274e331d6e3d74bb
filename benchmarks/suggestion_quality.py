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
    python benchmarks/suggestion_quality.py --corpus devset --train-sentences 120,300,600   # a learning curve
    python benchmarks/suggestion_quality.py --corpus devset --train-docs 1,2,3,4,5 --marks  # and the marks
    python benchmarks/suggestion_quality.py --corpus devset --choose random,uncertain,rare,rich,diverse

Every run also scores issue 10's reference, a hand-written keyword list per
theme (``data/keyword_baseline.json``; a sentence gets a theme when one of its
words, surface form or lemma, is in the theme's list), where every code
evaluated has a list (the four themes: devset and demo-themes).

``--train-docs`` / ``--train-sentences`` measure only the settings that learn,
after learning from each number of documents, or from documents drawn at random
until they hold at least each number of respondent sentences (whole documents:
the rest is held out). ``--marks`` checks the reliability marks of the learned
settings: per run and code, was a code marked reliable (out of fold on the
documents learned from) really at F1 >= 0.40 on the held-out documents, and how
often was one marked not reliable at that F1 anyway (``--marks-json`` writes
every mark and its held-out counts).

``--choose`` compares ways of choosing which document she codes next (``choose_next.py``): the
F1 after 1..``--choose-steps`` coded documents on fixed test documents, per strategy, from the
same first document.

``--project FILE`` measures on a project's own coded documents and codes
instead (opened read-only). ``--related-share X`` switches the related words
(``evidence.RELATED_SHARE`` and the word vectors, off in the app) on at X for
the run, to measure them on a real project before switching them on;
``--answer-share X`` does the same for smoothing over the answer
(``ranking.ANSWER_SHARE``, off in the app).
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
from lobcoder.suggest import ranking as suggestion_ranking
from lobcoder.suggest import store as persistence
from lobcoder.suggest import vocabulary as project_words
from lobcoder.suggest.cache import process_text
from lobcoder.suggest.classifier import Reliability
from lobcoder.suggest.evaluation import _Counts, _method, _new_counts, run_split
from lobcoder.suggest.pipeline import DutchPipeline, load_pipeline
from lobcoder.suggest.ranking import document_scores
from lobcoder.suggest.store import CodedDocument
from lobcoder.suggest.units import Coded, coded, document_units
from lobcoder.suggest.vocabulary import vocabulary_of_texts

sys.path.insert(0, str(Path(__file__).resolve().parent))  # its sibling choose_next.py, also when loaded by path
import choose_next  # noqa: E402

DEVSET = Path(__file__).parent / "data" / "devset"
KEYWORD_BASELINE = Path(__file__).parent / "data" / "keyword_baseline.json"
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


SETTINGS = {  # label -> (the codebook as the setting sees it, whether it learns from coded documents)
    "names + 3 docs (learned)": (names_only, True),
    "codebook, no keywords, 0 docs": (without_keywords, False),
    "free-text description, 0 docs": (free_text, False),
    "free text with headings, 0 docs": (headed_text, False),
    "codebook with keywords, 0 docs": (lambda c: list(c), False),
    "code names + 3 docs (combined)": (names_only, True),  # what suggest does for codes with only a name
    "codebook, no keywords + 3 docs": (without_keywords, True),
    "codebook with keywords + 3 docs": (lambda c: list(c), True),
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


@dataclasses.dataclass(frozen=True)
class Amount:
    """How much coded text a learned setting learns from: ``documents`` drawn at random, or, with
    ``sentences``, documents drawn at random until they hold at least that many respondent sentences."""

    documents: int = 3
    sentences: int | None = None

    @property
    def label(self) -> str:
        return f"{self.sentences} sent." if self.sentences else f"{self.documents} docs"


def respondent_sentences(document: CodedDocument, processed: Any) -> int:
    """The sentences of a document that suggestions are scored on (respondent sentences, not turns)."""
    return sum(u.kind == "sentence" for u in document_units(document.text, processed, document.turns))


def draw(rng: random.Random, documents: Sequence[CodedDocument], amount: Amount, sizes: dict[int, int]) -> list:
    """The documents learned from in one run (whole documents: the rest is held out, document-level)."""
    if amount.sentences is None:
        return rng.sample(list(documents), amount.documents)
    chosen, total = [], 0
    for doc in rng.sample(list(documents), len(documents)):
        if total >= amount.sentences:
            break
        chosen.append(doc)
        total += sizes[doc.id]
    if len(chosen) == len(documents):
        raise SystemExit(f"--train-sentences {amount.sentences}: no document would be left to suggest on")
    return chosen


def _merge(into: _Counts, part: _Counts) -> None:
    for key, cell in part.cells.items():
        into.cells[key] = [a + b for a, b in zip(into.cells[key], cell, strict=True)]
    for key, found in part.thresholds.items():
        into.thresholds[key].extend(found)
    for guid, support in part.support.items():
        into.support[guid] += support
    for method, top in part.top.items():
        into.top[method].extend(top)
    into.sentences += part.sentences


def _mark_rows(
    marks: dict[str, Reliability], part: _Counts, method: str, evaluated: Sequence[CodeInfo]
) -> list[dict[str, Any]]:
    """Per code of one run: the reliability the pane would show and how the code then did on held-out documents."""
    rows = []
    for code in evaluated:
        tp, fp, fn = part.cells[(method, code.guid)]
        mark = marks.get(code.guid)
        rows.append(
            {
                "code": code.name,
                "held_out": {"tp": tp, "fp": fp, "fn": fn, "support": part.support[code.guid]},
                "mark": dataclasses.asdict(mark) if mark is not None else None,
                "reliable": mark is not None and mark.reliable,
            }
        )
    return rows


def measure(
    codes: Sequence[CodeInfo],
    documents: Sequence[CodedDocument],
    evaluated_names: Sequence[str],
    runs: int,
    seed: int,
    per_document: bool = False,
    amount: Amount = Amount(),
    learning_only: bool = False,
    marks: list[dict[str, Any]] | None = None,
    settings: dict[str, tuple[Any, bool]] | None = None,
) -> dict[str, dict[str, Any]]:
    """Micro/macro scores per setting; ``amount``: what the learned settings learn from.

    ``learning_only``: only the settings that learn. ``marks``: gets one row per run and code of
    the learned settings (see :func:`_mark_rows`). ``settings``: instead of :data:`SETTINGS`.
    """
    pipeline = load_pipeline(offline=True)
    processed = {d.content_hash: process_text(pipeline, d.text) for d in documents}
    sizes = {d.id: respondent_sentences(d, processed[d.content_hash]) for d in documents}
    vocabulary = corpus_vocabulary(pipeline, documents, per_document)
    results: dict[str, dict[str, Any]] = {}
    for label, (variant, learns) in (settings or SETTINGS).items():
        if learning_only and not learns:
            continue
        label = label.replace("3 docs", amount.label)
        variant_codes = variant(codes)
        evaluated = [c for c in variant_codes if c.name in evaluated_names]
        method = "combined" if learns else "codebook"
        if label.startswith("names"):
            method = "learned"
        # With codings, the codebook alone is measured on the same held-out documents too (the fair comparison).
        methods = (method, "codebook") if method == "combined" else (method,)
        counts = _new_counts(evaluated, methods)
        rng = random.Random(seed)
        trained_sentences = []
        for run in range(runs if learns else 1):
            chosen = draw(rng, documents, amount, sizes) if learns else []
            trained_sentences.append(sum(sizes[d.id] for d in chosen))
            ids = {d.id for d in chosen}
            rest = [d for d in documents if d.id not in ids]
            part = _new_counts(evaluated, methods)
            found: dict[str, Reliability] = {}
            run_split(
                pipeline,
                variant_codes,
                chosen,
                rest,
                processed,
                part,
                methods=methods,
                evaluated=evaluated,
                seed=seed + run,
                vocabulary=vocabulary,
                marks=found,
            )
            _merge(counts, part)
            if learns and marks is not None:
                for row in _mark_rows(found, part, method, evaluated):
                    marks.append({"setting": label, "amount": amount.label, "run": run, "documents": len(chosen)} | row)
        alone = f"  {label.split(' + ')[0]}, same held-out"
        for name, measured in zip((label, alone), methods, strict=False):
            result = _method(measured, True, evaluated, counts, {})
            results[name] = {
                "micro_p": result.micro.precision,
                "micro_r": result.micro.recall,
                "micro_f1": result.micro.f1,
                "macro_f1": result.macro_f1,
                "top10_p": result.top_precision,
                "per_code_f1": {r.code: r.scores.f1 for r in result.per_code},
                "trained_sentences": sum(trained_sentences) / len(trained_sentences),
            }
    return results


def keyword_lists(path: Path = KEYWORD_BASELINE) -> dict[str, list[str]]:
    return json.loads(path.read_text(encoding="utf-8"))["themes"]


def list_settings(lists: dict[str, list[str]]) -> dict[str, tuple[Any, bool]]:
    """The codebook with the hand-written list as its only keywords (themes; sub-codes without), as a
    researcher would use it with ``--keywords``."""

    def variant(codes: Sequence[CodeInfo]) -> list[CodeInfo]:
        return [dataclasses.replace(c, keywords="\n".join(lists.get(c.name, ()))) for c in codes]

    return {
        "codebook, list as keywords, 0 docs": (variant, False),
        "codebook, list as keywords + 3 docs": (variant, True),
    }


def keyword_baseline(
    codes: Sequence[CodeInfo],
    documents: Sequence[CodedDocument],
    evaluated_names: Sequence[str],
    lists: dict[str, list[str]],
) -> dict[str, Any] | None:
    """Issue 10's reference: a sentence gets a code when one of its words (surface form or lemma,
    case-insensitive) is in the code's hand-written list. None when a code evaluated has no list."""
    evaluated = [c for c in codes if c.name in evaluated_names]
    if any(c.name not in lists for c in evaluated):
        return None
    pipeline = load_pipeline(offline=True)
    words = {}
    for code in evaluated:
        entries = [w.lower() for w in lists[code.name]]
        lemmas = [lemma for entry in entries for lemma in process_text(pipeline, entry).lemmas]  # as in the text
        words[code.guid] = set(entries) | {lemma.lower() for lemma in lemmas}
    counts = _new_counts(evaluated, ("keywords",))
    for doc in documents:
        processed = process_text(pipeline, doc.text)
        for unit in document_units(doc.text, processed, doc.turns):
            counts.sentences += 1
            for code in evaluated:
                state = coded(unit, doc.codings.get(code.guid, ()))
                if state is Coded.PARTLY:
                    continue
                hit = any(
                    processed.lowers[i] in words[code.guid] or processed.lemmas[i].lower() in words[code.guid]
                    for i in unit.tokens
                )
                is_true = state is Coded.YES
                counts.support[code.guid] += is_true
                if hit or is_true:
                    counts.cells[("keywords", code.guid)][0 if hit and is_true else 1 if hit else 2] += 1
    result = _method("keywords", True, evaluated, counts, {})
    return {
        "micro_p": result.micro.precision,
        "micro_r": result.micro.recall,
        "micro_f1": result.micro.f1,
        "macro_f1": result.macro_f1,
        "top10_p": None,
        "per_code_f1": {r.code: r.scores.f1 for r in result.per_code},
    }


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
    for label, (variant, learns) in SETTINGS.items():
        if learns:
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


def _amounts(text: str) -> list[int]:
    values = [int(v) for v in text.split(",") if v.strip()]
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("a comma-separated list of numbers >= 1")
    return values


def _strategies(text: str) -> list[str]:
    values = [v.strip() for v in text.split(",") if v.strip()]
    if not values or any(v not in choose_next.STRATEGIES for v in values):
        raise argparse.ArgumentTypeError(f"a comma-separated list of {', '.join(choose_next.STRATEGIES)}")
    return values


def choose_curve(
    args: argparse.Namespace, codes: Sequence[CodeInfo], documents: Sequence[CodedDocument], evaluated: Sequence[str]
) -> dict[str, Any]:
    """``--choose``: F1 after 1..``--choose-steps`` coded documents, chosen by each strategy (see choose_next.py)."""
    pipeline = load_pipeline(offline=True)
    processed = {d.content_hash: process_text(pipeline, d.text) for d in documents}
    vocabulary = corpus_vocabulary(pipeline, documents, args.per_document_vocabulary)
    settings = {"definitions + N docs (combined)": without_keywords, "code names + N docs (combined)": names_only}
    result = choose_next.curve(
        pipeline,
        codes,
        documents,
        evaluated,
        processed,
        vocabulary,
        settings,
        args.choose,
        args.choose_steps,
        args.runs,
        args.seed,
    )
    choose_next.print_curve(result, args.choose_steps)
    return result


def print_results(results: dict[str, dict[str, Any]]) -> None:
    print(f"{'setting':44}{'micro P':>8}{'R':>6}{'F1':>6}{'macro F1':>9}{'top-10 P':>9}")
    for label, r in results.items():
        top = "n/a" if r["top10_p"] is None else f"{r['top10_p']:.2f}"
        print(f"{label:44}{r['micro_p']:>8.2f}{r['micro_r']:>6.2f}{r['micro_f1']:>6.2f}{r['macro_f1']:>9.2f}{top:>9}")


def print_curve(curve: dict[str, dict[str, dict[str, Any]]]) -> None:
    """Micro F1 (and top-10 P) of each learned setting per amount learned from."""
    print(f"{'micro F1 (top-10 P) after learning from':40}" + "".join(f"{a:>14}" for a in curve))
    first = next(iter(curve.values()))
    trained = "".join(f"{next(iter(r.values()))['trained_sentences']:>14.0f}" for r in curve.values())
    print(f"{'  (sentences learned from, mean)':40}{trained}")
    for row, _ in enumerate(first):
        cells, name = "", ""
        for a, results in curve.items():
            key = list(results)[row]
            name = key.replace(a, "N")
            r = results[key]
            top = "" if r["top10_p"] is None else f" ({r['top10_p']:.2f})"
            cells += f"{r['micro_f1']:.2f}{top}".rjust(14)
        print(f"{name:40}{cells}")


def held_out_f1(row: dict[str, Any]) -> float:
    h = row["held_out"]
    return 2 * h["tp"] / (2 * h["tp"] + h["fp"] + h["fn"]) if h["tp"] else 0.0


def print_marks(rows: Sequence[dict[str, Any]]) -> None:
    """How often a mark says the truth about held-out F1 >= RELIABLE_F1: per amount learned from, all learned
    settings pooled, then per setting, all amounts pooled.

    Only (run, code) pairs with held-out coded sentences count (otherwise there is no F1 to check).
    """
    from lobcoder.suggest.classifier import RELIABLE_F1

    print(f"\nreliability marks: held-out F1 >= {RELIABLE_F1:.2f}? (runs x codes)")
    print(
        f"{'learned from':34}{'reliable':>9}{'of which ok':>12}{'not reliable':>13}{'of which ok':>12}{'marks right':>12}"
    )
    checked = [r for r in rows if r["held_out"]["support"]]
    by_amount: dict[str, list[dict[str, Any]]] = {}
    by_setting: dict[str, list[dict[str, Any]]] = {}
    for row in checked:
        by_amount.setdefault(row["amount"], []).append(row)
        by_setting.setdefault(row["setting"].split(" + ")[0], []).append(row)
    groups = sorted(by_amount.items(), key=lambda item: int(item[0].split()[0]))
    groups += [(f"{name}, any amount", group) for name, group in by_setting.items()]
    for name, group in groups:
        yes = [held_out_f1(r) >= RELIABLE_F1 for r in group if r["reliable"]]
        no = [held_out_f1(r) >= RELIABLE_F1 for r in group if not r["reliable"]]
        right = sum(yes) + sum(not ok for ok in no)
        share_yes = f"{sum(yes) / len(yes):.2f}" if yes else "n/a"
        share_no = f"{sum(no) / len(no):.2f}" if no else "n/a"
        print(f"{name[:34]:34}{len(yes):>9}{share_yes:>12}{len(no):>13}{share_no:>12}{right / len(group):>12.2f}")


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
        "--train-docs",
        type=_amounts,
        help="a learning curve: the learned settings after learning from each of these numbers of documents (1,2,3)",
    )
    parser.add_argument(
        "--train-sentences",
        type=_amounts,
        help="a learning curve: the learned settings after learning from documents drawn until they hold at least"
        " each of these numbers of sentences (120,300,600); the other documents are held out",
    )
    parser.add_argument(
        "--marks",
        action="store_true",
        help="how often codes marked reliable (and not) score F1 >= 0.40 on the held-out documents",
    )
    parser.add_argument("--marks-json", type=Path, help="write every (run, code) reliability mark and its outcome")
    parser.add_argument(
        "--choose",
        type=_strategies,
        help="which document to code next: learning curves on fixed test documents when the next coded document"
        f" is chosen by each of these strategies ({','.join(choose_next.STRATEGIES)}); see choose_next.py",
    )
    parser.add_argument("--choose-steps", type=int, default=4, help="--choose: up to this many coded documents")
    parser.add_argument(
        "--keyword-list",
        type=Path,
        default=KEYWORD_BASELINE,
        help="the hand-written keyword list per theme scored as a reference row (JSON, see data/keyword_baseline.json)",
    )
    parser.add_argument(
        "--related-share",
        type=float,
        help="related words on at this share for the run (evidence.RELATED_SHARE and word vectors; off: 0)",
    )
    parser.add_argument(
        "--answer-share",
        type=float,
        help="smoothing over the answer on at this share for the run (ranking.ANSWER_SHARE; off: 0)",
    )
    args = parser.parse_args(argv)
    if args.train_docs and args.train_sentences:
        parser.error("--train-docs and --train-sentences: one learning curve at a time")
    amounts = [Amount(documents=n) for n in args.train_docs or ()]
    amounts += [Amount(sentences=n) for n in args.train_sentences or ()]
    want_marks = bool(args.marks or args.marks_json)
    if args.related_share is not None:
        if args.related_share < 0 or args.per_document_vocabulary:
            parser.error("--related-share needs a share >= 0 and the corpus's vocabulary")
        evidence.RELATED_SHARE = args.related_share
        project_words.VECTORS = args.related_share > 0
        print(f"related words: share {args.related_share}")
    if args.answer_share is not None:
        if args.answer_share < 0:
            parser.error("--answer-share needs a share >= 0")
        suggestion_ranking.ANSWER_SHARE = args.answer_share
        print(f"smoothing over the answer: share {args.answer_share}")
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
        if args.choose:
            out[corpus] = {
                "documents": len(documents),
                "lines": sentences,
                "choose": choose_curve(args, codes, documents, evaluated),
            }
            continue
        corpus_marks: list[dict[str, Any]] | None = [] if want_marks else None
        if amounts:
            curve = {
                a.label: measure(
                    codes,
                    documents,
                    evaluated,
                    args.runs,
                    args.seed,
                    args.per_document_vocabulary,
                    amount=a,
                    learning_only=True,
                    marks=corpus_marks,
                )
                for a in amounts
            }
            out[corpus] = {"documents": len(documents), "lines": sentences, "curve": curve}
            print_curve(curve)
        else:
            results = measure(
                codes, documents, evaluated, args.runs, args.seed, args.per_document_vocabulary, marks=corpus_marks
            )
            lists = keyword_lists(args.keyword_list)
            baseline = keyword_baseline(codes, documents, evaluated, lists)
            if baseline is not None:
                results["keyword list (one minute), 0 docs"] = baseline
                results |= measure(
                    codes,
                    documents,
                    evaluated,
                    args.runs,
                    args.seed,
                    args.per_document_vocabulary,
                    settings=list_settings(lists),
                )
            out[corpus] = {"documents": len(documents), "lines": sentences, "results": results}
            print_results(results)
        if corpus == "devset":
            out[corpus] |= {"doc_size": args.doc_size, "round": args.round}
        if corpus_marks is not None:
            out[corpus]["marks"] = corpus_marks
            print_marks(corpus_marks)
    if args.marks_json:
        args.marks_json.write_text(
            json.dumps({c: o.get("marks", []) for c, o in out.items()}, indent=1, ensure_ascii=False), encoding="utf-8"
        )
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
