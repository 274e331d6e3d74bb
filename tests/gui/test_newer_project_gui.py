"""Opening a project saved by a newer lobcoder shows one line, in English or Dutch, and changes nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from lobcoder.gui.i18n import install_translations, uninstall_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.storage.project import SCHEMA_HEAD, ProjectStore


@pytest.fixture
def future(tmp_path: Path) -> Path:
    path = tmp_path / "projecten" / "studie.lobcoder"
    path.parent.mkdir()
    ProjectStore.create(path).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '0042'")
    connection.commit()
    connection.close()
    return path


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    uninstall_translations(qapp)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "{0} was saved by a newer lobcoder (schema 0042); this version knows up to {1}. "
            "Update lobcoder to open it.",
        ),
        (
            "nl",
            "{0} is opgeslagen door een nieuwere lobcoder (schema 0042); deze versie kent schema's tot en met {1}. "
            "Werk lobcoder bij om het te openen.",
        ),
    ],
)
def test_a_newer_project_is_refused_in_the_users_language(  # type: ignore[no-untyped-def]
    qtbot,
    app: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    future: Path,
    language: str,
    expected: str,
) -> None:
    install_translations(app, language)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: shown.append(text))
    window = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    before = future.read_bytes()
    assert not window.open_project(future)
    assert shown == [expected.format(future, SCHEMA_HEAD)]
    assert window.store is None
    assert future.read_bytes() == before
    assert sorted(p.name for p in future.parent.iterdir()) == ["studie.lobcoder"]
