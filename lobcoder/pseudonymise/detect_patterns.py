"""Personal data deduce has no list for, found by the shape of the words around it: ages, schools, companies.

- Ages: deduce marks only the number of ``19 jaar`` (``19``), and every term is
  replaced wherever it occurs, so ``19`` would also replace ``19 studenten``;
  :func:`age_with_unit` keeps the unit (``19 jaar``, ``42-jarige``). ``ik ben 35`` /
  ``ze is 17`` (a pronoun, a form of *zijn*, a number from 12 to 99 ending a
  clause) gives the term ``ben 35`` with the pseudonym ``ben [leeftijd]``.
- Schools: ``ROC`` + name (``ROC Noorderpoort``, ``ROC van Amsterdam``), name
  + ``College``/``-college`` (``Alfa-college``), ``Hogeschool``/``Universiteit``
  + name and name + ``Hogeschool``.
- Companies and other organisations: a capitalised name with a legal form
  (``Jansen Bouw B.V.``, ``De Graaf BV``) or a sector word before or after it
  (``Kinderopvang Zonnebloem``, ``Bakkerij Visser``, ``Hoogeveen
  Installatietechniek``, ``Stichting De Brug``).

All of it is a proposal with a lower confidence than deduce's pattern rules;
the reviewer unticks what is not personal data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lobcoder.pseudonymise.categories import BRACKET_LABEL, Category

_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME = rf"[{_UPPER}][\w'’&-]*"  # one capitalised word (Zonnebloem, Noorderpoort, H&M)
_PARTICLE = r"(?:van|de|der|den|het|'t)"
# Words that start sentences or refer back, never the name of a school or company. Not ``De``:
# that starts many names (De Graaf BV, Stichting De Brug); ``Het`` is taken off (Het Graafschap College).
_NOT_A_NAME = frozenset(
    "het een dit dat deze die ons onze mijn je jouw jullie hun haar zijn zo ook elk ieder welk welke "
    "ik wij we zij ze hij u en of maar want dus toen als bij in op naar van met voor na om via waar wat "
    "geen alle veel".split()
)
_SECTORS = (
    "Bakkerij|Kinderopvang|Kinderdagverblijf|Zorggroep|Zorgcentrum|Thuiszorg|Woonzorgcentrum|Verpleeghuis|"
    "Stichting|Vereniging|Bouwbedrijf|Installatiebedrijf|Autobedrijf|Garagebedrijf|Schildersbedrijf|"
    "Transportbedrijf|Hoveniersbedrijf|Schoonmaakbedrijf|Uitzendbureau|Adviesbureau|Administratiekantoor|"
    "Accountantskantoor|Restaurant|Hotel|Café|Kapsalon|Supermarkt|Tandartspraktijk|Huisartsenpraktijk|"
    "Dierenkliniek|Basisschool|Gemeente"
)
# Not Zorg, Techniek, Horeca, Media, Logistiek...: mbo qualifications and departments carry those
# (Helpende Zorg en Welzijn, Medewerker Techniek).
_TRADES = "Bouw|Bouwbedrijf|Installatietechniek|Installaties|Diensten|Groep|Holding|Advies|Catering|Schilders|Hoveniers"
_LEGAL = r"(?:B\.V\.|BV|N\.V\.|NV|V\.O\.F\.|VOF)"
_NAMES = rf"{_NAME}(?:[ -](?:{_PARTICLE} )*{_NAME})*"

# The unit after an age deduce found (its own list of units: jaar, jarig, jarige, jr).
_AGE_UNIT = re.compile(r"(?:[ -](?:jaar|jarige?|jr)\b)(?: oud\b)?")
_AGE_CLAIM = re.compile(
    r"\b(?:[Ii]k|[Hh]ij|[Zz]ij|[Zz]e|[Jj]e)\s+(ben|is|was|werd|word|wordt)\s+([1-9]\d)(?=\s*(?:[.,;!?)]|$|en\b|toen\b))"
)
_SCHOOL = re.compile(
    rf"\bROC(?: (?:{_PARTICLE} )*{_NAME})+"
    rf"|\b{_NAMES}(?: College|-[Cc]ollege)\b"
    rf"|\b(?:Hogeschool|Universiteit)(?: (?:{_PARTICLE} )*{_NAME})+"
    rf"|\b{_NAMES} Hogeschool\b"
)
_COMPANY = re.compile(
    rf"\b{_NAMES} {_LEGAL}(?!\w)"
    rf"|\b(?:{_SECTORS})(?: (?:{_PARTICLE} )*{_NAME})+"
    rf"|\b{_NAME}(?: {_NAME})* (?:{_TRADES})\b"
)


@dataclass(frozen=True)
class PatternFinding:
    term: str
    category: Category
    pseudonym: str = ""


def find_patterns(text: str) -> Iterator[PatternFinding]:
    """Ages, schools and companies in ``text`` by their shape, in text order per kind."""
    for match in _AGE_CLAIM.finditer(text):
        verb, number = match.group(1), match.group(2)
        yield PatternFinding(f"{verb} {number}", Category.AGE, f"{verb} {BRACKET_LABEL[Category.AGE]}")
    for pattern, category in ((_SCHOOL, Category.SCHOOL), (_COMPANY, Category.ORGANISATION)):
        for match in pattern.finditer(text):
            term = _trim(match.group())
            if term:
                yield PatternFinding(term, category)


def age_with_unit(text: str, start: int, end: int) -> str:
    """The age deduce found at ``text[start:end]`` (``19``) with its unit (``19 jaar``, ``42-jarige``)."""
    unit = _AGE_UNIT.match(text, end)
    return text[start : unit.end() if unit else end]


def _trim(term: str) -> str:
    """Drop leading sentence words (``Bij Het Graafschap College`` -> ``Graafschap College``).

    Returns '' when no name is left (``Het College``, ``Mijn Techniek``).
    """
    words = term.split(" ")
    while len(words) > 1 and words[0].casefold() in _NOT_A_NAME:
        words = words[1:]
    if len(words) == 1 and "-" not in words[0] and not words[0].startswith("ROC"):
        return ""  # a lone keyword: College, Techniek, Stichting
    return " ".join(words)
