"""What coders are compared on: units of text, and per code how many units each set of coders marked.

Coder ``c`` of the compared coders is bit ``1 << c``. For every code, units
are counted by *type*: which coders rated the unit (coded anything in its
document: a coder who has not coded a document is missing there, not
"absent") and which of them applied the code in it. Those counts are all the
coefficients need, so ten million characters cost no more than a few
thousand sentences.

Units (``touch`` = share at least one character, as in co-occurrence):

* ``sentence``, ``turn``, ``paragraph``: a code is present in the unit when a
  coding of it touches the unit (:mod:`lobcoder.analysis.units` splits the text);
* ``document``: the code is present anywhere in the document;
* ``character``: every character is a unit (NVivo). Most characters are coded
  by nobody, and that agreement on "absent" is counted too, so percent
  agreement is high whatever the coders did and kappa is the figure to read;
* ``overlap`` (segment overlap, MAXQDA) is not a unit of text: see
  :mod:`lobcoder.agreement.overlap`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from lobcoder.analysis.dataset import Dataset, IntArray, by_document
from lobcoder.analysis.units import Spans, expand, merged_intervals, paragraphs, sentences, turn_spans
from lobcoder.util.bounded_cache import BoundedCache

AgreementUnit = Literal["sentence", "turn", "paragraph", "document", "character", "overlap"]
AGREEMENT_UNITS: tuple[AgreementUnit, ...] = ("sentence", "turn", "paragraph", "document", "character", "overlap")
_POSITION = np.int64(1) << 32  # keys: group << 32 | position in the document


@dataclass(frozen=True, eq=False)
class Selection:
    """The codings compared: rows of the data set's coding table, with the bit of their coder.

    ``documents`` are document indices in the data set; ``raters[i]`` is the
    mask of coders who coded ``documents[i]``.
    """

    coders: tuple[int, ...]
    documents: IntArray
    raters: IntArray
    rows: IntArray
    bits: IntArray


def select_codings(dataset: Dataset, coders: Sequence[int], documents: Sequence[int] | None = None) -> Selection:
    """The codings of ``coders`` (coder ids) in ``documents`` (ids), by default the documents two of them or more coded."""
    codings = dataset.codings
    bit_of = {coder: 1 << i for i, coder in enumerate(coders)}
    coder_bits = np.zeros(len(codings), dtype=np.int64)
    for coder, bit in bit_of.items():
        coder_bits[codings.coder == coder] = bit
    mine = np.flatnonzero(coder_bits)
    raters = np.zeros(len(dataset.documents), dtype=np.int64)
    np.bitwise_or.at(raters, codings.document[mine], coder_bits[mine])
    if documents is None:  # the documents two of them or more coded; each pair is compared where both coded
        chosen = np.flatnonzero([bin(int(r)).count("1") >= 2 for r in raters]).astype(np.int64)
    else:
        index = {d.id: i for i, d in enumerate(dataset.documents)}
        chosen = np.array(sorted(index[d] for d in documents if d in index), dtype=np.int64)
        chosen = chosen[raters[chosen] != 0]
    in_chosen = np.zeros(len(dataset.documents), dtype=bool)
    in_chosen[chosen] = True
    rows = mine[in_chosen[codings.document[mine]]]
    return Selection(tuple(coders), chosen, raters[chosen], rows, coder_bits[rows])


def narrow(dataset: Dataset, selection: Selection, mask: int) -> Selection:
    """The part of ``selection`` in the documents every coder of bit ``mask`` coded."""
    keep = (selection.raters & mask) == mask
    in_kept = np.zeros(len(dataset.documents), dtype=bool)
    in_kept[selection.documents[keep]] = True
    rows = in_kept[dataset.codings.document[selection.rows]]
    return Selection(
        selection.coders, selection.documents[keep], selection.raters[keep], selection.rows[rows], selection.bits[rows]
    )


@dataclass(frozen=True, eq=False)
class UnitCounts:
    """Per code, how many units there are of each type (raters mask, present mask).

    ``weights[code, t]`` counts the units of type ``(raters[t], present[t])``.
    ``located`` lists every (code, unit) that some coder marked, for the
    disagreement browser: ``located_unit`` holds (document index, start, end).
    """

    coders: tuple[int, ...]
    raters: IntArray
    present: IntArray
    weights: np.ndarray
    units_per_document: dict[int, int]
    located_code: IntArray
    located_mask: IntArray
    located_unit: IntArray


_SPLIT_KEEP = 1024
_split_kept: BoundedCache[tuple[str, str], Spans] = BoundedCache(_SPLIT_KEEP)


def split_text(content_hash: str, unit: Literal["sentence", "paragraph"], read: Callable[[], str]) -> Spans:
    """Sentences or paragraphs of the text whose SHA-256 is ``content_hash``, kept for the next computation.

    The text is read (``read()``) only when they are not kept. The key is the
    text's content hash, not its document (an edited text splits anew) and not
    the text itself, so the kept spans do not hold on to the texts that
    analyses read one document at a time.
    """
    key = (content_hash, unit)
    found = _split_kept.get(key)  # background tasks of the window may split at the same time
    if found is not None:
        return found
    text = read()
    found = sentences(text) if unit == "sentence" else paragraphs(text)
    _split_kept.put(key, found)
    return found


def clear_split_cache() -> None:
    """Forget the kept sentences and paragraphs (benchmarks time a first computation)."""
    _split_kept.clear()


def _spans(dataset: Dataset, document: int, unit: AgreementUnit) -> Spans:
    info = dataset.documents[document]
    document_id = info.id
    if unit == "turn":
        return turn_spans(dataset.document_turns(document_id))
    if unit in ("sentence", "paragraph"):
        return split_text(info.content_hash, unit, lambda: dataset.text(document_id))
    return Spans((0,), (max(info.length, 1),))


def _type_table(
    codes: int, code: IntArray, raters: IntArray, present: IntArray, amount: np.ndarray, totals: dict[int, float]
) -> tuple[IntArray, IntArray, np.ndarray]:
    """Units per (code, type); units nobody marked are what is left of each raters mask's total."""
    width = np.int64(1) << 20
    for mask in totals:
        raters = np.append(raters, mask)
        present = np.append(present, 0)
    type_key = raters * width + present
    keys, type_of = np.unique(type_key, return_inverse=True)
    weights = np.zeros((codes, len(keys)))
    np.add.at(weights, (code, type_of[: len(code)]), amount)
    key_raters, key_present = keys // width, keys % width
    for t, (mask, marked) in enumerate(zip(key_raters, key_present, strict=True)):
        if marked == 0:
            others = key_raters == mask
            weights[:, t] = totals[int(mask)] - weights[:, others].sum(axis=1) + weights[:, t]
    return key_raters, key_present, weights


