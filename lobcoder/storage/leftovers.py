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
import time
from pathlib import Path

# Names older lobcoder versions used (visible, without a process id).
_LEGACY = (".creating", ".importing", ".building", ".copying")
_LEGACY_AGE_SECONDS = 3600


def partial_path(target: str | Path, purpose: str) -> Path:
    """The hidden temporary name for building ``target``: ``.NAME.PID.PURPOSE``."""
    target = Path(target)
    name = target.name if target.name.startswith(".") else f".{target.name}"
    return target.with_name(f"{name}.{os.getpid()}.{purpose}")


def _running(pid: int) -> bool:
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
        try:
            age = now - entry.stat().st_mtime
        except OSError:
            continue
        if match:
            stale = not _running(int(match.group(1))) or age > 12 * _LEGACY_AGE_SECONDS
        else:
            stale = legacy.match(entry.name) is not None and age > _LEGACY_AGE_SECONDS
        if stale:
            try:
                entry.unlink()
            except OSError:
                continue  # a read-only folder: nothing to be done, and nothing to report
            removed.append(entry)
    return removed
