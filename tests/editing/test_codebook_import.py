"""Merging a .qdc into a project: the plan is right, the import undoes exactly."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.editing.codebook_import import (
    ADDED,
    CONFLICTING,
    UNCHANGED,
    UPDATED,
    CodebookImportPlan,
    ImportCodebook,
    plan_codebook_import,
)
from lobcoder.refi.qdc import read_qdc, write_qdc
from lobcoder.services.codebook_data import Codebook, CodebookCode, codebook_from_project
from lobcoder.services.codes import RICH_FIELDS, create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Code, Coding
from lobcoder.storage.project import ProjectStore

G = "5e1d0000-0000-4000-8000-{:012d}".format


def rows(session: Session) -> list[tuple[Any, ...]]:
    """Every code row with every column, parents named by GUID."""
    codes = {c.id: c for c in session.scalars(select(Code))}
    return sorted(
        (c.id, c.guid, codes[c.parent_id].guid if c.parent_id else None, c.position, c.name, c.color, c.description)
        + tuple(getattr(c, f) for f in RICH_FIELDS)
        for c in codes.values()
    )


@pytest.fixture
def project(store: ProjectStore) -> ProjectStore:
    """Samenwerking > (Intervisie, Co-teaching), Scholing, Overig, Beleid; one coding on Intervisie."""
    with store.transaction() as session:
        top = create_code(session, "Samenwerking", guid=G(1), color="#e69f00", description="Samen werken.")
        sub = create_code(session, "Intervisie", top.id, guid=G(2), definition="Collegiale consultatie.")
        create_code(session, "Co-teaching", top.id, guid=G(3), keywords="samen lesgeven")
        create_code(session, "Scholing", guid=G(4), color="#d55e00")
        create_code(session, "Overig", guid=G(5))
        create_code(session, "Beleid", guid=G(6), description="Schoolbeleid.", examples="“x”")
        document = add_document(session, "Interview 1", "I: Hoe werkt u samen?\nAnna: Intervisie elke maand.")
        add_coding(session, document.id, sub.id, 29, 39)
    return store


def incoming() -> Codebook:
    """The project's codebook as a colleague changed it and sent it back."""
    return Codebook(
        codes=(
            CodebookCode(
                G(1).upper(),
                "Samenwerking",
                "#E69F00",
                description="Samen werken.",
                children=(
                    # same GUID, new definition and examples: updated
                    CodebookCode(G(2), "Intervisie", "", definition="Gestructureerd 😀", examples="“a”\n“b”"),
                    # another program's GUID, same name path, new keyword: updated by name
                    CodebookCode(G(90), "co-teaching", "", keywords="samen lesgeven\nteamteaching"),
                    # new under an existing code: added
                    CodebookCode(
                        G(91),
                        "Lesson study",
                        "#009e73",
                        definition="Cyclisch onderzoek.",
                        children=(CodebookCode(G(92), "Nabespreking", ""),),
                    ),
                ),
            ),
            # the GUID of Scholing, but the name path of Overig
            CodebookCode(G(4), "Overig", ""),
            # unchanged: empty fields in the file never erase the project's
            CodebookCode(G(95), "Beleid", ""),
            # the same name path twice in the file
            CodebookCode(G(96), "Nieuw", "", children=(CodebookCode(G(97), "Kind", ""),)),
            CodebookCode(G(98), "nieuw", ""),
        ),
        origin="MAXQDA 24",
    )


def test_plan_reports_each_code(project: ProjectStore) -> None:
    with project.read() as session:
        plan = plan_codebook_import(session, incoming())
    status = {code.name_path: (code.status, code.changed, code.matched_by) for code in plan.codes}
    assert status["Samenwerking"] == (UNCHANGED, (), "guid")
    assert status["Samenwerking > Intervisie"] == (UPDATED, ("definition", "examples"), "guid")
    assert status["Samenwerking > co-teaching"] == (UPDATED, ("name", "keywords"), "name")
    assert status["Samenwerking > Lesson study"][0] == ADDED
    assert status["Samenwerking > Lesson study > Nabespreking"][0] == ADDED
    assert status["Beleid"] == (UNCHANGED, (), "name")
    assert status["Nieuw"][0] == status["nieuw"][0] == status["Nieuw > Kind"][0] == CONFLICTING
    by_path = {code.name_path: code for code in plan.codes}
    conflicts = {code.name_path: str(code.reason) for code in plan.conflicting}
    assert len(plan.conflicting) == 4  # the GUID/name clash, the two 'nieuw', and Kind below one of them
    assert conflicts["Overig"] == "its GUID belongs to code 'Scholing', but its name path is code 'Overig'"
    assert conflicts["Nieuw > Kind"] == "its parent code is conflicting"
    lines = plan.summary_lines()
    assert lines[0] == "2 added, 2 updated, 2 unchanged, 4 conflicting (skipped)"
    assert "updated: Samenwerking > Intervisie (definition, examples)" in lines
    assert by_path["Samenwerking > Lesson study"].parent_guid == G(1)
    assert by_path["Samenwerking > Lesson study > Nabespreking"].parent_guid == G(91)


