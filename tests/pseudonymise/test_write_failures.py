"""A term list or key file that cannot be written: one line naming it, worded as every other export, nothing left."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from lobcoder.errors import FileProblem
from lobcoder.pseudonymise.keyfile import KeyFileError, write_key
from lobcoder.pseudonymise.termlist import write_term_list

REPO = Path(__file__).resolve().parents[2]


def test_a_term_list_that_cannot_be_written_is_named_and_nothing_is_left(tmp_path: Path) -> None:
    missing = tmp_path / "weg" / "termen.csv"
    with pytest.raises(FileProblem) as failed:
        write_term_list(missing, [])
    assert str(failed.value) == f"{missing}: cannot be written: No such file or directory"
    folder = tmp_path / "termen.csv"
    folder.mkdir()
    with pytest.raises(FileProblem) as failed:
        write_term_list(folder, [])
    assert str(failed.value) == f"{folder}: cannot be written: Is a directory"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["termen.csv"]  # no partial file beside it


def test_a_key_file_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "weg" / "sleutel.json"
    with pytest.raises(KeyFileError) as failed:
        write_key(missing, {"terms": []})
    assert str(failed.value) == f"{missing}: cannot be written: No such file or directory"


def test_a_key_file_cut_off_by_a_full_disk_is_removed(tmp_path: Path) -> None:
    """A half key cannot give the originals back, and its name would refuse the next attempt."""
    key = tmp_path / "sleutel.json"
    script = (
        "import sys\n"
        "from lobcoder.pseudonymise.keyfile import KeyFileError, write_key\n"
        "try:\n"
        "    write_key(sys.argv[1], {'terms': [{'term': 'Marieke', 'pseudonym': 'Docent 1'}] * 50})\n"
        "except KeyFileError as exc:\n"
        "    print(exc)\n"
    )

    def full_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))

    done = subprocess.run(
        [sys.executable, "-c", script, str(key)],
        capture_output=True,
        text=True,
        preexec_fn=full_disk,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )
    assert done.stdout.strip() == f"{key}: cannot be written: File too large", done.stderr
    assert not key.exists()


def test_a_key_file_write_interrupted_by_ctrl_c_leaves_no_half_key(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+C while the key is flushed to disk: no half key is left, so the same name can be written again."""
    key = tmp_path / "sleutel.json"

    def interrupted(_descriptor: int) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(os, "fsync", interrupted)
        with pytest.raises(KeyboardInterrupt):
            write_key(key, {"terms": [{"term": "Marieke", "pseudonym": "Docent 1"}]})
    assert not key.exists()
    write_key(key, {"terms": [{"term": "Marieke", "pseudonym": "Docent 1"}]})  # not "already exists"
    assert '"Docent 1"' in key.read_text(encoding="utf-8")
