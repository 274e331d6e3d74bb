"""No window offers one Alt letter twice, in English and Dutch.

Walks the main window (menu bar, panes and the suggestions pane), every tab
of the Analysis window (and the tabs inside them), the import dialog, the
codebook editor, the speakers dialog and the pseudonymise dialog on the demo
project; in each state every visible button, tick box, labelled field, group
box and tab title must have its own letter (``tests/gui/alt_letters.py``).
The other dialogs (memo, exports, codebook export with and without a branch,
codebook import, restore, exchange report, second-coder copy, merge preview)
are checked in ``test_standard_buttons.py``, ``test_import_dialogs_keyboard.py``
and ``test_team_dialogs_keyboard.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from lobcoder.demo import create_demo_project
from lobcoder.gui.analysis.install import AnalysisMenu
from lobcoder.gui.codebook_editor import CodebookEditor
from lobcoder.gui.dialogs.import_dialog import ImportDialog
from lobcoder.gui.dialogs.speakers_dialog import SpeakersDialog
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.pseudonymise.dialog import PseudonymiseDialog
from tests.gui.alt_letters import alt_letter, clashes, offered, walk
from tests.gui.analysis_host import open_window


def _check(window: QWidget, settle: Callable[[], None]) -> list[str]:
    found = []
    for where in walk(window, settle):
        assert offered(window), f"{type(window).__name__}, {where}: no Alt letters at all"
        found += [
            f"{type(window).__name__}, {where}: {letter!r} on {texts}" for letter, texts in clashes(window).items()
        ]
    return found


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_window_offers_one_alt_letter_twice(qtbot, qapp: QApplication, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, language)  # the conftest puts English back afterwards
    window: MainWindow = open_window(qtbot, tmp_path, create_demo_project(tmp_path / "demo.lobcoder"))
    assert window.overview is not None and window.store is not None and window.undo_stack is not None
    window.open_document(window.overview.documents[0].id)
    qapp.processEvents()
    problems = _check(window, qapp.processEvents)

    menu = window.findChild(AnalysisMenu)
    assert menu is not None
    menu.open_action.trigger()
    analysis = menu.analysis_window
    assert analysis is not None
    qtbot.waitUntil(lambda: analysis.dataset is not None and analysis.is_idle(), timeout=60_000)

    def analysis_settles() -> None:
        qtbot.waitUntil(analysis.is_idle, timeout=60_000)  # each tab computes when shown

    problems += _check(analysis, analysis_settles)
    analysis.tabs.setCurrentWidget(analysis.words)
    analysis_settles()
    fields = [label.text() for label in analysis.words.findChildren(QLabel) if label.isVisible() and label.buddy()]
    assert len(fields) == 5 and all(alt_letter(t) for t in fields), fields  # Count, In, Split by, Shortest, Order
    assert alt_letter(analysis.words.context_export.text()), analysis.words.context_export.text()
    analysis.close()

    dialogs: list[QWidget] = [
        ImportDialog(window.store, window.settings, window),
        CodebookEditor(window),
        SpeakersDialog(
            window.undo_stack,
            window.overview.codes,
            window.coder_prompt.coder,
            [(d.id, d.name) for d in window.overview.documents],
            parent=window,
        ),
        PseudonymiseDialog(window.store, window, use_deduce=False),
    ]
    for dialog in dialogs:
        dialog.show()
        qapp.processEvents()
        problems += _check(dialog, qapp.processEvents)
        dialog.close()
    assert not problems, "\n".join(problems)
