"""Word documents built with python-docx, read back through read_file."""

from __future__ import annotations

import io
import random
import time
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest

from lobcoder.errors import ImportProblem
from lobcoder.importing.readers import read_file


def _interview(path: Path) -> Path:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "KOPTEKST vertrouwelijk"
    section.footer.paragraphs[0].text = "VOETTEKST pagina"
    document.add_heading("Interview één", level=1)
    document.add_paragraph("Interviewer: Hoe verliep de coördinatie?")
    paragraph = document.add_paragraph("Anna: Het ging ")
    paragraph.add_run("goed").bold = True
    paragraph.add_run(" 😀, dank je.")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "Naam"
    table.cell(0, 1).text = "Rol"
    table.cell(0, 2).text = "Ervaring"
    table.cell(1, 0).text = "Anna"
    table.cell(1, 1).text = "Zorgcoördinator"
    table.cell(1, 2).text = "5 jaar"
    document.add_paragraph("Einde.")
    document.save(path)
    return path


def test_paragraphs_and_table_in_order_without_header_and_footer(tmp_path: Path) -> None:
    result = read_file(_interview(tmp_path / "interview.docx"))
    assert result.format == "docx"
    assert result.turns is None
    assert result.text == (
        "Interview één\n"
        "Interviewer: Hoe verliep de coördinatie?\n"
        "Anna: Het ging goed 😀, dank je.\n"
        "Naam\tRol\tErvaring\n"
        "Anna\tZorgcoördinator\t5 jaar\n"
        "Einde."
    )
    assert "KOPTEKST" not in result.text and "VOETTEKST" not in result.text


