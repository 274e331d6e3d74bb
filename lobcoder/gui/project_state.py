"""Everything the window shows of a project, read in one session (no ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import func, select

from lobcoder.participants.links import all_document_attributes
from lobcoder.services.codes import CodeInfo, list_codes
from lobcoder.services.codings import CodingView, Segment, coded_share, codings_for_document, segments
from lobcoder.services.documents import DocumentSummary, DocumentView, get_document, list_documents
from lobcoder.storage.models import Coding
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
    """After a coding or codebook action only counts change: re-read just those.

    Documents, their texts and attributes are immutable for such actions, so the
    document list (whose lengths cost a scan of every text) is reused.
    """
    with store.read() as session:
        per_document = dict(
            session.execute(select(Coding.document_id, func.count()).group_by(Coding.document_id)).all()
        )
        return replace(
            previous,
            codes=list_codes(session),
            documents=[replace(d, codings=per_document.get(d.id, 0)) for d in previous.documents],
            coded_share=coded_share(session),
        )


def read_document(store: ProjectStore, document_id: int) -> tuple[DocumentView, list[CodingView]]:
    with store.read() as session:
        return get_document(session, document_id), codings_for_document(session, document_id)


def read_codings(store: ProjectStore, document_id: int) -> list[CodingView]:
    with store.read() as session:
        return codings_for_document(session, document_id)


def read_segments(store: ProjectStore, code_ids: list[int]) -> list[Segment]:
    with store.read() as session:
        return segments(session, code_ids)
