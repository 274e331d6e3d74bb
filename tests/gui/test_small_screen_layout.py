"""The main window and the import dialog on a small (1024 × 700) screen, and the empty transcript's hints.

On a small screen the side panes give way before the transcript does: its
text keeps a readable column instead of breaking inside words, the coding
pane's buttons wrap instead of holding the pane wide, and the import dialog
fits the screen in Dutch (its longest labels are Dutch).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from lobcoder.demo import create_demo_project
from lobcoder.gui.dialogs.import_dialog import ImportDialog
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.gui.transcript.view import MIN_LINE_CHARACTERS
from lobcoder.gui.window_size import FRAME
from lobcoder.storage.project import ProjectStore

SMALL = (1024 - FRAME.width(), 700 - FRAME.height())


def _inside(widget: QWidget, area: QWidget) -> QRect:
    return QRect(widget.mapTo(area, widget.rect().topLeft()), widget.size())


def _buttons_shown_whole(buttons: list[QPushButton], area: QWidget) -> None:
    rects = [_inside(b, area) for b in buttons]
    for button, rect in zip(buttons, rects, strict=True):
        assert button.isVisible() and area.rect().contains(rect), (button.text(), rect, area.rect())
        assert rect.width() >= button.sizeHint().width(), button.text()  # not squeezed: its whole text shows
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :]), rects


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.mark.parametrize("language", ["en", "nl"])
def test_on_a_small_screen_the_side_panes_give_way_to_the_transcript(
    qapp: QApplication, window: MainWindow, tmp_path: Path, language: str
) -> None:
    install_translations(qapp, language)  # the conftest puts English back afterwards
    assert window.open_project(create_demo_project(tmp_path / "demo.lobcoder"))
    window.resize(1280, 800)
    qapp.processEvents()
    wide = window.main_splitter.sizes()
    assert wide[0] == 360 and wide[2] == 400, wide  # a roomy screen keeps the panes as they were
    window.coding.show_coding_by_id(window.coding.codings[0].id)
    window.resize(*SMALL)
    qapp.processEvents()

    editor = window.transcript.editor
    line = editor.viewport().width() - 2 * editor.document().documentMargin()
    assert line >= QFontMetricsF(editor.font()).averageCharWidth() * (MIN_LINE_CHARACTERS - 2), line
    left, _, right = window.main_splitter.sizes()
    assert left >= 240 and right >= 240, window.main_splitter.sizes()  # both shrank, neither vanished
    pane = window.coding_pane
    _buttons_shown_whole([pane.recode, pane.fit, pane.remove], pane)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_import_dialog_fits_a_1024_px_screen(qtbot, qapp: QApplication, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, language)
    store = ProjectStore.create(tmp_path / "p.lobcoder")
    dialog = ImportDialog(store, Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(dialog)
    dialog.show()
    qapp.processEvents()
    assert dialog.minimumSizeHint().width() + FRAME.width() <= 1024, dialog.minimumSizeHint()
    dialog.resize(dialog.minimumSizeHint())
    qapp.processEvents()
    files = [b for b in dialog.findChildren(QPushButton) if b.parentWidget() is not None and b.isVisible()]
    group = next(b.parentWidget() for b in files if b.text() == dialog.remove_button.text())
    _buttons_shown_whole([b for b in files if b.parentWidget() is group], group)
    # The field no longer fits its longest choice at this size, but the choice still reads whole in its list.
    preset = dialog.speakers.preset
    longest = max(preset.fontMetrics().horizontalAdvance(preset.itemText(i)) for i in range(preset.count()))
    assert preset.view().minimumWidth() >= longest > preset.width()
    store.close()


def test_the_empty_transcript_says_what_to_do_next(qapp: QApplication, window: MainWindow, tmp_path: Path) -> None:
    editor = window.transcript.editor
    assert "File → Open project…" in editor.hint
    empty = ProjectStore.create(tmp_path / "empty.lobcoder").path
    assert window.open_project(empty)
    assert "File → Import documents…" in editor.hint
    assert window.open_project(create_demo_project(tmp_path / "demo.lobcoder"))
    assert window.document is not None and editor.hint == ""  # a document is open: nothing to say
    window.close_project()
    assert "File → Open project…" in editor.hint


def test_the_empty_transcript_speaks_dutch(qtbot, qapp: QApplication, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, "nl")
    window = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    assert "Bestand → Project openen…" in window.transcript.editor.hint
    assert window.open_project(ProjectStore.create(tmp_path / "empty.lobcoder").path)
    assert "Bestand → Documenten importeren…" in window.transcript.editor.hint
