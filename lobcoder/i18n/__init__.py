"""The one catalogue of words the core prints: report titles, column headers, notes, units, measures.

Qt widgets translate their own labels with ``self.tr()`` and ``.ts`` files;
everything the *core* writes (Word, Excel, CSV, the CLI's text tables and
the tables the Analysis window shows) takes its words from here, so that a
Dutch report has no English in it and the core needs no Qt.

Use::

    from lobcoder.i18n import Language, message

    message("table.total", "nl")                              # "Totaal"
    message("frequencies.note.base", "nl", documents=3, participants=2)

Add words: put ``"area.what": Message(en="...", nl="...")`` into the
``MESSAGES`` dict of the module for your area (``reports.py`` for analysis
reports; a new area gets its own module, listed in ``_AREAS`` below). Keys
are unique over all areas. ``Message`` has one required field per language,
so a message without its Dutch fails at import; placeholders are
``str.format`` names (``{documents}``) and must be the same in every
language (``tests/i18n`` checks both, and that every key is used).
Attribute values, code names and other things the researcher typed are
passed in as placeholders, never translated.

Errors about files are worded later: a raise site passes
``say("problem.empty")`` (:mod:`lobcoder.i18n.said`, words in ``problems.py``)
and the error gives ``text("nl")`` on request; ``str(error)`` stays English.
"""

from __future__ import annotations

from typing import Literal

from lobcoder.i18n.catalogue import CATALOGUE
from lobcoder.i18n.message import Message

Language = Literal["en", "nl"]
LANGUAGES: tuple[Language, ...] = ("en", "nl")

__all__ = ["CATALOGUE", "LANGUAGES", "Language", "Message", "check_language", "format_number", "message"]

_SEPARATORS: dict[str, tuple[str, str]] = {"en": (".", ","), "nl": (",", ".")}  # decimal, thousands


def check_language(language: str) -> Language:
    """``language`` if the catalogue has it, else ValueError naming the choices."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return language


def message(key: str, language: str = "en", /, **values: object) -> str:
    """The words for ``key`` in ``language``, with ``values`` filled in.

    Raises:
        KeyError: no such key (a typo in the caller, caught by the tests).
        ValueError: an unknown language.
    """
    words: str = getattr(CATALOGUE[key], check_language(language))
    return words.format(**values) if values else words


def format_number(value: float, decimals: int, language: str = "en") -> str:
    """``1234.5`` → "1,234.50" (en) or "1.234,50" (nl); thousands grouped from 1,000 on."""
    decimal, thousands = _SEPARATORS[check_language(language)]
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # -0.001 rounds to "0.00", not "-0.00"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)
