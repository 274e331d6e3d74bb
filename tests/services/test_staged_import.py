"""A long text's search index is staged in short transactions that no search sees, then claimed at once."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from lobcoder.search import staged
from lobcoder.search.fulltext import search
from lobcoder.search.index import insert_pieces
from lobcoder.search.pieces import cut_text
from lobcoder.search.staged import StagedIndex
from lobcoder.services.batch_import import ImportOptions, import_files, import_one
from lobcoder.services.documents import get_document, list_documents
from lobcoder.storage.dialect import dialect_name
from lobcoder.storage.project import ProjectStore

_LINES = [
    "Interviewer: Hoe verliep de coördinatie van de stage?",
    "Anna: Eén keer per maand spraken we de mentor, dat was te weinig.",
    "Interviewer: En de loopbaanbegeleiding op school?",
    "Anna: Die kwam pas in het laatste jaar, veel te laat eigenlijk.",
]


@pytest.fixture
def staging(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every import stages its index, in pieces of 4 KB (two per transaction)."""
    monkeypatch.setattr(staged, "STAGE_ABOVE_BYTES", 0)
    monkeypatch.setattr(staged, "_PIECES_PER_TRANSACTION", 2)
    monkeypatch.setattr(StagedIndex, "piece_bytes", 4096)


