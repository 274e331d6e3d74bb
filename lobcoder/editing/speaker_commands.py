"""Undoable speaker actions: rename, merge, mark as interviewer, code all turns of speakers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from lobcoder.editing.base import Command
from lobcoder.editing.coding_commands import InsertCodings
from lobcoder.editing.snapshots import CodingSnapshot
from lobcoder.errors import Refused
from lobcoder.i18n.said import say
from lobcoder.services.codes import get_code
from lobcoder.services.speakers import (
    TurnKey,
    already_coded,
    delete_speaker,
    ensure_speaker,
    get_speaker,
    has_turns,
    move_turns,
    rename_speaker,
    set_interviewers,
    turn_keys,
    turn_spans,
)


@dataclass
class RenameSpeaker(Command):
    old: str
    new: str
    label: str = "rename_speaker"

    @property
    def label_args(self) -> dict[str, Any]:
        return {"speaker": self.old}

    def apply(self, session: Session) -> Command:
        stored = rename_speaker(session, self.old, self.new)
        return RenameSpeaker(stored, self.old)


@dataclass
class MoveTurns(Command):
    """Give some turns of each source speaker to ``target`` (created if new).

    A source left without turns is removed, so merging all of a speaker's
    turns leaves one speaker; the inverse gives every turn back.
    """

    moves: dict[str, tuple[TurnKey, ...]]
    target: str
    label: str = "merge_speakers"

    @property
    def label_args(self) -> dict[str, Any]:
        return {"speaker": self.target, "count": len(self.moves)}

    def apply(self, session: Session) -> Command:
        target_name = " ".join(self.target.split())
        moves = {name: keys for name, keys in self.moves.items() if name != target_name}
        if not moves:
            raise Refused(say("problem.refused.other_speaker"))
        first = get_speaker(session, next(iter(moves)))
        target, created = ensure_speaker(session, self.target, first.is_interviewer)
        undo: dict[str, tuple[bool, tuple[TurnKey, ...], bool]] = {}
        for name, keys in moves.items():
            source = get_speaker(session, name)
            flag = source.is_interviewer
            move_turns(session, keys, target)
            emptied = not has_turns(session, source)
            if emptied:
                delete_speaker(session, name)
            undo[name] = (flag, keys, emptied)
        return GiveBackTurns(target.name, undo, created, self.label)


@dataclass
class GiveBackTurns(Command):
    """The undo of :class:`MoveTurns`: the turns go back, removed speakers come back."""

    target: str
    moved: dict[str, tuple[bool, tuple[TurnKey, ...], bool]]  # name -> (interviewer, turns, was removed)
    delete_target: bool = False
    label: str = "merge_speakers"

    @property
    def label_args(self) -> dict[str, Any]:
        return {"speaker": self.target, "count": len(self.moved)}

    def apply(self, session: Session) -> Command:
        get_speaker(session, self.target)
        for name, (is_interviewer, keys, removed) in self.moved.items():
            speaker, created = ensure_speaker(session, name, is_interviewer)
            if removed and not created:
                raise Refused(say("problem.refused.speaker_back", name=name))
            move_turns(session, keys, speaker)
        if self.delete_target:
            delete_speaker(session, self.target)
        return MoveTurns({name: keys for name, (_flag, keys, _removed) in self.moved.items()}, self.target, self.label)


@dataclass
class MergeSpeakers(Command):
    """Give all turns of ``sources`` to ``target`` (created if new) and remove the sources."""

    sources: Sequence[str]
    target: str
    label: str = "merge_speakers"

    @property
    def label_args(self) -> dict[str, Any]:
        return {"speaker": self.target, "count": len(self.sources)}

    def apply(self, session: Session) -> Command:
        moves = {name: turn_keys(session, name) for name in dict.fromkeys(self.sources)}
        return MoveTurns(moves, self.target, self.label).apply(session)


@dataclass
class ReassignInDocument(Command):
    """Give one document's turns of ``sources`` to ``target``: "Speaker 2" is Marieke in this interview.

    ``target`` may be an existing speaker or a new one, which takes over the
    first source's interviewer mark; other documents keep their speakers.
    """

    document_id: int
    sources: Sequence[str]
    target: str
    label: str = "reassign_in_document"

    @property
    def label_args(self) -> dict[str, Any]:
        return {"speaker": self.target, "count": len(self.sources)}

    def apply(self, session: Session) -> Command:
        moves = {name: turn_keys(session, name, self.document_id) for name in dict.fromkeys(self.sources)}
        empty = [name for name, keys in moves.items() if not keys]
        if empty:
            raise Refused(say("problem.refused.no_turns_here", name=empty[0]))
        return MoveTurns(moves, self.target, self.label).apply(session)


@dataclass
class SetInterviewers(Command):
    """Mark speakers as interviewer (True) or respondent (False)."""

    flags: dict[str, bool] = field(default_factory=dict)
    label: str = "mark_interviewer"

    @property
    def label_args(self) -> dict[str, Any]:
        names = list(self.flags)
        return {"speaker": names[0] if len(names) == 1 else "", "count": len(names)}

    def apply(self, session: Session) -> Command:
        return SetInterviewers(set_interviewers(session, self.flags))


def code_speaker_turns(
    session: Session,
    code_guid: str,
    speakers: Sequence[str] | None,
    coder: str | None,
    document_id: int | None = None,
) -> InsertCodings:
    """The command that codes the speech of every turn of ``speakers`` (None: all respondents),
    in every document or in ``document_id`` only.

    Turns that already carry this code over exactly their speech are left out,
    so running it twice adds nothing.

    Raises:
        ValueError: there is no turn to code.
    """
    code = get_code(session, code_guid)
    spans = turn_spans(session, speakers, document_id)
    done = already_coded(session, code.id, spans)
    todo = [span for span in spans if (span.document_id, span.start, span.end) not in done]
    if not todo:
        raise Refused(say("problem.refused.no_uncoded_turns"))
    snaps = [CodingSnapshot.new(s.document_id, code.guid, s.start, s.end, coder) for s in todo]
    return InsertCodings(snaps, label="code_turns")
