"""Two coders (two windows, two connections) changing one project at the same moment.

Each test runs on a project file and, when ``LOBCODER_TEST_POSTGRES_URL``
names a test database (docs/POSTGRESQL.md), on PostgreSQL: two stores with
their own engines, as two laptops on one server project. Writers take turns
(the second waits for the first to commit); a change that the other coder's
commit made impossible is refused with a message saying so, and nothing of
the refused action is stored.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from server_projects import SERVER_URL, emptied_server_project
from sqlalchemy import func, select

from lobcoder.editing.base import Macro
from lobcoder.editing.code_commands import DeleteCode, UpdateCode
from lobcoder.editing.coding_commands import ChangeCodingCode, RemoveCodings, ResizeCoding, SetMemo, apply_code
from lobcoder.editing.document_commands import RenameDocument
from lobcoder.errors import Refused
from lobcoder.importing.extracted import Turn
from lobcoder.search import staged
from lobcoder.search.fulltext import search
from lobcoder.search.index import insert_pieces
from lobcoder.search.pieces import cut_text
from lobcoder.services.batch_import import import_one
from lobcoder.services.codes import create_code, get_code, list_codes
from lobcoder.services.codings import add_coding, coded_share, codings_for_document
from lobcoder.services.documents import add_document, list_documents, project_info
from lobcoder.services.memos import MemoTarget, get_memo
from lobcoder.storage.dialect import dialect_name
from lobcoder.storage.models import Code, Document, SearchPiece
from lobcoder.storage.project import ProjectStore

TEXT = "Anna: Mijn mentor hielp bij de stagekeuze. De coördinatie was goed."
SECOND = "Bram: De stage was leerzaam."


def _at(phrase: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


@pytest.fixture(params=["file", "postgresql"])
def windows(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[ProjectStore, ProjectStore]]:
    """One project with a document and the code *Mentor*, open twice (two engines)."""
    if request.param == "file":
        first = ProjectStore.create(tmp_path / "team.lobcoder")
        second = ProjectStore.open(tmp_path / "team.lobcoder")
        yield _filled(first), second
        first.close()
        second.close()
        return
    if not SERVER_URL:
        pytest.skip("set LOBCODER_TEST_POSTGRES_URL to a PostgreSQL database to run (docs/POSTGRESQL.md)")
    from lobcoder.storage.server import open_server_project

    with emptied_server_project(SERVER_URL) as first:
        second = open_server_project(SERVER_URL)
        try:
            yield _filled(first), second
        finally:
            second.close()


def _filled(store: ProjectStore) -> ProjectStore:
    with store.transaction() as session:
        add_document(session, "Anna_w1", TEXT, [Turn("Anna", 0, 6, len(TEXT))])
        create_code(session, "Mentor")
    return store


def _ids(store: ProjectStore) -> tuple[int, str]:
    with store.read() as session:
        return list_documents(session)[0].id, get_code(session, list_codes(session)[0].id).guid


def _in_thread(action: object) -> tuple[threading.Thread, list[BaseException], list[float]]:
    failures: list[BaseException] = []
    finished: list[float] = []

    def run() -> None:
        try:
            action()  # type: ignore[operator]
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            failures.append(exc)
        finished.append(time.monotonic())

    thread = threading.Thread(target=run)
    thread.start()
    return thread, failures, finished


def test_a_read_sees_the_project_as_it_was_when_it_began(windows: tuple[ProjectStore, ProjectStore]) -> None:
    """A report read while another coder imports and codes shows one moment, never half of each."""
    fenna, sander = windows
    _document, guid = _ids(fenna)
    with fenna.read() as session:
        before = [d.name for d in list_documents(session)]
        with sander.transaction() as other:
            added = add_document(other, "Bram_w1", SECOND, [Turn("Bram", 0, 5, len(SECOND))])
            add_coding(other, added.id, get_code(other, guid).id, *_at("De stage", SECOND), coder="Sander")
        info = project_info(session)
        assert (before, info.documents, info.codings) == (["Anna_w1"], 1, 0)
    with fenna.read() as session:  # the next read sees it
        info = project_info(session)
        assert (info.documents, info.codings) == (2, 1)


def test_two_coders_coding_at_the_same_moment_both_keep_their_coding(
    windows: tuple[ProjectStore, ProjectStore],
) -> None:
    fenna, sander = windows
    document, guid = _ids(fenna)
    with fenna.transaction() as session:
        apply_code(document, guid, [_at("Mijn mentor hielp")], "Fenna").apply(session)

        def sander_codes() -> None:
            with sander.transaction() as other:
                apply_code(document, guid, [_at("bij de stagekeuze.")], "Sander").apply(other)

        thread, failures, finished = _in_thread(sander_codes)
        time.sleep(0.5)
        assert thread.is_alive(), "the second writer must wait for the first to commit"
        committed = time.monotonic()
    thread.join(10)
    assert failures == [] and finished[0] >= committed
    with fenna.read() as session:
        codings = sorted((c.coder, c.start, c.end) for c in codings_for_document(session, document))
        share = coded_share(session)[document]
    assert codings == [("Fenna", *_at("Mijn mentor hielp")), ("Sander", *_at("bij de stagekeuze."))]
    assert share == pytest.approx((len("Mijn mentor hielp") + len("bij de stagekeuze.")) / len(TEXT))


def test_coding_with_a_code_another_coder_deleted_is_refused_and_changes_nothing(
    windows: tuple[ProjectStore, ProjectStore],
) -> None:
    fenna, sander = windows
    document, guid = _ids(fenna)
    with sander.read() as session:
        document_guid = session.scalar(select(Document.guid))
    with fenna.transaction() as session:
        DeleteCode(guid, name="Mentor").apply(session)
    # Sander's window still shows Mentor: his memo and coding are one action.
    action = Macro(
        [
            SetMemo("document", document_guid, "Over de mentor."),
            apply_code(document, guid, [_at("Mijn mentor hielp")], "Sander", code_name="Mentor"),
        ]
    )
    with pytest.raises(Refused) as refused:
        with sander.transaction() as session:
            action.apply(session)
    assert refused.value.text("en") == (
        "the code 'Mentor' no longer exists: it was deleted, perhaps meanwhile in another window; nothing was changed"
    )
    assert "bestaat niet meer" in refused.value.text("nl")
    with fenna.read() as session:
        assert get_memo(session, MemoTarget("document", document)) == ""
        assert codings_for_document(session, document) == []


def test_renaming_a_code_another_coder_renamed_meanwhile(windows: tuple[ProjectStore, ProjectStore]) -> None:
    """Both rename *Mentor*: the later rename wins, as it would in one window; undoing the
    earlier one would silently overwrite the later one, so it is refused instead."""
    fenna, sander = windows
    _document, guid = _ids(fenna)
    with fenna.transaction() as session:
        undo = UpdateCode(guid, name="Begeleider").apply(session)
    with sander.transaction() as session:
        sander_undo = UpdateCode(guid, name="Coach").apply(session)
    with pytest.raises(Refused) as refused:
        with fenna.transaction() as session:
            undo.apply(session)
    assert refused.value.text("en") == (
        "the code is now named 'Coach', not 'Begeleider': it was changed, perhaps meanwhile in another window; "
        "nothing was changed"
    )
    with sander.transaction() as session:
        sander_undo.apply(session)  # Sander's own undo still works: the name is what he left
    with fenna.read() as session:
        assert [c.name for c in list_codes(session)] == ["Begeleider"]


def test_undoing_a_colour_another_coder_changed_again_is_refused_naming_the_field_in_dutch(
    windows: tuple[ProjectStore, ProjectStore],
) -> None:
    fenna, sander = windows
    _document, guid = _ids(fenna)
    with fenna.transaction() as session:
        undo = UpdateCode(guid, color="#112233", definition="Begeleiding door de mentor.").apply(session)
    with sander.transaction() as session:
        UpdateCode(guid, color="#445566").apply(session)
    with pytest.raises(Refused) as refused:
        with fenna.transaction() as session:
            undo.apply(session)
    assert refused.value.text("nl") == (
        "de code 'Mentor' is gewijzigd (kleur), misschien intussen in een ander venster; er is niets veranderd"
    )
    assert "(colour)" in refused.value.text("en")
    with fenna.read() as session:
        assert [(c.color, c.definition) for c in list_codes(session)] == [("#445566", "Begeleiding door de mentor.")]


def test_a_long_import_leaves_another_computers_staged_index_alone_on_a_server(
    windows: tuple[ProjectStore, ProjectStore], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fenna's laptop is staging a long text's search index when Sander starts a long import. Her
    process id means nothing on his computer: on a server her pieces stay (only age makes them stale);
    in a project file, written from one computer, a process that does not run has died."""
    fenna, sander = windows
    monkeypatch.setattr(staged, "STAGE_ABOVE_BYTES", 0)
    hers = "999999999:fenna-laptop"  # no such process here
    with fenna.transaction() as session:
        insert_pieces(session, None, cut_text("stage verliep goed " * 200, 1000), staging=hers, staged_at=staged._now())
    path = tmp_path / "Bram_w2.txt"
    path.write_text("Bram: De stage was leerzaam en de mentor hielp.\n" * 50, encoding="utf-8")
    assert import_one(sander, path).status == "imported"
    with fenna.read() as session:
        left = session.scalar(select(func.count()).select_from(SearchPiece).where(SearchPiece.staging == hers))
        found = [hit.document_name for hit in search(session, "leerzaam").hits[:1]]
    on_server = dialect_name(fenna.engine) != "sqlite"
    assert (left > 0) == on_server
    assert found == ["Bram_w2"]  # his import is whole either way


