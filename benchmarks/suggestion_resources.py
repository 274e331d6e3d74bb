"""Two resources tried for code suggestions (issue 10): wordllama sentence embeddings and simplemma lemmas.

Neither is a dependency of lobcoder: measured here, neither gained across corpora (docs/SUGGESTIONS.md,
"Static sentence embeddings and a second lemma dictionary"). To measure them again, install them first:

    pip install wordllama==0.4.0.post1 simplemma==2.0.0

    python benchmarks/suggestion_resources.py zero-shot --similarity pieces    # codebook + similarity to its texts
    python benchmarks/suggestion_resources.py zero-shot --similarity random    # the same with noise (the control)
    python benchmarks/suggestion_resources.py learned --runs 5                 # + 3 coded documents
    python benchmarks/suggestion_resources.py lemmas --variant unknown -- --corpus all --runs 5

``zero-shot``: per sentence and code, the codebook's log-odds (the offline pipeline, as ``suggest`` scores a
code without codings) plus ``w`` times the wordllama cosine similarity of the sentence to the code's texts
(name, description, definition, inclusion criteria, examples, its sub-codes' names and definitions),
standardised per code over the corpus's sentences; ``--similarity whole`` embeds those texts as one,
``pieces`` takes the most similar of their sentences, ``length`` and ``random`` replace the similarity by
the sentence's length or by noise (controls: what any tie-breaker does). Prints per corpus and setting the
mean average precision per code, micro F1 at the codebook's threshold (log-odds 0) and top-10 precision.

``learned``: the same draws of 3 coded documents as ``suggestion_quality.py`` (seed 0); the shipped
combined score (codebook + codings, each code's own threshold) plus ``w`` times a score learned from the
embeddings of the coded sentences: a logistic regression (``lr``), the mean similarity to the three most
similar coded sentences (``knn``), or noise (``random``), standardised over the held-out sentences.

``lemmas``: runs ``suggestion_quality.py`` (options after ``--``) with simplemma supplementing the lookup
table for words the table does not have: ``unknown`` (simplemma's lemma whenever it differs),
``unknown-known`` (only when the table knows that lemma), ``participles`` (only for *ge-* participles).
"""

from __future__ import annotations

import argparse
import math
import random
import runpy
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality.corpora import DEVSET, THEMES, corpus_vocabulary, demo_documents, devset_documents  # noqa: E402
from quality.settings import SETTINGS  # noqa: E402

from lobcoder.services.codes import CodeInfo  # noqa: E402
from lobcoder.suggest import feedback  # noqa: E402
from lobcoder.suggest.cache import process_text  # noqa: E402
from lobcoder.suggest.fitting import fit  # noqa: E402
from lobcoder.suggest.pipeline import DutchPipeline, load_pipeline  # noqa: E402
from lobcoder.suggest.ranking import document_scores  # noqa: E402
from lobcoder.suggest.training import examples_for  # noqa: E402
from lobcoder.suggest.units import Coded, coded  # noqa: E402

CORPORA = ("devset", "devset:second", "demo-themes", "demo")
NO_EVIDENCE = 0.076  # the codebook's probability at no evidence (log-odds -2.5)


def load_wordllama() -> Any:
    """wordllama's default model (l2_supercat, 256 dimensions) from the files its wheel ships, offline.

    ``WordLlama.load()`` looks for the tokenizer in ``wordllama/tokenizer/`` (the wheel has it in
    ``tokenizers/``) and then downloads it from Hugging Face, so offline it fails; this reads both files.
    """
    try:
        import wordllama
        from safetensors import safe_open
        from tokenizers import Tokenizer
        from wordllama.inference import WordLlamaInference
    except ImportError:
        raise SystemExit("wordllama is not installed: pip install wordllama==0.4.0.post1") from None
    root = Path(wordllama.__file__).parent
    tokenizer = Tokenizer.from_file(str(root / "tokenizers" / "l2_supercat_tokenizer_config.json"))
    with safe_open(str(root / "weights" / "l2_supercat_256.safetensors"), framework="np", device="cpu") as f:
        embedding = f.get_tensor("embedding.weight")
    return WordLlamaInference(embedding, tokenizer)


