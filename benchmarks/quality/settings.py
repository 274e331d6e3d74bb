"""The settings a suggestion benchmark compares: the codebook as each setting sees it, and whether it learns."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from lobcoder.services.codes import CodeInfo

RICH = ("description", "definition", "inclusion", "exclusion", "examples", "keywords")


def names_only(codes: Sequence[CodeInfo]) -> list[CodeInfo]:
    return [dataclasses.replace(c, **{f: "" for f in RICH}) for c in codes]


def without_keywords(codes: Sequence[CodeInfo]) -> list[CodeInfo]:
    return [dataclasses.replace(c, keywords="") for c in codes]


def free_text(codes: Sequence[CodeInfo]) -> list[CodeInfo]:
    """Each code with one plain description holding its definition, criteria and examples (no keywords)."""
    result = []
    for c in codes:
        parts = [c.description, c.definition, c.inclusion, c.exclusion, c.examples]
        text = "\n\n".join(p for p in parts if p)
        result.append(dataclasses.replace(c, **{**{f: "" for f in RICH}, "description": text}))
    return result


def headed_text(codes: Sequence[CodeInfo]) -> list[CodeInfo]:
    """As :func:`free_text`, with the usual headings a hand-written codebook uses ("Exclusie:", …; no keywords)."""
    headings = {"definition": "Definitie", "inclusion": "Inclusie", "exclusion": "Exclusie", "examples": "Voorbeelden"}
    result = []
    for c in codes:
        parts = [c.description] + [f"{h}: {getattr(c, f)}" for f, h in headings.items() if getattr(c, f)]
        text = "\n".join(p for p in parts if p)
        result.append(dataclasses.replace(c, **{**{f: "" for f in RICH}, "description": text}))
    return result


SETTINGS = {  # label -> (the codebook as the setting sees it, whether it learns from coded documents)
    "names + 3 docs (learned)": (names_only, True),
    "codebook, no keywords, 0 docs": (without_keywords, False),
    "free-text description, 0 docs": (free_text, False),
    "free text with headings, 0 docs": (headed_text, False),
    "codebook with keywords, 0 docs": (lambda c: list(c), False),
    "code names + 3 docs (combined)": (names_only, True),  # what suggest does for codes with only a name
    "codebook, no keywords + 3 docs": (without_keywords, True),
    "codebook with keywords + 3 docs": (lambda c: list(c), True),
}
