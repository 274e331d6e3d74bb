"""Help → About says which Dutch pipeline the suggestions use and how to get the better one, in English and Dutch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from lobcoder import __version__
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.main_window import MainWindow
from lobcoder.gui.settings import Settings
from lobcoder.suggest.pipeline import FORCE_OFFLINE_ENV, MODEL_NAME, model_installed


@pytest.fixture(params=["en", "nl"])
def window(request, qapp: QApplication, qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    install_translations(qapp, request.param)  # the conftest puts English back afterwards
    win = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    win.language = request.param  # type: ignore[attr-defined]
    yield win
    win.close()


def test_about_names_the_pipeline_and_how_to_install_the_full_model(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(FORCE_OFFLINE_ENV, raising=False)
    window.menu_actions._about()
    box = window.menu_actions.about_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    text = box.text()
    assert __version__ in text and MODEL_NAME in text
    if model_installed():
        assert "spacy download" not in text
    else:
        assert f"python -m spacy download {MODEL_NAME}" in text
    dutch = "Nederlandse pipeline" in text
    assert dutch is (window.language == "nl"), text  # type: ignore[attr-defined]
    assert ("Dutch pipeline" in text) is (window.language == "en"), text  # type: ignore[attr-defined]
    box.close()
    window.menu_actions._about()
    assert window.menu_actions.about_box is box and box.text() == text  # the one box again, not a new one each time
    box.close()


def test_about_says_when_the_offline_pipeline_is_forced(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FORCE_OFFLINE_ENV, "1")
    text = window.menu_actions.about_text()
    assert FORCE_OFFLINE_ENV in text and "spacy download" not in text


def test_about_reports_the_offline_pipeline_when_the_installed_model_failed_to_load(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import spacy

    from lobcoder.suggest import pipeline as pipeline_module

    def broken(name: str, **_: object) -> None:
        raise OSError(f"[E050] Can't load model '{name}'")

    monkeypatch.delenv(FORCE_OFFLINE_ENV, raising=False)
    monkeypatch.setattr(pipeline_module, "_loaded", {})
    monkeypatch.setattr(pipeline_module, "model_installed", lambda: True)  # the package is there ...
    monkeypatch.setattr(spacy, "load", broken)  # ... but does not load
    assert not pipeline_module.load_pipeline().is_full_model
    text = window.menu_actions.about_text()
    assert f"python -m spacy download {MODEL_NAME}" in text, text
    assert "trained lemmas" not in text and "getrainde" not in text, text
