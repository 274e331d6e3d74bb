"""Speakers after import: rename, merge, mark as interviewer, and the turns to code.

Speakers are project-wide: "Speaker 1" in two transcripts is one speaker, so a
rename or merge applies across the project. The stored texts keep the labels as
they were imported (texts never change, codings point into them); turns,
analyses, quotes and reports use the speaker's current name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from lobcoder.errors import NotFoundError, Refused
from lobcoder.i18n.said import say
from lobcoder.services.documents import SpeakerInfo
from lobcoder.storage.models import Coding, Speaker, SpeakerTurn

TurnKey = tuple[int, int]  # (document id, label_start): a turn, stable across undo and redo


@dataclass(frozen=True)
class TurnSpan:
    document_id: int
    start: int
    end: int


def get_speaker(session: Session, name: str) -> Speaker:
    speaker = session.scalar(select(Speaker).where(Speaker.name == name))
    if speaker is None:
        raise NotFoundError(say("problem.not_found.speaker", name=name))
    return speaker


def clean_speaker_name(name: str) -> str:
    """``name`` with its white space collapsed, as a speaker is stored; Refused if empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise Refused(say("problem.refused.speaker_empty"))
    if len(cleaned) > 200:
        raise Refused(say("problem.refused.speaker_long"))
    return cleaned


def rename_speaker(session: Session, old: str, new: str) -> str:
    """Give a speaker another name; returns the name as stored.

    Raises:
        NotFoundError: no speaker is called ``old``.
        ValueError: the new name is empty or another speaker has it (merge instead).
    """
    speaker = get_speaker(session, old)
    new = clean_speaker_name(new)
    if new != old and session.scalar(select(Speaker.id).where(Speaker.name == new)) is not None:
        raise Refused(say("problem.refused.speaker_exists", name=new))
    speaker.name = new
    session.flush()
    return new


def turn_keys(session: Session, name: str, document_id: int | None = None) -> tuple[TurnKey, ...]:
    """The turns of one speaker (in one document, if given), in document order."""
    speaker = get_speaker(session, name)
    query = select(SpeakerTurn.document_id, SpeakerTurn.label_start).where(SpeakerTurn.speaker_id == speaker.id)
    if document_id is not None:
        query = query.where(SpeakerTurn.document_id == document_id)
    rows = session.execute(query.order_by(SpeakerTurn.document_id, SpeakerTurn.label_start)).all()
    return tuple((document, label_start) for document, label_start in rows)


def has_turns(session: Session, speaker: Speaker) -> bool:
    return session.scalar(select(SpeakerTurn.id).where(SpeakerTurn.speaker_id == speaker.id).limit(1)) is not None


def speaker_names(session: Session) -> frozenset[str]:
    """The speakers an import trusts even when their label occurs once in a new file.

    Only speakers with real dialogue count: at least two turns in one
    document (Marieke, who answered throughout wave 1). A label that became a
    one-turn speaker (a heading let in by "minimum turns 1", or itself let in
    as a known name) is not trusted again, so one wrong turn does not spread
    to every later file.
    """
    rows = session.scalars(
        select(Speaker.name)
        .join(SpeakerTurn, SpeakerTurn.speaker_id == Speaker.id)
        .group_by(Speaker.id, Speaker.name, SpeakerTurn.document_id)
        .having(func.count(SpeakerTurn.id) >= 2)
    )
    return frozenset(rows)


def document_speakers(session: Session, document_id: int) -> list[SpeakerInfo]:
    """The speakers of one document with their turns in it (``documents`` is 1)."""
    rows = session.execute(
        select(Speaker.name, Speaker.is_interviewer, func.count(SpeakerTurn.id))
        .join(SpeakerTurn, SpeakerTurn.speaker_id == Speaker.id)
        .where(SpeakerTurn.document_id == document_id)
        .group_by(Speaker.id)
        .order_by(Speaker.name)
    ).all()
    return [SpeakerInfo(name, bool(flag), turns, 1) for name, flag, turns in rows]


def ensure_speaker(session: Session, name: str, is_interviewer: bool) -> tuple[Speaker, bool]:
    """The speaker called ``name``, created if needed; True when it was created."""
    name = clean_speaker_name(name)
    speaker = session.scalar(select(Speaker).where(Speaker.name == name))
    if speaker is not None:
        return speaker, False
    speaker = Speaker(name=name, is_interviewer=is_interviewer)
    session.add(speaker)
    session.flush()
    return speaker, True


def move_turns(session: Session, keys: Iterable[TurnKey], speaker: Speaker) -> None:
    """Give the turns ``keys`` to ``speaker``."""
    for document_id, label_start in keys:
        session.execute(
            update(SpeakerTurn)
            .where(SpeakerTurn.document_id == document_id, SpeakerTurn.label_start == label_start)
            .values(speaker_id=speaker.id)
        )
    session.flush()


def delete_speaker(session: Session, name: str) -> None:
    """Remove a speaker who has no turns left."""
    speaker = get_speaker(session, name)
    if has_turns(session, speaker):
        raise Refused(say("problem.refused.speaker_has_turns", name=name))
    session.delete(speaker)
    session.flush()


def set_interviewers(session: Session, flags: dict[str, bool]) -> dict[str, bool]:
    """Mark speakers as interviewer (True) or respondent (False); returns the previous flags."""
    previous = {}
    for name, flag in flags.items():
        speaker = get_speaker(session, name)
        previous[name] = speaker.is_interviewer
        speaker.is_interviewer = flag
    session.flush()
    return previous


def turn_spans(session: Session, speakers: Sequence[str] | None, document_id: int | None = None) -> list[TurnSpan]:
    """The speech of the turns of ``speakers`` (None: of every respondent), without empty turns,
    in every document or in ``document_id`` only.

    A respondent is any named speaker not marked as interviewer.
    """
    query = select(SpeakerTurn.document_id, SpeakerTurn.start, SpeakerTurn.end).join(
        Speaker, Speaker.id == SpeakerTurn.speaker_id
    )
    if speakers is None:
        query = query.where(Speaker.is_interviewer.is_(False))
    else:
        for name in speakers:
            get_speaker(session, name)
        query = query.where(Speaker.name.in_(list(speakers)))
    if document_id is not None:
        query = query.where(SpeakerTurn.document_id == document_id)
    rows = session.execute(query.order_by(SpeakerTurn.document_id, SpeakerTurn.start)).all()
    return [TurnSpan(d, s, e) for d, s, e in rows if e > s]


def already_coded(session: Session, code_id: int, spans: Sequence[TurnSpan]) -> set[tuple[int, int, int]]:
    """Which of ``spans`` already carry a coding with exactly this code and span."""
    documents = sorted({span.document_id for span in spans})
    if not documents:
        return set()
    rows = session.execute(
        select(Coding.document_id, Coding.start, Coding.end).where(
            Coding.code_id == code_id, Coding.document_id.in_(documents)
        )
    ).all()
    return {(d, s, e) for d, s, e in rows}
