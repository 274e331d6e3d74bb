"""Where half-written project files live, and how leftovers of a killed process are cleaned.

A new project (created, imported from .qdpx, copied, pseudonymised) is built
under a hidden temporary name beside its final name, then renamed in one step,
so a complete project is all a user ever sees under the real name. The
temporary name holds the process id: when lobcoder next creates or opens that
project, it removes the files of builders that no longer run (killed, or the
computer lost power). The same folder is used on purpose: a rename is atomic
only within one file system.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

# Names older lobcoder versions used (visible, without a process id).
_LEGACY = (".creating", ".importing", ".building", ".copying")
_LEGACY_AGE_SECONDS = 3600


def partial_path(target: str | Path, purpose: str) -> Path:
    """The hidden temporary name for building ``target``: ``.NAME.PID.PURPOSE``."""
    target = Path(target)
    name = target.name if target.name.startswith(".") else f".{target.name}"
    return target.with_name(f"{name}.{os.getpid()}.{purpose}")


def spool_prefix(project: str | Path) -> str:
    """How this process's temporary files beside ``project`` begin: ``.NAME.PID.spool-``.

    For ``tempfile`` (``prefix=``): where the system can, such a file has no
    name at all (Linux ``O_TMPFILE``; removed as soon as made on macOS; deleted
    on close by Windows); where it keeps one, opening ``project`` removes it
    once its process no longer runs.
    """
    return partial_path(project, "spool").name + "-"


def spool_file(max_size: int, beside: str | Path | None) -> tempfile.SpooledTemporaryFile[bytes]:
    """A temporary file held in memory up to ``max_size`` bytes, then on disk beside the project ``beside``.

    On disk it lies in ``beside``'s folder under :func:`spool_prefix`; with
    ``beside`` None, in the system's temporary folder.
    """
    if beside is None:
        return tempfile.SpooledTemporaryFile(max_size=max_size)
    return tempfile.SpooledTemporaryFile(max_size=max_size, dir=str(Path(beside).parent), prefix=spool_prefix(beside))


def process_running(pid: int) -> bool:
    """Whether process ``pid`` runs on this computer (True when that cannot be told)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # cannot ask cheaply and safely (os.kill terminates on Windows): rely on age
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stale(entry: Path, pid: int | None, now: float) -> bool:
    """Left by a builder that no longer runs (``pid``), or a legacy name older than an hour."""
    try:
        age = now - entry.stat().st_mtime
    except OSError:
        return False
    if pid is not None:
        return not process_running(pid) or age > 12 * _LEGACY_AGE_SECONDS
    return age > _LEGACY_AGE_SECONDS


def clean_leftovers(target: str | Path) -> list[Path]:
    """Remove what killed builders of ``target`` left beside it; the paths removed."""
    target = Path(target)
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return []
    name = re.escape(target.name.lstrip("."))
    ours = re.compile(rf"^\.{name}\.(\d+)\.")  # also nested builders and -wal/-shm files
    legacy = re.compile(rf"^{name}({'|'.join(re.escape(s) for s in _LEGACY)})")
    removed: list[Path] = []
    now = time.time()
    for entry in entries:
        match = ours.match(entry.name)
        if match:
            stale = _stale(entry, int(match.group(1)), now)
        else:
            stale = legacy.match(entry.name) is not None and _stale(entry, None, now)
        if stale:
            try:
                entry.unlink()
            except OSError:
                continue  # a read-only folder: nothing to be done, and nothing to report
            removed.append(entry)
    return removed


def clean_stale_partials(folder: str | Path, purpose: str) -> list[Path]:
    """Remove ``.PID.PURPOSE`` files (and their -wal/-shm/-journal) in ``folder`` whose process no longer runs."""
    pattern = re.compile(rf"^\.(\d+)\.{re.escape(purpose)}(?:-wal|-shm|-journal)?$")
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return []
    removed: list[Path] = []
    now = time.time()
    for entry in entries:
        match = pattern.match(entry.name)
        if match and _stale(entry, int(match.group(1)), now):
            try:
                entry.unlink()
            except OSError:
                continue
            removed.append(entry)
    return removed


# Any builder's leftovers: ".NAME.PID.PURPOSE" (and its -wal/-shm/-journal), or an older version's visible name.
_ANY_PARTIAL = re.compile(r"^\.(?P<target>.+?)\.(?P<pid>\d+)\.(?P<purpose>[a-z][a-z0-9_-]*?)(?:-wal|-shm|-journal)?$")
_ANY_LEGACY = re.compile(rf"^.+({'|'.join(re.escape(s) for s in _LEGACY)})(?:-wal|-shm|-journal)?$")
# "spool": an import's text spool (services/prepared_text.py), where the system could not make it nameless;
# "merging": a .qdpx being merged, imported beside the project (teamwork/merge.py).
_PURPOSES = frozenset(("creating", "importing", "building", "copying", "exporting", "pseudo", "spool", "merging"))


@dataclass(frozen=True)
class Leftover:
    """A file an interrupted import, copy or build left beside a project."""

    path: Path
    size: int
    modified: datetime


def find_leftovers(project: str | Path) -> list[Leftover]:
    """Leftovers of interrupted builds of any project in ``project``'s folder, by name.

    Opening a project already removes its own; this finds the rest (a killed
    pseudonymised copy, an interrupted .qdpx import under another name, files
    older lobcoder versions left under visible names), for the user to clean.
    """
    folder = Path(project).parent
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    now = time.time()
    found = []
    for entry in entries:
        match = _ANY_PARTIAL.match(entry.name)
        if match and match.group("purpose").split("-")[0] in _PURPOSES:
            stale = _stale(entry, int(match.group("pid")), now)
        else:
            stale = _ANY_LEGACY.match(entry.name) is not None and _stale(entry, None, now)
        if not stale or not entry.is_file():
            continue
        try:
            info = entry.stat()
        except OSError:
            continue
        found.append(Leftover(entry, info.st_size, datetime.fromtimestamp(info.st_mtime, tz=UTC)))
    return found


def remove_leftovers(leftovers: list[Leftover]) -> tuple[list[Path], list[Path]]:
    """Remove the leftovers found earlier (those still stale); (removed, not removable)."""
    now = time.time()
    removed, failed = [], []
    for leftover in leftovers:
        match = _ANY_PARTIAL.match(leftover.path.name)
        if not _stale(leftover.path, int(match.group("pid")) if match else None, now):
            continue  # gone already, or its builder came back to life (a reused process id)
        try:
            leftover.path.unlink()
        except OSError:
            failed.append(leftover.path)
            continue
        removed.append(leftover.path)
    return removed, failed
