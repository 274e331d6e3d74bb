"""Team coding in quotes: one passage coded alike by several coders is one quote that names them, in every output."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from lobcoder.analysis.dataset import Dataset
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.quote_report import picked_quote_report, quote_report
from lobcoder.analysis.quotes import quotes
from lobcoder.cli.report import print_quotes
from lobcoder.reports.export import export_quotes
from lobcoder.storage.project import ProjectStore

from .conftest import load
from .fixtures import Project, add_codes, add_text, code

TEXT = (
    "I: Hoe was de training?\n\n"
    "Marieke: Maar ja, het waren twee dagen, we kregen een map mee.\n\n"
    "Marieke: Daarna niks meer eigenlijk. Ik loop wel eens bij Henk binnen."
)
SHARED = "Maar ja, het waren twee dagen, we kregen een map mee."


def _team(store: ProjectStore) -> Project:
    """Fenna and Sander code the same passage; Sander one more; Fenna a span overlapping the shared one."""
    p = Project()
    with store.transaction() as s:
        add_codes(s, p, {"Formeel": None, "Training": "Formeel", "Informeel": None})
        add_text(s, p, "Marieke_w1", TEXT, participant="Marieke")
        code(s, p, "fenna", "Marieke_w1", "Formeel", SHARED, coder="Fenna")
        code(s, p, "sander", "Marieke_w1", "Formeel", SHARED, coder="Sander")
        code(s, p, "other", "Marieke_w1", "Formeel", "Daarna niks meer eigenlijk.", coder="Sander")
        code(s, p, "wider", "Marieke_w1", "Formeel", "het waren twee dagen", coder="Fenna")
        code(s, p, "henk", "Marieke_w1", "Informeel", "Ik loop wel eens bij Henk binnen.", coder="Fenna")
    return p


@pytest.fixture
def team(store: ProjectStore) -> tuple[Project, Dataset]:
    project = _team(store)
    return project, load(store)


def test_a_passage_two_coders_coded_alike_is_one_quote_naming_both(team: tuple[Project, Dataset]) -> None:
    project, data = team
    result = quotes(data, codes=[project.codes["Formeel"]])
    assert [(q.text, q.coders) for q in result.quotes] == [
        (SHARED, ("Fenna", "Sander")),
        ("het waren twee dagen", ("Fenna",)),  # overlaps the shared passage but is another span: its own quote
        ("Daarna niks meer eigenlijk.", ("Sander",)),
    ]
    assert result.quotes[0].coding_ids == (project.codings["fenna"], project.codings["sander"])
    table = result.to_table()
    coder = table.column_keys.index("coder")
    assert [row.values[coder] for row in table.rows] == ["Fenna, Sander", "Fenna", "Sander"]
    assert table.rows[0].key == project.codings["fenna"]


def test_merging_follows_the_coder_filter(team: tuple[Project, Dataset]) -> None:
    project, data = team
    only_sander = quotes(data, AnalysisFilter(coders={"Sander"}), codes=[project.codes["Formeel"]])
    assert [(q.text, q.coders, q.coding_ids) for q in only_sander.quotes] == [
        (SHARED, ("Sander",), (project.codings["sander"],)),
        ("Daarna niks meer eigenlijk.", ("Sander",), (project.codings["other"],)),
    ]
    report = quote_report(only_sander)
    assert report.coders_of(only_sander.quotes[0]) == ""  # one coder: named once, by the filter's note
    assert report.notes()[-1] == "Coders: Sander"


def test_with_rollup_a_code_and_its_sub_code_on_one_passage_are_one_quote(store: ProjectStore) -> None:
    project = _team(store)
    with store.transaction() as s:
        code(s, project, "sub", "Marieke_w1", "Training", SHARED, coder="Anna")
    data = load(store)
    rolled = quotes(data, codes=[project.codes["Formeel"]], rollup=True)
    assert [(q.text, q.coders) for q in rolled.quotes][0] == (SHARED, ("Anna", "Fenna", "Sander"))
    assert len(rolled.quotes) == 3


@pytest.mark.parametrize(
    ("language", "by", "both", "shown", "merged"),
    [
        ("en", "coded by", "Fenna and Sander", "Formeel (2 of 3 quotes)", "A passage that several coders coded alike"),
        ("nl", "gecodeerd door", "Fenna en Sander", "Formeel (2 van 3 citaten)", "Een passage die meerdere codeurs"),
    ],
)
def test_word_report_shows_the_passage_once_with_both_coders(
    team: tuple[Project, Dataset], tmp_path: Path, language: str, by: str, both: str, shown: str, merged: str
) -> None:
    project, data = team
    flt = AnalysisFilter(codes={project.codes["Formeel"]})
    report = picked_quote_report(data, flt, per_code=2, rule="longest", attribution=("participant",))
    assert [group.total for group in report.groups] == [3]  # three passages, though four codings
    path = export_quotes(report, tmp_path / f"quotes_{language}.docx", language=language)[0]
    opened = docx.Document(str(path))
    headings = [p.text for p in opened.paragraphs if p.style.name == "Quote Heading"]
    assert headings == [shown]
    blocks = [p for p in opened.paragraphs if p.style.name == "Quote Block"]
    assert len(blocks) == 2 and sum(SHARED in p.text for p in blocks) == 1
    assert SHARED in blocks[0].text and blocks[0].text.endswith(f"(Marieke) —\u00a0{by} {both}")
    assert blocks[0].runs[-1].style.name == "Quote Coders"
    assert blocks[1].text.endswith(f"(Marieke) —\u00a0{by} Sander")  # the longest two: Sander's own passage second
    assert merged in opened.paragraphs[-1].text


def test_the_text_listing_names_the_coders_once_per_quote(team: tuple[Project, Dataset], capsys) -> None:  # type: ignore[no-untyped-def]
    project, data = team
    print_quotes(picked_quote_report(data, codes=[project.codes["Formeel"]], attribution=()), "nl")
    out = capsys.readouterr().out
    assert out.count("twee dagen, we kregen") == 1
    assert f"    “{SHARED}” — gecodeerd door Fenna en Sander" in out
    assert "    “het waren twee dagen” — gecodeerd door Fenna" in out


def test_word_table_names_the_coders_in_a_column_of_their_own(team: tuple[Project, Dataset], tmp_path: Path) -> None:
    project, data = team
    flt = AnalysisFilter(codes={project.codes["Formeel"]})
    report = picked_quote_report(data, flt, rule="longest", attribution=("participant",))
    path = export_quotes(report, tmp_path / "tabel.docx", language="nl", layout="table")[0]
    (table,) = docx.Document(str(path)).tables
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == ["Code", "Deelnemer", "Codeur", "Citaat"]
    assert ["Formeel", "Marieke", "Fenna, Sander", SHARED] in cells
    assert ["Formeel", "Marieke", "Sander", "Daarna niks meer eigenlijk."] in cells
