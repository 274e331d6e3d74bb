"""Run the ``lobcoder`` command line in-process, as a user would type it, and capture what it prints."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import lobcoder.cli.main as cli_main


def run(*args: str | Path) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of ``lobcoder ARGS`` (a usage error exits 2)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli_main.main([str(a) for a in args])
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()
