"""Everything the window shows of a project, read in one session (no ORM objects).

Counts come from aggregate queries (``services.codings.coding_counts``,
``coded_share``, ``services.codes.code_counts``) and document lengths from
the stored column, so no list reads a text or loads every coding. After a
coding action :func:`read_changes` re-reads only the counts of the documents
the action touched and moves the code counts by what it added and removed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from lobcoder.participants.links import all_document_attributes
from lobcoder.services.codes import CodeInfo, code_counts, counts_in_documents, documents_with_sub_codes, list_codes
from lobcoder.services.codings import (
    CodingView,
    Segment,
    coded_share,
    coding_counts,
    codings_for_document,
    segments,
)
from lobcoder.services.documents import DocumentSummary, DocumentView, get_document, list_documents
from lobcoder.storage.changes import ChangeSet
from lobcoder.storage.project import ProjectStore


@dataclass(frozen=True)
class ProjectSnapshot:
    """The lists the side panes show, refreshed after every change."""

    codes: list[CodeInfo]
    documents: list[DocumentSummary]
    attributes: dict[int, dict[str, object]]
    coded_share: dict[int, float]


def read_overview(store: ProjectStore) -> ProjectSnapshot:
    with store.read() as session:
        documents = list_documents(session)
        return ProjectSnapshot(
            codes=list_codes(session),
            documents=documents,
            attributes=all_document_attributes(session),
            coded_share=coded_share(session),
        )


def read_counts(store: ProjectStore, previous: ProjectSnapshot) -> ProjectSnapshot:
    """After a codebook action only codes and counts change: re-read just those.

    Documents, their texts and attributes are immutable for such actions, so the
    document list is reused with new counts.
    """
    with store.read() as session:
        per_document = coding_counts(session)
        return replace(
            previous,
            codes=list_codes(session),
            documents=[replace(d, codings=per_document.get(d.id, 0)) for d in previous.documents],
            coded_share=coded_share(session),
        )


def read_changes(
    store: ProjectStore, previous: ProjectSnapshot, changes: ChangeSet
) -> tuple[ProjectSnapshot, list[DocumentSummary]]:
    """After an action that changed only codings: the counts of the documents and codes it touched.

    Code counts move by what the action added and removed per (code,
    document) (``changes.counted``), checked against the touched documents
    only, so an action costs the same in a project of 25 or 1,000 documents.
    Returns the new snapshot and the summaries of the touched documents.
    """
    documents: Collection[int] = changes.documents
    with store.read() as session:
        per_document = coding_counts(session, documents) if documents else {}
        shares = coded_share(session, documents) if documents else {}
        if changes.counted is None:
            codes = _recounted_codes(session, previous.codes, changes.codes)
        else:
            codes = _moved_codes(session, previous.codes, changes.counted)
    touched = [replace(d, codings=per_document.get(d.id, 0)) for d in previous.documents if d.id in documents]
    by_id = {d.id: d for d in touched}
    snapshot = replace(
        previous,
        codes=codes,
        documents=[by_id.get(d.id, d) for d in previous.documents] if by_id else previous.documents,
        coded_share={**previous.coded_share, **shares},
    )
    return snapshot, touched


def _recounted_codes(session: Session, previous: list[CodeInfo], changed: Collection[int]) -> list[CodeInfo]:
    """The counts of ``changed`` codes (and, with sub-codes, of their ancestors) counted again over the project."""
    per_code = code_counts(session, changed) if changed else {}
    rolled_up = _with_ancestors(changed, {c.id: c.parent_id for c in previous})
    per_tree = documents_with_sub_codes(session, rolled_up) if rolled_up else {}
    codes = [
        replace(c, codings=per_code.get(c.id, (0, 0))[0], documents=per_code.get(c.id, (0, 0))[1])
        if c.id in changed
        else c
        for c in previous
    ]
    return [replace(c, documents_with_sub_codes=per_tree[c.id]) if c.id in per_tree else c for c in codes]


def _moved_codes(session: Session, previous: list[CodeInfo], counted: Counter[tuple[int, int]]) -> list[CodeInfo]:
    """The previous counts moved by ``counted`` (codings added per code and document).

    A document starts or stops counting for a code (or, with sub-codes, for an
    ancestor) when its codings there go from none to some or back: read the
    counts now in the touched documents, and before = now - added.
    """
    moved = {key: n for key, n in counted.items() if n}
    if not moved:
        return previous
    parents = {c.id: c.parent_id for c in previous}
    children: dict[int | None, list[int]] = {}
    for code_id, parent in parents.items():
        children.setdefault(parent, []).append(code_id)
    affected = _with_ancestors({code_id for code_id, _ in moved}, parents)
    subtrees = {code_id: _subtree(code_id, children) for code_id in affected}
    document_ids = {document_id for _, document_id in moved}
    now = counts_in_documents(session, set().union(*subtrees.values()), document_ids)

    def present(codes: set[int], document_id: int) -> tuple[bool, bool]:
        after = sum(now.get((c, document_id), 0) for c in codes)
        return after > 0, after - sum(moved.get((c, document_id), 0) for c in codes) > 0

    result = []
    for code in previous:
        if code.id not in affected:
            result.append(code)
            continue
        codings, own, tree = code.codings, code.documents, code.documents_with_sub_codes
        for document_id in document_ids:
            codings += moved.get((code.id, document_id), 0)
            after, before = present({code.id}, document_id)
            own += after - before
            after, before = present(subtrees[code.id], document_id)
            tree += after - before
        result.append(replace(code, codings=codings, documents=own, documents_with_sub_codes=tree))
    return result


def _subtree(code_id: int, children: dict[int | None, list[int]]) -> set[int]:
    found, stack = set(), [code_id]
    while stack:
        current = stack.pop()
        if current not in found:
            found.add(current)
            stack.extend(children.get(current, []))
    return found


def _with_ancestors(code_ids: Collection[int], parents: dict[int, int | None]) -> set[int]:
    """``code_ids`` and their ancestors: the codes whose counts with sub-codes a change of ``code_ids`` moves."""
    result: set[int] = set()
    for code_id in code_ids:
        current: int | None = code_id
        while current is not None and current not in result:
            result.add(current)
            current = parents.get(current)
    return result


def read_document(store: ProjectStore, document_id: int) -> tuple[DocumentView, list[CodingView]]:
    with store.read() as session:
        return get_document(session, document_id), codings_for_document(session, document_id)


def read_codings(store: ProjectStore, document_id: int, coding_ids: Collection[int] | None = None) -> list[CodingView]:
    """The codings of a document, or only those of ``coding_ids`` that are (still) in it."""
    with store.read() as session:
        return codings_for_document(session, document_id, coding_ids)


def read_segments(store: ProjectStore, code_ids: list[int]) -> list[Segment]:
    with store.read() as session:
        return segments(session, code_ids)
