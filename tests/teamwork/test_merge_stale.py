"""A merge applies only the plan the user saw: a project changed since the preview merges nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from lobcoder.storage.models import Coder, Coding, Document
from lobcoder.storage.project import ProjectStore
from lobcoder.teamwork.copy import prepare_copy
from lobcoder.teamwork.merge import merge_other, preview_file
from lobcoder.teamwork.sample import choose_named
from tests.teamwork.helpers import build_project, code_as, codings, everything, span


@pytest.fixture
def project(tmp_path: Path) -> ProjectStore:
    store = build_project(tmp_path / "main.lobcoder")
    yield store
    store.close()


def ilse_codes(project: ProjectStore, path: Path, *, blind: bool) -> None:
    """A copy of Interview 2 comes back with one coding of Ilse's: Keuze on 'de mentor hielp me kiezen'."""
    with project.read() as session:
        chosen = choose_named(session, ["Interview 2"])
    prepare_copy(project, path, [c.document_id for c in chosen], blind=blind)
    with ProjectStore.open(path) as copy:
        code_as(copy, "Ilse", "Interview 2", "Keuze", "de mentor hielp me kiezen")


def test_a_coding_added_since_the_preview_is_not_added_twice(project: ProjectStore, tmp_path: Path) -> None:
    ilse_codes(project, tmp_path / "ilse.lobcoder", blind=True)
    preview = preview_file(project, tmp_path / "ilse.lobcoder")
    assert len(preview.plan.codings) == 1
    # Meanwhile (the analysis window) the disagreement is settled by adding Ilse's coding here.
    code_as(project, "Ilse", "Interview 2", "Keuze", "de mentor hielp me kiezen")
    with project.read() as session:
        before = everything(session)
    backups: list[str] = []

    outcome = merge_other(
        project, preview.other, preview.plan.source, lambda _replaces: backups.append("made"), preview.plan
    )

    assert outcome.stale and outcome.command is None
    assert outcome.plan.codings == () and outcome.plan.codings_matched == 1  # the fresh plan, to show instead
    assert not outcome.plan.changes_anything
    with project.read() as session:
        assert everything(session) == before  # nothing merged, so no duplicate coding
    assert backups == []  # nothing merged: no backup


def test_a_coding_removed_since_the_preview_stops_the_merge_until_the_new_plan_is_seen(
    project: ProjectStore, tmp_path: Path
) -> None:
    """A copy with the codings: the plan matches Sander's coding; deleted meanwhile, the fresh plan would add it."""
    ilse_codes(project, tmp_path / "ilse.lobcoder", blind=False)
    preview = preview_file(project, tmp_path / "ilse.lobcoder")
    assert len(preview.plan.codings) == 1 and preview.plan.codings_matched == 2
    start, end = span("Interview 2", "Ik wist het echt niet")
    with project.transaction() as session:
        session.execute(delete(Coding).where(Coding.start == start, Coding.end == end))
    with project.read() as session:
        before = everything(session)

    stale = merge_other(project, preview.other, preview.plan.source, None, preview.plan)
    assert stale.stale and len(stale.plan.codings) == 2  # Ilse's and Sander's again: the user must see that
    with project.read() as session:
        assert everything(session) == before

    applied = merge_other(project, preview.other, preview.plan.source, None, stale.plan)  # the new preview: Apply
    assert not applied.stale and applied.command is not None and applied.plan == stale.plan
    with project.read() as session:
        merged = codings(session)
        assert len(merged) == len(before["codings"]) + 2
        assert session.scalars(select(Coder.name).order_by(Coder.id)).all() == ["Sander", "Ilse"]
    again = preview_file(project, tmp_path / "ilse.lobcoder")
    assert not again.plan.changes_anything  # nothing left to merge, nothing twice


def test_an_unchanged_project_plans_the_same_plan_also_where_guids_are_replaced(
    project: ProjectStore, tmp_path: Path
) -> None:
    """A coding moved in the copy keeps its GUID, taken here: the plan gives it a new one, the same every time."""
    ilse_codes(project, tmp_path / "ilse.lobcoder", blind=False)
    with ProjectStore.open(tmp_path / "ilse.lobcoder") as copy, copy.transaction() as session:
        start, end = span("Interview 2", "Ik wist het echt niet")
        session.execute(update(Coding).where(Coding.start == start).values(end=end - 5))
    first = preview_file(project, tmp_path / "ilse.lobcoder")
    assert any(note.kind == "coding_guids" for note in first.plan.notes)
    second = preview_file(project, tmp_path / "ilse.lobcoder")
    assert second.plan == first.plan
    with project.read() as session:
        count = len(session.scalars(select(Coding.id)).all())
        documents = len(session.scalars(select(Document.id)).all())

    outcome = merge_other(project, first.other, first.plan.source, None, first.plan)
    assert not outcome.stale and outcome.command is not None
    with project.read() as session:
        assert len(session.scalars(select(Coding.id)).all()) == count + 2
        assert len(session.scalars(select(Document.id)).all()) == documents
