"""Output folders of the benchmark scripts: written (and emptied) only when a benchmark made them.

A script that empties its ``--out`` folder first, or writes and deletes files
in a ``--keep`` folder, must never do so in a folder of the user's:
``--out ~/Documents`` is refused with a message, not emptied. A folder is the
benchmarks' when it is new, empty, or holds :data:`MARKER`, which the scripts
write into every folder they take.
"""

from __future__ import annotations

import shutil
from pathlib import Path

MARKER = ".lobcoder-benchmark-output"


def _check(folder: Path, option: str) -> None:
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise SystemExit(f"{option} {folder}: not a folder; choose a new folder for the benchmark's output")
    if folder.is_dir() and not (folder / MARKER).is_file() and any(folder.iterdir()):
        raise SystemExit(
            f"{option} {folder}: this folder holds files a benchmark did not write (no {MARKER} in it); "
            "choose a new or empty folder"
        )


def _mark(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text("written by lobcoder's benchmarks/, which may empty this folder\n", encoding="utf-8")
    return folder


def take_folder(folder: Path, option: str = "--keep") -> Path:
    """``folder``, made if need be, for a benchmark to write (and delete) its own files in; refused if it is the user's."""
    _check(folder, option)
    return _mark(folder)


def fresh_folder(folder: Path, option: str = "--out") -> Path:
    """``folder`` emptied (or made) for a new run; refused, leaving it as it is, if it is the user's."""
    _check(folder, option)
    if folder.is_dir():
        shutil.rmtree(folder)
    return _mark(folder)
