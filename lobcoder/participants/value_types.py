"""Infer an attribute type for a sheet column and parse cell text into that type.

Dutch spreadsheets mix conventions, so parsing refuses to guess where a wrong
guess would silently store a wrong number or date:

* Numbers accept a decimal comma (``1,5``) or dot (``1.5``). A single separator
  followed by exactly three digits (``1.500``, ``2,000``) reads as 1.5 in one
  convention and 1500 in the other, so it is reported, not parsed; so is any
  number with thousands separators. Cells that were real numbers in an xlsx
  file are *exact*: their dot is always decimal.
* Dates are ISO (``2023-03-14``) or Dutch day-first (``14-03-2023``,
  ``14/3/2023``, ``14.3.2023``). ``03-04-2023`` is therefore 3 April, never
  4 March: the sheets we import come from Dutch Excel.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from lobcoder.i18n.said import Said, say
from lobcoder.storage.models import AttributeType

CATEGORY_NAMES = frozenset(
    {"wave", "ronde", "golf", "meting", "rol", "role", "school", "locatie", "opleiding", "sector"}
)
MAX_CATEGORIES = 12
# A column is a number (date) column when at least this share of its values
# look like numbers (dates): a typo such as "drie" in an age column is then
# reported as a problem instead of silently turning the column into text.
MOSTLY = 0.8

_NUMBER_SHAPE = re.compile(r"[+-]?(\d{1,3}([.,]\d{3})+([.,]\d+)?|\d+([.,]\d+)?)")
_PLAIN_NUMBER = re.compile(r"([+-]?)(\d+)(?:([.,])(\d+))?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DUTCH_DATE = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")

Value = str | float | date


class UnparsableValue(ValueError):
    """A cell that does not fit its column's type; ``str(error)`` is the reason, ``wording`` words it in any language."""

    def __init__(self, wording: Said) -> None:
        super().__init__(wording)
        self.wording = wording


def normalize_header(name: str) -> str:
    """Header text as compared with the known names: ``Document_Naam`` -> ``document naam``."""
    return " ".join(name.replace("_", " ").replace("-", " ").casefold().split())


def looks_like_number(text: str, exact: bool = False) -> bool:
    return exact or _NUMBER_SHAPE.fullmatch(text) is not None


def looks_like_date(text: str) -> bool:
    return _ISO_DATE.fullmatch(text) is not None or _DUTCH_DATE.fullmatch(text) is not None


def parse_number(text: str, exact: bool = False) -> float:
    """Parse a cell as a number; raise :class:`UnparsableValue` instead of guessing."""
    text = text.strip()
    if exact:
        return float(text)
    match = _PLAIN_NUMBER.fullmatch(text)
    if match is None:
        if _NUMBER_SHAPE.fullmatch(text):
            raise UnparsableValue(say("problem.cell.thousands"))
        raise UnparsableValue(say("problem.cell.not_number"))
    sign, whole, _sep, fraction = match.groups()
    if fraction is not None and len(fraction) == 3 and whole[0] != "0" and len(whole) <= 3:
        raise UnparsableValue(say("problem.cell.ambiguous_number"))
    number = float(f"{sign}{whole}.{fraction}" if fraction is not None else f"{sign}{whole}")
    return number


def parse_date(text: str) -> date:
    """Parse ISO or Dutch day-first dates; raise :class:`UnparsableValue` for others."""
    text = text.strip()
    iso = _ISO_DATE.fullmatch(text)
    dutch = _DUTCH_DATE.fullmatch(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif dutch:
        day, month, year = int(dutch.group(1)), int(dutch.group(3)), int(dutch.group(4))
    else:
        raise UnparsableValue(say("problem.cell.not_date"))
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise UnparsableValue(say("problem.cell.no_such_date", reason=exc)) from None


def parse_value(text: str, kind: AttributeType, exact: bool = False) -> Value:
    """The value to store for ``text`` in a column of type ``kind``."""
    if kind is AttributeType.NUMBER:
        return parse_number(text, exact)
    if kind is AttributeType.DATE:
        return parse_date(text)
    return text


def infer_type(name: str, values: Sequence[str], exact: Sequence[bool] | None = None) -> AttributeType:
    """Choose a type for a new attribute from its header and non-empty cell texts.

    The header wins for the usual grouping variables (a ``wave`` of 1/2/3 is a
    category, not a number); then numbers, dates, few distinct values
    (category), and otherwise text.
    """
    if normalize_header(name) in CATEGORY_NAMES:
        return AttributeType.CATEGORY
    cells = [(v, bool(exact[i]) if exact is not None else False) for i, v in enumerate(values) if v]
    if not cells:
        return AttributeType.TEXT
    needed = MOSTLY * len(cells)
    if sum(looks_like_number(v, x) for v, x in cells) >= needed:
        return AttributeType.NUMBER
    if sum(looks_like_date(v) for v, _ in cells) >= needed:
        return AttributeType.DATE
    distinct = len({v for v, _ in cells})
    if distinct <= MAX_CATEGORIES and distinct < len(cells) / 2:
        return AttributeType.CATEGORY
    return AttributeType.TEXT
