"""Attribute values that already name their attribute ("ronde1") are not named twice in report columns."""

from __future__ import annotations

import contextlib
import csv
import io
from pathlib import Path

import docx

import lobcoder.cli.main as cli_main
from lobcoder.participants.links import set_participant
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Attribute, AttributeScope, AttributeType, AttributeValue
from lobcoder.storage.project import ProjectStore


def run(*args: str | Path) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli_main.main([str(a) for a in args])
    return code, out.getvalue()


WAVES = {"Anna_r1": "ronde1", "Anna_r2": "ronde2", "Bram_r3": "Ronde 3"}


def _project(tmp_path: Path) -> Path:
    path = tmp_path / "rondes.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as s:
        visie = create_code(s, "Visie")
        ronde = Attribute(name="ronde", type=AttributeType.CATEGORY, scope=AttributeScope.DOCUMENT)
        s.add(ronde)
        for name, wave in WAVES.items():
            doc = add_document(s, name, f"{name}: de visie is gedeeld.")
            set_participant(s, doc.id, name.split("_")[0])
            s.add(AttributeValue(attribute=ronde, document_id=doc.id, text_value=wave))
            add_coding(s, doc.id, visie.id, 0, 5, coder="Ilse")
    return path


def test_wave_columns_say_ronde1_not_ronde_ronde1(tmp_path: Path) -> None:
    project = _project(tmp_path)
    code, out = run("report", "frequencies", project, "--split-by", "ronde", "--language", "nl")
    assert code == 0
    assert out.splitlines()[2].endswith("% van deelnemers  ronde1  ronde2  Ronde 3")  # not "ronde ronde1"

    target = tmp_path / "freq.csv"
    assert run("report", "frequencies", project, "--split-by", "ronde", "--out", target)[0] == 0
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[0][-3:] == ["ronde1 (%)", "ronde2 (%)", "Ronde 3 (%)"]

    target = tmp_path / "deelnemers.csv"
    code, _ = run(
        "report", "crosstab", project, "--attribute", "ronde", "--participants", "--codes", "Visie", "--out", target
    )
    assert code == 0
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[0][-4:] == ["ronde1", "ronde2", "Ronde 3", "Total"]

    target = tmp_path / "freq.docx"
    assert run("report", "frequencies", project, "--split-by", "ronde", "--out", target, "--language", "nl")[0] == 0
    header = [cell.text.split("\n")[0] for cell in docx.Document(str(target)).tables[0].rows[1].cells]
    assert header[-3:] == ["ronde1", "ronde2", "Ronde 3"]  # under the spanning header "ronde"


def test_waves_and_documents_are_in_numeric_order(tmp_path: Path) -> None:
    path = tmp_path / "tien.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as s:
        visie = create_code(s, "Visie")
        ronde = Attribute(name="ronde", type=AttributeType.CATEGORY, scope=AttributeScope.DOCUMENT)
        s.add(ronde)
        for number in (10, 2, 1):
            doc = add_document(s, f"Docent{number}", f"Docent {number}: de visie is gedeeld.")
            s.add(AttributeValue(attribute=ronde, document_id=doc.id, text_value=f"ronde {number}"))
            add_coding(s, doc.id, visie.id, 0, 6, coder="Ilse")
    target = tmp_path / "rondes.csv"
    assert run("report", "crosstab", path, "--attribute", "ronde", "--out", target)[0] == 0
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[0][-4:] == ["ronde 1", "ronde 2", "ronde 10", "Total"]  # not 1, 10, 2
    target = tmp_path / "documenten.csv"
    assert run("report", "frequencies", path, "--by-document", "--out", target)[0] == 0
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[0][-3:] == ["Docent1", "Docent2", "Docent10"]


def test_a_filter_note_is_a_sentence_naming_the_values_once(tmp_path: Path) -> None:
    project = _project(tmp_path)
    args = ("report", "frequencies", project, "--filter", "ronde=ronde1", "--filter", "ronde=ronde2")
    code, out = run(*args, "--language", "nl")
    assert code == 0 and out.rstrip().endswith("Alleen documenten met ronde1 of ronde2")  # not "ronde: ronde1, ronde2"
    target = tmp_path / "freq.docx"
    assert run(*args, "--out", target)[0] == 0
    note = docx.Document(str(target)).paragraphs[-1].text
    assert note.endswith(" Only documents with ronde1 or ronde2.")
