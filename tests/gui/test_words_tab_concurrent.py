"""The Words tab's worker reads in a session of its own and keeps its counts in a short write transaction of
their own: a coding made while it reads is committed at once, and the worker's counts are kept after it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from lobcoder.analysis.words import COUNTS_KIND
from lobcoder.gui.analysis import tab as tab_module
from lobcoder.gui.analysis.install import install_analysis_menu
from lobcoder.gui.analysis.window import AnalysisWindow
from lobcoder.gui.main_window import MainWindow
from lobcoder.storage.models import NlpCache
from lobcoder.storage.project import ProjectStore
from tests.analysis.words_project import TXT_TEXT, build_words_project
from tests.gui.coder_settings import coder_settings
from tests.gui.test_words_tab import open_words_tab, shown_rows


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "words.lobcoder"
    with ProjectStore.create(path) as store:
        build_words_project(store, tmp_path)
    win = MainWindow(coder_settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    install_analysis_menu(win)
    win.show()
    assert win.open_project(path)
    yield win
    win.close()


def kept_counts(window: MainWindow) -> int:
    assert window.store is not None
    with window.store.read() as session:
        return int(session.scalar(select(func.count()).where(NlpCache.pipeline == COUNTS_KIND)) or 0)


def test_a_coding_made_while_the_worker_reads_is_committed_at_once(qtbot, monkeypatch, window: MainWindow) -> None:
    analysis: AnalysisWindow = open_words_tab(qtbot, window)
    tab = analysis.words
    reading, release = threading.Event(), threading.Event()
    real = tab_module.with_documents

    def held(store, dataset, work, cancelled=None):  # type: ignore[no-untyped-def]
        reads = 0

        def check() -> bool:  # asked before each document is read, in the worker's read session
            nonlocal reads
            reads += 1
            if reads == 1:  # about to read a document: the session is open
                reading.set()
                release.wait(10)
            return cancelled() if cancelled is not None else False

        return real(store, dataset, work, check)

    monkeypatch.setattr(tab_module, "with_documents", held)
    before = kept_counts(window)
    tab.code.setCurrentIndex(tab.code.findText("Visie"))  # counts of its passages: new rows to keep
    qtbot.waitUntil(reading.is_set, timeout=20000)  # the worker starts from the event loop

    try:
        window.open_document(next(d.id for d in window.overview.documents if d.name == "Pietersen_w2"))  # type: ignore[union-attr]
        visie = next(c for c, code in window.codes_by_id.items() if code.name == "Visie")
        start = TXT_TEXT.index("loopbaangesprek")
        began = time.perf_counter()
        assert window.coding.apply_code(visie, (start, start + len("loopbaangesprek")))
        assert time.perf_counter() - began < 2  # not waiting for a lock the reading worker holds
    finally:
        release.set()  # the worker goes on
    qtbot.waitUntil(lambda: kept_counts(window) > before, timeout=20000)  # its write came after the coding's
    monkeypatch.setattr(tab_module, "with_documents", real)
    qtbot.waitUntil(
        lambda: analysis.is_idle() and "loopbaangesprek" in shown_rows(analysis), timeout=20000
    )  # computed again with the new coding
    assert "database is locked" not in window.statusBar().currentMessage()
