"""Word export: the numbers, captions, rules, shading and page layout a reader sees, read back from the file."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from lobcoder.analysis.table import ColumnGroup, Table, TableRow
from lobcoder.errors import FileProblem
from lobcoder.reports import docx_export
from lobcoder.reports.export import export_table

CODES = ["Werkdruk", "Tijdgebrek", "Administratie", "Samenwerking", "Collega's", "Coördinatie"]
CODES += ["Leiderschap", "Autonomie", "Professionele ruimte", "Scholing", "Ouders", "Leerlingzorg"]


def frequency() -> Table:
    rows = tuple(
        TableRow(name, (1000 + 3 * k, 24 - k, (24 - k) / 30, 18 - k, (18 - k) / 18), k % 3 and 1, k)
        for k, name in enumerate(CODES[:6])
    )
    return Table(
        "Code frequencies",
        "Code",
        ("Codings", "Documents", "% of documents", "Participants", "% of participants"),
        rows,
        ("int", "int", "percent", "int", "percent"),
        notes=("N = 30 documents, 18 participants.", "Codes include their sub-codes."),
        column_keys=("codings", "documents", "document_share", "participants", "participant_share"),
    )


def matrix() -> Table:
    rows = tuple(
        TableRow(name, tuple(40 - i if i == j else (i * 7 + j * 5) % 23 for j in range(12)), 0, i)
        for i, name in enumerate(CODES)
    )
    return Table(
        "Code co-occurrence (turn)",
        "Code",
        tuple(CODES),
        rows,
        ("int",) * 12,
        notes=("Cells: co-occurrence count; diagonal: n.",),
        shaded=True,
        flagged=frozenset({(1, 4)}),
        flag_note="Marked: c-coefficient below 0.2.",
    )


def crosstab() -> Table:
    rows = (
        TableRow("Werkdruk", (0.25, 0.5, 0.25)),
        TableRow("Tijdgebrek", (0.125, None, 0.875), 1),
        TableRow("Total", (0.2, 0.3, 0.5)),
    )
    return Table("Codes × wave", "Code", ("wave 1", "wave 2", "wave 3"), rows, ("percent",) * 3, ("Row percentages.",))


def number(text: str, language: str = "en") -> float:
    decimal, thousands = (".", ",") if language == "en" else (",", ".")
    return float(text.replace(thousands, "").replace(decimal, ".").removesuffix("%").removesuffix("a"))


def body_texts(document: docx.document.Document) -> list[str]:
    """Paragraph texts and "<table>" markers in body order (field results included)."""
    out = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:tbl"):
            out.append("<table>")
        elif element.tag == qn("w:p"):
            out.append("".join(t.text or "" for t in element.iter(qn("w:t"))))
    return out


@pytest.fixture
def three(tmp_path: Path) -> docx.document.Document:
    path = tmp_path / "tables.docx"
    assert export_table([frequency(), matrix(), crosstab()], path, chart=True) == [path]
    return docx.Document(str(path))


def test_numbers_read_back_as_in_the_table(three: docx.document.Document) -> None:
    word = three.tables[0]
    table = frequency()
    assert [c.text for c in word.rows[0].cells] == ["Code", *table.columns]
    for row, source in zip(word.rows[1:], table.rows, strict=True):
        cells = [c.text for c in row.cells]
        assert cells[0] == source.label
        for text, value, fmt in zip(cells[1:], source.values, table.formats, strict=True):
            if fmt == "percent":
                assert text.endswith("%") and number(text) == pytest.approx(value * 100, abs=0.05)
            else:
                assert number(text) == value
    assert word.rows[1].cells[1].text == "1,000"  # thousands grouped
    assert [c.text for c in three.tables[2].rows[2].cells] == ["Tijdgebrek", "12.5%", "", "87.5%"]


def test_dutch_uses_decimal_commas_and_dutch_words(tmp_path: Path) -> None:
    path = tmp_path / "tabellen.docx"
    export_table([frequency(), crosstab()], path, language="nl")
    document = docx.Document(str(path))
    assert document.tables[0].rows[1].cells[1].text == "1.000"
    assert document.tables[0].rows[1].cells[3].text == "80,0%"
    texts = body_texts(document)
    assert "Tabel 1" in texts and "Tabel 2" in texts
    assert any(t.startswith("Noot. ") for t in texts)
    instructions = [t.text for t in document.element.body.iter(qn("w:instrText"))]
    assert instructions == [" SEQ Tabel \\* ARABIC "] * 2


def test_captions_number_the_tables_above_them_apa_style(three: docx.document.Document) -> None:
    texts = body_texts(three)
    first = texts.index("Table 1")
    assert texts[first : first + 3] == ["Table 1", "Code frequencies", "<table>"]
    assert texts[texts.index("Table 2") + 1] == "Code co-occurrence (turn)"
    assert texts[texts.index("Table 3") + 2] == "<table>"
    caption = next(p for p in three.paragraphs if p.text == "Table 1")
    assert caption.style.name.lower() == "caption" and caption.style.font.bold
    title = next(p for p in three.paragraphs if p.text == "Code frequencies")
    assert title.style.font.italic
    fields = [t.text for t in three.element.body.iter(qn("w:instrText"))]
    assert fields.count(" SEQ Table \\* ARABIC ") == 3 and fields.count(" SEQ Figure \\* ARABIC ") == 1


def test_notes_start_with_an_italic_note_and_flags_get_a_superscript_a(three: docx.document.Document) -> None:
    note = next(p for p in three.paragraphs if p.text.startswith("Note. N = 30"))
    assert note.runs[0].text == "Note." and note.runs[0].italic
    assert "Codes include their sub-codes." in note.text
    flag = next(p for p in three.paragraphs if p.text == "a Marked: c-coefficient below 0.2.")
    assert flag.runs[0].font.superscript
    flagged = three.tables[1].rows[2].cells[5]  # row 1, column 4 (after the label column)
    assert flagged.text == "4a" and flagged.paragraphs[0].runs[-1].font.superscript
    assert "a" not in three.tables[1].rows[2].cells[4].text


def test_a_matrix_numbers_its_rows_and_columns(three: docx.document.Document) -> None:
    word = three.tables[1]
    assert [c.text for c in word.rows[0].cells] == ["Code", *(str(j) for j in range(1, 13))]
    assert word.rows[1].cells[0].text == "1. Werkdruk" and word.rows[12].cells[0].text == "12. Leerlingzorg"
    assert number(word.rows[3].cells[3].text) == 38  # the diagonal: n


def test_only_horizontal_rules(three: docx.document.Document) -> None:
    for table in three.tables:
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        sides = {child.tag.split("}")[1]: child.get(qn("w:val")) for child in borders}
        assert sides == {
            "top": "single",
            "left": "nil",
            "bottom": "single",
            "right": "nil",
            "insideH": "nil",
            "insideV": "nil",
        }
        for cell_borders in table._tbl.iter(qn("w:tcBorders")):
            assert {child.tag.split("}")[1] for child in cell_borders} <= {"top", "bottom"}
        header = table.rows[0]._tr
        assert header.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
        assert all(tc.tcPr.find(qn("w:tcBorders")) is not None for tc in header.tc_lst)  # the rule under it


def test_numbers_right_aligned_labels_indented_by_level(three: docx.document.Document) -> None:
    rows = three.tables[0].rows
    number_cell = rows[1].cells[1].paragraphs[0]
    assert number_cell.paragraph_format.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    top, sub = rows[1].cells[0].paragraphs[0], rows[2].cells[0].paragraphs[0]
    assert top.paragraph_format.alignment is None and top.paragraph_format.left_indent is None
    assert sub.paragraph_format.left_indent.cm == pytest.approx(0.5, abs=0.01)


def test_shaded_cells_get_fills_and_readable_text(three: docx.document.Document) -> None:
    def fill(cell: object) -> str | None:
        shading = cell._tc.tcPr.find(qn("w:shd"))  # type: ignore[attr-defined]
        return None if shading is None else shading.get(qn("w:fill"))

    word, table = three.tables[1], matrix()
    fills = {(i, j): fill(word.rows[i + 1].cells[j + 1]) for i in range(12) for j in range(12)}
    assert all(fills[i, i] is None for i in range(12))  # the diagonal holds n and is not shaded
    assert all(fills[i, j] for i in range(12) for j in range(12) if i != j)
    values = {(i, j): table.rows[i].values[j] for i in range(12) for j in range(12) if i != j}
    lowest, highest = min(values, key=values.get), max(values, key=values.get)  # type: ignore[arg-type]
    assert fills[lowest] == "FFFFFF" and fills[highest] == "08306B"
    dark = word.rows[highest[0] + 1].cells[highest[1] + 1].paragraphs[0].runs[0]
    light = word.rows[lowest[0] + 1].cells[lowest[1] + 1].paragraphs[0].runs[0]
    assert str(dark.font.color.rgb) == "FFFFFF" and light.font.color.rgb is None
    assert not list(three.tables[0]._tbl.iter(qn("w:shd")))  # only heat maps are shaded


def test_wide_tables_get_a_landscape_section_of_their_own(three: docx.document.Document) -> None:
    sections = three.sections
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    assert sections[1].page_width > sections[1].page_height and sections[0].page_width < sections[0].page_height
    # The matrix lies between the first and the second section break.
    order = [
        "break" if e.tag == qn("w:p") and e.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None else e.tag
        for e in three.element.body.iterchildren()
    ]
    tables = [i for i, tag in enumerate(order) if tag == qn("w:tbl")]
    breaks = [i for i, tag in enumerate(order) if tag == "break"]
    assert tables[0] < breaks[0] < tables[1] < breaks[1] < tables[2]


def test_a_wide_first_table_starts_the_document_in_landscape(tmp_path: Path) -> None:
    path = tmp_path / "matrix.docx"
    export_table([matrix()], path)
    sections = docx.Document(str(path)).sections
    assert len(sections) == 1 and sections[0].orientation == WD_ORIENT.LANDSCAPE


def test_frequency_tables_get_a_bar_chart_with_a_figure_caption(three: docx.document.Document) -> None:
    assert len(three.inline_shapes) == 1
    texts = body_texts(three)
    figure = texts.index("Figure 1")
    assert texts.index("<table>") < figure < texts.index("Table 2")
    assert texts[figure + 1] == "Documents per code"
    assert three.inline_shapes[0].width.cm <= 16


def test_a_chart_of_a_long_code_list_fits_on_one_page(tmp_path: Path) -> None:
    rows = tuple(TableRow(f"Code {k}", (k, k)) for k in range(100))
    path = tmp_path / "long.docx"
    export_table([Table("Long", "Code", ("Codings", "Documents"), rows, ("int", "int"))], path, chart=True)
    document = docx.Document(str(path))
    section, (shape,) = document.sections[0], document.inline_shapes
    assert shape.height < section.page_height - section.top_margin - section.bottom_margin
    assert shape.width < section.page_width - section.left_margin - section.right_margin


def test_tables_fit_the_page(three: docx.document.Document) -> None:
    for table, section in zip(three.tables, three.sections, strict=True):
        grid = [col.w for col in table._tbl.tblGrid.gridCol_lst]
        text_width = section.page_width - section.left_margin - section.right_margin
        assert sum(grid) <= text_width + 635 * len(grid)  # rounding to whole twips


def test_no_template_leftovers_that_word_would_rewrite(tmp_path: Path) -> None:
    path = tmp_path / "t.docx"
    export_table([frequency()], path)
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
    assert "word/stylesWithEffects.xml" not in names and not any("thumbnail" in name for name in names)
    properties = docx.Document(str(path)).core_properties
    assert properties.title == "Code frequencies" and properties.author == ""


def test_a_very_wide_matrix_shrinks_its_font_but_keeps_the_page(tmp_path: Path) -> None:
    names = tuple(f"Code {i}" for i in range(40))
    table = Table("Big", "Code", names, tuple(TableRow(n, tuple(range(40))) for n in names), ("int",) * 40, shaded=True)
    path = tmp_path / "big.docx"
    export_table([table], path)
    document = docx.Document(str(path))
    section, grid = document.sections[0], document.tables[0]._tbl.tblGrid.gridCol_lst
    assert sum(col.w for col in grid) <= section.page_width - section.left_margin - section.right_margin
    sizes = {sz.get(qn("w:val")) for sz in document.tables[0]._tbl.iter(qn("w:sz"))}
    assert sizes and all(int(size) < 20 for size in sizes)


def test_an_unwritable_path_is_a_file_problem_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="cannot be written"):
        export_table([frequency()], tmp_path / "no such folder" / "t.docx")
    (tmp_path / "a folder.docx").mkdir()
    with pytest.raises(FileProblem, match="cannot be written"):
        export_table([frequency()], tmp_path / "a folder.docx")
    (tmp_path / "a folder.docx").rmdir()
    target = tmp_path / "keep.docx"
    target.write_bytes(b"earlier export")

    def broken(*args: object) -> None:
        raise RuntimeError("disk full")

    original = docx_export.build_document
    docx_export.build_document = broken  # type: ignore[assignment]
    try:
        with pytest.raises(RuntimeError):
            export_table([frequency()], target)
    finally:
        docx_export.build_document = original
    assert target.read_bytes() == b"earlier export" and sorted(os.listdir(tmp_path)) == ["keep.docx"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder_is_a_file_problem(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(FileProblem, match="cannot be written"):
            export_table([frequency()], tmp_path / "t.docx")
    finally:
        tmp_path.chmod(0o700)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_document_to_pdf(tmp_path: Path) -> None:
    path = tmp_path / "tables.docx"
    export_table([frequency(), matrix(), crosstab()], path, language="nl", chart=True)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "tables.pdf"
    assert pdf.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        assert "Tabel 1" in text and "Tabel 3" in text and "Figuur 1" in text and "80,0%" in text


def quotes() -> Table:
    quote = (
        "Die hebben we in 2012 geschreven, met een stuurgroep. Daar zaten twee directeuren in, iemand van "
        "beleid, ik, en een externe adviseur. Achteraf hadden we er docenten bij moeten betrekken. 😀"
    )
    columns = ("Document", "Participant", "school", "role", "wave", "Speaker", "Paragraph", "Coder", "Text")
    rows = tuple(
        TableRow(
            "Visie zonder docenten",
            (
                f"contactpersoon{k}_annelies_ronde2",
                "Annelies",
                "ROC Veenstroom",
                "contactpersoon",
                "2",
                "Annelies",
                17 + k,
                "Sander",
                quote,
            ),
            0,
            k,
        )
        for k in range(30)
    )
    formats = ("text",) * 6 + ("int", "text", "text")
    return Table("Quotes", "Code", columns, rows, formats, notes=("Codes: 1 selected", "Interviewer turns left out"))


def test_quotes_give_the_quoted_text_room_and_may_break_across_pages(tmp_path: Path) -> None:
    export_table([quotes()], tmp_path / "quotes.docx")
    document = docx.Document(str(tmp_path / "quotes.docx"))
    (table,) = document.tables
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid[-1] >= 0.3 * sum(grid)  # the quote is not squeezed into a strip (equal widths: 1/10)
    assert grid[-1] == max(grid)
    assert table.rows[1].cells[-1].text.endswith("😀")
    # Thirty long quotes cannot stay on one page: rows are not chained with keep-with-next.
    assert not table._tbl.xpath(".//w:keepNext")
    note = next(p.text for p in document.paragraphs if p.text.startswith("Note."))
    assert note == "Note. Codes: 1 selected. Interviewer turns left out."


def _times_twips(text: str, half_points: int) -> float:
    """Printed width of ``text`` in Times-Roman by Adobe's own metrics (the AFM file matplotlib ships)."""
    import unicodedata

    import matplotlib

    widths = {}
    afm = Path(matplotlib.get_data_path()) / "fonts" / "afm" / "ptmr8a.afm"
    for line in afm.read_text(encoding="latin-1").splitlines():
        if line.startswith("C ") and int(line.split()[1]) > 0:  # C 109 ; WX 778 ; N m ; B ...
            fields = dict(part.strip().split(" ", 1) for part in line.split(";") if part.strip())
            widths[chr(int(fields["C"]))] = int(fields["WX"])
    base = unicodedata.normalize("NFD", text)  # ö is o with a mark of no width
    return sum(widths.get(c, 0) for c in base) / 1000 * half_points * 10  # 20 twips per point


