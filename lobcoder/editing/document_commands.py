"""Undoable document actions: rename (removal is not undoable; see ``services/document_removal.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.editing.base import Command
from lobcoder.errors import NotFoundError
from lobcoder.i18n.said import say
from lobcoder.services.documents import rename_document
from lobcoder.storage.models import Document


@dataclass
class RenameDocument(Command):
    """Give the document ``guid`` the name ``new``; ``old`` (its name now) only names the action."""

    guid: str
    old: str
    new: str
    label: str = "rename_document"

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
        stored = rename_document(session, document_id, self.new)
        return RenameDocument(self.guid, stored.name, was)
