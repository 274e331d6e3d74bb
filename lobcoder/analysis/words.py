"""Word frequencies: which words the filtered documents use, how often, in how many documents, per group and per code.

Words are read with the shared light tokenizer (:mod:`lobcoder.text.words`:
runs of letters, no numbers, no speaker labels) and counted by lemma (the
suggestions' lookup lemmas, so *gesprekken* counts as *gesprek*) or by
their lower-case form. Dutch function words (the list the suggestions leave
out), number words (*twee*, *eerste*, *honderdtwintig*: digits are no words,
so neither are numbers written out; :func:`~lobcoder.text.words.is_number_word`)
and words shorter than ``min_length`` letters are left out, also when
their lemma is one of those (*heeft*, *hebben*).

The *scope* is the text counted:

* the documents of the filter (documents, attribute values);
* with ``exclude_interviewer``, only respondent text: a word inside an
  interviewer's stretch (:func:`~lobcoder.analysis.filters.interviewer_regions`)
  is left out;
* with a ``code``, only words that lie inside a passage coded with it (with
  ``rollup``, or with one of its sub-codes), by the filter's coders. The
  rest of the scope's text is then the contrast of the *distinctive* score:
  the log-odds z-score of the word in the code's passages against the rest
  (:mod:`lobcoder.analysis.log_odds`); above 2 the word is clearly more
  frequent in the code's passages than elsewhere.

Per word: its occurrences, the documents it occurs in, its share of all
words counted, and with ``split_by`` its occurrences per value of that
attribute (each column's n: the words counted in that value's documents).

Counting the forms of each document is most of the work; with a
:class:`CountCache` (:func:`count_cache`: rows of the project's NLP cache)
each document's form counts are kept by its text's content hash, and by its
interviewer stretches and code passages when those narrow the scope, so a
recompute after a filter change or a coding counts only the documents whose
scope changed. The lemma of each form is kept in memory by the lemmatizer (``DutchPipeline.lemma_of``).
A scoped key starts with its text's hash and its *slot* (respondent text;
a code's passages by given coders), so the row of a slot's old passages is
dropped when its new ones are kept (``replacing``, :mod:`lobcoder.storage.nlp_cache`).
The Words tab and ``lobcoder report words`` both compute through
:func:`project_word_frequencies`.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Literal, Protocol

import numpy as np
import numpy.typing as npt

from lobcoder.analysis.dataset import NO_VALUE, Dataset, IntArray
from lobcoder.analysis.filters import (
    AnalysisFilter,
    FilterDescription,
    interviewer_regions,
    select,
    value_groups,
    within,
)
from lobcoder.analysis.log_odds import log_odds_z
from lobcoder.analysis.table import ColumnGroup, Format, Table, TableRow, named_value
from lobcoder.analysis.units import merged_intervals
from lobcoder.i18n import message
from lobcoder.storage.nlp_cache import SLOT, TEXT_PREFIX, CacheRows
from lobcoder.storage.project import ProjectStore
from lobcoder.text.words import (
    MIN_LENGTH,
    TOKENIZER_VERSION,
    Lemmatizer,
    function_words,
    is_number_word,
    lemma_of,
    word_forms,
    word_spans,
)

By = Literal["lemma", "form"]
Order = Literal["count", "distinctive"]
FORMS_SHOWN = 3  # a lemma's most frequent forms named in its row
# The NLP cache's name of the counts: change it when the counting does (the tokenizer has its own version).
COUNTS_KIND = f"word frequencies: form counts 1; tokenizer {TOKENIZER_VERSION}"
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class WordOptions:
    """What to count: by lemma or form, the shortest word, a code's passages, a split, how many rows."""

    by: By = "lemma"
    min_length: int = MIN_LENGTH
    code: int | None = None
    rollup: bool = True
    split_by: str | None = None
    top: int | None = None
    order: Order = "count"
    left_out: frozenset[str] = frozenset()  # the researcher's left-out words (lemmas or forms, lower case)


@dataclass(frozen=True)
class WordRow:
    word: str
    occurrences: int
    documents: int
    share: float  # of all words counted
    forms: tuple[str, ...]  # by lemma: its forms, most frequent first
    distinctive: float | None  # with a code: the log-odds z-score (None: no contrast)
    split: tuple[int, ...] = ()


