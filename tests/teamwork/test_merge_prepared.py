"""A merge prepared before the write lock writes exactly what one prepared under it writes, and keeps coverage true."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from lobcoder.editing.code_commands import DeleteCode
from lobcoder.editing.merge_apply import MergeCoding
from lobcoder.storage.changes import track_changes
from lobcoder.storage.coverage import covered_characters
from lobcoder.storage.models import Code, Coder, Coding, Document
from lobcoder.storage.project import ProjectStore
from lobcoder.teamwork.copy import prepare_copy
from lobcoder.teamwork.merge import merge_other, preview_file
from tests.teamwork.helpers import CreateCode, build_project, code_as, code_guid, ids, run

# Ilse's coding: overlapping spans (one inside Sander's), two documents, a code of her own.
ILSE = [
    ("Interview 1", "Keuze", "Mijn oom werkt"),
    ("Interview 1", "Twijfel", "werkt in de zorg, dus ik twijfelde"),
    ("Interview 2", "Keuze", "de mentor hielp me kiezen"),
    ("Interview 2", "Twijfel", "Ik wist het echt niet, de mentor"),
    ("Interview 4", "Eigen", "ik wilde eerst naar de kapper"),
]


@pytest.fixture
def main(tmp_path: Path) -> Path:
    build_project(tmp_path / "main.lobcoder").close()
    return tmp_path / "main.lobcoder"


def _ilse(main: Path, path: Path) -> Path:
    with ProjectStore.open(main) as store:
        with store.read() as session:
            every = list(session.scalars(select(Document.id)))
        prepare_copy(store, path, every, blind=True)
    with ProjectStore.open(path) as copy:
        run(copy, CreateCode("Eigen"))
        for document, code, words in ILSE:
            code_as(copy, "Ilse", document, code, words)
    return path


def _copy(main: Path, path: Path) -> ProjectStore:
    with ProjectStore.open(main) as store:
        store.backup_to(path)
    return ProjectStore.open(path)


def _result(store: ProjectStore) -> dict[str, Any]:
    """Codings as (document, code, coder, start, end, created at, GUID) and each document's stored coverage."""
    with store.read() as session:
        rows = session.execute(
            select(Document.name, Code.name, Coder.name, Coding.start, Coding.end, Coding.created_at, Coding.guid)
            .join(Document, Coding.document_id == Document.id)
            .join(Code, Coding.code_id == Code.id)
            .outerjoin(Coder, Coding.coder_id == Coder.id)
        ).all()
        stored = dict(session.execute(select(Document.id, Document.covered)).all())
        measured = covered_characters(session)
    return {"codings": sorted(rows), "covered": stored, "measured": {d: measured.get(d, 0) for d in stored}}


def test_prepared_before_the_lock_writes_what_an_apply_under_it_writes(main: Path, tmp_path: Path) -> None:
    ilse = _ilse(main, tmp_path / "ilse.lobcoder")
    with ProjectStore.open(ilse) as other, other.read() as session:
        created = {guid: at for guid, at in session.execute(select(Coding.guid, Coding.created_at))}
    ahead, under = _copy(main, tmp_path / "ahead.lobcoder"), _copy(main, tmp_path / "under.lobcoder")
    with ahead, under:
        before = _result(ahead)
        preview = preview_file(ahead, ilse)
        outcome = merge_other(ahead, preview.other, preview.plan.source, None, preview.plan)  # prepared before
        assert outcome.command is not None and len(outcome.plan.codings) == len(ILSE)
        with under.transaction() as session:
            MergeCoding(preview_file(under, ilse).plan).apply(session)  # prepared under the lock

        merged = _result(ahead)
        assert merged == _result(under)
        assert merged["covered"] == merged["measured"] != before["covered"]
        added = [row for row in merged["codings"] if row[2] == "Ilse"]
        assert len(added) == len(ILSE) == len(merged["codings"]) - len(before["codings"])
        texts = _texts(ahead)
        assert sorted((d, c, texts[d][s:e]) for d, c, _who, s, e, _at, _g in added) == sorted(ILSE)
        # The bulk insert stores the other project's times as the ORM would: they read back the same.
        assert {guid: at for *_rest, at, guid in added} == {g: created[g] for *_rest, _at, g in added}


