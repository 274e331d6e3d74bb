"""File → Restore from backup…: sizes are written in the interface language, to about three digits."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from lobcoder.gui.dialogs.restore_dialog import RestoreDialog
from lobcoder.gui.i18n import install_translations, uninstall_translations
from lobcoder.storage.backups import DAILY, Backup

SIZES = [500, 596 * 1024, 1258291, 12 * 1024 * 1024]


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    uninstall_translations(qapp)


def _shown_sizes(qtbot, tmp_path: Path) -> list[str]:
    backups = [
        Backup(tmp_path / f"b{n}.lobcoder", datetime(2026, 3, 2, 9, n, tzinfo=UTC), DAILY, size)
        for n, size in enumerate(SIZES)
    ]
    dialog = RestoreDialog(backups, str(tmp_path), None)
    qtbot.addWidget(dialog)
    return [dialog.model.item(row, 2).text() for row in range(dialog.model.rowCount())]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["500 bytes", "596 kB", "1.2 MB", "12 MB"]),
        ("nl", ["500 byte", "596 kB", "1,2 MB", "12 MB"]),
    ],
)
def test_sizes_follow_the_interface_language_not_the_system(app, qtbot, tmp_path: Path, language, expected) -> None:
    install_translations(app, language)
    assert _shown_sizes(qtbot, tmp_path) == expected
