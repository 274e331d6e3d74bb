"""The codebook as a tree: list, create, edit, move, merge and delete codes."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from lobcoder.errors import NotFoundError, Refused
from lobcoder.i18n.said import say
from lobcoder.storage.models import Code, Coding, Memo

# Distinguishable on white, colour-blind friendly first (Okabe-Ito), then Tableau.
PALETTE = (
    "#e69f00",
    "#56b4e9",
    "#009e73",
    "#f0e442",
    "#0072b2",
    "#d55e00",
    "#cc79a7",
    "#8c564b",
    "#17becf",
    "#bcbd22",
    "#9467bd",
    "#7f7f7f",
)


RICH_FIELDS = ("definition", "inclusion", "exclusion", "examples", "keywords")
"""Codebook fields besides name, colour and description; examples and keywords hold one entry per line."""


@dataclass(frozen=True)
class CodeInfo:
    id: int
    guid: str
    parent_id: int | None
    position: int
    name: str
    color: str
    description: str
    depth: int
    codings: int  # codings with exactly this code
    documents: int  # documents with at least one such coding
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    examples: str = ""
    keywords: str = ""
    documents_with_sub_codes: int = 0  # documents with a coding of this code or a descendant, each once


def _children_map(session: Session) -> dict[int | None, list[Code]]:
    children: dict[int | None, list[Code]] = {}
    for code in session.scalars(select(Code).order_by(Code.position, Code.id)):
        children.setdefault(code.parent_id, []).append(code)
    return children


def code_counts(session: Session, code_ids: Collection[int] | None = None) -> dict[int, tuple[int, int]]:
    """Codings and documents per code (all, or ``code_ids``), over the ``(code_id, document_id)`` index."""
    query = select(Coding.code_id, func.count(), func.count(func.distinct(Coding.document_id))).group_by(Coding.code_id)
    if code_ids is not None:
        query = query.where(Coding.code_id.in_(list(code_ids)))
    return {code_id: (n, docs) for code_id, n, docs in session.execute(query)}


def counts_in_documents(
    session: Session, code_ids: Collection[int], document_ids: Collection[int]
) -> dict[tuple[int, int], int]:
    """Codings per (code, document) for the given codes in the given documents only.

    Over the ``(code_id, document_id)`` index: the cost is that of those
    documents' codings, not of the project's.
    """
    if not code_ids or not document_ids:
        return {}
    query = (
        select(Coding.code_id, Coding.document_id, func.count())
        .where(Coding.code_id.in_(sorted(code_ids)), Coding.document_id.in_(sorted(document_ids)))
        .group_by(Coding.code_id, Coding.document_id)
    )
    return {(code_id, document_id): n for code_id, document_id, n in session.execute(query)}


def documents_with_sub_codes(session: Session, code_ids: Collection[int] | None = None) -> dict[int, int]:
    """Per code (all, or ``code_ids``): the documents coded with it or any descendant, each counted once.

    Reads the distinct (code, document) pairs of the codes' subtrees, not the codings.
    """
    parents: dict[int, int | None] = {
        code_id: parent for code_id, parent in session.execute(select(Code.id, Code.parent_id))
    }
    wanted = set(parents) if code_ids is None else {c for c in code_ids if c in parents}
    children: dict[int | None, list[int]] = {}
    for code_id, parent in parents.items():
        children.setdefault(parent, []).append(code_id)
    query = select(Coding.code_id, Coding.document_id).distinct()
    if code_ids is not None:  # only the wanted codes and everything below them
        below: set[int] = set()
        stack = list(wanted)
        while stack:
            code = stack.pop()
            if code not in below:
                below.add(code)
                stack.extend(children.get(code, []))
        query = query.where(Coding.code_id.in_(sorted(below)))
    found: dict[int, set[int]] = {code_id: set() for code_id in wanted}
    for code_id, document_id in session.execute(query):
        seen: set[int] = set()
        current: int | None = code_id
        while current is not None and current not in seen:  # the code and its ancestors
            seen.add(current)
            if current in found:
                found[current].add(document_id)
            current = parents.get(current)
    return {code_id: len(documents) for code_id, documents in found.items()}


def list_codes(session: Session) -> list[CodeInfo]:
    """All codes, depth first in tree order, with their coding and document counts."""
    counts = code_counts(session)
    rolled = documents_with_sub_codes(session)
    children = _children_map(session)
    result: list[CodeInfo] = []

    def walk(parent: int | None, depth: int) -> None:
        for code in children.get(parent, []):
            n, docs = counts.get(code.id, (0, 0))
            result.append(
                CodeInfo(
                    code.id,
                    code.guid,
                    code.parent_id,
                    code.position,
                    code.name,
                    code.color,
                    code.description,
                    depth,
                    n,
                    docs,
                    **{field: getattr(code, field) for field in RICH_FIELDS},
                    documents_with_sub_codes=rolled.get(code.id, 0),
                )
            )
            walk(code.id, depth + 1)

    walk(None, 0)
    return result


def get_code(session: Session, code: int | str) -> Code:
    """A code by id or GUID (GUIDs compare case-insensitively)."""
    found = (
        session.get(Code, code)
        if isinstance(code, int)
        else session.scalar(select(Code).where(func.lower(Code.guid) == code.lower().strip("{}")))
    )
    if found is None:
        raise NotFoundError(say("problem.not_found.code", code=code))
    return found


def subtree_ids(session: Session, code_id: int) -> list[int]:
    """The code and all its descendants, parents before children."""
    children = _children_map(session)
    ids: list[int] = []
    stack = [code_id]
    while stack:
        current = stack.pop()
        ids.append(current)
        stack.extend(reversed([c.id for c in children.get(current, [])]))
    return ids


def _check_name(session: Session, name: str, parent_id: int | None, exclude: int | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise Refused(say("problem.refused.code_name"))
    if any(c.name.casefold() == name.casefold() and c.id != exclude for c in siblings(session, parent_id)):
        raise Refused(say("problem.refused.code_exists", name=name))
    return name


def _check_details(details: dict[str, str]) -> None:
    unknown = set(details) - set(RICH_FIELDS)
    if unknown:
        raise TypeError(f"unknown code fields: {', '.join(sorted(unknown))}")


def next_color(session: Session) -> str:
    used = session.scalar(select(func.count(Code.id))) or 0
    return PALETTE[used % len(PALETTE)]


def create_code(
    session: Session,
    name: str,
    parent_id: int | None = None,
    *,
    color: str | None = None,
    description: str = "",
    position: int | None = None,
    guid: str | None = None,
    **details: str,
) -> Code:
    """Add a code under ``parent_id`` at ``position`` (default: last).

    ``details`` may set any of :data:`RICH_FIELDS`.
    """
    _check_details(details)
    name = _check_name(session, name, parent_id)
    if parent_id is not None:
        get_code(session, parent_id)
    peers = siblings(session, parent_id)
    position = len(peers) if position is None else max(0, min(position, len(peers)))
    code = Code(
        name=name,
        parent_id=parent_id,
        color=color or next_color(session),
        description=description,
        position=position,
        **details,
    )
    if guid:
        code.guid = guid
    peers.insert(position, code)
    session.add(code)
    renumber(peers)
    session.flush()
    return code


def siblings(session: Session, parent_id: int | None) -> list[Code]:
    """The children of ``parent_id`` (None: top-level codes) in their order."""
    condition = Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
    return list(session.scalars(select(Code).where(condition).order_by(Code.position, Code.id)))


def renumber(codes: list[Code]) -> None:
    """Give ``codes`` the positions 0, 1, 2... in list order."""
    for index, code in enumerate(codes):
        if code.position != index:
            code.position = index


def update_code(
    session: Session,
    code_id: int,
    *,
    name: str | None = None,
    color: str | None = None,
    description: str | None = None,
    **details: str,
) -> Code:
    """Change the given fields of a code (``details``: any of :data:`RICH_FIELDS`)."""
    _check_details(details)
    code = get_code(session, code_id)
    if name is not None:
        code.name = _check_name(session, name, code.parent_id, exclude=code.id)
    if color is not None:
        code.color = color
    if description is not None:
        code.description = description
    for field, value in details.items():
        setattr(code, field, value)
    session.flush()
    return code


def move_code(session: Session, code_id: int, parent_id: int | None, position: int) -> None:
    """Move a code (with its sub-codes) under ``parent_id`` at ``position``."""
    code = get_code(session, code_id)
    if parent_id is not None and parent_id in subtree_ids(session, code_id):
        raise Refused(say("problem.refused.code_into_itself"))
    _check_name(session, code.name, parent_id, exclude=code.id)
    old = [c for c in siblings(session, code.parent_id) if c.id != code.id]
    renumber(old)
    code.parent_id = parent_id
    session.flush()
    new = [c for c in siblings(session, parent_id) if c.id != code.id]
    new.insert(max(0, min(position, len(new))), code)
    renumber(new)
    session.flush()


def count_subtree(session: Session, code_id: int) -> tuple[int, int]:
    """(codes, codings) that deleting ``code_id`` would remove, for the confirmation."""
    ids = subtree_ids(session, code_id)
    codings = session.scalar(select(func.count(Coding.id)).where(Coding.code_id.in_(ids))) or 0
    return len(ids), codings


def delete_code(session: Session, code_id: int) -> None:
    """Delete a code with its sub-codes, their codings and memos."""
    code = get_code(session, code_id)
    parent_id = code.parent_id
    ids = subtree_ids(session, code_id)
    # Explicit deletes (not only the database's cascades) keep the session's
    # identity map true, so a restore in the same transaction cannot collide.
    coding_ids = select(Coding.id).where(Coding.code_id.in_(ids))
    session.execute(delete(Memo).where(Memo.coding_id.in_(coding_ids) | Memo.code_id.in_(ids)))
    session.execute(delete(Coding).where(Coding.code_id.in_(ids)))
    for sub_id in reversed(ids):
        session.delete(session.get(Code, sub_id))
    session.flush()
    renumber(siblings(session, parent_id))


def merge_codes(session: Session, source_id: int, target_id: int) -> None:
    """Give ``target`` all codings and sub-codes of ``source``, then delete ``source``."""
    if source_id == target_id:
        raise Refused(say("problem.refused.merge_itself"))
    if target_id in subtree_ids(session, source_id):
        raise Refused(say("problem.refused.merge_sub_code"))
    source, target = get_code(session, source_id), get_code(session, target_id)
    session.execute(update(Coding).where(Coding.code_id == source.id).values(code_id=target.id))
    session.execute(update(Memo).where(Memo.code_id == source.id).values(code_id=target.id))
    for child in siblings(session, source.id):
        move_code(session, child.id, target.id, len(siblings(session, target.id)))
    delete_code(session, source.id)
