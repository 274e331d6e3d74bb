"""One message in every language the core writes."""

from __future__ import annotations

from typing import NamedTuple


class Message(NamedTuple):
    """The words of one message per language; every field is required, so none can be forgotten."""

    en: str
    nl: str
