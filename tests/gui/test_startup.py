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
