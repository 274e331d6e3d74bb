"""The thesis quotes report: picking at most N per code, attributions, notes in words, and its Word layout."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from lobcoder.analysis.dataset import Dataset
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.quote_report import quote_report
from lobcoder.analysis.quotes import quotes
from lobcoder.reports.export import export_quotes

from .fixtures import Project


def _stage(project: Project) -> AnalysisFilter:
    return AnalysisFilter(codes={project.codes["Stage"]})


def test_spread_gives_each_participant_a_quote_before_anyone_a_second(study: tuple[Project, Dataset]) -> None:
    project, data = study
    found = quotes(data, _stage(project))
    assert [q.participant for q in found.quotes] == ["Anna", "Anna", "Bram"]  # c1, c5, c7
    report = quote_report(found, per_code=2, rule="spread")
    (group,) = report.groups
    assert [q.text for q in group.quotes] == ["De stage was fijn.", "stage horen samen."]
    assert group.total == 3
    longest = quote_report(found, per_code=1, rule="longest").groups[0].quotes
    assert [q.text for q in longest] == ["De stage was fijn."]  # as long as Bram's, and earlier
    first = quote_report(found, per_code=2, rule="random", seed=7).groups[0].quotes
    assert quote_report(found, per_code=2, rule="random", seed=7).groups[0].quotes == first
    assert len(first) == 2 and {q.coding_id for q in first} <= {q.coding_id for q in found.quotes}
    assert len(quote_report(found).groups[0].quotes) == 3  # no limit: all


def test_attribution_notes_and_bad_options(study: tuple[Project, Dataset]) -> None:
    project, data = study
    found = quotes(data, _stage(project), context=2)
    report = quote_report(found, per_code=2, attribution=("participant", "role", "wave", "paragraph"), context=2)
    first = report.groups[0].quotes[0]
    assert report.attribution_of(first) == "(Anna, docent, wave 1, paragraph 2)"
    assert report.attribution_of(first, "nl") == "(Anna, docent, wave 1, alinea 2)"
    assert (first.before, first.after) == ("", "Mijn mentor …")  # within Anna's turn: not the question before it
    notes = report.notes("nl")
    assert notes[0] == "Citaten bij Stage."
    assert "Hoogstens 2 citaten per code, gespreid over de deelnemers." in notes
    assert not any("selected" in n or "gekozen" in n for n in notes)
    one = quote_report(found, per_code=1, rule="longest")
    assert "Hoogstens één citaat per code, de langste." in one.notes("nl")
    assert "At most one quote per code, the longest." in one.notes("en")
    with pytest.raises(ValueError, match="unknown attribution field 'school'"):
        quote_report(found, attribution=("participant", "school"))
    with pytest.raises(ValueError, match="1 or more"):
        quote_report(found, per_code=0)


def test_word_layout_has_a_heading_per_code_and_quotes_as_named_indented_blocks(
    study: tuple[Project, Dataset], tmp_path: Path
) -> None:
    project, data = study
    flt = AnalysisFilter(codes={project.codes["Stage"], project.codes["Visie"]})
    report = quote_report(quotes(data, flt), per_code=2, attribution=("participant", "wave"))
    path = export_quotes(report, tmp_path / "citaten.docx", language="nl")[0]
    opened = docx.Document(str(path))
    by_style = [(p.style.name, p.text) for p in opened.paragraphs]
    assert by_style[0] == ("Heading 1", "Citaten")
    assert by_style[1] == ("Quote Heading", "Stage (2 van 3 citaten)")
    assert by_style[2] == ("Quote Block", "‘De stage was fijn.’ (Anna, wave 1)")
    assert by_style[3] == ("Quote Block", "‘stage horen samen.’ (Bram, wave 1)")
    assert by_style[4] == ("Quote Heading", "Visie (2 van 3 citaten)")
    block = opened.styles["Quote Block"].paragraph_format
    assert block.left_indent is not None and block.left_indent.cm == pytest.approx(1.27, abs=0.01)
    assert opened.paragraphs[2].runs[-1].style.name == "Quote Attribution"
    note = opened.paragraphs[-1].text
    assert note.startswith("Noot. Citaten bij Stage en Visie.") and "Hoogstens 2 citaten per code" in note
    assert opened.tables == []
    table_layout = export_quotes(report, tmp_path / "tabel.docx", language="nl", layout="table")[0]
    assert len(docx.Document(str(table_layout)).tables) == 1


def test_spread_over_more_participants_than_quotes_reaches_the_last_ones(store) -> None:
    """200 transcripts, 30 quotes per code: 'spread' gave the first 30 participants in document order (all
    contact persons, CP01–CP30) and no teacher at all; the chosen participants now span the whole list."""
    from lobcoder.analysis.quote_report import picked_quote_report

    from .conftest import load
    from .fixtures import add_codes, add_text, code

    project = Project()
    people = [f"CP{n}" for n in range(1, 4)] + [f"D{n}" for n in range(1, 7)]
    with store.transaction() as session:
        add_codes(session, project, {"Stage": None})
        for person in people:
            add_text(session, project, person, f"I: Vraag?\n{person}: De stage was goed.", person)
            code(session, project, person, person, "Stage", "De stage was goed.")
    report = picked_quote_report(load(store), per_code=3, rule="spread")
    chosen = [q.participant for q in report.groups[0].quotes]
    assert chosen == ["CP1", "D1", "D4"]  # every third participant, from the first on; was CP1, CP2, CP3


def test_spread_takes_each_participants_quote_from_another_wave_in_turn(store) -> None:
    """Each teacher's first quote was always from wave 1, so 'ordered by meting' showed wave 1 only."""
    from lobcoder.analysis.quote_report import picked_quote_report

    from .conftest import load
    from .fixtures import add_codes, add_text, code

    project = Project()
    with store.transaction() as session:
        add_codes(session, project, {"Stage": None})
        for person in ("D1", "D2", "D3"):
            for wave in (1, 2, 3):
                name = f"{person}_meting{wave}"
                add_text(session, project, name, f"I: Vraag?\n{person}: De stage in meting {wave}.", person)
                code(session, project, name, name, "Stage", f"De stage in meting {wave}.")
    report = picked_quote_report(load(store), per_code=3, rule="spread")
    assert [q.text for q in report.groups[0].quotes] == [
        "De stage in meting 1.",  # D1's first document
        "De stage in meting 2.",  # D2's second
        "De stage in meting 3.",  # D3's third
    ]


