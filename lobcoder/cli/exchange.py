"""``lobcoder codebook export|import`` and ``lobcoder project export|import``."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from lobcoder.cli.backup import report_problem
from lobcoder.cli.output import print_json
from lobcoder.cli.pseudonymised import add_flag, project_to_export
from lobcoder.codebook.write import CODEBOOK_FORMATS, write_codebook
from lobcoder.editing.codebook_import import ImportCodebook, plan_codebook_import
from lobcoder.errors import FileProblem, NotFoundError
from lobcoder.i18n import message
from lobcoder.i18n.said import Said, say
from lobcoder.refi.qdc import read_qdc
from lobcoder.refi.qdpx_export import export_qdpx
from lobcoder.refi.qdpx_import import import_qdpx
from lobcoder.services.codes import list_codes
from lobcoder.storage.backups import BEFORE_CODEBOOK_IMPORT, create_backup
from lobcoder.storage.project import ProjectStore

if TYPE_CHECKING:
    from lobcoder.pseudonymise.export_copy import ExportSource
    from lobcoder.pseudonymise.leak_check import Scope


def register(commands: argparse._SubParsersAction) -> None:
    codebook = commands.add_parser("codebook", help="export or import a codebook (.qdc, .docx, .md)")
    actions = codebook.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help="write the codebook as REFI-QDA .qdc, Word .docx or Markdown .md",
        description="The format follows the extension of --out.",
    )
    export.add_argument("project", type=Path)
    export.add_argument("--out", type=Path, required=True, help="FILE.qdc, FILE.docx or FILE.md")
    export.add_argument("--branch", metavar="CODE", help="export only this code and its sub-codes")
    export.add_argument("--counts", action="store_true", help="Word/Markdown: add codings and documents per code")
    export.add_argument("--language", choices=["en", "nl"], default="en", help="labels in Word/Markdown and .qdc")
    add_flag(export)
    export.set_defaults(handler=cmd_codebook_export)
    imp = actions.add_parser(
        "import",
        help="merge a .qdc codebook into a project (by GUID, then by name path)",
        description="Prints what would be added, updated, unchanged or conflicting, then applies it "
        "as one action (undoable in the app). Exit code 1 if some codes conflict and were skipped.",
    )
    imp.add_argument("project", type=Path)
    imp.add_argument("file", type=Path, help="a REFI-QDA codebook (.qdc)")
    imp.add_argument("--dry-run", action="store_true", help="only print the plan")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=cmd_codebook_import)

    project = commands.add_parser("project", help="export or import a whole project (.qdpx)")
    actions = project.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write the project as a REFI-QDA .qdpx")
    export.add_argument("project", type=Path)
    export.add_argument("--out", type=Path, required=True, help="FILE.qdpx")
    export.add_argument("--json", action="store_true")
    export.add_argument(
        "--language",
        choices=["en", "nl"],
        default="en",
        help="language of the messages; with --pseudonymise: coders become Coder/Codeur 1, 2...",
    )
    add_flag(export)
    export.set_defaults(handler=cmd_project_export)
    imp = actions.add_parser(
        "import", help="create a new project from a .qdpx (ATLAS.ti, MAXQDA, NVivo, QualCoder, Taguette...)"
    )
    imp.add_argument("file", type=Path, help="a REFI-QDA project (.qdpx)")
    imp.add_argument("--out", type=Path, required=True, help="the new project file (.lobcoder)")
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--language", choices=["en", "nl"], default="en", help="language of the messages")
    imp.set_defaults(handler=cmd_project_import)


def _branch_guid(store: ProjectStore, name: str | None) -> str | None:
    if name is None:
        return None
    with store.read() as session:
        matches = [c for c in list_codes(session) if c.name.casefold() == name.casefold()]
    if not matches:
        raise NotFoundError(say("problem.not_found.code_named", name=name))
    return matches[0].guid


def cmd_codebook_export(args: argparse.Namespace) -> int:
    kind = CODEBOOK_FORMATS.get(args.out.suffix.lower())
    if kind is None:
        raise FileProblem(args.out, say("problem.codebook.format"))
    from lobcoder.pseudonymise.leak_check import codebook_scope

    def scope(source: ExportSource) -> Scope:  # the codes written: a name in another branch is not shared
        with source.store.read() as session:
            return codebook_scope(session, _branch_guid(source.store, args.branch))

    with project_to_export(args.project, args.pseudonymise, args.out, args.language, scope) as source:
        root = _branch_guid(source.store, args.branch)
        written = write_codebook(
            source.store, args.out, kind, branch_guid=root, language=args.language, counts=args.counts
        )
    key, values = ("cli.wrote_code", {}) if written == 1 else ("cli.wrote_codes", {"count": written})
    print(message(key, args.language, path=args.out, **values))
    return 0


def cmd_codebook_import(args: argparse.Namespace) -> int:
    codebook, notes = read_qdc(args.file)
    with ProjectStore.open(args.project) as store:
        if not args.dry_run and not store.read_only:
            report_problem(create_backup(store.path, BEFORE_CODEBOOK_IMPORT))
        # A dry run only reads, so it works on a read-only project too.
        with store.read() if args.dry_run else store.transaction() as session:
            plan = plan_codebook_import(session, codebook)
            if not args.dry_run:
                ImportCodebook(plan).apply(session)
    if args.json:
        print_json({"notes": notes, "plan": plan, "applied": not args.dry_run})
    else:
        for note in notes:
            print(f"note: {note}")
        for line in plan.summary_lines():
            print(line)
        print("dry run: nothing changed" if args.dry_run else "applied")
    return 1 if plan.conflicting else 0


def cmd_project_export(args: argparse.Namespace) -> int:
    with project_to_export(args.project, args.pseudonymise, args.out, args.language) as source:
        report = export_qdpx(source.store, args.out)
    if args.json:
        print_json(report)
    else:  # --json stays English, for scripts
        print(message("cli.wrote", args.language, path=args.out))
        _print_notes(report.notes, args.language)
    return 0


def cmd_project_import(args: argparse.Namespace) -> int:
    report = import_qdpx(args.file, args.out)
    if args.json:  # stays English, for scripts
        print_json(report)
        return 0
    print(message("cli.created_from", args.language, path=args.out, source=args.file))
    _print_notes(report.notes, args.language)
    return 0


def _print_notes(notes: Iterable[Said], language: str) -> None:
    """Each note of an export or import report on a line of its own, in ``language``."""
    for note in notes:
        print(message("cli.note", language, note=note.text(language)))
