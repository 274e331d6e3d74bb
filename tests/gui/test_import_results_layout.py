"""After an import without problems the summary sits right under its title, not spread over the dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from lobcoder.gui.dialogs.import_dialog import ImportDialog
from lobcoder.gui.settings import Settings
from lobcoder.storage.project import ProjectStore


@pytest.fixture
def dialog(qtbot, store: ProjectStore, tmp_path: Path) -> Iterator[ImportDialog]:
    window = ImportDialog(store, Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    yield window
    assert QThreadPool.globalInstance().waitForDone(10_000)


def test_the_summary_follows_its_title_when_no_file_needs_attention(qtbot, dialog, tmp_path: Path) -> None:
    transcript = tmp_path / "Docent_Anna_r1.txt"
    transcript.write_text("Interviewer: Hoe gaat het?\nDocent: Goed.\nInterviewer: Fijn.\nDocent: Ja.\n", "utf-8")
    dialog.add_paths([transcript])
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result_summary.isVisible())
    qtbot.wait(50)  # let the page lay itself out
    assert not dialog.problem_table.isVisibleTo(dialog)
    title, summary = dialog.result_title, dialog.result_summary
    # Each as tall as its text (a taller label centres its text half-way down the dialog), one under the other.
    assert title.height() <= title.sizeHint().height() + 8
    assert summary.height() <= summary.heightForWidth(summary.width()) + 8
    assert summary.y() - (title.y() + title.height()) < 20
