"""Full-text search over all documents with SQLite FTS5, as keyword-in-context hits.

The index (table ``document_fts``, rowid = document id) stores ``fold(text)``,
which has exactly the length of the stored text. FTS5 finds the documents; the
query's regex then finds the hits in the folded text, whose offsets are the
stored offsets, so hits can be coded directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from lobcoder.search.query import parse_query
from lobcoder.text.fold import fold_utf8


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


def index_document(session: Session, document_id: int, text: str, *, replace: bool = True) -> None:
    """Add one document to the search index (``replace``: drop an older entry first)."""
    index_folded(session, document_id, fold_utf8(text), replace=replace)


def index_folded(session: Session, document_id: int, folded: bytes | bytearray, *, replace: bool = True) -> None:
    """:func:`index_document` for a text already folded and encoded as UTF-8.

    The folded text goes in as bytes cast to text: a long transcript is then
    not held as a second string plus that string's UTF-8 copy.
    """
    if replace:
        unindex_document(session, document_id)
    session.execute(
        sql("INSERT INTO document_fts(rowid, folded) VALUES (:id, CAST(:folded AS TEXT))"),
        {"id": document_id, "folded": folded},
    )


def rebuild_index(session: Session) -> None:
    """Rebuild the whole index from its stored texts, so no word of a replaced text lingers in it.

    (FTS5 marks a deleted entry and drops it only when segments merge; a
    pseudonymised copy must not keep the original words there.)
    """
    session.execute(sql("INSERT INTO document_fts(document_fts) VALUES ('rebuild')"))


def unindex_document(session: Session, document_id: int) -> None:
    session.execute(sql("DELETE FROM document_fts WHERE rowid = :id"), {"id": document_id})


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
    # Sort only names; the texts are fetched one document at a time, as needed.
    documents = session.execute(
        sql(
            "SELECT d.id, d.name FROM document_fts AS f JOIN documents AS d ON d.id = f.rowid "
            "WHERE document_fts MATCH :q ORDER BY d.name"
        ),
        {"q": parsed.fts},
    ).all()
    texts = sql("SELECT d.text, f.folded FROM documents AS d, document_fts AS f WHERE d.id = :id AND f.rowid = :id")
    hits: list[SearchHit] = []
    matched = 0
    truncated = False
    for doc_id, name in documents:
        if document_ids is not None and doc_id not in document_ids:
            continue
        if len(hits) >= limit:
            truncated = True
            break
        doc_text, folded = session.execute(texts, {"id": doc_id}).one()
        found = False
        for start, end in parsed.hits(folded):
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
