"""Removing wrongly imported documents: after a backup, in one transaction, leaving the rest as it was."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import docx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lobcoder.agreement.compute import agreement
from lobcoder.analysis.dataset import load_dataset
from lobcoder.analysis.frequencies import frequencies
from lobcoder.errors import Cancelled, NotFoundError, Refused, StorageProblem
from lobcoder.participants.links import set_participant
from lobcoder.search.fulltext import search
from lobcoder.services.batch_import import import_files
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.document_removal import remove_documents
from lobcoder.services.documents import list_documents
from lobcoder.services.memos import MemoTarget, set_memo
from lobcoder.storage.backups import BEFORE_REMOVE, KEEP_PER_EVENT, backup_folder, create_backup, list_backups
from lobcoder.storage.models import (
    Attribute,
    AttributeScope,
    AttributeType,
    AttributeValue,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
    Participant,
    SearchPiece,
    SpeakerTurn,
)
from lobcoder.storage.project import ProjectStore

TEXTS = {
    "Student01": "Interviewer: Wat wil je later worden?\nStudent: Ik wil kok worden, ik kook graag.\n",
    "Student02": "Interviewer: Hoe kies je een stage?\nStudent: Mijn mentor heeft geholpen bij de stagekeuze.\n",
    "Verkeerd": "Interviewer: Dit hoort niet hier.\nStudent: Een boodschappenlijst met aardappelen en prei.\n",
}


def build(tmp_path: Path) -> Path:
    """A project with two .txt and one .docx interview, each coded by Anna and Bram, with memos."""
    project = tmp_path / "p.lobcoder"
    with ProjectStore.create(project) as store:
        fill(store, tmp_path)
    return project


def fill(store: ProjectStore, tmp_path: Path) -> None:
    """Import and code the interviews of :func:`build` into ``store`` (a file or a server)."""
    files = tmp_path / "files"
    files.mkdir()
    for name, text in TEXTS.items():
        if name == "Student02":
            document = docx.Document()
            for line in text.splitlines():
                document.add_paragraph(line)
            document.save(str(files / f"{name}.docx"))
        else:
            (files / f"{name}.txt").write_text(text, encoding="utf-8")
    report = import_files(store, [files])
    assert len(report.imported) == 3
    with store.transaction() as session:
        code = create_code(session, "Keuze").id
        wave = Attribute(name="golf", type=AttributeType.NUMBER, scope=AttributeScope.DOCUMENT)
        for document in session.scalars(select(Document).order_by(Document.name)):
            start = document.text.index("Student:")
            for coder, end in (("Anna", start + 20), ("Bram", start + 25)):
                coding = add_coding(session, document.id, code, start, end, coder=coder)
                set_memo(session, MemoTarget("coding", coding.id), f"{coder} over {document.name}")
            set_memo(session, MemoTarget("document", document.id), f"over {document.name}")
            set_participant(session, document.id, f"P-{document.name}")
            session.add(AttributeValue(attribute=wave, document_id=document.id, number_value=1.0))


def dump(session: Session) -> list[tuple[str, str, str | None, int, int]]:
    rows = session.execute(
        select(Document.name, Code.name, Coder.name, Coding.start, Coding.end)
        .join(Document, Coding.document_id == Document.id)
        .join(Code, Coding.code_id == Code.id)
        .outerjoin(Coder, Coding.coder_id == Coder.id)
        .order_by(Document.name, Coder.name)
    )
    return [tuple(row) for row in rows]  # type: ignore[misc]


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_removing_a_coded_document_leaves_the_others_as_they_were(tmp_path: Path) -> None:
    project = build(tmp_path)
    with ProjectStore.open(project) as store, store.read() as session:
        before = dump(session)
        assert search(session, "aardappelen").hits

    with ProjectStore.open(project) as store:
        removal = remove_documents(store, ["verkeerd"])  # matched as `show` matches names, case folded
        assert [(d.name, d.codings, d.memos, d.turns) for d in removal.documents] == [("Verkeerd", 2, 3, 2)]
        with store.read() as session:
            assert dump(session) == [row for row in before if row[0] != "Verkeerd"]
            assert [d.name for d in list_documents(session)] == ["Student01", "Student02"]
            assert not search(session, "aardappelen").hits
            assert search(session, "kok").hits  # the index still serves the others
            assert count(session, Memo) == 6 and count(session, SpeakerTurn) == 4
            assert count(session, AttributeValue) == 2 and count(session, Participant) == 3  # participants stay
            pieces = session.scalar(select(func.count()).where(SearchPiece.document_id.is_(None)))
            assert pieces == 0
            dataset = load_dataset(session)
        assert agreement(dataset, ["Anna", "Bram"], "sentence").documents == ("Student01", "Student02")
        assert frequencies(dataset).documents == 2

    [backup] = list_backups(project)
    assert backup.reason == BEFORE_REMOVE and backup.path == removal.backup
    with ProjectStore.open(backup.path) as kept, kept.read() as session:
        assert dump(session) == before and count(session, Document) == 3


def test_unknown_name_removes_nothing_and_makes_no_backup(tmp_path: Path) -> None:
    project = build(tmp_path)
    with ProjectStore.open(project) as store:
        with pytest.raises(NotFoundError):
            remove_documents(store, ["Student01", "Niemand"])
        with store.read() as session:
            assert count(session, Document) == 3
    assert list_backups(project) == []


def test_a_document_removed_meanwhile_is_reported_as_gone_not_by_its_id_as_a_name(tmp_path: Path) -> None:
    project = build(tmp_path)
    with ProjectStore.open(project) as store:
        with store.read() as session:
            [gone] = [d.id for d in list_documents(session) if d.name == "Verkeerd"]
        remove_documents(store, [gone])  # another window removed it
        with pytest.raises(NotFoundError) as raised:
            remove_documents(store, [gone])  # this window still lists it
    assert (
        raised.value.text("en")
        == "this document is no longer in the project (removed in another window or by another coder?)"
    )
    assert raised.value.text("nl") == (
        "dit document staat niet meer in het project (verwijderd in een ander venster of door een andere codeur?)"
    )
    assert str(gone) not in raised.value.text("en")
    assert len(list_backups(project)) == 1  # none made for the second try


def test_no_backup_no_removal(tmp_path: Path) -> None:
    project = build(tmp_path)
    backup_folder(project).write_text("a file where the backup folder should be")
    with ProjectStore.open(project) as store:
        with pytest.raises(Refused, match="nothing removed"):
            remove_documents(store, ["Verkeerd"])
        with store.read() as session:
            assert count(session, Document) == 3 and count(session, Coding) == 6


def test_cancelling_during_or_after_the_backup_removes_nothing_and_keeps_no_backup(tmp_path: Path) -> None:
    project = build(tmp_path)
    asked: list[int] = []

    def during(done: int, total: int, _label: str) -> None:
        asked.append(done)

    with ProjectStore.open(project) as store:
        with pytest.raises(Cancelled):
            remove_documents(store, ["Verkeerd"], progress=during, cancelled=lambda: bool(asked))
        assert asked  # the backup reported progress before it was stopped
        copied: list[bool] = []

        def to_the_end(done: int, total: int, _label: str) -> None:
            copied.append(done == total)

        with pytest.raises(Cancelled):  # Cancel pressed as the backup's last page was copied
            remove_documents(store, ["Verkeerd"], progress=to_the_end, cancelled=lambda: bool(copied and copied[-1]))
        assert copied[-1]
        with store.read() as session:
            assert count(session, Document) == 3 and count(session, Coding) == 6
    assert list_backups(project) == []
    assert not [p for p in backup_folder(project).iterdir() if not p.name.startswith(".")]


def test_a_cancel_at_the_end_of_the_backup_rotates_no_older_backup_out(tmp_path: Path) -> None:
    project = build(tmp_path)
    base = datetime(2026, 1, 1, 10, 0, tzinfo=UTC)
    for minute in range(KEEP_PER_EVENT):
        create_backup(project, BEFORE_REMOVE, base + timedelta(minutes=minute))
    before = list_backups(project)
    copied: list[bool] = []

    def to_the_end(done: int, total: int, _label: str) -> None:
        copied.append(done == total)

    with ProjectStore.open(project) as store:
        with pytest.raises(Cancelled):  # Cancel pressed while the progress bar is full
            remove_documents(
                store, ["Verkeerd"], base + timedelta(hours=1), to_the_end, lambda: bool(copied and copied[-1])
            )
        with store.read() as session:
            assert count(session, Document) == 3
    assert list_backups(project) == before  # all five kept, the oldest too


def test_a_cancel_once_the_backup_is_in_place_no_longer_stops_the_removal(tmp_path: Path) -> None:
    project = build(tmp_path)
    base = datetime(2026, 1, 1, 10, 0, tzinfo=UTC)
    for minute in range(KEEP_PER_EVENT):
        create_backup(project, BEFORE_REMOVE, base + timedelta(minutes=minute))
    oldest_kept = list_backups(project)[: KEEP_PER_EVENT - 1]

    def made() -> bool:  # true from the moment the new backup has its name
        return len(list_backups(project)) > KEEP_PER_EVENT - 1 and list_backups(project)[0] not in oldest_kept

    with ProjectStore.open(project) as store:
        removal = remove_documents(store, ["Verkeerd"], base + timedelta(hours=1), cancelled=made)
        with store.read() as session:
            assert [d.name for d in list_documents(session)] == ["Student01", "Student02"]
    backups = list_backups(project)
    assert backups[0].path == removal.backup and backups[1:] == oldest_kept
    assert backups[0].counts() == (3, 6)


def test_a_read_only_project_is_refused_before_a_backup(tmp_path: Path) -> None:
    project = build(tmp_path)
    with ProjectStore.open(project, read_only=True) as store:
        with pytest.raises(StorageProblem) as raised:
            remove_documents(store, ["Verkeerd"])
        assert raised.value.kind == StorageProblem.READ_ONLY
    assert list_backups(project) == []
