"""``--pseudonymise`` for the export and report commands: read a hidden pseudonymised copy instead of the project."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from lobcoder.i18n import message
from lobcoder.storage.project import ProjectStore

if TYPE_CHECKING:
    from lobcoder.pseudonymise.export_copy import ExportSource
    from lobcoder.pseudonymise.leak_check import Leak, Scope, WrittenCheck

HELP = (
    "replace personal data by the pseudonyms of the accepted decisions stored in the project "
    "(File → Pseudonymise…, or 'pseudonymise save' with the CSV reviewed from 'pseudonymise detect'); the project itself is not changed"
)


def add_flag(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    parser.add_argument("--pseudonymise", action="store_true", help=HELP)


@contextmanager
def project_to_export(
    path: Path,
    pseudonymise: bool,
    out: Path | None = None,
    language: str = "en",
    scope: Scope | Callable[[ExportSource], Scope] | None = None,
    later: bool = False,
) -> Iterator[ExportSource]:
    """The store to read and how a name the user typed (a filter value, a document; a coder) reads in it.

    ``out`` is the file written (its folder takes the hidden copy if the project's folder is read-only);
    ``language`` words the note that the copy is pseudonymised (a command's ``--language``) and the
    coders in the copy (``Coder 1``, ``Codeur 1``). ``scope`` limits the leak check to what the command writes
    (:data:`leak_check.CODEBOOK`, or a function of the source: the documents chosen by name); default: the
    whole copy. ``later``: the command checks what it writes itself, after writing (a report:
    :func:`written_check` and :func:`print_leaks`).
    """
    from lobcoder.pseudonymise.export_copy import export_source

    beside = out.parent if out is not None else None
    with (
        ProjectStore.open(path) as store,
        export_source(store, pseudonymise, beside=beside, language=language) as source,
    ):
        if pseudonymise:
            print(message("cli.pseudonymised", language, count=source.terms), file=sys.stderr)
        if pseudonymise and not later:
            from lobcoder.pseudonymise.leak_check import EVERYTHING, report_lines

            assert source.copy is not None  # export_source made the copy, or raised
            where = scope(source) if callable(scope) else scope or EVERYTHING
            leaks = source.copy.leaks_with([out.name] if out is not None else (), where)
            for line in report_lines(leaks, language):  # the name of what is written is shared too
                print(line, file=sys.stderr)
        yield source


def written_check(source: ExportSource) -> WrittenCheck | None:
    """For a report: the leak check of what it writes or prints, made while the copy is open; None unpseudonymised."""
    return source.copy.written_check() if source.copy is not None else None


def print_leaks(leaks: Sequence[Leak], language: str) -> None:
    """The leak check's lines on standard error (nothing when none was found)."""
    from lobcoder.pseudonymise.leak_check import report_lines

    for line in report_lines(leaks, language):
        print(line, file=sys.stderr)
