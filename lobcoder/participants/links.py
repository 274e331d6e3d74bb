"""Link documents to participants and read attribute values back as plain values."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.errors import NotFoundError, Refused
from lobcoder.i18n.said import say
from lobcoder.storage.models import (
    Attribute,
    AttributeScope,
    AttributeType,
    AttributeValue,
    Document,
    Participant,
)


@dataclass(frozen=True)
class ParticipantInfo:
    """A participant as views see it: no live ORM objects."""

    name: str
    documents: tuple[str, ...]
    attributes: dict[str, object] = field(default_factory=dict)


def find_participant(session: Session, name: str) -> Participant | None:
    """The participant called ``name``, compared case-insensitively.

    Sheets and typed input spell names inconsistently ("Docent01", "docent01");
    treating those as one person avoids near-duplicate participants. An exact
    match wins when the project already holds names differing only in case.
    """
    wanted = name.strip()
    candidates = [p for p in session.scalars(select(Participant)) if p.name.casefold() == wanted.casefold()]
    for participant in candidates:
        if participant.name == wanted:
            return participant
    return candidates[0] if candidates else None


def set_participant(session: Session, document_id: int, participant_name: str | None) -> str | None:
    """Link a document to a participant (created if needed), or unlink it with None.

    Returns the stored name of the linked participant, which may differ in case
    from ``participant_name`` when the participant already existed.
    """
    document = session.get(Document, document_id)
    if document is None:
        raise NotFoundError(say("problem.not_found.document_id", id=document_id))
    if participant_name is None:
        document.participant = None
        return None
    name = participant_name.strip()
    if not name:
        raise Refused(say("problem.refused.participant_name"))
    participant = find_participant(session, name)
    if participant is None:
        participant = Participant(name=name)
        session.add(participant)
    document.participant = participant
    session.flush()
    return participant.name


def stored_value(value: AttributeValue, kind: AttributeType) -> object:
    """The Python value of one stored attribute value (float, date or str)."""
    if kind is AttributeType.NUMBER:
        return value.number_value
    if kind is AttributeType.DATE:
        return value.date_value
    return value.text_value


def _values_by_owner(session: Session, scope: AttributeScope) -> dict[int, dict[str, object]]:
    rows = session.execute(
        select(AttributeValue, Attribute)
        .join(Attribute, AttributeValue.attribute_id == Attribute.id)
        .where(Attribute.scope == scope)
        .order_by(Attribute.position, Attribute.id)
    ).all()
    result: dict[int, dict[str, object]] = {}
    for value, attribute in rows:
        owner = value.participant_id if scope is AttributeScope.PARTICIPANT else value.document_id
        if owner is None:
            continue
        current = stored_value(value, attribute.type)
        if current is not None:
            result.setdefault(owner, {})[attribute.name] = current
    return result


def list_participants(session: Session) -> list[ParticipantInfo]:
    """Every participant with its documents and attribute values, sorted by name."""
    values = _values_by_owner(session, AttributeScope.PARTICIPANT)
    documents: dict[int, list[str]] = {}
    for doc_name, participant_id in session.execute(select(Document.name, Document.participant_id)):
        if participant_id is not None:
            documents.setdefault(participant_id, []).append(doc_name)
    participants = session.scalars(select(Participant)).all()
    return [
        ParticipantInfo(
            name=p.name,
            documents=tuple(sorted(documents.get(p.id, []), key=str.casefold)),
            attributes=values.get(p.id, {}),
        )
        for p in sorted(participants, key=lambda p: p.name.casefold())
    ]


def document_attributes(session: Session, document_id: int) -> dict[str, object]:
    """The values that apply to a document: its own, else its participant's.

    A document-scope value overrides a participant-scope attribute of the same
    name, so a per-interview ``school`` can correct the participant's usual one.
    """
    document = session.get(Document, document_id)
    if document is None:
        raise NotFoundError(say("problem.not_found.document_id", id=document_id))
    rows = session.execute(
        select(AttributeValue, Attribute)
        .join(Attribute, AttributeValue.attribute_id == Attribute.id)
        .where(
            (AttributeValue.document_id == document_id)
            | ((AttributeValue.participant_id == document.participant_id) & AttributeValue.participant_id.is_not(None))
        )
        .order_by(Attribute.position, Attribute.id)
    ).all()
    result: dict[str, object] = {}
    for scope in (AttributeScope.PARTICIPANT, AttributeScope.DOCUMENT):
        for value, attribute in rows:
            current = stored_value(value, attribute.type)
            if attribute.scope is scope and current is not None:
                result[attribute.name] = current
    return result


def all_document_attributes(session: Session) -> dict[int, dict[str, object]]:
    """``document_attributes`` for every document at once (three queries, not 3 × N)."""
    own = _values_by_owner(session, AttributeScope.DOCUMENT)
    inherited = _values_by_owner(session, AttributeScope.PARTICIPANT)
    result: dict[int, dict[str, object]] = {}
    for document_id, participant_id in session.execute(select(Document.id, Document.participant_id)):
        values = dict(inherited.get(participant_id, {})) if participant_id is not None else {}
        values.update(own.get(document_id, {}))
        result[document_id] = values
    return result
