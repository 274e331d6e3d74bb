"""What the import report says about a case (a participant): one label, in English and Dutch."""

from __future__ import annotations

from pathlib import Path

from lobcoder.refi.qdpx_import import import_qdpx
from tests.refi.test_qdpx import CODE, HEADER, NS, make_qdpx


def test_every_note_about_a_case_names_it_the_same_way(tmp_path: Path) -> None:
    # The case reuses the code's GUID (it gets a new one) and has a value of an undeclared variable:
    # two notes about the same case, made in two places of the import.
    qde = (
        HEADER + f'<Project xmlns="{NS}" name="Casussen">'
        f'<CodeBook><Codes><Code guid="{CODE}" name="Thema" isCodable="true"/></Codes></CodeBook>'
        f'<Cases><Case guid="{CODE}" name="Docent 7">'
        '<VariableValue><VariableRef targetGUID="88888888-0000-4000-8000-000000000009"/>'
        "<TextValue>docent</TextValue></VariableValue></Case></Cases>"
        "</Project>"
    )
    report = import_qdpx(make_qdpx(tmp_path / "c.qdpx", qde), tmp_path / "c.lobcoder")
    english = [str(note) for note in report.notes if "Docent 7" in str(note)]
    dutch = [note.text("nl") for note in report.notes if "Docent 7" in note.text("nl")]
    assert len(english) == len(dutch) == 2, english
    assert all(line.startswith("case 'Docent 7': ") for line in english), english
    assert all(line.startswith("casus 'Docent 7': ") for line in dutch), dutch
