"""The kinds of personal data we pseudonymise, and the pseudonym each kind gets by default.

People and organisations get numbered pseudonyms that stay the same across
documents and waves (``Docent 1``, ``School A``); everything else is replaced
by its category in brackets (``[plaats]``, ``[datum]``), as Dutch data
management plans usually ask.
"""

from __future__ import annotations

import enum


class Category(enum.StrEnum):
    PERSON = "person"
    SCHOOL = "school"
    ORGANISATION = "organisation"
    PLACE = "place"
    DATE = "date"
    AGE = "age"
    EMAIL = "email"
    PHONE = "phone"
    URL = "url"
    BSN = "bsn"
    ID = "id"
    OTHER = "other"

    @classmethod
    def parse(cls, value: str) -> Category:
        """A category from a CSV cell, in English or Dutch; unknown words become OTHER."""
        word = value.strip().casefold()
        for category in cls:
            if word == category.value:
                return category
        return _DUTCH.get(word, cls.OTHER)


_DUTCH = {
    "persoon": Category.PERSON,
    "naam": Category.PERSON,
    "organisatie": Category.ORGANISATION,
    "instelling": Category.ORGANISATION,
    "plaats": Category.PLACE,
    "locatie": Category.PLACE,
    "datum": Category.DATE,
    "leeftijd": Category.AGE,
    "e-mail": Category.EMAIL,
    "emailadres": Category.EMAIL,
    "telefoonnummer": Category.PHONE,
    "telefoon": Category.PHONE,
    "overig": Category.OTHER,
}

# Categories whose entities are numbered; the rest get one bracketed label.
NUMBERED_PREFIX = {
    Category.PERSON: ("Persoon", "number"),
    Category.SCHOOL: ("School", "letter"),
    Category.ORGANISATION: ("Organisatie", "letter"),
}

BRACKET_LABEL = {
    Category.PLACE: "[plaats]",
    Category.DATE: "[datum]",
    Category.AGE: "[leeftijd]",
    Category.EMAIL: "[e-mail]",
    Category.PHONE: "[telefoonnummer]",
    Category.URL: "[url]",
    Category.BSN: "[bsn]",
    Category.ID: "[nummer]",
    Category.OTHER: "[anoniem]",
}


def letter_label(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: spreadsheet-style letters for organisations."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


def deduce_category(tag: str) -> Category | None:
    """Map a deduce annotation tag (``persoon``, ``locatie``, ...) to our category."""
    tag = tag.casefold()
    if "patient" in tag or "persoon" in tag or "naam" in tag:
        return Category.PERSON
    if "instelling" in tag or "ziekenhuis" in tag:
        return Category.ORGANISATION
    for needle, category in (
        ("locatie", Category.PLACE),
        ("straat", Category.PLACE),
        ("datum", Category.DATE),
        ("leeftijd", Category.AGE),
        ("email", Category.EMAIL),
        ("telefoon", Category.PHONE),
        ("url", Category.URL),
        ("bsn", Category.BSN),
        ("id", Category.ID),
    ):
        if needle in tag:
            return category
    return None
