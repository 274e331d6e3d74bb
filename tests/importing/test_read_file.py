"""read_file: dispatch by extension and every way a file can be unusable."""

from __future__ import annotations

import codecs
import os
import random
from pathlib import Path

import docx
import pytest

from lobcoder.errors import ImportProblem, UnsupportedFormat
from lobcoder.importing.readers import MAX_FILE_BYTES, SUPPORTED_EXTENSIONS, read_file

DUTCH = (
    "Ik vond het één keer heel moeilijk, maar de coördinatie met de gemeente "
    "verliep daarna goed. ‘Zo gaat dat hier’, zei ze. Het kostte ons € 250 per "
    "maand, en dat vonden we “redelijk”.\r\nCliënten waren tevreden over de zorg.\r\n"
)
EXPECTED = DUTCH.replace("\r\n", "\n")


def test_supported_extensions() -> None:
    assert set(SUPPORTED_EXTENSIONS) == {
        ".txt",
        ".md",
        ".markdown",
        ".html",
        ".htm",
        ".docx",
        ".odt",
        ".rtf",
        ".pdf",
        ".vtt",
        ".srt",
        ".json",
    }
    assert MAX_FILE_BYTES == 100 * 1024 * 1024


@pytest.mark.parametrize(
    "codec, bom, encoding",
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
        ("utf-16-le", b"", "utf-16-le"),
        ("cp1252", b"", "cp1252"),
    ],
)
def test_txt_in_every_encoding_with_crlf(tmp_path: Path, codec: str, bom: bytes, encoding: str) -> None:
    path = tmp_path / "interview.txt"
    path.write_bytes(bom + DUTCH.encode(codec))
    result = read_file(path)
    assert result.text == EXPECTED
    assert result.encoding == encoding
    assert result.format == "txt"
    assert result.turns is None


def test_short_windows_1252_line(tmp_path: Path) -> None:
    path = tmp_path / "kort.txt"
    path.write_bytes("Dat was één coördinatie.\r\n".encode("cp1252"))
    assert read_file(path).text == "Dat was één coördinatie.\n"


def test_decomposed_text_is_stored_composed(tmp_path: Path) -> None:
    path = tmp_path / "nfd.txt"
    path.write_text("e\u0301e\u0301n", encoding="utf-8")
    assert read_file(path).text == "één"


def test_dispatch_ignores_the_case_of_the_extension(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Hallo één")
    document.save(tmp_path / "BRIEF.DOCX")
    (tmp_path / "Notities.TXT").write_text("Hallo twee", encoding="utf-8")
    (tmp_path / "Ondertitels.Vtt").write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHallo drie\n", encoding="utf-8")
    assert read_file(tmp_path / "BRIEF.DOCX").format == "docx"
    assert read_file(tmp_path / "Notities.TXT").text == "Hallo twee"
    assert read_file(str(tmp_path / "Ondertitels.Vtt")).format == "vtt"


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "data.xyz"
    path.write_text("iets", encoding="utf-8")
    with pytest.raises(UnsupportedFormat) as info:
        read_file(path)
    assert info.value.problem == (
        "unsupported file type '.xyz' (supported: .txt, .md, .markdown, .html, "
        ".htm, .docx, .odt, .rtf, .pdf, .vtt, .srt, .json)"
    )
    assert isinstance(info.value, ImportProblem)


def test_file_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "README"
    path.write_text("iets", encoding="utf-8")
    with pytest.raises(UnsupportedFormat) as info:
        read_file(path)
    assert info.value.problem.startswith("unsupported file type (the name has no extension; ")


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "weg.txt"
    with pytest.raises(ImportProblem) as info:
        read_file(path)
    assert str(info.value) == f"{path}: does not exist"


def test_folder(tmp_path: Path) -> None:
    folder = tmp_path / "map.txt"
    folder.mkdir()
    with pytest.raises(ImportProblem) as info:
        read_file(folder)
    assert info.value.problem == "is a folder, not a file"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read files whatever their permissions"
)
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "geheim.txt"
    path.write_text("geheim", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(ImportProblem) as info:
            read_file(path)
    finally:
        path.chmod(0o600)
    assert info.value.problem == "cannot be read (permission denied)"


def test_too_large_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "groot.txt"
    with path.open("wb") as stream:
        stream.truncate(200 * 1024 * 1024)  # sparse: takes no disk space
    with pytest.raises(ImportProblem) as info:
        read_file(path)
    assert info.value.problem == "is too large (200.0 MB; the limit is 100 MB)"


def test_binary_junk_renamed_to_txt(tmp_path: Path) -> None:
    path = tmp_path / "foto.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(5).randbytes(3000))
    with pytest.raises(ImportProblem) as info:
        read_file(path)
    assert info.value.problem == "is not a text file (it looks like binary data)"


@pytest.mark.parametrize("name", ["leeg.txt", "leeg.docx", "leeg.pdf", "leeg.vtt"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(ImportProblem) as info:
        read_file(path)
    assert info.value.problem == "is empty"


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "spaties.txt"
    path.write_bytes(b" \r\n\t \r\n")
    with pytest.raises(ImportProblem, match="is empty"):
        read_file(path)


def test_unexpected_parser_errors_become_import_problems(tmp_path: Path) -> None:
    # striprtf trips over a \bin without a length with a bare ValueError.
    path = tmp_path / "plaatje.rtf"
    path.write_bytes(rb"{\rtf1 tekst {\pict\bin x}}")
    with pytest.raises(ImportProblem) as info:
        read_file(path)
    assert info.value.problem == ("could not be read as RTF: invalid literal for int() with base 10: ''")
    assert isinstance(info.value.__cause__, ValueError)
