"""The demo project opens and closes cleanly; screenshots render in English and Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from lobcoder.analysis.dataset import load_dataset
from lobcoder.analysis.frequencies import frequencies
from lobcoder.demo import create_demo_project
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.screenshot import main as screenshot
from lobcoder.gui.settings import Settings


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_demo_project(tmp_path_factory.mktemp("demo") / "demo.lobcoder")


def test_demo_opens_with_codes_documents_and_highlights_then_closes(qtbot, tmp_path: Path, demo: Path) -> None:
    window = MainWindow(Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(window)
    window.show()
    assert window.open_project(demo)
    assert window.overview is not None and len(window.overview.documents) == 6
    assert window.code_model.rowCount() == 4  # the four themes
    assert window.document is not None and window.coding.codings
    first = window.coding.codings[0]
    assert window.transcript.coding_at(first.start) != []
    window.close()  # qt_log_level_fail turns any Qt warning into a failure


def test_code_tree_with_sub_codes_counted_matches_the_analysis_frequencies(qtbot, tmp_path: Path, demo: Path) -> None:
    window = MainWindow(Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(window)
    window.show()
    assert window.open_project(demo) and window.store is not None
    window.menu_actions.count_subcodes.trigger()
    with window.store.read() as session:
        rows = frequencies(load_dataset(session), rollup=True).rows
    model = window.code_model
    shown = {}
    for row in rows:
        index = model.index_for_code(row.code.id)
        shown[row.code.name] = (
            index.siblingAtColumn(model.CODINGS).data(),
            index.siblingAtColumn(model.DOCUMENTS).data(),
        )
    assert shown == {row.code.name: (row.rolled.codings, row.rolled.documents) for row in rows}
    themes = [row for row in rows if row.code.id in {c.id for c in window.codes_by_id.values() if c.parent_id is None}]
    assert any(row.rolled.documents > row.own.documents for row in themes)  # roll-up changes something
    window.close()


def _colours(image: QImage) -> set[str]:
    return {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_screenshot_command_renders_the_window(tmp_path: Path, demo: Path, qapp, language: str, capsys) -> None:
    out = tmp_path / f"shot_{language}.png"
    code = screenshot(
        [
            str(demo),
            "--out",
            str(out),
            "--document",
            "docent1_marieke_ronde3",
            "--size",
            "1200x800",
            "--language",
            language,
        ]
    )
    assert code == 0, capsys.readouterr().err
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    assert len(_colours(image)) > 40  # text, tints, brackets: not a blank window


def test_screenshot_of_a_missing_document_or_project_fails_cleanly(tmp_path: Path, demo: Path, qapp, capsys) -> None:
    assert screenshot([str(demo), "--out", str(tmp_path / "x.png"), "--document", "Nope"]) == 2
    assert "no document named 'Nope'" in capsys.readouterr().err
    assert screenshot([str(tmp_path / "missing.lobcoder"), "--out", str(tmp_path / "y.png")]) == 2
    assert "missing.lobcoder: no such file" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()
