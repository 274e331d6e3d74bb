"""A quotes report for a thesis: per code a heading, then at most N chosen quotes, each with an attribution.

:func:`quote_report` groups a :class:`~lobcoder.analysis.quotes.QuoteResult`
by the code the quotes are listed under and picks at most ``per_code`` of each
code's quotes by one rule:

* ``spread``: over participants (a document without one counts as its own
  source): a quote of each source in turn, then a second of each, and so
  on, sources in the order of their first quote; a participant's quotes come
  from their documents in turn (the first source's first from its first
  document, the second source's from its second: waves, for teachers
  interviewed in waves), each document's in order. When a round has more
  sources than quotes left to pick, the sources are taken evenly over that
  order (every third of nine for three quotes), so 30 quotes among 83
  participants reach the last documents too, not just the first 30. So with
  three quotes and five participants, three participants speak.
* ``longest``: the longest quotes (ties: the earlier one).
* ``random``: a random sample, the same for the same ``seed`` and code.

The chosen quotes keep their document order, unless ``order_by`` names
attributes (or ``participant``, ``document``) to list each code's quotes by:
values in natural order ("ronde 2" before "ronde 10"), quotes without a value
last, ties in document order. Ordering comes after picking, so it never
changes which quotes are shown. An **attribution** is built from
fields in the order given: ``participant`` (else the turn's speaker),
``speaker``, ``document``, ``paragraph`` ("paragraph 12" / "alinea 12"),
``time`` (of the turn), or an attribute's name for its value. A value that is
a number is written with its attribute's name ("ronde 1"), any other value
alone ("docent"); missing fields are left out: "(Marieke, docent, ronde 1)".

A passage several coders coded alike is one quote (see
:mod:`lobcoder.analysis.quotes`); it is picked and counted once. When the
report's quotes come from more than one coder, each quote names its coders
("coded by Fenna, Sander"); when they all come from one coder, the notes say
so once instead.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Literal

from lobcoder.analysis.dataset import NO_VALUE, CodeNode, Dataset, IntArray
from lobcoder.analysis.filters import AnalysisFilter, FilterDescription, join_names
from lobcoder.analysis.quotes import (
    CodeRows,
    DocumentReader,
    Quote,
    QuoteResult,
    dataset_documents,
    format_timestamp,
    quote_rows,
    quotes_of_rows,
)
from lobcoder.analysis.table import Format, Table, TableRow, Value
from lobcoder.i18n import message
from lobcoder.util.natural_sort import natural_key

PickRule = Literal["spread", "longest", "random"]
PICK_RULES: tuple[PickRule, ...] = ("spread", "longest", "random")
FIELDS = ("participant", "speaker", "document", "paragraph", "time")
"""Attribution fields besides attribute names."""
ORDER_FIELDS = ("participant", "document")
"""Fields besides attribute names that quotes can be ordered by."""
_NUMBER = re.compile(r"[+-]?\d+([.,]\d+)?")


@dataclass(frozen=True)
class QuoteGroup:
    """The quotes shown under one code; ``total`` is how many it had before picking."""

    code: CodeNode
    quotes: tuple[Quote, ...]
    total: int


@dataclass(frozen=True)
class QuoteReport:
    """What the thesis layout shows (see the module docstring)."""

    groups: tuple[QuoteGroup, ...]
    attribution: tuple[str, ...]
    per_code: int | None
    rule: PickRule
    seed: int
    context: int
    definitions: bool
    rollup: bool
    attribute_names: tuple[str, ...]
    described: FilterDescription = FilterDescription()
    pseudonymised: bool = False  # read from a pseudonymised copy: the notes say so
    order_by: tuple[str, ...] = ()  # what each code's quotes are ordered by; () is document order

    def attribution_of(self, quote: Quote, language: str = "en") -> str:
        """ "(Marieke, docent, ronde 1)", or "" when no field has a value."""
        parts: list[str] = []
        for field in self.attribution:
            value = _field(quote, field, language)
            if value and value not in parts:
                parts.append(value)
        return f"({', '.join(parts)})" if parts else ""

    @cached_property
    def sole_coder(self) -> str | None:
        """The one coder of every quote, if there is one; then no quote names it (the notes do)."""
        named = {quote.coders for group in self.groups for quote in group.quotes}
        if len(named) == 1:
            (coders,) = named
            return coders[0] if len(coders) == 1 else None
        return None

    def coders_of(self, quote: Quote, language: str = "en") -> str:
        """ "coded by Fenna, Sander", or "" when the quote names no coder or one coder coded every quote."""
        if not quote.coders or self.sole_coder is not None:
            return ""
        return message("quotes.coded_by", language, coders=join_names(quote.coders, language))

    def as_block(self, quote: Quote, language: str, marks: tuple[str, str]) -> str:
        """The quote on one line: "[before] “text” [after] (attribution) — coded by Fenna, Sander".

        The context words, when there are any, in brackets ("…" in them only where
        :func:`~lobcoder.analysis.quotes.context_words` cut the context short), the text (whitespace
        collapsed) between ``marks``, then the attribution and the coders when
        there are any.
        """
        opening, closing = marks
        text = opening + " ".join(quote.text.split()) + closing
        if quote.before:
            text = f"[{quote.before}] {text}"
        if quote.after:
            text = f"{text} [{quote.after}]"
        text = f"{text} {self.attribution_of(quote, language)}".rstrip()
        coders = self.coders_of(quote, language)
        return f"{text} — {coders}" if coders else text

    def title(self, language: str = "en") -> str:
        return message("quotes.title", language)

    def notes(self, language: str = "en") -> tuple[str, ...]:
        """What was quoted and how it was chosen, in words."""
        names = join_names([group.code.name for group in self.groups], language)
        lines = [message("quotes.note.codes", language, codes=names)] if self.groups else []
        if self.rollup:
            lines.append(message("quotes.note.rollup", language))
        if self.per_code is None:
            lines.append(message("quotes.note.all", language))
        else:
            rule = message(f"quotes.rule.{self.rule}", language, seed=self.seed)
            key = "quotes.note.at_most_one" if self.per_code == 1 else "quotes.note.at_most"
            lines.append(message(key, language, count=self.per_code, rule=rule))
        if self.order_by:
            fields = [message(f"quotes.order.{f}", language) if f in ORDER_FIELDS else f for f in self.order_by]
            lines.append(message("quotes.note.order", language, fields=join_names(fields, language)))
        if self.context:
            lines.append(message("quotes.note.context", language, count=self.context))
        sole = self.sole_coder
        if sole is not None and self.described.coders != (sole,):  # else the filter's line says it
            lines.append(message("quotes.note.sole_coder", language, coder=sole))
        elif any(len(q.coders) > 1 for group in self.groups for q in group.quotes):
            lines.append(message("quotes.note.merged", language))
        codes_named = replace(self.described, codes=None)  # the codes are named above
        lines += codes_named.lines(language)
        if self.pseudonymised:
            lines.append(message("report.pseudonymised", language))
        return tuple(lines)

    def to_table(self, language: str = "en") -> Table:
        """The picked quotes as a data table, every field a column (the layout for Excel, CSV and JSON)."""
        quotes = tuple(q for group in self.groups for q in group.quotes)
        result = QuoteResult(quotes, self.attribute_names, self.described, self.rollup)
        table = result.to_table(language=language)
        return replace(table, notes=self.notes(language))

    def to_word_table(self, language: str = "en") -> Table:
        """The picked quotes as a thesis table: the code, a column per attribution field, then the quote.

        Word's table option: the fields the attribution names ("participant,
        rol, ronde"), not every field the data table carries, so the quote
        keeps the room of a printed page; the quote with its context in
        brackets as in the blocks, and a column of coders only when the
        quotes name different ones (else the notes name the one coder).
        """
        keys = [WordColumn("field" if f in FIELDS else "attribute", f) for f in self.attribution]
        if any(self.coders_of(q, language) for group in self.groups for q in group.quotes):
            keys.append(WordColumn("coder"))
        keys.append(WordColumn("text"))
        headers = tuple(self._word_header(key, language) for key in keys)
        formats: tuple[Format, ...] = tuple(
            "int" if key == WordColumn("field", "paragraph") else "text" for key in keys
        )
        rows = tuple(
            TableRow(group.code.name, tuple(self._word_cell(q, key, language) for key in keys), 0, q.coding_id)
            for group in self.groups
            for q in group.quotes
        )
        return Table(
            message("quotes.title", language),
            message("table.code", language),
            headers,
            rows,
            formats,
            notes=self.notes(language),
            column_keys=tuple(keys),
        )

    @staticmethod
    def _word_header(key: WordColumn, language: str) -> str:
        if key.kind == "attribute":
            return key.name
        return message(_HEADERS.get(key.kind, f"quotes.{key.name}"), language)

    def _word_cell(self, quote: Quote, key: WordColumn, language: str) -> Value:
        if key.kind == "text":
            text = " ".join(quote.text.split())
            return " ".join(part for part in (_bracketed(quote.before), text, _bracketed(quote.after)) if part)
        if key.kind == "coder":
            return quote.coder_names
        if key == WordColumn("field", "paragraph"):
            return quote.paragraph
        if key.kind == "field":
            return _field(quote, key.name, language) or None
        value = quote.attributes.get(key.name)
        return None if value is None or value == NO_VALUE else value


@dataclass(frozen=True)
class WordColumn:
    """A column of the Word quotes table: an attribution field, an attribute, the coders or the quote.

    The kind keeps an attribute named "coder" or "text" apart from the coders' and the quote's columns.
    """

    kind: Literal["field", "attribute", "coder", "text"]
    name: str = ""


_HEADERS = {"coder": "quotes.coder", "text": "quotes.quote"}  # a field's header is quotes.<field>


def _bracketed(context: str) -> str:
    return f"[{context}]" if context else ""


def _field(quote: Quote, field: str, language: str) -> str:
    if field == "participant":
        return quote.participant or quote.speaker or ""
    if field == "speaker":
        return quote.speaker or ""
    if field == "document":
        return quote.document
    if field == "paragraph":
        return message("quotes.attribution.paragraph", language, number=quote.paragraph)
    if field == "time":
        return format_timestamp(quote.timestamp_ms) or ""
    value = quote.attributes.get(field)
    if value is None or value == NO_VALUE:
        return ""
    return f"{field} {value}" if _NUMBER.fullmatch(value) else value


def _order_value(quote: Quote, field: str) -> str | None:
    if field == "participant":
        return quote.participant
    if field == "document":
        return quote.document
    value = quote.attributes.get(field)
    return None if value is None or value == NO_VALUE else value


def ordered(quotes: Sequence[Quote], order_by: Sequence[str]) -> tuple[Quote, ...]:
    """``quotes`` by the values of ``order_by`` in natural order, missing values last; ties keep their order."""

    def key(quote: Quote) -> tuple[object, ...]:
        values = (_order_value(quote, field) for field in order_by)
        return tuple((value is None, natural_key(value or "")) for value in values)

    return tuple(sorted(quotes, key=key))  # a stable sort: ties stay in document order


def _order_fields(order_by: Sequence[str], attribute_names: tuple[str, ...]) -> tuple[str, ...]:
    unknown = [f for f in order_by if f not in ORDER_FIELDS and f not in attribute_names]
    if unknown:
        known = ", ".join((*ORDER_FIELDS, *attribute_names))
        raise ValueError(f"cannot order quotes by {unknown[0]!r} (fields: {known})")
    return tuple(order_by)


def pick(quotes: Sequence[Quote], per_code: int | None, rule: PickRule = "spread", seed: int = 1) -> list[Quote]:
    """At most ``per_code`` of one code's ``quotes`` by ``rule``, in their original order."""
    if not quotes:
        return []
    chosen = _chosen(
        len(quotes),
        per_code,
        rule,
        seed,
        quotes[0].listed_under.id,
        lambda i: len(quotes[i].text),
        lambda i: _source(quotes[i].participant, quotes[i].document_id),
        lambda i: quotes[i].document_id,
    )
    return [quotes[i] for i in chosen]


