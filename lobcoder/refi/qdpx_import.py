"""Create a new project from a REFI-QDA project exchange file (.qdpx).

The structure of the file (codes, cases, notes, a summary of the sources) is
read (:mod:`qdpx_read`) before any file is created, so a hostile or broken
project.qde leaves nothing behind. The project is then built under a hidden
temporary name, the sources streamed from the file one at a time
(:mod:`qdpx_store`), and renamed to the chosen name only when complete; a
problem met on the way (a damaged text file in the zip, a cancel) removes it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lobcoder.errors import ProjectError, ProjectExistsError
from lobcoder.i18n.said import Said, say
from lobcoder.refi.qdpx_read import QdpxFile
from lobcoder.refi.qdpx_store import store_qdpx
from lobcoder.refi.turns_member import read_member
from lobcoder.storage.failures import naming
from lobcoder.storage.leftovers import clean_leftovers, partial_path
from lobcoder.storage.project import ProjectStore, remove_project_file, remove_sidecars

ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class ImportReport:
    """What the new project holds, what was repaired (``notes``) and what was left out (``dropped``)."""

    path: str
    source: str
    documents: int = 0
    codes: int = 0
    codings: int = 0
    participants: int = 0
    attributes: int = 0
    memos: int = 0
    coders: int = 0
    notes: tuple[Said, ...] = ()  # str(note) is English; note.text("nl") Dutch
    dropped: dict[str, int] = field(default_factory=dict)


def _remove(path: Path) -> None:
    remove_project_file(path)
    path.with_name(path.name + ".creating").unlink(missing_ok=True)


def import_qdpx(
    path: str | Path,
    target: str | Path,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    *,
    max_member_bytes: int | None = None,
) -> ImportReport:
    """Build a new project at ``target`` from the .qdpx at ``path``.

    Raises:
        ProjectExistsError: ``target`` exists (it is never overwritten).
        ImportProblem: the .qdpx is not a usable REFI-QDA project, or is hostile
            (DTDs, entity expansion, zip slip, oversized members).
        Cancelled: ``cancelled()`` returned True; nothing is left behind.
    """
    path, target = Path(path), Path(target)
    if target.exists():
        raise ProjectExistsError(target, say("problem.project.exists"))
    if not target.parent.is_dir():
        raise ProjectError(target, say("problem.project.no_folder", folder=target.parent))
    if progress is not None:
        progress(0, 1, path.name)
    with QdpxFile.open(path, max_member_bytes=max_member_bytes, spool_beside=target) as qdpx:
        content = qdpx.structure()
        turns, turns_note = read_member(qdpx.archive, path)
        if turns_note is None and turns is None and content.origin.startswith("lobcoder") and content.source_count:
            turns_note = say("note.turns_member.absent", file=path.name)
        clean_leftovers(target)
        partial = partial_path(target, "importing")
        _remove(partial)
        try:
            store = ProjectStore.create(partial, name=content.name)
            try:
                result = store_qdpx(store, qdpx, content, progress, cancelled, turns)
            finally:
                store.close()
            if target.exists():
                raise ProjectExistsError(target, say("problem.project.appeared"))
            remove_sidecars(partial)
            os.replace(partial, target)
        except BaseException as exc:
            _remove(partial)
            problem = naming(exc, target)
            if problem is exc:
                raise
            raise problem from exc
    if progress is not None:
        progress(1, 1, "")
    dropped = content.dropped + result.dropped
    counts = result.counts
    return ImportReport(
        path=str(target),
        source=str(path),
        documents=counts["documents"],
        codes=counts["codes"],
        codings=counts["codings"],
        participants=counts["participants"],
        attributes=counts["attributes"],
        memos=counts["memos"],
        coders=counts["coders"],
        notes=tuple(content.report + ([turns_note] if turns_note else []) + result.notes),
        dropped={k: v for k, v in sorted(dropped.items()) if v},
    )
