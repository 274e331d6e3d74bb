"""Keywords in context: every occurrence of a word in the scope of a word-frequency result, with the text around it.

A *hit* is one occurrence: the document, the word's ``[start, end)`` in code
points over the stored text (as codings are), the word as written, and up to
``context`` characters before and after it (line breaks shown as spaces).
The scope is that of :func:`~lobcoder.analysis.words.word_frequencies` with
the same filter and options: by lemma every form of the lemma is found
(*gesprekken* for *gesprek*); with a code, only occurrences inside its
passages.
"""

from __future__ import annotations

from dataclasses import dataclass

from lobcoder.analysis.dataset import Dataset
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.table import Format, Table, TableRow
from lobcoder.analysis.words import Keys, WordOptions, document_scopes, scope_words
from lobcoder.i18n import message
from lobcoder.text.words import Lemmatizer

CONTEXT = 60  # characters on either side


@dataclass(frozen=True)
class Hit:
    document_id: int
    document: str
    start: int
    end: int
    before: str
    word: str
    after: str


@dataclass(frozen=True)
class KeywordsInContext:
    word: str
    hits: tuple[Hit, ...]
    options: WordOptions
    context: int
    code_name: str | None = None

    def to_table(self, language: str = "en") -> Table:
        """Document, start, end, before, word, after: one row per hit."""
        keys = ("start", "end", "before", "word", "after")
        formats: tuple[Format, ...] = ("int", "int", "text", "text", "text")
        rows = tuple(
            TableRow(
                hit.document, (hit.start, hit.end, hit.before, hit.word, hit.after), 0, (hit.document_id, hit.start)
            )
            for hit in self.hits
        )
        found_in = len({hit.document_id for hit in self.hits})
        documents = message(f"kwic.documents.{'one' if found_in == 1 else 'many'}", language, count=found_in)
        notes = [message("kwic.note.count", language, count=len(self.hits), documents=documents, context=self.context)]
        if self.options.by == "lemma":
            notes.append(message("kwic.note.lemma", language, word=self.word))
        if self.code_name is not None:
            key = "words.note.code_rollup" if self.options.rollup else "words.note.code"
            notes.append(message(key, language, code=self.code_name))
        notes.append(message("kwic.note.offsets", language))
        return Table(
            title=message("kwic.title", language, word=self.word),
            row_header=message("kwic.document", language),
            columns=tuple(message(f"kwic.{key}", language) for key in keys),
            rows=rows,
            formats=formats,
            notes=tuple(notes),
            column_keys=keys,
        )


def keywords_in_context(
    dataset: Dataset,
    lemmatizer: Lemmatizer,
    word: str,
    flt: AnalysisFilter = AnalysisFilter(),
    options: WordOptions = WordOptions(),
    context: int = CONTEXT,
) -> KeywordsInContext:
    """Every occurrence of ``word`` (a lemma or form, as ``options.by`` counts) in the scope, in document order.

    ``word`` is looked up as the counting would key it, so a form given by
    lemma finds its lemma's every form (*gesprekken* lists *gesprek* too).
    """
    keys = Keys(lemmatizer, options.by, options.min_length)
    wanted = Keys(lemmatizer, options.by, 1)(word.strip().lower()) or word.strip().lower()
    hits = []
    for scope in document_scopes(dataset, flt, options.code, options.rollup):
        document = dataset.documents[scope.index]
        text = dataset.text(document.id)
        starts, ends, forms, inside = scope_words(text, scope)
        flags = inside.tolist()
        for at, form in enumerate(forms):
            if not flags[at] or keys(form) != wanted:
                continue
            start, end = int(starts[at]), int(ends[at])
            before = _one_line(text[max(0, start - context) : start])
            hits.append(
                Hit(
                    document.id,
                    document.name,
                    start,
                    end,
                    before,
                    text[start:end],
                    _one_line(text[end : end + context]),
                )
            )
    code_name = dataset.code(options.code).name if options.code is not None else None
    return KeywordsInContext(wanted, tuple(hits), options, context, code_name)


def _one_line(text: str) -> str:
    """The context on one line: line breaks and tabs as spaces (the same length)."""
    return text.replace("\n", " ").replace("\t", " ")
