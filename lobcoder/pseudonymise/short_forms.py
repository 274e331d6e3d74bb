"""The short forms of an accepted name that also identify: ``Meerwijk`` for ``Meerwijk College``, ``Marieke``.

A transcript names a school in full once and then says ``hier op Meerwijk``;
a person is ``Marieke de Vries`` once and then ``Marieke`` or ``mevrouw de
Vries``. Replacing only the full name leaks the rest, so for every accepted
name the review proposes its short forms that occur in the texts as rows of
their own, with the same pseudonym (``Meerwijk`` -> ``School B``), marked as
a short form of the full name so the researcher can untick one.

- Schools and organisations: the name without its generic words
  (:data:`GENERIC_WORDS`: ``ROC``, ``College``, ``School``, ``mbo``,
  ``Campus``, ``B.V.``...) and without particles at its edges
  (``ROC van Amsterdam`` -> ``Amsterdam``).
- People (a name of two words or more): the first name and the surname with
  its particles (``Marieke de Vries`` -> ``Marieke``, ``de Vries``); a
  surname written with a particle in lower case also matches ``De Vries``
  (and ``mevrouw de Vries``); the bare ``Vries`` is not proposed.

Never proposed: a form shorter than 3 letters, or a common Dutch word. A
word is common when it is on deduce's list of common Dutch words or its stop
words (``Oost``, ``Noord``, ``Groen``, ``Berg``: deduce itself makes an
exception for ``oost``, we do not, so ``ROC Oost`` never proposes ``Oost``),
or when the project's own texts write it in lower case more often than
with a capital (``talent``; e-mail and web addresses are not counted). For a
surname with particles the core word decides (``de Berg`` is not proposed).
A person's short form is also never a place name: a municipality or
province on deduce's lists (``Tiel`` of ``Anouk Tiel`` is mostly the town),
or, in :func:`detect.with_short_forms`, a term found as a place in the texts
(by deduce) or known as one to the project. A school's may be (``Tiel`` of
``Tiel College`` is how people name the school).
The same rules give the leak check after a pseudonymised copy is written
(:mod:`leak_check`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from lobcoder.pseudonymise.categories import Category

MIN_LETTERS = 3
GENERIC_WORDS = frozenset(
    "roc college school scholengemeenschap lyceum gymnasium mbo hbo vmbo havo vwo campus hogeschool universiteit "
    "academie instituut opleidingen opleidingscentrum vakschool locatie vestiging stichting vereniging groep "
    "holding bv b.v. nv n.v. vof v.o.f. & en".split()
)
PARTICLES = frozenset("van de der den het 't ter ten te la le du da von".split())
_COMPASS = frozenset("noord oost zuid west noordoost noordwest zuidoost zuidwest midden centrum".split())
# a whole word, not touching @ / : nor a dot inside an address (``marieke@meerwijk.nl``, ``www.meerwijk.nl``)
_WORD = re.compile(r"(?<![^\W\d_])(?<![@/:])(?<!\w\.)[^\W\d_]+(?![^\W\d_]|[@/:]|\.\w)")
SHORTENED = (Category.PERSON, Category.SCHOOL, Category.ORGANISATION)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """deduce's common Dutch words and stop words (lower case), and the points of the compass."""
    return frozenset(_COMPASS | _deduce_list(("whitelist",), ("lst_common_word", "lst_stop_word")))


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """deduce's municipalities and provinces (lower case): towns, not its 6,700 hamlets (``Dijk``, ``Berg``)."""
    return frozenset(_deduce_list(("locations", "lst_placename"), ("lst_municipality", "lst_province")))


def _deduce_list(folder: tuple[str, ...], names: Iterable[str]) -> set[str]:
    """The items (lower case) of deduce's lookup lists ``names`` in ``folder``; a list it lacks is skipped."""
    root = resources.files("deduce") / "data" / "lookup" / "src"
    for part in folder:
        root = root / part
    items: set[str] = set()
    for name in names:
        try:
            text = (root / name / "items.txt").read_text(encoding="utf-8")
        except OSError:
            continue
        items.update(line.strip().casefold() for line in text.splitlines() if line.strip())
    return items


def lower_case_words(texts: Iterable[str]) -> frozenset[str]:
    """The words the texts write in lower case more often than with a capital: the project's own common words.

    A word inside an e-mail address or web address (touching ``@``, ``/``,
    ``:`` or a ``.`` within the address: ``marieke@meerwijk.nl``) is not
    counted, and a single ``marieke`` among more ``Marieke`` is a typo, not a word.
    """
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for text in texts:
        for word, n in Counter(_WORD.findall(text)).items():
            (lower if word[0].islower() else capital)[word.casefold()] += n
    return frozenset(w for w, n in lower.items() if n > capital[w])


def short_forms(term: str, category: Category, lower_words: frozenset[str] = frozenset()) -> list[str]:
    """The short forms of ``term`` worth proposing (see the module docstring), in the order found."""
    if category not in SHORTENED:
        return []
    words = term.split()
    if category is Category.PERSON:
        candidates = _person_forms(words)
    else:
        candidates = _organisation_forms(term)
    forms: list[str] = []
    for form in candidates:
        if form.casefold() == term.casefold() or form in forms:
            continue
        core = [w for w in form.split() if w.casefold() not in PARTICLES]
        if not core or sum(ch.isalpha() for ch in " ".join(core)) < MIN_LETTERS:
            continue
        if is_ordinary_word(form, lower_words):
            continue
        if category is Category.PERSON and form.casefold() in place_names():
            continue
        forms.append(form)
    return forms


def is_ordinary_word(form: str, lower_words: frozenset[str] = frozenset()) -> bool:
    """Whether ``form`` (``Wil``, ``de Bos``) is, but for its particles, one common word (the rule above)."""
    core = [w for w in form.split() if w.casefold() not in PARTICLES]
    return len(core) == 1 and _is_common(core[0], lower_words)


def _is_common(word: str, lower_words: frozenset[str]) -> bool:
    return word.casefold() in common_words() or word.casefold() in lower_words


def _person_forms(words: list[str]) -> list[str]:
    if len(words) < 2 or not words[0][:1].isupper() or words[0].casefold() in PARTICLES:
        return []
    first, surname = words[0], words[1:]
    forms = [first]
    if surname[0].casefold() in PARTICLES:
        # lower-case particle: matches "de Vries" and "De Vries" (the matcher needs a capital only for a capital)
        forms.append(" ".join([w.casefold() if w.casefold() in PARTICLES else w for w in surname]))
    elif len(surname) == 1 or surname[-1].casefold() not in PARTICLES:
        forms.append(" ".join(surname))
    return forms


def _organisation_forms(term: str) -> list[str]:
    words = re.split(r"\s+|-(?=[Cc]ollege\b)", term.strip())
    generic = [w.casefold().strip(",") in GENERIC_WORDS for w in words]
    if not any(generic) or all(generic):
        return []
    # the longest run of distinctive words, without particles at its edges
    runs: list[list[str]] = [[]]
    for word, is_generic in zip(words, generic, strict=True):
        if is_generic:
            runs.append([])
        else:
            runs[-1].append(word)
    best = max(runs, key=len)
    while best and best[0].casefold() in PARTICLES:
        best = best[1:]
    while best and best[-1].casefold() in PARTICLES:
        best = best[:-1]
    if not best or not best[0][:1].isupper():
        return []
    return [" ".join(best)]
