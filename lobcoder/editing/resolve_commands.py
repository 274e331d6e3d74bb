"""Resolving a disagreement between two coders on one unit of text, as one undoable action.

A disagreement is a code and a stretch of text (a sentence, a turn, a coded
segment...) where coder A and coder B coded differently. Resolving it decides
what the coding there *should* be: A's codings, B's, both (their union) or
none, each cut to the unit. **Recode** takes the code off the unit (as
"neither") and codes what either coder coded there with another code
instead, joined with what the written coder already had of that code. The
decision is written

* to both coders, so that they agree from then on (the default), or
* to a consensus coder only, leaving A and B as they coded, so the agreement
  figures stay those of the independent coding.

A coding of the written coder that reaches outside the unit keeps its part
outside the unit (without white space at its ends); the part inside is
replaced by the decision (touching pieces are joined into one coding). A
replaced coding's memo moves to the new coding that takes its place. Undo
brings back the very same codings, memos included.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.editing.base import Command, Macro
from lobcoder.editing.coding_commands import InsertCodings, RemoveCodings
from lobcoder.editing.snapshots import CodingSnapshot, MemoSnapshot, snapshot_coding
from lobcoder.errors import LobcoderError
from lobcoder.i18n.said import say
from lobcoder.services.codes import get_code
from lobcoder.storage.models import Coder, Coding, Document

Choice = Literal["first", "second", "both", "neither", "recode"]
CHOICES: tuple[Choice, ...] = ("first", "second", "both", "neither", "recode")
Interval = tuple[int, int]


def merge(intervals: list[Interval], join_touching: bool = True) -> list[Interval]:
    """The union of intervals as sorted disjoint intervals; touching ones are joined too."""
    merged: list[Interval] = []
    for start, end in sorted(intervals):
        if merged and (start < merged[-1][1] or (join_touching and start == merged[-1][1])):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _codings(session: Session, document_id: int, code_id: int, coder: str, start: int, end: int) -> list[Coding]:
    """The coder's codings of the code that share a character with ``[start, end)``."""
    return list(
        session.scalars(
            select(Coding)
            .join(Coder, Coder.id == Coding.coder_id)
            .where(
                Coding.document_id == document_id,
                Coding.code_id == code_id,
                Coder.name == coder,
                Coding.start < end,
                Coding.end > start,
            )
            .order_by(Coding.start, Coding.id)
        )
    )


def _inside(codings: list[Coding], start: int, end: int) -> list[Interval]:
    return merge([(max(c.start, start), min(c.end, end)) for c in codings])


def _trim(text: str, start: int, end: int) -> Interval | None:
    """The piece without white space at its ends (a coding cut at a sentence keeps no trailing blank)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _memos_by_piece(session: Session, replaced: list[Coding], pieces: list[Interval]) -> list[tuple[MemoSnapshot, ...]]:
    """The memos of the codings being replaced, each moved to the first new piece that overlaps its coding."""
    moved: list[list[MemoSnapshot]] = [[] for _ in pieces]
    for coding in replaced:
        memos = snapshot_coding(session, coding).memos
        home = next((i for i, (s, e) in enumerate(pieces) if s < coding.end and e > coding.start), None)
        if memos and home is not None:
            moved[home].extend(memos)
    return [tuple(found) for found in moved]


@dataclass
class ResolveDisagreement(Command):
    """Make the coding of ``code_guid`` in ``[start, end)`` of a document what ``choice`` says.

    ``first`` and ``second`` name the two coders; with ``consensus`` the
    decision is written only to that coder (created on first use). The
    choice ``recode`` needs ``recode_to``, the guid of the code to put there
    instead.
    """

    document_id: int
    code_guid: str
    start: int
    end: int
    first: str
    second: str
    choice: Choice
    consensus: str | None = None
    code_name: str = ""  # for the name of the action
    label: str = "resolve_disagreement"
    recode_to: str | None = None
    recode_name: str = ""  # for the name of the action

    @property
    def label_args(self) -> dict[str, Any]:
        return {"code": self.code_name, "choice": self.choice, "target": self.recode_name}

    def apply(self, session: Session) -> Command:
        if self.choice not in CHOICES:
            raise LobcoderError(say("problem.resolve.unknown", choice=self.choice, choices=", ".join(CHOICES)))
        if self.choice == "recode" and (not self.recode_to or self.recode_to == self.code_guid):
            raise LobcoderError(say("problem.resolve.recode_target"))
        code = get_code(session, self.code_guid)
        self.code_name = code.name
        coders = [self.first, self.second, *([self.consensus] if self.consensus else [])]
        found = {coder: _codings(session, self.document_id, code.id, coder, self.start, self.end) for coder in coders}
        chosen = {
            "first": [self.first],
            "second": [self.second],
            "both": [self.first, self.second],
            "neither": [],
            "recode": [],
        }[self.choice]
        text = session.scalar(select(Document.text).where(Document.id == self.document_id)) or ""
        decision = merge([piece for coder in chosen for piece in _inside(found[coder], self.start, self.end)])
        targets = [self.consensus] if self.consensus else [self.first, self.second]
        steps = self._write(session, text, self.code_guid, targets, found, {t: decision for t in targets})
        if self.choice == "recode" and self.recode_to:
            disputed = [
                piece for coder in (self.first, self.second) for piece in _inside(found[coder], self.start, self.end)
            ]
            new_code = get_code(session, self.recode_to)
            self.recode_name = new_code.name
            held = {t: _codings(session, self.document_id, new_code.id, t, self.start, self.end) for t in targets}
            wanted = {t: merge(disputed + _inside(held[t], self.start, self.end)) for t in targets}
            steps += self._write(session, text, self.recode_to, targets, held, wanted)
        return Macro(steps, self.label, self.label_args).apply(session)

    def _write(
        self,
        session: Session,
        text: str,
        code_guid: str,
        targets: list[str],
        found: dict[str, list[Coding]],
        decisions: dict[str, list[Interval]],
    ) -> list[Command]:
        """The steps that make each target coder's coding of the code inside the unit its decision."""
        steps: list[Command] = []
        for target in targets:
            decision = decisions[target]
            if _inside(found[target], self.start, self.end) == decision:
                continue
            outside = [(c.start, self.start) for c in found[target] if c.start < self.start]
            outside += [(self.end, c.end) for c in found[target] if c.end > self.end]
            pieces = merge([piece for piece in (_trim(text, *p) for p in outside) if piece] + decision)
            if found[target]:
                steps.append(RemoveCodings([c.guid for c in found[target]]))
            if pieces:
                memos = _memos_by_piece(session, found[target], pieces)
                snaps = [
                    replace(CodingSnapshot.new(self.document_id, code_guid, s, e, target), memos=memos[i])
                    for i, (s, e) in enumerate(pieces)
                ]
                steps.append(InsertCodings(snaps))
        return steps
