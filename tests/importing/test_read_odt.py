"""OpenDocument text files written by hand as minimal valid ODF packages."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from lobcoder.errors import ImportProblem
from lobcoder.importing.readers import read_file

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
  manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/"
  manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""

CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content
  xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  office:version="1.2">
 <office:body>
  <office:text>
   <text:sequence-decls>
    <text:sequence-decl text:display-outline-level="0" text:name="Table"/>
   </text:sequence-decls>
   {body}
  </office:text>
 </office:body>
</office:document-content>"""


def _odt(
    path: Path, body: str, *, mimetype: str = "application/vnd.oasis.opendocument.text", content: str | None = None
) -> Path:
    if content is None:
        content = CONTENT.format(body=body)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", MANIFEST)
    return path


def test_headings_paragraphs_lists_and_spacing(tmp_path: Path) -> None:
    body = """
   <text:h text:outline-level="1">Interview één</text:h>
   <text:p>Interviewer: Hoe verliep de <text:span>coördinatie</text:span>?</text:p>
   <text:p>Anna:<text:s/>Het ging<text:s text:c="3"/>goed 😀<text:tab/>echt.</text:p>
   <text:p>
      Regel
      één<text:line-break/>regel twee
   </text:p>
   <text:list>
    <text:list-item><text:p>eerste punt</text:p></text:list-item>
    <text:list-item><text:p>tweede punt</text:p>
     <text:list><text:list-item><text:p>genest punt</text:p></text:list-item></text:list>
    </text:list-item>
   </text:list>
   <text:p>Met voetnoot<text:note text:note-class="footnote">
     <text:note-citation>1</text:note-citation>
     <text:note-body><text:p>VOETNOOT</text:p></text:note-body></text:note> erna.</text:p>
   <text:p><text:span>ge<text:span>nest</text:span>e</text:span> spans</text:p>
"""
    result = read_file(_odt(tmp_path / "interview.odt", body))
    assert result.format == "odt"
    assert result.text == (
        "Interview één\n"
        "Interviewer: Hoe verliep de coördinatie?\n"
        "Anna: Het ging   goed 😀\techt.\n"
        "Regel één\nregel twee\n"
        "eerste punt\n"
        "tweede punt\n"
        "genest punt\n"
        "Met voetnoot erna.\n"
        "geneste spans"
    )


def test_tables_with_merged_and_nested_cells(tmp_path: Path) -> None:
    body = """
   <text:p>Voor</text:p>
   <table:table table:name="T">
    <table:table-column table:number-columns-repeated="3"/>
    <table:table-header-rows>
     <table:table-row>
      <table:table-cell table:number-columns-spanned="2"><text:p>Breed</text:p></table:table-cell>
      <table:covered-table-cell/>
      <table:table-cell><text:p>C</text:p></table:table-cell>
     </table:table-row>
    </table:table-header-rows>
    <table:table-row>
     <table:table-cell><text:p>a1</text:p><text:p>a2</text:p></table:table-cell>
     <table:table-cell><text:p>b</text:p></table:table-cell>
     <table:table-cell>
      <table:table><table:table-row>
       <table:table-cell><text:p>binnen 1</text:p></table:table-cell>
       <table:table-cell><text:p>binnen 2</text:p></table:table-cell>
      </table:table-row></table:table>
     </table:table-cell>
    </table:table-row>
   </table:table>
   <text:p>Na</text:p>
"""
    text = read_file(_odt(tmp_path / "tabel.odt", body)).text
    assert text.split("\n") == ["Voor", "Breed\tC", "a1 a2\tb", "binnen 1\tbinnen 2", "Na"]


def test_spreadsheet_renamed_to_odt_is_refused(tmp_path: Path) -> None:
    path = _odt(
        tmp_path / "cijfers.odt", "<text:p>x</text:p>", mimetype="application/vnd.oasis.opendocument.spreadsheet"
    )
    with pytest.raises(ImportProblem, match="is not an OpenDocument text file"):
        read_file(path)


def test_missing_content_xml(tmp_path: Path) -> None:
    path = tmp_path / "leeg.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(ImportProblem) as info:
        read_file(path)
    assert info.value.problem == ("is not a valid OpenDocument text file (.odt): it has no content.xml")


def test_broken_xml(tmp_path: Path) -> None:
    path = _odt(tmp_path / "kapot.odt", "", content="<office:document-content><niet dicht")
    with pytest.raises(ImportProblem, match=r"content\.xml is damaged"):
        read_file(path)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "tekst.odt"
    path.write_text("dit is gewoon tekst", encoding="utf-8")
    with pytest.raises(ImportProblem, match=r"is not an OpenDocument text file \(\.odt\), or it is damaged"):
        read_file(path)


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    entities = "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10))
    content = f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">{entities}]>' + CONTENT.split("?>", 1)[
        1
    ].format(body="<text:p>&lol9;</text:p>")
    path = _odt(tmp_path / "lol.odt", "", content=content)
    started = time.monotonic()
    with pytest.raises(ImportProblem) as info:
        read_file(path)
    assert time.monotonic() - started < 5
    assert info.value.problem == (
        "contains an XML document type declaration in content.xml, which is refused for safety"
    )


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = _odt(tmp_path / "bom.odt", "", content=" " * (30 * 1024 * 1024))
    with pytest.raises(ImportProblem, match="a zip bomb"):
        read_file(path)


def test_a_damaged_mimetype_is_named_in_one_line(tmp_path: Path) -> None:
    # Found by benchmarks/fuzz.py: a line break inside the mimetype member.
    path = _odt(
        tmp_path / "raar.odt", "<text:p>Hallo</text:p>", mimetype="application/vnd.oasis\n.opendocument.spreadsheet"
    )
    with pytest.raises(ImportProblem) as info:
        read_file(path)
    assert "\n" not in str(info.value) and "is not an OpenDocument text file" in str(info.value)
