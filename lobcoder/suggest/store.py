"""Persistence for suggestions: the NLP cache, trained models and rejections, in the caller's session."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from lobcoder.services.documents import TurnView, get_document
from lobcoder.storage.models import Code, Coding, Document, NlpCache, SuggestionModel, SuggestionRejection
from lobcoder.storage.nlp_cache import load_cached as load_cached  # the NLP cache, shared with the analyses
from lobcoder.storage.nlp_cache import save_cached as save_cached


@dataclass(frozen=True)
class StoredModel:
    id: int
    pipeline: str
    created_at: datetime
    meta: dict[str, Any]  # codes_json, decoded
    examples_count: int
    blob: bytes


@dataclass(frozen=True)
class Rejection:
    guid: str
    content_hash: str
    code_guid: str
    start: int
    end: int
    unit: str


@dataclass(frozen=True)
class CodedDocument:
    """A document with its codings by code GUID: what training and evaluation read."""

    id: int
    name: str
    content_hash: str
    text: str
    turns: tuple[TurnView, ...]
    codings: dict[str, tuple[tuple[int, int], ...]]


def coded_documents(session: Session, document_ids: Iterable[int] | None = None) -> list[CodedDocument]:
    """Documents with codings or rejected suggestions (or the given ones), by name."""
    rows = session.execute(
        select(Coding.document_id, Code.guid, Coding.start, Coding.end)
        .join(Code, Coding.code_id == Code.id)
        .order_by(Coding.document_id, Coding.start, Coding.end, Coding.id)
    ).all()
    codings: dict[int, dict[str, list[tuple[int, int]]]] = {}
    for document_id, guid, start, end in rows:
        codings.setdefault(document_id, {}).setdefault(guid, []).append((start, end))
    if document_ids is None:
        rejected = select(SuggestionRejection.content_hash)
        ids = set(codings) | set(session.scalars(select(Document.id).where(Document.content_hash.in_(rejected))))
    else:
        ids = set(document_ids)
    result = []
    for document_id in sorted(ids):
        view = get_document(session, document_id)
        spans = {guid: tuple(found) for guid, found in sorted(codings.get(document_id, {}).items())}
        result.append(CodedDocument(view.id, view.name, view.content_hash, view.text, view.turns, spans))
    return sorted(result, key=lambda d: d.name)


# -- the NLP cache ----------------------------------------------------------


def clear_cache(session: Session) -> int:
    """Drop every cached parse (they are rebuilt on demand); returns the number of rows."""
    return session.execute(delete(NlpCache)).rowcount or 0  # type: ignore[attr-defined]


# -- trained models ----------------------------------------------------------


def latest_model(session: Session, pipeline: str) -> StoredModel | None:
    row = session.scalar(
        select(SuggestionModel).where(SuggestionModel.pipeline == pipeline).order_by(SuggestionModel.id.desc()).limit(1)
    )
    if row is None:
        return None
    return StoredModel(row.id, row.pipeline, row.created_at, json.loads(row.codes_json), row.examples_count, row.model)


def latest_model_id(session: Session, pipeline: str) -> int | None:
    return session.scalar(
        select(SuggestionModel.id)
        .where(SuggestionModel.pipeline == pipeline)
        .order_by(SuggestionModel.id.desc())
        .limit(1)
    )


def save_model(session: Session, pipeline: str, meta: dict[str, Any], examples_count: int, blob: bytes) -> int:
    """Store a model as the newest for ``pipeline`` and drop the older ones (only the newest is used)."""
    session.execute(delete(SuggestionModel).where(SuggestionModel.pipeline == pipeline))
    row = SuggestionModel(
        pipeline=pipeline,
        codes_json=json.dumps(meta, ensure_ascii=False, sort_keys=True),
        examples_count=examples_count,
        model=blob,
    )
    session.add(row)
    session.flush()
    return row.id


# -- rejections -------------------------------------------------------------


def rejections(session: Session, content_hashes: Sequence[str] | None = None) -> list[Rejection]:
    query = select(SuggestionRejection).order_by(SuggestionRejection.id)
    if content_hashes is not None:
        query = query.where(SuggestionRejection.content_hash.in_(sorted(set(content_hashes))))
    return [Rejection(r.guid, r.content_hash, r.code_guid, r.start, r.end, r.unit) for r in session.scalars(query)]


def document_hashes(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Document.id, Document.content_hash)).all())


def texts_by_hash(session: Session, content_hashes: Sequence[str]) -> dict[str, str]:
    """The text of each of these content hashes (of any document that has it)."""
    wanted = sorted(set(content_hashes))
    found: dict[str, str] = {}
    for chunk in range(0, len(wanted), 500):  # SQLite's limit on bound parameters
        rows = session.execute(
            select(Document.content_hash, Document.text).where(Document.content_hash.in_(wanted[chunk : chunk + 500]))
        )
        found.update({h: t for h, t in rows})
    return found


def document_texts(session: Session) -> list[str]:
    """Every document's text, by id: what the project's vocabulary is counted over."""
    return list(session.scalars(select(Document.text).order_by(Document.id)))
