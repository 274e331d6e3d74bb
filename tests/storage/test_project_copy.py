"""A project copied row by row into a new project file: the same rows, the same search, nothing left when cancelled."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from lobcoder.errors import Cancelled
from lobcoder.search.fulltext import search
from lobcoder.search.staged import StagedIndex
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Base, Document, NlpCache, SuggestionModel
from lobcoder.storage.project import ProjectStore
from lobcoder.storage.project_copy import copy_project
from tests.services.test_document_removal import build, dump


def contents(store: ProjectStore) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (and the search index), in key order."""
    found: dict[str, list[tuple[object, ...]]] = {}
    with store.read() as session:
        for table in Base.metadata.sorted_tables:
            rows = session.execute(select(table).order_by(*table.primary_key.columns))
            found[table.name] = [tuple(row) for row in rows]
        found["document_fts"] = [tuple(r) for r in session.execute(text("SELECT rowid, folded FROM document_fts"))]
    return found


def add_blobs(store: ProjectStore) -> None:
    """An NLP cache row and a suggestion model: binary columns (BLOB in a file, bytea on a server)."""
    with store.transaction() as session:
        digest = session.scalars(select(Document.content_hash).order_by(Document.name)).first()
        assert digest is not None
        session.add(NlpCache(content_hash=digest, pipeline="nl_core_news_sm", data=bytes(range(256)) * 40))
        session.add(
            SuggestionModel(pipeline="nl_core_news_sm", codes_json="[]", examples_count=2, model=b"\x00\xff" * 9)
        )


def test_a_copy_holds_every_row_and_searches_alike(tmp_path: Path) -> None:
    project = build(tmp_path)
    copied: list[tuple[int, int]] = []
    with ProjectStore.open(project) as store:
        add_blobs(store)
        target = copy_project(store, tmp_path / "copy.lobcoder", lambda done, total, _l: copied.append((done, total)))
        with ProjectStore.open(target) as copy:
            assert contents(copy) == contents(store)
            with copy.read() as mine, store.read() as theirs:
                assert dump(mine) == dump(theirs) and len(dump(mine)) == 6
                assert [h.document_name for h in search(mine, "aardappelen").hits] == ["Verkeerd"]
                assert session_name(mine) == session_name(theirs)
    assert copied[-1][0] == copied[-1][1] > 0


def test_a_copy_leaves_out_the_search_pieces_another_import_has_staged(store: ProjectStore, tmp_path: Path) -> None:
    """Pieces of no document belong to an import still running elsewhere; in the copy they would only
    wait to be cleaned up (up to a day, if a process here has the other computer's process id).
    A server backup is such a copy: run with ``--project-on=postgresql``."""
    with store.transaction() as session:
        add_document(session, "Verkeerd", "Anna: we aten aardappelen met de mentor.")
    StagedIndex(("Bram: de coördinatie van de stage liep mis. " * 50).encode("utf-8")).stage(store)
    target = copy_project(store, tmp_path / "copy.lobcoder")
    with store.read() as session:
        assert session.scalar(text("SELECT count(*) FROM search_pieces WHERE document_id IS NULL"))
    with ProjectStore.open(target) as copy, copy.read() as mine, store.read() as theirs:
        assert mine.scalar(text("SELECT count(*) FROM search_pieces WHERE document_id IS NULL")) == 0
        pieces = "SELECT count(*) FROM search_pieces WHERE document_id IS NOT NULL"
        assert mine.scalar(text(pieces)) == theirs.scalar(text(pieces)) > 0
        indexed = "SELECT count(*) FROM document_fts"
        assert mine.scalar(text(indexed)) == mine.scalar(text(pieces))
        assert [h.document_name for h in search(mine, "aardappelen").hits] == ["Verkeerd"]
        assert not search(mine, "coördinatie").hits


def session_name(session) -> str:  # type: ignore[no-untyped-def]
    return session.scalar(text("SELECT value FROM project_settings WHERE key = 'name'"))


def test_a_cancelled_copy_leaves_no_file(tmp_path: Path) -> None:
    project = build(tmp_path)
    with ProjectStore.open(project) as store:
        with pytest.raises(Cancelled):
            copy_project(store, tmp_path / "copy.lobcoder", cancelled=lambda: True)
        with store.read() as session:
            assert session.scalar(select(func.count()).select_from(Base.metadata.tables["documents"])) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["files", "p.lobcoder"]