def test_dutch_header_words_are_not_broken_inside(tmp_path: Path) -> None:
    # The Dutch frequency table split by role, as the walk-through exported it: 'Documenten' broke as 'Documente' / 'n'.
    columns = ("Coderingen", "Documenten", "% van documenten", "Deelnemers", "% van deelnemers")
    columns += ("role coördinator", "role docent", "role teamleider")
    themes = ("Collectief leren", "Transformationeel leiderschap", "Visie", "Communicatie")
    subs = ("Samen oefenen met loopbaangesprekken", "Communicatie tussen teams en leiding", "Informeel leren")
    rows = tuple(
        TableRow(name, (5, 3, 0.75, 0, 0.0, 0.0, 1.0, 1.0), level)
        for theme in themes
        for name, level in ((theme, 0), *((sub, 1) for sub in subs))
    )
    formats = ("int", "int", "percent", "int", "percent", "percent", "percent", "percent")
    table = Table(
        "Codefrequenties",
        "Code",
        columns,
        rows,
        formats,
        groups=(ColumnGroup("role", 5, 3),),
        column_n=("", "", "", "", "", "n = 1", "n = 2", "n = 1"),
    )
    path = tmp_path / "frequenties.docx"
    export_table([table], path, language="nl")
    (word_table,) = docx.Document(str(path)).tables
    grid = [int(col.get(qn("w:w"))) for col in word_table._tbl.tblGrid.findall(qn("w:gridCol"))]
    sizes = {int(sz.get(qn("w:val"))) for sz in word_table._tbl.iter(qn("w:sz"))}
    size = max(sizes) if sizes else 20
    header = word_table.rows[1].cells  # under the spanner 'role'
    assert [c.text.split("\n")[0] for c in header][1:3] == ["Coderingen", "Documenten"]
    for j, cell in enumerate(header):
        for word in cell.text.split():
            assert _times_twips(word, size) <= grid[j] - 2 * 85, (word, grid[j])


