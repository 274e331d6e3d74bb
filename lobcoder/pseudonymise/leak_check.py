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
only with its capital, and in a document or memo not where it opens a sentence
or a line (``Wil je koffie?``), or every ``wil`` would be listed. In a label
the capital is enough: a label opens with its first word (speaker ``Wil``,
file ``Bos citaten.docx``), and a code named ``Wil je …`` listed by mistake
costs less than a name missed. Each is one
:class:`Leak` with where it occurs, so the command line and the window can
list them; nothing is changed. An export that writes part of the copy passes a
:class:`Scope` (the codebook: its codes; transcripts: their documents' texts
and names), so the list names only what was shared. Words that are part
of a pseudonym (``School`` in ``School A``) are not looked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lobcoder.i18n import message
from lobcoder.pseudonymise.entities import Location
from lobcoder.pseudonymise.matcher import TermMatcher, entity_key
from lobcoder.pseudonymise.short_forms import PARTICLES, is_ordinary_word, lower_case_words, short_forms
from lobcoder.pseudonymise.sources import LABEL_KINDS, project_labels, project_texts
from lobcoder.pseudonymise.termlist import Decision
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


@dataclass(frozen=True)
class Scope:
    """What an export wrote, so the check looks only there: location ``kinds`` (None: every kind) and, of the
    documents (their texts and names), those with the ids in ``documents`` (None: all). The names of the files
    written (``export_file``) are always looked at.
    """

    kinds: frozenset[str] | None = None
    documents: frozenset[int] | None = None

    def holds(self, location: Location) -> bool:
        if location.kind == "export_file":
            return True
        if self.kinds is not None and location.kind not in self.kinds:
            return False
        return self.documents is None or location.kind not in _DOCUMENT_KINDS or location.id in self.documents


_DOCUMENT_KINDS = ("document", "document_name", "file_name")  # their Location's id is the document's
EVERYTHING = Scope()
CODEBOOK = Scope(frozenset({"code"}))  # a codebook holds its codes' text fields, and nothing else of the project


def transcripts_scope(documents: Iterable[int] | None = None) -> Scope:
    """A transcript export: the texts and names of ``documents`` (None: every document)."""
    return Scope(frozenset({"document", "document_name"}), None if documents is None else frozenset(documents))


def find_leaks(
    texts: Sequence[tuple[Location, str]],
    decisions: Iterable[Decision],
    labels: Sequence[tuple[Location, str]] = (),
    scope: Scope = EVERYTHING,
) -> list[Leak]:
    """Each accepted term or short form in ``texts`` (documents, memos) or ``labels`` (:func:`project_labels`).

    Only the places ``scope`` holds count; which words are common is still judged over all ``texts``.
    """
    accepted = [d for d in decisions if d.accepted and d.pseudonym.strip()]
    pseudonym_words = {w.casefold() for d in accepted for w in d.pseudonym.split()}
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
    # only with its capital (_named).
    words = {k for k, (form, _) in wanted.items() if is_ordinary_word(form, lower)}
    matcher = TermMatcher((form for form, _ in wanted.values()), initial_case=False)
    counts: dict[str, int] = {}
    places: dict[str, set[str]] = {}
    fields: dict[str, set[tuple[str, str]]] = {}
    for location, text in [*texts, *labels]:
        if not scope.holds(location):
            continue
        for match in matcher.find(text):
            key = entity_key(match.term)
            label = location.kind not in ("document", "memo")
            if key in words and not _named(text, match.start, match.end, sentence=not label):
                continue
            counts[key] = counts.get(key, 0) + 1
            if location.kind in ("document", "memo"):
                places.setdefault(key, set()).add(location.name)
            else:
                fields.setdefault(key, set()).add((location.kind, location.name))
    return [
        Leak(
            wanted[key][0],
            wanted[key][1],
            counts[key],
            tuple(sorted(places.get(key, ()))),
            tuple(sorted(fields.get(key, ()), key=_field_order)),
        )
        for key in sorted(counts, key=lambda k: (-counts[k], k))
    ]


_OPENERS = " \t\"'‘“(«-–—"


def _named(text: str, start: int, end: int, sentence: bool = True) -> bool:
    """Whether the word ``text[start:end]`` (``Bos``, ``de Bos``) is written as a name: its core capitalised, and
    in running text (``sentence``) not the first word of a sentence (``Bos zei:`` may be the forest's ``bos``;
    ``De Bos zei:`` is a name). A label (``Bos``, ``Bos citaten.docx``) opens with its first word, so there the
    capital is enough."""
    found = text[start:end].split()
    core = [w for w in found if w.casefold() not in PARTICLES]
    if not core or not all(w[:1].isupper() for w in core):
        return False
    return not sentence or found[0] is not core[0] or not _opens_sentence(text, start)


def _opens_sentence(text: str, at: int) -> bool:
    """Whether ``text[at:]`` starts a sentence, a line, a turn (after ``Roos:``) or the text."""
    while at > 0 and text[at - 1] in _OPENERS:
        at -= 1
    return at == 0 or text[at - 1] in ".!?:;…\n\r"


def _field_order(field: tuple[str, str]) -> tuple[int, str]:
    return LABEL_KINDS.index(field[0]), field[1]


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


def describe(leak: Leak, language: str = "en") -> str:
    """One line: ``Meerwijk (short form of Meerwijk College): 3×, in docent2_ronde1, ...``."""
    shown = list(leak.places[:3])
    if len(leak.places) > 3:
        shown[-1] += " …"
    where = ", ".join([*shown, *(_field(f, language) for f in leak.fields)])
    if entity_key(leak.form) == entity_key(leak.term):
        return message("pseudonymise.leak.term", language, form=leak.form, count=leak.count, places=where)
    return message("pseudonymise.leak.short", language, form=leak.form, term=leak.term, count=leak.count, places=where)


def _field(field: tuple[str, str], language: str) -> str:
    kind, name = field
    return message(f"pseudonymise.leak.field.{kind}", language, name=name)


def report_lines(leaks: Sequence[Leak], language: str = "en") -> list[str]:
    """A header and one line per leak; nothing when there is none."""
    if not leaks:
        return []
    return [message("pseudonymise.leak.header", language, count=len(leaks))] + [describe(x, language) for x in leaks]