def corpus(name: str) -> tuple[list[CodeInfo], list[Any], list[str]]:
    """Codes, documents and evaluated code names of ``devset``, ``devset:second``, ``demo-themes`` or ``demo``."""
    if name.startswith("devset"):
        codes, documents = devset_documents(DEVSET / "gold.tsv", 40, name.partition(":")[2] or "all")
        evaluated = list(THEMES.values())
    else:
        codes, documents = demo_documents(themes=name == "demo-themes")
        evaluated = list(THEMES.values()) if name == "demo-themes" else [c.name for c in codes]
    has = {c.name for c in codes if any(c.guid in d.codings for d in documents)}
    return codes, documents, [n for n in evaluated if n in has]


def code_texts(code: CodeInfo, codes: Sequence[CodeInfo]) -> str:
    own = [code.name, code.description, code.definition, code.inclusion, code.examples]
    subs = [f"{k.name}. {k.definition or k.description}" for k in codes if k.parent_id == code.id]
    return "\n".join(p for p in own + subs if p)


def zscore(values: Any) -> Any:
    return (values - values.mean()) / (values.std() + 1e-9)


def log_odds(probability: float) -> float:
    p = min(max(probability, NO_EVIDENCE), 1 - 1e-6)
    return math.log(p / (1 - p))


class Tally:
    """Pooled scores per code and the (score, true) pairs that pass, per document: AP, micro F1, top-10 P."""

    def __init__(self) -> None:
        self.scores: dict[str, tuple[list[float], list[bool]]] = {}
        self.passing: dict[tuple[int, int], list[tuple[float, bool]]] = {}

    def add(self, guid: str, key: tuple[int, int], scores: Sequence[float], truth: Sequence[bool]) -> None:
        pooled = self.scores.setdefault(guid, ([], []))
        pooled[0].extend(scores)
        pooled[1].extend(truth)
        self.passing.setdefault(key, []).extend((s, t) for s, t in zip(scores, truth, strict=True) if s >= 0)

    def average_precision(self, guid: str) -> float:
        from sklearn.metrics import average_precision_score

        scores, truth = self.scores.get(guid, ([], []))
        return float(average_precision_score(truth, scores)) if any(truth) else float("nan")

    def summary(self) -> tuple[float, float, float]:
        from sklearn.metrics import average_precision_score

        aps = [average_precision_score(y, s) for s, y in self.scores.values() if any(y)]
        tp = sum(t for found in self.passing.values() for _, t in found)
        suggested = sum(len(found) for found in self.passing.values())
        positives = sum(sum(y) for _, y in self.scores.values())
        f1 = 2 * tp / (suggested + positives) if suggested + positives else 0.0
        tops = [
            sum(t for _, t in sorted(v, key=lambda x: -x[0])[:10]) / min(10, len(v)) for v in self.passing.values() if v
        ]
        return sum(aps) / len(aps), f1, sum(tops) / len(tops) if tops else 0.0


def labelled(units: Sequence[Any], spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[bool]]:
    """The units that count (not partly coded) and whether each is coded."""
    states = [coded(u, spans) for u in units]
    keep = [i for i, s in enumerate(states) if s is not Coded.PARTLY]
    return keep, [states[i] is Coded.YES for i in keep]


def similarity_fn(model: Any, kind: str) -> Callable[[Sequence[str], Sequence[str]], Any]:
    """Sentences x code texts -> similarity (or a control)."""
    import numpy as np

    def similarity(sentences: Sequence[str], texts: Sequence[str]) -> Any:
        if kind == "length":
            return np.repeat(np.array([len(s) for s in sentences], float)[:, None], len(texts), 1)
        if kind == "random":
            return np.random.default_rng(0).normal(size=(len(sentences), len(texts)))
        embedded = model.embed(list(sentences), norm=True)
        if kind == "whole":
            return embedded @ model.embed(list(texts), norm=True).T
        columns = []
        for text in texts:
            pieces = [p.strip() for p in text.replace(";", ".").replace("\n", ".").split(".") if len(p.strip()) > 15]
            columns.append((embedded @ model.embed(pieces or [text], norm=True).T).max(axis=1))
        return np.stack(columns, axis=1)

    return similarity


