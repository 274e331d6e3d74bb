"""A small real project for team-coding tests, and a way to see all of its coding at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from lobcoder.editing.base import Command
from lobcoder.editing.code_commands import CreateCode
from lobcoder.editing.coding_commands import SetMemo, apply_code
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.services.memos import MemoTarget, set_memo
from lobcoder.storage.models import (
    Attribute,
    AttributeScope,
    AttributeType,
    AttributeValue,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
)
from lobcoder.storage.project import ProjectStore

TEXTS = {
    "Interview 1": "I: Hoe koos je de opleiding?\nAnna: Mijn oom werkt in de zorg, dus ik twijfelde niet.",
    "Interview 2": "I: En daarna?\nBram: Ik wist het echt niet, de mentor hielp me kiezen.",
    "Interview 3": "I: Wat deed de school?\nCees: Het loopbaangesprek met de mentor was nuttig.",
    "Interview 4": "I: Had je twijfels?\nDewi: Ja, ik wilde eerst naar de kapper maar koos voor techniek.",
}
WAVES = {"Interview 1": "1", "Interview 2": "1", "Interview 3": "2", "Interview 4": "2"}
SECRET = "EERSTE-CODEUR-GEHEIM"  # in a memo of the first coder; a blind copy must not hold it anywhere


def span(name: str, words: str) -> tuple[int, int]:
    start = TEXTS[name].index(words)
    return start, start + len(words)


def build_project(path: Path) -> ProjectStore:
    """Four interviews (wave 1 and 2), codes Loopbaan > (Keuze, Twijfel) and Begeleiding, coder Sander."""
    return fill_project(ProjectStore.create(path))


def fill_project(store: ProjectStore) -> ProjectStore:
    """``build_project``'s contents in an empty project (a file, or a server's: the ``store`` fixture)."""
    with store.transaction() as session:
        top = create_code(session, "Loopbaan")
        keuze = create_code(session, "Keuze", top.id)
        twijfel = create_code(session, "Twijfel", top.id)
        begeleiding = create_code(session, "Begeleiding")
        wave = Attribute(name="wave", type=AttributeType.CATEGORY, scope=AttributeScope.DOCUMENT)
        session.add(wave)
        session.flush()
        for name, text in TEXTS.items():
            ref = add_document(session, name, text, participant=text.split("\n")[1].split(":")[0])
            session.add(AttributeValue(attribute_id=wave.id, document_id=ref.id, text_value=WAVES[name]))
        ids = dict(session.execute(select(Document.name, Document.id)).all())
        add_coding(
            session, ids["Interview 1"], keuze.id, *span("Interview 1", "Mijn oom werkt in de zorg"), coder="Sander"
        )
        add_coding(
            session, ids["Interview 2"], twijfel.id, *span("Interview 2", "Ik wist het echt niet"), coder="Sander"
        )
        add_coding(
            session,
            ids["Interview 2"],
            begeleiding.id,
            *span("Interview 2", "de mentor hielp me kiezen"),
            coder="Sander",
        )
        add_coding(
            session, ids["Interview 3"], begeleiding.id, *span("Interview 3", "Het loopbaangesprek"), coder="Sander"
        )
        set_memo(session, MemoTarget("code", keuze.id), "Waarom iemand een opleiding kiest.")
        set_memo(session, MemoTarget("document", ids["Interview 2"]), f"Twijfelt sterk. {SECRET}")
    return store


def run(store: ProjectStore, command: Command) -> Command:
    with store.transaction() as session:
        return command.apply(session)


def ids(store: ProjectStore) -> dict[str, int]:
    with store.read() as session:
        return dict(session.execute(select(Document.name, Document.id)).all())


def code_guid(store: ProjectStore, name: str) -> str:
    with store.read() as session:
        return session.scalars(select(Code.guid).where(Code.name == name)).one()


def code_as(store: ProjectStore, coder: str, document: str, code: str, words: str) -> None:
    """The second coder codes ``words`` of ``document`` with ``code``, as in the app (a command)."""
    run(store, apply_code(ids(store)[document], code_guid(store, code), [span(document, words)], coder))


def codings(session: Session) -> set[tuple[Any, ...]]:
    """Every coding as (document text, document GUID, code GUID, start, end, coder name, coded words)."""
    code, coder = aliased(Code), aliased(Coder)
    rows = session.execute(
        select(Document.guid, Document.text, code.guid, Coding.start, Coding.end, coder.name)
        .join(Document, Coding.document_id == Document.id)
        .join(code, Coding.code_id == code.id)
        .outerjoin(coder, Coding.coder_id == coder.id)
    )
    return {(d.lower(), c.lower(), s, e, who, text[s:e]) for d, text, c, s, e, who in rows}


def everything(session: Session) -> dict[str, Any]:
    """All rows a merge may touch, for before/after comparisons."""
    return {
        "codings": sorted(
            session.execute(
                select(Coding.guid, Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start, Coding.end)
            ).all()
        ),
        "codes": sorted(session.execute(select(Code.guid, Code.name, Code.parent_id, Code.position)).all()),
        "coders": sorted(session.execute(select(Coder.guid, Coder.name)).all()),
        "memos": sorted(
            session.execute(select(Memo.guid, Memo.text, Memo.document_id, Memo.code_id, Memo.coding_id)).all()
        ),
    }


__all__ = ["CreateCode", "SetMemo", "build_project", "code_as", "codings", "everything", "run", "span"]
