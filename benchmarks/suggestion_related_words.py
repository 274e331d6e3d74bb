"""Code suggestions with a code's codebook terms expanded by a Dutch related-word table (issue 10, eighth pass).

The table (``dutch_related_words.py``: FreeDict Dutch-English and English-Dutch, optionally WordNet,
pivoted through English) gives each codebook term of a code (from its name, description, definition,
inclusion criteria and examples; never its keywords, which are rules, nor the terms learned from
codings) further Dutch lemmas. Each of a code's :data:`SOURCES` strongest single-word terms lends its
table partners the weight ``share × its weight × the partner's table score × the partner's contrast
and rarity`` (as ``evidence.RELATED_SHARE`` does for the project's distributional neighbours); a
partner that is a term of the code already keeps its own weight. Nothing in ``lobcoder`` changes: the
scorer is wrapped for the run.

For each corpus and setting it prints, side by side for each variant (``share 0`` is the shipped
suggestions): the mean average precision per code (pooled over the held-out documents of every run),
micro F1 at each code's threshold and the top-10 precision, as ``suggestion_quality.py`` counts them,
then the means per variant over the corpora. Tune on ``devset:first`` only; ``devset:second`` (labelled
after the suggestions were tuned), ``demo-themes`` and ``demo`` are held out.

    python benchmarks/suggestion_related_words.py                                   # every corpus, the grid
    python benchmarks/suggestion_related_words.py --corpus devset:first --variants direct:0.25,wordnet:0.25
    python benchmarks/suggestion_related_words.py --table /tmp/related.tsv.gz --variants table:0.5
    python benchmarks/suggestion_related_words.py --coverage --corpus devset --variants direct:0.25
    python benchmarks/suggestion_related_words.py --show --settings "" --corpus devset --variants direct:0.25

A variant is ``source:share[:min score[:terms]]``: ``direct`` (FreeDict pivots), ``wordnet`` (+ WordNet
synonyms) or ``table`` (``--table FILE``), each optionally ``-mutual`` (only pairs that list each other);
the partners' minimum table score (0.35) and how many of a code's strongest terms lend them (15).
``--coverage``: the (sentence, code) pairs the table raises, how many are coded, how many it lifts over
the threshold; ``--show``: each research code's terms and the partners they add.

Without the Debian files (``dict-freedict-nld-eng``, ``dict-freedict-eng-nld``, ``wordnet-base``) it
says which are missing and exits with status 2.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import dutch_related_words as related_words  # noqa: E402
from quality import runner  # noqa: E402
from quality.corpora import DEVSET, THEMES, demo_documents, devset_documents  # noqa: E402
from quality.settings import SETTINGS  # noqa: E402

from lobcoder.suggest import evaluation  # noqa: E402
from lobcoder.suggest.evidence import CodebookEvidence  # noqa: E402
from lobcoder.suggest.pipeline import DutchPipeline, load_pipeline  # noqa: E402
from lobcoder.suggest.units import Coded, coded  # noqa: E402
from lobcoder.suggest.vocabulary import MIN_LENGTH, Vocabulary  # noqa: E402
from lobcoder.text.words import lemma_of  # noqa: E402

CORPORA = ("devset:first", "devset:second", "demo-themes", "demo")
MEASURED = (
    "codebook, no keywords, 0 docs",
    "free-text description, 0 docs",
    "codebook with keywords, 0 docs",
    "code names + 3 docs (combined)",
    "codebook, no keywords + 3 docs",
    "codebook with keywords + 3 docs",
)
SOURCES = 15  # a code's strongest single-word terms whose partners are added
GRID = "direct:0.1,direct:0.25,direct:0.5,direct-mutual:0.25,direct-mutual:0.5,wordnet:0.25,wordnet:0.5:0.7"
WIDTH = 26
MIN_PARTNER = 0.35  # the table score a partner needs (scaled: a word's best partner scores 1)

Table = dict[str, list[tuple[str, float]]]
_state: dict[str, Any] = {"table": {}, "share": 0.0, "least": MIN_PARTNER, "sources": SOURCES, "record": None}


def lemma_table(pipeline: DutchPipeline, table: Table) -> Table:
    """The table with every word as the pipeline's lemma of it (so it meets a code's terms and a sentence's lemmas)."""
    result: dict[str, dict[str, float]] = {}
    for word, partners in sorted(table.items()):
        key = lemma_of(pipeline, word)
        found = result.setdefault(key, {})
        for partner, score in partners:
            lemma = lemma_of(pipeline, partner)
            if lemma != key and len(lemma) >= MIN_LENGTH:
                found[lemma] = max(found.get(lemma, 0.0), score)
    return {w: sorted(p.items(), key=lambda ps: (-ps[1], ps[0])) for w, p in result.items() if p}


