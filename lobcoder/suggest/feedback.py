"""Relevance feedback from the researcher's codings: a code's coded sentences add terms to its codebook entry.

The terms that set a code's coded sentences apart from the other sentences
of the coded documents (log-odds ratio with an informative Dirichlet prior,
:mod:`mined`; a term must occur in at least two coded sentences) are added
to the code's own texts, as if its definition held them, with a count of
:data:`SHARE` for the strongest and less for weaker ones (by z-score). They
are then weighed and matched by the codebook's machinery
(:class:`evidence.CodebookEvidence`): against the other codes' texts and the
project's vocabulary, by compound parts, with the neighbours' and the
interviewer question's evidence, a sub-code's for its theme. For a code with
only a name this turns a few codings into a codebook entry; on the
development set it ranks better than a separate model on the same
sentences (see docs/SUGGESTIONS.md).

Unlike pseudo-relevance feedback (tried for the codebook alone, not kept),
the sentences fed back are the ones the researcher coded, not the
codebook's own best guesses.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from lobcoder.suggest import mined
from lobcoder.suggest.examples import TrainingExample
from lobcoder.suggest.headings import code_fields
from lobcoder.suggest.vocabulary import MIN_LENGTH

ENABLED = True  # codings add terms to their codes' codebook entries (training.examples_for, fitting.fit)
SHARE = 0.5  # count of a code's strongest learned term among its texts' terms (a word of its definition: 1)
MIN_CODED = 2  # coded sentences a code needs before its codings add terms

Terms = Mapping[str, Mapping[str, float]]  # code GUID -> term -> count


def learns_terms(code: object) -> bool:
    """Whether a code's codings add terms to its codebook entry: only where its texts say little about it
    (a name, keywords). With a description, definition, inclusion criteria or examples its own terms carry:
    there the learned terms gained nothing on the development set and cost a little on the demo."""
    fields = code_fields(code)
    return not any(fields[f].strip() for f in ("description", "definition", "inclusion", "examples"))


def learning_codes(codes: Iterable[Any]) -> frozenset[str]:
    """The GUIDs of the codes whose codings add terms (:func:`learns_terms`)."""
    return frozenset(c.guid for c in codes if learns_terms(c))


def _plain(term: str) -> bool:
    return all(word.isalpha() and len(word) >= MIN_LENGTH for word in term.split(" "))


@dataclass
class _Counts:
    """In how many units of one document each term occurs: all labelled units, and per code the coded ones
    and those whose label for the code is unknown (the code's other units are the rest)."""

    units: Counter[str] = field(default_factory=Counter)
    units_total: int = 0  # term occurrences in all labelled units
    coded: dict[str, Counter[str]] = field(default_factory=dict)
    coded_units: Counter[str] = field(default_factory=Counter)  # per code
    coded_total: Counter[str] = field(default_factory=Counter)
    unknown: dict[str, Counter[str]] = field(default_factory=dict)
    unknown_total: Counter[str] = field(default_factory=Counter)


def _terms(coded: Counter[str], other: Mapping[str, int], coded_total: int, other_total: int) -> dict[str, float]:
    names = sorted(t for t, n in coded.items() if n >= mined.MIN_SUPPORT)
    positive = np.array([coded[t] for t in names], float)
    negative = np.array([other.get(t, 0) for t in names], float)
    z = mined.mine_counts(names, positive, negative, float(coded_total), float(other_total))
    if not z:
        return {}
    top = max(z.values())
    return {t: round(SHARE * v / top, 4) for t, v in sorted(z.items())}


def _count(examples: Sequence[TrainingExample], learns: Collection[str] | None) -> tuple[list[str], dict[str, _Counts]]:
    """The codes with coded examples (those of ``learns``; None: any), and the counts per document."""
    codes = sorted({g for e in examples for g, v in e.cats if v == 1.0 and (learns is None or g in learns)})
    documents: dict[str, _Counts] = {}
    if not codes:
        return codes, documents  # no code learns terms: nothing to count
    terms: dict[tuple[str, ...], frozenset[str]] = {}  # the same sentence's terms, found once in this call
    for e in examples:
        cats = dict(e.cats)
        if not cats:
            continue
        found = terms.get(e.words)
        if found is None:
            found = terms[e.words] = frozenset(t for t in mined.terms(e.words) if _plain(t))
        counts = documents.setdefault(e.document, _Counts())
        counts.units.update(found)
        counts.units_total += len(found)
        for guid in codes:
            value = cats.get(guid)
            if value == 1.0:
                counts.coded.setdefault(guid, Counter()).update(found)
                counts.coded_units[guid] += 1
                counts.coded_total[guid] += len(found)
            elif value is None:
                counts.unknown.setdefault(guid, Counter()).update(found)
                counts.unknown_total[guid] += len(found)
    return codes, documents


def _total(parts: Sequence[_Counts]) -> _Counts:
    """The counts of these documents together."""
    total = _Counts()
    for counts in parts:
        total.units.update(counts.units)
        total.units_total += counts.units_total
        for guid, coded in counts.coded.items():
            total.coded.setdefault(guid, Counter()).update(coded)
        total.coded_units.update(counts.coded_units)
        total.coded_total.update(counts.coded_total)
        for guid, unknown in counts.unknown.items():
            total.unknown.setdefault(guid, Counter()).update(unknown)
        total.unknown_total.update(counts.unknown_total)
    return total


def _learned(codes: Sequence[str], total: _Counts, less: _Counts | None = None) -> dict[str, dict[str, float]]:
    """:func:`feedback_terms` from the counts ``total`` of some documents, less those of one of them (``less``).

    Subtracting one document's (integer) counts from the total gives exactly the other documents' counts,
    without adding them up again for every document (:func:`out_of_document_terms`).
    """
    less = less or _Counts()
    units_total = total.units_total - less.units_total
    result = {}
    for guid in codes:
        if total.coded_units[guid] - less.coded_units[guid] < MIN_CODED:
            continue
        coded_less = less.coded.get(guid, Counter())
        # Only the terms with enough support among the other documents' coded sentences can be mined (_terms).
        coded = Counter(
            {t: k for t, n in total.coded.get(guid, Counter()).items() if (k := n - coded_less[t]) >= mined.MIN_SUPPORT}
        )
        unknown, unknown_less = total.unknown.get(guid, Counter()), less.unknown.get(guid, Counter())
        coded_total = total.coded_total[guid] - less.coded_total[guid]
        other_total = units_total - coded_total - (total.unknown_total[guid] - less.unknown_total[guid])
        other = {t: total.units[t] - less.units[t] - n - (unknown[t] - unknown_less[t]) for t, n in coded.items()}
        found = _terms(coded, other, coded_total, other_total)
        if found:
            result[guid] = found
    return result


def feedback_terms(
    examples: Sequence[TrainingExample], learns: Collection[str] | None = None
) -> dict[str, dict[str, float]]:
    """Per code with at least :data:`MIN_CODED` coded sentences among ``examples``, its learned terms and counts.

    Only the codes of ``learns`` (:func:`learning_codes`; None: any code).
    """
    codes, documents = _count(examples, learns)
    return _learned(codes, _total(list(documents.values())))


def out_of_document_terms(
    examples: Sequence[TrainingExample], learns: Collection[str] | None = None
) -> dict[str, dict[str, dict[str, float]]]:
    """Per document of ``examples`` (content hash): :func:`feedback_terms` of the other documents' examples."""
    codes, documents = _count(examples, learns)
    total = _total(list(documents.values()))
    return {d: _learned(codes, total, documents[d]) for d in sorted(documents)}
