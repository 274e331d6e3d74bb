"""Linking documents to participants and reading effective attribute values."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from lobcoder.errors import NotFoundError
from lobcoder.participants.links import (
    ParticipantInfo,
    document_attributes,
    list_participants,
    set_participant,
)
from lobcoder.storage.models import (
    Attribute,
    AttributeScope,
    AttributeType,
    AttributeValue,
    Document,
    Participant,
)
from lobcoder.storage.project import ProjectStore
from lobcoder.text.normalize import content_hash


@pytest.fixture
def ids(store: ProjectStore) -> dict[str, int]:
    with store.transaction() as session:
        documents = [Document(name=n, text=n, content_hash=content_hash(n)) for n in ("Anna_w1", "Anna_w2", "Bram_w1")]
        session.add_all(documents)
        session.flush()
        return {d.name: d.id for d in documents}


def test_set_participant_creates_once_and_matches_case(store: ProjectStore, ids: dict[str, int]) -> None:
    with store.transaction() as session:
        assert set_participant(session, ids["Anna_w1"], " Anna ") == "Anna"
        assert set_participant(session, ids["Anna_w2"], "anna") == "Anna"
    with store.read() as session:
        assert [p.name for p in session.scalars(select(Participant))] == ["Anna"]
        assert list_participants(session) == [ParticipantInfo("Anna", ("Anna_w1", "Anna_w2"), {})]


def test_unlink_and_errors(store: ProjectStore, ids: dict[str, int]) -> None:
    with store.transaction() as session:
        set_participant(session, ids["Bram_w1"], "Bram")
        assert set_participant(session, ids["Bram_w1"], None) is None
        with pytest.raises(ValueError):
            set_participant(session, ids["Bram_w1"], "  ")
        with pytest.raises(NotFoundError):
            set_participant(session, 9999, "Bram")
    with store.read() as session:
        assert list_participants(session) == [ParticipantInfo("Bram", (), {})]
        with pytest.raises(NotFoundError):
            document_attributes(session, 9999)


def test_document_values_override_participant_values(store: ProjectStore, ids: dict[str, int]) -> None:
    with store.transaction() as session:
        set_participant(session, ids["Anna_w1"], "Anna")
        set_participant(session, ids["Anna_w2"], "Anna")
        anna = session.scalars(select(Participant)).one()
        school_p = Attribute(name="school", type=AttributeType.CATEGORY, scope=AttributeScope.PARTICIPANT, position=0)
        born = Attribute(name="geboren", type=AttributeType.DATE, scope=AttributeScope.PARTICIPANT, position=1)
        school_d = Attribute(name="school", type=AttributeType.CATEGORY, scope=AttributeScope.DOCUMENT, position=2)
        hours = Attribute(name="uren", type=AttributeType.NUMBER, scope=AttributeScope.DOCUMENT, position=3)
        session.add_all(
            [
                AttributeValue(attribute=school_p, participant_id=anna.id, text_value="Da Vinci College"),
                AttributeValue(attribute=born, participant_id=anna.id, date_value=date(1980, 5, 1)),
                AttributeValue(attribute=school_d, document_id=ids["Anna_w2"], text_value="Het Lyceum"),
                AttributeValue(attribute=hours, document_id=ids["Anna_w2"], number_value=1.5),
                AttributeValue(attribute=hours, document_id=ids["Bram_w1"], number_value=2.0),
            ]
        )
    with store.read() as session:
        assert document_attributes(session, ids["Anna_w1"]) == {
            "school": "Da Vinci College",
            "geboren": date(1980, 5, 1),
        }
        assert document_attributes(session, ids["Anna_w2"]) == {
            "school": "Het Lyceum",
            "geboren": date(1980, 5, 1),
            "uren": 1.5,
        }
        assert document_attributes(session, ids["Bram_w1"]) == {"uren": 2.0}
        assert list_participants(session) == [
            ParticipantInfo("Anna", ("Anna_w1", "Anna_w2"), {"school": "Da Vinci College", "geboren": date(1980, 5, 1)})
        ]


def test_all_document_attributes_agrees_with_one_by_one(store) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from lobcoder.participants.links import all_document_attributes, document_attributes
    from lobcoder.storage.models import Attribute, AttributeScope, AttributeType, AttributeValue, Document

    with store.transaction() as session:
        a = Document(name="A", text="a", content_hash="1")
        b = Document(name="B", text="b", content_hash="2")
        session.add_all([a, b])
        session.flush()
        set_participant(session, a.id, "Anna")
        school = Attribute(name="school", type=AttributeType.CATEGORY, scope=AttributeScope.PARTICIPANT)
        wave = Attribute(name="school", type=AttributeType.CATEGORY, scope=AttributeScope.DOCUMENT)
        session.add_all([school, wave])
        session.flush()
        session.add(AttributeValue(attribute_id=school.id, participant_id=a.participant_id, text_value="ROC Zuid"))
        session.add(AttributeValue(attribute_id=wave.id, document_id=b.id, text_value="Da Vinci"))
    with store.read() as session:
        ids = list(session.scalars(select(Document.id)))
        bulk = all_document_attributes(session)
        assert bulk == {i: document_attributes(session, i) for i in ids}
        assert sorted(bulk.values(), key=str) == [{"school": "Da Vinci"}, {"school": "ROC Zuid"}]
