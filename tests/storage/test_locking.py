"""Readers never wait for a writer; a writer that cannot get the lock is told so in words."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from lobcoder.errors import StorageProblem
from lobcoder.services.codes import create_code, list_codes
from lobcoder.storage.project import ProjectStore


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "studie.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        create_code(session, "Werkdruk")
    return path


@pytest.fixture
def writer(project: Path) -> Iterator[sqlite3.Connection]:
    """Another program in the middle of a write: it holds SQLite's write lock."""
    connection = sqlite3.connect(project, isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("UPDATE codes SET name = 'Half af'")
    yield connection
    connection.rollback()
    connection.close()


def test_opening_and_reading_do_not_wait_for_a_writer(project: Path, writer: sqlite3.Connection) -> None:
    began = time.monotonic()
    with ProjectStore.open(project) as store, store.read() as session:
        names = [code.name for code in list_codes(session)]
    assert names == ["Werkdruk"]  # the other program's unfinished write is not seen
    assert time.monotonic() - began < 2.0  # the busy timeout is 5 s: nothing waited for the lock


def test_a_write_during_another_write_is_reported_as_locked(project: Path, writer: sqlite3.Connection) -> None:
    with ProjectStore.open(project) as store:
        began = time.monotonic()
        with pytest.raises(StorageProblem) as caught, store.transaction() as session:
            create_code(session, "Nieuw")
        waited = time.monotonic() - began
    assert caught.value.kind == StorageProblem.LOCKED
    assert str(caught.value).startswith(f"{project}: is locked by another program")
    assert waited >= 4.5  # retried for the busy timeout before giving up


def test_an_open_window_keeps_working_while_a_long_transcript_imports(project: Path, tmp_path: Path) -> None:
    import random
    import threading

    from lobcoder.services.batch_import import import_one

    rng = random.Random(15)
    words = "ik denk dat de loopbaanbegeleiding op school beter kan maar de mentor heeft weinig tijd".split()
    lines = [
        f"{'Interviewer' if n % 2 == 0 else 'Anna'}: " + " ".join(rng.choice(words) for _ in range(12))
        for n in range(20_000)
    ]
    transcript = tmp_path / "lang_interview.txt"
    transcript.write_text("\n".join(lines), encoding="utf-8")

    with ProjectStore.open(project) as importer, ProjectStore.open(project) as window:
        results = []
        thread = threading.Thread(target=lambda: results.append(import_one(importer, transcript)))
        thread.start()
        actions = 0
        while thread.is_alive() or actions < 5:
            with window.transaction() as session:  # raises StorageProblem(LOCKED) if it had to wait > 5 s
                create_code(session, f"Code {actions}")
            actions += 1
            time.sleep(0.05)
        thread.join()
    assert results[0].status == "imported" and results[0].turns == 20_000
    with ProjectStore.open(project) as store, store.read() as session:
        assert len(list_codes(session)) == 1 + actions


def test_a_window_keeps_coding_while_another_process_imports_a_large_text(project: Path, tmp_path: Path) -> None:
    """A multi-megabyte transcript imported by `lobcoder import` in another process: every
    action of the open window (a code and a coding, one transaction each) still succeeds."""
    import os
    import random
    import subprocess
    import sys

    from lobcoder.services.codings import add_coding
    from lobcoder.services.documents import add_document, list_documents

    rng = random.Random(15)
    words = "ik denk dat de loopbaanbegeleiding op school beter kan maar één mentor heeft weinig tijd".split()
    lines = [f"{'I' if n % 2 else 'Anna'}: " + " ".join(rng.choice(words) for _ in range(14)) for n in range(60_000)]
    transcript = tmp_path / "groot_interview.txt"
    transcript.write_text("\n\n".join(lines), encoding="utf-8")
    assert transcript.stat().st_size > 5_000_000
    with ProjectStore.open(project) as window:
        with window.transaction() as session:
            document = add_document(session, "kort", "Anna: het was een goede stage.").id
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        importer = subprocess.Popen(
            [sys.executable, "-m", "lobcoder", "import", str(project), str(transcript)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        actions = 0
        deadline = time.monotonic() + 300  # generous: only a hang fails here
        while importer.poll() is None and time.monotonic() < deadline:
            with window.transaction() as session:  # raises StorageProblem(LOCKED) had it waited > 5 s
                code = create_code(session, f"Thema {actions}")
                add_coding(session, document, code.id, 0, 5)
            actions += 1
            time.sleep(0.02)
        out, err = importer.communicate(timeout=60)
        assert importer.returncode == 0, err.decode()
        with window.read() as session:
            names = [d.name for d in list_documents(session)]
            assert len(list_codes(session)) == 1 + actions
    assert "groot_interview" in names
    assert actions >= 3  # the window really worked while the import ran
