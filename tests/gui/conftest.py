"""GUI tests run with the English translation installed, as the app does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from lobcoder.gui.i18n import install_translations, uninstall_translations


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> Iterator[None]:
    install_translations(qapp, "en")
    yield
    uninstall_translations(qapp)
