"""The codebook as plain frozen values, for exchange files and printed codebooks.

Exporters (.qdc, .qdpx, Word, Markdown) and the codebook import all speak
these dataclasses, so none of them touches ORM rows and none of them depends
on another's file format.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy.orm import Session

from lobcoder.errors import NotFoundError
from lobcoder.i18n.said import say
from lobcoder.services.codes import RICH_FIELDS, CodeInfo, list_codes


@dataclass(frozen=True)
class CodebookCode:
    """One code with its sub-codes; examples and keywords hold one entry per line."""

    guid: str
    name: str
    color: str
    description: str = ""
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    examples: str = ""
    keywords: str = ""
    is_codable: bool = True
    children: tuple[CodebookCode, ...] = ()

    def details(self) -> dict[str, str]:
        """The rich fields (:data:`RICH_FIELDS`) by name."""
        return {field: getattr(self, field) for field in RICH_FIELDS}


@dataclass(frozen=True)
class CodebookSet:
    """A named group of codes (REFI-QDA ``<Set>``); lobcoder only passes them through."""

    guid: str
    name: str
    description: str = ""
    member_guids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Codebook:
    codes: tuple[CodebookCode, ...]
    sets: tuple[CodebookSet, ...] = ()
    origin: str = ""

    def walk(self) -> Iterator[tuple[tuple[str, ...], CodebookCode]]:
        """Every code depth first, parents before children, with its name path."""
        return walk(self.codes)

    def count(self) -> int:
        return sum(1 for _ in self.walk())


def walk(codes: tuple[CodebookCode, ...], path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], CodebookCode]]:
    """``(name path, code)`` for ``codes`` and all their descendants, in tree order."""
    for code in codes:
        here = (*path, code.name)
        yield here, code
        yield from walk(code.children, here)


def codebook_from_project(session: Session, root_guid: str | None = None) -> Codebook:
    """The project's codebook, or only the branch under ``root_guid`` (that code included)."""
    infos = list_codes(session)
    by_parent: dict[int | None, list[CodeInfo]] = {}
    for info in infos:
        by_parent.setdefault(info.parent_id, []).append(info)

    def build(info: CodeInfo) -> CodebookCode:
        return CodebookCode(
            guid=info.guid,
            name=info.name,
            color=info.color,
            description=info.description,
            **{field: getattr(info, field) for field in RICH_FIELDS},
            children=tuple(build(sub) for sub in by_parent.get(info.id, [])),
        )

    if root_guid is None:
        tops = by_parent.get(None, [])
    else:
        wanted = root_guid.strip().strip("{}").lower()
        tops = [info for info in infos if info.guid.lower() == wanted]
        if not tops:
            raise NotFoundError(say("problem.not_found.code", code=root_guid))
    return Codebook(codes=tuple(build(info) for info in tops), origin="lobcoder")
