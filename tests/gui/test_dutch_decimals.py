"""Scores and F1 values in the suggestions pane use the interface language's decimal mark (0,70 in Dutch)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

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
