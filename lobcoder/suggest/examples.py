"""Training examples: every respondent sentence of a coded document, labelled per code, with its context.

Labels are code GUIDs: 1 if the code codes the sentence (:func:`units.coded`),
0 if the code does not touch it, left out (unknown) if it only partly does.
A rejected suggestion makes the sentences inside its span (or the span
itself, if it holds no sentence) a 0 for that code. A document without
codings gives only its rejected spans: its other sentences are not known
negatives. Each example keeps what the codebook said about it (the evidence
per code), so a changed codebook changes the examples and the model is
trained again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from lobcoder.suggest.cache import ProcessedText
from lobcoder.suggest.context import UnitText, unit_texts
from lobcoder.suggest.store import CodedDocument, Rejection
from lobcoder.suggest.units import Unit, document_units, label_units

Scorer = Callable[[ProcessedText, Sequence[Unit]], Sequence[Mapping[str, float]]]


@dataclass(frozen=True)
class TrainingExample:
    key: tuple[str, int, int]  # document content hash, start, end
    context: UnitText
    cats: tuple[tuple[str, float], ...]  # code GUID -> 1.0 / 0.0; codes left out are unknown
    evidence: tuple[tuple[str, float], ...] = ()  # code GUID -> codebook evidence
    kind: str = "sentence"  # "sentence", or "span" (a rejected span that holds no sentence)
    # Codes whose codebook texts (keywords, derived terms, exclusions; not terms learned from codings) match
    # the unit; None: not known (then any evidence counts as the codebook's).
    codebook: tuple[str, ...] | None = None

    @property
    def words(self) -> tuple[str, ...]:
        return self.context.words

    @property
    def document(self) -> str:
        return self.key[0]

    @property
    def fingerprint(self) -> str:
        """Changes when the unit, its context or any label does (its evidence: :func:`evidence_digest`)."""
        context = (self.context.words, self.context.question, self.context.neighbours)
        return hashlib.sha1(repr((self.key, context, self.cats)).encode("utf-8")).hexdigest()[:16]


def evidence_digest(examples: Sequence[TrainingExample]) -> str:
    """Changes when the codebook's evidence for any example does (a changed codebook, or new codings elsewhere:
    the terms learned from the other documents' codings count in a document's evidence)."""
    rounded = sorted((e.key, tuple((g, round(v, 4)) for g, v in e.evidence), e.codebook) for e in examples)
    return hashlib.sha1(repr(rounded).encode("utf-8")).hexdigest()[:16]


def sentence_units(text: str, processed: ProcessedText, turns: Sequence[object]) -> list[Unit]:
    """The units suggestions are made for: respondent sentences (never a whole turn, never the interviewer)."""
    return [u for u in document_units(text, processed, turns) if u.kind == "sentence"]  # type: ignore[arg-type]


def training_examples(
    documents: Sequence[CodedDocument],
    processed: Sequence[ProcessedText],
    rejections: Sequence[Rejection] = (),
    scorer: Scorer | None = None,
    prepare: Callable[[Sequence[TrainingExample]], None] | None = None,
) -> list[TrainingExample]:
    """Every sentence of the given coded documents as an example, plus rejected spans holding no sentence.

    ``prepare`` is called with all examples (without evidence) before ``scorer`` scores any document.
    """
    codes = sorted({guid for doc in documents for guid in doc.codings})
    rejected: dict[str, list[Rejection]] = {}
    for rejection in rejections:
        rejected.setdefault(rejection.content_hash, []).append(rejection)
    found_units: list[
        tuple[str, ProcessedText, list[tuple[Unit, dict[str, float]]], list[UnitText], set[tuple[int, int]]]
    ] = []
    for doc, parsed in zip(documents, processed, strict=True):
        all_units = document_units(doc.text, parsed, doc.turns)
        units = [u for u in all_units if u.kind == "sentence"] if doc.codings else []
        labels = label_units(units, doc.codings, codes)
        spans: dict[tuple[int, int], tuple[Unit, dict[str, float]]] = {
            (u.start, u.end): (u, cats) for u, cats in zip(units, labels, strict=True)
        }
        sentences = [u for u in all_units if u.kind == "sentence"]
        for rejection in rejected.get(doc.content_hash, ()):
            inside = [u for u in sentences if rejection.start <= u.start and u.end <= rejection.end]
            if not inside:
                tokens = parsed.token_range(rejection.start, rejection.end)
                inside = [Unit(rejection.start, rejection.end, "sentence", tokens)]
            for unit in inside:
                entry = spans.setdefault((unit.start, unit.end), (unit, {}))
                if entry[1].get(rejection.code_guid) != 1.0:
                    entry[1][rejection.code_guid] = 0.0
        ordered = sorted(spans.values(), key=lambda e: (e[0].start, e[0].end))
        chosen = [u for u, _ in ordered]
        known = {(u.start, u.end) for u in sentences}
        around = dict(
            zip(((u.start, u.end) for u in sentences), unit_texts(doc.text, parsed, doc.turns, sentences), strict=True)
        )
        others = [u for u in chosen if (u.start, u.end) not in around]
        around.update(
            zip(((u.start, u.end) for u in others), unit_texts(doc.text, parsed, doc.turns, others), strict=True)
        )
        found_units.append((doc.content_hash, parsed, ordered, [around[(u.start, u.end)] for u in chosen], known))

    def examples(with_evidence: bool) -> list[TrainingExample]:
        result: list[TrainingExample] = []
        for content_hash, parsed, ordered, contexts, known in found_units:
            chosen = [u for u, _ in ordered]
            scored = with_evidence and scorer is not None and chosen
            evidence = scorer(parsed, chosen) if scored else [{} for _ in chosen]  # type: ignore[misc]
            for (unit, cats), context, found in zip(ordered, contexts, evidence, strict=True):
                if context.words and cats:
                    result.append(
                        TrainingExample(
                            (content_hash, unit.start, unit.end),
                            context,
                            tuple(sorted(cats.items())),
                            tuple(sorted((g, float(v)) for g, v in found.items())),
                            "sentence" if (unit.start, unit.end) in known else "span",
                        )
                    )
        return sorted(result, key=lambda e: e.key)

    if prepare is not None:
        prepare(examples(False))
    return examples(True)
