"""The Frequencies bar chart shows code names whole where there is room, elides only the truly long, tooltips all.

A short name that was the longest of its chart ("Visie") was cut to "Vi…":
the label room was measured in whole pixels and the text drawn with its true,
fractional width. And the table kept two thirds of the tab however little it
needed, so on a laptop screen the chart elided names it had the room for.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from lobcoder.analysis.table import Table, TableRow
from lobcoder.demo import create_demo_project
from lobcoder.gui.analysis.bar_chart import MIN_BAR_ROOM, ROW_HEIGHT, BarChart
from lobcoder.gui.analysis.install import AnalysisMenu
from lobcoder.gui.i18n import install_translations
from tests.gui.analysis_host import open_window

WAIT = 120_000  # a guard against a hang, not a time budget


def _table(*rows: tuple[str, int, int]) -> Table:
    return Table(
        "Code frequencies",
        "Code",
        ("Documents",),
        tuple(TableRow(label, (value,), level) for label, value, level in rows),
        ("int",),
    )


SHORT = _table(("Visie", 3, 0), ("Leren", 2, 0), ("Delen", 1, 1), ("Communicatie", 2, 0))
LONG_NAME = "Samen oefenen met loopbaangesprekken in de eigen opleiding en daarbuiten"


def test_short_names_show_whole_at_the_charts_own_width_and_at_any_font_size(qtbot) -> None:  # type: ignore[no-untyped-def]
    for points in (9, 10, 11, 13):
        chart = BarChart()
        qtbot.addWidget(chart)
        font = chart.font()
        font.setPointSizeF(points)
        chart.setFont(font)
        chart.set_data(SHORT, 0)
        chart.resize(chart.sizeHint())
        assert chart.shown_labels() == ["Visie", "Leren", "Delen", "Communicatie"], points
        chart.resize(320, chart.height())  # a narrow pane still holds these short names
        assert chart.shown_labels() == ["Visie", "Leren", "Delen", "Communicatie"], points


def test_only_a_name_too_long_for_a_narrow_chart_is_elided_and_the_bars_keep_their_room(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_data(_table(("Visie", 3, 0), (LONG_NAME, 2, 1)), 0)
    chart.resize(360, chart.sizeHint().height())
    short, long = chart.shown_labels()
    assert short == "Visie"
    assert long.endswith("…") and LONG_NAME.startswith(long[:-1]) and len(long) > 10
    assert chart.bar_room() >= MIN_BAR_ROOM
    chart.resize(chart.sizeHint())  # room enough: whole
    assert chart.shown_labels() == ["Visie", LONG_NAME]


def test_hovering_a_row_shows_its_whole_name_and_value(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_data(_table(("Visie", 3, 0), (LONG_NAME, 2, 1)), 0)
    chart.resize(300, chart.sizeHint().height())
    chart.show()
    qtbot.waitExposed(chart)
    middle_of_second_row = QPoint(20, 6 + ROW_HEIGHT + ROW_HEIGHT // 2)
    event = QHelpEvent(QEvent.Type.ToolTip, middle_of_second_row, chart.mapToGlobal(middle_of_second_row))
    QApplication.sendEvent(chart, event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == f"{LONG_NAME}: 2"
    assert chart.row_at(QPointF(middle_of_second_row).y()) == 1 and chart.row_at(2) is None


@pytest.mark.parametrize("language", ["en", "nl"])
def test_on_a_laptop_screen_the_demo_chart_shows_every_code_name_whole(  # type: ignore[no-untyped-def]
    qtbot, qapp, tmp_path: Path, language: str
) -> None:
    install_translations(qapp, language)  # the conftest puts English back afterwards
    window = open_window(qtbot, tmp_path, create_demo_project(tmp_path / "demo.lobcoder"))
    window.settings.language = language
    menu = window.findChild(AnalysisMenu)
    assert menu is not None
    menu.open_action.trigger()
    analysis = menu.analysis_window
    assert analysis is not None
    analysis.resize(1366, 768)
    qtbot.waitUntil(lambda: analysis.dataset is not None and analysis.is_idle(), timeout=WAIT)
    chart = analysis.frequencies.chart
    qtbot.waitUntil(lambda: bool(chart.values()))
    labels = [label for label, _value in chart.values()]
    assert len(labels) > 20 and chart.shown_labels() == labels  # the longest: "Samen oefenen met loopbaangesprekken"
    table = analysis.frequencies.table
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()  # and every column of the table still shows
    if os.environ.get("LOBCODER_SHOTS"):
        analysis.grab().save(os.path.join(os.environ["LOBCODER_SHOTS"], f"frequencies_chart_{language}.png"))
    analysis.resize(900, 600)  # a small window: long names give way, with their tooltip
    qtbot.waitUntil(lambda: chart.shown_labels() != labels)
    shown = chart.shown_labels()
    assert "Visie" in shown and all(s == full or s.endswith("…") for s, full in zip(shown, labels, strict=True))
    assert chart.bar_room() >= MIN_BAR_ROOM


def test_choosing_another_chart_column_shares_the_width_again(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path, create_demo_project(tmp_path / "demo.lobcoder"))
    menu = window.findChild(AnalysisMenu)
    assert menu is not None
    menu.open_action.trigger()
    analysis = menu.analysis_window
    assert analysis is not None
    analysis.resize(1366, 768)
    qtbot.waitUntil(lambda: analysis.dataset is not None and analysis.is_idle(), timeout=WAIT)
    tab = analysis.frequencies
    qtbot.waitUntil(lambda: bool(tab.chart.values()))
    shared = tab.splitter.sizes()
    tab.splitter.setSizes([300, sum(shared) - 300])  # a share gone stale (set by the program, not dragged by her)
    choices = tab.chart_column
    choices.setCurrentIndex(choices.findText("% of documents"))
    assert tab.chart.column() == tab.chart_column.currentData()
    assert tab.splitter.sizes() == shared  # the table as wide as it needs, the chart the rest