def test_a_spanning_header_over_one_column_is_not_broken_inside_a_word(tmp_path: Path) -> None:
    # Her walk-through: per school its waves, Meerwijk College with wave 1 only; the spanner printed
    # "school Meerwi" / "jk College" over its one narrow column.
    columns = ("Coderingen", "Documenten", "% van documenten", "Deelnemers", "% van deelnemers")
    columns += ("ronde 1", "ronde 2", "ronde 10", "ronde 1", "ronde 2")
    groups = (
        ColumnGroup("school Meerwijk College", 5, 1),
        ColumnGroup("school ROC Rivierenland", 6, 2),
        ColumnGroup("school Summa Techniek", 8, 2),
    )
    subs = ("Samen oefenen met loopbaangesprekken", "Vervolg en borging van het geleerde", "Gedeelde visie")
    rows = tuple(
        TableRow(name, (12, 5, 5 / 6, 5, 5 / 6, 0.5, 1.0, 1.0, 1.0, 1.0), level)
        for theme in ("Collectief leren", "Visie")
        for name, level in ((theme, 0), *((sub, 1) for sub in subs))
    )
    formats = ("int", "int", "percent", "int", "percent") + ("percent",) * 5
    n = ("", "", "", "", "", "n = 2", "n = 1", "n = 1", "n = 1", "n = 1")
    table = Table("Codefrequenties", "Code", columns, rows, formats, groups=groups, column_n=n)  # type: ignore[arg-type]
    path = tmp_path / "per_school.docx"
    export_table([table], path, language="nl")
    (word_table,) = docx.Document(str(path)).tables
    grid = [int(col.get(qn("w:w"))) for col in word_table._tbl.tblGrid.findall(qn("w:gridCol"))]
    sizes = {int(sz.get(qn("w:val"))) for sz in word_table._tbl.iter(qn("w:sz"))}
    size = max(sizes) if sizes else 20
    spanners = word_table.rows[0]._tr.findall(qn("w:tc"))
    column = 0
    seen = []
    for tc in spanners:
        span = tc.find(qn("w:tcPr")).find(qn("w:gridSpan"))
        count = int(span.get(qn("w:val"))) if span is not None else 1
        text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
        width = sum(grid[column : column + count])
        for word in text.split():
            assert _times_twips(word, size) <= width - 2 * 85, (word, width)
        if text:
            seen.append(text)
        column += count
    assert seen == ["school Meerwijk College", "school ROC Rivierenland", "school Summa Techniek"]
    assert [c.text for c in word_table.rows[-1].cells][6:] == ["50,0%", "100,0%", "100,0%", "100,0%", "100,0%"]


