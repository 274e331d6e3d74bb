"""What a transaction changed: codings with their documents and codes, or everything."""

from __future__ import annotations

from lobcoder.editing.code_commands import CreateCode, MergeCodes, UpdateCode
from lobcoder.editing.coding_commands import ChangeCodingCode, RemoveCodings, ResizeCoding, SetMemo, apply_code
from lobcoder.editing.speaker_commands import MergeSpeakers, RenameSpeaker, SetInterviewers
from lobcoder.importing.extracted import Turn
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.changes import ChangeSet, track_changes
from lobcoder.storage.project import ProjectStore


def _run(store: ProjectStore, command) -> ChangeSet:  # type: ignore[no-untyped-def]
    with store.transaction() as session, track_changes(session) as changes:
        command.apply(session)
    return changes


def test_coding_commands_report_their_codings_documents_and_codes(store: ProjectStore) -> None:
    with store.transaction() as session:
        doc = add_document(session, "D", "I: Vraag?\nAnna: Een lang antwoord over samen leren.").id
        visie, leren = create_code(session, "Visie"), create_code(session, "Leren")
        ids = (visie.id, leren.id)
        guids = (visie.guid, leren.guid)
        old = add_coding(session, doc, visie.id, 0, 5)
        old_id, old_guid = old.id, old.guid

    added = _run(store, apply_code(doc, guids[1], [(10, 20)], "anna"))
    assert not added.everything and added.documents == {doc} and added.codes == {ids[1]} and len(added.codings) == 1
    assert old_id not in added.codings
    assert added.counted == {(ids[1], doc): 1}  # codings per (code, document) moved by the action

    recoded = _run(store, ChangeCodingCode(old_guid, guids[1]))
    assert (recoded.codings, recoded.codes, recoded.everything) == ({old_id}, set(ids), False)
    assert recoded.counted == {(ids[0], doc): -1, (ids[1], doc): 1}

    resized = _run(store, ResizeCoding(old_guid, 1, 6))
    assert (resized.codings, resized.documents) == ({old_id}, {doc})
    assert resized.counted is not None and not +resized.counted  # the same code and document: no count moves

    memo = _run(store, SetMemo("coding", old_guid, "Mooi"))
    assert (memo.memo_codings, memo.everything) == ({old_id}, False)

    removed = _run(store, RemoveCodings([old_guid]))
    assert (removed.codings, removed.codes, removed.everything) == ({old_id}, {ids[1]}, False)
    assert removed.counted == {(ids[1], doc): -1}


def test_anything_but_codings_means_everything(store: ProjectStore) -> None:
    assert _run(store, CreateCode("Nieuw")).everything


def test_only_actions_on_turns_speakers_or_documents_say_turns_changed(store: ProjectStore) -> None:
    with store.transaction() as session:
        text = "Anna: Samen leren.\nBram: Ja."
        doc = add_document(session, "D", text, [Turn("Anna", 0, 6, 18), Turn("Bram", 19, 25, len(text))])
        visie, leren = create_code(session, "Visie"), create_code(session, "Leren")
        add_coding(session, doc.id, visie.id, 6, 11)
        guids = (visie.guid, leren.guid)
    code_actions = [CreateCode("Nieuw"), UpdateCode(guids[0], name="Gedeelde visie"), MergeCodes(guids[0], guids[1])]
    for command in code_actions:
        changes = _run(store, command)
        assert changes.everything and not changes.turns, command
    speaker_actions = [
        RenameSpeaker("Anna", "Lotte"),
        MergeSpeakers(["Bram"], "Lotte"),
        SetInterviewers({"Lotte": True}),
    ]
    for command in speaker_actions:
        changes = _run(store, command)
        assert changes.everything and changes.turns, command
    assert ChangeSet(everything=True).turns  # not tracked: anything may have changed


def test_only_a_changed_document_says_the_document_list_changed(store: ProjectStore) -> None:
    from lobcoder.editing.document_commands import RenameDocument
    from lobcoder.services.documents import document_guid

    with store.transaction() as session:
        doc = add_document(session, "D", "Anna: Samen leren.", [Turn("Anna", 0, 6, 18)]).id
        guid = document_guid(session, doc)
        visie = create_code(session, "Visie")
    assert not _run(store, apply_code(doc, visie.guid, [(6, 11)], "anna")).listed
    assert not _run(store, CreateCode("Nieuw")).listed
    assert not _run(store, RenameSpeaker("Anna", "Anne")).listed
    renamed = _run(store, RenameDocument(guid, "D", "Docent01"))
    assert renamed.everything and renamed.listed
    assert ChangeSet(everything=True).listed  # made by hand: anything may have changed
