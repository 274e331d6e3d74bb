"""Findings (one place where personal data was found) grouped into entities (one person, school, date...).

Every spelling with the same :func:`entity_key` is one entity, so ``Marieke``
in six transcripts and ``Marieke's`` in a memo get one pseudonym. Confidence
is a fixed prior per detector and category (see ``CONFIDENCE``), not a
probability: the project's own lists and the researcher's term list are
certain, deduce's pattern rules (e-mail, phone) nearly so, its name and place
lookups less so, lobcoder's own shape rules for schools, companies and ages
(``detect_patterns``) least.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.matcher import entity_key, strip_possessive

SOURCE_TERMS = "terms"
SOURCE_PROJECT = "project"
SOURCE_DEDUCE = "deduce"
SOURCE_MANUAL = "manual"
SOURCE_PATTERN = "pattern"  # ages, schools, companies by the shape of the words (detect_patterns)
SOURCE_SHORT = "short"  # a short form of an accepted name (short_forms): ``Meerwijk`` of ``Meerwijk College``

CONFIDENCE = {
    SOURCE_TERMS: 1.0,
    SOURCE_PROJECT: 1.0,
    SOURCE_MANUAL: 1.0,
    SOURCE_PATTERN: 0.6,
    SOURCE_SHORT: 0.6,
}
DEDUCE_CONFIDENCE = {
    Category.EMAIL: 0.95,
    Category.PHONE: 0.95,
    Category.URL: 0.95,
    Category.BSN: 0.95,
    Category.DATE: 0.9,
    Category.AGE: 0.8,
    Category.PERSON: 0.8,
    Category.ID: 0.7,
    Category.PLACE: 0.7,
    Category.ORGANISATION: 0.7,
}


@dataclass(frozen=True)
class Location:
    """Where a text lives: a document's text (``document``) or a memo's text (``memo``)."""

    kind: str
    id: int
    name: str


@dataclass(frozen=True)
class Finding:
    location: Location
    start: int
    end: int
    text: str
    category: Category
    source: str
    confidence: float


@dataclass(frozen=True)
class Entity:
    """One person, organisation, date... with every place it was found and its proposed pseudonym."""

    key: str
    term: str  # the spelling shown and written to the term list
    category: Category
    confidence: float
    sources: tuple[str, ...]
    findings: tuple[Finding, ...] = ()
    variants: tuple[str, ...] = ()
    pseudonym: str = ""
    accepted: bool = True
    short_of: str = ""  # the accepted full name this is a short form of (``Meerwijk College``)
    shared_by: tuple[str, ...] = ()  # the full names with other pseudonyms that share this short form

    @property
    def count(self) -> int:
        return len(self.findings)

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(sorted({f.location.name for f in self.findings}))

    def with_decision(self, pseudonym: str, accepted: bool, category: Category | None = None) -> Entity:
        return replace(self, pseudonym=pseudonym, accepted=accepted, category=category or self.category)


@dataclass
class _Group:
    findings: list[Finding] = field(default_factory=list)
    spellings: dict[str, int] = field(default_factory=dict)
    best: Finding | None = None
    preferred_term: str = ""


def group_findings(findings: Iterable[Finding], preferred: dict[str, str] | None = None) -> list[Entity]:
    """One entity per key; its category is that of its most confident finding.

    ``preferred`` maps keys to the spelling to show (a participant's name as
    the project writes it, a term as the term list writes it).
    """
    groups: dict[str, _Group] = {}
    for finding in findings:
        key = entity_key(finding.text)
        if not key:
            continue
        group = groups.setdefault(key, _Group())
        group.findings.append(finding)
        spelling = strip_possessive(finding.text)
        group.spellings[spelling] = group.spellings.get(spelling, 0) + 1
        if group.best is None or finding.confidence > group.best.confidence:
            group.best = finding
    entities = []
    for key, group in groups.items():
        assert group.best is not None
        term = (preferred or {}).get(key) or max(
            group.spellings, key=lambda s: (group.spellings[s], s[:1].isupper(), s)
        )
        unique = _unique_findings(group.findings)
        entities.append(
            Entity(
                key=key,
                term=term,
                category=group.best.category,
                confidence=group.best.confidence,
                sources=tuple(sorted({f.source for f in group.findings})),
                findings=unique,
                variants=tuple(sorted(set(group.spellings) - {term})),
            )
        )
    entities.sort(key=lambda e: (e.category.value, e.term.casefold()))
    return entities


def _unique_findings(findings: Sequence[Finding]) -> tuple[Finding, ...]:
    """One finding per place: two detectors agreeing on a span count once."""
    seen: dict[tuple[Location, int, int], Finding] = {}
    for finding in findings:
        place = (finding.location, finding.start, finding.end)
        if place not in seen or finding.confidence > seen[place].confidence:
            seen[place] = finding
    return tuple(sorted(seen.values(), key=lambda f: (f.location.name, f.location.kind, f.start)))
