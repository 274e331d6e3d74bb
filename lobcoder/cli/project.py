"""``lobcoder new`` and ``lobcoder info``."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

from lobcoder.cli.output import print_json
from lobcoder.codebook.builtin import create_project_with_codebook
from lobcoder.services.documents import project_info
from lobcoder.storage.project import EXTENSION, ProjectStore


def register(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser("new", help="create an empty project file")
    new.add_argument("project", type=Path, help=f"path of the new project file ({EXTENSION})")
    new.add_argument("--name", help="project name shown in the app (default: the file name)")
    new.add_argument(
        "--codebook",
        choices=["nl", "en"],
        help="start from the research codebook on career guidance (LOB), in Dutch or English",
    )
    new.add_argument("--json", action="store_true", help="print the result as JSON")
    new.set_defaults(handler=cmd_new)

    info = commands.add_parser("info", help="counts of documents, turns, codes and codings")
    info.add_argument("project", type=Path)
    info.add_argument("--json", action="store_true", help="print the counts as JSON")
    info.set_defaults(handler=cmd_info)


def project_path(path: Path) -> Path:
    """Add the project extension when the user left it out."""
    return path if path.suffix else path.with_suffix(EXTENSION)


def cmd_new(args: argparse.Namespace) -> int:
    path = project_path(args.project)
    if args.codebook:
        create_project_with_codebook(path, args.codebook, name=args.name)
        opener = ProjectStore.open
    else:
        opener = partial(ProjectStore.create, name=args.name)
    with opener(path) as store, store.read() as session:
        info = project_info(session)
    if args.json:
        print_json({"project": str(path), "name": info.name, "codes": info.codes})
    else:
        extra = f" with {info.codes} codes" if info.codes else ""
        print(f"Created project '{info.name}' in {path}{extra}")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project) as store, store.read() as session:
        info = project_info(session)
    if args.json:
        print_json(info)
        return 0
    print(f"Project: {info.name} ({args.project})")
    rows = [
        ("documents", info.documents),
        ("characters", info.characters),
        ("participants", info.participants),
        ("speakers", f"{info.speakers} ({info.interviewer_speakers} interviewer)"),
        ("speaker turns", info.turns),
        ("attributes", info.attributes),
        ("codes", info.codes),
        ("codings", info.codings),
        ("coders", info.coders),
        ("memos", info.memos),
    ]
    for label, value in rows:
        print(f"  {label:<14} {value}")
    from lobcoder.storage.location import sync_warning

    if warning := sync_warning(args.project):
        print(f"warning: {warning}", file=sys.stderr)
    return 0
