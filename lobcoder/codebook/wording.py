"""Words both codebook documents (Word and Markdown) share: dates, quotation marks, the keyword guide."""

from __future__ import annotations

from datetime import date
from typing import Literal

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
QUOTES = {"en": ("\u201c", "\u201d"), "nl": ("\u201e", "\u201d")}
GAP_GUIDE = {
    "en": "A keyword with \u201c\u2026\u201d finds its words close together, not necessarily side by side.",
    "nl": "Een trefwoord met \u201e\u2026\u201d vindt zijn woorden dicht bij elkaar, niet per se naast elkaar.",
}


def long_date(day: date, language: Language) -> str:
    """``22 November 2026`` / ``22 november 2026``."""
    return f"{day.day} {MONTHS[language][day.month - 1]} {day.year}"