def _split_by_school_and_wave() -> Table:
    """Her frequency table split by school (8) then wave (1-3 and no value): 5 + 32 columns."""
    schools = [
        f"ROC {name}" for name in ("De Horst", "Noord", "Oost", "Zeehaven", "Kennispoort", "Rijnmond", "Zuid", "Veen")
    ]
    waves = ("meting 1", "meting 2", "meting 3", "(geen waarde)")
    base = ("Coderingen", "Documenten", "% van documenten", "Deelnemers", "% van deelnemers")
    columns = base + tuple(wave for _ in schools for wave in waves)
    groups = tuple(ColumnGroup(f"school {school}", 5 + 4 * k, 4) for k, school in enumerate(schools))
    rows = tuple(
        TableRow(name, (100 + k, 8, 0.04, 0, 0.0, *(((k + j) % 7) / 7 for j in range(32))), 0, k)
        for k, name in enumerate(CODES)
    )
    formats = ("int", "int", "percent", "int", "percent") + ("percent",) * 32
    return Table(
        "Codefrequenties",
        "Code",
        columns,
        rows,
        formats,  # type: ignore[arg-type]
        notes=("N = 200 documenten.",),
        column_keys=("codings", "documents", "document_share", "participants", "participant_share", *range(32)),
        groups=groups,
        column_n=("",) * 5 + ("n = 4",) * 32,
    )