def mutual(table: Table) -> Table:
    partners = {w: {p for p, _ in found} for w, found in table.items()}
    kept = {w: [(p, s) for p, s in found if w in partners.get(p, ())] for w, found in table.items()}
    return {w: found for w, found in kept.items() if found}


def expand(evidence: CodebookEvidence, vocabulary: Vocabulary, table: Table, share: float) -> None:
    """Add each code's table partners of its strongest text terms as weaker terms, then re-index."""
    total = max(len(evidence.terms), 1)
    spread: dict[str, int] = {}
    for terms in evidence.terms.values():
        for term in terms:
            spread[term] = spread.get(term, 0) + 1
    for guid, terms in sorted(evidence.terms.items()):
        learned = evidence._learned.get(guid, frozenset())
        ordered = sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))
        sources = [(t, w) for t, w in ordered if " " not in t and t not in learned][: _state["sources"]]
        added: dict[str, float] = {}
        for term, weight in sources:
            for partner, score in table.get(term, ()):
                if score < _state["least"] or partner in terms:
                    continue
                contrast = math.log(1.0 + total / (spread.get(partner, 0) + 1)) / math.log(1.0 + total)
                value = share * weight * score * contrast * vocabulary.rarity(partner)
                added[partner] = max(added.get(partner, 0.0), value)
                if _state.get("show") is not None and value > 0:
                    _state["show"].setdefault(guid, {}).setdefault(term, set()).add(partner)
        terms.update(added)
    index: dict[str, list[tuple[str, float]]] = {}
    for guid, weights in evidence.terms.items():
        for term, weight in weights.items():
            index.setdefault(term, []).append((guid, weight))
    for guid, weights in evidence.against.items():
        for term, weight in weights.items():
            index.setdefault(term, []).append((guid, -weight))
    evidence._index = index
    evidence._parts = {}
    evidence._by_lemma = {evidence._lookup(t): t for t in sorted(index, reverse=True) if " " not in t}


def install() -> None:
    """Wrap the codebook scorer (expansion at ``_state['share']``) and record every evaluation's scores."""
    shipped_init = CodebookEvidence.__init__

    def init(self: CodebookEvidence, pipeline: Any, codes: Any, vocabulary: Any = None, learned: Any = None) -> None:
        shipped_init(self, pipeline, codes, vocabulary, learned)
        if _state["share"] > 0:
            expand(self, vocabulary or Vocabulary({}, 0), _state["table"], _state["share"])

    CodebookEvidence.__init__ = init  # type: ignore[method-assign]
    shipped_scores = evaluation.document_scores

    def document_scores(pipeline: Any, codes: Any, text: str, *args: Any, **kwargs: Any) -> Any:
        units, scores = shipped_scores(pipeline, codes, text, *args, **kwargs)
        if _state["record"] is not None:
            _state["record"].append((text, units, scores))
        return units, scores

    evaluation.document_scores = document_scores  # type: ignore[assignment]
    shipped_vocabulary = runner.corpus_vocabulary

    def fresh_vocabulary(*args: Any) -> Any:
        # A new object per measurement: the scorer and evidence caches key on the vocabulary's identity.
        found = shipped_vocabulary(*args)
        return dataclasses.replace(found) if found is not None else None

    runner.corpus_vocabulary = fresh_vocabulary  # type: ignore[assignment]


def corpus(name: str) -> tuple[list[Any], list[Any], list[str]]:
    if name.startswith("devset"):
        codes, documents = devset_documents(DEVSET / "gold.tsv", 40, name.partition(":")[2] or "all")
        evaluated = list(THEMES.values())
    else:
        codes, documents = demo_documents(themes=name == "demo-themes")
        evaluated = list(THEMES.values()) if name == "demo-themes" else [c.name for c in codes]
    has = {c.name for c in codes if any(c.guid in d.codings for d in documents)}
    return codes, documents, [n for n in evaluated if n in has]


