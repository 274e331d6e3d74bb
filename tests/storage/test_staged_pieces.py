"""A killed import's staged search-index pieces are removed when the project is next opened for writing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from lobcoder.search.fulltext import search
from lobcoder.search.index import insert_pieces
from lobcoder.search.pieces import cut_text
from lobcoder.services.documents import add_document
from lobcoder.storage import staged_pieces
from lobcoder.storage.project import ProjectStore

REPO = Path(__file__).resolve().parents[2]
TEXT = "Interviewer: Hoe verliep de stage?\nAnna: De coördinatie met de mentor was te weinig.\n"

# Stages a long text's index as an import does, then is killed before the import's transaction claims it.
_KILLED_IMPORT = """
import os, signal, sys
from lobcoder.search.staged import StagedIndex
from lobcoder.storage.project import ProjectStore

store = ProjectStore.open(sys.argv[1])
index = StagedIndex(("Bram: de coördinatie van de stage liep mis. " * 2000).encode("utf-8"))
index.piece_bytes = 4096
index.stage(store)
print(index.pieces, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def _rows(path: Path) -> tuple[int, int, int]:
    """(staged pieces, all pieces, index rows), read as another program would."""
    connection = sqlite3.connect(path)
    try:
        staged = connection.execute("SELECT count(*) FROM search_pieces WHERE document_id IS NULL").fetchone()[0]
        pieces = connection.execute("SELECT count(*) FROM search_pieces").fetchone()[0]
        rows = connection.execute("SELECT count(*) FROM document_fts").fetchone()[0]
    finally:
        connection.close()
    return staged, pieces, rows


def _hits(store: ProjectStore, query: str) -> list[tuple[str, int, int]]:
    with store.read() as session:
        return [(h.document_name, h.start, h.end) for h in search(session, query, limit=10_000).hits]


def test_a_killed_imports_staged_pieces_are_gone_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "studie.lobcoder"
    with ProjectStore.create(path) as store:
        with store.transaction() as session:
            add_document(session, "Anna", TEXT)
        before = _hits(store, "coordinatie stage")
    child = subprocess.run(
        [sys.executable, "-c", _KILLED_IMPORT, str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    staged = int(child.stdout)
    assert staged > 10 and _rows(path) == (staged, staged + 1, staged + 1)  # left by the kill, taking disk

    with ProjectStore.open(path) as store:
        assert _rows(path) == (0, 1, 1)
        assert _hits(store, "coordinatie stage") == before
        assert before == [("Anna", TEXT.index(w), TEXT.index(w) + len(w)) for w in ("stage", "coördinatie")]
        assert _hits(store, "bram") == []
        with store.read() as session:
            session.connection().exec_driver_sql("INSERT INTO document_fts(document_fts) VALUES ('integrity-check')")


def test_pieces_a_running_import_is_staging_are_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "studie.lobcoder"
    running = f"{os.getpid()}:another-window"  # this process runs: its import may still claim them
    with ProjectStore.create(path) as store, store.transaction() as session:
        pieces = cut_text("stage verliep goed " * 500, 1000)
        insert_pieces(session, None, pieces, staging=running, staged_at=staged_pieces.now())
    staged = _rows(path)[0]
    assert staged > 1
    ProjectStore.open(path).close()
    assert _rows(path)[0] == staged
    ProjectStore.open(path, read_only=True).close()  # a read-only opening writes nothing
    assert _rows(path)[0] == staged


@pytest.mark.project_file("reads SQLite's EXPLAIN QUERY PLAN")
def test_looking_for_staged_pieces_is_one_index_look_up(store: ProjectStore) -> None:
    """Opening a project with no staged pieces must not scan the index, however large."""
    with store.read() as session:
        connection = session.connection()
        for statement in (staged_pieces.ANY_STAGED, staged_pieces._STAGINGS):
            plan = connection.execute(text("EXPLAIN QUERY PLAN " + statement.text)).all()
            details = " ".join(str(row[-1]) for row in plan)
            assert "USING" in details and "INDEX ix_search_pieces_document_id (document_id=?)" in details, details
            assert "SCAN search_pieces" not in details, details
