"""The analysis window as the keyboard user meets it, in English and Dutch.

On each tab every button and tick box of the filter row, the tab's own
controls and the Export row has an Alt letter, and no letter is used twice
among them and the tab titles (two on one letter make Alt+letter cycle
instead of choose). The Agreement and Words tabs' own controls are checked by
their own tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from lobcoder.demo import create_demo_project
from lobcoder.gui.analysis.install import AnalysisMenu
from lobcoder.gui.analysis.window import AnalysisWindow
from lobcoder.gui.i18n import install_translations
from lobcoder.services.documents import add_document
from lobcoder.storage.models import Attribute, AttributeScope, AttributeType, AttributeValue
from lobcoder.storage.project import ProjectStore
from tests.gui.analysis_host import open_window


def _letter(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _open(qtbot, qapp: QApplication, tmp_path: Path, language: str) -> AnalysisWindow:  # type: ignore[no-untyped-def]
    install_translations(qapp, language)  # the conftest puts English back afterwards
    window = open_window(qtbot, tmp_path, create_demo_project(tmp_path / "demo.lobcoder"))
    menu = window.findChild(AnalysisMenu)
    assert menu is not None
    menu.open_action.trigger()
    analysis = menu.analysis_window
    assert analysis is not None
    qtbot.waitUntil(lambda: analysis.dataset is not None and analysis.is_idle(), timeout=60_000)
    return analysis


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_button_of_the_analysis_tabs_has_its_own_letter(qtbot, qapp, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    analysis = _open(qtbot, qapp, tmp_path, language)
    titles = [analysis.tabs.tabText(i) for i in range(analysis.tabs.count())]
    assert all(_letter(t) for t in titles), titles
    for tab in (analysis.frequencies, analysis.cooccurrence, analysis.crosstab, analysis.quotes):
        analysis.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(analysis.is_idle, timeout=60_000)  # each tab computes when shown; none ends after the test
        shown = [b.text() for b in analysis.findChildren(QAbstractButton) if b.isVisible() and b.text()]
        assert analysis.filter_box.reset_button.text() in shown and tab.export_button.text() in shown
        assert len(shown) >= 8, shown  # three filter lists, two filter buttons, sub-codes, pseudonymise, export
        assert all(_letter(t) for t in shown), shown
        # The labelled choices (Unit:, Split by:, Code:, ...): a letter where one is free, never one taken.
        fields = [label.text() for label in analysis.findChildren(QLabel) if label.isVisible() and label.buddy()]
        assert sum(1 for t in fields if _letter(t)) >= 2, fields
        letters = [letter for t in shown + titles + fields if (letter := _letter(t))]
        assert len(letters) == len(set(letters)), shown + titles + fields
    if language == "nl":
        assert analysis.tabs.currentWidget().export_button.text() == "E&xporteren…"


def test_a_value_with_an_ampersand_shows_as_one_in_the_filter_list_button(qtbot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.lobcoder"
    with ProjectStore.create(path) as store, store.transaction() as session:
        school = Attribute(name="school", type=AttributeType.CATEGORY, scope=AttributeScope.DOCUMENT)
        session.add(school)
        for name, value in (("Docent01_w1", "Noord & Zuid"), ("Docent02_w1", "Oost")):
            document = add_document(session, name, "I: Hoe?\nMarieke: Goed.")
            session.add(AttributeValue(attribute=school, document_id=document.id, text_value=value))
    window = open_window(qtbot, tmp_path, path)
    menu = window.findChild(AnalysisMenu)
    assert menu is not None
    menu.open_action.trigger()
    analysis = menu.analysis_window
    assert analysis is not None
    qtbot.waitUntil(lambda: analysis.dataset is not None and analysis.is_idle(), timeout=60_000)
    analysis.filter_box.set_condition("school", ["Noord & Zuid"])
    qtbot.waitUntil(analysis.is_idle, timeout=60_000)
    # "&&" shows as one "&" (a single "&" would underline the space after it and be swallowed)
    assert analysis.filter_box.attributes.text() == "&Attributes: school = Noord && Zuid"
