"""report quotes --order-by ronde: each code's quotes by wave in natural order, not by document name."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from lobcoder.importing.extracted import Turn
from lobcoder.participants.links import set_participant
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Attribute, AttributeScope, AttributeType, AttributeValue
from lobcoder.storage.project import ProjectStore
from tests.cli.running import run

# Document names sort Anna, Bram, Cas, Dirk; the waves are 10, 2, none and 1.
DOCS = {
    "Anna_r10": ("Anna", "10", "Tien rondes later zien we resultaat."),
    "Bram_r2": ("Bram", "2", "In ronde twee zien we resultaat."),
    "Cas": ("Cas", None, "Zonder ronde zien we resultaat."),
    "Dirk_r1": ("Dirk", "1", "Eerst zien we resultaat."),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "rondes.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        code = create_code(session, "Resultaat").id
        ronde = Attribute(name="ronde", type=AttributeType.CATEGORY, scope=AttributeScope.DOCUMENT)
        session.add(ronde)
        for name, (person, wave, text) in DOCS.items():
            document = add_document(session, name, text, [Turn("R", 0, 0, len(text))]).id
            set_participant(session, document, person)
            if wave is not None:
                session.add(AttributeValue(attribute=ronde, document_id=document, text_value=wave))
            add_coding(session, document, code, 0, len(text))
    return path


def quoted_people(out: str) -> list[str]:
    return [line.split("(")[-1].split(",")[0].rstrip(")") for line in out.splitlines() if line.startswith("    “")]


def test_quotes_follow_the_waves_in_natural_order(project: Path) -> None:
    code, out, err = run("report", "quotes", project)
    assert code == 0, err
    assert quoted_people(out) == ["Anna", "Bram", "Cas", "Dirk"]  # document order
    code, out, err = run("report", "quotes", project, "--order-by", "Ronde")
    assert code == 0, err
    assert quoted_people(out) == ["Dirk", "Bram", "Anna", "Cas"]  # 1, 2, 10, then the one without a wave
    assert "  The quotes of each code are ordered by ronde; quotes without a value come last." in out.splitlines()


def test_ordering_comes_after_picking(project: Path) -> None:
    picked = ("report", "quotes", project, "--per-code", "2", "--pick", "longest")
    assert quoted_people(run(*picked)[1]) == ["Anna", "Bram"]  # the two longest, in document order
    code, out, _ = run(*picked, "--order-by", "ronde")
    assert code == 0
    assert quoted_people(out) == ["Bram", "Anna"]  # the same two, by wave: 2 before 10


def test_unknown_order_field_is_one_line(project: Path) -> None:
    code, out, err = run("report", "quotes", project, "--order-by", "golf")
    assert code == 2 and out == ""
    assert "no attribute named 'golf'" in err and len(err.strip().splitlines()) == 1


def test_dutch_word_quotes_by_wave(tmp_path: Path, project: Path) -> None:
    target = tmp_path / "citaten.docx"
    args = ("report", "quotes", project, "--order-by", "ronde,participant", "--language", "nl", "--out", target)
    assert run(*args)[0] == 0
    text = [p.text for p in docx.Document(str(target)).paragraphs]
    quotes = [t for t in text if t.startswith("‘")]  # Dutch quotation marks
    assert quotes == [
        "‘Eerst zien we resultaat.’ (Dirk, ronde 1)",
        "‘In ronde twee zien we resultaat.’ (Bram, ronde 2)",
        "‘Tien rondes later zien we resultaat.’ (Anna, ronde 10)",
        "‘Zonder ronde zien we resultaat.’ (Cas)",
    ]
    assert any("geordend op ronde en deelnemer; citaten zonder waarde staan achteraan." in t for t in text)