def test_merged_cells_appear_once_and_nested_tables_follow_their_row(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Breed"
    table.cell(0, 2).text = "C"
    tall = table.cell(1, 0).merge(table.cell(2, 0))
    tall.text = "Hoog"
    table.cell(1, 1).text = "x"
    table.cell(2, 1).text = "y"
    inner = table.cell(1, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "binnen 1"
    inner.cell(0, 1).text = "binnen 2"
    document.save(tmp_path / "tabel.docx")

    text = read_file(tmp_path / "tabel.docx").text
    assert text.split("\n") == ["Breed\tC", "Hoog\tx", "binnen 1\tbinnen 2", "\ty"]


def test_line_breaks_and_tabs_inside_a_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    run = document.add_paragraph().add_run("eerste regel")
    run.add_break()
    run.add_text("tweede\tregel")
    document.save(tmp_path / "breaks.docx")
    assert read_file(tmp_path / "breaks.docx").text == "eerste regel\ntweede\tregel"


WORD_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<w:body>
 <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
  <w:r><w:t xml:space="preserve">Zie </w:t></w:r>
  <w:hyperlink r:id="rId99"><w:r><w:t>de website</w:t></w:r></w:hyperlink>
  <w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve"> en dit</w:t></w:r></w:ins>
  <w:del w:id="2" w:author="A"><w:r><w:delText> WEG</w:delText></w:r></w:del>
  <w:r><w:fldChar w:fldCharType="begin"/></w:r>
  <w:r><w:instrText> PAGE </w:instrText></w:r>
  <w:r><w:fldChar w:fldCharType="separate"/></w:r>
  <w:r><w:t>.</w:t></w:r>
  <w:r><w:fldChar w:fldCharType="end"/></w:r>
  <w:r><w:footnoteReference w:id="1"/></w:r>
 </w:p>
 <w:sdt><w:sdtPr><w:alias w:val="Blok"/></w:sdtPr>
  <w:sdtContent><w:p><w:r><w:t>In een inhoudsbesturing</w:t></w:r></w:p></w:sdtContent>
 </w:sdt>
 <w:p><w:r><w:t>Voor</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>TEKSTVAK</w:t>
  </w:r></w:p></w:txbxContent></w:pict></w:r><w:r><w:t xml:space="preserve"> na</w:t></w:r></w:p>
 <w:sectPr/>
</w:body>
</w:document>"""


def test_revisions_links_fields_and_content_controls(tmp_path: Path) -> None:
    path = tmp_path / "revisies.docx"
    _replace_member(_interview(tmp_path / "bron.docx"), path, "word/document.xml", WORD_XML.encode("utf-8"))
    assert read_file(path).text == "Zie de website en dit.\nIn een inhoudsbesturing\nVoor na"


def test_empty_document_contains_no_text(tmp_path: Path) -> None:
    docx.Document().save(tmp_path / "leeg.docx")
    with pytest.raises(ImportProblem, match="contains no text"):
        read_file(tmp_path / "leeg.docx")


def test_random_bytes_are_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "kapot.docx"
    path.write_bytes(random.Random(3).randbytes(5000))
    with pytest.raises(ImportProblem) as info:
        read_file(path)
    assert info.value.problem == "is not a Word document (.docx), or it is damaged"


def test_truncated_document(tmp_path: Path) -> None:
    whole = _interview(tmp_path / "heel.docx").read_bytes()
    path = tmp_path / "half.docx"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ImportProblem) as info:
        read_file(path)
    assert info.value.problem == "is not a Word document (.docx), or it is damaged"


def test_zip_without_word_content(tmp_path: Path) -> None:
    path = tmp_path / "archief.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notities.txt", "geen Word")
    with pytest.raises(ImportProblem, match="is not a valid Word document"):
        read_file(path)


def test_zip_bomb_is_refused_while_unpacking(tmp_path: Path) -> None:
    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
    assert path.stat().st_size < 100_000
    with pytest.raises(ImportProblem, match="a zip bomb"):
        read_file(path)


def _replace_member(source: Path, target: Path, name: str, content: bytes) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            new.writestr(item, content if item.filename == name else old.read(item.filename))


BILLION_LAUGHS_DOCUMENT = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>voor &lol9; na</w:t></w:r></w:p></w:body></w:document>"""


def test_document_part_that_is_not_xml(tmp_path: Path) -> None:
    path = tmp_path / "raar.docx"
    _replace_member(_interview(tmp_path / "bron.docx"), path, "word/document.xml", b"geen xml")
    with pytest.raises(ImportProblem) as info:
        read_file(path)
    assert info.value.problem.startswith("is not a valid Word document (.docx): ")


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    source = _interview(tmp_path / "bron.docx")
    path = tmp_path / "lol.docx"
    _replace_member(source, path, "word/document.xml", BILLION_LAUGHS_DOCUMENT)
    started = time.monotonic()
    with pytest.raises(ImportProblem) as info:
        read_file(path)
    assert time.monotonic() - started < 5
    assert info.value.problem == (
        "contains an XML document type declaration in word/document.xml, which is refused for safety"
    )


def test_the_check_runs_on_the_bytes_and_leaves_the_file_alone(tmp_path: Path) -> None:
    path = _interview(tmp_path / "interview.docx")
    before = path.read_bytes()
    read_file(path)
    assert path.read_bytes() == before
    assert zipfile.ZipFile(io.BytesIO(before)).testzip() is None


def _lie_about_packed_size(data: bytes, name: bytes) -> bytes:
    """Make the central directory claim ``name`` is stored uncompressed (packed size = unpacked size)."""
    out = bytearray(data)
    entry = out.find(b"PK\x01\x02")
    while entry != -1:
        name_length = int.from_bytes(out[entry + 28 : entry + 30], "little")
        if out[entry + 46 : entry + 46 + name_length] == name:
            out[entry + 20 : entry + 24] = out[entry + 24 : entry + 28]
        entry = out.find(b"PK\x01\x02", entry + 4)
    return bytes(out)


def test_a_header_that_lies_about_sizes_gains_nothing(tmp_path: Path) -> None:
    # 40 MB of XML packed into ~40 KB, with headers claiming a ratio of 1:
    # the declared sizes pass any check; only the bytes actually unpacked tell.
    filler = b"<w:p/>" * (40 * 1024 * 1024 // 6)
    body = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    source = tmp_path / "bron.docx"
    _replace_member(
        _interview(tmp_path / "echt.docx"), source, "word/document.xml", body + filler + b"</w:body></w:document>"
    )
    packed = source.read_bytes()
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as archive, zipfile.ZipFile(io.BytesIO(packed)) as old:
        for item in old.infolist():
            archive.writestr(item.filename, old.read(item.filename), zipfile.ZIP_DEFLATED)
    path = tmp_path / "liegt.docx"
    path.write_bytes(_lie_about_packed_size(source.read_bytes(), b"word/document.xml"))
    assert path.stat().st_size < 200_000
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
        assert info.compress_size == info.file_size  # the lie
    tracemalloc.start()
    try:
        with pytest.raises(ImportProblem, match="a zip bomb|is damaged") as info:
            read_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024, f"{peak / 2**20:.0f} MB held before refusing"
    assert "()" not in str(info.value)


def test_doctype_after_the_first_64_kib_is_refused(tmp_path: Path) -> None:
    # A 70 KB comment used to hide the DOCTYPE from a check of the prolog only.
    hidden = BILLION_LAUGHS_DOCUMENT.replace(b"<!DOCTYPE", b"<!--" + b"x" * 70_000 + b"-->\n<!DOCTYPE", 1)
    path = tmp_path / "verstopt.docx"
    _replace_member(_interview(tmp_path / "bron.docx"), path, "word/document.xml", hidden)
    with pytest.raises(ImportProblem, match="document type declaration in word/document.xml"):
        read_file(path)