def zero_shot(args: argparse.Namespace, pipeline: DutchPipeline) -> None:
    similarity = similarity_fn(load_wordllama() if args.similarity in ("whole", "pieces") else None, args.similarity)
    for name in args.corpus.split(","):
        codes, documents, evaluated = corpus(name)
        processed = {d.content_hash: process_text(pipeline, d.text) for d in documents}
        vocabulary = corpus_vocabulary(pipeline, documents, False)
        for label, (variant, learns) in SETTINGS.items():
            if learns or label.startswith("free text with"):  # headings score as the fields themselves
                continue
            variant_codes = variant(codes)
            chosen = [c for c in variant_codes if c.name in evaluated]
            sentences: list[str] = []
            grid: list[list[Any]] = []  # per sentence and code: (document, log-odds, coded), None if partly coded
            for doc in documents:
                units, found = document_scores(
                    pipeline,
                    variant_codes,
                    doc.text,
                    doc.turns,
                    processed[doc.content_hash],
                    None,
                    vocabulary=vocabulary,
                )
                for unit, scores in zip(units, found, strict=True):
                    sentences.append(doc.text[unit.start : unit.end])
                    row = []
                    for code in chosen:
                        state = coded(unit, doc.codings.get(code.guid, ()))
                        p = scores[code.guid].probability if code.guid in scores else 0.0
                        row.append(None if state is Coded.PARTLY else (doc.id, log_odds(p), state is Coded.YES))
                    grid.append(row)
            found_similarity = similarity(sentences, [code_texts(c, variant_codes) for c in chosen])
            for weight in args.weights:
                tally = Tally()
                for j, code in enumerate(chosen):
                    z = zscore(found_similarity[:, j])
                    for i, cell in enumerate(grid):
                        if cell[j] is not None:
                            doc_id, score, truth = cell[j]
                            tally.add(code.guid, (doc_id, 0), [score + weight * z[i]], [truth])
                ap, f1, top = tally.summary()
                per_code = ""
                if args.per_code:
                    per_code = "  " + ", ".join(f"{c.name[:14]} {tally.average_precision(c.guid):.2f}" for c in chosen)
                print(f"{name:14} {label[:32]:32} w={weight:<5} AP {ap:.4f}  F1 {f1:.4f}  top-10 P {top:.4f}{per_code}")
            sys.stdout.flush()


def learned(args: argparse.Namespace, pipeline: DutchPipeline) -> None:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    model = load_wordllama() if args.score != "random" else None
    for name in args.corpus.split(","):
        codes, documents, evaluated = corpus(name)
        processed = {d.content_hash: process_text(pipeline, d.text) for d in documents}
        vocabulary = corpus_vocabulary(pipeline, documents, False)
        units = {}
        for doc in documents:
            found, _ = document_scores(
                pipeline, codes, doc.text, doc.turns, processed[doc.content_hash], None, use_codebook=False
            )
            texts = [doc.text[u.start : u.end] for u in found]
            units[doc.id] = (found, model.embed(texts, norm=True) if model is not None else np.zeros((len(found), 1)))
        for label, (variant, learns) in SETTINGS.items():
            if not learns or label.startswith("names + 3"):
                continue
            variant_codes = variant(codes)
            chosen_codes = [c for c in variant_codes if c.name in evaluated]
            tallies = {w: Tally() for w in args.weights}
            rng, noise = random.Random(args.seed), np.random.default_rng(args.seed)
            for run in range(args.runs):
                train = rng.sample(list(documents), 3)
                rest = [d for d in documents if d not in train]
                parsed = [processed[d.content_hash] for d in train]
                examples = examples_for(pipeline, variant_codes, train, parsed, (), vocabulary)
                classifier = fit(
                    examples, seed=args.seed + run, learns=feedback.learning_codes(variant_codes)
                ).classifier
                scored = {
                    d.id: document_scores(
                        pipeline,
                        variant_codes,
                        d.text,
                        d.turns,
                        processed[d.content_hash],
                        classifier,
                        vocabulary=vocabulary,
                    )[1]
                    for d in rest
                }
                x_train = np.vstack([units[d.id][1] for d in train])
                for code in chosen_codes:
                    truth_train = [coded(u, d.codings.get(code.guid, ())) for d in train for u in units[d.id][0]]
                    keep = np.array([s is not Coded.PARTLY for s in truth_train])
                    y = np.array([s is Coded.YES for s in truth_train])
                    regression = None
                    if args.score == "lr" and y[keep].sum() >= 2:
                        regression = LogisticRegression(class_weight="balanced", max_iter=1000).fit(
                            x_train[keep], y[keep]
                        )
                    reliability = classifier.reliability.get(code.guid) if classifier is not None else None
                    threshold = log_odds(reliability.threshold if reliability is not None else 0.5)
                    base, extra, truth, keys = [], [], [], []
                    for doc in rest:
                        found, embedded = units[doc.id]
                        keep_rows, coded_rows = labelled(found, doc.codings.get(code.guid, ()))
                        if args.score == "lr":
                            learned_score = regression.decision_function(embedded) if regression is not None else None
                        elif args.score == "knn" and (keep & y).any():
                            similar = np.sort(embedded @ x_train[keep & y].T, axis=1)[:, ::-1][:, :3]
                            learned_score = similar.mean(axis=1)
                        else:
                            learned_score = noise.normal(size=len(found)) if args.score == "random" else None
                        for i, is_coded in zip(keep_rows, coded_rows, strict=True):
                            unit_scores = scored[doc.id][i]
                            p = unit_scores[code.guid].probability if code.guid in unit_scores else 0.0
                            base.append(log_odds(p) - threshold)
                            extra.append(learned_score[i] if learned_score is not None else 0.0)
                            truth.append(is_coded)
                            keys.append((doc.id, run))
                    z = zscore(np.array(extra))
                    for weight, tally in tallies.items():
                        blended = np.array(base) + weight * z
                        for key in set(keys):
                            rows = [i for i, k in enumerate(keys) if k == key]
                            tally.add(code.guid, key, blended[rows].tolist(), [truth[i] for i in rows])
            for weight, tally in tallies.items():
                ap, f1, top = tally.summary()
                print(
                    f"{name:14} {label[:32]:32} {args.score} w={weight:<5} AP {ap:.4f}  F1 {f1:.4f}  top-10 P {top:.4f}"
                )
            sys.stdout.flush()


