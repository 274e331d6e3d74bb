"""Which document should she code next? Learning curves when the next coded document is chosen, not drawn.

Used by ``suggestion_quality.py --choose random,uncertain,rare,diverse``. Per seeded run the
documents are split once into a *pool* (the documents she may code) and a fixed *test* set
(never coded; every strategy is scored on the same test documents, so a strategy cannot look
better by leaving the easy documents to be suggested on). Every strategy starts from the same
first document of the pool; after 1, 2, 3, … coded documents the suggestions are scored on the
test documents, and the strategy picks the next document from the rest of the pool, using only
what the app would have at that moment: the model trained on the documents coded so far (for
the settings that use one) and the codebook's evidence, no labels of the pool.

Strategies:

* ``random``: the next document of the run's random order (today's benchmark);
* ``uncertain``: the document whose sentences are, on average, nearest their codes' thresholds
  (per sentence the code whose score is nearest its threshold; uncertainty sampling, Settles 2009);
* ``rare``: the document where the codes with the fewest coded sentences so far are most likely
  (per sentence and code the score times 1 / (1 + coded sentences of the code); summed);
* ``rich``: the document with the most expected coded sentences (the sum of every sentence's scores);
* ``diverse``: the document least like the documents coded so far (the lowest highest cosine
  similarity of its TF-IDF lemma vector to a coded document's; coverage sampling).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from lobcoder.services.codes import CodeInfo
from lobcoder.suggest import feedback
from lobcoder.suggest.cache import ProcessedText
from lobcoder.suggest.classifier import DEFAULT_THRESHOLD, Classifier
from lobcoder.suggest.evaluation import _method, _new_counts, run_split
from lobcoder.suggest.fitting import fit
from lobcoder.suggest.pipeline import DutchPipeline
from lobcoder.suggest.ranking import document_scores
from lobcoder.suggest.store import CodedDocument
from lobcoder.suggest.training import examples_for
from lobcoder.suggest.units import Coded, coded, document_units

STRATEGIES = ("random", "uncertain", "rare", "rich", "diverse")


def split(rng: random.Random, documents: Sequence[CodedDocument]) -> tuple[list, list]:
    """The pool she codes from (its first document is every strategy's first) and the fixed test documents."""
    order = rng.sample(list(documents), len(documents))
    pool_size = min(len(order) - 2, max(5, math.ceil(len(order) / 2)))
    return order[:pool_size], order[pool_size:]


def _train(
    pipeline: DutchPipeline,
    codes: Sequence[CodeInfo],
    chosen: Sequence[CodedDocument],
    processed: Mapping[str, ProcessedText],
    vocabulary: Any,
    seed: int,
) -> Classifier | None:
    examples = examples_for(pipeline, codes, chosen, [processed[d.content_hash] for d in chosen], (), vocabulary)
    return fit(examples, seed=seed, learns=feedback.learning_codes(codes)).classifier


def coded_sentences(
    codes: Sequence[CodeInfo], chosen: Sequence[CodedDocument], processed: Mapping[str, ProcessedText]
) -> dict[str, int]:
    """Per code, the sentences coded with it in the documents coded so far."""
    counts = {c.guid: 0 for c in codes}
    for doc in chosen:
        for unit in document_units(doc.text, processed[doc.content_hash], doc.turns):
            for code in codes:
                counts[code.guid] += coded(unit, doc.codings.get(code.guid, ())) is Coded.YES
    return counts


def uncertainty(found: Sequence[Mapping[str, Any]], thresholds: Mapping[str, float]) -> float:
    """Mean over sentences of the highest closeness of a code's score to its threshold (1: at it, 0: far)."""
    if not found:
        return 0.0
    total = 0.0
    for scores in found:
        best = 0.0
        for guid, score in scores.items():
            t = thresholds.get(guid, DEFAULT_THRESHOLD)
            best = max(best, 1.0 - abs(score.probability - t) / max(t, 1.0 - t))
        total += best
    return total / len(found)


def rarity(found: Sequence[Mapping[str, Any]], counts: Mapping[str, int]) -> float:
    """Expected sentences of the codes with few coded sentences: sum of score / (1 + coded sentences)."""
    return sum(s.probability / (1 + counts.get(g, 0)) for scores in found for g, s in scores.items())


def similarity_matrix(documents: Sequence[CodedDocument], processed: Mapping[str, ProcessedText]) -> dict:
    """Cosine similarity of every two documents' TF-IDF lemma vectors (lower-cased lemmas of word tokens)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    bags = [[lemma.lower() for lemma in processed[d.content_hash].lemmas if lemma.isalpha()] for d in documents]
    vectors = TfidfVectorizer(analyzer=lambda bag: bag, sublinear_tf=True, min_df=2).fit_transform(bags)
    matrix = (vectors @ vectors.T).toarray()
    return {(a.id, b.id): matrix[i, j] for i, a in enumerate(documents) for j, b in enumerate(documents)}


def choose(
    strategy: str,
    candidates: Sequence[CodedDocument],
    chosen: Sequence[CodedDocument],
    score_of: Callable[[CodedDocument], Sequence[Mapping[str, Any]]],
    thresholds: Mapping[str, float],
    counts: Mapping[str, int],
    similarity: Mapping[tuple[int, int], float],
) -> CodedDocument:
    """The next document by ``strategy`` (ties: the earlier candidate, i.e. the random order)."""
    if strategy == "random":
        return candidates[0]
    if strategy == "diverse":
        return min(candidates, key=lambda d: max(similarity[(d.id, c.id)] for c in chosen))
    if strategy == "uncertain":
        return max(candidates, key=lambda d: uncertainty(score_of(d), thresholds))
    if strategy == "rare":
        return max(candidates, key=lambda d: rarity(score_of(d), counts))
    if strategy == "rich":
        return max(candidates, key=lambda d: sum(s.probability for scores in score_of(d) for s in scores.values()))
    raise ValueError(strategy)


def _add(into: Any, part: Any) -> None:
    for key, cell in part.cells.items():
        into.cells[key] = [a + b for a, b in zip(into.cells[key], cell, strict=True)]
    for guid, support in part.support.items():
        into.support[guid] += support
    for method, top in part.top.items():
        into.top[method].extend(top)
    into.sentences += part.sentences


def curve(
    pipeline: DutchPipeline,
    codes: Sequence[CodeInfo],
    documents: Sequence[CodedDocument],
    evaluated_names: Sequence[str],
    processed: Mapping[str, ProcessedText],
    vocabulary: Any,
    settings: Mapping[str, Callable[[Sequence[CodeInfo]], list[CodeInfo]]],
    strategies: Sequence[str],
    steps: int,
    runs: int,
    seed: int,
) -> dict[str, dict[str, dict[str, Any]]]:
    """setting -> strategy -> {"f1": [micro F1 after 1..steps documents], "codebook": [...], "picks": [...]}.

    The F1 pools the runs (micro over every run's test sentences), as ``measure`` does.
    """
    similarity = similarity_matrix(documents, processed)
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for label, variant in settings.items():
        variant_codes = variant(codes)
        evaluated = [c for c in variant_codes if c.name in evaluated_names]
        out[label] = {}
        for strategy in strategies:
            counts = [_new_counts(evaluated, ("combined", "codebook")) for _ in range(steps)]
            picks: list[list[str]] = []
            per_run: list[list[float]] = [[] for _ in range(steps)]
            rng = random.Random(seed)
            for run in range(runs):
                pool, test = split(rng, documents)
                chosen = [pool[0]]
                names = [pool[0].name]
                for step in range(steps):
                    part = _new_counts(evaluated, ("combined", "codebook"))
                    run_split(
                        pipeline,
                        variant_codes,
                        chosen,
                        test,
                        processed,
                        part,
                        methods=("combined", "codebook"),
                        evaluated=evaluated,
                        seed=seed + run,
                        vocabulary=vocabulary,
                    )
                    _add(counts[step], part)
                    per_run[step].append(_method("combined", True, evaluated, part, {}).micro.f1)
                    candidates = [d for d in pool if d not in chosen]
                    if step == steps - 1 or not candidates:
                        break
                    model = None
                    if strategy in ("uncertain", "rare", "rich"):
                        model = _train(pipeline, variant_codes, chosen, processed, vocabulary, seed + run)
                    thresholds = {g: r.threshold for g, r in model.reliability.items()} if model is not None else {}

                    def score_of(
                        doc: CodedDocument,
                        model: Classifier | None = model,
                        variant_codes: list[CodeInfo] = variant_codes,
                        wanted: set[str] = {c.guid for c in evaluated},  # noqa: B006
                    ) -> list:
                        _, found = document_scores(
                            pipeline,
                            variant_codes,
                            doc.text,
                            doc.turns,
                            processed[doc.content_hash],
                            model,
                            vocabulary=vocabulary,
                        )
                        return [{g: s for g, s in f.items() if g in wanted} for f in found]

                    tally = coded_sentences(evaluated, chosen, processed) if strategy == "rare" else {}
                    chosen.append(choose(strategy, candidates, chosen, score_of, thresholds, tally, similarity))
                    names.append(chosen[-1].name)
                picks.append(names)
            f1 = [_method("combined", True, evaluated, c, {}).micro.f1 for c in counts]
            alone = [_method("codebook", True, evaluated, c, {}).micro.f1 for c in counts]
            out[label][strategy] = {"f1": f1, "codebook": alone, "picks": picks, "per_run": per_run}
    return out


def print_curve(result: Mapping[str, Mapping[str, Mapping[str, Any]]], steps: int) -> None:
    """Micro F1 per strategy and number of coded documents; in brackets, in how many runs a strategy's
    own F1 was above / below random's (the same first document and test documents)."""
    header = "".join(f"{f'{k} doc' + ('s' if k > 1 else ''):>13}" for k in range(1, steps + 1))
    print(f"{'micro F1 on the fixed test documents':44}{header}")
    for label, by_strategy in result.items():
        print(label)
        base = by_strategy.get("random")
        for strategy, r in by_strategy.items():
            cells = ""
            for step, value in enumerate(r["f1"]):
                won = ""
                if base is not None and strategy != "random" and step:
                    pairs = list(zip(r["per_run"][step], base["per_run"][step], strict=True))
                    won = f" ({sum(a > b + 1e-9 for a, b in pairs)}/{sum(a < b - 1e-9 for a, b in pairs)})"
                cells += f"{value:.2f}{won}".rjust(13)
            print(f"  {strategy:42}{cells}")
        first = next(iter(by_strategy.values()))
        print(f"  {'(the codebook alone, same test documents)':42}" + "".join(f"{v:>13.2f}" for v in first["codebook"]))
