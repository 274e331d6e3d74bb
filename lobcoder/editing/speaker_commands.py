"""Undoable speaker actions: rename, merge, mark as interviewer, code all turns of speakers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from lobcoder.editing.base import Command
from lobcoder.editing.coding_commands import InsertCodings
from lobcoder.editing.snapshots import CodingSnapshot
from lobcoder.services.codes import get_code
from lobcoder.services.speakers import (
    TurnKey,
    already_coded,
    delete_speaker,
    ensure_speaker,
    get_speaker,
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
class MergeSpeakers(Command):
    """Give all turns of ``sources`` to ``target`` (created if new) and remove the sources."""

    sources: Sequence[str]
    target: str
    label: str = "merge_speakers"

    @property
    def label_args(self) -> dict[str, Any]:
        return {"speaker": self.target, "count": len(self.sources)}

    def apply(self, session: Session) -> Command:
        sources = [name for name in dict.fromkeys(self.sources) if name != " ".join(self.target.split())]
        if not sources:
            raise ValueError("choose at least one other speaker to merge")
        first = get_speaker(session, sources[0])
        target, created = ensure_speaker(session, self.target, first.is_interviewer)
        moved: dict[str, tuple[bool, tuple[TurnKey, ...]]] = {}
        for name in sources:
            source = get_speaker(session, name)
            keys = turn_keys(session, name)
            moved[name] = (source.is_interviewer, keys)
            move_turns(session, keys, target)
            delete_speaker(session, name)
        return SplitSpeaker(target.name, moved, created)


@dataclass
class SplitSpeaker(Command):
    """The undo of a merge: the merged speakers come back with their own turns."""

    target: str
    moved: dict[str, tuple[bool, tuple[TurnKey, ...]]]
    delete_target: bool = False
    label: str = "merge_speakers"

    @property
    def label_args(self) -> dict[str, Any]:
        return {"speaker": self.target, "count": len(self.moved)}

    def apply(self, session: Session) -> Command:
        get_speaker(session, self.target)
        for name, (is_interviewer, keys) in self.moved.items():
            speaker, created = ensure_speaker(session, name, is_interviewer)
            if not created:
                raise ValueError(f"a speaker named {name!r} exists again; the merge cannot be undone")
            move_turns(session, keys, speaker)
        if self.delete_target:
            delete_speaker(session, self.target)
        return MergeSpeakers(list(self.moved), self.target)


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
    session: Session, code_guid: str, speakers: Sequence[str] | None, coder: str | None
) -> InsertCodings:
    """The command that codes the speech of every turn of ``speakers`` (None: all respondents).

    Turns that already carry this code over exactly their speech are left out,
    so running it twice adds nothing.

    Raises:
        ValueError: there is no turn to code.
    """
    code = get_code(session, code_guid)
    spans = turn_spans(session, speakers)
    done = already_coded(session, code.id, spans)
    todo = [span for span in spans if (span.document_id, span.start, span.end) not in done]
    if not todo:
        raise ValueError("there are no uncoded turns of these speakers")
    snaps = [CodingSnapshot.new(s.document_id, code.guid, s.start, s.end, coder) for s in todo]
    return InsertCodings(snaps, label="code_turns")
