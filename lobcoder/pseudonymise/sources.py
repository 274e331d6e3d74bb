"""What the project itself knows: its texts to search, and the names it already holds.

Participants are people (proposed as ``<Role> <n>`` when a participant attribute
names their role, otherwise ``Deelnemer <n>``); speakers other than the
interviewer are people, unless their label is a role ("Docent", "Respondent 2":
the words speaker detection knows as respondent labels); values of participant or document attributes whose
name says school, organisation or place are organisations or places.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.importing.speaker_patterns import DEFAULT_RESPONDENT_NAMES, keyed, name_key
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.entities import Location
from lobcoder.services.left_out_words import KEY as LEFT_OUT
from lobcoder.storage.models import (
    Attribute,
    AttributeValue,
    Code,
    Document,
    Memo,
    Participant,
    ProjectSetting,
    Speaker,
)

ROLE_ATTRIBUTES = ("role", "rol", "functie", "function")
_SCHOOL_WORDS = ("school", "roc", "college", "instelling")
_ORGANISATION_WORDS = ("organisatie", "organisation", "werkgever", "employer", "bedrijf", "company", "stagebedrijf")
_PLACE_WORDS = ("plaats", "woonplaats", "city", "place", "gemeente", "stad", "vestiging")
_PERSON_WORDS = ("naam", "name", "mentor", "slb", "begeleider")


@dataclass(frozen=True)
class KnownTerm:
    term: str
    category: Category
    pseudonym: str = ""  # proposed here (participants) or left to the numbering


def project_texts(session: Session) -> Iterator[tuple[Location, str]]:
    """Every document text and every memo text, documents first, by name."""
    for doc_id, name, text in session.execute(
        select(Document.id, Document.name, Document.text).order_by(Document.name)
    ):
        yield Location("document", doc_id, name), text
    for memo_id, title, text in session.execute(select(Memo.id, Memo.title, Memo.text).order_by(Memo.id)):
        if text:
            yield Location("memo", memo_id, f"memo {memo_id}" + (f": {title}" if title else "")), text


# "export_file": the name of a file an export wrote (``Meerwijk citaten.docx``), added by the export;
# "written": a paragraph or cell of such a file, read back (written_text)
LABEL_KINDS = (
    "speaker",
    "participant",
    "document_name",
    "file_name",
    "attribute",
    "code",
    "project_name",
    "memo_title",
    "left_out",
    "written",
    "export_file",
)
_CODE_TEXTS = ("name", "description", "definition", "inclusion", "exclusion", "examples", "keywords")


def project_labels(session: Session) -> Iterator[tuple[Location, str]]:
    """The short texts besides the documents and memos that a copy or an export shows (one of :data:`LABEL_KINDS`).

    Speaker names, participant names and descriptions, document names and original file
    names, attribute values (the location names the attribute), every text field of a code
    (the location names the code: code names and keywords are the researcher's and the copy
    keeps them), the project's name, memo titles and the words left out of the word frequencies.
    """
    for speaker_id, name in session.execute(select(Speaker.id, Speaker.name).order_by(Speaker.id)):
        yield Location("speaker", speaker_id, ""), name
    for row in session.execute(select(Participant.id, Participant.name, Participant.description)):
        yield Location("participant", row.id, ""), f"{row.name}\n{row.description}"
    for doc_id, name, filename in session.execute(
        select(Document.id, Document.name, Document.original_filename).order_by(Document.name)
    ):
        yield Location("document_name", doc_id, ""), name
        if filename:
            yield Location("file_name", doc_id, ""), filename
    values = session.execute(
        select(AttributeValue.id, Attribute.name, AttributeValue.text_value)
        .join(Attribute)
        .where(AttributeValue.text_value.is_not(None))
    )
    for value_id, attribute, value in values:
        yield Location("attribute", value_id, attribute), value or ""
    for code in session.execute(select(Code.id, *(getattr(Code, f) for f in _CODE_TEXTS))):
        yield Location("code", code.id, code.name), "\n".join(getattr(code, f) or "" for f in _CODE_TEXTS)
    for (value,) in session.execute(select(ProjectSetting.value).where(ProjectSetting.key == "name")):
        yield Location("project_name", 0, ""), value
    for memo_id, title in session.execute(select(Memo.id, Memo.title).where(Memo.title != "").order_by(Memo.id)):
        yield Location("memo_title", memo_id, str(memo_id)), title  # by number: its title may be the leak
    for (value,) in session.execute(select(ProjectSetting.value).where(ProjectSetting.key == LEFT_OUT)):
        yield Location("left_out", 0, ""), value


def attribute_category(name: str) -> Category | None:
    word = name.casefold()
    for words, category in (
        (_SCHOOL_WORDS, Category.SCHOOL),
        (_ORGANISATION_WORDS, Category.ORGANISATION),
        (_PLACE_WORDS, Category.PLACE),
        (_PERSON_WORDS, Category.PERSON),
    ):
        if any(w in word for w in words):
            return category
    return None


def known_terms(session: Session) -> list[KnownTerm]:
    terms: list[KnownTerm] = []
    roles = _participant_roles(session)
    numbers: dict[str, int] = {}
    participants = session.execute(select(Participant.id, Participant.name).order_by(Participant.id)).all()
    for participant_id, name in participants:
        role = roles.get(participant_id, "Deelnemer")
        numbers[role] = numbers.get(role, 0) + 1
        terms.append(KnownTerm(name, Category.PERSON, f"{role} {numbers[role]}"))
    names = {name.casefold() for _, name in participants}
    role_words = keyed(DEFAULT_RESPONDENT_NAMES)
    for name, interviewer in session.execute(select(Speaker.name, Speaker.is_interviewer).order_by(Speaker.name)):
        is_role = name_key(name) in role_words  # "Docent": also an ordinary word, and in attributes
        if not interviewer and not is_role and len(name) > 2 and name.casefold() not in names:
            terms.append(KnownTerm(name, Category.PERSON))
    rows = session.execute(
        select(Attribute.name, AttributeValue.text_value).join(Attribute).where(AttributeValue.text_value.is_not(None))
    )
    seen: set[str] = set()
    for attribute, value in rows:
        category = attribute_category(attribute)
        value = (value or "").strip()
        if category is not None and value and value.casefold() not in seen:
            seen.add(value.casefold())
            terms.append(KnownTerm(value, category))
    return terms


def _participant_roles(session: Session) -> dict[int, str]:
    rows = session.execute(
        select(AttributeValue.participant_id, Attribute.name, AttributeValue.text_value)
        .join(Attribute)
        .where(AttributeValue.participant_id.is_not(None))
    )
    roles: dict[int, str] = {}
    for participant_id, attribute, value in rows:
        if participant_id is not None and attribute.casefold() in ROLE_ATTRIBUTES and value and value.strip():
            role = value.strip()
            roles[participant_id] = role[:1].upper() + role[1:]
    return roles
