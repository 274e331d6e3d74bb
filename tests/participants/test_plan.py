"""Planning and applying attribute sheets against a real project file."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from lobcoder.errors import ImportProblem
from lobcoder.participants.apply import apply_plan
from lobcoder.participants.links import document_attributes, list_participants, set_participant
from lobcoder.participants.plan import plan_sheet
from lobcoder.participants.plan_model import PlanOutdated, SheetPlan
from lobcoder.participants.value_types import UnparsableValue, infer_type, parse_date, parse_number
from lobcoder.storage.models import (
    Attribute,
    AttributeScope,
    AttributeType,
    AttributeValue,
    Document,
    Participant,
)
from lobcoder.storage.project import ProjectStore
from lobcoder.text.normalize import content_hash

DOCS = ("Docent01_w1", "Docent01_w2", "Docent02_w1", "Docent03_w1", "Contact01.docx", "Contact01.pdf")


@pytest.fixture
def ids(store: ProjectStore) -> dict[str, int]:
    with store.transaction() as session:
        documents = [Document(name=n, text=f"Interview {n}", content_hash=content_hash(n)) for n in DOCS]
        session.add_all(documents)
        session.flush()
        return {d.name: d.id for d in documents}


def csv(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "sheet.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def plan(store: ProjectStore, path: Path, **options: object) -> SheetPlan:
    with store.read() as session:
        return plan_sheet(session, path, **options)  # type: ignore[arg-type]


def attrs(store: ProjectStore, document_id: int) -> dict[str, object]:
    with store.read() as session:
        return document_attributes(session, document_id)


DUTCH = """Document;Deelnemer;School;Rol;Wave;Interviewdatum;Toelichting
Docent01_w1;Docent01;Da Vinci College;docent;1;14-03-2023;coördinator bèta
docent01_w2.docx;Docent01;Da Vinci College;docent;2;3/4/2023;
Docent02_w1;Docent02;Sint-Jozef Lyceum;mentor;1;2023-03-20;eerste jaar
"""


def test_dutch_csv_plan_then_apply(store: ProjectStore, ids: dict[str, int], tmp_path: Path) -> None:
    path = csv(tmp_path, DUTCH, "cp1252")
    result = plan(store, path, participant_attributes=["School", "rol"])
    assert (result.key, result.key_column, result.participant_column) == ("document", "Document", "Deelnemer")
    assert [(c.name, c.type, c.scope, c.is_new) for c in result.columns] == [
        ("School", AttributeType.CATEGORY, AttributeScope.PARTICIPANT, True),
        ("Rol", AttributeType.CATEGORY, AttributeScope.PARTICIPANT, True),
        ("Wave", AttributeType.CATEGORY, AttributeScope.DOCUMENT, True),
        ("Interviewdatum", AttributeType.DATE, AttributeScope.DOCUMENT, True),
        ("Toelichting", AttributeType.TEXT, AttributeScope.DOCUMENT, True),
    ]
    assert [(m.row, m.target.name) for m in result.matched] == [
        (2, "Docent01_w1"),
        (3, "Docent01_w2"),
        (4, "Docent02_w1"),
    ]
    assert result.new_participants == ("Docent01", "Docent02")
    assert (result.added, result.changed, result.unchanged) == (2 * 2 + 3 * 2 + 2, 0, 0)
    assert not (result.problems or result.conflicts or result.unmatched or result.ambiguous)
    with store.read() as session:  # planning changed nothing
        assert session.scalars(select(Attribute)).all() == []

    with store.transaction() as session:
        applied = apply_plan(session, result)
    assert applied.participants_created == ("Docent01", "Docent02")
    assert applied.links_set == 3 and applied.added == 12
    assert attrs(store, ids["Docent01_w2"]) == {
        "School": "Da Vinci College",
        "Rol": "docent",
        "Wave": "2",
        "Interviewdatum": date(2023, 4, 3),
    }
    assert attrs(store, ids["Docent01_w1"])["Toelichting"] == "coördinator bèta"
    with store.read() as session:
        wave = session.scalars(
            select(AttributeValue)
            .join(Attribute)
            .where(Attribute.name == "Wave", AttributeValue.document_id == ids["Docent02_w1"])
        ).one()
        assert (wave.text_value, wave.number_value, wave.date_value) == ("1", None, None)
        assert [(p.name, p.documents) for p in list_participants(session)] == [
            ("Docent01", ("Docent01_w1", "Docent01_w2")),
            ("Docent02", ("Docent02_w1",)),
        ]


def test_reapplying_the_same_sheet_changes_nothing(store: ProjectStore, ids: dict[str, int], tmp_path: Path) -> None:
    path = csv(tmp_path, DUTCH, "cp1252")
    with store.transaction() as session:
        apply_plan(session, plan_sheet(session, path, participant_attributes=["School", "Rol"]))
    again = plan(store, path, participant_attributes=["School", "Rol"])
    assert (again.added, again.changed, again.unchanged) == (0, 0, 12)
    assert all(not c.is_new for c in again.columns) and again.new_participants == ()
    assert {link.status for link in again.links} == {"unchanged"}
    assert any("0 to add, 0 to change, 12 unchanged" in line for line in again.summary_lines())
    with store.transaction() as session:
        applied = apply_plan(session, again)
    assert (applied.added, applied.changed, applied.unchanged, applied.links_set) == (0, 0, 12, 0)
    assert applied.attributes_created == () and applied.participants_created == ()


def test_changed_values_and_empty_cells(store: ProjectStore, ids: dict[str, int], tmp_path: Path) -> None:
    with store.transaction() as session:
        apply_plan(session, plan_sheet(session, csv(tmp_path, "document;wave;notitie\nDocent01_w1;1;oud\n")))
    second = csv(tmp_path, "document;wave;notitie\nDocent01_w1;2;\n", name="second.csv")
    result = plan(store, second)
    assert [(v.column, v.previous, v.value, v.status) for v in result.values] == [("wave", "1", "2", "changed")]
    with store.transaction() as session:
        apply_plan(session, result)
    assert attrs(store, ids["Docent01_w1"]) == {"wave": "2", "notitie": "oud"}


def test_xlsx_with_real_dates_and_numbers(store: ProjectStore, ids: dict[str, int], tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Transcript", "Afgenomen", "Duur", "Leerlingen"])
    sheet.append(["Docent01_w1", datetime(2023, 3, 14), 1.125, 28])
    sheet.append(["Docent02_w1", datetime(2023, 10, 2), 0.75, 31])
    sheet.append(["Docent03_w1", datetime(2024, 1, 9), 1.5, 24])
    workbook.save(tmp_path / "rondes.xlsx")
    result = plan(store, tmp_path / "rondes.xlsx")
    assert {c.name: c.type for c in result.columns} == {
        "Afgenomen": AttributeType.DATE,
        "Duur": AttributeType.NUMBER,
        "Leerlingen": AttributeType.NUMBER,
    }
    assert result.problems == ()  # 1.125 came as a real number: not ambiguous
    with store.transaction() as session:
        apply_plan(session, result)
        value = session.scalars(select(AttributeValue).where(AttributeValue.document_id == ids["Docent01_w1"])).all()
        assert {(v.date_value, v.number_value) for v in value} == {
            (date(2023, 3, 14), None),
            (None, 1.125),
            (None, 28.0),
        }
    assert attrs(store, ids["Docent02_w1"]) == {
        "Afgenomen": date(2023, 10, 2),
        "Duur": 0.75,
        "Leerlingen": 31.0,
    }


def test_matching_ignores_case_and_extension_and_reports_the_rest(
    store: ProjectStore, ids: dict[str, int], tmp_path: Path
) -> None:
    path = csv(
        tmp_path,
        "bestand;sector\nDOCENT01_W1;vo\ndocent02_w1.docx;mbo\nContact01;vo\nDocent99_w1;vo\nContact01.PDF;ho\n",
    )
    result = plan(store, path)
    assert result.key == "document"
    assert [(m.key_value, m.target.name) for m in result.matched] == [
        ("DOCENT01_W1", "Docent01_w1"),
        ("docent02_w1.docx", "Docent02_w1"),
        ("Contact01.PDF", "Contact01.pdf"),
    ]
    assert [(u.row, u.key_value) for u in result.unmatched] == [(5, "Docent99_w1")]
    assert [(a.row, a.candidates) for a in result.ambiguous] == [(4, ("Contact01.docx", "Contact01.pdf"))]
    lines = result.summary_lines()
    assert "row 5: 'Docent99_w1' matches no document" in lines
    assert any("ambiguous" in line and "Contact01.docx" in line for line in lines)
    with store.transaction() as session:
        apply_plan(session, result)
    assert attrs(store, ids["Contact01.docx"]) == {}
    assert attrs(store, ids["Contact01.pdf"]) == {"sector": "ho"}


@pytest.mark.parametrize(
    ("header", "cells", "key"),
    [
        ("Documentnaam", "x;y", "document"),
        ("Respondent", "Docent01_w1;Docent02_w1", "participant"),
        ("Naam", "x;y", "participant"),
        ("code", "docent01_w1;Nobody", "document"),
        ("code", "Anna;Bram", "participant"),
    ],
)
def test_key_detection(
    store: ProjectStore, ids: dict[str, int], tmp_path: Path, header: str, cells: str, key: str
) -> None:
    first, second = cells.split(";")
    path = csv(tmp_path, f"{header};school\n{first};A\n{second};B\n")
    result = plan(store, path)
    assert (result.key, result.key_column) == (key, header)


def test_document_header_wins_over_participant_header(store: ProjectStore, ids: dict[str, int], tmp_path: Path) -> None:
    result = plan(store, csv(tmp_path, "Deelnemer;Document;rol\nDocent01;Docent01_w1;docent\n"))
    assert (result.key, result.key_column, result.participant_column) == ("document", "Document", "Deelnemer")


def test_explicit_key_and_participant_columns(store: ProjectStore, ids: dict[str, int], tmp_path: Path) -> None:
    path = csv(tmp_path, "id;persoon;rol\nDocent01_w1;Anna;docent\nDocent02_w1;Bram;mentor\n")
    result = plan(store, path, key_column="ID", key="document", participant_column="persoon")
    assert (result.key, result.key_column, result.participant_column) == ("document", "id", "persoon")
    assert [(link.document.name, link.participant.name, link.status) for link in result.links] == [
        ("Docent01_w1", "Anna", "added"),
        ("Docent02_w1", "Bram", "added"),
    ]
    assert "document links: 2 to set, 0 unchanged" in result.summary_lines()


def test_participant_sheet(store: ProjectStore, ids: dict[str, int], tmp_path: Path) -> None:
    with store.transaction() as session:
        set_participant(session, ids["Docent01_w1"], "Docent01")
    path = csv(tmp_path, "deelnemer;geboortejaar;rol\ndocent01;1975;docent\nDocent07;1988;mentor\n")
    result = plan(store, path)
    assert result.key == "participant"
    assert [m.target.name for m in result.matched] == ["Docent01"]
    assert [u.key_value for u in result.unmatched] == ["Docent07"] and result.new_participants == ()

    created = plan(store, path, create_participants=True)
    assert created.unmatched == () and created.new_participants == ("Docent07",)
    with store.transaction() as session:
        applied = apply_plan(session, created)
        assert applied.participants_created == ("Docent07",)
        people = {p.name: p.attributes for p in list_participants(session)}
    assert people == {
        "Docent01": {"geboortejaar": 1975.0, "rol": "docent"},
        "Docent07": {"geboortejaar": 1988.0, "rol": "mentor"},
    }
    assert attrs(store, ids["Docent01_w1"]) == {"geboortejaar": 1975.0, "rol": "docent"}


def test_conflicting_participant_values_are_not_applied(
    store: ProjectStore, ids: dict[str, int], tmp_path: Path
) -> None:
    path = csv(
        tmp_path,
        "document;deelnemer;school;wave\nDocent01_w1;Docent01;Da Vinci;1\n"
        "Docent01_w2;docent01;Het Lyceum;2\nDocent02_w1;Docent02;Het Lyceum;1\n",
    )
    result = plan(store, path, participant_attributes=["school"])
    assert result.new_participants == ("Docent01", "Docent02")
    assert [(c.owner.name, c.column, c.values) for c in result.conflicts] == [
        ("Docent01", "school", ((2, "Da Vinci"), (3, "Het Lyceum")))
    ]
    assert any(line.startswith("conflict: participant 'Docent01'") for line in result.summary_lines())
    with store.transaction() as session:
        apply_plan(session, result)
        people = {p.name: p for p in list_participants(session)}
    assert people["Docent01"].attributes == {} and people["Docent01"].documents == (
        "Docent01_w1",
        "Docent01_w2",
    )
    assert people["Docent02"].attributes == {"school": "Het Lyceum"}
    assert attrs(store, ids["Docent01_w2"]) == {"wave": "2"}


def test_conflicting_links_and_participant_values_without_participant(
    store: ProjectStore, ids: dict[str, int], tmp_path: Path
) -> None:
    path = csv(tmp_path, "document;deelnemer;rol\nDocent01_w1;Anna;docent\ndocent01_w1;Bram;\nDocent02_w1;;mentor\n")
    result = plan(store, path, participant_attributes=["rol"])
    assert [(c.owner.name, c.column) for c in result.conflicts] == [("Docent01_w1", "deelnemer")]
    assert [(p.row, p.column, p.value) for p in result.problems] == [(4, "rol", "mentor")]
    assert "not linked" in result.problems[0].reason
    with store.transaction() as session:
        apply_plan(session, result)
        assert session.get(Document, ids["Docent01_w1"]).participant_id is None


def test_value_problems_are_reported_and_skipped(store: ProjectStore, ids: dict[str, int], tmp_path: Path) -> None:
    path = csv(
        tmp_path,
        "document;leeftijd;datum\nDocent01_w1;34;31-02-2023\nDocent01_w2;41,5;2023-13-01\n"
        "Docent02_w1;drie;14-3-2023\nDocent03_w1;52;2023-03-20\nContact01.pdf;1.500;\n"
        "Contact01.docx;29;\n",
    )
    result = plan(store, path)
    assert {c.name: c.type for c in result.columns} == {
        "leeftijd": AttributeType.NUMBER,
        "datum": AttributeType.DATE,
    }
    assert [(p.row, p.column, p.value) for p in result.problems] == [
        (2, "datum", "31-02-2023"),
        (3, "datum", "2023-13-01"),
        (4, "leeftijd", "drie"),
        (6, "leeftijd", "1.500"),
    ]
    assert "not a number" in result.problems[2].reason and "ambiguous" in result.problems[3].reason
    assert "row 4, 'leeftijd': 'drie' not a number" in result.summary_lines()
    with store.transaction() as session:
        apply_plan(session, result)
    assert attrs(store, ids["Docent01_w2"]) == {"leeftijd": 41.5}
    assert attrs(store, ids["Docent02_w1"]) == {"datum": date(2023, 3, 14)}


def test_existing_attribute_keeps_its_type(store: ProjectStore, ids: dict[str, int], tmp_path: Path) -> None:
    with store.transaction() as session:
        session.add(Attribute(name="Jaren", type=AttributeType.NUMBER, scope=AttributeScope.DOCUMENT))
    result = plan(store, csv(tmp_path, "document;jaren\nDocent01_w1;drie\n"))
    assert [(c.header, c.name, c.type, c.is_new) for c in result.columns] == [
        ("jaren", "Jaren", AttributeType.NUMBER, False)
    ]
    assert [p.value for p in result.problems] == ["drie"]


def test_known_participant_attribute_stays_per_participant(
    store: ProjectStore, ids: dict[str, int], tmp_path: Path
) -> None:
    with store.transaction() as session:
        apply_plan(session, plan_sheet(session, csv(tmp_path, DUTCH, "cp1252"), participant_attributes=["School"]))
    later = csv(tmp_path, "document;deelnemer;school\nDocent03_w1;Docent03;Het Lyceum\n", name="later.csv")
    result = plan(store, later)
    assert [(c.name, c.scope, c.is_new) for c in result.columns] == [("School", AttributeScope.PARTICIPANT, False)]
    with store.transaction() as session:
        apply_plan(session, result)
        people = {p.name: p.attributes for p in list_participants(session)}
    assert people["Docent03"] == {"School": "Het Lyceum"}


def test_apply_is_undone_with_its_transaction(store: ProjectStore, ids: dict[str, int], tmp_path: Path) -> None:
    result = plan(store, csv(tmp_path, DUTCH, "cp1252"), participant_attributes=["School"])
    with pytest.raises(RuntimeError), store.transaction() as session:
        apply_plan(session, result)
        raise RuntimeError("the user's next step failed")
    with store.read() as session:
        assert session.scalars(select(Attribute)).all() == []
        assert session.scalars(select(Participant)).all() == []
        assert session.scalars(select(AttributeValue)).all() == []
        assert {d.participant_id for d in session.scalars(select(Document))} == {None}


def test_plan_for_a_deleted_document_rolls_back(store: ProjectStore, ids: dict[str, int], tmp_path: Path) -> None:
    result = plan(store, csv(tmp_path, DUTCH, "cp1252"))
    with store.transaction() as session:
        session.delete(session.get(Document, ids["Docent02_w1"]))
    with pytest.raises(PlanOutdated, match="Docent02_w1") as caught, store.transaction() as session:
        apply_plan(session, result)
    assert caught.value.text("nl") == (
        f"{result.path}: document 'Docent02_w1' verwijderd sinds het werkblad werd ingelezen; lees het opnieuw in"
    )
    with store.read() as session:
        assert session.scalars(select(Attribute)).all() == []
        assert session.scalars(select(Participant)).all() == []


def test_unknown_column_names(store: ProjectStore, ids: dict[str, int], tmp_path: Path) -> None:
    path = csv(tmp_path, "document;wave\nDocent01_w1;1\n")
    with pytest.raises(ImportProblem, match="no column 'school'"):
        plan(store, path, participant_attributes=["school"])
    with pytest.raises(ImportProblem, match="no column 'naam'"):
        plan(store, path, key_column="naam")


def test_unreadable_sheet_is_an_import_problem(store: ProjectStore, ids: dict[str, int], tmp_path: Path) -> None:
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(b"PK\x03\x04\x14\x00broken")
    with pytest.raises(ImportProblem) as info:
        plan(store, path)
    assert info.value.path == str(path)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("3", 3.0),
        ("-2", -2.0),
        ("1,5", 1.5),
        ("1.5", 1.5),
        ("0,125", 0.125),
        ("1500", 1500.0),
        ("12,3456", 12.3456),
    ],
)
def test_numbers(text: str, number: float) -> None:
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["1.500", "2,000", "1.500.000", "1.500,25", "drie", "3 4"])
def test_numbers_refused(text: str) -> None:
    with pytest.raises(UnparsableValue):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2023-03-14", date(2023, 3, 14)),
        ("14-03-2023", date(2023, 3, 14)),
        ("14/3/2023", date(2023, 3, 14)),
        ("03-04-2023", date(2023, 4, 3)),
        ("3.4.2023", date(2023, 4, 3)),
    ],
)
def test_dates_are_day_first(text: str, day: date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["2023-13-01", "31-02-2023", "14-03-23", "maart 2023", "14-03/2023"])
def test_dates_refused(text: str) -> None:
    with pytest.raises(UnparsableValue):
        parse_date(text)


def test_type_inference() -> None:
    assert infer_type("Wave", ["1", "2", "3"]) is AttributeType.CATEGORY
    assert infer_type("leeftijd", ["34", "41", "52"]) is AttributeType.NUMBER
    assert infer_type("x", ["a", "a", "b", "a", "b"]) is AttributeType.CATEGORY
    assert infer_type("x", ["a", "b", "c"]) is AttributeType.TEXT
    assert infer_type("x", ["", ""]) is AttributeType.TEXT
    assert infer_type("x", ["1.125"], exact=[True]) is AttributeType.NUMBER
