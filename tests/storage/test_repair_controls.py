"""Projects that stored NUL and other control characters before imports replaced them are repaired."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from lobcoder.search.fulltext import search
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document, get_document
from lobcoder.storage.backups import BEFORE_MIGRATION, list_backups
from lobcoder.storage.project import ProjectStore
from tests.storage.old_search_layout import to_one_row_per_document

_CLEAN = "Interviewer: Hoe was de stage?\nAnna: Zwaar. XX De coördinatie ontbrak, zei de mentor.\n"
_BROKEN = _CLEAN.replace("XX", "\x00\x07")  # what an RTF \u0? or a .qdpx source used to leave


def _project_from_before_the_fix(path: Path) -> tuple[int, int]:
    """A project at schema 0006 whose document holds a NUL before a coding."""
    with ProjectStore.create(path) as store, store.transaction() as session:
        ref = add_document(session, "anna", _CLEAN)
        code = create_code(session, "Begeleiding")
        start = _CLEAN.index("De coördinatie")
        add_coding(session, ref.id, code.id, start, start + len("De coördinatie ontbrak"))
    connection = sqlite3.connect(path, isolation_level=None)
    to_one_row_per_document(connection)
    connection.execute("UPDATE documents SET text = ?, content_hash = ? WHERE id = ?", (_BROKEN, "old", ref.id))
    connection.execute("DELETE FROM document_fts WHERE rowid = ?", (ref.id,))
    folded = _BROKEN.lower().replace("ö", "o")
    connection.execute("INSERT INTO document_fts(rowid, folded) VALUES (?, ?)", (ref.id, folded))
    connection.execute("UPDATE alembic_version SET version_num = '0006'")
    assert connection.execute("SELECT length(text) FROM documents").fetchone()[0] < len(_BROKEN)  # the old harm
    connection.close()
    return ref.id, start


def test_opening_replaces_control_characters_one_for_one(tmp_path: Path) -> None:
    path = tmp_path / "oud.lobcoder"
    document_id, start = _project_from_before_the_fix(path)
    with ProjectStore.open(path) as store, store.transaction() as session:
        view = get_document(session, "anna")
        assert view.text == _CLEAN.replace("XX", "\ufffd\ufffd")
        assert view.content_hash == hashlib.sha256(view.text.encode("utf-8")).hexdigest()
        # Offsets kept: the coding still covers its words, and coding after the repair works.
        coded = session.connection().exec_driver_sql('SELECT start, "end" FROM codings').one()
        assert view.text[coded[0] : coded[1]] == "De coördinatie ontbrak"
        code = create_code(session, "Stage")
        add_coding(session, document_id, code.id, 0, len(view.text))
        # Search finds words after the old NUL and shows them at the right place.
        [hit] = search(session, "coordinatie").hits
        assert (hit.start, hit.hit) == (start + 3, "coördinatie")
        sql_length = session.connection().exec_driver_sql("SELECT length(text) FROM documents").scalar()
        assert sql_length == len(_CLEAN)
    assert [b.reason for b in list_backups(path)] == [BEFORE_MIGRATION]


def test_clean_projects_are_left_as_they_are(tmp_path: Path) -> None:
    path = tmp_path / "schoon.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        add_document(session, "anna", _CLEAN)
    connection = sqlite3.connect(path, isolation_level=None)
    before = connection.execute("SELECT text, content_hash FROM documents").fetchall()
    to_one_row_per_document(connection)
    connection.execute("UPDATE alembic_version SET version_num = '0006'")
    connection.close()
    with ProjectStore.open(path) as store, store.read() as session:
        after = session.connection().exec_driver_sql("SELECT text, content_hash FROM documents").fetchall()
    assert [tuple(row) for row in after] == before
