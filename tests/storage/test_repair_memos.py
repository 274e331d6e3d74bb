"""Memos never hold NUL or other control characters: written ones are normalised, stored ones repaired."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

from sqlalchemy import select

from lobcoder.refi.qdpx_import import import_qdpx
from lobcoder.services.codes import create_code
from lobcoder.services.documents import add_document
from lobcoder.services.memos import MemoTarget, get_memo, set_memo
from lobcoder.storage.backups import BEFORE_MIGRATION, list_backups
from lobcoder.storage.models import Memo
from lobcoder.storage.project import ProjectStore

_BROKEN = "Anna twijfelt\x00 over de\x1b[0m stage.\r\nTweede regel\x7f."
_REPAIRED = "Anna twijfelt\ufffd over de\ufffd[0m stage.\nTweede regel\ufffd."


def test_a_memo_with_control_characters_is_stored_clean(tmp_path: Path) -> None:
    with ProjectStore.create(tmp_path / "p.lobcoder") as store, store.transaction() as session:
        document = add_document(session, "anna", "Anna: ja.\n")
        set_memo(session, MemoTarget("document", document.id), _BROKEN)
        set_memo(session, MemoTarget("project"), "Titelloos\u2028memo")
    with ProjectStore.open(tmp_path / "p.lobcoder") as store, store.read() as session:
        assert get_memo(session, MemoTarget("document", document.id)) == _REPAIRED
        assert get_memo(session, MemoTarget("project")) == "Titelloos\nmemo"
        lengths = session.connection().exec_driver_sql("SELECT length(text) FROM memos ORDER BY id").scalars().all()
        assert lengths == [len(_REPAIRED), len("Titelloos\nmemo")]


def test_refi_descriptions_become_memos_without_carriage_returns(tmp_path: Path) -> None:
    # XML keeps a CR written as a character reference; lobcoder stores line breaks as \n.
    guid = "22222222-3333-4444-8555-666666666666"
    qde = (
        '<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Memo">'
        f'<Sources><TextSource guid="{guid}" name="Tekst"><Description>Eerste&#13;&#10;tweede&#13;derde</Description>'
        "<PlainTextContent>Alpha beta gamma.</PlainTextContent></TextSource></Sources>"
        '<Notes><Note guid="44444444-5555-4666-8777-888888888888" name="Kop&#13;&#10;regel">'
        "<PlainTextContent>Vrij.</PlainTextContent></Note></Notes></Project>"
    )
    with zipfile.ZipFile(tmp_path / "m.qdpx", "w") as archive:
        archive.writestr("project.qde", qde.encode("utf-8"))
    import_qdpx(tmp_path / "m.qdpx", tmp_path / "m.lobcoder")
    with ProjectStore.open(tmp_path / "m.lobcoder") as store, store.read() as session:
        memos = {(memo.title, memo.text) for memo in session.scalars(select(Memo))}
    assert memos == {("", "Eerste\ntweede\nderde"), ("Kop regel", "Vrij.")}


def _project_at_0008(path: Path) -> None:
    """A project from before memos were normalised, holding a damaged and a clean memo."""
    with ProjectStore.create(path) as store, store.transaction() as session:
        document = add_document(session, "anna", "Anna: ja.\n")
        code = create_code(session, "Stage")
        set_memo(session, MemoTarget("document", document.id), "placeholder")
        set_memo(session, MemoTarget("code", code.id), "Schoon memo.\nMet twee regels, tab\there.")
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("UPDATE memos SET text = ?, title = ? WHERE document_id IS NOT NULL", (_BROKEN, "Kop\x00"))
    connection.execute("UPDATE alembic_version SET version_num = '0008'")
    assert connection.execute("SELECT length(text) FROM memos WHERE document_id IS NOT NULL").fetchone()[0] == 13
    connection.close()


def test_opening_an_older_project_repairs_its_memos(tmp_path: Path) -> None:
    path = tmp_path / "oud.lobcoder"
    _project_at_0008(path)
    with ProjectStore.open(path) as store, store.read() as session:
        rows = session.execute(select(Memo.title, Memo.text, Memo.document_id).order_by(Memo.id)).all()
        assert [(title, text) for title, text, _ in rows] == [
            ("Kop\ufffd", _REPAIRED),
            ("", "Schoon memo.\nMet twee regels, tab\there."),
        ]
        lengths = session.connection().exec_driver_sql("SELECT length(text) FROM memos ORDER BY id").scalars().all()
        assert lengths == [len(_REPAIRED), len("Schoon memo.\nMet twee regels, tab\there.")]
    assert [backup.reason for backup in list_backups(path)] == [BEFORE_MIGRATION]
