"""A hidden pseudonymised copy of the project that a pseudonymised export reads from.

Exports do not pseudonymise on their own: :func:`pseudonymised_copy` builds
the same copy as "Write pseudonymised copy" (:func:`apply.build_copy`: the
same replacements, the same offset moving for codings, turns and memos) under
a hidden temporary name beside the project, ``.NAME.lobcoder.PID.pseudo-export-XXXX``,
and the exporter (transcripts, every report, .qdpx) then reads that copy as
it would read any project. So there is one source of truth for what is
replaced and where codings go. Only accepted decisions with a pseudonym
count. The copy is deleted when the export ends (also on an error or a
cancel); a killed process leaves it for :mod:`storage.leftovers` to remove.
It is built beside the project, not in the system's temporary folder, because
until it is pseudonymised it holds the original texts, which must stay on the
storage the researcher chose for them.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select

from lobcoder.errors import FileProblem, ProjectError
from lobcoder.i18n.said import say
from lobcoder.pseudonymise.apply import Progress, Replacer, build_copy, shared_left_out
from lobcoder.pseudonymise.decisions import load_decisions
from lobcoder.pseudonymise.leak_check import (
    EVERYTHING,
    Leak,
    Scope,
    WrittenCheck,
    leaks_in_files,
    leaks_in_project,
    written_check,
)
from lobcoder.pseudonymise.termlist import Decision
from lobcoder.storage.leftovers import partial_path
from lobcoder.storage.models import Document, Memo
from lobcoder.storage.project import ProjectStore, remove_project_file

T = TypeVar("T")
CancelCheck = Callable[[], bool]


class NoAcceptedDecisions(FileProblem):
    """A pseudonymised export was asked for, but no decision is accepted."""


def accepted_decisions(store: ProjectStore) -> list[Decision]:
    """The project's stored decisions that replace something (accepted, with a pseudonym)."""
    with store.read() as session:
        return [d for d in load_decisions(session) if d.accepted and d.pseudonym.strip()]


def shared_left_out_words(store: ProjectStore, words: Iterable[str]) -> frozenset[str]:
    """The left-out words (Words tab) a pseudonymised copy of ``store`` keeps: :func:`apply.shared_left_out` with
    the replacer the copy uses, which judges by the project's texts which names are also words (``roos``)."""
    words = list(words)
    if not words:
        return frozenset()
    with store.read() as session:
        texts = [*session.scalars(select(Document.text)), *(t for t in session.scalars(select(Memo.text)) if t)]
    return shared_left_out(words, Replacer(accepted_decisions(store)).for_texts(texts))


def shared_stem(stem: str, replacer: Replacer) -> str:
    """A file name (no extension) as a default name for what is shared: no term of ``replacer`` in it.

    ``ROC_Veenstroom_LOB`` -> ``School_A_LOB``; a term hidden inside a word gives ``project``.
    """
    clean = replacer.clean_name(stem)
    return "project" if clean is None else clean


def project_shared_stem(store: ProjectStore) -> str:
    """:func:`shared_stem` of the project's file name, with the accepted decisions stored in the project."""
    return shared_stem(store.path.stem, Replacer(accepted_decisions(store)))


@dataclass(frozen=True)
class PseudonymisedCopy:
    """The open hidden copy, and the replacer that made it (for names the user typed, e.g. a filter value)."""

    store: ProjectStore
    replacer: Replacer
    terms: int
    renamed: dict[str, str] = field(default_factory=dict)  # document, participant and speaker names
    coders: dict[str, str] = field(default_factory=dict)
    chosen: tuple[Decision, ...] = ()  # the accepted decisions the copy was made with

    def leaks_with(self, file_names: Sequence[str], scope: Scope = EVERYTHING) -> tuple[Leak, ...]:
        """Accepted names and their short forms still in the copy (where ``scope`` says the export wrote) or in
        ``file_names`` (the files it wrote).

        Searched only when asked, while the copy is open: an export that does not show them does not pay for them.
        """
        return tuple(leaks_in_project(self.store, self.chosen, file_names, scope))

    def leaks_in_files(self, paths: Sequence[Path]) -> tuple[Leak, ...]:
        """Accepted names and their short forms in the files ``paths`` an export wrote from the copy (read back),
        and in their names; not what the copy holds besides. Asked while the copy is open."""
        return tuple(leaks_in_files(self.store, self.chosen, paths))

    def written_check(self) -> WrittenCheck:
        """The leak check of what an export writes once the copy is gone (the command line writes afterwards)."""
        return written_check(self.store, self.chosen)

    def label(self, text: str) -> str:
        """``text`` as the copy has it when it is a name or an attribute value (``ROC Veenstroom`` -> ``School A``).

        A name the copy changed (a document: ``docent2_joost_ronde1`` -> ``docent2_ronde1``) reads as the
        copy has it. Coders are not looked at: a coder called ``docent`` must not rename the value ``docent``.
        """
        return _renamed(self.renamed, text) or self.replacer.label(text)

    def coder(self, name: str) -> str:
        """A coder's name as the copy has it (``Fenna`` -> ``Coder 1``); an unknown name stays as it is."""
        return _renamed(self.coders, name) or name


