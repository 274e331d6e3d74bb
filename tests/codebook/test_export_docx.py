"""The Word codebook, read back the way a reader's program would see it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table

from lobcoder.codebook.builtin import load_builtin_codebook
from lobcoder.codebook.export_docx import export_codebook_docx
from lobcoder.errors import FileProblem
from lobcoder.services.codebook_data import Codebook, CodebookCode

DAY = date(2026, 3, 14)
NL_HEADERS = ["Code", "Definitie", "Opnemen als", "Niet opnemen als", "Voorbeeld"]
EN_HEADERS = ["Code", "Definition", "Include when", "Exclude when", "Example"]


def texts(table: Table, row: int) -> list[str]:
    return [cell.text for cell in table.rows[row].cells]


def all_text(document: docx.document.Document) -> str:
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


@pytest.fixture
def nl_document(tmp_path: Path) -> docx.document.Document:
    path = tmp_path / "codeboek.docx"
    export_codebook_docx(load_builtin_codebook("nl"), path, language="nl", title="Codeboek LOB", day=DAY)
    return docx.Document(str(path))


def test_one_table_per_theme_with_dutch_headers(nl_document: docx.document.Document) -> None:
    codebook = load_builtin_codebook("nl")
    assert len(nl_document.tables) == 4
    headings = [p.text for p in nl_document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [f"{i} {theme.name}" for i, theme in enumerate(codebook.codes, 1)]
    for table, theme in zip(nl_document.tables, codebook.codes, strict=True):
        assert texts(table, 0) == NL_HEADERS
        assert len(table.rows) == 2 + len(theme.children)


def test_rows_hold_the_theme_then_its_sub_codes_with_their_fields(nl_document: docx.document.Document) -> None:
    for number, (table, theme) in enumerate(zip(nl_document.tables, load_builtin_codebook("nl").codes, strict=True), 1):
        codes = [theme, *theme.children]
        for row, code in enumerate(codes, 1):
            code_cell, definition, inclusion, exclusion, example = texts(table, row)
            assert code_cell.split("\n")[0].endswith(code.name)
            assert code_cell.startswith(str(number))
            assert definition == code.definition
            assert inclusion == code.inclusion
            assert exclusion == code.exclusion
            assert code.examples.split("\n")[0] in example
        theme_run = table.rows[1].cells[0].paragraphs[0].runs[0]
        assert theme_run.bold
        assert not table.rows[2].cells[0].paragraphs[0].runs[0].bold
        # A sub-code's one-line description sits under its name.
        assert theme.children[0].description in table.rows[2].cells[0].text


def test_keywords_follow_each_table(nl_document: docx.document.Document) -> None:
    text = all_text(nl_document)
    assert "Trefwoorden" in text
    for _, code in load_builtin_codebook("nl").walk():
        assert " \u00b7 ".join(code.keywords.split("\n")) in text, code.name


def test_header_row_is_grey_and_repeats_on_every_page(nl_document: docx.document.Document) -> None:
    table = nl_document.tables[0]
    header = table.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    for cell in header.cells:
        assert cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "D9D9D9"
        assert cell.paragraphs[0].runs[0].bold
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:sz")) for b in borders} == {"4"}  # thin: half a point
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def test_portrait_without_counts_and_sensible_widths(nl_document: docx.document.Document) -> None:
    section = nl_document.sections[0]
    assert section.page_width < section.page_height
    usable = section.page_width - section.left_margin - section.right_margin
    widths = [cell.width for cell in nl_document.tables[0].rows[0].cells]
    assert abs(sum(widths) - usable) < 2000  # EMU: within a fraction of a millimetre
    assert min(widths) > usable * 0.15


def test_counts_add_columns_with_the_numbers_in_landscape(tmp_path: Path) -> None:
    codebook = load_builtin_codebook("en")
    counts = {code.guid.upper(): (10 + i, i) for i, (_, code) in enumerate(codebook.walk()) if i != 3}
    path = tmp_path / "counts.docx"
    export_codebook_docx(codebook, path, counts=counts, language="en", day=DAY)
    document = docx.Document(str(path))
    section = document.sections[0]
    assert section.page_width > section.page_height
    first = document.tables[0]
    assert texts(first, 0) == [*EN_HEADERS, "Codings", "Documents"]
    walked = [code for _, code in codebook.walk()]
    for table, theme in zip(document.tables, codebook.codes, strict=True):
        for row, code in enumerate([theme, *theme.children], 1):
            index = walked.index(code)
            expected = (10 + index, index) if index != 3 else (0, 0)
            assert texts(table, row)[5:] == [str(expected[0]), str(expected[1])], code.name


def test_english_document_and_its_properties(tmp_path: Path) -> None:
    path = tmp_path / "codebook.docx"
    export_codebook_docx(
        load_builtin_codebook("en"), path, language="en", title="LOB codebook", intro="Hello.", day=DAY
    )
    document = docx.Document(str(path))
    assert texts(document.tables[0], 0) == EN_HEADERS
    assert document.paragraphs[0].text == "LOB codebook"
    assert document.paragraphs[1].text == "23 codes in 4 themes \u00b7 14 March 2026"
    assert document.paragraphs[2].text == "Hello."
    props = document.core_properties
    assert props.title == "LOB codebook"
    assert props.created == props.modified == datetime(2026, 3, 14, tzinfo=UTC)


def test_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    codebook = load_builtin_codebook("nl")
    export_codebook_docx(codebook, tmp_path / "a.docx", language="nl", day=DAY)
    export_codebook_docx(codebook, tmp_path / "b.docx", language="nl", day=DAY)
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()


def test_any_project_codebook_works(tmp_path: Path) -> None:
    """Deep trees, codes without sub-codes, empty fields and odd characters."""
    codebook = Codebook(
        codes=(
            CodebookCode(
                guid="11111111-1111-4111-8111-111111111111",
                name="Thema | met pijp",
                color="",
                children=(
                    CodebookCode(
                        guid="22222222-2222-4222-8222-222222222222",
                        name="Sub",
                        color="#123456",
                        description="alleen een beschrijving",
                        children=(
                            CodebookCode(guid="33333333-3333-4333-8333-333333333333", name="Diep", color="#abc"),
                        ),
                    ),
                ),
            ),
            CodebookCode(
                guid="44444444-4444-4444-8444-444444444444", name="Los", color="#ff0000", definition="Regel 1\nRegel 2"
            ),
        )
    )
    path = tmp_path / "eigen.docx"
    export_codebook_docx(codebook, path, language="nl", day=DAY)
    document = docx.Document(str(path))
    assert document.paragraphs[1].text == "4 codes in 1 thema \u00b7 14 maart 2026"
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["1 Thema | met pijp", "Overige codes"]
    first, loose = document.tables
    assert [texts(first, row)[0].split("\n")[0] for row in (1, 2, 3)] == [
        "1  Thema | met pijp",
        "1.1  Sub",
        "1.1.1  Diep",
    ]
    assert texts(first, 2)[1] == "alleen een beschrijving"  # no definition: the description stands in
    assert texts(loose, 1)[:2] == ["2  Los", "Regel 1\nRegel 2"]


def test_an_empty_codebook_still_makes_a_document(tmp_path: Path) -> None:
    path = tmp_path / "leeg.docx"
    export_codebook_docx(Codebook(codes=()), path, language="en", day=DAY)
    document = docx.Document(str(path))
    assert document.tables == []
    assert "0 codes" in all_text(document)


def test_unwritable_path_is_a_file_problem_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileProblem):
        export_codebook_docx(load_builtin_codebook("nl"), tmp_path / "missing" / "x.docx", day=DAY)
    assert list(tmp_path.iterdir()) == []
