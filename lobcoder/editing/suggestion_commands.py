"""Undoable answers to code suggestions: accept one, accept all, reject one.

Accepting is applying the code (an ordinary coding, undone by removing it).
Rejecting stores a rejection row (document content hash, code GUID, span) so
the suggestion is not shown again and trains the model as a negative example;
undo deletes that row. The commands take anything shaped like a
``lobcoder.suggest.ranking.Suggestion``: the editing layer sits below
``lobcoder.suggest`` and does not import it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.editing.base import Command
from lobcoder.editing.coding_commands import InsertCodings
from lobcoder.editing.snapshots import CodingSnapshot
from lobcoder.errors import NotFoundError
from lobcoder.i18n.said import say
from lobcoder.storage.models import Document, SuggestionRejection, new_guid, utcnow


class SuggestedSpan(Protocol):
    @property
    def document_id(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def code_guid(self) -> str: ...
    @property
    def code_name(self) -> str: ...
    @property
    def unit(self) -> str: ...


def _snapshot(suggestion: SuggestedSpan, coder: str | None) -> CodingSnapshot:
    return CodingSnapshot.new(suggestion.document_id, suggestion.code_guid, suggestion.start, suggestion.end, coder)


@dataclass
class AcceptSuggestion(Command):
    """Code the suggested span with the suggested code, at exactly its offsets."""

    suggestion: SuggestedSpan
    coder: str | None
    label: str = "accept_suggestion"
    _insert: InsertCodings = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # The coding's GUID is fixed now, so redo recreates the very same coding.
        self._insert = InsertCodings([_snapshot(self.suggestion, self.coder)], label=self.label)

    @property
    def label_args(self) -> dict[str, Any]:
        return {"code": self.suggestion.code_name}

    def apply(self, session: Session) -> Command:
        return self._insert.apply(session)


@dataclass
class AcceptAll(Command):
    """Accept several suggestions as one undo step."""

    suggestions: Sequence[SuggestedSpan]
    coder: str | None
    label: str = "accept_all_suggestions"
    _insert: InsertCodings = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._insert = InsertCodings([_snapshot(s, self.coder) for s in self.suggestions], label=self.label)

    @property
    def label_args(self) -> dict[str, Any]:
        return {"count": len(self.suggestions)}

    def apply(self, session: Session) -> Command:
        return self._insert.apply(session)


@dataclass
class RejectSuggestion(Command):
    """Remember that this code does not fit this span; the inverse forgets it again."""

    suggestion: SuggestedSpan
    label: str = "reject_suggestion"
    guid: str = field(default_factory=new_guid)
    created_at: datetime = field(default_factory=utcnow)

    @property
    def label_args(self) -> dict[str, Any]:
        return {"code": self.suggestion.code_name}

    def apply(self, session: Session) -> Command:
        s = self.suggestion
        content_hash = session.scalar(select(Document.content_hash).where(Document.id == s.document_id))
        if content_hash is None:
            raise NotFoundError(say("problem.not_found.document_id", id=s.document_id))
        session.add(
            SuggestionRejection(
                guid=self.guid,
                content_hash=content_hash,
                code_guid=s.code_guid,
                start=s.start,
                end=s.end,
                unit=s.unit,
                created_at=self.created_at,
            )
        )
        session.flush()
        return ForgetRejection(self.suggestion, self.guid, self.created_at, self.label)


@dataclass
class ForgetRejection(Command):
    """Undo of a rejection: the suggestion may be shown again."""

    suggestion: SuggestedSpan
    guid: str
    created_at: datetime
    label: str = "reject_suggestion"

    @property
    def label_args(self) -> dict[str, Any]:
        return {"code": self.suggestion.code_name}

    def apply(self, session: Session) -> Command:
        row = session.scalar(select(SuggestionRejection).where(SuggestionRejection.guid == self.guid))
        if row is None:
            raise NotFoundError(say("problem.not_found.rejection"))
        session.delete(row)
        session.flush()
        return RejectSuggestion(self.suggestion, self.label, self.guid, self.created_at)
