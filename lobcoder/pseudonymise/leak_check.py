"""The last look before a pseudonymised copy or export is shared: which accepted name is still in it?

After the copy is written, its texts (documents and memos) and its labels
(:func:`sources.project_labels`: speaker and participant names, attribute
values, codes, document and file names, the project's name) are searched for
every accepted term and for the short forms of every accepted name
(:mod:`short_forms`: ``Meerwijk`` of ``Meerwijk College``, ``Marieke`` of
``Marieke de Vries``) that the decisions do not replace: a short form the
researcher unticked, or one the review never proposed because the term was
typed in. The search ignores case (``marieke`` in an e-mail address is
found, though the copy replaced only ``Marieke``), except for a name that is
also a common word by the rule of :mod:`short_forms` (``Wil``, ``Bos``,
``Roos`` where the texts write ``roos`` mostly in lower case): that counts
only where it is written as the name, by the rule the copy replaces it by
(:mod:`word_names`): with its capital, and in a document or memo not where it
opens a sentence followed by a subject pronoun (``Wil je koffie?``), or
every ``wil`` would be listed. Such a capitalised place the copy kept is
listed apart, as a :class:`Leak` with ``kept_as_word``, to be looked at: a
transcript without the comma of address (``Roos ik heb een vraag``) leaves
the name there. In a label
the capital is enough: a label opens with its first word (speaker ``Wil``,
file ``Bos citaten.docx``), and a code named ``Wil je …`` listed by mistake
costs less than a name missed. Each is one
:class:`Leak` with where it occurs, so the command line and the window can
list them; nothing is changed. An export that writes part of the copy passes a
:class:`Scope` (the codebook: its codes, or a branch's; transcripts: their
documents' texts and names), so the list names only what was shared; an
analysis export (a table) is read back from the files it wrote
(:func:`leaks_in_files`, :mod:`written_text`). Words that are part
of a pseudonym (``School`` in ``School A``) are not looked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.i18n import message
from lobcoder.pseudonymise.entities import Location
from lobcoder.pseudonymise.matcher import TermMatcher, entity_key
from lobcoder.pseudonymise.short_forms import is_ordinary_word, lower_case_words, short_forms
from lobcoder.pseudonymise.sources import LABEL_KINDS, project_labels, project_texts
from lobcoder.pseudonymise.termlist import Decision
from lobcoder.pseudonymise.word_names import kept_as_word, written_as_name
from lobcoder.pseudonymise.written_text import KIND as WRITTEN
from lobcoder.pseudonymise.written_text import written_texts
from lobcoder.storage.models import Code
from lobcoder.storage.project import ProjectStore


@dataclass(frozen=True)
class Leak:
    """``form`` (``Meerwijk``), a short form of the accepted ``term`` or the term itself, still in ``places``.

    ``places`` are documents and memos by name; ``fields`` the labels it is in, as (kind, name) with a kind
    of :data:`sources.LABEL_KINDS` and the attribute's or code's name (``("attribute", "school")``).
    """

    form: str
    term: str
    count: int
    places: tuple[str, ...]
    fields: tuple[tuple[str, str], ...] = ()
    # a name that is also a word, capitalised and opening a sentence before a subject pronoun: the copy keeps it
    # as the verb (``Wil je dat?``), but a transcript without the comma of address (``Roos ik heb een vraag``)
    # leaves the name so; listed apart, to be looked at
    kept_as_word: bool = False


@dataclass(frozen=True)
class Scope:
    """What an export wrote, so the check looks only there: location ``kinds`` (None: every kind); of the
    documents (their texts and names), those with the ids in ``documents`` (None: all); of the codes, those with
    the ids in ``codes`` (None: all). The names of the files written (``export_file``) are always looked at.
    """

    kinds: frozenset[str] | None = None
    documents: frozenset[int] | None = None
    codes: frozenset[int] | None = None

    def holds(self, location: Location) -> bool:
        if location.kind == "export_file":
            return True
        if self.kinds is not None and location.kind not in self.kinds:
            return False
        if location.kind == "code":
            return self.codes is None or location.id in self.codes
        return self.documents is None or location.kind not in _DOCUMENT_KINDS or location.id in self.documents


_DOCUMENT_KINDS = ("document", "document_name", "file_name")  # their Location's id is the document's
_RUNNING_TEXT = ("document", "memo", "memo_title", WRITTEN)  # sentences, where a name that is a word may open one
EVERYTHING = Scope()
CODEBOOK = Scope(frozenset({"code"}))  # a codebook holds its codes' text fields, and nothing else of the project
WRITTEN_FILES = Scope(frozenset({WRITTEN}))  # what an export wrote, read back (written_text)


def codebook_scope(session: Session, branch_guid: str | None = None) -> Scope:
    """A codebook export: every code, or (``branch_guid``) the code with that guid and the codes under it."""
    if branch_guid is None:
        return CODEBOOK
    rows = session.execute(select(Code.id, Code.guid, Code.parent_id)).all()
    wanted = branch_guid.strip().strip("{}").lower()
    chosen = {row.id for row in rows if row.guid.lower() == wanted}
    children: dict[int | None, list[int]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row.id)
    todo = list(chosen)
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in chosen:
                chosen.add(child)
                todo.append(child)
    return Scope(frozenset({"code"}), codes=frozenset(chosen))


def transcripts_scope(documents: Iterable[int] | None = None) -> Scope:
    """A transcript export: the texts and names of ``documents`` (None: every document)."""
    return Scope(frozenset({"document", "document_name"}), None if documents is None else frozenset(documents))


def find_leaks(
    texts: Sequence[tuple[Location, str]],
    decisions: Iterable[Decision],
    labels: Sequence[tuple[Location, str]] = (),
    scope: Scope = EVERYTHING,
    lower: frozenset[str] | None = None,
) -> list[Leak]:
    """Each accepted term or short form in ``texts`` (documents, memos) or ``labels`` (:func:`project_labels`).

    Only the places ``scope`` holds count; which words are common is still judged over all ``texts`` (or given
    as ``lower``, :func:`lower_case_words` of the copy's texts, once the copy is gone).
    """
    accepted = [d for d in decisions if d.accepted and d.pseudonym.strip()]
    pseudonym_words = {w.casefold() for d in accepted for w in d.pseudonym.split()}
    if lower is None:
        lower = lower_case_words(text for _, text in texts)
    replaced = {entity_key(d.term) for d in accepted}
    wanted: dict[str, tuple[str, str]] = {}  # key -> (form, accepted term)
    for d in accepted:
        wanted.setdefault(entity_key(d.term), (d.term, d.term))
        for form in short_forms(d.term, d.category, lower):
            if entity_key(form) not in replaced:
                wanted.setdefault(entity_key(form), (form, d.term))
    wanted = {k: v for k, v in wanted.items() if k not in pseudonym_words}
    if not wanted:
        return []
    # Any case: ``marieke@meerwijk.nl`` is what the replacer (capital required) left behind; a word is a name
    # only where written as one (word_names).
    words = {k for k, (form, _) in wanted.items() if is_ordinary_word(form, lower)}
    matcher = TermMatcher((form for form, _ in wanted.values()), initial_case=False)
    counts: dict[tuple[str, bool], int] = {}  # (key, kept as a word)
    places: dict[tuple[str, bool], set[str]] = {}
    fields: dict[tuple[str, bool], set[tuple[str, str]]] = {}
    for location, text in [*texts, *labels]:
        if not scope.holds(location):
            continue
        running = location.kind in _RUNNING_TEXT
        for match in matcher.find(text):
            key = entity_key(match.term)
            kept = False
            if key in words and not written_as_name(text, match.start, match.end, sentence=running):
                if not (running and kept_as_word(text, match.start, match.end)):
                    continue  # the word: ``wil``, ``Bos`` in a label is always the name
                kept = True
            counts[key, kept] = counts.get((key, kept), 0) + 1
            if location.kind in ("document", "memo"):
                places.setdefault((key, kept), set()).add(location.name)
            else:
                fields.setdefault((key, kept), set()).add((location.kind, location.name))
    return [
        Leak(
            wanted[found[0]][0],
            wanted[found[0]][1],
            counts[found],
            tuple(sorted(places.get(found, ()))),
            tuple(sorted(fields.get(found, ()), key=_field_order)),
            found[1],
        )
        for found in sorted(counts, key=lambda f: (f[1], -counts[f], f[0]))  # the leaks first, then what to check
    ]


def _field_order(field: tuple[str, str]) -> tuple[int, int, str]:
    kind, name = field
    return LABEL_KINDS.index(kind), int(name) if kind == "memo_title" else 0, name  # memo 2 before memo 10


def leaks_in_project(
    store: ProjectStore, decisions: Iterable[Decision], file_names: Sequence[str] = (), scope: Scope = EVERYTHING
) -> list[Leak]:
    """:func:`find_leaks` over the documents, memos and labels of ``store`` (a pseudonymised copy) ``scope`` holds.

    ``file_names``: the names of the files an export wrote from it, checked too (``Meerwijk citaten.docx``).
    """
    with store.read() as session:
        texts = list(project_texts(session))
        labels = list(project_labels(session))
    labels += [(Location("export_file", 0, ""), name) for name in file_names]
    return find_leaks(texts, decisions, labels, scope)


def leaks_in_files(store: ProjectStore, decisions: Iterable[Decision], paths: Sequence[Path]) -> list[Leak]:
    """:func:`find_leaks` in what the files ``paths`` hold (:mod:`written_text`) and in their names, only.

    ``store`` is the pseudonymised copy they were written from: its texts decide which names are also words.
    """
    return written_check(store, decisions).in_files(paths)


@dataclass(frozen=True)
class WrittenCheck:
    """The leak check of what an export writes from a pseudonymised copy, usable after the copy is deleted.

    ``lower``: :func:`lower_case_words` of the copy's texts, read while it was open (which names are words).
    """

    decisions: tuple[Decision, ...]
    lower: frozenset[str]

    def in_files(self, paths: Sequence[Path]) -> list[Leak]:
        """In what the files hold (:mod:`written_text`) and in their names."""
        labels = [*written_texts(paths), *((Location("export_file", 0, ""), path.name) for path in paths)]
        return find_leaks((), self.decisions, labels, WRITTEN_FILES, self.lower)

    def in_printed(self, texts: Iterable[str]) -> list[Leak]:
        """In ``texts`` printed as a report (a title, a cell, a note each)."""
        where = Location(WRITTEN, 0, "")
        labels = [(where, text) for text in texts if text]
        return find_leaks((), self.decisions, labels, WRITTEN_FILES, self.lower)


def written_check(store: ProjectStore, decisions: Iterable[Decision]) -> WrittenCheck:
    """:class:`WrittenCheck` for an export from ``store`` (the pseudonymised copy, open)."""
    with store.read() as session:
        lower = lower_case_words(text for _, text in project_texts(session))
    return WrittenCheck(tuple(decisions), lower)


def describe(leak: Leak, language: str = "en") -> str:
    """One line: ``Meerwijk (short form of Meerwijk College): 3×, in docent2_ronde1, ...``."""
    shown = list(leak.places[:3])
    if len(leak.places) > 3:
        shown[-1] += " …"
    where = ", ".join([*shown, *(_field(f, language) for f in leak.fields)])
    if leak.kept_as_word:
        return message("pseudonymise.leak.kept", language, form=leak.form, count=leak.count, places=where)
    if entity_key(leak.form) == entity_key(leak.term):
        return message("pseudonymise.leak.term", language, form=leak.form, count=leak.count, places=where)
    return message("pseudonymise.leak.short", language, form=leak.form, term=leak.term, count=leak.count, places=where)


def _field(field: tuple[str, str], language: str) -> str:
    kind, name = field
    if kind == WRITTEN and not name:  # WrittenCheck.in_printed
        return message("pseudonymise.leak.field.printed", language)
    return message(f"pseudonymise.leak.field.{kind}", language, name=name)


def report_lines(leaks: Sequence[Leak], language: str = "en") -> list[str]:
    """A header and one line per leak; nothing when there is none."""
    if not leaks:
        return []
    return [message("pseudonymise.leak.header", language, count=len(leaks))] + [describe(x, language) for x in leaks]