@dataclass(frozen=True)
class WordResult:
    rows: tuple[WordRow, ...]
    options: WordOptions
    words: int  # words counted in the scope
    distinct: int
    documents: int  # documents of the filter
    code_name: str | None = None
    split_labels: tuple[str, ...] = ()
    split_keys: tuple[object, ...] = ()
    split_words: tuple[int, ...] = ()
    described: FilterDescription = FilterDescription()
    flt: AnalysisFilter = AnalysisFilter()  # the filter it was computed with (its keywords in context use it)

    def to_table(self, language: str = "en") -> Table:
        """Word, (forms), occurrences, documents, % of words, (distinctive), one column per split value."""
        by_lemma = self.options.by == "lemma"
        keys: list[object] = ["forms"] if by_lemma else []
        keys += ["occurrences", "documents", "share"]
        formats: list[Format] = ["text"] if by_lemma else []
        formats += ["int", "int", "percent"]
        if self.code_name is not None:
            keys.append("distinctive")
            formats.append("float2")
        fixed = len(keys)
        columns = [message(f"words.{key}", language) for key in keys]
        columns += [message("table.no_value", language) if v == NO_VALUE else v for v in self.split_labels]
        keys += list(self.split_keys)
        formats += ["int"] * len(self.split_labels)
        rows = []
        for row in self.rows:
            forms = "" if row.forms == (row.word,) else ", ".join(row.forms)  # named when they differ from it
            values: list[int | float | str | None] = [forms] if by_lemma else []
            values += [row.occurrences, row.documents, row.share]
            if self.code_name is not None:
                values.append(row.distinctive)
            rows.append(TableRow(row.word, (*values, *row.split), 0, row.word))
        groups: tuple[ColumnGroup, ...] = ()
        column_n: tuple[str, ...] = ()
        if self.split_labels:
            groups = (ColumnGroup(str(self.options.split_by), fixed, len(self.split_labels)),)
            column_n = ("",) * fixed + tuple(message("table.n", language, n=n) for n in self.split_words)
        return Table(
            title=message("words.title_code" if self.code_name else "words.title", language, code=self.code_name),
            row_header=message("words.lemma" if by_lemma else "words.form", language),
            columns=tuple(columns),
            rows=tuple(rows),
            formats=tuple(formats),
            notes=self._notes(language),
            column_keys=tuple(keys),
            groups=groups,
            column_n=column_n,
        )

    def _notes(self, language: str) -> tuple[str, ...]:
        unit = message("words.unit_lemmas" if self.options.by == "lemma" else "words.unit_forms", language)
        notes = [
            message(
                "words.note.base",
                language,
                words=self.words,
                documents=self.documents,
                distinct=self.distinct,
                unit=unit,
            ),
            message("words.note.left_out", language, length=self.options.min_length),
        ]
        if self.options.top is not None and self.distinct > len(self.rows):
            key = "words.note.top_distinctive" if self.options.order == "distinctive" else "words.note.top"
            notes.append(message(key, language, shown=len(self.rows), distinct=self.distinct))
        if self.code_name is not None:
            key = "words.note.code_rollup" if self.options.rollup else "words.note.code"
            notes.append(message(key, language, code=self.code_name))
            notes.append(message("words.note.distinctive", language))
        if self.options.left_out:
            words = ", ".join(sorted(self.options.left_out))
            notes.append(message("words.note.left_out_by_you", language, words=words))
        if self.described.exclude_interviewer:
            notes.append(message("words.note.interviewer", language))
        if self.split_labels:
            notes.append(message("words.note.split", language, split=self.options.split_by))
        notes.extend(replace(self.described, exclude_interviewer=False).lines(language))
        return tuple(notes)


class Keys:
    """The counting key of each word (lemma or form), None for words left out; each word worked out once."""

    def __init__(self, lemmatizer: Lemmatizer, by: By, min_length: int, left_out: frozenset[str] = frozenset()) -> None:
        self._lemmatizer, self._by, self._min = lemmatizer, by, min_length
        self._function = function_words()
        self._left_out = left_out  # the researcher's: a word left out as a lemma or as a form
        self._known: dict[str, str | None] = {}

    def __call__(self, lower: str) -> str | None:
        try:
            return self._known[lower]
        except KeyError:
            pass
        key: str | None = None
        if (
            len(lower) >= self._min
            and lower not in self._function
            and lower not in self._left_out
            and not is_number_word(lower)  # like digits: no word
        ):
            lemma = lemma_of(self._lemmatizer, lower)  # the lemmatizer keeps what it worked out
            if lemma not in self._function and lemma not in self._left_out and not is_number_word(lemma):
                key = lemma if self._by == "lemma" else lower
        self._known[lower] = key
        return key


