"""Printing results for people (plain text) and for scripts (``--json``)."""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import date, datetime
from pathlib import PurePath
from typing import Any

from lobcoder.i18n.said import Said


def to_plain(value: Any) -> Any:
    """Dataclasses, tuples, dates and paths as JSON-ready values.

    A dataclass field with ``metadata={"plain": False}`` (an error object kept for the GUI) is left out.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.metadata.get("plain", True)
        }
    if isinstance(value, Said):
        return str(value)
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_plain(v) for v in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, PurePath):
        return str(value)
    return value


def print_json(value: Any) -> None:
    json.dump(to_plain(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def count(n: int, word: str, plural: str | None = None) -> str:
    """``n`` and the noun, plural unless ``n`` is 1: '1 turn', '2 turns', '0 hits'."""
    return f"{n} {word if n == 1 else plural or word + 's'}"


def one_line(text: str) -> str:
    """Collapse line breaks and tabs so a snippet fits on one output line."""
    return " ".join(text.split())


def error(message: str) -> None:
    print(f"lobcoder: error: {message}", file=sys.stderr)
