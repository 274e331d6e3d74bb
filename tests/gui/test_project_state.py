"""After coding actions the window's counts move by what changed and equal a full re-read of the project."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import event

from lobcoder.editing.coding_commands import ChangeCodingCode, RemoveCodings, ResizeCoding, apply_code
from lobcoder.gui.project_state import read_changes, read_overview
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding, codings_for_document
from lobcoder.services.documents import add_document
from lobcoder.storage.changes import track_changes
from lobcoder.storage.project import ProjectStore

TEXT = "I: Vraag?\n" + "\n".join(f"Anna: Antwoord {n} over samen leren en stage." for n in range(20))


def _project(path: Path) -> tuple[ProjectStore, list[int], list[str]]:
    store = ProjectStore.create(path)
    with store.transaction() as session:
        documents = [add_document(session, f"Interview {n}", TEXT, participant=f"P{n % 2}").id for n in range(4)]
        themes = create_code(session, "Thema")
        visie = create_code(session, "Visie", parent_id=themes.id)
        school = create_code(session, "Schoolvisie", parent_id=visie.id)
        leren = create_code(session, "Leren")
        codes = [themes, visie, school, leren]
        add_coding(session, documents[0], school.id, 10, 30)
        add_coding(session, documents[1], leren.id, 40, 80)
    return store, documents, [c.guid for c in codes]


def _counts(snapshot) -> tuple[object, object]:  # type: ignore[no-untyped-def]
    codes = sorted((c.id, c.codings, c.documents, c.documents_with_sub_codes) for c in snapshot.codes)
    documents = sorted((d.id, d.codings) for d in snapshot.documents)
    return codes, (documents, sorted(snapshot.coded_share.items()))


@pytest.mark.parametrize("seed", [3, 11])
def test_counts_moved_by_each_action_equal_a_full_read(tmp_path: Path, seed: int) -> None:
    """Apply, remove, recode, resize and their undos in random order; nested codes roll up."""
    rng = random.Random(seed)
    store, documents, code_guids = _project(tmp_path / "p.lobcoder")
    snapshot = read_overview(store)
    undo: list[object] = []
    moved = 0
    with store:
        for _ in range(40):
            with store.read() as session:
                existing = [c for d in documents for c in codings_for_document(session, d)]
            choice = rng.random()
            if undo and choice < 0.25:
                command = undo.pop()
            elif existing and choice < 0.45:
                command = RemoveCodings([rng.choice(existing).guid])
            elif existing and choice < 0.6:
                command = ChangeCodingCode(rng.choice(existing).guid, rng.choice(code_guids))
            elif existing and choice < 0.7:
                coding = rng.choice(existing)
                command = ResizeCoding(coding.guid, coding.start, coding.end + 1)
            else:
                start = rng.randrange(0, len(TEXT) - 40)
                spans = [(start, start + rng.randint(1, 30))]
                command = apply_code(rng.choice(documents), rng.choice(code_guids), spans, "anna")
            with store.transaction() as session, track_changes(session) as changes:
                undo.append(command.apply(session))  # type: ignore[attr-defined]
            assert not changes.everything and changes.counted is not None
            moved += any(changes.counted.values())
            snapshot, _touched = read_changes(store, snapshot, changes)
            assert _counts(snapshot) == _counts(read_overview(store))
    assert moved > 20  # most steps changed counts


def test_an_action_reads_only_the_documents_it_touched(tmp_path: Path) -> None:
    """No statement of an action or of the count update scans codings or documents of the whole project."""
    store, documents, code_guids = _project(tmp_path / "p.lobcoder")
    snapshot = read_overview(store)
    statements: list[tuple[str, object]] = []

    def seen(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        statements.append((statement, parameters))

    with store:
        event.listen(store.engine, "before_cursor_execute", seen)
        for guid in code_guids:
            with store.transaction() as session, track_changes(session) as changes:
                inverse = apply_code(documents[2], guid, [(12, 40)], "anna").apply(session)
            snapshot, _ = read_changes(store, snapshot, changes)
            with store.transaction() as session, track_changes(session) as changes:
                inverse.apply(session)
            snapshot, _ = read_changes(store, snapshot, changes)
        event.remove(store.engine, "before_cursor_execute", seen)
        plans = []
        with store.read() as session:
            cursor = session.connection().connection.cursor()
            for statement, parameters in statements:
                if statement.lstrip().upper().startswith(("SELECT", "INSERT", "UPDATE", "DELETE")):
                    rows = cursor.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
                    plans += [(row[-1], statement) for row in rows]
    assert len(plans) > 20
    for detail, statement in plans:
        for table in ("codings", "documents", "memos"):
            assert not detail.startswith(f"SCAN {table}"), statement  # a full scan grows with the project
        if detail.startswith("SEARCH codings"):  # one coding by its key, or the touched documents' codings
            assert any(key in detail for key in ("document_id=", "(guid=?)", "INTEGER PRIMARY KEY")), statement