@dataclass(frozen=True)
class DocumentScope:
    """What of one document is counted: its interviewer stretches left out, and (with a code) its passages."""

    index: int  # into dataset.documents
    skipped: list[tuple[int, int]]
    passages: list[tuple[int, int]] | None  # None: no code chosen, all the text is "inside"
    slot: str = ""  # what the passages are of (code, sub-codes, coders): new passages of it replace the old


def document_scopes(
    dataset: Dataset, flt: AnalysisFilter, code: int | None = None, rollup: bool = True
) -> Iterator[DocumentScope]:
    """The filtered documents in order, each with what of it is counted (see the module docstring).

    With a ``code`` every document is in the scope (the rest of the text is
    the contrast of the code's passages); its passages are the code's merged
    codings (with ``rollup`` also its sub-codes'), by the filter's coders.
    Interviewer turns are read only with ``exclude_interviewer``.
    """
    selection = select(dataset, replace(flt, codes=None))
    passages: dict[int, list[tuple[int, int]]] = {}
    if code is not None:
        wanted = np.array(dataset.subtree(code) if rollup else (dataset.code_position(code),), dtype=np.int64)
        codings = dataset.codings
        rows = selection.rows[np.isin(codings.code[selection.rows], wanted)]
        merged = merged_intervals(codings.document[rows], codings.start[rows], codings.end[rows])
        for index, start, end in zip(*(column.tolist() for column in merged), strict=True):
            passages.setdefault(index, []).append((start, end))
    slot = json.dumps([code, rollup, sorted(flt.coders) if flt.coders is not None else None, flt.exclude_interviewer])
    for index in selection.documents.tolist():
        skipped = interviewer_regions(dataset, dataset.documents[index].id) if flt.exclude_interviewer else []
        yield DocumentScope(index, skipped, passages.get(index, []) if code is not None else None, slot)


def scope_words(text: str, scope: DocumentScope) -> tuple[IntArray, IntArray, list[str], BoolArray]:
    """The starts, ends and lower-case forms of a document's counted words (interviewer stretches left out),
    and whether each is inside the code's passages (all are without a code)."""
    starts, ends, forms = word_spans(text)
    begin, end = np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64)
    if scope.skipped:
        # A word starting in an interviewer's stretch is the interviewer's.
        keep = ~within(scope.skipped, begin, begin + 1)
        begin, end = begin[keep], end[keep]
        forms = [form for form, kept in zip(forms, keep.tolist(), strict=True) if kept]
    inside = np.ones(len(forms), dtype=bool) if scope.passages is None else within(scope.passages, begin, end)
    return begin, end, forms, inside


