"""What a reviewer sees: one text with the current decisions applied, and the spans that changed."""

from __future__ import annotations

from collections.abc import Sequence

from lobcoder.pseudonymise.entities import Entity, Location
from lobcoder.pseudonymise.remap import Remapper, Replacement


def preview(text: str, location: Location, entities: Sequence[Entity]) -> tuple[str, list[tuple[int, int, str]]]:
    """The pseudonymised text of ``location`` and, per replacement, its span in that text and the original."""
    found = sorted(
        (
            (f.start, f.end, e.pseudonym)
            for e in entities
            if e.accepted and e.pseudonym
            for f in e.findings
            if f.location == location
        ),
        key=lambda r: r[0],
    )
    replacements: list[Replacement] = []
    for start, end, pseudonym in found:
        if not replacements or start >= replacements[-1].end:
            replacements.append(Replacement(start, end, pseudonym))
    remap = Remapper(text, replacements)
    spans = [(remap.map_start(r.start), remap.map_end(r.end), text[r.start : r.end]) for r in replacements]
    return remap.text, spans
