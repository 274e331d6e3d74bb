"""``lobcoder transcripts PROJECT --out FOLDER``: the transcripts as Word or text files, optionally pseudonymised."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from lobcoder.cli.output import count
from lobcoder.cli.pseudonymised import add_flag, project_to_export
from lobcoder.errors import NotFoundError
from lobcoder.i18n.said import say

if TYPE_CHECKING:
    from lobcoder.pseudonymise.export_copy import ExportSource
    from lobcoder.pseudonymise.leak_check import Scope


def register(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "transcripts",
        help="write the transcripts as .docx or .txt files (optionally pseudonymised)",
        description="One file per document, named after the document, in the folder --out (created if missing). "
        "Nothing is written if one of the files exists already. --language is the transcripts' language, "
        "not the language of messages: unlike the report commands, this command's messages are English.",
    )
    cmd.add_argument("project", type=Path)
    cmd.add_argument("--out", type=Path, required=True, metavar="FOLDER")
    cmd.add_argument("--format", choices=("docx", "txt"), default="docx", help="Word (default) or plain text")
    cmd.add_argument("--document", action="append", metavar="NAME", help="only this document (repeatable)")
    cmd.add_argument(
        "--language",
        dest="proofing",
        choices=("en", "nl"),
        default="en",
        help="the language of the transcripts, which Word checks their spelling in (default en); "
        "it does not change lobcoder's own messages, which are English in this command",
    )
    add_flag(cmd)
    cmd.set_defaults(handler=cmd_transcripts)


def cmd_transcripts(args: argparse.Namespace) -> int:
    from lobcoder.pseudonymise.leak_check import transcripts_scope
    from lobcoder.reports.transcripts import export_transcripts

    def scope(source: ExportSource) -> Scope:  # the leak check looks only in what is written
        return transcripts_scope(_documents(source, args.document))

    with project_to_export(args.project, args.pseudonymise, args.out, scope=scope) as source:
        documents = _documents(source, args.document)
        written = export_transcripts(source.store, args.out, args.format, documents, args.proofing)
    print(f"Wrote {count(len(written), 'transcript')} to {args.out}")
    return 0


def _documents(source: ExportSource, names: list[str] | None) -> list[int] | None:
    """The ids of the documents ``names`` (``--document``, as the user knows them) in ``source``; None: all."""
    if not names:
        return None
    from sqlalchemy import select

    from lobcoder.storage.models import Document

    with source.store.read() as session:
        by_name = {name.casefold(): i for i, name in session.execute(select(Document.id, Document.name))}
    missing = [n for n in names if source.label(n).casefold() not in by_name]
    if missing:
        raise NotFoundError(say("problem.not_found.document", name=missing[0]))
    return [by_name[source.label(n).casefold()] for n in names]
