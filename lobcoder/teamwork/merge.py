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

from lobcoder.editing.base import Command
from lobcoder.editing.merge_apply import MergeCoding
from lobcoder.editing.merge_content import OtherProject, read_other_project
from lobcoder.editing.merge_plan import MergePlan, plan_merge
from lobcoder.errors import FileProblem, StorageProblem
from lobcoder.i18n.said import say
from lobcoder.refi.qdpx_import import import_qdpx
from lobcoder.storage.leftovers import partial_path
from lobcoder.storage.project import EXTENSION, ProjectStore, remove_project_file

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


def merge_other(
    store: ProjectStore,
    other: OtherProject,
    source: str,
    before: Callable[[], None] | None = None,
    expected: MergePlan | None = None,
) -> MergeOutcome:
    """Plan and apply in one write transaction, so nothing can change in between (the CLI and the window).

    The plan is made once, inside the transaction that applies it, against the
    project as it is under the write lock. With ``expected`` (the plan the
    user was shown), a fresh plan that differs from it is not applied: the
    outcome is ``stale`` and carries the fresh plan to show instead. ``before``
    (a backup) is called between planning and applying, unless nothing is
    applied: it reads the project through a connection of its own (the lock
    taken, nothing yet written, does not stop readers), so the backup is the
    very state merged into.
    """
    # Read-only: nothing to add (or a stale plan) is an answer; anything to add is refused as transaction() would.
    with store.read() if store.read_only else store.transaction() as session:
        plan = plan_merge(session, other, source)
        if expected is not None and plan != expected:
            return MergeOutcome(plan, stale=True)
        if not plan.changes_anything:
            return MergeOutcome(plan)
        if store.read_only:
            raise StorageProblem(store.path, StorageProblem.READ_ONLY, say("problem.read_only"))
        if before is not None:
            before()
        command = MergeCoding(plan)
        inverse = command.apply(session)
    return MergeOutcome(plan, command, inverse)


def merge_file(store: ProjectStore, path: str | Path, before: Callable[[], None] | None = None) -> MergePlan:
    """Read ``path`` and merge it with :func:`merge_other` (the CLI); returns the plan applied."""
    return merge_other(store, _read_not_self(store, Path(path), None, None), str(path), before).plan


def apply_plan(store: ProjectStore, plan: MergePlan) -> MergeCoding:
    """Apply a plan made earlier, unchecked, in one transaction (tests); users go through :func:`merge_other`."""
    command = MergeCoding(plan)
    with store.transaction() as session:
        command.apply(session)
    return command