def _source(participant: str | None, document_id: int) -> object:
    return ("participant", participant) if participant else ("document", document_id)


def _chosen(
    count: int,
    per_code: int | None,
    rule: PickRule,
    seed: int,
    code_id: int,
    length: Callable[[int], int],
    source: Callable[[int], object],
    document: Callable[[int], int],
) -> list[int]:
    """Which of a code's ``count`` quotes :func:`pick` keeps, as sorted indices."""
    order = list(range(count))
    if per_code is None or count <= per_code:
        return order
    if rule == "longest":
        chosen = sorted(order, key=lambda i: (-length(i), i))[:per_code]
    elif rule == "random":
        chosen = random.Random(f"{seed}:{code_id}").sample(order, per_code)
    elif rule == "spread":
        chosen = _spread(order, per_code, source, document)
    else:
        raise ValueError(f"unknown rule {rule!r}; choose one of {', '.join(PICK_RULES)}")
    return sorted(chosen)


def _spread(
    order: list[int], per_code: int, source: Callable[[int], object], document: Callable[[int], int]
) -> list[int]:
    """Rounds over the sources; in each round every source (evenly over their order, when there are more
    sources than quotes left) gives its next quote. Among its documents it takes the place (first, second,
    ... document: wave 1, 2, ... for teachers) taken least so far by sources with as many documents, and on
    a tie the place ``(j + r)`` for the ``j``-th source in round ``r``, so one teacher's quote is from wave 1,
    the next one's from wave 2. Counting the places taken keeps the waves even when a thinned round picks
    every third teacher of 60 (7/7/6 of 20 quotes), and as even as those teachers allow when a second round
    is thinned (80 quotes of 60 teachers: 20/30/30, where the rotation alone gave 20/40/20)."""
    sources: dict[object, dict[int, list[int]]] = {}
    for i in order:
        sources.setdefault(source(i), {}).setdefault(document(i), []).append(i)
    queues = [[found[::-1] for found in by_document.values()] for by_document in sources.values()]  # pop() = first
    taken: dict[tuple[int, int], int] = {}  # (documents of the source, place) -> quotes taken
    chosen: list[int] = []
    round_ = 0
    while len(chosen) < per_code:
        candidates = [j for j, documents in enumerate(queues) if any(documents)]
        need = per_code - len(chosen)
        if len(candidates) > need:  # evenly over the sources, not the first ``need`` of them
            candidates = [candidates[k * len(candidates) // need] for k in range(need)]
        for j in candidates:
            documents = queues[j]
            count = len(documents)
            places = [(j + round_ + k) % count for k in range(count)]
            turn = min((place for place in places if documents[place]), key=lambda place: taken.get((count, place), 0))
            taken[count, turn] = taken.get((count, turn), 0) + 1
            chosen.append(documents[turn].pop())
        round_ += 1
    return chosen


def default_attribution(attribute_names: Sequence[str]) -> tuple[str, ...]:
    """The participant, then every attribute: "(Marieke, Meerwijk College, docent, ronde 1)"."""
    return ("participant", *attribute_names)


def _fields(
    per_code: int | None, rule: str, attribution: Sequence[str] | None, attribute_names: tuple[str, ...]
) -> tuple[str, ...]:
    if per_code is not None and per_code < 1:
        raise ValueError("at most 1 or more quotes per code")
    if rule not in PICK_RULES:
        raise ValueError(f"unknown rule {rule!r}; choose one of {', '.join(PICK_RULES)}")
    fields = tuple(default_attribution(attribute_names) if attribution is None else attribution)
    unknown = [f for f in fields if f not in FIELDS and f not in attribute_names]
    if unknown:
        known = ", ".join((*FIELDS, *attribute_names))
        raise ValueError(f"unknown attribution field {unknown[0]!r} (fields: {known})")
    return fields


def quote_report(
    result: QuoteResult,
    *,
    per_code: int | None = None,
    rule: PickRule = "spread",
    seed: int = 1,
    attribution: Sequence[str] | None = None,
    definitions: bool = False,
    context: int = 0,
    order_by: Sequence[str] = (),
) -> QuoteReport:
    """Group ``result`` by code and pick the quotes to show (see the module docstring).

    ``context`` only says in the notes how many words of context the quotes
    carry; :func:`~lobcoder.analysis.quotes.quotes` must have been asked for them.

    Raises:
        ValueError: an unknown rule or attribution field, or ``per_code`` below 1.
    """
    fields = _fields(per_code, rule, attribution, result.attribute_names)
    order = _order_fields(order_by, result.attribute_names)
    by_code: dict[int, list[Quote]] = {}
    codes: dict[int, CodeNode] = {}
    for quote in result.quotes:
        by_code.setdefault(quote.listed_under.id, []).append(quote)
        codes[quote.listed_under.id] = quote.listed_under
    groups = tuple(
        QuoteGroup(codes[code_id], ordered(pick(found, per_code, rule, seed), order), len(found))
        for code_id, found in by_code.items()
    )
    return QuoteReport(
        groups=groups,
        attribution=fields,
        per_code=per_code,
        rule=rule,
        seed=seed,
        context=context,
        definitions=definitions,
        rollup=result.rollup,
        attribute_names=result.attribute_names,
        described=result.described,
        order_by=order,
    )


def picked_quote_report(
    dataset: Dataset,
    flt: AnalysisFilter = AnalysisFilter(),
    *,
    codes: Iterable[int] | None = None,
    rollup: bool = False,
    context: int = 0,
    per_code: int | None = None,
    rule: PickRule = "spread",
    seed: int = 1,
    attribution: Sequence[str] | None = None,
    definitions: bool = False,
    documents: DocumentReader | None = None,
    order_by: Sequence[str] = (),
) -> QuoteReport:
    """``quote_report(quotes(dataset, flt, codes, rollup, context), ...)``, picking before reading any text.

    The quotes are picked from the codings' positions, participants and
    documents alone (a quote's length is its span), and only the picked
    quotes' documents are read, one at a time, through ``documents`` (default:
    the data set's texts and turns). A report over a large project then needs
    neither every text in memory nor every quote built.
    """
    fields = _fields(per_code, rule, attribution, dataset.attribute_names)
    order = _order_fields(order_by, dataset.attribute_names)
    starts, ends, document_of = dataset.codings.start, dataset.codings.end, dataset.codings.document
    picked: list[CodeRows] = []
    totals: list[int] = []
    for code_rows in quote_rows(dataset, flt, codes, rollup):
        if not len(code_rows):
            continue
        first = code_rows.first()  # the codings of a quote share its document and span

        def source(i: int, first: IntArray = first) -> object:  # asked only when "spread" must choose
            document = dataset.documents[int(document_of[first[i]])]
            return _source(document.participant, document.id)

        chosen = _chosen(
            len(code_rows),
            per_code,
            rule,
            seed,
            code_rows.code.id,
            lambda i, first=first: int(ends[first[i]] - starts[first[i]]),  # type: ignore[misc]
            source,
            lambda i, first=first: int(document_of[first[i]]),  # type: ignore[misc]
        )
        picked.append(code_rows.take(chosen))
        totals.append(len(code_rows))
    found = quotes_of_rows(dataset, picked, documents or dataset_documents(dataset), context)
    groups = tuple(
        QuoteGroup(code_rows.code, ordered(group, order), total)
        for code_rows, group, total in zip(picked, found, totals, strict=True)
    )
    return QuoteReport(
        groups=groups,
        attribution=fields,
        per_code=per_code,
        rule=rule,
        seed=seed,
        context=context,
        definitions=definitions,
        rollup=rollup,
        attribute_names=dataset.attribute_names,
        described=flt.describe(dataset),
        order_by=order,
    )