def _transcript(tmp_path: Path, repeats: int = 300, name: str = "interview.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(f"{line} ({n})" for n in range(repeats) for line in _LINES) + "\n", encoding="utf-8")
    return path


def _pieces(store: ProjectStore) -> list[tuple[int | None, int, int]]:
    with store.read() as session:
        rows = session.execute(text("SELECT document_id, start, length FROM search_pieces ORDER BY id"))
        return [tuple(row) for row in rows]


def test_a_staged_import_is_searchable_at_the_stored_offsets(
    store: ProjectStore, tmp_path: Path, staging: None
) -> None:
    commits: list[int] = []
    original = store.transaction

    def counting(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        commits.append(1)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    store.transaction = counting  # type: ignore[method-assign]
    path = _transcript(tmp_path)
    result = import_one(store, path)
    assert result.status == "imported"
    rows = _pieces(store)
    assert len(rows) >= 20 and len(commits) > 10  # two pieces per short transaction
    with store.read() as session:
        text = get_document(session, "interview").text
        assert text == path.read_text(encoding="utf-8")  # staged in a TEMP row, stored whole
        assert session.connection().exec_driver_sql("SELECT length(text) FROM documents").scalar() == len(text)
        assert {doc for doc, _, _ in rows} == {1}
        assert sum(length for _, _, length in rows) == len(text)
        hits = search(session, '"laatste jaar" coordinatie', limit=5000).hits
        assert len(hits) == 600
        assert all(text[h.start : h.end].lower() in ("laatste jaar", "coördinatie") for h in hits)
        if dialect_name(session) == "sqlite":  # FTS5's own check of its index
            check = session.connection().exec_driver_sql
            check("INSERT INTO document_fts(document_fts) VALUES ('integrity-check')")


def test_staged_pieces_are_found_by_no_search_until_claimed(store: ProjectStore) -> None:
    text = "Anna: de coördinatie was goed geregeld.\n" * 200
    index = StagedIndex(text.encode("utf-8"))
    index.piece_bytes = 1000
    index.stage(store)
    with store.read() as session:
        assert search(session, "coordinatie").hits == ()
    from lobcoder.services.documents import add_document
    from lobcoder.services.prepared_text import prepare_text

    with store.transaction() as session:
        ref = add_document(session, "Anna", prepare_text(text), index=index)
    with store.read() as session:
        hits = search(session, "coordinatie", limit=1000).hits
        assert len(hits) == 200 and {h.document_id for h in hits} == {ref.id}
    assert all(doc == ref.id for doc, _, _ in _pieces(store))


def test_a_killed_imports_staged_pieces_are_removed_by_the_next_import(
    store: ProjectStore, tmp_path: Path, staging: None
) -> None:
    dead = "999999999:killed"  # no such process
    with store.transaction() as session:
        insert_pieces(
            session, None, cut_text("stage verliep goed " * 500, 1000), staging=dead, staged_at=datetime(2026, 1, 1)
        )
    assert _pieces(store) and all(doc is None for doc, _, _ in _pieces(store))
    with store.read() as session:
        assert search(session, "stage").hits == ()  # invisible meanwhile
    assert import_one(store, _transcript(tmp_path, 50)).status == "imported"
    assert all(doc == 1 for doc, _, _ in _pieces(store))
    with store.read() as session:
        assert session.execute(text("SELECT count(*) FROM document_fts")).scalar_one() == len(_pieces(store))


def test_a_running_imports_staged_pieces_are_left_alone(store: ProjectStore, tmp_path: Path, staging: None) -> None:
    import os

    mine = f"{os.getpid()}:other-window"
    with store.transaction() as session:
        insert_pieces(session, None, cut_text("stage " * 100, 1000), staging=mine, staged_at=staged._now())
    staged_rows = len(_pieces(store))
    assert import_one(store, _transcript(tmp_path, 50)).status == "imported"
    assert sum(doc is None for doc, _, _ in _pieces(store)) == staged_rows


def test_a_duplicate_or_failed_import_leaves_no_staged_pieces(
    store: ProjectStore, tmp_path: Path, staging: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _transcript(tmp_path, 100)
    assert import_one(store, path).status == "imported"
    before = _pieces(store)
    assert import_one(store, path).status == "duplicate"
    assert _pieces(store) == before

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("the turns do not fit")

    monkeypatch.setattr("lobcoder.services.batch_import.add_document", broken)
    result = import_one(store, path, ImportOptions(allow_duplicates=True))
    assert result.status == "failed"
    assert _pieces(store) == before


def test_cancelling_while_a_long_text_is_staged_stores_nothing_of_it(
    store: ProjectStore, tmp_path: Path, staging: None
) -> None:
    first, second = _transcript(tmp_path, 20, "kort.txt"), _transcript(tmp_path, 300, "lang.txt")
    staged_rows: list[int] = []

    def cancelled() -> bool:  # asked before each file and each staging transaction
        staged_rows.append(sum(doc is None for doc, _, _ in _pieces(store)))
        return staged_rows[-1] >= 4  # the long file is half-staged

    report = import_files(store, [first, second], ImportOptions(), cancelled=cancelled)
    assert report.cancelled
    assert [r.path for r in report.imported] == [str(first)] and report.not_started == (str(second),)
    assert max(staged_rows) == 4  # pieces were staged, then removed
    with store.read() as session:
        assert [d.name for d in list_documents(session)] == ["kort"]
        assert search(session, "laatste").documents_matched == 1
    assert all(doc is not None for doc, _, _ in _pieces(store))


def test_staged_pieces_older_than_a_day_are_removed_even_if_their_process_runs(
    store: ProjectStore, tmp_path: Path, staging: None
) -> None:
    import os
    from datetime import timedelta

    with store.transaction() as session:
        old = staged._now() - timedelta(days=2)
        insert_pieces(session, None, cut_text("stage " * 100, 1000), staging=f"{os.getpid()}:old", staged_at=old)
    assert import_one(store, _transcript(tmp_path, 50)).status == "imported"
    assert all(doc == 1 for doc, _, _ in _pieces(store))


def test_unclaimed_pieces_without_a_staging_mark_are_removed_by_the_next_import(
    store: ProjectStore, tmp_path: Path, staging: None
) -> None:
    with store.transaction() as session:
        insert_pieces(session, None, cut_text("stray " * 100, 1000))
    assert any(doc is None for doc, _, _ in _pieces(store))
    assert import_one(store, _transcript(tmp_path, 50)).status == "imported"
    assert all(doc == 1 for doc, _, _ in _pieces(store))
    with store.read() as session:
        assert search(session, "stray").hits == ()
