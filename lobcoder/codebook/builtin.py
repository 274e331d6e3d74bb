"""The research codebook that ships with lobcoder (Dutch and English), and putting it into a project.

The codebook lives in ``resources/codebook/lob_codebook.json``: four themes (collective
learning, transformational leadership, vision, communication) with their
sub-codes, grounded in the reports of the "Stimuleringsproject LOB in het mbo".
Each code has one fixed GUID shared by both languages, so a Dutch and an
English project code the same things under the same identities and their
exports can be compared or merged by GUID.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lobcoder.errors import LobcoderError
from lobcoder.i18n.said import say
from lobcoder.services.codebook_data import Codebook, CodebookCode
from lobcoder.services.codes import create_code, siblings
from lobcoder.storage.models import Code
from lobcoder.storage.project import ProjectStore, remove_project_file
from lobcoder.util.shipped import shipped

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
DATA_FILE = "lob_codebook.json"


class CodebookConflictError(LobcoderError):
    """The project already holds codes that the codebook would add; nothing was changed."""


@dataclass(frozen=True)
class BuiltinInfo:
    """What the documents say about the built-in codebook besides its codes."""

    title: str
    description: str
    date: date


@cache
def _data() -> dict[str, Any]:
    text = shipped("codebook", DATA_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"no built-in codebook in {language!r}; choose one of {', '.join(LANGUAGES)}")


def _code(entry: dict[str, Any], language: Language) -> CodebookCode:
    texts = entry[language]
    return CodebookCode(
        guid=entry["guid"],
        name=texts["name"],
        color=entry["color"],
        description=texts["description"],
        definition=texts["definition"],
        inclusion=texts["inclusion"],
        exclusion=texts["exclusion"],
        examples="\n".join(texts["examples"]),
        keywords="\n".join(texts["keywords"]),
        children=tuple(_code(child, language) for child in entry.get("children", ())),
    )


def load_builtin_codebook(language: Language) -> Codebook:
    """The research codebook with names and texts in ``language`` ("nl" or "en")."""
    _check_language(language)
    return Codebook(
        codes=tuple(_code(entry, language) for entry in _data()["codes"]),
        origin=f"lobcoder built-in codebook ({language})",
    )


def load_builtin_info(language: Language) -> BuiltinInfo:
    """Title, one-paragraph description and version date of the research codebook."""
    _check_language(language)
    data = _data()
    return BuiltinInfo(data[language]["title"], data[language]["description"], date.fromisoformat(data["date"]))


def add_codebook_to_project(session: Session, codebook: Codebook) -> int:
    """Create every code of ``codebook`` with its GUID, fields, hierarchy and order; how many were made.

    Top-level codes go after the project's own. This is plain creation, meant
    for a new or unrelated project: if any GUID, or any top-level name, is
    already taken it raises :class:`CodebookConflictError` before changing
    anything. Merging into a project that has these codes is the codebook
    import's job (``editing.codebook_import``), which matches by GUID.
    """
    wanted = [code.guid.lower() for _, code in codebook.walk()]
    query = select(func.lower(Code.guid), Code.name).where(func.lower(Code.guid).in_(wanted))
    existing = {guid: name for guid, name in session.execute(query)}
    taken = [existing[guid] for guid in wanted if guid in existing]
    if taken:
        if len(taken) > 1:
            raise CodebookConflictError(say("problem.builtin.same_guids", name=taken[0], more=len(taken) - 1))
        raise CodebookConflictError(say("problem.builtin.same_guid", name=taken[0]))
    tops = {code.name.casefold() for code in siblings(session, None)}
    clash = next((code.name for code in codebook.codes if " ".join(code.name.split()).casefold() in tops), None)
    if clash is not None:
        raise CodebookConflictError(say("problem.builtin.same_name", name=clash))

    def add(code: CodebookCode, parent_id: int | None) -> int:
        details: dict[str, Any] = code.details()
        row = create_code(
            session,
            code.name,
            parent_id,
            color=code.color or None,
            description=code.description,
            guid=code.guid.lower(),
            **details,
        )
        return 1 + sum(add(child, row.id) for child in code.children)

    return sum(add(code, None) for code in codebook.codes)


def create_project_with_codebook(path: str | Path, language: Language, name: str | None = None) -> Path:
    """A new project file at ``path`` that starts with the research codebook in ``language``.

    If adding the codebook fails the new file is removed again, so the name
    holds either a complete project or nothing.
    """
    codebook = load_builtin_codebook(language)
    path = Path(path)
    store = ProjectStore.create(path, name)
    try:
        with store.transaction() as session:
            add_codebook_to_project(session, codebook)
    except BaseException:
        store.close()
        remove_project_file(path)
        raise
    store.close()
    return path
