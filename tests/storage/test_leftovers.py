"""A killed import leaves nothing a user sees, and the next start cleans what it hid."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from lobcoder.refi.qdpx_export import export_qdpx
from lobcoder.services.documents import add_document
from lobcoder.storage.leftovers import clean_leftovers, partial_path
from lobcoder.storage.project import ProjectStore

REPO = Path(__file__).resolve().parents[2]


def _visible(folder: Path) -> set[str]:
    return {entry.name for entry in folder.iterdir() if not entry.name.startswith(".")}


def _large_qdpx(folder: Path) -> Path:
    project = folder / "bron.lobcoder"
    rng = random.Random(15)
    words = "ik denk dat de loopbaanbegeleiding op school beter kan maar de mentor heeft weinig tijd".split()
    with ProjectStore.create(project) as store, store.transaction() as session:
        for number in range(40):
            lines = [f"Anna: {' '.join(rng.choice(words) for _ in range(12))}" for _ in range(2000)]
            add_document(session, f"Interview {number}", "\n".join(lines), ())
    qdpx = folder / "bron.qdpx"
    with ProjectStore.open(project) as store:
        export_qdpx(store, qdpx)
    project.unlink()
    return qdpx


def test_a_killed_qdpx_import_leaves_nothing_visible(tmp_path: Path) -> None:
    qdpx = _large_qdpx(tmp_path)
    target = tmp_path / "studie.lobcoder"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "lobcoder", "project", "import", str(qdpx), "--out", str(target)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(".studie.lobcoder.") for p in tmp_path.iterdir()):
        assert process.poll() is None and time.monotonic() < deadline, "the import ended before it could be killed"
        time.sleep(0.005)
    time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert _visible(tmp_path) == {"bron.qdpx"}
    hidden = {p.name for p in tmp_path.iterdir()} - {"bron.qdpx"}
    assert hidden and all(name.startswith(f".studie.lobcoder.{process.pid}.") for name in hidden)

    # The next start (creating or opening that project) cleans up after the dead process.
    ProjectStore.create(target).close()
    assert {p.name for p in tmp_path.iterdir()} == {"bron.qdpx", "studie.lobcoder"}


def test_a_running_builder_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "studie.lobcoder"
    mine = partial_path(target, "importing")  # this process is alive
    mine.write_bytes(b"half")
    dead = tmp_path / ".studie.lobcoder.999999999.importing-wal"
    dead.write_bytes(b"wal")
    assert clean_leftovers(target) == [dead]
    assert mine.exists() and not dead.exists()