def _whole_lines(text: str, skipped: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """The stretches of ``text`` between the ``skipped`` ones, or None unless every stretch is whole lines.

    Interviewer stretches run from a turn's label to the next turn's, which
    start lines: then each stretch between them holds the same words, labels
    included, as the whole text holds there, and needs no offsets.
    """
    pieces, start = [], 0
    for low, high in skipped:
        pieces.append((start, min(low, len(text))))
        start = min(high, len(text))
    pieces.append((start, len(text)))
    pieces = [(low, high) for low, high in pieces if high > low]
    for low, high in pieces:
        if (low > 0 and text[low - 1] != "\n") or (high < len(text) and text[high - 1] != "\n"):
            return None
    return pieces


def _document_counts(
    text: str, scope: DocumentScope, whole: Counter[str] | None = None
) -> tuple[Counter[str], Counter[str]]:
    """Lower-case forms inside the scope (the code's passages, or all of it) and in the rest.

    ``whole``: the forms of the whole scope, when known (then only the lines
    that hold the code's passages are read).
    """
    if scope.passages is None:
        pieces = _whole_lines(text, scope.skipped)
        if pieces is not None:  # no offsets needed: the fast way
            return Counter(form for start, end in pieces for form in word_forms(text[start:end])), Counter()
        _, _, forms, _ = scope_words(text, scope)
        return Counter(forms), Counter()
    if whole is None:
        whole, _ = _document_counts(text, replace(scope, passages=None))
    inside = _passage_counts(text, scope)
    return inside, whole - inside


def _passage_counts(text: str, scope: DocumentScope) -> Counter[str]:
    """The forms inside the scope's passages, read from the lines that hold them only.

    Words and speaker labels never cross a line break, so the lines around
    a passage hold the same words, at the same offsets less the lines'
    start, as the whole text does: a code's few passages need not have the
    whole document's offsets worked out.
    """
    lines: list[tuple[int, int]] = []
    for start, end in scope.passages or ():
        low = text.rfind("\n", 0, start) + 1
        high = text.find("\n", end)
        high = len(text) if high < 0 else high
        if lines and low <= lines[-1][1]:
            lines[-1] = (lines[-1][0], max(high, lines[-1][1]))
        else:
            lines.append((low, high))
    begins: list[npt.NDArray[np.int64]] = []
    ends: list[npt.NDArray[np.int64]] = []
    forms: list[str] = []
    for low, high in lines:
        starts, stops, found = word_spans(text[low:high])
        begins.append(np.array(starts, dtype=np.int64) + low)
        ends.append(np.array(stops, dtype=np.int64) + low)
        forms.extend(found)
    if not forms:
        return Counter()
    begin = np.concatenate(begins)
    keep = within(scope.passages or [], begin, np.concatenate(ends))  # every line's words at once
    if scope.skipped:
        keep &= ~within(scope.skipped, begin, begin + 1)  # a word starting in an interviewer's stretch
    return Counter(form for form, kept in zip(forms, keep.tolist(), strict=True) if kept)


class CountCache(Protocol):
    """Where each document's form counts are kept (:class:`~lobcoder.storage.nlp_cache.CacheRows`)."""

    def load(self, hashes: Iterable[str]) -> Mapping[str, bytes]: ...

    def save(self, entries: Mapping[str, bytes], replacing: Iterable[str] = ()) -> object: ...


def count_cache(store: ProjectStore) -> CacheRows:
    """The project's NLP cache rows of the word frequencies' per-document counts."""
    return CacheRows(store, COUNTS_KIND)


def _slot(content_hash: str, scope: DocumentScope) -> str:
    """The first :data:`~lobcoder.storage.nlp_cache.SLOT` characters of a scoped key: the text (as the NLP cache names it) and what the scope is of.

    A new key of the same slot (the interviewer changed, a coding of the
    code was added) replaces the old one's row in the cache.
    """
    what = "respondent" if scope.passages is None else f"passages {scope.slot}"
    return content_hash[:TEXT_PREFIX] + hashlib.sha256(what.encode()).hexdigest()[: SLOT - TEXT_PREFIX]


def _count_key(content_hash: str, scope: DocumentScope) -> str:
    """The text's hash; with stretches left out or passages chosen, its slot and the hash of those spans."""
    if not scope.skipped and scope.passages is None:
        return content_hash
    spans = [
        [[int(a), int(b)] for a, b in scope.skipped],
        None if scope.passages is None else [[int(a), int(b)] for a, b in scope.passages],
    ]
    digest = hashlib.sha256(f"{content_hash} {json.dumps(spans)}".encode()).hexdigest()
    return _slot(content_hash, scope) + digest[: 64 - SLOT]


def _encode(counts: Counter[str]) -> bytes:
    return zlib.compress(json.dumps(sorted(counts.items()), ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _decode(blob: bytes) -> Counter[str]:
    return Counter(dict(json.loads(zlib.decompress(blob).decode("utf-8"))))


def scope_counts(
    dataset: Dataset, scopes: list[DocumentScope], cache: CountCache | None = None
) -> Iterator[tuple[DocumentScope, Counter[str], Counter[str]]]:
    """Each scope with its forms inside and outside (:func:`_document_counts`), from ``cache`` where it has them.

    A document's counts are kept for its whole scope (its text, less the
    interviewer's stretches when those are left out) and, with a code, for
    its passages alone: the rest is the difference, so a new coding adds
    only the few words of one document's passages to the cache. The
    documents counted now are added to the cache once all were read.
    """
    if cache is None:
        for scope in scopes:
            yield scope, *_document_counts(dataset.text(dataset.documents[scope.index].id), scope)
        return
    keys: list[tuple[str, str | None]] = []
    for scope in scopes:
        content_hash = dataset.documents[scope.index].content_hash
        whole = _count_key(content_hash, replace(scope, passages=None))
        keys.append((whole, None if scope.passages is None else _count_key(content_hash, scope)))
    stored = dict(cache.load({key for pair in keys for key in pair if key is not None}))
    new: dict[str, bytes] = {}
    replacing: set[str] = set()  # the slots of the keys counted now
    for scope, (whole, part) in zip(scopes, keys, strict=True):
        found = stored.get(whole) or new.get(whole)
        passages = None if part is None else stored.get(part) or new.get(part)
        if found is not None and part is None:
            yield scope, _decode(found), Counter()
        elif found is not None and passages is not None:
            inside = _decode(passages)
            yield scope, inside, _decode(found) - inside
        else:
            # with the whole scope's counts found, only the passages are new: no passages, no text read
            text = dataset.text(dataset.documents[scope.index].id) if scope.passages or found is None else ""
            inside, outside = _document_counts(text, scope, _decode(found) if found is not None else None)
            if part is not None:
                new[part] = _encode(inside)
                replacing.add(part[:SLOT])  # a scoped key starts with its slot
            if found is None:
                new[whole] = _encode(inside + outside)
                if scope.skipped:  # a scoped key (the unscoped one is the text's hash)
                    replacing.add(whole[:SLOT])
            yield scope, inside, outside
    if new:
        cache.save(new, replacing)  # its own short write transaction, once every document was read


def project_word_frequencies(
    store: ProjectStore | None,
    dataset: Dataset,
    lemmatizer: Lemmatizer,
    flt: AnalysisFilter = AnalysisFilter(),
    options: WordOptions = WordOptions(),
) -> WordResult:
    """Word frequencies as the Words tab and ``report words`` compute them: with ``store`` (the project the
    data set was read from) each document's counts come from and go to its NLP cache; None (a pseudonymised
    copy, whose texts are not the project's) counts every document and keeps nothing."""
    return word_frequencies(dataset, lemmatizer, flt, options, count_cache(store) if store is not None else None)


def word_frequencies(
    dataset: Dataset,
    lemmatizer: Lemmatizer,
    flt: AnalysisFilter = AnalysisFilter(),
    options: WordOptions = WordOptions(),
    cache: CountCache | None = None,
) -> WordResult:
    """Word frequencies of the filtered documents (see the module docstring); ``cache`` keeps the counts."""
    scopes = list(document_scopes(dataset, flt, options.code, options.rollup))  # the filter applied once
    kept = [scope.index for scope in scopes]
    groups = value_groups(dataset, kept, options.split_by) if options.split_by is not None else {}
    group_of = {index: number for number, members in enumerate(groups.values()) for index in members}
    counts: Counter[str] = Counter()
    rest: Counter[str] = Counter()
    per_group: list[Counter[str]] = [Counter() for _ in groups]
    group_words = [0] * len(groups)
    documents: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    keys = Keys(lemmatizer, options.by, options.min_length, options.left_out)
    for scope, inside, outside in scope_counts(dataset, scopes, cache):
        here: Counter[str] = Counter()
        for form, n in inside.items():
            key = keys(form)
            if key is not None:
                here[key] += n
                forms.setdefault(key, Counter())[form] += n
        for form, n in outside.items():
            key = keys(form)
            if key is not None:
                rest[key] += n
        counts.update(here)
        documents.update(here.keys())
        if groups:
            group = group_of[scope.index]
            per_group[group].update(here)
            group_words[group] += sum(here.values())
    total = sum(counts.values())
    names = sorted(counts)
    distinctive: dict[str, float | None] = {}
    if options.code is not None:
        here_counts = np.array([counts[w] for w in names], float)
        rest_counts = np.array([rest[w] for w in names], float)
        z = log_odds_z(here_counts, rest_counts, float(total), float(sum(rest.values())))
        distinctive = {w: None if np.isnan(v) else round(float(v), 4) for w, v in zip(names, z, strict=True)}
    rows = [
        WordRow(
            word,
            counts[word],
            documents[word],
            counts[word] / total,
            tuple(f for f, _ in sorted(forms[word].items(), key=lambda fn: (-fn[1], fn[0]))[:FORMS_SHOWN])
            if options.by == "lemma"
            else (),
            distinctive.get(word),
            tuple(found[word] for found in per_group),
        )
        for word in names
    ]
    if options.order == "distinctive" and options.code is not None:
        rows.sort(key=lambda r: (-(r.distinctive if r.distinctive is not None else -np.inf), -r.occurrences, r.word))
    else:
        rows.sort(key=lambda r: (-r.occurrences, r.word))
    split = options.split_by or ""
    labels = tuple(named_value(split, v) if v != NO_VALUE else v for v in groups)
    split_keys = tuple((split, v) for v in groups)
    code_name = dataset.code(options.code).name if options.code is not None else None
    described = flt.describe(dataset)
    # The code filter does not restrict words; the coders only a code's passages.
    described = replace(described, codes=None, coders=described.coders if code_name else None)
    return WordResult(
        rows=tuple(rows[: options.top] if options.top is not None else rows),
        options=options,
        words=total,
        distinct=len(names),
        documents=len(kept),
        code_name=code_name,
        split_labels=labels,
        split_keys=split_keys,
        split_words=tuple(group_words),
        described=described,
        flt=flt,
    )