def average_precision(
    record: Sequence[tuple[str, Any, Any]], calls: int, codes: Sequence[Any], documents: Sequence[Any], names: list[str]
) -> float:
    """Mean AP per evaluated code over the recorded scores (the first of each document's ``calls`` calls)."""
    from sklearn.metrics import average_precision_score

    by_text = {d.text: d for d in documents}
    chosen = [c for c in codes if c.name in names]
    pooled: dict[str, tuple[list[float], list[bool]]] = {c.guid: ([], []) for c in chosen}
    for text, units, scores in record[::calls]:
        doc = by_text[text]
        for code in chosen:
            for unit, unit_scores in zip(units, scores, strict=True):
                state = coded(unit, doc.codings.get(code.guid, ()))
                if state is not Coded.PARTLY:
                    pooled[code.guid][0].append(unit_scores[code.guid].probability if code.guid in unit_scores else 0.0)
                    pooled[code.guid][1].append(state is Coded.YES)
    aps = [average_precision_score(y, p) for p, y in pooled.values() if any(y)]
    return sum(aps) / len(aps)


def show(pipeline: DutchPipeline, tables: dict[str, Table], chosen: Sequence[Variant]) -> None:
    """Each research code's terms that got partners, and the partners (codebook without keywords)."""
    codes, documents, _ = corpus("devset")
    vocabulary = runner.corpus_vocabulary(pipeline, documents, False)
    for variant in chosen:
        source, share, least, sources = variant
        if not share:
            continue
        _state.update(table=tables[source], share=share, least=least, sources=sources, show={})
        CodebookEvidence(pipeline, SETTINGS["codebook, no keywords, 0 docs"][0](codes), vocabulary)
        print(f"\nadded by {label_of(variant)} (codebook without keywords, devset vocabulary)")
        for code in codes:
            found = _state["show"].get(code.guid, {})
            print(f"  {code.name}: " + "; ".join(f"{t} -> {', '.join(sorted(p))}" for t, p in sorted(found.items())))
        _state["show"] = None


def coverage(pipeline: DutchPipeline, tables: dict[str, Table], chosen: Sequence[Variant], name: str) -> None:
    """Codebook without keywords: the (sentence, code) pairs the table raises, how many are coded, how many newly pass."""
    from lobcoder.suggest.cache import process_text
    from lobcoder.suggest.ranking import document_scores

    codes, documents, evaluated = corpus(name)
    codes = SETTINGS["codebook, no keywords, 0 docs"][0](codes)
    chosen_codes = [c for c in codes if c.name in evaluated]
    processed = {d.content_hash: process_text(pipeline, d.text) for d in documents}
    vocabulary = runner.corpus_vocabulary(pipeline, documents, False)

    def probabilities() -> list[tuple[float, bool]]:
        found = []
        for doc in documents:
            units, scores = document_scores(
                pipeline, codes, doc.text, doc.turns, processed[doc.content_hash], None, vocabulary=vocabulary
            )
            for code in chosen_codes:
                for unit, unit_scores in zip(units, scores, strict=True):
                    state = coded(unit, doc.codings.get(code.guid, ()))
                    if state is not Coded.PARTLY:
                        p = unit_scores[code.guid].probability if code.guid in unit_scores else 0.0
                        found.append((p, state is Coded.YES))
        return found

    _state.update(share=0.0, sources=SOURCES)
    before = probabilities()
    positives = sum(t for _, t in before)
    print(f"\n{name}, codebook without keywords: {len(before)} (sentence, code) pairs, {positives} coded")
    for variant in chosen:
        source, share, least, sources = variant
        if not share:
            continue
        vocabulary = dataclasses.replace(vocabulary)
        _state.update(table=tables[source], share=share, least=least, sources=sources)
        after = probabilities()
        raised = [(a, b) for a, b in zip(before, after, strict=True) if b[0] > a[0] + 1e-9]
        passing = [b for a, b in raised if b[0] >= 0.5 > a[0]]
        print(
            f"  {label_of(variant)}: raised {len(raised)} pairs, {sum(b[1] for _, b in raised)} of them coded;"
            f" newly at 0.5 or more {len(passing)}, {sum(t for _, t in passing)} coded"
        )
    _state.update(share=0.0)


Variant = tuple[str, float, float, int]


