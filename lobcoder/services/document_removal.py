"""Remove wrongly imported documents from a project, after a backup, in one transaction.

Everything that belongs to a document goes with it: its codings and their
memos, its memos, speaker turns, attribute values, search index rows (the
foreign keys cascade; the FTS rows are removed by ``delete_document``) and
the NLP cache rows no other document shares. Speakers and participants are
project-level and stay. A backup (reason ``before-remove``) is made first,
beside a project file or, for a project on a server, as a project file in
the user's data folder (``storage/store_backups.py``); if it cannot be made
nothing is removed. The backup may take a while (it reports progress and
can be cancelled); the removal itself is one short transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from lobcoder.errors import Refused
from lobcoder.i18n.said import say
from lobcoder.services.documents import delete_document, find_document
from lobcoder.storage.backups import BEFORE_REMOVE, CancelCheck, ProgressCallback
from lobcoder.storage.models import Coding, Memo, SpeakerTurn
from lobcoder.storage.project import ProjectStore
from lobcoder.storage.store_backups import backup_store


@dataclass(frozen=True)
class DocumentToRemove:
    """One document a removal takes away, with what goes with it."""

    id: int
    name: str
    codings: int
    memos: int  # memos on the document and on its codings
    turns: int


@dataclass(frozen=True)
class Removal:
    """What :func:`remove_documents` removed, and the backup made just before."""

    documents: tuple[DocumentToRemove, ...]
    backup: Path

    @property
    def codings(self) -> int:
        return sum(d.codings for d in self.documents)


def plan_removal(session: Session, names_or_ids: Sequence[str | int]) -> tuple[DocumentToRemove, ...]:
    """The documents named (each once, in the order given) with their counts; changes nothing.

    Raises:
        NotFoundError: a name or id is not in the project.
    """
    found: dict[int, DocumentToRemove] = {}
    for wanted in names_or_ids:
        document = find_document(session, wanted)
        if document.id in found:
            continue
        coding_ids = select(Coding.id).where(Coding.document_id == document.id)
        found[document.id] = DocumentToRemove(
            id=document.id,
            name=document.name,
            codings=session.scalar(select(func.count()).select_from(coding_ids.subquery())) or 0,
            memos=session.scalar(
                select(func.count(Memo.id)).where(or_(Memo.document_id == document.id, Memo.coding_id.in_(coding_ids)))
            )
            or 0,
            turns=session.scalar(select(func.count(SpeakerTurn.id)).where(SpeakerTurn.document_id == document.id)) or 0,
        )
    return tuple(found.values())


def remove_documents(
    store: ProjectStore,
    names_or_ids: Sequence[str | int],
    now: datetime | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> Removal:
    """Back the project up, then remove the documents named in one transaction.

    ``progress`` and ``cancelled`` watch the backup; once the backup is in
    place (and the oldest ``before-remove`` backup rotated out) the removal
    runs to its end, whatever ``cancelled()`` says.

    Raises:
        NotFoundError: a name is not in the project (nothing backed up or removed).
        Refused: no backup could be made; nothing was removed.
        StorageProblem: the project is read-only or cannot be written; nothing was removed.
        Cancelled: ``cancelled()`` turned true before the backup was in place;
            nothing was removed, no backup was added and none rotated out.
    """
    with store.read() as session:
        plan_removal(session, names_or_ids)  # unknown names are refused before a backup is made
    store.require_writable()
    made = backup_store(store, BEFORE_REMOVE, now, progress, cancelled)
    if made.backup is None:
        raise Refused(say("problem.refused.remove_without_backup", reason=made.problem or ""))
    # Once the backup is in place the removal goes on, even when Cancel was pressed meanwhile: the
    # backup has already rotated the oldest one out, so removing it now would leave one fewer.
    with store.transaction() as session:
        plan = plan_removal(session, names_or_ids)
        for document in plan:
            delete_document(session, document.id)
    return Removal(plan, made.backup.path)
