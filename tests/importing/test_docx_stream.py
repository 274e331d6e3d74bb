"""The streamed .docx body gives the text python-docx's whole tree gave, on seeded generated documents."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from lobcoder.errors import ImportProblem
from lobcoder.importing.readers import pulled_body, read_file
from lobcoder.importing.readers.docx import _blocks
from lobcoder.text.normalize import normalize_text

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_WORDS = "ja nee stage mentor coördinatie één 😀 ‘goed’ loopbaan\u00adbegeleiding".split()
_EXTRA = (
    f"<w:sdt {_W}><w:sdtContent><w:p><w:r><w:t>in een inhoudsbesturing</w:t></w:r></w:p></w:sdtContent></w:sdt>",
    f'<w:customXml {_W}><w:p><w:r><w:t xml:space="preserve"> eigen  XML </w:t></w:r></w:p></w:customXml>',
    f"<w:p {_W}><w:ins><w:r><w:t>ingevoegd</w:t></w:r></w:ins><w:del><w:r><w:delText>weg</w:delText></w:r></w:del>"
    "<w:r><w:tab/><w:t>na tab</w:t><w:br/><w:t>na regel</w:t></w:r></w:p>",
    f'<w:p {_W}><w:hyperlink><w:r><w:t>link</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p>',
)


def _document(rng: random.Random, path: Path) -> Path:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "KOPTEKST"
    body = document.element.body
    for _ in range(rng.randint(1, 60)):
        roll = rng.random()
        if roll < 0.6:
            paragraph = document.add_paragraph(" ".join(rng.choices(_WORDS, k=rng.randint(0, 12))))
            if rng.random() < 0.3:
                paragraph.add_run(rng.choice(_WORDS)).bold = True
        elif roll < 0.8:
            rows, cols = rng.randint(1, 3), rng.randint(1, 3)
            table = document.add_table(rows=rows, cols=cols)
            for r in range(rows):
                for c in range(cols):
                    table.cell(r, c).text = " ".join(rng.choices(_WORDS, k=rng.randint(0, 4)))
            if rows > 1 and cols > 1 and rng.random() < 0.5:
                table.cell(0, 0).merge(table.cell(1, 1))
            if rng.random() < 0.3:
                table.cell(0, 0).add_table(rows=1, cols=2).cell(0, 1).text = "genest"
        else:
            body.append(parse_xml(rng.choice(_EXTRA)))
    body.append(body.sectPr)  # section properties last, as Word writes them
    document.save(path)
    return path


def test_streamed_body_matches_the_whole_tree(tmp_path: Path) -> None:
    rng = random.Random(15)
    for case in range(40):
        path = _document(rng, tmp_path / f"case{case}.docx")
        whole = normalize_text("\n".join(_blocks(docx.Document(path).element.body)))
        if whole.strip():
            assert read_file(path).text == whole, case


def test_pictures_are_checked_but_not_kept(tmp_path: Path) -> None:
    path = _document(random.Random(3), tmp_path / "met plaatje.docx")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("word/media/image9.png", random.Random(4).randbytes(300_000))
    whole = normalize_text("\n".join(_blocks(docx.Document(path).element.body)))
    assert read_file(path).text == whole


def test_a_main_part_under_another_name_is_read(tmp_path: Path) -> None:
    source = _document(random.Random(5), tmp_path / "bron.docx")
    path = tmp_path / "anders.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename in ("[Content_Types].xml", "_rels/.rels"):
                data = data.replace(b"/word/document.xml", b"/word/hoofd.xml").replace(
                    b"word/document.xml", b"word/hoofd.xml"
                )
            new.writestr("word/hoofd.xml" if item.filename == "word/document.xml" else item.filename, data)
    expected = normalize_text("\n".join(_blocks(docx.Document(source).element.body)))
    assert read_file(path).text == expected


def test_a_text_past_the_limit_is_refused_while_unpacking(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pulled_body, "MAX_TEXT", 2_000)  # the limit the streaming readers check
    path = _document(random.Random(6), tmp_path / "lang.docx")
    assert len(normalize_text("\n".join(_blocks(docx.Document(path).element.body)))) > 2_000
    with pytest.raises(ImportProblem, match="has a text longer than"):
        read_file(path)
