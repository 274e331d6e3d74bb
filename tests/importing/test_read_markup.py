"""Markdown kept as source, HTML turned into the text a browser shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from lobcoder.errors import ImportProblem
from lobcoder.importing.readers import read_file

HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Venstertitel</title>
<style>p { color: red; }</style>
<script>var x = "<p>geen tekst</p>";</script></head>
<body>
<h1>Interview   één</h1>
<p>Interviewer: Hoe verliep
   de <b>coördinatie</b>?</p>
<p>Anna: Het ging&nbsp;goed &amp; snel &mdash; echt &#x1F600;.<br>Nieuwe regel.</p>
<div>Blok <span>met</span> tekst<div>genest blok</div></div>
<ul><li>eerste</li><li>tweede <i>punt</i></li></ul>
<table>
 <tr><th>Naam</th><th>Rol</th></tr>
 <tr><td>Anna</td><td><p>Zorg</p><p>coördinator</p></td></tr>
</table>
<pre>
  code  blijft
    staan
</pre>
<p>   </p>
</body></html>
"""


def test_html_blocks_become_lines(tmp_path: Path) -> None:
    path = tmp_path / "interview.html"
    path.write_text(HTML, encoding="utf-8")
    result = read_file(path)
    assert result.format == "html"
    assert result.encoding == "utf-8"
    assert result.text == (
        "Interview één\n"
        "Interviewer: Hoe verliep de coördinatie?\n"
        "Anna: Het ging\u00a0goed & snel \u2014 echt 😀.\n"
        "Nieuwe regel.\n"
        "Blok met tekst\n"
        "genest blok\n"
        "eerste\n"
        "tweede punt\n"
        "Naam\tRol\n"
        "Anna\tZorg coördinator\n"
        "  code  blijft\n"
        "    staan"
    )


def test_htm_in_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "oud.htm"
    body = (
        "<html><body><p>Het was één keer ‘raar’, zei ze over de coördinatie.</p>"
        "<p>Dat kostte € 5 en daarna werd het “beter”.</p></body></html>"
    )
    path.write_bytes(body.encode("cp1252"))
    result = read_file(path)
    assert result.encoding == "cp1252"
    assert result.text == (
        "Het was één keer ‘raar’, zei ze over de coördinatie.\nDat kostte € 5 en daarna werd het “beter”."
    )


def test_html_with_only_markup_contains_no_text(tmp_path: Path) -> None:
    path = tmp_path / "leeg.html"
    path.write_text("<html><head><title>Titel</title></head><body><p> </p></body></html>", encoding="utf-8")
    with pytest.raises(ImportProblem, match="contains no text"):
        read_file(path)


@pytest.mark.parametrize("name", ["notities.md", "NOTITIES.MARKDOWN"])
def test_markdown_is_kept_as_written(tmp_path: Path, name: str) -> None:
    source = "# Interview één\r\n\r\n**Anna:** het ging *goed*.\r\n\r\n- punt\r\n"
    path = tmp_path / name
    path.write_bytes(source.encode("utf-8"))
    result = read_file(path)
    assert result.format == "md"
    assert result.text == "# Interview één\n\n**Anna:** het ging *goed*.\n\n- punt\n"
