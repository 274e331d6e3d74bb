"""The passages behind a cell of a co-occurrence result, so a view can list them and jump to them.

* ``overlap``: one passage per pair of overlapping codings, spanning both;
  pairs of the same two spans (several coders, or with roll-up a code and
  its sub-code, coding both alike) are one passage holding all their codings,
  as the quotes report quotes such a span once. The matrix still counts each
  pair of codings, so a cell may count more pairs than it lists passages;
* ``turn``, ``sentence``, ``paragraph``: one per unit in which both codes
  occur, spanning the unit (for paragraph windows, all their paragraphs);
* ``document``, ``participant``: one per document of such a unit, spanning its
  codings of the two codes; the text is those codings' texts joined by " […] "
  (a span coded alike by several coders once), since the unit itself is the
  whole document. By participant the matrix counts participants, the list
  their documents.

A passage names its coders: the distinct named coders of its codings.

Each passage carries the 1-based number of the paragraph it starts in
(counted as :mod:`lobcoder.analysis.units` counts them). Which documents hold
a passage is known from the codings alone; those are then read one at a time,
each once, and everything of a document (its units, passages and paragraph
numbers) is done before the next is read: memory holds one text and the
passages, not the cell's documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np

from lobcoder.analysis.cooccurrence import CooccurrenceResult, overlap_pairs
from lobcoder.analysis.dataset import CodeNode, CodingRow, Dataset, IntArray, by_document
from lobcoder.analysis.filters import select
from lobcoder.analysis.quotes import named_coders
from lobcoder.analysis.units import Spans, layout, memberships, paragraphs, touching, unit_span

JOINER = " […] "
"""How the codings of a document-wide passage are joined."""


@dataclass(frozen=True)
class Passage:
    """Where two codes co-occur: a stretch of one document and the codings of each code in it.

    ``paragraph`` is the number of the paragraph it starts in.
    """

    document_id: int
    document: str
    start: int
    end: int
    text: str
    codings_a: tuple[CodingRow, ...]
    codings_b: tuple[CodingRow, ...]
    paragraph: int

    @property
    def coders(self) -> tuple[str, ...]:
        """The distinct named coders of its codings, alphabetically."""
        return named_coders((*self.codings_a, *self.codings_b))

    @property
    def coder_names(self) -> str | None:
        """ "Fenna, Sander", or None when no coder is named."""
        return ", ".join(self.coders) or None


def passages(dataset: Dataset, result: CooccurrenceResult, code_a: int, code_b: int) -> list[Passage]:
    """The passages behind cell (``code_a``, ``code_b``) of ``result``, in document and text order."""
    rows = select(dataset, result.filter).rows
    in_a = _rows_of(dataset, rows, dataset.code(code_a), result.rollup)
    in_b = _rows_of(dataset, rows, dataset.code(code_b), result.rollup)
    a_set, b_set = set(in_a.tolist()), set(in_b.tolist())
    candidates = np.union1d(in_a, in_b)
    found: list[Passage] = []
    for document, here in _documents(dataset, result, candidates, a_set, b_set):
        found.extend(_document_passages(dataset, result, document, here, a_set, b_set))
    found.sort(key=lambda p: (p.document.casefold(), p.document_id, p.start, p.end))
    return found


def _rows_of(dataset: Dataset, rows: IntArray, code: CodeNode, rollup: bool) -> IntArray:
    indices = dataset.subtree(code.id) if rollup else (code.index,)
    return rows[np.isin(dataset.codings.code[rows], indices)]


def _documents(
    dataset: Dataset, result: CooccurrenceResult, candidates: IntArray, a_set: set[int], b_set: set[int]
) -> list[tuple[int, IntArray]]:
    """The documents (index) that hold a passage, each with its candidate rows (no text is read).

    A document holds one when it has codings of both codes, or, by
    participant, when its participant does and it has codings of either.
    """
    if result.unit == "participant":
        members = memberships(dataset, candidates, "participant")
        both = {
            unit
            for unit in np.unique(members.units).tolist()
            if a_set.intersection(rows := members.rows[members.units == unit].tolist()) and b_set.intersection(rows)
        }
        candidates = members.rows[np.isin(members.units, list(both))]
        candidates.sort()
    found = []
    for document, at in by_document(dataset.codings.document[candidates]):
        here = candidates[at]
        listed = here.tolist()
        if result.unit == "participant" or (a_set.intersection(listed) and b_set.intersection(listed)):
            found.append((document, here))
    return found


def _document_passages(
    dataset: Dataset, result: CooccurrenceResult, document: int, here: IntArray, a_set: set[int], b_set: set[int]
) -> list[Passage]:
    """The passages of one document from its candidate rows ``here``; its text is read once."""
    info = dataset.documents[document]
    text = dataset.text(info.id)
    codings = dataset.codings
    if result.unit in ("overlap", "document", "participant"):
        return _whole_passages(dataset, result, document, text, here, a_set, b_set)
    units, window = layout(result.unit, result.within, lambda: text, partial(dataset.document_turns, info.id))
    # A passage's line number counts paragraphs: paragraph units are those already.
    lines = units if result.unit == "paragraph" else paragraphs(text)
    make = partial(_passage, dataset, info.id, info.name, text, lines)
    owner, local = touching(units, window, codings.start[here], codings.end[here])
    rows_in: dict[int, list[int]] = {}
    for unit, row in zip(local.tolist(), here[owner].tolist(), strict=True):
        rows_in.setdefault(unit, []).append(row)
    found = []
    for unit, unit_rows in rows_in.items():
        a = [r for r in unit_rows if r in a_set]
        b = [r for r in unit_rows if r in b_set]
        if a and b:
            found.append(make(unit_span(units, window, unit), a, b))
    return found


def _whole_passages(
    dataset: Dataset,
    result: CooccurrenceResult,
    document: int,
    text: str,
    here: IntArray,
    a_set: set[int],
    b_set: set[int],
) -> list[Passage]:
    """The passages of one document by overlap (one per pair of spans), or its whole text by document or participant."""
    info = dataset.documents[document]
    make = partial(_passage, dataset, info.id, info.name, text, paragraphs(text))
    codings = dataset.codings
    if result.unit == "overlap":
        alike: dict[tuple[int, int, int, int], tuple[list[int], list[int]]] = {}  # the two spans -> their codings
        first, second = overlap_pairs(dataset, here)
        for x, y in zip(first.tolist(), second.tolist(), strict=True):
            if x not in a_set or y not in b_set:
                x, y = y, x
            if x in a_set and y in b_set:
                key = (int(codings.start[x]), int(codings.end[x]), int(codings.start[y]), int(codings.end[y]))
                a, b = alike.setdefault(key, ([], []))
                if x not in a:
                    a.append(x)
                if y not in b:
                    b.append(y)
        return [make((min(k[0], k[2]), max(k[1], k[3])), a, b) for k, (a, b) in alike.items()]
    listed = here.tolist()
    return [make(None, [r for r in listed if r in a_set], [r for r in listed if r in b_set])]


def _passage(
    dataset: Dataset,
    document_id: int,
    name: str,
    text: str,
    lines: Spans,
    span: tuple[int, int] | None,
    a: list[int],
    b: list[int],
) -> Passage:
    codings_a = tuple(sorted((dataset.coding(r) for r in a), key=_position))
    codings_b = tuple(sorted((dataset.coding(r) for r in b), key=_position))
    if span is None:
        spans = joined_spans((*codings_a, *codings_b))
        joined = JOINER.join(text[start:end] for start, end in spans)
        span, text = (spans[0][0], max(end for _start, end in spans)), joined
    else:
        text = text[span[0] : span[1]]
    return Passage(document_id, name, span[0], span[1], text, codings_a, codings_b, lines.number_at(span[0]))


def joined_spans(codings: tuple[CodingRow, ...]) -> list[tuple[int, int]]:
    """The distinct spans of a document-wide passage's codings, in the order its text joins them."""
    return sorted({_position(c) for c in codings})


def _position(coding: CodingRow) -> tuple[int, int]:
    return coding.start, coding.end