def test_a_code_deleted_after_another_coder_applied_it_takes_the_coding_and_its_undo_brings_it_back(
    windows: tuple[ProjectStore, ProjectStore],
) -> None:
    fenna, sander = windows
    document, guid = _ids(fenna)
    with sander.transaction() as session:
        apply_code(document, guid, [_at("Mijn mentor hielp")], "Sander", code_name="Mentor").apply(session)
    with fenna.transaction() as session:
        undo = DeleteCode(guid, name="Mentor").apply(session)
    with sander.read() as session:
        assert (list_codes(session), codings_for_document(session, document)) == ([], [])
    with fenna.transaction() as session:
        undo.apply(session)
    with sander.read() as session:
        assert [(c.coder, c.start, c.end) for c in codings_for_document(session, document)] == [
            ("Sander", *_at("Mijn mentor hielp"))
        ]


def test_resizing_or_recoding_a_coding_another_coder_removed_is_refused(
    windows: tuple[ProjectStore, ProjectStore],
) -> None:
    fenna, sander = windows
    document, guid = _ids(fenna)
    with fenna.transaction() as session:
        create_code(session, "Stage")
        apply_code(document, guid, [_at("Mijn mentor hielp")], "Fenna").apply(session)
    with sander.read() as session:
        coding = codings_for_document(session, document)[0].guid
        stage = session.scalar(select(Code.guid).where(Code.name == "Stage"))
    with fenna.transaction() as session:
        RemoveCodings([coding]).apply(session)
        DeleteCode(stage, name="Stage").apply(session)
    for late in (ResizeCoding(coding, 0, 4), ChangeCodingCode(coding, stage)):
        with pytest.raises(Refused) as refused:
            with sander.transaction() as session:
                late.apply(session)
        assert refused.value.text("en") == (
            "this coding no longer exists: it was removed, perhaps meanwhile in another window; nothing was changed"
        )
    with fenna.transaction() as session:  # a coding that is there, a code that is not
        apply_code(document, guid, [_at("Mijn mentor hielp")], "Fenna").apply(session)
        kept = codings_for_document(session, document)[0].guid
    with pytest.raises(Refused) as refused:
        with sander.transaction() as session:
            ChangeCodingCode(kept, stage).apply(session)
    assert refused.value.text("nl") == (
        "de code bestaat niet meer: hij is verwijderd, misschien intussen in een ander venster; er is niets veranderd"
    )


