"""``lobcoder new`` and ``lobcoder info``."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

from lobcoder.cli.output import count, print_json, to_plain
from lobcoder.codebook.builtin import create_project_with_codebook
from lobcoder.services.documents import project_info
from lobcoder.storage.leftovers import find_leftovers, remove_leftovers
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
    info.add_argument(
        "--clean-leftovers",
        action="store_true",
        help="remove the files interrupted imports, copies and exports left beside the project",
    )
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
        extra = f" with {count(info.codes, 'code')}" if info.codes else ""
        print(f"Created project '{info.name}' in {path}{extra}")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    with ProjectStore.open(args.project) as store, store.read() as session:
        info = project_info(session)
    leftovers = find_leftovers(args.project)
    removed: list[Path] = []
    if args.clean_leftovers and leftovers:
        removed, _failed = remove_leftovers(leftovers)
        leftovers = find_leftovers(args.project)
    if args.json:
        print_json(
            {
                **to_plain(info),
                "leftovers": [{"path": str(x.path), "size": x.size} for x in leftovers],
                "removed_leftovers": [str(path) for path in removed],
            }
        )
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
    if removed:
        print(f"Removed {len(removed)} leftover file(s) of interrupted imports or copies.")
    if leftovers:
        megabytes = sum(x.size for x in leftovers) / 1024 / 1024
        print(
            f"  {'leftovers':<14} {len(leftovers)} file(s), {megabytes:.1f} MB, left by interrupted imports "
            f"or copies: {', '.join(x.path.name for x in leftovers)}"
        )
        if not args.clean_leftovers:
            print(f"  {'':<14} remove them with: lobcoder info {args.project} --clean-leftovers")
        else:
            print("  (these could not be removed: check the folder's permissions)", file=sys.stderr)
    from lobcoder.storage.location import sync_warning

    if warning := sync_warning(args.project):
        print(f"warning: {warning}", file=sys.stderr)
    return 0
