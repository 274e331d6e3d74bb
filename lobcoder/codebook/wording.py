"""Words both codebook documents (Word and Markdown) share: the summary line, dates, quotation marks, the keyword guide."""

from __future__ import annotations

from datetime import date
from typing import Literal

from lobcoder.services.codebook_data import Codebook

Language = Literal["nl", "en"]

MONTHS = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "nl": (
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ),
}  # fmt: skip
THEMES = {"en": ("theme", "themes"), "nl": ("thema", "thema's")}
QUOTES = {"en": ("\u201c", "\u201d"), "nl": ("\u201e", "\u201d")}
GAP_MARK = "\u2026"  # keywords "a … b": words near each other (lobcoder.suggest.rules)
GAP_GUIDE = {
    "en": "A keyword with \u201c\u2026\u201d finds its words close together, not necessarily side by side.",
    "nl": "Een trefwoord met \u201e\u2026\u201d vindt zijn woorden dicht bij elkaar, niet per se naast elkaar.",
}


def long_date(day: date, language: Language) -> str:
    """``22 November 2026`` / ``22 november 2026``."""
    return f"{day.day} {MONTHS[language][day.month - 1]} {day.year}"


def check_language(language: str) -> None:
    """Raise ValueError unless the codebook documents can be written in ``language``."""
    if language not in MONTHS:
        raise ValueError(f"language must be 'nl' or 'en', not {language!r}")


def summary_line(codebook: Codebook, language: Language, day: date) -> str:
    """The line under the title: ``12 codes in 3 themes · 22 November 2026``."""
    total = codebook.count()
    themes = sum(1 for code in codebook.codes if code.children)
    text = f"{total} code" if total == 1 else f"{total} codes"
    if themes:
        text += f" in {themes} {THEMES[language][0 if themes == 1 else 1]}"
    return f"{text} \u00b7 {long_date(day, language)}"
