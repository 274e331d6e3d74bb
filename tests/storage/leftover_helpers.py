"""Files interrupted builds leave beside a project, made for tests."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def dead_pid() -> int:
    """The process id of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def make_leftovers(folder: Path) -> tuple[set[str], set[str]]:
    """(names an interrupted build left, names that must stay: a running build's files and backups)."""
    pid = dead_pid()
    stale = {
        f".kopie.lobcoder.{pid}.copying",
        f".kopie.lobcoder.{pid}.copying-wal",
        f".anders.lobcoder.{pid}.pseudo-export-1a2b-shm",
        "oud.lobcoder.importing",
    }
    running = {f".bezig.lobcoder.{os.getpid()}.importing", "notities.txt"}
    for name in stale | running:
        (folder / name).write_bytes(b"x" * 2048)
    hour_ago = time.time() - 7200
    os.utime(folder / "oud.lobcoder.importing", (hour_ago, hour_ago))  # older versions' names count after an hour
    (folder / ".main.lobcoder.backups").mkdir(exist_ok=True)
    return stale, running
