"""Find personal data in every document and memo, grouped into entities with proposed pseudonyms.

Seeds come from three places, strongest first: the decisions (term list or
those stored in the project), what the project knows (participants, speakers,
school attributes) and deduce. Every seed is then searched in every text with
the same :class:`TermMatcher` that ``apply`` uses, so the occurrences shown for
review are exactly the places that will be replaced.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from lobcoder.errors import Cancelled
from lobcoder.pseudonymise import deduce_batch, deduce_engine
from lobcoder.pseudonymise.categories import Category, deduce_category
from lobcoder.pseudonymise.detect_patterns import age_with_unit, find_patterns
from lobcoder.pseudonymise.entities import (
    CONFIDENCE,
    DEDUCE_CONFIDENCE,
    SOURCE_DEDUCE,
    SOURCE_PATTERN,
    SOURCE_PROJECT,
    SOURCE_SHORT,
    SOURCE_TERMS,
    Entity,
    Finding,
    Location,
    group_findings,
)
from lobcoder.pseudonymise.matcher import TermMatcher, entity_key, strip_possessive
from lobcoder.pseudonymise.proposals import propose
from lobcoder.pseudonymise.short_forms import is_ordinary_word, lower_case_words, short_forms
from lobcoder.pseudonymise.sources import known_terms, project_texts
from lobcoder.pseudonymise.termlist import Decision
from lobcoder.storage.project import ProjectStore

Progress = Callable[[int, int, str], None]
_LEADING_LOWER = re.compile(r"^(?:[a-zà-ÿ]+\s+)+(?=[A-ZÀ-Þ])")


@dataclass(frozen=True)
class Seed:
    term: str
    category: Category
    source: str
    confidence: float
    pseudonym: str = ""
    accepted: bool = True


def _nothing(done: int, total: int, label: str) -> None:
    return None


def detect(
    store: ProjectStore,
    *,
    decisions: Sequence[Decision] = (),
    use_deduce: bool = True,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> list[Entity]:
    """Entities found in the project, each with a proposed (or decided) pseudonym.

    ``workers``: processes for deduce (default: the cores, for large projects
    on Linux; see :mod:`deduce_batch`).
    """
    report = progress or _nothing
    with store.read() as session:
        texts = list(project_texts(session))
        known = known_terms(session)
    seeds: dict[str, Seed] = {}
    for d in decisions:
        seeds.setdefault(entity_key(d.term), Seed(d.term, d.category, SOURCE_TERMS, 1.0, d.pseudonym, d.accepted))
    for k in known:
        seeds.setdefault(
            entity_key(k.term), Seed(k.term, k.category, SOURCE_PROJECT, CONFIDENCE[SOURCE_PROJECT], k.pseudonym)
        )
    if use_deduce:
        # Shape rules first: ``Jansen Bouw B.V.`` is a company even where deduce reads a surname.
        for _location, text in texts:
            for found in find_patterns(text):
                seeds.setdefault(
                    entity_key(found.term),
                    Seed(found.term, found.category, SOURCE_PATTERN, CONFIDENCE[SOURCE_PATTERN], found.pseudonym),
                )
        # Each distinct line once, in text order, so the first spelling and category seen win as before.
        lines = deduce_batch.annotate_texts(
            [text for _, text in texts], workers=workers, progress=report, cancelled=cancelled
        )
        for line, annotations in lines:
            for seed in seeds_from_annotations(annotations, line):
                seeds.setdefault(entity_key(seed.term), seed)

    if cancelled is not None and cancelled():
        raise Cancelled("pseudonymisation detection cancelled")
    return entities_from_seeds(seeds, texts)


def seeds_from_annotations(annotations: Iterable[deduce_engine.DeduceAnnotation], text: str) -> list[Seed]:
    """deduce's annotations of ``text`` as seeds.

    Names lose leading lower-case words (``collega Joost``); ages keep their
    unit (``19 jaar``, not ``19``, which would replace every 19 in the project).
    An organisation written without a capital (``umc``, ``het ziekenhuis``) is
    a word here, not a name: it is left out, as the leak check leaves out a name
    that is a word where it has no capital. Written with one (``Rijnstate``) it
    is proposed, and replaced only where it has its capital.
    """
    found = []
    for annotation in annotations:
        category = deduce_category(annotation.tag)
        if category is None:
            continue
        term = strip_possessive(annotation.text)
        if category is Category.ORGANISATION and term == term.lower():
            continue
        if category is Category.PERSON:
            term = _LEADING_LOWER.sub("", term)
        elif category is Category.AGE:
            term = age_with_unit(text, annotation.start, annotation.end)
        if len(term) < 2 or not any(ch.isalnum() for ch in term):
            continue
        found.append(Seed(term, category, SOURCE_DEDUCE, DEDUCE_CONFIDENCE.get(category, 0.5)))
    return found


def entities_from_seeds(seeds: dict[str, Seed], texts: Sequence[tuple[Location, str]]) -> list[Entity]:
    by_key = seeds
    lower = lower_case_words(text for _, text in texts)
    # A name that is also a word (``Wil``) is found where the copy replaces it: written as the name (word_names).
    words = [key for key, s in seeds.items() if is_ordinary_word(s.term, lower)]
    matcher = TermMatcher((s.term for s in seeds.values()), word_terms=words)
    findings: list[Finding] = []
    for location, text in texts:
        for match in matcher.find(text):
            seed = by_key[entity_key(match.term)]
            findings.append(
                Finding(
                    location,
                    match.start,
                    match.end,
                    text[match.start : match.end],
                    seed.category,
                    seed.source,
                    seed.confidence,
                )
            )
    grouped = {e.key: e for e in group_findings(findings, {k: s.term for k, s in seeds.items()})}
    entities = []
    for key, seed in seeds.items():
        if key not in grouped and seed.source in (SOURCE_DEDUCE, SOURCE_PATTERN):
            continue  # found only inside a longer term (``Jansen Bouw`` in ``Jansen Bouw B.V.``): nothing to review
        entity = grouped.get(key) or Entity(key, seed.term, seed.category, seed.confidence, (seed.source,))
        # The seed (strongest source) decides the category, not the finding that happened to be most confident.
        entities.append(entity.with_decision(seed.pseudonym, seed.accepted, seed.category))
    fixed = {s_key: s.pseudonym for s_key, s in seeds.items() if s.pseudonym}
    proposed = with_short_forms(propose(entities, fixed), [s.term for s in seeds.values()], texts, lower)
    order = list(Category)  # people first, then schools, organisations, places, dates...
    # each short form right under its full name
    rank = {e.term: (order.index(e.category), -e.count, e.term.casefold()) for e in proposed if not e.short_of}
    proposed.sort(
        key=lambda e: (*rank.get(e.short_of or e.term, (len(order), 0, "")), bool(e.short_of), e.term.casefold())
    )
    return proposed


def with_short_forms(
    entities: list[Entity],
    terms: Sequence[str],
    texts: Sequence[tuple[Location, str]],
    lower: frozenset[str] | None = None,
) -> list[Entity]:
    """``entities`` and, for each accepted name, its short forms found in the texts, with the same pseudonym.

    A short form that is already an entity is marked as one; found only by
    deduce or a pattern, it takes the full name's pseudonym (``Marieke`` with
    ``Marieke de Vries``): deduce's numbered pseudonym is only a proposal, and
    one person gets one pseudonym. A short form with a row of its own (a
    decision, the term list, the project's participants and speakers, a term
    added by hand) keeps its own pseudonym and tick: someone chose it (the
    participant ``Marieke`` is ``Docent 1`` whatever a typed-in ``Marieke de
    Vries`` becomes); it is marked a short form only when the pseudonyms agree.
    ``terms`` are every term searched for, so a short form counts only where
    no longer term covers it. ``lower``: :func:`lower_case_words` of ``texts``, if the caller has it.
    """
    if lower is None:
        lower = lower_case_words(text for _, text in texts)
    by_key = {e.key: e for e in entities}
    forms: dict[str, str] = {}
    parents: dict[str, list[Entity]] = {}  # every accepted full name a short form belongs to, in order
    for parent in entities:
        if not parent.accepted or not parent.pseudonym or parent.short_of:
            continue
        for form in short_forms(parent.term, parent.category, lower):
            key = entity_key(form)
            existing = by_key.get(key)
            if existing is not None and existing.category is Category.PLACE and parent.category is Category.PERSON:
                continue  # deduce or the project knows it as a place: ``Brinkveld`` of ``Sanne Brinkveld`` stays one
            if existing is None or (not existing.short_of and existing.key != parent.key):
                forms.setdefault(key, form)
                parents.setdefault(key, []).append(parent)
    new: dict[str, tuple[str, Entity, tuple[str, ...]]] = {}
    for key, group in parents.items():
        parent = group[0]
        # ``Marieke`` of ``Marieke de Vries`` and of ``Marieke Jansen``: whose is it? The researcher decides.
        shared = tuple(p.term for p in group) if len({p.pseudonym for p in group}) > 1 else ()
        existing = by_key.get(key)
        if existing is None:
            new[key] = (forms[key], parent, shared)
        elif set(existing.sources) <= {SOURCE_DEDUCE, SOURCE_PATTERN}:  # deduce's ``Meerwijk`` (a place) is the school
            if shared:  # deduce's own proposal stays (its neutral pseudonym, its tick): never less replaced than before
                by_key[key] = replace(existing, short_of=parent.term, shared_by=shared)
            else:
                by_key[key] = replace(
                    existing, pseudonym=parent.pseudonym, category=parent.category, short_of=parent.term
                )
        else:
            decided = [p for p in group if p.pseudonym == existing.pseudonym]
            if decided:  # a decision stored earlier
                by_key[key] = replace(existing, short_of=decided[0].term, shared_by=shared)
    result = [by_key[e.key] for e in entities]
    if not new:
        return result
    searched = [*terms, *(form for form, _, _ in new.values())]
    matcher = TermMatcher(searched, word_terms=[entity_key(t) for t in searched if is_ordinary_word(t, lower)])
    findings: list[Finding] = []
    for location, text in texts:
        for match in matcher.find(text):
            found = new.get(entity_key(match.term))
            if found is not None:
                text_found = text[match.start : match.end]
                category = found[1].category
                findings.append(
                    Finding(
                        location, match.start, match.end, text_found, category, SOURCE_SHORT, CONFIDENCE[SOURCE_SHORT]
                    )
                )
    for entity in group_findings(findings, {key: form for key, (form, _, _) in new.items()}):
        _, parent, shared = new[entity.key]
        pseudonym = "" if shared else parent.pseudonym
        result.append(replace(entity, pseudonym=pseudonym, accepted=not shared, short_of=parent.term, shared_by=shared))
    return result
