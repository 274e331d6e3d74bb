"""A long text's import spool stays in the project's folder, never in the system's temporary folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from lobcoder.search.fulltext import search
from lobcoder.services import prepared_text
from lobcoder.services.batch_import import import_one
from lobcoder.services.documents import get_document
from lobcoder.services.prepared_text import SpooledText, prepare_text, spool_text
from lobcoder.storage.leftovers import find_leftovers, spool_prefix
from lobcoder.storage.project import ProjectStore

REPO = Path(__file__).resolve().parents[2]
_LINE = "Anna: de coördinatie van de stage met de mentor liep “niet” goed – één keer per maand.\n"


@pytest.fixture
def system_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder, empty and watched (tempfile.gettempdir() answers it)."""
    folder = tmp_path / "systeem-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", folder)
    assert tempfile.gettempdir() == str(folder)
    return folder


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see where open files are")
def test_a_long_import_spools_beside_the_project_not_in_the_system_temp_folder(
    tmp_path: Path, system_temp: Path, monkeypatch: pytest.MonkeyPatch, open_files: Callable[[], list[str]]
) -> None:
    monkeypatch.setattr(prepared_text, "_SPOOL_IN_MEMORY", 1 << 16)  # the spool becomes a file (as past 1 MB)
    folder = tmp_path / "onderzoek"
    folder.mkdir()
    source = tmp_path / "interview 7.txt"
    source.write_text(_LINE * 3000, encoding="utf-8")
    seen: list[list[str]] = []
    taken = SpooledText.prepared

    def watched(spooled: SpooledText):  # type: ignore[no-untyped-def]
        seen.append(open_files())  # the moment the spool is full and about to be read back
        return taken(spooled)

    monkeypatch.setattr(SpooledText, "prepared", watched)
    with ProjectStore.create(folder / "studie.lobcoder") as store:
        assert import_one(store, source).status == "imported"
        with store.read() as session:
            assert get_document(session, "interview 7").text == _LINE * 3000
            assert search(session, "coordinatie", limit=5000).documents_matched == 1
    (files,) = seen
    assert any(f.startswith(f"{folder}{os.sep}") and f.endswith(" (deleted)") for f in files)  # nameless, beside
    assert not any(f.startswith(str(system_temp)) for f in files)
    assert list(system_temp.iterdir()) == []
    assert sorted(p.name for p in folder.iterdir()) == ["studie.lobcoder"]  # the spool is gone after the import


def test_the_spool_is_the_prepared_text_and_goes_to_memory_when_the_folder_cannot_be_written(
    tmp_path: Path, system_temp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prepared_text, "_SPOOL_IN_MEMORY", 1024)
    text = _LINE * 200
    expected = prepare_text(text)
    for beside in (tmp_path / "studie.lobcoder", tmp_path / "weg" / "studie.lobcoder"):  # the second folder is missing
        got = spool_text(text, "interview", beside=beside).prepared()
        assert (got.utf8, got.length, got.digest) == (expected.utf8, expected.length, expected.digest)
    assert list(system_temp.iterdir()) == []
    assert list(tmp_path.iterdir()) == [system_temp]


# Spools a long text beside the project, as an import does, and is killed before reading it back.
_KILLED = """
import os, signal, sys
from lobcoder.services import prepared_text
prepared_text._SPOOL_IN_MEMORY = 1024
spooled = prepared_text.spool_text("Anna: één keer per maand.\\n" * 5000, "x", beside=sys.argv[1])
print("spooled", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_spool_a_kill_left_is_removed_when_the_project_is_opened(tmp_path: Path) -> None:
    project = tmp_path / "studie.lobcoder"
    ProjectStore.create(project).close()
    system_temp = tmp_path / "systeem-temp"
    system_temp.mkdir()
    child = subprocess.run(
        [sys.executable, "-c", _KILLED, str(project)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(system_temp)},
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL and child.stdout == "spooled\n", child.stderr
    assert list(system_temp.iterdir()) == []
    # Where the system cannot make a file without a name (or the computer lost power), the spool
    # stays under its hidden name, with the killed process's id in it.
    dead = 2**22 + 12345  # beyond any process id Linux hands out
    leftover = tmp_path / (spool_prefix(project).replace(f".{os.getpid()}.", f".{dead}.") + "k3j_x9a")
    leftover.write_bytes(_LINE.encode("utf-8") * 100)
    assert [found.path for found in find_leftovers(tmp_path / "ander.lobcoder")] == [leftover]
    ProjectStore.open(project).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["studie.lobcoder", "systeem-temp"]
