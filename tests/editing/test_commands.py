"""Undoable commands: apply, undo, redo give back exactly the same rows."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.editing.base import Command, Macro
from lobcoder.editing.code_commands import CreateCode, DeleteCode, MergeCodes, MoveCode, UpdateCode
from lobcoder.editing.coding_commands import ChangeCodingCode, RemoveCodings, ResizeCoding, SetMemo, apply_code
from lobcoder.services.codes import RICH_FIELDS, create_code, list_codes
from lobcoder.services.codings import add_coding, codings_for_document
from lobcoder.services.documents import add_document
from lobcoder.services.memos import MemoTarget, set_memo
from lobcoder.storage.models import Code, Coder, Coding, Document, Memo
from lobcoder.storage.project import ProjectStore

TEXT = "I: Hoe werkt u samen? 😀\nAnna: Eén keer per maand leren we samen van elkaar; de coördinatie is goed."


def dump(session: Session) -> dict[str, Any]:
    """Every coding-related row, named by GUID so restored rows compare equal."""
    codes = {c.id: c for c in session.scalars(select(Code))}
    codings = {c.id: c for c in session.scalars(select(Coding))}
    coders = {c.id: c.name for c in session.scalars(select(Coder))}
    docs = {d.id: d.guid for d in session.scalars(select(Document))}

    def guid(table: dict[int, Any], key: int | None) -> str | None:
        return table[key].guid if key is not None else None

    return {
        "codes": sorted(
            (c.guid, guid(codes, c.parent_id), c.position, c.name, c.color, c.description)
            + tuple(getattr(c, f) for f in RICH_FIELDS)
            for c in codes.values()
        ),
        "codings": sorted(
            (c.guid, docs[c.document_id], codes[c.code_id].guid, c.start, c.end, coders.get(c.coder_id), c.created_at)
            for c in codings.values()
        ),
        "memos": sorted(
            (
                m.guid,
                m.text,
                docs.get(m.document_id) if m.document_id else None,
                guid(codes, m.code_id),
                guid(codings, m.coding_id),
                m.created_at,
            )
            for m in session.scalars(select(Memo))
        ),
    }


@pytest.fixture
def project(store: ProjectStore) -> ProjectStore:
    with store.transaction() as session:
        doc = add_document(session, "Docent01_w1", TEXT)
        visie = create_code(session, "Visie", color="#3366cc")
        leren = create_code(session, "Collectief leren", color="#e69f00")
        formeel = create_code(session, "Formele kennisoverdracht", leren.id)
        samen = create_code(session, "Samen oefenen", leren.id)
        start = TEXT.index("leren we samen")
        coding = add_coding(session, doc.id, samen.id, start, start + len("leren we samen"), coder="Fenna")
        add_coding(session, doc.id, formeel.id, start - 5, start + 20, coder="Sander")
        add_coding(session, doc.id, visie.id, TEXT.index("coördinatie"), len(TEXT) - 1, coder="Fenna")
        set_memo(session, MemoTarget("coding", coding.id), "Mooi voorbeeld van samen leren")
        set_memo(session, MemoTarget("code", leren.id), "Thema uit het proefschrift")
        set_memo(session, MemoTarget("code", samen.id), "Oefenen in duo's")
    return store


def guid_of(store: ProjectStore, name: str) -> str:
    with store.read() as session:
        return session.scalar(select(Code.guid).where(Code.name == name))  # type: ignore[return-value]


def run_undo_redo(store: ProjectStore, command: Command) -> tuple[dict, dict]:
    """Apply, undo, redo; check undo restores the before-state and redo the after-state."""
    with store.read() as session:
        before = dump(session)
    with store.transaction() as session:
        undo = command.apply(session)
    with store.read() as session:
        after = dump(session)
    assert after != before, "the command changed nothing"
    with store.transaction() as session:
        redo = undo.apply(session)
    with store.read() as session:
        assert dump(session) == before
    with store.transaction() as session:
        redo.apply(session)
    with store.read() as session:
        assert dump(session) == after
    return before, after


def test_apply_code_with_emoji_offsets_then_undo_redo(project: ProjectStore) -> None:
    start = TEXT.index("Eén keer")
    command = apply_code(1, guid_of(project, "Visie"), [(start, start + len("Eén keer per maand"))], "Fenna")
    _, after = run_undo_redo(project, command)
    with project.read() as session:
        spans = [TEXT[c.start : c.end] for c in codings_for_document(session, 1)]
    assert "Eén keer per maand" in spans


def test_remove_coding_brings_back_its_memo_on_undo(project: ProjectStore) -> None:
    with project.read() as session:
        coding = session.scalar(select(Coding).join(Memo, Memo.coding_id == Coding.id))
        guid = coding.guid
    before, after = run_undo_redo(project, RemoveCodings([guid]))
    assert len(after["memos"]) == len(before["memos"]) - 1


def test_change_code_and_resize_and_memo(project: ProjectStore) -> None:
    with project.read() as session:
        coding = session.scalars(select(Coding).order_by(Coding.id)).first()
        guid = coding.guid
    run_undo_redo(project, ChangeCodingCode(guid, guid_of(project, "Visie")))
    run_undo_redo(project, ResizeCoding(guid, 3, 10))
    run_undo_redo(project, SetMemo("coding", guid, "Nieuwe memo"))
    run_undo_redo(project, SetMemo("project", None, "Projectmemo"))
    run_undo_redo(project, SetMemo("coding", guid, ""))


def test_create_rename_recolour_move_codes(project: ProjectStore) -> None:
    visie = guid_of(project, "Visie")
    run_undo_redo(project, CreateCode("Communicatie", color="#009e73", position=0))
    run_undo_redo(project, UpdateCode(visie, name="Gedeelde visie", color="#000000"))
    run_undo_redo(project, MoveCode(visie, guid_of(project, "Collectief leren"), 1))
    run_undo_redo(project, MoveCode(guid_of(project, "Samen oefenen"), None, 0))


def test_delete_code_with_subcodes_codings_and_memos_is_restored_exactly(project: ProjectStore) -> None:
    before, after = run_undo_redo(project, DeleteCode(guid_of(project, "Collectief leren")))
    assert [c[3] for c in after["codes"]] == ["Visie"]
    assert len(after["codings"]) == 1
    assert after["memos"] == []
    assert len(before["memos"]) == 3


def test_merge_codes_moves_codings_children_and_memos_and_unmerges(project: ProjectStore) -> None:
    command = MergeCodes(guid_of(project, "Collectief leren"), guid_of(project, "Visie"))
    before, after = run_undo_redo(project, command)
    with project.read() as session:
        names = [(c.name, c.depth, c.codings) for c in list_codes(session)]
    assert names == [("Visie", 0, 1), ("Formele kennisoverdracht", 1, 1), ("Samen oefenen", 1, 1)]


def test_merging_a_code_into_itself_or_its_child_is_refused(project: ProjectStore) -> None:
    with pytest.raises(ValueError, match="into itself"):
        with project.transaction() as session:
            MergeCodes(guid_of(project, "Visie"), guid_of(project, "Visie")).apply(session)
    with pytest.raises(ValueError, match="own sub-codes"):
        with project.transaction() as session:
            MergeCodes(guid_of(project, "Collectief leren"), guid_of(project, "Samen oefenen")).apply(session)


def test_macro_is_one_undo_step(project: ProjectStore) -> None:
    visie = guid_of(project, "Visie")
    spans = [(0, 1), (3, 6)]
    macro = Macro([apply_code(1, visie, spans[:1], "Fenna"), apply_code(1, visie, spans[1:], "Fenna")], "code_hits")
    run_undo_redo(project, macro)


def test_deleting_and_restoring_in_one_transaction_does_not_collide(project: ProjectStore) -> None:
    with project.read() as session:
        before = dump(session)
    with project.transaction() as session:
        undo = DeleteCode(guid_of(project, "Visie")).apply(session)
        undo.apply(session)
    with project.read() as session:
        assert dump(session) == before


def test_rich_fields_are_edited_undone_and_survive_delete_and_restore(project: ProjectStore) -> None:
    visie = guid_of(project, "Visie")
    command = UpdateCode(
        visie,
        definition="Een gedeeld beeld van LOB",
        inclusion="Uitspraken over doelen",
        exclusion="Losse meningen",
        examples="‘Wij willen dat elke student…’\n‘De visie hangt in de teamkamer’",
        keywords="visie\ngedeelde visie\ndraagvlak",
    )
    run_undo_redo(project, command)
    with project.transaction() as session:
        DeleteCode(visie).apply(session).apply(session)  # delete, then undo the deletion
    with project.read() as session:
        code = session.scalar(select(Code).where(Code.guid == visie))
        assert code is not None
        assert code.keywords.splitlines() == ["visie", "gedeelde visie", "draagvlak"]
        assert code.examples.startswith("‘Wij willen")
