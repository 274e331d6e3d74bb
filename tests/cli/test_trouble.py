"""Real-world trouble reaches the user as one line naming the file, never as a traceback.

Each case reproduces one of the tracebacks of issue 15 with real files: a
truncated project, a read-only project or folder, damaged .qdpx archives, a
NUL byte in a .qdpx source, a full disk.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from lobcoder.__main__ import main
from lobcoder.errors import StorageProblem
from lobcoder.refi.qdpx_export import export_qdpx
from lobcoder.services.codes import create_code, list_codes
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document, get_document
from lobcoder.storage.models import Coding
from lobcoder.storage.project import ProjectStore

TEXT = "Interviewer: Hoe begon je dag?\nAnna: Eerst koffie en dan één uur coördinatie met collega’s.\n"
QUOTE = "één uur coördinatie"


def run(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def assert_one_line(err: str, path: Path, *words: str) -> None:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err and "Error" not in err.split(":", 2)[-1], err
    assert str(path) in lines[0], err
    for word in words:
        assert word in lines[0], err


def make_project(path: Path) -> Path:
    with ProjectStore.create(path) as store, store.transaction() as session:
        document = add_document(session, "Anna", TEXT, ()).id
        code = create_code(session, "Werkdruk").id
        start = TEXT.index(QUOTE)
        add_coding(session, document, code, start, start + len(QUOTE), coder="anna")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "studie.lobcoder")


@pytest.fixture
def qdpx(project: Path, tmp_path: Path) -> Path:
    target = tmp_path / "studie.qdpx"
    with ProjectStore.open(project) as store:
        export_qdpx(store, target)
    return target


REPO = Path(__file__).resolve().parents[2]


def run_limited(args: list[str | Path], max_file_bytes: int) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a subprocess that may not write files larger than ``max_file_bytes`` (a full disk)."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "lobcoder", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, preexec_fn=limit, env=env, timeout=120)


@contextlib.contextmanager
def mounted_tmpfs(folder: Path) -> Iterator[Path]:
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a file system here (not root, or no CAP_SYS_ADMIN)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def read_only_copy(project: Path, tmp_path: Path) -> Iterator[Path]:
    """The project in a folder that really cannot be written, also by root.

    chmod means nothing to root (tests run as root in CI), so as root the
    folder is a tmpfs remounted read-only: the kernel then refuses every write
    (EROFS) whoever asks. Skipped only where neither is possible.
    """
    if os.geteuid() != 0:
        folder = tmp_path / "readonly"
        folder.mkdir()
        shutil.copy(project, folder / project.name)
        (folder / project.name).chmod(0o444)
        folder.chmod(0o555)
        yield folder / project.name
        folder.chmod(0o755)
        return
    with mounted_tmpfs(tmp_path / "readonly") as folder:
        shutil.copy(project, folder / project.name)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder / project.name


# -- 4: damaged, read-only and full projects -----------------------------------


def test_truncated_project_is_reported_as_damaged(project: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "kapot.lobcoder"
    truncated.write_bytes(project.read_bytes()[:20_000])
    code, _, err = run("info", truncated)
    assert code == 2
    assert_one_line(err, truncated, "damaged")


def test_read_only_folder_still_shows_the_project(read_only_copy: Path) -> None:
    code, out, err = run("info", read_only_copy)
    assert code == 0, err
    assert "codings        1" in out
    code, out, err = run("search", read_only_copy, "coördinatie")
    assert code == 0, err
    assert not list(read_only_copy.parent.iterdir())[1:], "nothing written beside the project"


def test_codebook_import_into_read_only_project_says_so(read_only_copy: Path, project: Path, tmp_path: Path) -> None:
    codebook = tmp_path / "codes.qdc"
    with ProjectStore.create(tmp_path / "other.lobcoder") as other, other.transaction() as session:
        create_code(session, "Loopbaan")
    assert run("codebook", "export", tmp_path / "other.lobcoder", "--out", codebook)[0] == 0
    before = read_only_copy.read_bytes()
    code, _, err = run("codebook", "import", read_only_copy, codebook)
    assert code == 2
    assert_one_line(err, read_only_copy, "read-only")
    assert read_only_copy.read_bytes() == before
    code, out, _ = run("codebook", "import", read_only_copy, codebook, "--dry-run")
    assert code == 0 and "dry run" in out


def test_read_only_store_refuses_actions_in_words(project: Path) -> None:
    # Root-proof: SQLite itself opens the file read-only (mode=ro).
    with ProjectStore.open(project, read_only=True) as store:
        with store.read() as session:
            assert [c.name for c in list_codes(session)] == ["Werkdruk"]
        with pytest.raises(StorageProblem) as caught, store.transaction() as session:
            create_code(session, "Nieuw")
    assert caught.value.kind == StorageProblem.READ_ONLY
    assert str(project) in str(caught.value) and "read-only" in str(caught.value)


def test_sqlite_read_only_error_is_classified(project: Path) -> None:
    from lobcoder.storage.failures import explain

    connection = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as caught:
        connection.execute("DELETE FROM codes")
    connection.close()
    problem = explain(caught.value, project)
    assert isinstance(problem, StorageProblem) and problem.kind == StorageProblem.READ_ONLY
    assert str(problem).startswith(f"{project}: is read-only")


def test_new_project_on_a_full_disk(tmp_path: Path) -> None:
    target = tmp_path / "vol.lobcoder"
    done = run_limited(["new", target], max_file_bytes=8192)
    assert done.returncode == 2, done.stderr
    # A file-size limit reaches SQLite as EFBIG, which it reports as an I/O error.
    assert_one_line(done.stderr, target, "disk", "full")
    assert list(tmp_path.iterdir()) == [], "no partial project left"


# -- 5: project import when the disk fills --------------------------------------


def test_project_import_on_a_full_disk(tmp_path: Path) -> None:
    big = tmp_path / "groot.lobcoder"
    with ProjectStore.create(big) as store, store.transaction() as session:
        rng = __import__("random").Random(15)
        words = ["loopbaan", "keuze", "stage", "mentor", "school", "werk", "twijfel"]
        for number in range(3):
            text = " ".join(rng.choice(words) for _ in range(60_000)) + "\n"
            add_document(session, f"Interview {number}", text, ())
    qdpx = tmp_path / "groot.qdpx"
    with ProjectStore.open(big) as store:
        export_qdpx(store, qdpx)
    target = tmp_path / "kopie.lobcoder"
    done = run_limited(["project", "import", qdpx, "--out", target], max_file_bytes=600_000)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert_one_line(done.stderr, target, "disk", "full")
    assert not target.exists()


# -- 1-3: damaged and odd .qdpx files -------------------------------------------


def _rewrite_end_record(data: bytes, directory_offset: int) -> bytes:
    end = data.rfind(b"PK\x05\x06")
    return data[: end + 16] + directory_offset.to_bytes(4, "little") + data[end + 20 :]


def test_qdpx_whose_end_record_points_past_the_directory(qdpx: Path, tmp_path: Path) -> None:
    data = qdpx.read_bytes()
    end = data.rfind(b"PK\x05\x06")
    offset = int.from_bytes(data[end + 16 : end + 20], "little")
    broken = tmp_path / "verschoven.qdpx"
    broken.write_bytes(_rewrite_end_record(data, offset + 500))
    target = tmp_path / "nieuw.lobcoder"
    code, _, err = run("project", "import", broken, "--out", target)
    assert code == 2
    assert_one_line(err, broken, "damaged")
    assert list(tmp_path.glob("nieuw*")) == []


def test_qdpx_with_a_damaged_bzip2_member(qdpx: Path, tmp_path: Path) -> None:
    broken = tmp_path / "bzip2.qdpx"
    with zipfile.ZipFile(qdpx) as source, zipfile.ZipFile(broken, "w", zipfile.ZIP_BZIP2) as out:
        for name in source.namelist():
            out.writestr(name, source.read(name))
    data = bytearray(broken.read_bytes())
    with zipfile.ZipFile(broken) as archive:
        info = archive.getinfo("project.qde")
    start = info.header_offset + 30 + len(info.filename.encode()) + 12
    for index in range(start, start + 24):
        data[index] ^= 0x55
    broken.write_bytes(bytes(data))
    target = tmp_path / "nieuw.lobcoder"
    code, _, err = run("project", "import", broken, "--out", target)
    assert code == 2
    assert_one_line(err, broken, "damaged")
    assert list(tmp_path.glob("nieuw*")) == []


def test_qdpx_source_with_a_nul_byte_before_a_coding(qdpx: Path, tmp_path: Path) -> None:
    odd = tmp_path / "nul.qdpx"
    with zipfile.ZipFile(qdpx) as source, zipfile.ZipFile(odd, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            data = source.read(name)
            if name.startswith("sources/"):
                data = data.replace(b"Eerst", b"E\x00rst")  # same length: positions stay put
            out.writestr(name, data)
    target = tmp_path / "nieuw.lobcoder"
    code, _, err = run("project", "import", odd, "--out", target)
    assert code == 0, err
    with ProjectStore.open(target) as store, store.read() as session:
        document = get_document(session, "Anna")
        assert "\x00" not in document.text and "E\ufffdrst" in document.text
        (coding,) = session.scalars(select(Coding)).all()
        assert document.text[coding.start : coding.end] == QUOTE
        length = len(document.text)
    code, out, _ = run("info", target)
    assert code == 0 and re.search(rf"characters +{length}\n", out), out