@pytest.mark.parametrize(
    ("waves", "per_code", "expected"), [(3, 20, [7, 7, 6]), (2, 30, [15, 15]), (3, 80, [20, 30, 30])]
)
def test_spread_over_more_teachers_than_quotes_still_takes_every_wave(
    store, waves: int, per_code: int, expected: list[int]
) -> None:
    """60 teachers with a document per wave and fewer quotes than teachers: every third (or second) teacher
    was picked, all with the same place in the rotation, so every quote came from wave 1; with 80 quotes
    the second round took wave 2 of every third teacher (20/40/20); now it takes their waves 2 and 3 alike
    (their wave 1 was quoted in the first round)."""
    from lobcoder.analysis.quote_report import picked_quote_report

    from .conftest import load
    from .fixtures import add_codes, add_text, code

    project = Project()
    with store.transaction() as session:
        add_codes(session, project, {"Stage": None})
        for number in range(1, 61):
            person = f"D{number:02}"
            for wave in range(1, waves + 1):
                name = f"{person}_meting{wave}"
                add_text(session, project, name, f"I: Vraag?\n{person}: De stage in meting {wave}.", person)
                code(session, project, name, name, "Stage", f"De stage in meting {wave}.")
    report = picked_quote_report(load(store), per_code=per_code, rule="spread")
    texts = [q.text for q in report.groups[0].quotes]
    assert len(texts) == per_code
    assert [sum(t == f"De stage in meting {wave}." for t in texts) for wave in range(1, waves + 1)] == expected


def test_word_table_has_the_attribution_fields_and_the_quote_while_excel_keeps_every_field(
    study: tuple[Project, Dataset], tmp_path: Path
) -> None:
    # Her walk-through: Word's table option printed all eleven data columns (document, speaker,
    # paragraph, time, coder...) at 7 pt, the quote a narrow strip, whatever the attribution said.
    project, data = study
    report = quote_report(quotes(data, _stage(project), context=2), per_code=2, attribution=("participant", "wave"))
    path = export_quotes(report, tmp_path / "tabel.docx", language="nl", layout="table")[0]
    (table,) = docx.Document(str(path)).tables
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == ["Code", "Deelnemer", "wave", "Citaat"]  # one coder: the notes name her, no column
    assert cells[1] == ["Stage", "Anna", "1", "De stage was fijn. [Mijn mentor …]"]
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid[-1] == max(grid)
    sizes = {int(sz.get(qn("w:val"))) for sz in table._tbl.iter(qn("w:sz"))}
    assert min(sizes, default=20) >= 18  # 9 pt or more
    sheet = openpyxl.load_workbook(export_quotes(report, tmp_path / "citaten.xlsx", language="nl")[0]).active
    header = next(row for row in sheet.iter_rows(values_only=True) if row and row[0] == "Code")
    assert {"Document", "Deelnemer", "wave", "Alinea", "Tekst"} <= set(header)  # the data keep every field


def test_word_table_keeps_attributes_named_coder_or_text_apart_from_the_coders_and_the_quote(
    store, tmp_path: Path
) -> None:
    """An attribute 'coder' (who held the interview) was headed and filled as the coders, 'text' as the quote."""
    from lobcoder.storage.models import AttributeScope

    from .conftest import load
    from .fixtures import attribute, build_study

    project = build_study(store)
    docs = project.documents
    with store.transaction() as session:
        held_by = {
            docs["Anna_w1"]: "interviewer Kim",
            docs["Anna_w3"]: "interviewer Kim",
            docs["Bram_w1"]: "interviewer Jo",
        }
        attribute(session, "coder", AttributeScope.DOCUMENT, held_by, 2)
        attribute(session, "text", AttributeScope.DOCUMENT, {docs["Anna_w1"]: "transcript"}, 3)
    report = quote_report(quotes(load(store), _stage(project)), attribution=("participant", "coder", "text"))
    path = export_quotes(report, tmp_path / "tabel.docx", language="en", layout="table")[0]
    (table,) = docx.Document(str(path)).tables
    cells = [[c.text for c in row.cells] for row in table.rows]
    # The study's Stage codings are by Fenna and Sander, so the coders get their own column as well.
    assert cells[0] == ["Code", "Participant", "coder", "text", "Coder", "Quote"]
    assert cells[1][:5] == ["Stage", "Anna", "interviewer Kim", "transcript", "Fenna"]
    assert cells[1][5] == "De stage was fijn."
    assert [row[2] for row in cells[1:]] == [
        "interviewer Kim" if row[1] == "Anna" else "interviewer Jo" for row in cells[1:]
    ]
