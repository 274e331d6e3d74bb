"""Write a copy of the project for a second coder: chosen documents, the whole codebook.

The copy is made with SQLite's online backup (so document, code, coder,
participant and attribute GUIDs are exactly the original's), then everything
not meant for the second coder is deleted in one transaction and the file is
compacted, so nothing deleted can be read back from it. A blind copy has no
codings, no memos on documents, codings or the project, and no trained
suggestion model or rejected suggestions (all of which show the first
coder's judgements), and no coders: their names would tell the second
coder whom she is compared with, and each coding's coder is set when it is
made. Code memos stay, as part of the codebook, without their author.
Speakers who speak in none of the chosen documents are left out (both
kinds of copy), as are participants without one, and pseudonymisation
decisions whose term (in any case) is in none of the copy's texts and labels:
each lists a real name, perhaps of a document not copied. The copy appears
under its name only when complete.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from lobcoder.errors import Cancelled, ProjectError, ProjectExistsError
from lobcoder.i18n import message
from lobcoder.i18n.said import say
from lobcoder.pseudonymise.matcher import entity_key
from lobcoder.pseudonymise.sources import project_labels, project_texts
from lobcoder.refi.qdpx_export import export_qdpx
from lobcoder.search.index import unindex_document
from lobcoder.storage.leftovers import partial_path
from lobcoder.storage.models import (
    Code,
    Coder,
    Coding,
    Document,
    Memo,
    Participant,
    ProjectSetting,
    PseudonymDecision,
    Speaker,
    SpeakerTurn,
    SuggestionModel,
    SuggestionRejection,
)
from lobcoder.storage.nlp_cache import prune as prune_nlp_cache
from lobcoder.storage.project import EXTENSION, ProjectStore, remove_project_file

ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]
_STEPS = 4


@dataclass(frozen=True)
class CopyReport:
    path: str
    documents: tuple[str, ...]
    codes: int
    codings: int
    coders: int
    participants: int
    blind: bool
    qdpx: str | None = None


def _trim(session: Session, keep: set[int], blind: bool, name: str) -> None:
    dropped = [i for i in session.scalars(select(Document.id)) if i not in keep]
    for doc_id in dropped:
        unindex_document(session, doc_id)
    for start in range(0, len(dropped), 500):
        # The database cascades to turns, codings, their memos and attribute values.
        session.execute(delete(Document).where(Document.id.in_(dropped[start : start + 500])))
    if blind:
        session.execute(delete(Memo).where(Memo.code_id.is_(None)))
        session.execute(delete(Coding))
        session.execute(delete(SuggestionModel))
        session.execute(delete(SuggestionRejection))
        session.execute(delete(Coder))  # memos keep no author: the database sets memos.coder_id to NULL
    used = select(Document.participant_id).where(Document.participant_id.is_not(None))
    session.execute(delete(Participant).where(Participant.id.not_in(used)))
    spoken = select(SpeakerTurn.speaker_id).where(SpeakerTurn.speaker_id.is_not(None))
    session.execute(delete(Speaker).where(Speaker.id.not_in(spoken)))
    prune_nlp_cache(session, scoped=not blind)  # a blind copy keeps no counts of the first coder's passages
    session.execute(update(ProjectSetting).where(ProjectSetting.key == "name").values(value=name))
    session.merge(ProjectSetting(key="copy_for_second_coder", value="blind" if blind else "with codings"))
    session.flush()  # the copy's name is one of its labels
    _drop_foreign_decisions(session)


def _drop_foreign_decisions(session: Session) -> None:
    """Delete the decisions whose term is nowhere in what is left: documents, memos, names and other labels.

    The test is a plain search ignoring case and line breaks, looser than the replacer's whole words,
    so a decision the copy may still need is kept.
    """
    pieces = [text for _, text in project_texts(session)] + [text for _, text in project_labels(session)]
    held = "\n".join(" ".join(piece.split()) for piece in pieces).casefold()
    foreign = [
        row_id
        for row_id, term in session.execute(select(PseudonymDecision.id, PseudonymDecision.term))
        if (key := entity_key(term)) and key not in held
    ]
    for start in range(0, len(foreign), 500):
        session.execute(delete(PseudonymDecision).where(PseudonymDecision.id.in_(foreign[start : start + 500])))


def prepare_copy(
    store: ProjectStore,
    target: str | Path,
    document_ids: Sequence[int],
    *,
    blind: bool = True,
    qdpx: str | Path | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    language: str = "en",
) -> CopyReport:
    """Write the copy to ``target`` (a new ``.lobcoder`` file) and, if asked, a ``.qdpx`` of it.

    The copy's project name says "(second coder)" in ``language``.

    Raises:
        ProjectExistsError: ``target`` or ``qdpx`` exists (neither is ever overwritten).
        ProjectError: the folder does not exist, or no document was chosen.
        Cancelled: ``cancelled()`` returned True; nothing is left behind.
    """
    target = Path(target)
    if target.suffix.lower() != EXTENSION:
        target = target.with_name(target.name + EXTENSION)
    if target.exists():
        raise ProjectExistsError(target, say("problem.project.exists"))
    if not target.parent.is_dir():
        raise ProjectError(target, say("problem.project.no_folder", folder=target.parent))
    if not document_ids:
        raise ProjectError(target, say("problem.copy.no_documents"))
    if qdpx is not None and Path(qdpx).exists():
        raise ProjectExistsError(qdpx, say("problem.project.exists"))

    def step(done: int, label: str) -> None:  # label: shown under the window's progress title
        if cancelled is not None and cancelled():
            raise Cancelled("copy cancelled")
        if progress is not None:
            progress(done, _STEPS, label)

    with store.read() as session:
        original = session.scalar(select(ProjectSetting.value).where(ProjectSetting.key == "name")) or store.path.stem
    partial = partial_path(target, "copying")
    remove_project_file(partial)
    try:
        step(0, message("copy.step.copying", language))
        store.backup_to(partial)
        step(1, message("copy.step.trimming", language))
        with ProjectStore.open(partial) as copy:
            with copy.transaction() as session:
                _trim(session, set(document_ids), blind, message("copy.project_name", language, name=original))
            step(2, message("copy.step.compacting", language))
            copy.compact()
            with copy.read() as session:
                names = tuple(session.scalars(select(Document.name).order_by(Document.name)))
                counts = [session.scalar(select(func.count()).select_from(t)) or 0 for t in (Code, Coding, Coder)]
                participants = session.scalar(select(func.count()).select_from(Participant)) or 0
        step(3, message("copy.step.finishing", language))
        if target.exists():
            raise ProjectExistsError(target, say("problem.project.appeared_copy"))
        os.replace(partial, target)
        remove_project_file(partial)
    except BaseException:
        remove_project_file(partial)
        raise
    qdpx_path = None
    if qdpx is not None:
        with ProjectStore.open(target) as copy:
            qdpx_path = export_qdpx(copy, qdpx).path
    if progress is not None:
        progress(_STEPS, _STEPS, "")
    return CopyReport(str(target), names, counts[0], counts[1], counts[2], participants, blind, qdpx_path)
