"""The window's first paint does not wait for file formats it does not show."""

from __future__ import annotations

import os
import subprocess
import sys


def test_the_main_window_imports_no_file_format_until_it_is_used() -> None:
    code = (
        "import sys\n"
        "import lobcoder.gui.main_window\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('docx', 'pypdf', 'openpyxl') or m in (\n"
        "    'lobcoder.refi.qdpx_import', 'lobcoder.refi.qdpx_export', 'lobcoder.teamwork.merge',\n"
        "    'lobcoder.importing.readers', 'lobcoder.codebook.export_docx')]\n"
        "assert not heavy, heavy\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120, env=env)


def test_a_project_opens_right_after_the_windows_first_paint(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from lobcoder.gui.app import AfterFirstPaint

    window = QWidget()
    qtbot.addWidget(window)
    calls: list[bool] = []
    painted: list[bool] = []
    window.paintEvent = lambda _event: painted.append(True)  # type: ignore[method-assign]
    window.installEventFilter(AfterFirstPaint(window, lambda: calls.append(bool(painted))))
    assert not calls
    window.show()
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    assert calls == [True]  # once, and only after the paint
