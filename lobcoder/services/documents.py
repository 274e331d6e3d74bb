"""Documents and speakers: add, list, show, rename, delete; project counts."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lobcoder.errors import NotFoundError, Refused
from lobcoder.i18n.said import say
from lobcoder.importing.extracted import Turn
from lobcoder.importing.speakers import DEFAULT_INTERVIEWER_NAMES, is_interviewer
from lobcoder.search.index import insert_pieces, unindex_document
from lobcoder.search.pieces import cut_pieces
from lobcoder.search.staged import StagedIndex
from lobcoder.services.prepared_text import PreparedText, prepare_text
from lobcoder.storage.bulk import insert_rows, store_long_text
from lobcoder.storage.lengths import limit, numbered
from lobcoder.storage.models import (
    Attribute,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
    Participant,
    ProjectSetting,
    Speaker,
    SpeakerTurn,
)
from lobcoder.storage.nlp_cache import prune as prune_nlp_cache
from lobcoder.storage.staging import StagedText, StagedTurns, is_staged
from lobcoder.storage.staging import Turn as StoredTurn


@dataclass(frozen=True)
class DocumentRef:
    id: int
    name: str


@dataclass(frozen=True)
class TurnView:
    speaker: str | None
    is_interviewer: bool
    label_start: int
    start: int
    end: int
    timestamp_ms: int | None


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    name: str
    participant: str | None
    original_filename: str
    original_format: str
    characters: int
    turns: int
    codings: int
    imported_at: datetime


@dataclass(frozen=True)
class DocumentView:
    id: int
    guid: str
    name: str
    text: str
    participant: str | None
    original_filename: str
    original_format: str
    content_hash: str
    turns: tuple[TurnView, ...]


@dataclass(frozen=True)
class ProjectInfo:
    name: str
    documents: int
    characters: int
    participants: int
    speakers: int
    interviewer_speakers: int
    turns: int
    attributes: int
    codes: int
    codings: int
    coders: int
    memos: int


def _speaker(session: Session, name: str, interviewer_names: frozenset[str]) -> Speaker:
    speaker = session.scalar(select(Speaker).where(Speaker.name == name))
    if speaker is None:
        speaker = Speaker(name=name, is_interviewer=is_interviewer(name, interviewer_names))
        session.add(speaker)
        session.flush()
    return speaker


def unique_document_name(session: Session, wanted: str) -> str:
    """``wanted`` composed (NFC), or ``wanted (2)``, ``(3)``... if a document already has that name.

    Composed, so that a file name from macOS (decomposed, NFD) and one typed
    elsewhere that look alike are one name. Names equal only in case may both
    be imported (looked up, neither is found but by its exact name). A
    numbered name is cut before its suffix to fit the column, so a taken name
    at the limit gets a number instead of being refused as too long.
    """
    wanted = unicodedata.normalize("NFC", wanted)
    most = limit(Document, "name")
    taken = {unicodedata.normalize("NFC", stored) for stored in session.scalars(select(Document.name))}
    name, n = wanted, 1
    while name in taken:
        n += 1
        name = numbered(wanted, n, most)
    return name


def find_duplicate(session: Session, text_hash: str) -> str | None:
    """Name of a document whose stored text has this hash, if any."""
    return session.scalar(
        select(Document.name).where(Document.content_hash == text_hash).order_by(Document.id).limit(1)
    )


def add_document(
    session: Session,
    name: str,
    text: str | PreparedText,
    turns: Sequence[Turn] | StagedTurns = (),
    *,
    original_filename: str = "",
    original_format: str = "",
    participant: str | None = None,
    interviewer_names: frozenset[str] = DEFAULT_INTERVIEWER_NAMES,
    index: StagedIndex | None = None,
    staged_text: StagedText | None = None,
) -> DocumentRef:
    """Store one normalised text with its turns and index it.

    The name is made unique (``name (2)``) if another document has it. The
    text must already be normalised: offsets are taken over it as it is. A
    long text is best passed as :func:`prepare_text` made it before the
    transaction began (a :class:`PreparedText` is consumed here), and its
    turns as :class:`StagedTurns` staged before the lock (checked with
    :func:`check_turns` beforehand), its search index as a
    :class:`StagedIndex` staged before this transaction and the text itself
    as a :class:`StagedText` staged before the lock.
    """
    prepared = prepare_text(text, name) if isinstance(text, str) else text
    if not isinstance(turns, StagedTurns):
        check_turns(turns, prepared.length, name)
    document = Document(
        name=unique_document_name(session, name),
        text="",
        original_filename=original_filename,
        original_format=original_format,
        content_hash=prepared.digest,
    )
    document.length = prepared.length
    if participant:
        found = session.scalar(select(Participant).where(Participant.name == participant))
        document.participant = found or Participant(name=participant)
    session.add(document)
    session.flush()
    # The text is written apart, as UTF-8 bytes (see store_long_text) or from
    # where it was staged; the object reads it back from the database when asked.
    if staged_text is not None and index is None:
        raise ValueError("a staged text needs its search index staged too")
    if staged_text is not None and is_staged(session, staged_text):
        staged_text.store(session, Document.__tablename__, "text", document.id)
        index.claim(session, document.id)  # type: ignore[union-attr]
    else:
        utf8 = staged_text.utf8 if staged_text is not None else prepared.take_utf8()
        store_long_text(session, Document.__table__, "text", document.id, utf8)  # type: ignore[arg-type]
        if index is not None:
            index.claim(session, document.id)
        else:
            insert_pieces(session, document.id, cut_pieces(utf8))
        del utf8
    session.expire(document, ["text"])
    if isinstance(turns, StagedTurns) and is_staged(session, turns):
        for speaker in turns.speakers:
            _speaker(session, speaker, interviewer_names)
        turns.copy(session, document.id)
    else:
        store_turns(session, document.id, turns.turns if isinstance(turns, StagedTurns) else turns, interviewer_names)
    return DocumentRef(document.id, document.name)


def check_turns(turns: Iterable[Turn], length: int, name: str = "") -> None:
    """Raise ValueError if a turn lies outside a text of ``length`` characters."""
    for turn in turns:
        if not 0 <= turn.label_start <= turn.start <= turn.end <= length:
            raise ValueError(f"turn {turn} lies outside the text of {name!r}")


def store_turns(
    session: Session,
    document_id: int,
    turns: Iterable[StoredTurn],
    interviewer_names: frozenset[str] = DEFAULT_INTERVIEWER_NAMES,
) -> int:
    """Insert the turns of one document (creating speakers as needed); the number stored.

    Rows go in batches through :func:`~lobcoder.storage.bulk.insert_rows`, not
    as an ORM object per turn: a long transcript keeps the write lock for a
    moment, not for the minute another window would wait, and memory holds
    one batch of rows.
    """
    speakers: dict[str, int] = {}

    def rows() -> Iterator[tuple[int, int | None, int, int, int, int | None]]:
        for turn in turns:
            speaker_id = None
            if turn.speaker is not None:
                speaker_id = speakers.get(turn.speaker)
                if speaker_id is None:
                    speaker_id = speakers[turn.speaker] = _speaker(session, turn.speaker, interviewer_names).id
            yield document_id, speaker_id, turn.label_start, turn.start, turn.end, turn.timestamp_ms

    columns = ("document_id", "speaker_id", "label_start", "start", "end", "timestamp_ms")
    return insert_rows(session, SpeakerTurn.__table__, columns, rows())  # type: ignore[arg-type]


def _document(session: Session, name_or_id: str | int) -> Document:
    if isinstance(name_or_id, int):  # only a window passes an id: one that still lists the document
        document = session.get(Document, name_or_id)
        if document is None:
            raise NotFoundError(say("problem.not_found.document_gone"))
    else:
        document = session.scalar(select(Document).where(Document.name == name_or_id))
        if document is None:
            matches = _named(session, name_or_id)
            document = session.get(Document, matches[0]) if len(matches) == 1 else None
    if document is None:
        raise NotFoundError(say("problem.not_found.document", name=name_or_id))
    return document


def _named(session: Session, name: str) -> list[int]:
    """Ids of the documents whose name equals ``name`` with case folded."""
    # Folded in Python, not with SQL lower(): SQLite's folds ASCII only, PostgreSQL's every letter.
    # casefold, as codes and participants are matched ("STRASSE" finds "Straße").
    wanted = _folded(name)
    return [
        doc_id for doc_id, stored in session.execute(select(Document.id, Document.name)) if _folded(stored) == wanted
    ]


def _folded(name: str) -> str:
    """``name`` as names are compared: composed (a name from macOS comes decomposed, NFD) and case folded."""
    return unicodedata.normalize("NFC", name).casefold()


def find_document(session: Session, name_or_id: str | int) -> DocumentRef:
    """The document with this id, or this name (exactly, else the one whose name matches with case folded).

    Raises:
        NotFoundError: no document, or more than one, answers to it.
    """
    document = _document(session, name_or_id)
    return DocumentRef(document.id, document.name)


def document_guid(session: Session, name_or_id: str | int) -> str:
    """The GUID of a document (as undoable commands name it)."""
    return _document(session, name_or_id).guid


def get_document(session: Session, name_or_id: str | int) -> DocumentView:
    document = _document(session, name_or_id)
    # Plain Core rows through the connection: a long transcript has thousands of turns.
    rows = session.connection().execute(
        select(
            Speaker.name,
            Speaker.is_interviewer,
            SpeakerTurn.label_start,
            SpeakerTurn.start,
            SpeakerTurn.end,
            SpeakerTurn.timestamp_ms,
        )
        .select_from(SpeakerTurn)
        .outerjoin(Speaker, SpeakerTurn.speaker_id == Speaker.id)
        .where(SpeakerTurn.document_id == document.id)
        .order_by(SpeakerTurn.start)
    )
    turns = tuple(
        TurnView(name, bool(interviewer), label_start, start, end, timestamp)
        for name, interviewer, label_start, start, end, timestamp in rows
    )
    return DocumentView(
        id=document.id,
        guid=document.guid,
        name=document.name,
        text=document.text,
        participant=document.participant.name if document.participant else None,
        original_filename=document.original_filename,
        original_format=document.original_format,
        content_hash=document.content_hash,
        turns=turns,
    )


def list_documents(session: Session) -> list[DocumentSummary]:
    turn_counts = dict(
        session.execute(select(SpeakerTurn.document_id, func.count()).group_by(SpeakerTurn.document_id)).all()
    )
    coding_counts = dict(session.execute(select(Coding.document_id, func.count()).group_by(Coding.document_id)).all())
    rows = session.execute(
        select(
            Document.id,
            Document.name,
            Participant.name,
            Document.original_filename,
            Document.original_format,
            Document.length,
            Document.imported_at,
        )
        .outerjoin(Participant, Document.participant_id == Participant.id)
        .order_by(Document.name)
    ).all()
    return [
        DocumentSummary(
            id=row[0],
            name=row[1],
            participant=row[2],
            original_filename=row[3],
            original_format=row[4],
            characters=row[5],
            turns=turn_counts.get(row[0], 0),
            codings=coding_counts.get(row[0], 0),
            imported_at=row[6],
        )
        for row in rows
    ]


DOCUMENT_NAME_MAX = 300  # the column's length (a server database enforces it)


def rename_document(session: Session, name_or_id: str | int, new_name: str) -> DocumentRef:
    """Give a document a new name; returns it with the name as stored (white space tidied).

    Names stay unique with case folded, as they are looked up ("student01"
    finds "Student01"): a name another document has in any case is refused.
    Changing only the case of a document's own name is allowed. Everything
    else refers to the document by id (codings, memos, turns, the search
    index) or by its text's hash (the NLP cache, rejected suggestions), so the
    name is the only thing that changes.

    Raises:
        NotFoundError: no such document.
        Refused: the new name is empty, too long, or another document's.
    """
    new_name = unicodedata.normalize("NFC", " ".join(new_name.split()))  # no line breaks or tabs in lists
    if not new_name:
        raise Refused(say("problem.refused.document_name"))
    if len(new_name) > DOCUMENT_NAME_MAX:
        raise Refused(say("problem.refused.document_name_long", limit=DOCUMENT_NAME_MAX))
    document = _document(session, name_or_id)
    if any(other != document.id for other in _named(session, new_name)):
        raise Refused(say("problem.refused.document_exists", name=new_name))
    document.name = new_name
    session.flush()
    return DocumentRef(document.id, document.name)


def delete_document(session: Session, name_or_id: str | int) -> None:
    """Delete a document with its turns, codings and memos, and the NLP cache rows of its text (if no other holds it)."""
    document = _document(session, name_or_id)
    unindex_document(session, document.id)
    session.delete(document)
    session.flush()
    prune_nlp_cache(session)


def set_interviewer(session: Session, speaker_name: str, interviewer: bool = True) -> None:
    speaker = session.scalar(select(Speaker).where(Speaker.name == speaker_name))
    if speaker is None:
        raise NotFoundError(say("problem.not_found.speaker", name=speaker_name))
    speaker.is_interviewer = interviewer


@dataclass(frozen=True)
class SpeakerInfo:
    name: str
    is_interviewer: bool
    turns: int
    documents: int


def list_speakers(session: Session) -> list[SpeakerInfo]:
    rows = session.execute(
        select(
            Speaker.name,
            Speaker.is_interviewer,
            func.count(SpeakerTurn.id),
            func.count(func.distinct(SpeakerTurn.document_id)),
        )
        .outerjoin(SpeakerTurn, SpeakerTurn.speaker_id == Speaker.id)
        .group_by(Speaker.id)
        .order_by(Speaker.name)
    ).all()
    return [SpeakerInfo(name, bool(flag), turns, docs) for name, flag, turns, docs in rows]


def project_info(session: Session) -> ProjectInfo:
    def count(column: object) -> int:
        return session.scalar(select(func.count(column))) or 0  # type: ignore[arg-type]

    name = session.scalar(select(ProjectSetting.value).where(ProjectSetting.key == "name")) or ""
    return ProjectInfo(
        name=name,
        documents=count(Document.id),
        characters=session.scalar(select(func.coalesce(func.sum(Document.length), 0))) or 0,
        participants=count(Participant.id),
        speakers=count(Speaker.id),
        interviewer_speakers=session.scalar(select(func.count(Speaker.id)).where(Speaker.is_interviewer.is_(True)))
        or 0,
        turns=count(SpeakerTurn.id),
        attributes=count(Attribute.id),
        codes=count(Code.id),
        codings=count(Coding.id),
        coders=count(Coder.id),
        memos=count(Memo.id),
    )