def test_a_split_too_wide_for_a_page_continues_in_tables_of_whole_groups_that_stay_legible(tmp_path: Path) -> None:
    """Eight schools × four waves printed 37 numeric columns on one landscape page at 7 pt, headers broken
    letter by letter ('meti ng 1'); now the groups continue in further tables, each with the codes."""
    table = _split_by_school_and_wave()
    path = tmp_path / "frequenties.docx"
    export_table([table], path, language="nl", chart=True)
    document = docx.Document(str(path))
    word_tables = document.tables
    assert len(word_tables) > 1
    spanners_seen: list[str] = []
    for word_table in word_tables:
        sizes = {int(sz.get(qn("w:val"))) for sz in word_table._tbl.iter(qn("w:sz"))}
        assert min(sizes, default=20) >= 16, sizes  # at least 8 pt (no size: the style's 10 pt)
        assert [row.cells[0].text for row in word_table.rows[-len(CODES) :]] == CODES
        spanners_seen += [c.text for c in word_table.rows[0].cells if c.text.startswith("school ")]
    # Every school once, in order (merged cells repeat in python-docx, so deduplicate in order).
    assert list(dict.fromkeys(spanners_seen)) == [g.label for g in table.groups]
    captions = [p.text for p in document.paragraphs if p.text.startswith("Codefrequenties")]
    assert captions[0] == "Codefrequenties" and all(c == "Codefrequenties (vervolg)" for c in captions[1:])
    assert len(document.inline_shapes) == 1  # one chart, of the documents column