def count_units(dataset: Dataset, selection: Selection, unit: AgreementUnit) -> UnitCounts:
    """Units per code and type for a text unit or characters (see the module docstring)."""
    if unit == "overlap":
        raise ValueError("segment overlap has no units of text; use lobcoder.agreement.overlap")
    if unit == "character":
        return _count_characters(dataset, selection)
    codings = dataset.codings
    rows, bits = selection.rows, selection.bits
    documents = codings.document[rows]
    unit_ids, owners, spans, units_per_document = [], [], [], {}
    offset = 0
    groups, none = dict(by_document(documents)), np.zeros(0, dtype=np.int64)
    for document in selection.documents.tolist():
        found = _spans(dataset, document, unit)
        units_per_document[document] = len(found)
        here = groups.get(document, none)
        if unit == "document":
            first, stop = np.zeros(len(here), dtype=np.int64), np.ones(len(here), dtype=np.int64)
        else:
            first, stop = found.touched_arrays(codings.start[rows[here]], codings.end[rows[here]])
        owner, local = expand(first, stop)
        owners.append(here[owner])
        unit_ids.append(local + offset)
        spans.append(np.column_stack([np.full(len(found), document), found.starts, found.ends]))
        offset += len(found)
    if not unit_ids:
        return _empty(selection, len(dataset.codes))
    owner = np.concatenate(owners)
    unit_of = np.concatenate(unit_ids)
    unit_spans = np.concatenate(spans).astype(np.int64)
    key = codings.code[rows[owner]] * _POSITION + unit_of
    located, inverse = np.unique(key, return_inverse=True)
    mask = np.zeros(len(located), dtype=np.int64)
    np.bitwise_or.at(mask, inverse, bits[owner])
    code, unit_index = located // _POSITION, located % _POSITION
    document_raters = dict(zip(selection.documents.tolist(), selection.raters.tolist(), strict=True))
    raters = np.array([document_raters[d] for d in unit_spans[unit_index, 0].tolist()], dtype=np.int64)
    totals: dict[int, float] = {}
    for document, count in units_per_document.items():
        totals[document_raters[document]] = totals.get(document_raters[document], 0) + count
    key_raters, key_present, weights = _type_table(len(dataset.codes), code, raters, mask, np.ones(len(code)), totals)
    return UnitCounts(
        selection.coders, key_raters, key_present, weights, units_per_document, code, mask, unit_spans[unit_index]
    )


def _empty(selection: Selection, codes: int) -> UnitCounts:
    none = np.zeros(0, dtype=np.int64)
    return UnitCounts(selection.coders, none, none, np.zeros((codes, 0)), {}, none, none, np.zeros((0, 3), np.int64))


def _count_characters(dataset: Dataset, selection: Selection) -> UnitCounts:
    codings = dataset.codings
    rows, bits = selection.rows, selection.bits
    documents = len(dataset.documents)
    # Each coder's codings of a code in a document merged, then one sweep per (code, document):
    # the running sum of +bit at starts and -bit at ends is the mask of coders covering the text.
    group = (codings.code[rows] * documents + codings.document[rows]) * 64 + np.log2(bits).astype(np.int64)
    merged, starts, ends = merged_intervals(group, codings.start[rows], codings.end[rows])
    bit = np.int64(1) << (merged % 64)
    place = merged // 64
    events = np.concatenate([place * _POSITION + starts, place * _POSITION + ends])
    delta = np.concatenate([bit, -bit])
    order = np.argsort(events, kind="stable")
    events, delta = events[order], delta[order]
    state = np.cumsum(delta)
    same = events[1:] // _POSITION == events[:-1] // _POSITION
    length = np.where(same, np.diff(events), 0)
    keep = (length > 0) & (state[:-1] > 0)
    at = np.flatnonzero(keep)
    code, document = (events[at] // _POSITION) // documents, (events[at] // _POSITION) % documents
    lengths = {d: dataset.documents[d].length for d in selection.documents.tolist()}
    document_raters = np.zeros(documents, dtype=np.int64)
    document_raters[selection.documents] = selection.raters
    totals: dict[int, float] = {}
    for d, count in lengths.items():
        totals[int(document_raters[d])] = totals.get(int(document_raters[d]), 0) + count
    key_raters, key_present, weights = _type_table(
        len(dataset.codes), code, document_raters[document], state[at], length[at].astype(np.float64), totals
    )
    spans = np.column_stack([document, events[at] % _POSITION, events[at + 1] % _POSITION])
    return UnitCounts(selection.coders, key_raters, key_present, weights, lengths, code, state[at], spans)
