"""Propose pseudonyms that are consistent across every document and wave, and never reuse one.

Decided pseudonyms (term list, stored decisions, participant roles) are kept;
the rest are numbered in order of first appearance: ``Persoon 1``,
``School A``, ``Organisatie A``; other categories get their bracket label.
"""

from __future__ import annotations

from collections.abc import Sequence

from lobcoder.pseudonymise.categories import BRACKET_LABEL, NUMBERED_PREFIX, Category, letter_label
from lobcoder.pseudonymise.entities import Entity


def propose(entities: Sequence[Entity], fixed: dict[str, str]) -> list[Entity]:
    """Fill in each entity's pseudonym; ``fixed`` maps entity keys to pseudonyms already chosen."""
    used = {p.casefold() for p in fixed.values() if p}
    counters: dict[Category, int] = {}
    result: dict[str, Entity] = {}
    order = sorted(entities, key=_first_seen)
    for entity in order:
        pseudonym = fixed.get(entity.key) or entity.pseudonym
        if not pseudonym:
            if entity.category in NUMBERED_PREFIX:
                prefix, style = NUMBERED_PREFIX[entity.category]
                while True:
                    counters[entity.category] = counters.get(entity.category, 0) + 1
                    n = counters[entity.category]
                    pseudonym = f"{prefix} {n if style == 'number' else letter_label(n - 1)}"
                    if pseudonym.casefold() not in used:
                        break
            else:
                pseudonym = BRACKET_LABEL.get(entity.category, "[anoniem]")
        used.add(pseudonym.casefold())
        result[entity.key] = entity.with_decision(pseudonym, entity.accepted)
    return [result[e.key] for e in entities]


def _first_seen(entity: Entity) -> tuple[int, str, int, str]:
    if not entity.findings:
        return (1, "", 0, entity.key)
    first = entity.findings[0]
    return (0, first.location.name, first.start, entity.key)
