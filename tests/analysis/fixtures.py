"""Small hand-worked projects for the analysis tests; the expected figures are written in the tests."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from lobcoder.importing.extracted import Turn
from lobcoder.participants.links import set_participant
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Attribute, AttributeScope, AttributeType, AttributeValue, Participant
from lobcoder.storage.project import ProjectStore


@dataclass
class Project:
    """Ids by name, and the texts to find spans in."""

    documents: dict[str, int] = field(default_factory=dict)
    codes: dict[str, int] = field(default_factory=dict)
    codings: dict[str, int] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)

    def span(self, document: str, words: str, occurrence: int = 1) -> tuple[int, int]:
        """Where ``words`` (its ``occurrence``-th time) are in a document's text."""
        text, start = self.texts[document], -1
        for _ in range(occurrence):
            start = text.index(words, start + 1)
        return start, start + len(words)


def label_turns(text: str) -> list[Turn]:
    """A turn for every line starting with ``Name:``, to the end of its line.

    Explicit, so the expected figures do not depend on how speaker detection
    weighs labels that occur only once.
    """
    return [
        Turn(m.group(1), m.start(), m.end(1) + 2, m.end()) for m in re.finditer(r"^(\w+): [^\n]*", text, re.MULTILINE)
    ]


def add_text(
    session: Session,
    project: Project,
    name: str,
    text: str,
    participant: str | None = None,
    turns: list[Turn] | None = None,
) -> None:
    ref = add_document(session, name, text, label_turns(text) if turns is None else turns)
    if participant:
        set_participant(session, ref.id, participant)
    project.documents[name] = ref.id
    project.texts[name] = text


def add_codes(session: Session, project: Project, tree: dict[str, str | None]) -> None:
    """``{name: parent name or None}`` in codebook order."""
    for name, parent in tree.items():
        project.codes[name] = create_code(session, name, project.codes[parent] if parent else None).id


def code(
    session: Session,
    project: Project,
    label: str,
    document: str,
    code_name: str,
    words: str | tuple[int, int],
    coder: str = "Fenna",
    occurrence: int = 1,
) -> None:
    start, end = project.span(document, words, occurrence) if isinstance(words, str) else words
    coding = add_coding(session, project.documents[document], project.codes[code_name], start, end, coder=coder)
    project.codings[label] = coding.id


def attribute(session: Session, name: str, scope: AttributeScope, values: dict[int, str], position: int = 0) -> None:
    """A category attribute with text values for document or participant ids."""
    attr = Attribute(name=name, type=AttributeType.CATEGORY, scope=scope, position=position)
    session.add(attr)
    owner = "document_id" if scope is AttributeScope.DOCUMENT else "participant_id"
    session.add_all([AttributeValue(attribute=attr, text_value=v, **{owner: k}) for k, v in values.items()])
    session.flush()


def build_study(store: ProjectStore) -> Project:
    """Two teachers over waves 1 and 3, plus a loose note.

    Codes: Loopbaan (sub-codes Stage, Mentor), Visie, Leeg (unused).
    Codings: c1 Stage, c2 Mentor, c3 Visie in Anna_w1; c4 Mentor, c5 Stage (by
    Sander) in Anna_w3; c6 Visie with c7 Stage nested inside it in Bram_w1; c8
    Visie in the note. Wave 1: Anna_w1, Bram_w1; wave 3: Anna_w3; the note has
    no wave and no participant. Role: Anna docent, Bram slb.
    """
    p = Project()
    with store.transaction() as s:
        add_codes(s, p, {"Loopbaan": None, "Stage": "Loopbaan", "Mentor": "Loopbaan", "Visie": None, "Leeg": None})
        add_text(
            s,
            p,
            "Anna_w1",
            "I: Hoe begon het?\nAnna: De stage was fijn. Mijn mentor hielp.\nI: En de visie?\nAnna: Die is gedeeld.",
            "Anna",
        )
        add_text(s, p, "Anna_w3", "I: Wat is er veranderd?\nAnna: De mentor is weg. De stage bleef.", "Anna")
        add_text(s, p, "Bram_w1", "I: Vertel.\nBram: Visie en stage horen samen.", "Bram")
        add_text(s, p, "Losse notitie", "Een notitie over de visie.")
        code(s, p, "c1", "Anna_w1", "Stage", "De stage was fijn.")
        code(s, p, "c2", "Anna_w1", "Mentor", "Mijn mentor hielp.")
        code(s, p, "c3", "Anna_w1", "Visie", "Die is gedeeld.")
        code(s, p, "c4", "Anna_w3", "Mentor", "De mentor is weg.")
        code(s, p, "c5", "Anna_w3", "Stage", "De stage bleef.", coder="Sander")
        code(s, p, "c6", "Bram_w1", "Visie", "Visie en stage horen samen.")
        code(s, p, "c7", "Bram_w1", "Stage", "stage horen samen.")
        code(s, p, "c8", "Losse notitie", "Visie", "Een notitie over de visie.")
        docs = p.documents
        attribute(
            s, "wave", AttributeScope.DOCUMENT, {docs["Anna_w1"]: "1", docs["Anna_w3"]: "3", docs["Bram_w1"]: "1"}
        )
        people = {person.name: person.id for person in s.query(Participant)}
        attribute(s, "role", AttributeScope.PARTICIPANT, {people["Anna"]: "docent", people["Bram"]: "slb"}, 1)
    return p


UNITS_TEXT = (
    "I: Eerste vraag?\n"
    "Anna: Zin een over A. Zin twee over B.\n"
    "\n"
    "Anna: Zin drie over A en B.\n"
    "I: Tweede vraag?\n"
    "Anna: Zin vier over C."
)


def build_units(store: ProjectStore) -> Project:
    """One transcript for turns, sentences and paragraphs (non-blank lines 0-4).

    A: "Zin een over A." (line 1) and "drie over A" (line 3); B: "Zin twee over
    B." (line 1) and "en B" (line 3); C: "Zin vier over C." (line 5, paragraph
    4); D: the interviewer's "Tweede vraag?" (paragraph 3); E: from the first
    question into Anna's answer; F: the first question with its line break.
    """
    p = Project()
    with store.transaction() as s:
        add_codes(s, p, {"A": None, "B": None, "C": None, "D": None, "E": None, "F": None})
        add_text(s, p, "Interview", UNITS_TEXT, "Anna")
        code(s, p, "a1", "Interview", "A", "Zin een over A.")
        code(s, p, "b1", "Interview", "B", "Zin twee over B.")
        code(s, p, "a2", "Interview", "A", "drie over A")
        code(s, p, "b2", "Interview", "B", "en B")
        code(s, p, "c1", "Interview", "C", "Zin vier over C.")
        code(s, p, "d1", "Interview", "D", "Tweede vraag?")
        start, _ = p.span("Interview", "Eerste vraag?")
        _, end = p.span("Interview", "Zin een")
        code(s, p, "e1", "Interview", "E", (start, end))
        code(s, p, "f1", "Interview", "F", (start, p.span("Interview", "Anna")[0]))
    return p
