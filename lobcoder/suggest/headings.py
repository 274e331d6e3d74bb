"""A free-text code description read as definition, inclusion, exclusion and examples when it uses headings.

Codebooks from other programs (a REFI ``<Description>`` from ATLAS.ti, MAXQDA
or NVivo, or a supervisor's hand-written ``.qdc``) carry everything in one
description, often with the usual headings: ``Definitie:``, ``Inclusie:``,
``Exclusie:``, ``Voorbeelden:``, ``Niet coderen als:``, or in English
``Definition:``, ``Include:``, ``Exclusion criteria:``, ``Example:``. A
heading starts a line and ends in a colon (the text may go on after it on
the same line); Markdown emphasis and list marks around it are allowed.
Text before the first heading is the description. Without any heading the
whole text is the description, as before.
"""

from __future__ import annotations

import re

FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "exclusion": (
        "exclusie",
        "exclusiecriteria",
        "exclusiecriterium",
        "uitsluiting",
        "uitsluitingscriteria",
        "niet opnemen",
        "niet opnemen als",
        "niet coderen",
        "niet coderen als",
        "niet gebruiken",
        "niet gebruiken als",
        "valt er niet onder",
        "exclusion",
        "exclusions",
        "exclusion criteria",
        "exclude",
        "exclude when",
        "excludes",
        "do not code",
        "do not use",
        "not included",
        "when not to use",
    ),
    "inclusion": (
        "inclusie",
        "inclusiecriteria",
        "inclusiecriterium",
        "opnemen",
        "opnemen als",
        "coderen als",
        "gebruiken als",
        "valt eronder",
        "inclusion",
        "inclusions",
        "inclusion criteria",
        "include",
        "include when",
        "includes",
        "when to use",
        "use when",
    ),
    "definition": ("definitie", "omschrijving", "betekenis", "definition", "meaning"),
    "examples": (
        "voorbeeld",
        "voorbeelden",
        "voorbeeldcitaat",
        "voorbeeldcitaten",
        "citaat",
        "citaten",
        "example",
        "examples",
        "quote",
        "quotes",
        "typical exemplar",
    ),
    "keywords": ("trefwoorden", "trefwoord", "zoekwoorden", "kernwoorden", "keywords", "keyword", "key words"),
}
_FIELD_OF = {word: field for field, words in FIELD_WORDS.items() for word in words}
_HEADING = re.compile(r"^[\s>*_#\-•]*([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ ']{2,40}?)[\s*_]*:[\s*_]*(.*)$")


def split_description(text: str) -> dict[str, str]:
    """The parts of a description by their headings; ``{"description": text}`` when it has none."""
    parts: dict[str, list[str]] = {"description": []}
    current = "description"
    found = False
    for line in text.splitlines():
        match = _HEADING.match(line)
        field = _FIELD_OF.get(" ".join(match.group(1).lower().split())) if match else None
        if match and field:
            current, found = field, True
            line = match.group(2)
        parts.setdefault(current, []).append(line)
    if not found:
        return {"description": text}
    return {field: "\n".join(lines).strip() for field, lines in parts.items() if "\n".join(lines).strip()}


def code_fields(code: object) -> dict[str, str]:
    """A code's texts by field, a free-text description's headed parts filling the fields left empty."""
    names = ("name", "description", "definition", "inclusion", "exclusion", "examples", "keywords")
    fields = {name: str(getattr(code, name, "") or "") for name in names}
    parts = split_description(fields["description"])
    for field, text in parts.items():
        if field == "description":
            fields["description"] = text
        elif not fields[field].strip():
            fields[field] = _keyword_lines(text) if field == "keywords" else text
        else:
            fields["description"] += "\n" + text  # the structured field wins; the rest still describes the code
    return fields


def _keyword_lines(text: str) -> str:
    """Keywords written in a line ("a; b, c") or as a list, one a line as the keyword rules read them."""
    entries = re.split(r"[;,\n]", text)
    return "\n".join(e.strip().lstrip("-•* ").strip() for e in entries if e.strip().lstrip("-•* ").strip())
