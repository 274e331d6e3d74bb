"""Another project's coding work as plain values: what a merge reads from the other file.

The other project is read once, in its own read-only session, into frozen
dataclasses; planning and applying a merge never touch the other file again.
Rows are named by GUID (lower case), the only names that survive a copy,
a REFI-QDA round trip and a rename.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.i18n.said import Said
from lobcoder.services.codes import RICH_FIELDS
from lobcoder.storage.models import Code, Coder, Coding, Document, Memo, ProjectSetting


@dataclass(frozen=True)
class OtherDocument:
    guid: str
    name: str
    text: str
    content_hash: str


@dataclass(frozen=True)
class OtherCode:
    guid: str
    name: str
    parent_guid: str | None
    color: str
    description: str
    details: tuple[tuple[str, str], ...] = ()  # the rich fields, as (field, value) pairs


@dataclass(frozen=True)
class OtherCoder:
    guid: str
    name: str


@dataclass(frozen=True)
class OtherCoding:
    guid: str
    document_guid: str
    code_guid: str
    coder_guid: str | None
    start: int
    end: int
    created_at: datetime


@dataclass(frozen=True)
class OtherMemo:
    guid: str
    kind: str  # "project", "document", "code" or "coding"
    target_guid: str | None  # None for the project memo
    title: str
    text: str
    coder_guid: str | None
    created_at: datetime
    modified_at: datetime


@dataclass(frozen=True)
class OtherProject:
    """Everything a merge takes from the other project. Codes come parents first."""

    name: str
    documents: tuple[OtherDocument, ...]
    codes: tuple[OtherCode, ...]
    coders: tuple[OtherCoder, ...]
    codings: tuple[OtherCoding, ...]
    memos: tuple[OtherMemo, ...]
    notes: tuple[Said, ...] = ()  # what reading the file had to repair or leave out


def read_other_project(session: Session, notes: tuple[Said, ...] = ()) -> OtherProject:
    """Read the project behind ``session`` (a read-only session of the *other* file)."""
    name = session.scalar(select(ProjectSetting.value).where(ProjectSetting.key == "name")) or ""
    documents = tuple(
        OtherDocument(guid.lower(), doc_name, text, content_hash)
        for guid, doc_name, text, content_hash in session.execute(
            select(Document.guid, Document.name, Document.text, Document.content_hash).order_by(Document.name)
        )
    )
    doc_guids = {doc_id: guid.lower() for doc_id, guid in session.execute(select(Document.id, Document.guid))}
    coders = {c.id: c for c in session.scalars(select(Coder).order_by(Coder.id))}
    rows = list(session.scalars(select(Code).order_by(Code.position, Code.id)))
    by_id = {code.id: code for code in rows}
    code_guids = {code.id: code.guid.lower() for code in rows}
    codes: list[OtherCode] = []
    children: dict[int | None, list[Code]] = {}
    for code in rows:
        children.setdefault(code.parent_id if code.parent_id in by_id else None, []).append(code)

    def walk(parent: int | None) -> None:
        for code in children.get(parent, []):
            codes.append(
                OtherCode(
                    code_guids[code.id],
                    code.name,
                    code_guids[code.parent_id] if code.parent_id in by_id else None,
                    code.color,
                    code.description,
                    tuple((field, getattr(code, field)) for field in RICH_FIELDS),
                )
            )
            walk(code.id)

    walk(None)

    def coder_guid(coder_id: int | None) -> str | None:
        return coders[coder_id].guid.lower() if coder_id in coders else None

    coding_guids: dict[int, str] = {}
    codings = []
    for row in session.execute(
        select(Coding.id, Coding.guid, Coding.document_id, Coding.code_id, Coding.coder_id)
        .add_columns(Coding.start, Coding.end, Coding.created_at)
        .order_by(Coding.document_id, Coding.start, Coding.end, Coding.id)
    ):
        coding_id, guid, document_id, code_id, coder_id, start, end, created_at = row
        coding_guids[coding_id] = guid.lower()
        codings.append(
            OtherCoding(
                guid.lower(), doc_guids[document_id], code_guids[code_id], coder_guid(coder_id), start, end, created_at
            )
        )
    memos = []
    for memo in session.scalars(select(Memo).order_by(Memo.id)):
        if memo.coding_id is not None:
            kind, target = "coding", coding_guids.get(memo.coding_id)
        elif memo.code_id is not None:
            kind, target = "code", code_guids.get(memo.code_id)
        elif memo.document_id is not None:
            kind, target = "document", doc_guids.get(memo.document_id)
        else:
            kind, target = "project", None
        memos.append(
            OtherMemo(
                memo.guid.lower(),
                kind,
                target,
                memo.title,
                memo.text,
                coder_guid(memo.coder_id),
                memo.created_at,
                memo.modified_at,
            )
        )
    return OtherProject(
        name,
        documents,
        tuple(codes),
        tuple(OtherCoder(c.guid.lower(), c.name) for c in coders.values()),
        tuple(codings),
        tuple(memos),
        notes,
    )
