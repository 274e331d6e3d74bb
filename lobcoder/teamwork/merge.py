"""Read another project (.lobcoder or .qdpx) and plan or apply merging its coding into this one.

A .qdpx is first imported into a temporary project (the REFI import repairs
positions, GUIDs and names there), which is read and deleted; the project
being merged into is never touched until the user applies the plan. The
temporary project holds the other coder's interviews, so it is made beside
the project merged into (``.NAME.lobcoder.PID.merging``), not in the
system's temporary folder; after a kill, the next opening removes it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lobcoder.editing.base import Command
from lobcoder.editing.merge_apply import MergeCoding, PreparedCodings, prepare_codings
from lobcoder.editing.merge_content import OtherProject, read_other_project
from lobcoder.editing.merge_plan import MergePlan, plan_merge
from lobcoder.errors import FileProblem, StorageProblem
from lobcoder.i18n.said import say
from lobcoder.refi.qdpx_import import import_qdpx
from lobcoder.storage.backups import Backup, BackupResult, discard_backup
from lobcoder.storage.commit_watch import CommitWatch
from lobcoder.storage.leftovers import partial_path
from lobcoder.storage.project import EXTENSION, ProjectStore, remove_project_file

if TYPE_CHECKING:
    import sqlite3

ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]


def read_other(
    path: str | Path,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    beside: str | Path | None = None,
) -> OtherProject:
    """Everything a merge needs from the .lobcoder or .qdpx at ``path``.

    A .qdpx is imported into a temporary project beside the project ``beside``
    (None: in the system's temporary folder).

    Raises:
        FileProblem: the file is neither, or cannot be read (the message names it).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".qdpx":
        if beside is None:
            with tempfile.TemporaryDirectory(prefix="lobcoder-merge-") as folder:
                return _read_qdpx(path, Path(folder) / f"other{EXTENSION}", progress, cancelled)
        temporary = partial_path(beside, "merging")
        remove_project_file(temporary)
        try:
            return _read_qdpx(path, temporary, progress, cancelled)
        finally:
            remove_project_file(temporary)
    if suffix != EXTENSION:
        raise FileProblem(path, say("problem.merge.kind", extension=EXTENSION))
    with ProjectStore.open(path) as store, store.read() as session:
        return read_other_project(session)


def _read_qdpx(
    path: Path, temporary: Path, progress: ProgressCallback | None, cancelled: CancelCheck | None
) -> OtherProject:
    report = import_qdpx(path, temporary, progress, cancelled)
    with ProjectStore.open(report.path) as store, store.read() as session:
        return read_other_project(session, report.notes)


def _read_not_self(
    store: ProjectStore, path: Path, progress: ProgressCallback | None, cancelled: CancelCheck | None
) -> OtherProject:
    if path.exists() and store.path.exists() and path.resolve() == Path(store.path).resolve():
        raise FileProblem(path, say("problem.merge.itself"))
    # A read-only project (whose folder may not be writable) can be planned for, not merged into.
    return read_other(path, progress, cancelled, beside=None if store.read_only else store.path)


@dataclass(frozen=True)
class MergePreview:
    """What the user is shown before a merge: the plan, and the other project it was made from (to plan again)."""

    other: OtherProject
    plan: MergePlan


@dataclass(frozen=True)
class MergeOutcome:
    """What an apply did: ``plan`` was made under the write lock; ``stale``: it differs from the preview, nothing done."""

    plan: MergePlan
    command: MergeCoding | None = None  # applied (None: nothing was)
    inverse: Command | None = None
    stale: bool = False


def preview_file(
    store: ProjectStore,
    path: str | Path,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> MergePreview:
    """Read the file at ``path`` and plan merging it into ``store``; changes nothing."""
    other = _read_not_self(store, Path(path), progress, cancelled)
    with store.read() as session:
        return MergePreview(other, plan_merge(session, other, str(path)))


def plan_from_file(
    store: ProjectStore,
    path: str | Path,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> MergePlan:
    """The plan for merging the file at ``path`` into ``store``; changes nothing."""
    return preview_file(store, path, progress, cancelled).plan


BackupStep = Callable[[Backup | None], BackupResult | None]


def merge_other(
    store: ProjectStore,
    other: OtherProject,
    source: str,
    before: BackupStep | None = None,
    expected: MergePlan | None = None,
) -> MergeOutcome:
    """Plan, back up and apply so that the plan applied is the plan for the project as it is merged into.

    With ``expected`` (the plan the user was shown), a plan that differs from
    it is not applied: the outcome is ``stale`` and carries the new plan to
    show instead. ``before(replaces)`` (a backup, see
    ``storage.backups.create_backup``) is made only when something is to be
    merged, and must hold the very state merged into.

    Planning (a second or more), checking the spans and measuring the
    documents' coverage after the merge (``prepare_codings``) and the
    backup (seconds on a large project) only read, so they run before the
    write lock is taken: under the lock, a window's action meanwhile would
    wait and could give up (SQLite's 5 s busy timeout). Just before them, the
    transaction's own connection notes the project's version
    (:class:`CommitWatch`); under the lock it asks whether any other
    connection committed since. If none did, the project under the lock is
    the one planned for, prepared for and backed up, and under the lock only
    the rows are written. If one did (another window wrote meanwhile), that
    write is in neither the plan nor the backup: the plan is made again under
    the lock (and compared with ``expected`` again, so nothing the user did
    not see is applied), and the backup is made again under it, replacing
    the first (whose restore would silently lose that write). If that second
    backup cannot be made, the first stays and the merge goes ahead, as a
    merge whose only backup fails does (``before`` reports the problem). A
    merge that turns out stale, or to add nothing, only then removes the
    backup made for it; the rotation that backup caused is not undone, so one
    older before-merge backup may be gone. Every merge leaves at most one
    before-merge backup: of the state it was applied to, or, when the backup
    under the lock failed, of the state just before the write from
    elsewhere. A server database runs no ``before_lock``: there all is done
    under the lock.
    """
    if store.read_only:  # a plan is an answer; adding to a read-only project is refused as transaction() would
        with store.read() as session:
            plan = plan_merge(session, other, source)
        stale = expected is not None and plan != expected
        if stale or not plan.changes_anything:
            return MergeOutcome(plan, stale=stale)
        raise StorageProblem(store.path, StorageProblem.READ_ONLY, say("problem.read_only"))
    watch = CommitWatch()
    planned: list[tuple[MergePlan, PreparedCodings | None]] = []
    backups: list[Backup] = []  # the backup made for this merge (at most one is kept)

    def back_up() -> None:
        if before is not None:
            result = before(backups[-1] if backups else None)
            if result is not None and result.backup is not None:
                backups[:] = [result.backup]

    def plan_and_back_up(connection: sqlite3.Connection) -> None:  # before the write lock
        watch.start(connection)  # first, so a commit during the plan or the backup is seen
        with store.read() as session:
            plan = plan_merge(session, other, source)
            wanted = plan.changes_anything and (expected is None or plan == expected)
            planned.append((plan, prepare_codings(session, plan) if wanted else None))
        if wanted:
            back_up()

    with store.transaction(before_lock=plan_and_back_up) as session:
        written_meanwhile = watch.changed(session)
        plan, prepared = (plan_merge(session, other, source), None) if written_meanwhile else planned[0]
        if (expected is not None and plan != expected) or not plan.changes_anything:
            for made in backups:
                discard_backup(store.path, made)
            return MergeOutcome(plan, stale=expected is not None and plan != expected)
        if written_meanwhile:
            back_up()  # the state merged into is not the one backed up: back it up, under the lock
        command = MergeCoding(plan)
        inverse = command.apply_prepared(session, prepared or prepare_codings(session, plan))
    return MergeOutcome(plan, command, inverse)


def merge_file(store: ProjectStore, path: str | Path, before: BackupStep | None = None) -> MergePlan:
    """Read ``path`` and merge it with :func:`merge_other` (the CLI); returns the plan applied."""
    return merge_other(store, _read_not_self(store, Path(path), None, None), str(path), before).plan


def apply_plan(store: ProjectStore, plan: MergePlan) -> MergeCoding:
    """Apply a plan made earlier, unchecked, in one transaction (tests); users go through :func:`merge_other`."""
    command = MergeCoding(plan)
    with store.transaction() as session:
        command.apply(session)
    return command
