"""The shipped non-code resources (translations, demo data, the research codebook).

They live in the checkout's top-level ``resources/`` folder; a wheel carries
that folder as the ``lobcoder.resources`` package (``setup.py`` maps it). Code
running from a checkout (``PYTHONPATH`` or an editable install) reads the
folder itself, so each checkout uses its own files; an installed lobcoder reads
the package through :mod:`importlib.resources`.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

FOLDER = "resources"
PACKAGE = "lobcoder.resources"


def checkout_folder() -> Path | None:
    """``resources/`` beside ``pyproject.toml`` when lobcoder runs from a source checkout, else None."""
    root = Path(__file__).resolve().parents[2]
    folder = root / FOLDER
    return folder if (root / "pyproject.toml").is_file() and folder.is_dir() else None


def shipped(*parts: str) -> Traversable:
    """A shipped resource, e.g. ``shipped("translations", "lobcoder_nl.qm")``."""
    folder = checkout_folder()
    base: Traversable = folder if folder is not None else resources.files(PACKAGE)
    for part in parts:  # one at a time: Python 3.11's namespace-package paths take one
        base = base / part
    return base
