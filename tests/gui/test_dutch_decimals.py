"""Scores and F1 values in the suggestions pane use the interface language's decimal mark (0,70 in Dutch)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from lobcoder.gui.decimal_spin_box import DecimalSpinBox
from lobcoder.gui.i18n import decimal, install_translations
from lobcoder.gui.suggestions.pane import SuggestionsPane
from lobcoder.gui.suggestions.reliability import F1, THRESHOLD, ReliabilityModel
from lobcoder.gui.suggestions.task import CodeStatus
from lobcoder.suggest.classifier import Reliability


@pytest.mark.parametrize(("language", "mark"), [("en", "."), ("nl", ",")])
def test_the_suggestions_pane_writes_decimals_as_the_interface_language_does(
    qtbot, qapp: QApplication, language: str, mark: str
) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, language)  # the conftest puts English back afterwards
    assert decimal(0.4) == f"0{mark}40"
    pane = SuggestionsPane()
    qtbot.addWidget(pane)
    assert pane.threshold.text() == f"0{mark}70"
    low = Reliability(examples=8, documents=3, threshold=0.35, precision=0.5, recall=0.2, f1=0.25, source="learned")
    model = ReliabilityModel()
    code = CodeStatus(code_id=1, name="Visie", reliability=low)
    model.set_codes([code], {1: "#336699"})
    assert model.index(0, THRESHOLD).data() == f"0{mark}35"
    assert model.index(0, F1).data() == f"0{mark}25"
    assert model.status(code).endswith(f"0{mark}40")  # "F1 below 0.40" / "F1 onder 0,40"


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("typed", ["0.5", "0,5"])
def test_a_typed_threshold_means_the_same_with_a_point_or_a_comma(
    qtbot, qapp: QApplication, language: str, typed: str
) -> None:  # type: ignore[no-untyped-def]
    """A Dutch interface read '0.5' as a grouped 0 (threshold 0,00: "Accept all" then took everything)."""
    install_translations(qapp, language)
    pane = SuggestionsPane()
    qtbot.addWidget(pane)
    pane.show()
    box = pane.threshold
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), typed)
    box.interpretText()
    assert box.value() == pytest.approx(0.5)
    assert box.text() == ("0,50" if language == "nl" else "0.50")


@pytest.mark.parametrize(("typed", "value"), [("0.5", 0.5), ("0,5", 0.5), (",55", 0.55), (".55", 0.55), ("1", 1.0)])
def test_a_dutch_decimal_box_takes_a_point_as_the_decimal_mark(
    qtbot, qapp: QApplication, typed: str, value: float
) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, "nl")
    box = DecimalSpinBox()
    qtbot.addWidget(box)
    box.setRange(0.0, 1.0)
    box.setDecimals(2)
    box.setValue(0.7)
    box.show()
    assert box.text() == "0,70"
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), typed)
    box.interpretText()
    assert box.value() == pytest.approx(value)
