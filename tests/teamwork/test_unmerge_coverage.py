"""Undoing a merge measures again only the documents the merge touched, and stores what a full measure gives."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, select, update

from lobcoder.storage.coverage import covered_characters
from lobcoder.storage.models import Coding, Document
from lobcoder.storage.project import ProjectStore
from lobcoder.teamwork.merge import merge_other, preview_file
from tests.teamwork.test_merge_prepared import ILSE, _copy, _ilse

UNTOUCHED = "Interview 3"  # Ilse coded nothing there (see ILSE)


def _covered(store: ProjectStore) -> dict[str, int | None]:
    with store.read() as session:
        return dict(session.execute(select(Document.name, Document.covered)).all())


def test_undo_of_a_merge_measures_only_the_documents_it_touched(tmp_path: Path) -> None:
    from tests.teamwork.helpers import build_project

    build_project(tmp_path / "main.lobcoder").close()
    ilse = _ilse(tmp_path / "main.lobcoder", tmp_path / "ilse.lobcoder")
    assert UNTOUCHED not in {document for document, _code, _words in ILSE}
    with _copy(tmp_path / "main.lobcoder", tmp_path / "project.lobcoder") as store:
        before = _covered(store)
        preview = preview_file(store, ilse)
        outcome = merge_other(store, preview.other, preview.plan.source, None, preview.plan)
        assert outcome.inverse is not None
        # Mark the untouched document "not measured": a full re-measure would fill it in again.
        with store.transaction() as session:
            session.execute(update(Document).where(Document.name == UNTOUCHED).values(covered=None))
        with store.transaction() as session:
            outcome.inverse.apply(session)
        after = _covered(store)
        assert after[UNTOUCHED] is None
        with store.read() as session:
            names = dict(session.execute(select(Document.id, Document.name)).all())
            measured = {names[d]: n for d, n in covered_characters(session).items()}
        touched = {document for document, _code, _words in ILSE}
        # The same figures a full measure gives, and the same as before the merge.
        assert {d: after[d] for d in touched} == {d: measured.get(d, 0) for d in touched}
        assert {d: after[d] for d in touched} == {d: before[d] for d in touched}


def test_a_bulk_delete_of_no_coding_measures_nothing(tmp_path: Path) -> None:
    from tests.teamwork.helpers import build_project

    with build_project(tmp_path / "main.lobcoder") as store:
        with store.transaction() as session:
            session.execute(update(Document).values(covered=None))
        with store.transaction() as session:
            session.execute(delete(Coding).where(Coding.code_id == -1))
        assert set(_covered(store).values()) == {None}
        with store.transaction() as session:
            session.execute(delete(Coding).where(Coding.start == 0, Coding.end < 0))
            session.execute(delete(Coding).where(Coding.document_id == -1))
        assert set(_covered(store).values()) == {None}
        with store.transaction() as session:
            session.execute(delete(Coding))  # every coding: every document measured (and now 0)
        assert set(_covered(store).values()) == {0}