@contextmanager
def pseudonymised_copy(
    store: ProjectStore,
    decisions: Sequence[Decision] | None = None,
    *,
    beside: Path | None = None,
    language: str = "en",
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Iterator[PseudonymisedCopy]:
    """Build the hidden copy with ``decisions`` (default: the accepted ones stored in the project), then delete it.

    ``beside`` is a fallback folder (the export's own) for a project in a
    folder that cannot be written; ``language`` words coders (``Coder 1``,
    ``Codeur 1``). The original project is only read.

    Raises:
        NoAcceptedDecisions: there is nothing to replace.
    """
    chosen = accepted_decisions(store) if decisions is None else [d for d in decisions if d.accepted]
    replacer = Replacer(chosen)
    if not replacer.pseudonyms:
        raise NoAcceptedDecisions(store.path.name, say("problem.pseudonymise.no_decisions"))
    target = partial_path(_folder(store.path, beside) / store.path.name, f"pseudo-export-{secrets.token_hex(4)}")
    key = build_copy(store, replacer, target, compact=False, language=language, progress=progress, cancelled=cancelled)
    names = [(f, f["original"], f["pseudonym"]) for f in key["fields"] if f["field"].endswith(".name")]
    renamed = _lookup([(old, new) for f, old, new in names if f["field"] != "coders.name"])
    coders = _lookup([(old, new) for f, old, new in names if f["field"] == "coders.name"])
    try:
        copy = ProjectStore.open(target)
        try:
            yield PseudonymisedCopy(copy, replacer, len(replacer.pseudonyms), renamed, coders, tuple(chosen))
        finally:
            copy.close()
    finally:
        remove_project_file(target)


@dataclass(frozen=True)
class ExportSource:
    """What an export reads: the project itself, or its hidden pseudonymised copy.

    ``label`` gives a name the user typed (a filter value, a document) as
    ``store`` has it, ``coder`` a coder's name; ``terms`` counts the accepted
    decisions (0: not pseudonymised).
    """

    store: ProjectStore
    label: Callable[[str], str]
    coder: Callable[[str], str]
    terms: int = 0
    copy: PseudonymisedCopy | None = None


@contextmanager
def export_source(
    store: ProjectStore,
    pseudonymise: bool,
    *,
    beside: Path | None = None,
    language: str = "en",
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Iterator[ExportSource]:
    """``store`` itself, or (``pseudonymise``) the hidden copy of :func:`pseudonymised_copy`, deleted afterwards."""
    if not pseudonymise:
        yield ExportSource(store, _same, _same)
        return
    with pseudonymised_copy(store, beside=beside, language=language, progress=progress, cancelled=cancelled) as copy:
        yield ExportSource(copy.store, copy.label, copy.coder, copy.terms, copy)


def write_export(
    store: ProjectStore,
    pseudonymise: bool,
    beside: Path,
    write: Callable[..., T],
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    *,
    language: str = "en",
    on_leaks: Callable[[tuple[Leak, ...]], object] | None = None,
    file_names: Sequence[str] = (),
    scope: Scope = EVERYTHING,
) -> T:
    """``write(source, progress=, cancelled=)`` on what :func:`export_source` gives; the copy never outlives it.

    Shaped as a background task (``partial`` all but ``progress`` and
    ``cancelled``), so the GUI runs every export that may be pseudonymised the same way.
    Pseudonymised, once written, ``on_leaks`` (if given) gets the leak check of the copy (what ``scope``
    says the export holds: the codebook only its codes) and of ``file_names`` (the files written), on the same
    thread.
    """
    with export_source(
        store, pseudonymise, beside=beside, language=language, progress=progress, cancelled=cancelled
    ) as source:
        written = write(source.store, progress=progress, cancelled=cancelled)
        if on_leaks is not None and source.copy is not None:
            on_leaks(source.copy.leaks_with(file_names, scope))
        return written


def _same(text: str) -> str:
    return text


def _lookup(names: list[tuple[str, str]]) -> dict[str, str]:
    """Old name -> new name, also by the old name in lower case (an exact spelling goes first)."""
    return {**{old.casefold(): new for old, new in names}, **dict(names)}


def _renamed(names: dict[str, str], text: str) -> str | None:
    return names.get(text) or names.get(text.casefold())


def _folder(project: Path, beside: Path | None) -> Path:
    for folder in (project.parent, beside):
        if folder is not None and folder.is_dir() and os.access(folder, os.W_OK):
            return folder
    raise ProjectError(project, say("problem.pseudonymise.read_only"))
