"""Every report, exported in Dutch, holds no English word of the catalogue, and in English no Dutch one.

The project is Dutch throughout (codes, attributes, names, transcripts), so
every English word found in a Dutch export came from lobcoder, not from the
researcher; words the project itself contains are allowed in both languages.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import string
from pathlib import Path

import docx
import openpyxl
import pytest

import lobcoder.cli.main as cli_main
from lobcoder.analysis.cooccurrence import cooccurrence
from lobcoder.analysis.crosstab import crosstab, participant_by_wave
from lobcoder.analysis.dataset import Dataset, load_dataset
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.frequencies import Split, frequencies
from lobcoder.analysis.quotes import quotes
from lobcoder.analysis.table import Table
from lobcoder.analysis.units import UNITS
from lobcoder.cli.report import print_table
from lobcoder.i18n import CATALOGUE, LANGUAGES
from lobcoder.importing.extracted import Turn
from lobcoder.participants.links import set_participant
from lobcoder.reports.export import export_table
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Attribute, AttributeScope, AttributeType, AttributeValue
from lobcoder.storage.project import ProjectStore

TEXTS = {
    "Marieke_r1": (
        "Interviewer: Hoe begeleidt u studenten bij hun keuze?\n"
        "Marieke: Wij voeren loopbaangesprekken en de werkdruk is hoog.\n"
        "Interviewer: Werkt het team samen?\n"
        "Marieke: Ja, wij overleggen elke week over de studenten."
    ),
    "Marieke_r2": "Interviewer: Wat is veranderd?\nMarieke: Er is meer tijd voor loopbaangesprekken gekomen.",
    "Bram_r1": "Interviewer: Vertel eens.\nBram: Weinig tijd, hoge werkdruk, toch goede gesprekken.",
    "Losse_notitie": "Aantekening zonder deelnemer: werkdruk.",
}
PEOPLE = {"Marieke_r1": "Marieke", "Marieke_r2": "Marieke", "Bram_r1": "Bram"}
RONDE = {"Marieke_r1": "1", "Marieke_r2": "2", "Bram_r1": "1"}  # Losse_notitie has no ronde
CODINGS = [
    ("Marieke_r1", "Gesprekken", "Wij voeren loopbaangesprekken", "Fenna"),
    ("Marieke_r1", "Werkdruk", "loopbaangesprekken en de werkdruk is hoog.", "Fenna"),
    ("Marieke_r1", "Samenwerking", "wij overleggen elke week", "Sanne"),
    ("Marieke_r1", "Samenwerking", "Werkt het team samen?", "Sanne"),  # the interviewer's words
    ("Marieke_r2", "Gesprekken", "meer tijd voor loopbaangesprekken", "Fenna"),
    ("Bram_r1", "Werkdruk", "Weinig tijd, hoge werkdruk", "Fenna"),
    ("Bram_r1", "Gesprekken", "hoge werkdruk, toch goede gesprekken.", "Sanne"),
    ("Losse_notitie", "Werkdruk", "werkdruk", "Fenna"),
]
WORD = re.compile(r"[^\W\d_]+")


def _turns(text: str) -> list[Turn]:
    return [Turn(m.group(1), m.start(), m.end(1) + 2, m.end()) for m in re.finditer(r"^(\w+): [^\n]*", text, re.M)]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("taal") / "onderzoek.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        ids = {}
        for name, text in TEXTS.items():
            ids[name] = add_document(session, name, text, _turns(text)).id
            if name in PEOPLE:
                set_participant(session, ids[name], PEOPLE[name])
        begeleiding = create_code(session, "Begeleiding")
        codes = {
            "Gesprekken": create_code(session, "Gesprekken", begeleiding.id).id,
            "Werkdruk": create_code(session, "Werkdruk").id,
            "Samenwerking": create_code(session, "Samenwerking", begeleiding.id).id,
        }
        for document, code, words, coder in CODINGS:
            start = TEXTS[document].index(words)
            add_coding(session, ids[document], codes[code], start, start + len(words), coder=coder)
        ronde = Attribute(name="ronde", type=AttributeType.CATEGORY, scope=AttributeScope.DOCUMENT)
        session.add(ronde)
        session.add_all(AttributeValue(attribute=ronde, document_id=ids[d], text_value=v) for d, v in RONDE.items())
    return path


def _dataset(path: Path) -> Dataset:
    with ProjectStore.open(path) as store, store.read() as session:
        return load_dataset(session, texts=True, turns=True)


def every_table(data: Dataset, language: str) -> list[Table]:
    """Each kind of report with each option that changes its words, unfiltered and filtered."""
    werkdruk = next(code.id for code in data.codes if code.name == "Werkdruk")
    filtered = AnalysisFilter(
        documents=[d.id for d in data.documents][:3],
        coders={"Fenna", "Sanne"},
        codes={code.id for code in data.codes},
        attributes={"ronde": {"1", "2"}},
        exclude_interviewer=True,
    )
    tables = []
    for rollup in (True, False):
        tables.append(frequencies(data, rollup=rollup).to_table(language=language))
        split_result = frequencies(data, split_by="ronde", rollup=rollup)
        for measure in ("codings", "documents", "document_share", "participants", "participant_share"):
            tables.append(split_result.to_table(measure, language=language))  # type: ignore[arg-type]
        tables.append(frequencies(data, split_by=Split.DOCUMENT, rollup=rollup).to_table(language=language))
        for count in ("codings", "documents", "participants"):
            cross = crosstab(data, "ronde", count=count, rollup=rollup)  # type: ignore[arg-type]
            tables += [cross.to_table(p, language=language) for p in (None, "row", "column")]  # type: ignore[arg-type]
        tables.append(
            participant_by_wave(data, [werkdruk], attribute="ronde", rollup=rollup).to_table(language=language)
        )
        for unit in UNITS:
            for within in (0, 1) if unit == "paragraph" else (0,):
                matrix = cooccurrence(data, unit=unit, within=within, rollup=rollup)
                for measure in (
                    ("count", "jaccard", "conditional", "conditional_column") if unit == "turn" else ("count",)
                ):
                    tables.append(matrix.to_table(measure, language=language))  # type: ignore[arg-type]
        tables.append(quotes(data, rollup=rollup).to_table(language=language))
    tables.append(frequencies(data, filtered).to_table(language=language))
    tables.append(quotes(data, filtered).to_table(language=language))
    return tables


def _words(text: str) -> set[str]:
    return {word.casefold() for word in WORD.findall(text)}


def _catalogue_words(language: str) -> set[str]:
    found: set[str] = set()
    for entry in CATALOGUE.values():
        literal = "".join(part for part, _, _, _ in string.Formatter().parse(getattr(entry, language)))
        found |= _words(literal)
    return found


def _project_words(data: Dataset) -> set[str]:
    names = [*TEXTS.values(), *TEXTS, *PEOPLE.values(), "ronde", "Fenna", "Sanne", "Interviewer"]
    names += [code.name for code in data.codes]
    return _words(" ".join(names))


def _exported_text(tables: list[Table], language: str, folder: Path) -> str:
    parts = []
    for chart, shown in ((False, tables), (True, tables[:1])):  # one chart is enough for the figure's words
        document = export_table(shown, folder / f"alles_{language}_{chart}.docx", language=language, chart=chart)[0]
        opened = docx.Document(str(document))
        parts += [p.text for p in opened.paragraphs]
        parts += [cell.text for table in opened.tables for row in table.rows for cell in row.cells]
        parts += [opened.core_properties.title or ""]
    workbook = openpyxl.load_workbook(export_table(tables, folder / f"alles_{language}.xlsx", language=language)[0])
    for sheet in workbook.worksheets:
        parts.append(sheet.title)
        parts += [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]
    for path in export_table(tables, folder / f"alles_{language}.csv", language=language):
        with path.open(encoding="utf-8-sig", newline="") as stream:
            parts += [cell for row in csv.reader(stream) for cell in row]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for table in tables:
            print_table(table, language)  # type: ignore[arg-type]
    parts.append(out.getvalue())
    return "\n".join(parts)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_report_holds_no_word_of_the_other_language(project: Path, tmp_path: Path, language: str) -> None:
    data = _dataset(project)
    other = next(code for code in LANGUAGES if code != language)
    foreign = _catalogue_words(other) - _catalogue_words(language) - _project_words(data)
    assert len(foreign) > 60  # the check has teeth: most of the catalogue's words differ
    text = _exported_text(every_table(data, language), language, tmp_path)
    found = sorted(_words(text) & foreign)
    assert not found, f"{language} reports contain {other} words: {found}"
    own = _catalogue_words(language) - _catalogue_words(other)
    assert len(_words(text) & own) > 50  # and the reports really are in their language


def test_the_cli_writes_every_kind_in_dutch(project: Path, tmp_path: Path) -> None:
    data = _dataset(project)
    english = _catalogue_words("en") - _catalogue_words("nl") - _project_words(data)
    runs = [
        ("frequencies", "--split-by", "Ronde"),  # the attribute as the researcher wrote it, in any case
        ("cooccurrence", "--unit", "turn", "--measure", "jaccard"),
        ("crosstab", "--attribute", "RONDE", "--percent", "row"),
        ("crosstab", "--attribute", "ronde", "--participants", "--codes", "Werkdruk"),
        ("quotes", "--codes", "Werkdruk", "--coder", "Fenna", "--exclude-interviewer"),
    ]
    for args in runs:
        for out in (None, tmp_path / f"{args[0]}.docx"):
            command = ["report", args[0], str(project), *args[1:], "--language", "nl"]
            command += ["--out", str(out)] if out else []
            stdout, stderr = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                assert cli_main.main(command) == 0, stderr.getvalue()
            text = stdout.getvalue()
            if out is not None:
                opened = docx.Document(str(out))
                text = "\n".join(
                    [p.text for p in opened.paragraphs]
                    + [c.text for t in opened.tables for r in t.rows for c in r.cells]
                )
            assert not _words(text) & english, f"{args}: {sorted(_words(text) & english)}"
            assert text.strip()
