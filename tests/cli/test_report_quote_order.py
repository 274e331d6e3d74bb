"""report quotes --order-by ronde: each code's quotes by wave in natural order, not by document name."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.analysis.rondes_project import build_rondes_project
from tests.cli.running import run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return build_rondes_project(tmp_path / "rondes.lobcoder")


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
