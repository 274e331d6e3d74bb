"""Merging a second coder's project back: nothing lost, duplicated or moved; conflicts named; one undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from lobcoder.editing.code_commands import MoveCode, UpdateCode
from lobcoder.editing.merge_apply import MergeCoding
from lobcoder.editing.merge_plan import ADDED, MATCHED, MISSING, TEXT_DIFFERS
from lobcoder.errors import FileProblem
from lobcoder.refi.qdpx_export import export_qdpx
from lobcoder.refi.qdpx_import import import_qdpx
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document, delete_document
from lobcoder.storage.models import Code, Coder, Memo
from lobcoder.storage.project import ProjectStore
from lobcoder.teamwork.copy import prepare_copy
from lobcoder.teamwork.merge import apply_plan, plan_from_file
from lobcoder.teamwork.report import report_lines, save_report
from lobcoder.teamwork.sample import choose_named
from tests.teamwork.helpers import (
    CreateCode,
    SetMemo,
    code_as,
    code_guid,
    codings,
    everything,
    fill_project,
    run,
    span,
)


@pytest.fixture
def project(store: ProjectStore) -> ProjectStore:
    return fill_project(store)


def make_copy(project: ProjectStore, path: Path, names: list[str], blind: bool = True, **kw: object) -> ProjectStore:
    with project.read() as session:
        chosen = choose_named(session, names)
    prepare_copy(project, path, [c.document_id for c in chosen], blind=blind, **kw)  # type: ignore[arg-type]
    return ProjectStore.open(path)


def second_coder_works(copy: ProjectStore) -> None:
    """Ilse codes Interview 2 and 3 differently from Sander, adds a code and memos."""
    code_as(copy, "Ilse", "Interview 2", "Twijfel", "Ik wist het echt niet")  # agrees with Sander
    code_as(copy, "Ilse", "Interview 2", "Keuze", "de mentor hielp me kiezen")  # disagrees
    code_as(copy, "Ilse", "Interview 3", "Begeleiding", "Het loopbaangesprek met de mentor")  # longer span
    run(copy, CreateCode("Netwerk", code_guid(copy, "Loopbaan"), guid="aaaaaaaa-0000-4000-8000-000000000001"))
    code_as(copy, "Ilse", "Interview 3", "Netwerk", "met de mentor")
    run(copy, SetMemo("code", "aaaaaaaa-0000-4000-8000-000000000001", "Mensen om de student heen."))
    with copy.read() as session:
        doc = session.scalar(select(Code.guid).where(Code.name == "Begeleiding"))
    run(copy, SetMemo("code", doc, "Ook gesprekken met de mentor."))


@pytest.mark.project_file("a copy for a second coder is a file copy")
def test_round_trip_adds_the_second_coders_codings_exactly(project: ProjectStore, tmp_path: Path) -> None:
    with project.read() as session:
        before = codings(session)
    copy = make_copy(project, tmp_path / "ilse.lobcoder", ["Interview 2", "Interview 3"])
    second_coder_works(copy)
    with copy.read() as session:
        theirs = codings(session)
    copy.close()

    plan = plan_from_file(project, tmp_path / "ilse.lobcoder")
    assert [d.status for d in plan.documents] == [MATCHED, MATCHED]
    assert plan.conflicts == ()
    assert [c.path for c in plan.codes if c.status == ADDED] == [("Loopbaan", "Netwerk")]
    assert [(c.name, c.status) for c in plan.coders] == [("Ilse", ADDED)]
    assert len(plan.codings) == 4 and plan.codings_matched == 0
    apply_plan(project, plan)

    with project.read() as session:
        after = codings(session)
        assert session.scalar(select(Coder.name).where(Coder.name == "Ilse")) == "Ilse"
        memos = set(session.scalars(select(Memo.text)))
    # Nothing lost, nothing duplicated, nothing moved: the union, with the same words coded.
    assert after == before | theirs
    assert len(after) == len(before) + 4
    assert "Mensen om de student heen." in memos
    assert "Waarom iemand een opleiding kiest." in memos
    # Begeleiding had no memo here, so the second coder's memo is added.
    assert "Ook gesprekken met de mentor." in memos

    again = plan_from_file(project, tmp_path / "ilse.lobcoder")
    assert not again.changes_anything
    assert again.codings_matched == 4 and again.codings == ()
    apply_plan(project, again)
    with project.read() as session:
        assert codings(session) == after


@pytest.mark.project_file("a copy for a second coder is a file copy")
def test_merge_is_one_undoable_action(project: ProjectStore, tmp_path: Path) -> None:
    copy = make_copy(project, tmp_path / "ilse.lobcoder", ["Interview 2", "Interview 3"])
    second_coder_works(copy)
    copy.close()
    with project.read() as session:
        before = everything(session)
    plan = plan_from_file(project, tmp_path / "ilse.lobcoder")
    undo = run(project, MergeCoding(plan))
    with project.read() as session:
        merged = everything(session)
    assert merged != before
    redo = run(project, undo)
    with project.read() as session:
        assert everything(session) == before
    run(project, redo)
    with project.read() as session:
        assert everything(session) == merged


def test_coder_names_differing_in_case_or_spaces_are_one_coder(project: ProjectStore, tmp_path: Path) -> None:
    """A project made independently (other GUIDs everywhere) by a coder who typed ' sander ' ."""
    other = ProjectStore.create(tmp_path / "other.lobcoder")
    with other.transaction() as session:
        top = create_code(session, "loopbaan")  # the same name path, other case, other GUID
        keuze = create_code(session, "keuze", top.id)
        text = build_text("Interview 4")
        ref = add_document(session, "Interview 4", text)
        add_coding(session, ref.id, keuze.id, *span("Interview 4", "koos voor techniek"), coder="  sANDER ")
    other.close()

    plan = plan_from_file(project, tmp_path / "other.lobcoder")
    assert [(c.other_name, c.name, c.status, c.matched_by) for c in plan.coders] == [
        ("  sANDER ", "Sander", MATCHED, "name")
    ]
    assert [(c.status, c.matched_by) for c in plan.codes] == [(MATCHED, "name"), (MATCHED, "name")]
    assert [i.kind for i in plan.conflicts] == ["coder_name"]
    assert "treated as the same coder" in "\n".join(report_lines(plan))
    apply_plan(project, plan)
    with project.read() as session:
        assert sorted(session.scalars(select(Coder.name))) == ["Sander"]
        assert ("Interview 4", "Keuze", "Sander", "koos voor techniek") in named(session)


def build_text(name: str) -> str:
    from tests.teamwork.helpers import TEXTS

    return TEXTS[name]


def named(session: object) -> set[tuple[str, str, str | None, str]]:
    from sqlalchemy.orm import aliased

    from lobcoder.storage.models import Coding, Document

    code, coder = aliased(Code), aliased(Coder)
    rows = session.execute(  # type: ignore[attr-defined]
        select(Document.name, Document.text, code.name, coder.name, Coding.start, Coding.end)
        .join(Document, Coding.document_id == Document.id)
        .join(code, Coding.code_id == code.id)
        .outerjoin(coder, Coding.coder_id == coder.id)
    )
    return {(d, c, who, text[s:e]) for d, text, c, who, s, e in rows}


@pytest.mark.project_file("a copy for a second coder is a file copy")
def test_codes_renamed_or_moved_by_the_second_coder_keep_their_place_here(
    project: ProjectStore, tmp_path: Path
) -> None:
    copy = make_copy(project, tmp_path / "ilse.lobcoder", ["Interview 4"])
    run(copy, UpdateCode(code_guid(copy, "Twijfel"), name="Twijfels"))
    run(copy, MoveCode(code_guid(copy, "Keuze"), None, 0))
    code_as(copy, "Ilse", "Interview 4", "Twijfels", "Ja, ik wilde eerst naar de kapper")
    code_as(copy, "Ilse", "Interview 4", "Keuze", "koos voor techniek")
    copy.close()

    plan = plan_from_file(project, tmp_path / "ilse.lobcoder")
    assert {i.kind for i in plan.conflicts} == {"code_parent"}
    assert [i.kind for i in plan.notes] == ["code_renamed"]
    assert all(c.status == MATCHED and c.matched_by == "guid" for c in plan.codes)
    text = "\n".join(report_lines(plan))
    assert "code 'Loopbaan > Twijfel' is called 'Twijfels' in the other project; the name here is kept" in text
    assert "code 'Loopbaan > Keuze': in the other project it is at the top level; it stays where it is" in text
    apply_plan(project, plan)
    with project.read() as session:
        assert sorted(session.scalars(select(Code.name))) == ["Begeleiding", "Keuze", "Loopbaan", "Twijfel"]
        keuze_parent = session.scalar(select(Code.parent_id).where(Code.name == "Keuze"))
        assert keuze_parent == session.scalar(select(Code.id).where(Code.name == "Loopbaan"))
        coded = named(session)
    assert ("Interview 4", "Twijfel", "Ilse", "Ja, ik wilde eerst naar de kapper") in coded
    assert ("Interview 4", "Keuze", "Ilse", "koos voor techniek") in coded


@pytest.mark.project_file("a copy for a second coder is a file copy")
def test_a_document_deleted_in_either_copy(project: ProjectStore, tmp_path: Path) -> None:
    copy = make_copy(project, tmp_path / "ilse.lobcoder", ["Interview 2", "Interview 3"])
    code_as(copy, "Ilse", "Interview 2", "Keuze", "de mentor hielp me kiezen")
    code_as(copy, "Ilse", "Interview 3", "Keuze", "Het loopbaangesprek")
    with copy.transaction() as session:
        delete_document(session, "Interview 3")  # deleted by the second coder
    copy.close()
    with project.transaction() as session:
        delete_document(session, "Interview 2")  # deleted here after the copy was made
    with project.read() as session:
        before = codings(session)

    plan = plan_from_file(project, tmp_path / "ilse.lobcoder")
    assert [(d.other_name, d.status, d.codings) for d in plan.documents] == [("Interview 2", MISSING, 1)]
    assert [(i.kind, i.values["codings"]) for i in plan.conflicts] == [("document_missing", 1)]
    assert plan.codings == () and plan.codings_left_out == 1
    apply_plan(project, plan)
    with project.read() as session:
        assert codings(session) == before  # Interview 3 keeps Sander's coding; nothing comes back


def test_a_document_whose_text_differs_keeps_its_codings_out(project: ProjectStore, tmp_path: Path) -> None:
    other = ProjectStore.create(tmp_path / "other.lobcoder")
    with other.transaction() as session:
        code = create_code(session, "Begeleiding")
        ref = add_document(session, "Interview 3", "I: Wat deed de school?\nCees: Niets bijzonders eigenlijk.")
        add_coding(session, ref.id, code.id, 29, 36, coder="Ilse")
    other.close()
    plan = plan_from_file(project, tmp_path / "other.lobcoder")
    assert [(d.status, d.name) for d in plan.documents] == [(TEXT_DIFFERS, "Interview 3")]
    assert plan.codings == () and plan.codings_left_out == 1
    lines = report_lines(plan, "nl")
    assert any("de tekst verschilt van 'Interview 3' hier" in line for line in lines)


@pytest.mark.project_file("a copy for a second coder is a file copy")
def test_qdpx_round_trip_through_another_program(project: ProjectStore, tmp_path: Path) -> None:
    """The copy goes out as .qdpx, is coded elsewhere (here: a lobcoder that imported it) and comes back as .qdpx."""
    with project.read() as session:
        before = codings(session)
    make_copy(project, tmp_path / "c.lobcoder", ["Interview 1", "Interview 2"], qdpx=tmp_path / "c.qdpx").close()
    import_qdpx(tmp_path / "c.qdpx", tmp_path / "elsewhere.lobcoder")
    with ProjectStore.open(tmp_path / "elsewhere.lobcoder") as elsewhere:
        code_as(elsewhere, "Ilse", "Interview 1", "Keuze", "Mijn oom werkt in de zorg")
        code_as(elsewhere, "Ilse", "Interview 1", "Twijfel", "ik twijfelde niet")
        code_as(elsewhere, "Ilse", "Interview 2", "Begeleiding", "de mentor hielp me kiezen")
        with elsewhere.read() as session:
            theirs = codings(session)
        export_qdpx(elsewhere, tmp_path / "back.qdpx")

    plan = plan_from_file(project, tmp_path / "back.qdpx")
    assert all(d.status == MATCHED and d.matched_by == "content" for d in plan.documents)
    assert all(c.status == MATCHED and c.matched_by == "guid" for c in plan.codes)
    assert plan.conflicts == ()
    apply_plan(project, plan)
    with project.read() as session:
        after = codings(session)
    assert after == before | theirs
    assert len(after) == len(before) + 3
    assert not plan_from_file(project, tmp_path / "back.qdpx").changes_anything


@pytest.mark.project_file("a copy for a second coder is a file copy")
def test_memos_edited_in_both_projects_keep_both_texts(project: ProjectStore, tmp_path: Path) -> None:
    copy = make_copy(project, tmp_path / "ilse.lobcoder", ["Interview 1"])
    run(copy, SetMemo("code", code_guid(copy, "Keuze"), "Waarom iemand een opleiding kiest. Ook: wie helpt."))
    copy.close()
    plan = plan_from_file(project, tmp_path / "ilse.lobcoder")
    assert [i.kind for i in plan.conflicts] == ["memo_text"]
    assert "code memo 'Loopbaan > Keuze': differs in the two projects" in "\n".join(report_lines(plan))
    undo = run(project, MergeCoding(plan))
    with project.read() as session:
        text = session.scalar(select(Memo.text).where(Memo.code_id.is_not(None)))
    assert text == "Waarom iemand een opleiding kiest.\n\nWaarom iemand een opleiding kiest. Ook: wie helpt."
    assert not plan_from_file(project, tmp_path / "ilse.lobcoder").changes_anything
    run(project, undo)
    with project.read() as session:
        assert (
            session.scalar(select(Memo.text).where(Memo.code_id.is_not(None))) == "Waarom iemand een opleiding kiest."
        )


@pytest.mark.project_file("a copy for a second coder is a file copy")
def test_the_report_is_saved_and_bad_files_are_refused(project: ProjectStore, tmp_path: Path) -> None:
    copy = make_copy(project, tmp_path / "ilse.lobcoder", ["Interview 2"])
    code_as(copy, "Ilse", "Interview 2", "Keuze", "de mentor hielp me kiezen")
    copy.close()
    plan = plan_from_file(project, tmp_path / "ilse.lobcoder")
    save_report(plan, tmp_path / "report.txt", "nl")
    text = (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert "Coderingen: 1 toe te voegen, 0 al aanwezig, 0 niet overgenomen" in text
    assert "- Ilse (toegevoegd)" in text
    with pytest.raises(FileProblem, match=f"{project.path.name}: is the open project itself"):
        plan_from_file(project, project.path)
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(FileProblem, match=r"notes.txt: can only merge a \.lobcoder project or a \.qdpx file"):
        plan_from_file(project, tmp_path / "notes.txt")


def test_a_code_name_under_another_parent_is_added_as_a_new_code(project: ProjectStore, tmp_path: Path) -> None:
    """Another program regenerated GUIDs and has 'Keuze' at the top; here it is under 'Loopbaan'."""
    other = ProjectStore.create(tmp_path / "other.lobcoder")
    with other.transaction() as session:
        keuze = create_code(session, "Keuze")
        ref = add_document(session, "Interview 4", build_text("Interview 4"))
        add_coding(session, ref.id, keuze.id, *span("Interview 4", "koos voor techniek"), coder="Ilse")
    other.close()
    plan = plan_from_file(project, tmp_path / "other.lobcoder")
    assert [(i.kind, i.values["here"]) for i in plan.conflicts] == [("code_elsewhere", "Loopbaan > Keuze")]
    assert [(c.path, c.status, c.parent_guid) for c in plan.codes] == [(("Keuze",), ADDED, None)]
    apply_plan(project, plan)
    with project.read() as session:
        assert session.scalar(select(func.count()).select_from(Code).where(Code.name == "Keuze")) == 2
        assert ("Interview 4", "Keuze", "Ilse", "koos voor techniek") in named(session)
        top = session.scalar(select(Code.id).where(Code.name == "Keuze", Code.parent_id.is_(None)))
        assert top is not None


@pytest.mark.project_file("a copy for a second coder is a file copy")
def test_merge_file_plans_once_and_backs_up_the_state_merged_into_without_the_write_lock(
    project: ProjectStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI's merge plans once; the plan and the backup are made before the write lock, of the state merged into."""
    import sqlite3

    import lobcoder.teamwork.merge as merge

    with make_copy(project, tmp_path / "ilse.lobcoder", ["Interview 1"]) as copy:
        code_as(copy, "Ilse", "Interview 1", "Keuze", "I:")
    planned: list[bool] = []
    real_plan = merge.plan_merge

    def counting(session, other, source=""):  # type: ignore[no-untyped-def]
        plan = real_plan(session, other, source)
        # Not under the write lock: another connection could start writing (it would be seen; see merge_other).
        other_writer = sqlite3.connect(project.path, timeout=0)
        try:
            other_writer.execute("BEGIN IMMEDIATE")
            planned.append(False)
        except sqlite3.OperationalError:
            planned.append(True)
        finally:
            other_writer.close()
        return plan

    monkeypatch.setattr(merge, "plan_merge", counting)
    with project.read() as session:
        before = len(codings(session))
    seen: list[int] = []

    def backup(_replaces: object) -> None:  # reads the project through its own connection, before the lock is taken
        with sqlite3.connect(project.path) as reader:
            seen.append(reader.execute("SELECT count(*) FROM codings").fetchone()[0])

    plan = merge.merge_file(project, tmp_path / "ilse.lobcoder", backup)
    assert len(plan.codings) == 1 and planned == [False]
    assert seen == [before]  # the backup saw the project as it was merged into, not yet merged
    with project.read() as session:
        assert len(codings(session)) == before + 1
    planned.clear()
    again = merge.merge_file(project, tmp_path / "ilse.lobcoder", backup)
    assert not again.changes_anything and planned == [False] and seen == [before]  # nothing added: no backup