def test_undoing_a_document_rename_another_coder_renamed_again_is_refused(
    windows: tuple[ProjectStore, ProjectStore],
) -> None:
    """Fenna renames Anna_w1, Sander renames it again: Fenna's undo (and a redo after Sander's own
    undo moved the name on) would silently put her name over his, so it is refused instead."""
    fenna, sander = windows
    with fenna.read() as session:
        guid = session.scalars(select(Document.guid)).one()
    with fenna.transaction() as session:
        undo = RenameDocument(guid, "Anna_w1", "Anna golf 1").apply(session)
    with sander.transaction() as session:
        sander_undo = RenameDocument(guid, "Anna golf 1", "Anna golf 1 (Sander)").apply(session)
    with pytest.raises(Refused) as refused:
        with fenna.transaction() as session:
            undo.apply(session)
    assert refused.value.text("en") == (
        "the document is now named 'Anna golf 1 (Sander)', not 'Anna golf 1': it was renamed, "
        "perhaps meanwhile in another window; nothing was changed"
    )
    assert refused.value.text("nl") == (
        "het document heet nu 'Anna golf 1 (Sander)', niet 'Anna golf 1': het is hernoemd, "
        "misschien intussen in een ander venster; er is niets veranderd"
    )
    with fenna.read() as session:
        assert [d.name for d in list_documents(session)] == ["Anna golf 1 (Sander)"]
    with sander.transaction() as session:
        sander_redo = sander_undo.apply(session)  # Sander's own undo works: the name is what he left
    with fenna.transaction() as session:
        fenna_redo = undo.apply(session)  # and now Fenna's too
    with pytest.raises(Refused):
        with sander.transaction() as session:
            sander_redo.apply(session)  # Sander's redo would overwrite Fenna's undo
    with fenna.transaction() as session:
        fenna_redo.apply(session)
    with sander.read() as session:
        assert [d.name for d in list_documents(session)] == ["Anna golf 1"]
