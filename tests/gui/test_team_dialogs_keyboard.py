"""The copy-for-a-second-coder and merge-preview dialogs, worked from the keyboard in English and Dutch.

Every button, tick box and choice the dialog adds itself has an Alt letter,
and no letter is used twice in one dialog.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QDialogButtonBox

from lobcoder.gui.dialogs.team_copy_dialog import CopyOptions
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.storage.project import ProjectStore
from tests.gui.test_button_tab_order import assert_left_to_right
from tests.gui.test_standard_buttons import assert_button_row_keyboard_ready
from tests.teamwork.helpers import build_project, code_as

_ACCELERATOR = re.compile(r"&([^&])")
# What the English interface shows; the Dutch one must show none of it.
ENGLISH = {
    "&The documents ticked below",
    "A random &sample of",
    "&Blind: leave out the existing codings and memos (codebook memos stay)",
    "Also write a &REFI-QDA file (.qdpx) for ATLAS.ti, MAXQDA or NVivo",
    "&Write the copy…",
    "&Apply",
    "&Save report…",
}


def _own_buttons(dialog: QDialog) -> list[QAbstractButton]:
    """The visible buttons the dialog words itself (not Qt's own Cancel; the whole row: assert_button_row_keyboard_ready)."""
    cancel = {b.button(QDialogButtonBox.StandardButton.Cancel) for b in dialog.findChildren(QDialogButtonBox)}
    return [b for b in dialog.findChildren(QAbstractButton) if b.isVisible() and b.text() and b not in cancel]


def _assert_keyboard_ready(dialog: QDialog, language: str) -> None:
    texts = [b.text() for b in _own_buttons(dialog)]
    shown_in_english = set(texts) & ENGLISH
    if language == "nl":
        assert not shown_in_english, texts
    else:
        assert shown_in_english == set(texts), texts
    letters = [_ACCELERATOR.search(t.replace("&&", "")) for t in texts]
    assert all(letters), f"no Alt letter: {[t for t, m in zip(texts, letters, strict=True) if not m]}"
    used = [m.group(1).lower() for m in letters if m]
    assert len(set(used)) == len(used), f"a letter twice: {texts}"
    assert len(texts) >= 2


@pytest.fixture(params=["en", "nl"])
def window(request, qapp: QApplication, qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    install_translations(qapp, request.param)  # the conftest puts English back afterwards
    build_project(tmp_path / "main.lobcoder").close()
    win = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    win.show()
    assert win.open_project(tmp_path / "main.lobcoder")
    win.language = request.param  # type: ignore[attr-defined]
    yield win
    win.close()


def test_the_copy_dialog_has_a_letter_for_each_choice(qtbot, window: MainWindow) -> None:
    team = window.menu_actions.team
    team.prepare_copy()
    dialog = team.copy_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    _assert_keyboard_ready(dialog, window.language)  # type: ignore[attr-defined]
    assert len(_own_buttons(dialog)) == 5  # two ways to choose, blind, .qdpx, write
    assert_button_row_keyboard_ready(dialog, window.language)  # type: ignore[attr-defined]
    seed = dialog.seed
    assert seed.toolTip()
    if window.language == "nl":  # type: ignore[attr-defined]
        assert seed.prefix() == "startgetal " and seed.text() == "startgetal 1"
    # Blind says what else it leaves out: the coders' names (whose coding hers is compared with).
    words = {"en": "the coders' names", "nl": "de namen van de codeurs"}
    assert words[window.language] in dialog.blind.toolTip()  # type: ignore[attr-defined]
    dialog.reject()


def test_the_merge_preview_has_a_letter_for_apply_and_save(qtbot, window: MainWindow, tmp_path: Path) -> None:
    team = window.menu_actions.team
    store = window.store
    assert store is not None
    with store.read() as session:
        from lobcoder.teamwork.sample import copy_candidates

        documents, _ = copy_candidates(session)
    team.write_copy(tmp_path / "ilse.lobcoder", CopyOptions(tuple(d[0] for d in documents), blind=True, qdpx=False))
    qtbot.waitUntil(lambda: team.message is not None, timeout=20000)
    with ProjectStore.open(tmp_path / "ilse.lobcoder") as copy:
        code_as(copy, "Ilse", "Interview 2", "Keuze", "de mentor hielp me kiezen")
    team.plan_merge(tmp_path / "ilse.lobcoder")
    qtbot.waitUntil(lambda: team.preview is not None, timeout=20000)
    preview = team.preview
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    _assert_keyboard_ready(preview, window.language)  # type: ignore[attr-defined]
    assert_left_to_right(preview)  # Apply, Save report…, Cancel
    assert_button_row_keyboard_ready(preview, window.language)  # type: ignore[attr-defined]
    preview.reject()
