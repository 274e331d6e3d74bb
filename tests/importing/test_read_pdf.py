"""PDFs written by hand (with a correct xref table) and read through read_file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from lobcoder.errors import ImportProblem
from lobcoder.importing.readers import read_file
from lobcoder.importing.readers.pdf import NO_TEXT_LAYER


def _pdf(pages: list[list[str]]) -> bytes:
    """A PDF with one page per entry; each string is a line of Helvetica text.

    Strings are PDF literal strings in WinAnsiEncoding, so "é" is written
    as the octal escape ``\\351``.
    """
    font_id = 3
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for lines in pages:
        operations = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
        for line in lines:
            operations += [f"({line}) Tj", "T*"]
        operations.append("ET")
        stream = "\n".join(operations).encode("latin-1") if lines else b""
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        content_id = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font_id, content_id)
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % kid for kid in kids), len(kids))

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_hand_written_pdf_is_a_valid_pdf(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(_pdf([["Hallo"]]))
    reader = PdfReader(path, strict=True)
    assert len(reader.pages) == 1


def test_text_of_pages_joined_by_a_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "interview.pdf"
    path.write_bytes(
        _pdf(
            [
                ["Interview \\351\\351n", "Hoe verliep de co\\366rdinatie?"],
                ["Het kostte \\200 250, \\221echt\\222."],
            ]
        )
    )
    result = read_file(path)
    assert result.format == "pdf"
    assert result.text == ("Interview één\nHoe verliep de coördinatie?\n\nHet kostte € 250, ‘echt’.")
    assert result.warnings == ()


def test_page_without_text_is_skipped_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "deels.pdf"
    path.write_bytes(_pdf([["Eerste pagina"], [], ["Derde pagina"]]))
    result = read_file(path)
    assert result.text == "Eerste pagina\n\nDerde pagina"
    assert [str(warning) for warning in result.warnings] == [
        "page 2 of 3 had no text layer and was skipped (scanned?); run OCR on the PDF to include it",
    ]
    assert [warning.text("nl") for warning in result.warnings] == [
        "pagina 2 van 3 had geen tekstlaag en is overgeslagen (gescand?); "
        "laat tekstherkenning (OCR) op de pdf los om die mee te nemen",
    ]


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf([[], []]))
    with pytest.raises(ImportProblem) as info:
        read_file(path)
    assert info.value.said == NO_TEXT_LAYER
    assert "ocrmypdf" in str(info.value)


def _encrypt(source: bytes, target: Path, user: str, owner: str) -> None:
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(source)).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user, owner_password=owner, algorithm="RC4-128")
    with target.open("wb") as stream:
        writer.write(stream)


def test_password_protected_pdf(tmp_path: Path) -> None:
    path = tmp_path / "geheim.pdf"
    _encrypt(_pdf([["Geheim"]]), path, user="geheim", owner="eigenaar")
    with pytest.raises(ImportProblem) as info:
        read_file(path)
    assert info.value.problem.startswith("is protected with a password")


def test_pdf_with_only_an_owner_password_opens(tmp_path: Path) -> None:
    path = tmp_path / "beperkt.pdf"
    _encrypt(_pdf([["Alleen lezen"]]), path, user="", owner="eigenaar")
    assert read_file(path).text == "Alleen lezen"


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "nep.pdf"
    path.write_bytes(b"dit is helemaal geen pdf")
    with pytest.raises(ImportProblem) as info:
        read_file(path)
    assert info.value.problem == "is not a PDF document (it lacks the %PDF- header)"


@pytest.mark.parametrize("cut", [20, 3, 2])
def test_broken_or_truncated_pdf(tmp_path: Path, cut: int) -> None:
    data = _pdf([["Een pagina met tekst"]])
    path = tmp_path / "half.pdf"
    path.write_bytes(data[: len(data) // cut])
    with pytest.raises(ImportProblem) as info:
        read_file(path)
    assert info.value.problem.startswith("is not a valid PDF: ")
