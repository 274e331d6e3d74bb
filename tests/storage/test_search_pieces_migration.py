"""Migration 0008: a project indexed one row per document opens with its documents in pieces and searches the same."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from lobcoder.search.fulltext import search
from lobcoder.search.query import parse_query
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore
from tests.storage.old_search_layout import to_one_row_per_document

_LONG = "".join(
    f"Anna: Deel {n}. De coördinatie van de stage liep via de mentor, één keer per maand.\n" for n in range(7000)
)  # about 600,000 characters: two pieces
_SHORT = "Interviewer: Wat vond je van de loopbaanbegeleiding?\nBram: Die was er nauwelijks.\n"
_QUERIES = ["coordinatie", '"keer per maand"', "loopbaan* OR mentor", "de -bram", '"maand anna deel"', "een stage"]


def test_a_project_from_revision_0007_opens_indexed_in_pieces_and_searches_the_same(tmp_path: Path) -> None:
    path = tmp_path / "oud.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        long_id = add_document(session, "Anna", _LONG).id
        add_document(session, "Bram", _SHORT)
        code = create_code(session, "Stage")
        add_coding(session, long_id, code.id, _LONG.index("coördinatie"), _LONG.index("coördinatie") + 11)
    with ProjectStore.open(path) as store, store.read() as session:
        expected = {
            q: [(h.document_name, h.start, h.end, h.left, h.right) for h in search(session, q, limit=9999).hits]
            for q in _QUERIES
        }
    connection = sqlite3.connect(path, isolation_level=None)
    to_one_row_per_document(connection)
    connection.execute("UPDATE alembic_version SET version_num = '0007'")
    names = dict(connection.execute("SELECT id, name FROM documents"))
    # What the old layout's own FTS5 query found, document by document.
    old = {
        q: {
            names[row]
            for (row,) in connection.execute(
                "SELECT rowid FROM document_fts WHERE document_fts MATCH ?", (parse_query(q).fts,)
            )
        }
        for q in _QUERIES
    }
    connection.close()

    with ProjectStore.open(path) as store, store.read() as session:
        rows = (
            session.connection()
            .exec_driver_sql("SELECT document_id, start, length FROM search_pieces ORDER BY document_id, start")
            .all()
        )
        assert len([r for r in rows if r[0] == long_id]) == 2
        assert sum(r[2] for r in rows if r[0] == long_id) == len(_LONG)
        for query in _QUERIES:
            hits = search(session, query, limit=9999).hits
            assert [(h.document_name, h.start, h.end, h.left, h.right) for h in hits] == expected[query], query
            assert {h.document_name for h in hits} == old[query], query
        session.connection().exec_driver_sql("INSERT INTO document_fts(document_fts) VALUES ('integrity-check')")