def test_a_wide_table_without_groups_still_keeps_one_table() -> None:
    names = tuple(f"Code {i}" for i in range(40))
    table = Table("Big", "Code", names, tuple(TableRow(n, tuple(range(40))) for n in names), ("int",) * 40, shaded=True)
    assert table.column_parts(13) == (table,)


def test_the_progress_of_a_split_too_wide_for_a_page_reaches_the_end_with_its_last_continued_table(
    tmp_path: Path,
) -> None:
    """The progress bar stood at 100 % while the "(vervolg)" tables were still being written."""
    table = _split_by_school_and_wave()
    seen: list[tuple[int, int]] = []
    path = tmp_path / "frequenties.docx"
    export_table([table], path, language="nl", progress=lambda done, total, _label: seen.append((done, total)))
    printed = len(docx.Document(str(path)).tables)
    assert printed > 1
    total = len(CODES) * printed  # every part repeats the rows
    assert seen[-1] == (total, total)
    assert [done for done, _ in seen].count(total) == 1  # not at the end before the last table


def test_the_chart_of_a_split_too_wide_for_a_page_follows_its_last_continued_table(tmp_path: Path) -> None:
    """Figure 1 stood between Table 1 and its '(vervolg)' tables, cutting the table in two for the reader."""
    path = tmp_path / "frequenties.docx"
    export_table([_split_by_school_and_wave()], path, language="nl", chart=True)
    body = docx.Document(str(path)).element.body
    kinds = [
        "chart" if child.findall(".//" + qn("w:drawing")) else "table"
        for child in body.iterchildren()
        if child.tag == qn("w:tbl") or child.findall(".//" + qn("w:drawing"))
    ]
    assert kinds[-1] == "chart" and kinds.count("chart") == 1 and len(kinds) > 2


