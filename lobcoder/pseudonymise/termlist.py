"""The researcher's term list as CSV: ``term, category, pseudonym`` (+ optional ``decision``).

The same file is what ``pseudonymise detect`` writes (with extra columns for
review: count, confidence, sources, documents, variants) and what ``apply``
and the review window read, so decisions move between machines and projects.
Excel's semicolon CSV and Dutch headers (``term, categorie, pseudoniem,
besluit``) are read too. A bad file raises :class:`TermListError` naming the
file and line, and nothing is read from it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lobcoder.errors import FileProblem
from lobcoder.i18n.said import say
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.entities import Entity
from lobcoder.storage.atomic_file import write_atomically

HEADER = ("term", "category", "pseudonym", "decision", "count", "confidence", "sources", "documents", "variants")
_ALIASES = {
    "term": "term",
    "category": "category",
    "categorie": "category",
    "pseudonym": "pseudonym",
    "pseudoniem": "pseudonym",
    "decision": "decision",
    "besluit": "decision",
}
_REJECT = {"reject", "rejected", "no", "nee", "afwijzen", "afgewezen", "0", "false"}


class TermListError(FileProblem):
    """A term-list CSV that cannot be read."""


@dataclass(frozen=True)
class Decision:
    """Replace ``term`` (and its variants) by ``pseudonym`` everywhere, or (not accepted) leave it."""

    term: str
    category: Category
    pseudonym: str
    accepted: bool = True


def read_term_list(path: str | Path) -> list[Decision]:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TermListError(path, say("problem.cannot_read", reason=exc.strerror or exc)) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = list(reader)
    if not rows:
        raise TermListError(path, say("problem.terms.empty"))
    columns = {_ALIASES[h.strip().casefold()]: i for i, h in enumerate(rows[0]) if h.strip().casefold() in _ALIASES}
    if "term" not in columns:
        raise TermListError(path, say("problem.terms.no_term_column"))
    decisions: list[Decision] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(name: str, row: list[str] = row) -> str:
            i = columns.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        term = " ".join(cell("term").split())
        if not term:
            raise TermListError(path, say("problem.terms.empty_term", line=line))
        accepted = cell("decision").casefold() not in _REJECT
        decisions.append(Decision(term, Category.parse(cell("category")), cell("pseudonym"), accepted))
    return decisions


def write_term_list(path: str | Path, entities: Sequence[Entity]) -> None:
    """Write entities (with their pseudonyms and decisions) as a term list, atomically."""
    path = Path(path)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for e in entities:
        writer.writerow(
            [
                e.term,
                e.category.value,
                e.pseudonym,
                "accept" if e.accepted else "reject",
                e.count,
                f"{e.confidence:.2f}",
                " ".join(e.sources),
                " | ".join(e.documents),
                " | ".join(e.variants),
            ]
        )
    write_atomically(path, lambda stream: stream.write(buffer.getvalue().encode("utf-8")))


def decisions_from_entities(entities: Sequence[Entity]) -> list[Decision]:
    return [Decision(e.term, e.category, e.pseudonym, e.accepted) for e in entities]
