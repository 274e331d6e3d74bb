"""Coded segments with their context (quotes).

A quote is one coded passage with its document, participant, effective
attribute values, coders and text. Codings listed under the same code with the
same document, start and end (several coders coding one passage, or with
roll-up one coder using a code and its sub-code) are *one* quote that names
all its coders: a passage counts once however many coders agreed on it.
Overlapping but different spans stay separate quotes, since each coder's
boundaries are a choice the report should show. Merging happens after the
filter, so a coder filter keeps only the chosen coders' codings and names.
Its *speaker* and *timestamp* are those of
the first speaker turn it touches (none for text outside every turn); its
*paragraph* is the 1-based number of the first paragraph it touches, counting
non-blank lines as :mod:`lobcoder.analysis.units` does. All positions are
code points of the stored text, so an emoji or accented letter earlier in the
document does not shift anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from lobcoder.analysis.dataset import CodeNode, CodingRow, Dataset, IntArray, TurnInfo
from lobcoder.analysis.filters import AnalysisFilter, FilterDescription, select
from lobcoder.analysis.table import Format, Table, TableRow
from lobcoder.analysis.units import Spans, paragraphs, turn_spans
from lobcoder.i18n import message


@dataclass(frozen=True)
class Quote:
    """One coded passage; ``listed_under`` is the code whose quotes it is shown with.

    ``coding_ids`` are the codings of this passage (one per coder, in project
    order); ``coding_id`` and ``code`` are those of the first. ``coders`` are
    their distinct coder names in alphabetical order (unnamed coders left out).
    """

    coding_id: int
    code: CodeNode
    listed_under: CodeNode
    document_id: int
    document: str
    participant: str | None
    attributes: Mapping[str, str]
    speaker: str | None
    paragraph: int
    timestamp_ms: int | None
    coders: tuple[str, ...]
    coding_ids: tuple[int, ...]
    start: int
    end: int
    text: str
    before: str = ""  # context: up to N words before and after the quote, "…" where cut (see :func:`context_words`)
    after: str = ""

    @property
    def coder_names(self) -> str | None:
        """ "Fenna, Sander", or None when no coder is named."""
        return ", ".join(self.coders) or None


def context_words(
    text: str, start: int, end: int, words: int, bounds: tuple[int, int] | None = None
) -> tuple[str, str]:
    """Up to ``words`` words before ``start`` and after ``end``, white space (line breaks too) made single spaces.

    The words come from ``bounds`` (default: the whole text), the quote's turn
    or paragraph, so a respondent's quote does not borrow the interviewer's
    question or a speaker label. "…" marks context that was cut short: it
    opens ``before`` and closes ``after`` when more words lie beyond them
    within ``bounds``. Punctuation that touches the quote and stands alone
    (the full stop closing its sentence, an opening bracket) is left out.
    """
    if words <= 0:
        return "", ""
    low, high = bounds if bounds is not None else (0, len(text))
    low, high = min(low, start), max(high, end)
    reach = 40 * words  # enough characters for that many words, without splitting the whole document
    before = _TRAILING_MARK.sub("", text[max(low, start - reach) : start]).split()
    after = _LEADING_MARK.sub("", text[end : min(high, end + reach)]).split()
    if start - reach > low and len(before) <= words:
        before = before[1:]  # the first may be cut off
    if end + reach < high and len(after) <= words:
        after = after[:-1]
    cut_before = len(before) > words or start - reach > low
    cut_after = len(after) > words or end + reach < high
    shown_before, shown_after = " ".join(before[-words:]), " ".join(after[:words])
    if cut_before and shown_before:
        shown_before = "… " + shown_before
    if cut_after and shown_after:
        shown_after += " …"
    return shown_before, shown_after


_LEADING_MARK = re.compile(r"^[^\w\s]+(?=\s|$)")
_TRAILING_MARK = re.compile(r"(?:^|(?<=\s))[^\w\s]+$")


def format_timestamp(milliseconds: int | None) -> str | None:
    """``1:02:03`` for a turn's time stamp."""
    if milliseconds is None:
        return None
    seconds = milliseconds // 1000
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


