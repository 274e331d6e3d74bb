"""A four-document project whose document names and waves sort differently (quotes ordered by wave)."""

from __future__ import annotations

from pathlib import Path

from lobcoder.importing.extracted import Turn
from lobcoder.participants.links import set_participant
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Attribute, AttributeScope, AttributeType, AttributeValue
from lobcoder.storage.project import ProjectStore

# Document names sort Anna, Bram, Cas, Dirk; the waves are 10, 2, none and 1.
DOCS = {
    "Anna_r10": ("Anna", "10", "Tien rondes later zien we resultaat."),
    "Bram_r2": ("Bram", "2", "In ronde twee zien we resultaat."),
    "Cas": ("Cas", None, "Zonder ronde zien we resultaat."),
    "Dirk_r1": ("Dirk", "1", "Eerst zien we resultaat."),
}


def build_rondes_project(path: Path) -> Path:
    """Each document wholly coded 'Resultaat', its participant set, its wave in the attribute 'ronde'."""
    with ProjectStore.create(path) as store, store.transaction() as session:
        code = create_code(session, "Resultaat").id
        ronde = Attribute(name="ronde", type=AttributeType.CATEGORY, scope=AttributeScope.DOCUMENT)
        session.add(ronde)
        for name, (person, wave, text) in DOCS.items():
            document = add_document(session, name, text, [Turn("R", 0, 0, len(text))]).id
            set_participant(session, document, person)
            if wave is not None:
                session.add(AttributeValue(attribute=ronde, document_id=document, text_value=wave))
            add_coding(session, document, code, 0, len(text))
    return path