def lemmas(variant: str, quality_args: Sequence[str]) -> None:
    """``suggestion_quality.py`` with simplemma supplementing the lookup table (this run only)."""
    try:
        import simplemma
    except ImportError:
        raise SystemExit("simplemma is not installed: pip install simplemma==2.0.0") from None
    shipped = DutchPipeline.refine_lemma

    def refine_lemma(self: DutchPipeline, lower: str, lemma: str) -> str:
        unknown = (
            lemma.lower() == lower
            and lower.isalpha()
            and len(lower) >= 3
            and self._table is not None
            and self._table.get(lower) is None
            and lower not in self.known_words
            and not lower.startswith("eé")
        )
        if unknown:
            found = simplemma.lemmatize(lower, lang="nl").lower().replace("_", "")  # uit_voeren: separable verbs
            if found != lower and (
                variant == "unknown"
                or (variant == "unknown-known" and found in self.known_words)
                or (
                    variant == "participles" and found in self.known_words and "ge" in lower[:-3] and lower[-1] in "dtn"
                )
            ):
                return found
        return shipped(self, lower, lemma)

    DutchPipeline.refine_lemma = refine_lemma  # type: ignore[method-assign]
    sys.argv = ["suggestion_quality.py", *quality_args]
    runpy.run_path(str(Path(__file__).parent / "suggestion_quality.py"), run_name="__main__")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    rest = argv[argv.index("--") + 1 :] if "--" in argv else []
    argv = argv[: argv.index("--")] if "--" in argv else argv
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("zero-shot", "learned", "lemmas"))
    parser.add_argument("--corpus", default=",".join(CORPORA), help=f"comma-separated: {', '.join(CORPORA)}")
    parser.add_argument("--similarity", choices=("whole", "pieces", "length", "random"), default="pieces")
    parser.add_argument("--score", choices=("lr", "knn", "random"), default="lr")
    parser.add_argument("--weights", type=lambda s: [float(w) for w in s.split(",")], default=[0.0, 0.25, 0.5])
    parser.add_argument("--per-code", action="store_true", help="zero-shot: also the AP of each code")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--variant", choices=("unknown", "unknown-known", "participles", "none"), default="unknown")
    args = parser.parse_args(argv)
    if args.what == "lemmas":
        if args.variant != "none":
            lemmas(args.variant, rest)
        else:
            sys.argv = ["suggestion_quality.py", *rest]
            runpy.run_path(str(Path(__file__).parent / "suggestion_quality.py"), run_name="__main__")
        return 0
    pipeline = load_pipeline(offline=True)
    (zero_shot if args.what == "zero-shot" else learned)(args, pipeline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
