"""A sort key for names with numbers in them, as a person orders them."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[str | int, ...]:
    """Order "ronde 2" before "ronde 10" and "Docent9" before "Docent10", case ignored.

    Text and numbers alternate (text first, maybe empty), so two keys never
    compare a number with a text.
    """
    parts = _DIGITS.split(text.casefold())
    return tuple(int(part) if i % 2 else part for i, part in enumerate(parts))