def variants(text: str) -> list[Variant]:
    """``source:share[:min score[:sources]]`` items; the shipped suggestions (share 0) first."""
    found: list[Variant] = [("shipped", 0.0, MIN_PARTNER, SOURCES)]
    for item in text.split(","):
        source, share, *rest = item.strip().split(":")
        least = float(rest[0]) if rest else MIN_PARTNER
        found.append((source, float(share), least, int(rest[1]) if len(rest) > 1 else SOURCES))
    return found


def label_of(variant: Variant) -> str:
    source, share, least, sources = variant
    return f"{source}:{share:g}:{least:g}:{sources}" if share else "shipped"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=",".join(CORPORA), help=f"comma-separated: {', '.join(CORPORA)}")
    parser.add_argument(
        "--variants",
        type=variants,
        default=variants(GRID),
        help="comma-separated source:share[:min score] (source: direct, wordnet, table, each optionally"
        " with -mutual); the shipped suggestions (share 0) come first",
    )
    parser.add_argument("--table", type=Path, help="a table written by dutch_related_words.py (source 'table')")
    parser.add_argument("--settings", default=";".join(MEASURED), help="setting labels, separated by semicolons")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--coverage", action="store_true", help="per corpus, the pairs the table raises, then stop")
    parser.add_argument("--show", action="store_true", help="print each code's added words (codebook without keywords)")
    args = parser.parse_args(argv)
    sources = {v[0] for v in args.variants if v[0] != "shipped"}
    problem = related_words.available(any(s.startswith("wordnet") for s in sources)) if sources - {"table"} else None
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    pipeline = load_pipeline(offline=True)
    tables: dict[str, Table] = {}
    for source in sorted(sources):
        raw = related_words.read(args.table) if source == "table" else related_words.build(source.startswith("wordnet"))
        tables[source] = lemma_table(pipeline, raw)
        if source.endswith("-mutual"):  # only pairs each of whose words lists the other
            tables[source] = mutual(tables[source])
        pairs = sum(len(p) for p in tables[source].values())
        print(f"table {source}: {len(tables[source])} lemmas, {pairs} pairs")
    install()
    if args.show:
        show(pipeline, tables, args.variants)
    if args.coverage:
        for name in args.corpus.split(","):
            coverage(pipeline, tables, args.variants, name)
        return 0
    settings = [s.strip() for s in args.settings.split(";") if s.strip()]
    labels = [label_of(v) for v in args.variants]
    totals: dict[tuple[str, bool], list[tuple[float, float, float]]] = {}
    for name in args.corpus.split(","):
        codes, documents, evaluated = corpus(name)
        print(f"\n{name}: {len(documents)} documents, {len(evaluated)} codes evaluated, runs {args.runs}")
        print(f"{'AP / micro F1 / top-10 P':34}" + "".join(label.rjust(WIDTH) for label in labels))
        for setting in settings:
            variant, learns = SETTINGS[setting]
            calls = 1 if not learns or setting.startswith("names + 3") else 2
            cells = []
            for (source, share, least, count), label in zip(args.variants, labels, strict=True):
                _state.update(table=tables.get(source, {}), share=share, least=least, sources=count, record=[])
                found = runner.measure(
                    codes, documents, evaluated, args.runs, args.seed, settings={setting: SETTINGS[setting]}
                )
                ap = average_precision(_state["record"], calls, variant(codes), documents, evaluated)
                result = found[setting]
                cells.append((ap, result["micro_f1"], result["top10_p"]))
                totals.setdefault((label, learns), []).append(cells[-1])
                _state["record"] = None
            print(f"{setting[:34]:34}" + "".join(f"{a:.3f}/{f:.3f}/{t:.3f}".rjust(WIDTH) for a, f, t in cells))
            sys.stdout.flush()
    print("\nmean over corpora and settings (AP / micro F1 / top-10 P)")
    for learns, what in ((False, "codebook only"), (True, "+ 3 coded documents")):
        if not totals.get((labels[0], learns)):
            continue
        row = []
        for label in labels:
            found = totals[(label, learns)]
            row.append(tuple(sum(c[i] for c in found) / len(found) for i in range(3)))
        print(f"{what:34}" + "".join(f"{a:.3f}/{f:.3f}/{t:.3f}".rjust(WIDTH) for a, f, t in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
