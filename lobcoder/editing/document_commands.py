"""Undoable document actions: rename (removal is not undoable; see ``services/document_removal.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.editing.base import Command
from lobcoder.errors import NotFoundError, Refused
from lobcoder.i18n.said import say
from lobcoder.services.documents import rename_document
from lobcoder.storage.models import Document


@dataclass
class RenameDocument(Command):
    """Give the document ``guid`` the name ``new``; ``old`` (its name now) only names the action.

    ``expected``, set on an undo or redo: the name the rename it reverses left.
    When the document has another name now, another window or coder renamed
    it since, and putting ``new`` over that would lose their name: refused.
    """

    guid: str
    old: str
    new: str
    label: str = "rename_document"
    expected: str | None = None

    @property
    def label_args(self) -> dict[str, Any]:
        return {"document": self.old}

    def apply(self, session: Session) -> Command:
        document_id = session.scalar(select(Document.id).where(Document.guid == self.guid))
        if document_id is None:
            raise NotFoundError(say("problem.not_found.document", name=self.old))
        before = session.get(Document, document_id)
        assert before is not None
        was = before.name
        if self.expected is not None and was != self.expected:
            raise Refused(say("problem.changed.document_name", now=was, was=self.expected))
        stored = rename_document(session, document_id, self.new)
        return RenameDocument(self.guid, stored.name, was, expected=stored.name)
