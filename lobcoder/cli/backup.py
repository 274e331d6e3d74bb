"""``lobcoder backup list|create|restore``: the project's rotating backups."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from lobcoder.cli.output import count, print_json
from lobcoder.errors import ProjectError
from lobcoder.i18n.said import say
from lobcoder.storage.backups import (
    MANUAL,
    BackupResult,
    backup_folder,
    create_backup,
    list_backups,
    restore_in_place,
    restore_to_new_file,
)
from lobcoder.storage.project import ProjectStore


def register(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser(
        "backup",
        help="list, make or restore the project's automatic backups",
        description="lobcoder backs a project up daily (when it is opened in the window) and before every "
        "schema update, merge and codebook import, into the hidden folder .NAME.lobcoder.backups beside it.",
    )
    actions = backup.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser("list", help="the backups, newest first, with reason, size and counts")
    show.add_argument("project", type=Path)
    show.add_argument("--json", action="store_true", help="print the backups as JSON")
    show.set_defaults(handler=cmd_list)
    make = actions.add_parser("create", help="make a backup now (reason 'manual')")
    make.add_argument("project", type=Path)
    make.set_defaults(handler=cmd_create)
    restore = actions.add_parser(
        "restore",
        help="write a backup to a new file (--out), or replace the project with it (--replace)",
        description="With --replace the project's current state is backed up first (reason 'before-restore').",
    )
    restore.add_argument("project", type=Path)
    restore.add_argument("backup", help="the backup's file name (from `backup list`) or path")
    where = restore.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, help="the new project file to write")
    where.add_argument("--replace", action="store_true", help="replace the project (after backing it up)")
    restore.set_defaults(handler=cmd_restore)


def report_problem(result: BackupResult | None) -> None:
    """Tell the user on stderr when an automatic backup could not be made (the action goes on)."""
    if result is not None and result.problem:
        print(f"lobcoder: warning: {result.problem}", file=sys.stderr)


def _existing(project: Path) -> Path:
    if not project.is_file():
        raise ProjectError(project, say("problem.no_such_file"))
    return project


def cmd_list(args: argparse.Namespace) -> int:
    backups = list_backups(_existing(args.project))
    rows: list[dict[str, Any]] = []
    for backup in backups:
        counts = backup.counts()
        rows.append(
            {
                "file": backup.path.name,
                "created": backup.created,
                "reason": backup.reason,
                "size": backup.size,
                "documents": counts[0] if counts else None,
                "codings": counts[1] if counts else None,
            }
        )
    if args.json:
        print_json({"folder": str(backup_folder(args.project)), "backups": rows})
        return 0
    if not rows:
        print(f"No backups of {args.project} yet")
        return 0
    print(f"Backups in {backup_folder(args.project)}:")
    for row in rows:
        contents = (
            "unreadable"
            if row["documents"] is None
            else f"{count(row['documents'], 'doc')}, {count(row['codings'], 'coding')}"
        )
        when = row["created"].astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"  {row['file']:<45} {when}  {row['reason']:<24} {row['size'] / 1e6:7.1f} MB  {contents}")
    return 0


def cmd_create(args: argparse.Namespace) -> int:
    ProjectStore.open(_existing(args.project)).close()  # a project we can open (and at the current schema)
    result = create_backup(args.project, MANUAL)
    if result.backup is None:
        raise ProjectError(args.project, say("problem.backup.not_made", reason=result.problem))
    print(f"Wrote {result.backup.path}")
    for removed in result.removed:
        print(f"Rotated out {removed.name}")
    return 0


def _find(project: Path, name: str) -> Path:
    given = Path(name)
    if given.is_file():
        return given
    candidate = backup_folder(project) / given.name
    if candidate.is_file():
        return candidate
    raise ProjectError(candidate, say("problem.backup.missing_see_list"))


def cmd_restore(args: argparse.Namespace) -> int:
    backup = _find(_existing(args.project), args.backup)
    if args.out:
        restore_to_new_file(backup, args.out)
        print(f"Restored {backup.name} to {args.out}")
        return 0
    saved = restore_in_place(backup, args.project)
    report_problem(saved)
    if saved.backup is not None:
        print(f"Saved the current state as {saved.backup.path}")
    print(f"Replaced {args.project} with {backup.name}")
    return 0
