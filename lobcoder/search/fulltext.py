"""Full-text search over all documents with SQLite FTS5, as keyword-in-context hits.

The index (``search/index.py``) holds each document as pieces of its folded
text, ``fold(text)``, which has exactly the length of the stored text. FTS5
finds, term by term, the documents with a piece that has the term; the query's
words, phrases, ORs and exclusions are then combined per document (a document
matches ``a b`` when ``a`` is in one piece and ``b`` in another; a phrase longer
than the pieces' overlap is looked for in the text the hits are read from, so
it is folded once). The query's
regex finds the hits in the document's folded text, put together from its
pieces, whose offsets are the stored offsets, so hits can be coded directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from lobcoder.search import pieces
from lobcoder.search.query import Term, occurs, occurs_in, parse_query, term_fts
from lobcoder.storage.fulltext import documents_matching, has_fts5, pieces_with_words
from lobcoder.text.fold import fold


@dataclass(frozen=True)
class SearchHit:
    document_id: int
    document_name: str
    start: int
    end: int
    left: str
    hit: str
    right: str


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[SearchHit, ...]
    documents_matched: int
    truncated: bool


def _context(text: str, start: int, end: int, width: int) -> tuple[str, str]:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return left, right


def search(
    session: Session,
    query: str,
    *,
    limit: int = 500,
    context: int = 40,
    document_ids: set[int] | None = None,
) -> SearchResult:
    """Find ``query`` in every document (or in ``document_ids``).

    Hits are ordered by document name, then position. At most ``limit`` hits
    are returned; ``truncated`` says whether there were more.
    """
    parsed = parse_query(query)
    matching = _Matching(session, parsed.groups, parsed.excluded)
    candidates = matching.candidates()
    if document_ids is not None:
        candidates &= document_ids
    if not candidates:
        return SearchResult(query=query, hits=(), documents_matched=0, truncated=False)
    # Sort only names; the texts are fetched one document at a time, as needed.
    documents = [
        (doc_id, name)
        for doc_id, name in session.execute(sql("SELECT id, name FROM documents ORDER BY name"))
        if doc_id in candidates
    ]
    hits: list[SearchHit] = []
    matched = 0
    truncated = False
    for doc_id, name in documents:
        if len(hits) >= limit and matching.certain(doc_id):
            truncated = True
            break
        doc_text, folded = _texts(session, doc_id)
        # A phrase longer than the overlap is looked for in this same text (folded once, or a window at a time).
        if not matching.matches(doc_id, doc_text, folded):
            continue
        if len(hits) >= limit:
            truncated = True
            break
        # A long document is folded a window at a time, only as far as the hits are read.
        spans = parsed.hits(folded) if folded is not None else parsed.hits_in(doc_text, _WINDOW)
        found = False
        for start, end in spans:
            found = True
            if len(hits) >= limit:
                truncated = True
                break
            left, right = _context(doc_text, start, end, context)
            hits.append(SearchHit(doc_id, name, start, end, left, doc_text[start:end], right))
        matched += found
        if truncated:
            break
    return SearchResult(query=query, hits=tuple(hits), documents_matched=matched, truncated=truncated)


_FOLD_WHOLE = 1 << 20  # longer texts (in several pieces) are folded a window at a time:
_WINDOW = 1 << 20
_TEXT_AND_PIECE = sql(
    "SELECT d.text, f.folded, p.length FROM documents AS d "
    "LEFT JOIN search_pieces AS p ON p.document_id = d.id AND p.start = 0 "
    "LEFT JOIN document_fts AS f ON f.rowid = p.id WHERE d.id = :id"
)


def _texts(session: Session, document_id: int) -> tuple[str, str | None]:
    """A document's stored text and, when it is in one index piece, its folded form from that row."""
    text, folded, length = session.execute(_TEXT_AND_PIECE, {"id": document_id}).first()  # type: ignore[misc]
    if folded is None or length != len(text):
        return text, fold(text) if len(text) < _FOLD_WHOLE else None
    return text, folded


class _Matching:
    """Which documents match: a document has every term of some group and no excluded term.

    FTS5 says which documents have each term, except for a phrase longer than
    the overlap (``search/pieces.py``): it may straddle two pieces, so FTS5
    only gives the documents with all of its words, and :meth:`matches` looks
    for the phrase in the text the search reads anyway (folded once, or a
    window at a time for a long document), never in a folded copy of its own.
    """

    def __init__(self, session: Session, groups: tuple[tuple[Term, ...], ...], excluded: tuple[Term, ...]) -> None:
        self.groups = groups
        self.excluded = excluded
        self.having: dict[Term, set[int]] = {}
        for term in {t for group in groups for t in group} | set(excluded):
            self.having[term] = _documents_with(session, term)

    def candidates(self) -> set[int]:
        """The documents that may match: all that do, and some that fail only a long phrase."""
        found: set[int] = set()
        for group in self.groups:
            documents = self.having[group[0]].copy()
            for term in group[1:]:
                documents &= self.having[term]
            found |= documents
        for term in self.excluded:
            if not _long(term):  # a long excluded phrase is checked per document
                found -= self.having[term]
        return found

    def certain(self, doc_id: int) -> bool:
        """Whether a candidate document matches without a look at its text (no long phrase is in question)."""
        return not any(doc_id in documents for term, documents in self.having.items() if _long(term))

    def matches(self, doc_id: int, text: str, folded: str | None) -> bool:
        """Whether the document matches exactly, given its text and (when at hand) its folded text."""
        seen: dict[Term, bool] = {}

        def has(term: Term) -> bool:
            if doc_id not in self.having[term]:
                return False
            if not _long(term):
                return True
            if term not in seen:
                seen[term] = occurs(term, folded) if folded is not None else occurs_in(term, text, _WINDOW)
            return seen[term]

        if any(has(term) for term in self.excluded):
            return False
        return any(all(has(term) for term in group) for group in self.groups)


def _long(term: Term) -> bool:
    """Whether a phrase may straddle two pieces of a document (longer than their overlap)."""
    return len(term.words) > pieces.OVERLAP_WORDS + 1


def _documents_with(session: Session, term: Term) -> set[int]:
    """Ids of the documents in which ``term`` occurs (for a long phrase: that have all its words).

    With FTS5 (a project file) its index finds them; without (a server
    database) the pieces with the words are scanned and checked by the hits' regex.
    """
    if _long(term):
        *words, last = term.words
        parts = [Term((word,)) for word in dict.fromkeys(words)] + [Term((last,), prefix=term.prefix)]
    else:
        parts = [term]  # a phrase this short lies whole in the index row of the piece it starts in
    if has_fts5(session):
        return documents_matching(session, " ".join(term_fts(part) for part in parts))
    return {
        doc_id
        for doc_id, folded in pieces_with_words(session, term.words)
        if all(occurs(part, folded) for part in parts)
    }
