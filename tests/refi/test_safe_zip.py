"""Untrusted zips: zip slip, symlinks, bombs and floods are refused; lookups are lenient."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from lobcoder.errors import FileProblem, ImportProblem
from lobcoder.i18n.said import say
from lobcoder.importing.safe_zip import MB, SafeZip, normalise_name, write_zip

QDPX = say("problem.kind.qdpx")


def make_zip(path: Path, members: dict[str, bytes], **info: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            entry = zipfile.ZipInfo(name)
            entry.compress_type = zipfile.ZIP_DEFLATED
            for key, value in info.items():
                setattr(entry, key, value)
            archive.writestr(entry, data)
    return path


def zeros_zip(path: Path, size: int) -> Path:
    """A member of ``size`` zero bytes, streamed so the test never holds it in memory."""
    chunk = b"\0" * MB
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("sources/zeros.txt", "w", force_zip64=True) as member:
            for _ in range(size // MB):
                member.write(chunk)
    return path


@pytest.mark.parametrize("name", ["../evil.txt", "sources/../../evil.txt", "/abs.txt", "C:\\x", "\\\\server\\x.txt"])
def test_zip_slip_members_are_refused(tmp_path: Path, name: str) -> None:
    path = make_zip(tmp_path / "slip.qdpx", {"project.qde": b"<x/>", name: b"evil"})
    with pytest.raises(FileProblem) as caught:
        SafeZip(path, kind=QDPX)
    assert "outside" in str(caught.value) and repr(name) in str(caught.value)
    assert not (tmp_path.parent / "evil.txt").exists()


def test_symlink_member_is_refused(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path / "link.qdpx", {"sources/link": b"/etc/passwd"}, external_attr=(stat.S_IFLNK | 0o777) << 16
    )
    with pytest.raises(FileProblem, match="symbolic link"):
        SafeZip(path, kind=QDPX)


def test_encrypted_member_is_refused(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "enc.qdpx", {"project.qde": b"<x/>"})
    data = bytearray(path.read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 8] |= 0x1  # the "encrypted" general purpose flag, as an encrypting zipper sets it
    path.write_bytes(bytes(data))
    with pytest.raises(FileProblem, match="encrypted"):
        SafeZip(path, kind=QDPX)


def test_duplicate_names_after_normalising_are_refused(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "dup.qdpx", {"Sources/a.txt": b"1", "sources\\A.txt": b"2"})
    with pytest.raises(FileProblem, match="same name"):
        SafeZip(path, kind=QDPX)


def test_too_many_members_are_refused(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "many.qdpx", {f"sources/{i}.txt": b"x" for i in range(11)})
    with pytest.raises(FileProblem, match="11 members"):
        SafeZip(path, kind=QDPX, max_members=10)
    assert len(SafeZip(path, kind=QDPX, max_members=11).names()) == 11


def test_600_mb_bomb_is_refused(tmp_path: Path) -> None:
    path = zeros_zip(tmp_path / "bomb.qdpx", 600 * MB)
    assert path.stat().st_size < 2 * MB
    with pytest.raises(FileProblem, match="larger than 500 MB"):
        SafeZip(path, kind=QDPX)


def test_ratio_is_checked_while_decompressing(tmp_path: Path) -> None:
    path = zeros_zip(tmp_path / "bomb.qdpx", 8 * MB)
    with SafeZip(path, kind=QDPX) as archive, pytest.raises(FileProblem, match="zip bomb") as caught:
        archive.read("sources/zeros.txt")
    assert "'sources/zeros.txt'" in str(caught.value)


def test_member_and_total_limits_count_decompressed_bytes(tmp_path: Path) -> None:
    path = zeros_zip(tmp_path / "z.qdpx", 3 * MB)
    with SafeZip(path, kind=QDPX, max_ratio=10**9) as archive:
        assert len(archive.read("sources/zeros.txt")) == 3 * MB
    with SafeZip(path, kind=QDPX, max_ratio=10**9) as archive:
        archive.max_member = 2 * MB  # as if the header had lied about the size
        with pytest.raises(FileProblem, match="more than 2 MB"):
            archive.read("sources/zeros.txt")
    with SafeZip(path, kind=QDPX, max_ratio=10**9, max_total=5 * MB) as archive:
        archive.read("sources/zeros.txt")
        with pytest.raises(FileProblem, match="in total"):
            archive.read("sources/zeros.txt")


def test_lookup_ignores_case_and_slash_style(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.qdpx", {"Project.qde": b"<p/>", "Sources/X.txt": b"hello", "sources/": b""})
    with SafeZip.open(path, kind=QDPX) as archive:
        assert archive.names() == ["Project.qde", "Sources/X.txt"]
        assert archive.find("sources\\x.TXT") == "Sources/X.txt"
        assert archive.read("project.qde") == b"<p/>"
        assert archive.read("./sources/x.txt") == b"hello"
        assert "SOURCES/X.TXT" in archive and "missing.txt" not in archive
        assert archive.member("nope") is None
        with pytest.raises(FileProblem, match="no member 'nope.txt'"):
            archive.read("nope.txt")


def test_extract_stays_inside_folder(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.qdpx", {"project.qde": b"<p/>", "sources/./a.txt": b"a"})
    out = tmp_path / "out"
    with SafeZip(path, kind=QDPX) as archive:
        written = archive.extract_to(out)
    assert sorted(p.relative_to(out.resolve()).as_posix() for p in written) == ["project.qde", "sources/a.txt"]
    assert (out / "sources" / "a.txt").read_bytes() == b"a"


def test_not_a_zip(tmp_path: Path) -> None:
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"not a zip at all")
    with pytest.raises(ImportProblem, match=r"is not a REFI-QDA project file \(\.qdpx\), or it is damaged"):
        SafeZip(bad, kind=QDPX)
    with pytest.raises(FileProblem, match="not found"):
        SafeZip(tmp_path / "missing.qdpx", kind=QDPX)


def test_a_damaged_zip_is_named_for_the_kind_of_file_it_should_be(tmp_path: Path) -> None:
    bad = tmp_path / "Interview.docx"
    bad.write_bytes(b"PK\x03\x04 cut off after the first header")
    with pytest.raises(ImportProblem) as caught:
        SafeZip(bad, kind=say("problem.kind.docx"))
    assert caught.value.text("en") == f"{bad}: is not a Word document (.docx), or it is damaged"
    assert caught.value.text("nl") == f"{bad}: is geen Word-document (.docx) of is beschadigd"
    # Other refusals keep their own words whatever the kind.
    slip = make_zip(tmp_path / "slip.docx", {"../evil.xml": b"<x/>"})
    with pytest.raises(FileProblem, match="outside") as refused:
        SafeZip(slip, kind=say("problem.kind.docx"))
    assert not isinstance(refused.value, ImportProblem)


def test_normalise_name() -> None:
    assert normalise_name("a\\b/./c") == "a/b/c"
    assert normalise_name("a/../b") is None
    assert normalise_name("D:/x") is None


def test_write_zip_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "out.qdpx"
    write_zip(target, {"project.qde": b"<p/>", "sources/a.txt": "é".encode()})
    with SafeZip(target, kind=QDPX) as archive:
        assert archive.read("sources/a.txt") == "é".encode()
    before = target.read_bytes()
    with pytest.raises(ValueError, match="unsafe"):
        write_zip(target, {"../x": b""})

    with pytest.raises(TypeError):
        write_zip(target, {"project.qde": b"<p/>", "sources/b.txt": object()})  # type: ignore[dict-item]
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.qdpx"]


def test_a_zip_that_cannot_be_written_is_named_as_every_export_and_nothing_is_left(tmp_path: Path) -> None:
    missing = tmp_path / "weg" / "out.qdpx"
    with pytest.raises(FileProblem) as failed:
        write_zip(missing, {"project.qde": b"<p/>"})
    assert str(failed.value) == f"{missing}: cannot be written: No such file or directory"
    folder = tmp_path / "out.qdpx"
    folder.mkdir()
    with pytest.raises(FileProblem) as failed:
        write_zip(folder, {"project.qde": b"<p/>"})
    assert str(failed.value) == f"{folder}: cannot be written: Is a directory"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.qdpx"]  # no temporary file beside it