@dataclass(frozen=True)
class QuoteResult:
    quotes: tuple[Quote, ...]
    attribute_names: tuple[str, ...]
    described: FilterDescription = FilterDescription()
    rollup: bool = False

    def to_table(self, attributes: Sequence[str] | None = None, language: str = "en") -> Table:
        """One row per quote, labelled with its code; ``attributes``: which attribute columns (default all).

        Columns that would be empty for every quote (no speakers, no times, one
        unnamed coder...) are left out.
        """
        names = tuple(self.attribute_names if attributes is None else attributes)
        fields = ("document", "participant", *(("attribute", name) for name in names))
        keys: tuple[object, ...] = (*fields, "speaker", "paragraph", "time", "coder", "text")
        headers = [name[1] if isinstance(name, tuple) else message(f"quotes.{name}", language) for name in keys]
        formats: list[Format] = ["int" if key == "paragraph" else "text" for key in keys]
        values = [
            (
                q.document,
                q.participant,
                *(q.attributes.get(name) for name in names),
                q.speaker,
                q.paragraph,
                format_timestamp(q.timestamp_ms),
                q.coder_names,
                q.text,
            )
            for q in self.quotes
        ]
        keep = [j for j, key in enumerate(keys) if key == "text" or any(v[j] not in (None, "") for v in values)]
        if not values:
            keep = list(range(len(keys)))
        rows = tuple(
            TableRow(q.listed_under.name, tuple(v[j] for j in keep), 0, q.coding_id)
            for q, v in zip(self.quotes, values, strict=True)
        )
        columns = tuple(headers[j] for j in keep)
        return Table(
            message("quotes.title", language),
            message("table.code", language),
            columns,
            rows,
            tuple(formats[j] for j in keep),
            notes=self.described.lines(language),
            column_keys=tuple(keys[j] for j in keep),
        )


DocumentReader = Callable[[int], tuple[str, Sequence[TurnInfo]]]
"""A document's text and speaker turns by document id (see :func:`quotes_of_rows`)."""


def dataset_documents(dataset: Dataset) -> DocumentReader:
    """Texts and turns from a data set: loaded with it, or read through its source."""
    return lambda document_id: (dataset.text(document_id), dataset.document_turns(document_id))


def _rows_of(dataset: Dataset, rows: IntArray, code: CodeNode, rollup: bool) -> IntArray:
    indices = dataset.subtree(code.id) if rollup else (code.index,)
    return rows[np.isin(dataset.codings.code[rows], indices)]


@dataclass(frozen=True, eq=False)
class CodeRows:
    """One code's quotes as coding rows: quote ``i`` is ``rows[bounds[i]:bounds[i + 1]]``, codings of one span."""

    code: CodeNode
    rows: IntArray
    bounds: IntArray

    def __len__(self) -> int:
        return len(self.bounds) - 1

    def first(self) -> IntArray:
        """The first coding row of each quote."""
        return self.rows[self.bounds[:-1]]

    def quote(self, i: int) -> IntArray:
        return self.rows[self.bounds[i] : self.bounds[i + 1]]

    def take(self, chosen: Sequence[int]) -> CodeRows:
        """Only the quotes ``chosen`` (indices, in the order given)."""
        picked = np.asarray(chosen, dtype=np.int64)
        starts, sizes = self.bounds[picked], np.diff(self.bounds)[picked]
        bounds = np.concatenate(([0], np.cumsum(sizes)))
        positions = np.arange(bounds[-1]) + np.repeat(starts - bounds[:-1], sizes)
        return CodeRows(self.code, self.rows[positions], bounds)


def passage_rows(dataset: Dataset, code: CodeNode, rows: IntArray) -> CodeRows:
    """``rows`` in document and text order, codings of the same span (document, start, end) grouped."""
    c = dataset.codings
    rows = rows[np.lexsort((c.end[rows], c.start[rows], c.document[rows]))]  # stable: codings keep their order
    new = np.ones(len(rows), dtype=bool)
    if len(rows) > 1:
        same = (
            (c.document[rows[1:]] == c.document[rows[:-1]])
            & (c.start[rows[1:]] == c.start[rows[:-1]])
            & (c.end[rows[1:]] == c.end[rows[:-1]])
        )
        new[1:] = ~same
    return CodeRows(code, rows, np.append(np.flatnonzero(new), len(rows)))


def quote_rows(
    dataset: Dataset,
    flt: AnalysisFilter = AnalysisFilter(),
    codes: Iterable[int] | None = None,
    rollup: bool = False,
) -> list[CodeRows]:
    """The coding rows :func:`quotes` lists, per code, in document and text order (no text is read).

    Rows are filtered first, then grouped into quotes by span.
    """
    selection = select(dataset, flt)
    listed = selection.codes if codes is None else tuple(dataset.code(code_id) for code_id in codes)
    return [passage_rows(dataset, code, _rows_of(dataset, selection.rows, code, rollup)) for code in listed]