def test_undo_and_redo_of_a_prepared_merge_keep_coverage_and_tell_views_to_re_read(main: Path, tmp_path: Path) -> None:
    ilse = _ilse(main, tmp_path / "ilse.lobcoder")
    with _copy(main, tmp_path / "project.lobcoder") as store:
        before = _result(store)
        preview = preview_file(store, ilse)
        outcome = merge_other(store, preview.other, preview.plan.source, None, preview.plan)
        merged = _result(store)
        assert outcome.inverse is not None
        with store.transaction() as session:
            redo = outcome.inverse.apply(session)
        assert _result(store) == before
        with store.transaction() as session, track_changes(session) as changes:
            redo.apply(session)
        assert _result(store) == merged
        assert changes.everything  # the rows went in without the ORM: views re-read all


def test_a_document_deleted_before_a_redo_is_named_and_nothing_is_merged(main: Path, tmp_path: Path) -> None:
    from lobcoder.errors import NotFoundError
    from lobcoder.services.documents import delete_document

    ilse = _ilse(main, tmp_path / "ilse.lobcoder")
    with _copy(main, tmp_path / "project.lobcoder") as store:
        preview = preview_file(store, ilse)
        outcome = merge_other(store, preview.other, preview.plan.source, None, preview.plan)
        assert outcome.inverse is not None
        with store.transaction() as session:
            redo = outcome.inverse.apply(session)
        with store.transaction() as session:  # another window deletes an interview Ilse coded
            delete_document(session, ids(store)["Interview 4"])
        before = _result(store)
        with pytest.raises(NotFoundError, match="no document with id"), store.transaction() as session:
            redo.apply(session)
        assert _result(store) == before


def _texts(store: ProjectStore) -> dict[str, str]:
    with store.read() as session:
        return dict(session.execute(select(Document.name, Document.text)).all())


def test_a_redo_after_another_window_took_the_coder_name_says_what_clashed(main: Path, tmp_path: Path) -> None:
    from lobcoder.errors import Clash

    ilse = _ilse(main, tmp_path / "ilse.lobcoder")
    with _copy(main, tmp_path / "project.lobcoder") as store:
        preview = preview_file(store, ilse)
        outcome = merge_other(store, preview.other, preview.plan.source, None, preview.plan)
        assert outcome.inverse is not None
        with store.transaction() as session:
            redo = outcome.inverse.apply(session)  # undo: Ilse (added by the merge) is gone again
        code_as(store, "Ilse", "Interview 3", "Keuze", "Het loopbaangesprek")  # another window codes as "Ilse"
        before = _result(store)

        with pytest.raises(Clash) as raised, store.transaction() as session:
            redo.apply(session)

        assert str(raised.value).startswith("there is already a coder named 'Ilse', added perhaps meanwhile")
        assert raised.value.text("nl").startswith("er is al een codeur met de naam 'Ilse'")
        assert _result(store) == before


def test_a_redo_after_a_code_of_the_merge_was_deleted_names_the_code(main: Path, tmp_path: Path) -> None:
    from lobcoder.errors import NotFoundError

    ilse = _ilse(main, tmp_path / "ilse.lobcoder")
    with _copy(main, tmp_path / "project.lobcoder") as store:
        preview = preview_file(store, ilse)
        outcome = merge_other(store, preview.other, preview.plan.source, None, preview.plan)
        assert outcome.inverse is not None
        with store.transaction() as session:
            redo = outcome.inverse.apply(session)
        with store.transaction() as session:  # another window deletes Twijfel, which Ilse used
            DeleteCode(code_guid(store, "Twijfel")).apply(session)
        before = _result(store)

        with pytest.raises(NotFoundError, match="Twijfel"), store.transaction() as session:
            redo.apply(session)

        assert _result(store) == before