def test_import_applies_and_undo_restores_every_row(project: ProjectStore) -> None:
    with project.read() as session:
        before = rows(session)
        plan = plan_codebook_import(session, incoming())
    command = ImportCodebook(plan)
    assert command.label == "import_codebook" and command.label_args == {"count": 4}
    with project.transaction() as session:
        undo = command.apply(session)
    with project.read() as session:
        after = rows(session)
        book = codebook_from_project(session)
        intervisie = session.scalar(select(Code).where(Code.guid == G(2)))
        assert intervisie is not None and intervisie.definition == "Gestructureerd 😀"
        assert intervisie.examples == "“a”\n“b”" and intervisie.description == ""
        assert session.scalar(select(Code.name).where(Code.guid == G(3))) == "co-teaching"
        assert len(list(session.scalars(select(Coding)))) == 1
    top = book.codes[0]
    assert [c.name for c in top.children] == ["Intervisie", "co-teaching", "Lesson study"]
    assert top.children[2].guid == G(91) and top.children[2].children[0].guid == G(92)
    assert top.children[2].color == "#009e73" and top.children[2].children[0].color  # a palette colour
    assert undo.label == "import_codebook" and undo.label_args == {"count": 4}
    with project.transaction() as session:
        redo = undo.apply(session)
    with project.read() as session:
        assert rows(session) == before
    with project.transaction() as session:
        undo_again = redo.apply(session)
    with project.read() as session:
        # redo brings back the same codes (GUIDs, fields, places); only database ids are new
        assert sorted(r[1:] for r in rows(session)) == sorted(r[1:] for r in after)
    with project.transaction() as session:
        undo_again.apply(session)
    with project.read() as session:
        assert rows(session) == before


def test_reimporting_the_same_file_changes_nothing(project: ProjectStore, tmp_path: Path) -> None:
    with project.read() as session:
        plan = plan_codebook_import(session, incoming())
    with project.transaction() as session:
        ImportCodebook(plan).apply(session)
    with project.read() as session:
        write_qdc(codebook_from_project(session), tmp_path / "export.qdc", language="nl")
        before = rows(session)
    codebook, notes = read_qdc(tmp_path / "export.qdc")
    assert notes == []
    with project.transaction() as session:
        plan = plan_codebook_import(session, codebook)
        ImportCodebook(plan).apply(session)
    assert {code.status for code in plan.codes} == {UNCHANGED}
    assert plan.summary_lines()[0] == f"0 added, 0 updated, {len(plan.codes)} unchanged, 0 conflicting (skipped)"
    with project.read() as session:
        assert rows(session) == before


def test_rich_codebook_into_an_empty_project(project: ProjectStore, store: ProjectStore, tmp_path: Path) -> None:
    with project.read() as session:
        source = codebook_from_project(session)
    other = ProjectStore.create(tmp_path / "other.lobcoder")
    try:
        write_qdc(source, tmp_path / "c.qdc")
        codebook, _ = read_qdc(tmp_path / "c.qdc")
        with other.transaction() as session:
            plan = plan_codebook_import(session, codebook)
            assert [c.status for c in plan.codes] == [ADDED] * 6
            undo = ImportCodebook(plan).apply(session)
        with other.read() as session:
            assert codebook_from_project(session).codes == source.codes
        with other.transaction() as session:
            undo.apply(session)
        with other.read() as session:
            assert rows(session) == []
    finally:
        other.close()


def test_rename_that_would_clash_is_a_conflict(project: ProjectStore) -> None:
    codebook = Codebook(codes=(CodebookCode(G(4), "scholing", ""), CodebookCode(G(2), "Co-teaching", "")))
    with project.read() as session:
        plan = plan_codebook_import(session, codebook)
    first, second = plan.codes
    assert first.status == UPDATED and first.changed == ("name",)
    assert second.status == CONFLICTING and "clash" in str(second.reason)


def test_sets_are_noted_and_plan_is_plain_data(project: ProjectStore) -> None:
    from lobcoder.cli.output import to_plain
    from lobcoder.services.codebook_data import CodebookSet

    codebook = replace(incoming(), sets=(CodebookSet(G(50), "S", "", (G(1),)),))
    with project.read() as session:
        plan = plan_codebook_import(session, codebook)
    assert isinstance(plan, CodebookImportPlan)
    assert "note: 1 set(s) not imported: lobcoder has no sets" in plan.summary_lines()
    plain = to_plain(plan)
    assert plain["origin"] == "MAXQDA 24" and plain["codes"][0]["status"] == UNCHANGED
