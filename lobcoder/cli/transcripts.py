"""``lobcoder transcripts PROJECT --out FOLDER``: the transcripts as Word or text files, optionally pseudonymised."""

from __future__ import annotations

import argparse
from pathlib import Path

from lobcoder.cli.output import count
from lobcoder.cli.pseudonymised import add_flag, project_to_export
from lobcoder.errors import NotFoundError


def register(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "transcripts",
        help="write the transcripts as .docx or .txt files (optionally pseudonymised)",
        description="One file per document, named after the document, in the folder --out (created if missing). "
        "Nothing is written if one of the files exists already.",
    )
    cmd.add_argument("project", type=Path)
    cmd.add_argument("--out", type=Path, required=True, metavar="FOLDER")
    cmd.add_argument("--format", choices=("docx", "txt"), default="docx", help="Word (default) or plain text")
    cmd.add_argument("--document", action="append", metavar="NAME", help="only this document (repeatable)")
    cmd.add_argument("--language", choices=("en", "nl"), default="en", help="the proofing language of Word files")
    add_flag(cmd)
    cmd.set_defaults(handler=cmd_transcripts)


def cmd_transcripts(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from lobcoder.reports.transcripts import export_transcripts
    from lobcoder.storage.models import Document

    with project_to_export(args.project, args.pseudonymise, args.out) as (store, label):
        documents = None
        if args.document:
            with store.read() as session:
                by_name = {name.casefold(): i for i, name in session.execute(select(Document.id, Document.name))}
            missing = [n for n in args.document if label(n).casefold() not in by_name]
            if missing:
                raise NotFoundError(f"no document named {missing[0]!r} in this project")
            documents = [by_name[label(n).casefold()] for n in args.document]
        written = export_transcripts(store, args.out, args.format, documents, args.language)
    print(f"Wrote {count(len(written), 'transcript')} to {args.out}")
    return 0