def quotes_of_rows(
    dataset: Dataset, listed: Sequence[CodeRows], documents: DocumentReader, context: int = 0
) -> list[list[Quote]]:
    """The quotes of ``listed`` rows, per code, reading each document's text and turns once.

    Documents are read one at a time (``documents``) and let go before the
    next: memory holds one text and the quotes, not the project.
    """
    by_document: dict[int, list[tuple[int, int]]] = {}  # document index -> (code number, quote number)
    rows_of: list[tuple[list[int], list[int]]] = []  # per code: its rows and the quotes' bounds in them
    for number, code_rows in enumerate(listed):
        rows_of.append((code_rows.rows.tolist(), code_rows.bounds.tolist()))
        for place, document_index in enumerate(dataset.codings.document[code_rows.first()].tolist()):
            by_document.setdefault(document_index, []).append((number, place))
    found: list[list[Quote | None]] = [[None] * len(code_rows) for code_rows in listed]
    alone: dict[str | None, tuple[str, ...]] = {None: ()}  # one tuple per coder, shared by their quotes
    for index in sorted(by_document):
        document = dataset.documents[index]
        text, turns = documents(document.id)
        lines = paragraphs(text)
        spoken = [t for t in turns if t.label_start < t.end]
        spans = turn_spans(spoken)
        for number, place in by_document[index]:
            rows, bounds = rows_of[number]
            coding = dataset.coding(rows[bounds[place]])
            if bounds[place + 1] - bounds[place] == 1:  # most passages: one coder
                coders = alone.setdefault(coding.coder, (coding.coder,) if coding.coder else ())
                coding_ids: tuple[int, ...] = (coding.id,)
            else:
                codings = [dataset.coding(row) for row in rows[bounds[place] : bounds[place + 1]]]
                coders, coding_ids = named_coders(codings), tuple([c.id for c in codings])
            touched = spans.touched(coding.start, coding.end)
            turn = spoken[touched.start] if touched else None
            before = after = ""
            if context > 0:  # the default, 0, needs no bounds
                reach = _context_bounds(spoken, touched, lines, coding)
                before, after = context_words(text, coding.start, coding.end, context, reach)
            found[number][place] = Quote(
                coding_id=coding.id,
                code=dataset.code(coding.code_id),
                listed_under=listed[number].code,
                document_id=document.id,
                document=document.name,
                participant=document.participant,
                attributes=document.attributes,
                speaker=turn.speaker if turn else None,
                paragraph=lines.number_at(coding.start),
                timestamp_ms=turn.timestamp_ms if turn else None,
                coders=coders,
                coding_ids=coding_ids,
                start=coding.start,
                end=coding.end,
                text=text[coding.start : coding.end],
                before=before,
                after=after,
            )
        del text, lines
    return [[quote for quote in group if quote is not None] for group in found]


def _context_bounds(spoken: Sequence[TurnInfo], touched: range, lines: Spans, coding: CodingRow) -> tuple[int, int]:
    """Where a quote's context may come from: the speech of its one turn, else the paragraphs it touches."""
    if len(touched) == 1:
        turn = spoken[touched.start]
        return turn.start, turn.end
    within = lines.touched(coding.start, coding.end)
    if not within:
        return coding.start, coding.end
    return lines.starts[within.start], lines.ends[within.stop - 1]


def named_coders(codings: Sequence[CodingRow]) -> tuple[str, ...]:
    """The distinct named coders, alphabetically."""
    return tuple(sorted({c.coder for c in codings if c.coder}, key=lambda name: (name.casefold(), name)))


def quotes(
    dataset: Dataset,
    flt: AnalysisFilter = AnalysisFilter(),
    codes: Iterable[int] | None = None,
    rollup: bool = False,
    context: int = 0,
) -> QuoteResult:
    """The filtered codings of ``codes`` (default: the filter's codes), by code, document and position.

    With ``rollup`` a code's quotes include those of its sub-codes; ``context``
    gives each quote up to that many words before and after it.
    """
    listed = quote_rows(dataset, flt, codes, rollup)
    groups = quotes_of_rows(dataset, listed, dataset_documents(dataset), context)
    found = tuple(quote for group in groups for quote in group)
    return QuoteResult(found, dataset.attribute_names, flt.describe(dataset), rollup)
