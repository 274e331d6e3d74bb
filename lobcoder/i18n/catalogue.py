"""All areas' messages in one dict, each key once."""

from __future__ import annotations

from types import ModuleType

from lobcoder.i18n import (
    agreement,
    clashes,
    command_line,
    exchange_notes,
    problems,
    refusals,
    reports,
    teamwork,
    words,
)
from lobcoder.i18n.message import Message

_AREAS: tuple[ModuleType, ...] = (
    reports,
    teamwork,
    agreement,
    problems,
    refusals,
    command_line,
    exchange_notes,
    words,
    clashes,
)
"""The modules holding a ``MESSAGES`` dict; a new area adds its module here."""


def _gather(areas: tuple[ModuleType, ...]) -> dict[str, Message]:
    found: dict[str, Message] = {}
    for area in areas:
        for key, entry in area.MESSAGES.items():
            if key in found:
                raise RuntimeError(f"message key {key!r} is defined twice (in {area.__name__})")
            found[key] = entry
    return found


CATALOGUE: dict[str, Message] = _gather(_AREAS)