def test_keywords_in_context_keep_a_legible_font_with_both_contexts_alike(tmp_path: Path) -> None:
    # Her walk-through: 'training' in context, 60 characters either side, printed at 7 pt because the
    # wider context alone had to get the share a single quote gets.
    before = "k gezegd ben ik gestuurd. Mijn teamleider zei: jij gaat die "
    after = " doen, en dat was het. Er is nooit uitgelegd waarom juist ik"
    rows = tuple(
        TableRow(f"interview_marieke_r{k}", (171 + k, 179 + k, before, "training", after)) for k in range(1, 8)
    )
    table = Table(
        "‘training’ in context",
        "Document",
        ("Begin", "Einde", "Ervoor", "Woord", "Erna"),
        rows,
        ("int", "int", "text", "text", "text"),
        notes=("7 keer gevonden in 1 document.",),
    )
    export_table([table], tmp_path / "kwic.docx", language="nl")
    (word_table,) = docx.Document(str(tmp_path / "kwic.docx")).tables
    sizes = {int(sz.get(qn("w:val"))) for sz in word_table._tbl.iter(qn("w:sz"))}
    assert min(sizes, default=20) >= 18
    grid = [int(col.get(qn("w:w"))) for col in word_table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert abs(grid[3] - grid[5]) <= 0.25 * max(grid[3], grid[5])  # the two contexts alike
    assert word_table.rows[1].cells[3].text == before


def test_document_names_over_columns_break_at_their_underscores_not_inside_a_piece(tmp_path: Path) -> None:
    # Her walk-through: frequencies by document printed "interview_marie" / "ke_r1" over six columns.
    names = [
        f"interview_{name}" for name in ("ahmed_r1", "fatima_r2", "joost_r10", "kees_r2", "marieke_r1", "sanne_r1")
    ]
    columns = ("Coderingen", "Documenten", "% van documenten", "Deelnemers", "% van deelnemers", *names)
    rows = tuple(
        TableRow(name, (12, 5, 5 / 6, 5, 5 / 6, 4, 1, 1, 2, 4, 0), level)
        for name, level in (("Collectief leren", 0), ("Samen oefenen met loopbaangesprekken", 1))
    )
    formats = ("int", "int", "percent", "int", "percent") + ("int",) * 6
    table = Table("Codefrequenties", "Code", columns, rows, formats)  # type: ignore[arg-type]
    export_table([table], tmp_path / "per_document.docx", language="nl")
    (word_table,) = docx.Document(str(tmp_path / "per_document.docx")).tables
    grid = [int(col.get(qn("w:w"))) for col in word_table._tbl.tblGrid.findall(qn("w:gridCol"))]
    sizes = {int(sz.get(qn("w:val"))) for sz in word_table._tbl.iter(qn("w:sz"))}
    size = max(sizes) if sizes else 20
    header = [cell.text for cell in word_table.rows[0].cells]
    assert [text.replace("\u200b", "") for text in header[6:]] == names  # the names as written
    for j, text in enumerate(header[6:], start=6):
        for piece in text.split("\u200b"):
            assert _times_twips(piece, size) <= grid[j] - 2 * 85, (piece, grid[j])
    assert size >= 15  # 7.5 pt or more, not the narrow-margin fallback


def test_document_names_that_fit_their_column_are_written_as_they_are(tmp_path: Path) -> None:
    # Copied out of Word, 'interview_\u200bmarieke_r1' (an invisible break) matched no document name.
    names = ["interview_ahmed_r1", "interview_marieke_r1"]
    rows = (TableRow("Collectief leren", (12, 4, 8), 0), TableRow("Stage", (3, 1, 2), 0))
    table = Table("Codefrequenties", "Code", ("Coderingen", *names), rows, ("int", "int", "int"))
    export_table([table], tmp_path / "twee.docx", language="nl")
    (word_table,) = docx.Document(str(tmp_path / "twee.docx")).tables
    assert [cell.text for cell in word_table.rows[0].cells] == ["Code", "Coderingen", *names]
    assert "\u200b" not in zipfile.ZipFile(tmp_path / "twee.docx").read("word/document.xml").decode("utf-8")
