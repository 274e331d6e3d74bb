"""The numbers and bullets Word shows before list paragraphs of a .docx ("1.", "a)", "•").

Word keeps them out of the text: a paragraph names a list (``w:numPr``:
``w:numId`` and level ``w:ilvl``, directly or through its paragraph style),
and ``word/numbering.xml`` says how each level is numbered (an
``w:abstractNum``'s ``w:lvl``: ``w:start``, ``w:numFmt``, ``w:lvlText`` such
as ``%1.`` or ``%1.%2``). Counters are kept per abstract definition, as Word
keeps them: lists that share one continue each other's numbers unless a
list (``w:num``) restarts a level with ``w:startOverride`` at its first
paragraph. A level restarts after a paragraph of a higher level (unless
``w:lvlRestart`` says otherwise). Every bullet is written "•" (the character
Word draws comes from a symbol font: "" in Symbol, "§" in Wingdings).

The parts come from another person's computer: they are parsed without
entities or network access (the bounded zip reader has already refused a
DTD), only up to 16 MB, and an odd definition gives no numbers (or
decimal ones) rather than a refused document. A start value outside Word's
0..32767 counts from 1 and a marker is cut at 64 characters, so a small
hostile file cannot blow the text up to millions of characters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from posixpath import dirname, join, normpath

from docx.oxml.ns import qn
from lxml import etree

_MAIN = "word/document.xml"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_NUMBERING_TYPE = "/relationships/numbering"
_STYLES_TYPE = "/relationships/styles"
_LEVEL_REF = re.compile(r"%([1-9])")
_MAX_LEVELS = 9
_BULLET = "•"
_MOST_LETTERS = 26 * 30
_HIGHEST_START = 32767  # Word's start values run 0..32767; one outside (a hostile 4,000-digit one) counts from 1
_LONGEST_TEXT = 64  # of a level's text ("%1.%2."): Word's are a few characters; a hostile one is cut
_MAX_PART = 16 * 1024 * 1024  # Word's numbering.xml and styles.xml are some kilobytes; a bigger one is not read

_W_VAL = qn("w:val")


def _parse(data: bytes | None) -> etree._Element | None:
    """An XML part parsed safely, or None when it is missing, damaged or far larger than list definitions get."""
    if not data or len(data) > _MAX_PART:
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None


def _int(element: etree._Element | None, default: int | None = None) -> int | None:
    if element is None:
        return default
    try:
        return int(element.get(_W_VAL, ""))
    except ValueError:
        return default


def _start(value: int | None) -> int:
    """A start value as Word takes it: 0..32767; a missing one or one outside that range is 1."""
    return value if value is not None and 0 <= value <= _HIGHEST_START else 1


def _val(element: etree._Element | None) -> str | None:
    return None if element is None else element.get(_W_VAL)


@dataclass(frozen=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # lvlText; None: Word's default, the number and a dot
    restart: int | None = None  # lvlRestart: None restarts after any higher level, 0 never
    legal: bool = False  # isLgl: every number in decimal
    suffix: str = " "  # what follows the marker: a tab and a space both become a space, "nothing" none


def _level(element: etree._Element) -> _Level:
    suffix = _val(element.find(qn("w:suff")))
    text = element.find(qn("w:lvlText"))
    legal = element.find(qn("w:isLgl"))
    return _Level(
        start=_start(_int(element.find(qn("w:start")), 1)),
        fmt=_val(element.find(qn("w:numFmt"))) or "decimal",
        text=None if text is None else (text.get(_W_VAL) or "")[:_LONGEST_TEXT],
        restart=_int(element.find(qn("w:lvlRestart"))),
        legal=legal is not None and _val(legal) not in ("0", "false", "off"),
        suffix="" if suffix == "nothing" else " ",
    )


def _levels(parent: etree._Element) -> dict[int, _Level]:
    levels = {}
    for element in parent.iterfind(qn("w:lvl")):
        ilvl = _ilvl(element)
        if ilvl is not None:
            levels[ilvl] = _level(element)
    return levels


def _ilvl(element: etree._Element) -> int | None:
    try:
        value = int(element.get(qn("w:ilvl"), ""))
    except ValueError:
        return None
    return value if 0 <= value < _MAX_LEVELS else None


@dataclass
class _List:
    """One ``w:num``: the abstract definition it uses, and its overrides."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # level -> startOverride
    levels: dict[int, _Level] = field(default_factory=dict)  # level -> a level redefined in the override


def _roman(number: int) -> str:
    result = []
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        count, number = divmod(number, value)
        result.append(letters * count)
    return "".join(result)


def _letters(number: int) -> str:
    """Word's letters: a … z, then aa, bb, … (the letter repeated), not aa, ab.

    Past 780 (30 letters) the number is written in digits: a start value
    in a hostile file must not make a marker of a million letters.
    """
    if not 1 <= number <= _MOST_LETTERS:
        return str(number)
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def format_number(number: int, fmt: str) -> str:
    """``number`` as a list level of format ``fmt`` shows it; a format not known here shows decimal."""
    if fmt == "lowerLetter":
        return _letters(number)
    if fmt == "upperLetter":
        return _letters(number).upper()
    if fmt == "lowerRoman" and 0 < number < 4000:
        return _roman(number)
    if fmt == "upperRoman" and 0 < number < 4000:
        return _roman(number).upper()
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "none":
        return ""
    return str(number)


class ListNumbering:
    """The list definitions of one document and the counters of its lists, walked in document order.

    :meth:`marker` is called for every paragraph in document order (body
    and table cells alike): it advances the counters as Word does and
    returns what Word shows before the paragraph's text.
    """

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.lists: dict[str, _List] = {}
        self.style_lists: dict[str, tuple[str, int]] = {}  # style id -> (numId, level)
        self.style_links: dict[str, str] = {}  # abstract id -> the list style whose levels it uses (numStyleLink)
        self.list_styles: dict[str, str] = {}  # list style id -> its numId
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None and self.lists:
            self._read_styles(styles)

    @classmethod
    def from_members(cls, members: Mapping[str, bytes], main: str = _MAIN) -> ListNumbering:
        """The numbering of the document whose main part is ``main``, from the package's parts (any case)."""
        parts = {name.casefold(): data for name, data in members.items()}
        targets = _related_parts(parts, main)
        numbering = _parse(parts.get(targets.get(_NUMBERING_TYPE, "word/numbering.xml")))
        styles = _parse(parts.get(targets.get(_STYLES_TYPE, "word/styles.xml")))
        return cls(numbering, styles)

    def _read_numbering(self, root: etree._Element) -> None:
        for abstract in root.iterfind(qn("w:abstractNum")):
            key = abstract.get(qn("w:abstractNumId"))
            if key is not None:
                self.abstracts[key] = _levels(abstract)
                link = _val(abstract.find(qn("w:numStyleLink")))
                if link is not None:
                    self.style_links[key] = link
        for num in root.iterfind(qn("w:num")):
            key, abstract_id = num.get(qn("w:numId")), _val(num.find(qn("w:abstractNumId")))
            if key is None or abstract_id is None:
                continue
            entry = _List(abstract_id)
            for override in num.iterfind(qn("w:lvlOverride")):
                ilvl = _ilvl(override)
                if ilvl is None:
                    continue
                start = _int(override.find(qn("w:startOverride")))
                if start is not None:
                    entry.starts[ilvl] = _start(start)
                level = override.find(qn("w:lvl"))
                if level is not None:
                    entry.levels[ilvl] = _level(level)
            self.lists[key] = entry

    def _read_styles(self, root: etree._Element) -> None:
        own: dict[str, tuple[str | None, int | None]] = {}
        based_on: dict[str, str] = {}
        for style in root.iterfind(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            kind = style.get(qn("w:type"), "paragraph")
            if style_id is not None and kind == "numbering":  # a list style: the list it stands for
                linked = _val(style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}"))
                if linked is not None:
                    self.list_styles[style_id] = linked
            if style_id is None or kind != "paragraph":
                continue
            parent = _val(style.find(qn("w:basedOn")))
            if parent is not None:
                based_on[style_id] = parent
            num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if num_pr is not None:
                own[style_id] = (_val(num_pr.find(qn("w:numId"))), _int(num_pr.find(qn("w:ilvl"))))
        for style_id in set(own) | set(based_on):
            num_id, ilvl, seen = None, None, set()
            current: str | None = style_id
            while current is not None and current not in seen:  # a style inherits what it does not say
                seen.add(current)
                found_id, found_level = own.get(current, (None, None))
                num_id = num_id if num_id is not None else found_id
                ilvl = ilvl if ilvl is not None else found_level
                current = based_on.get(current)
            if num_id is not None:
                self.style_lists[style_id] = (num_id, ilvl if ilvl is not None and 0 <= ilvl < _MAX_LEVELS else 0)

    def marker(self, properties: etree._Element | None) -> str:
        """What Word shows before a paragraph with these properties (``w:pPr``): "1. ", "a) ", "• ", or ""."""
        if not self.lists:
            return ""
        num_id, ilvl = self._list_of(properties)
        entry = self.lists.get(num_id) if num_id is not None else None
        if num_id is None or entry is None:
            return ""
        definitions = self._definitions(entry.abstract)
        level = entry.levels.get(ilvl) or definitions.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(entry.abstract, [None] * _MAX_LEVELS)
        if num_id not in self.started:
            self.started.add(num_id)
            for restarted, start in entry.starts.items():
                counters[restarted] = start - 1
                counters[restarted + 1 :] = [None] * (_MAX_LEVELS - restarted - 1)
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for lower in range(ilvl + 1, _MAX_LEVELS):
            below = entry.levels.get(lower) or definitions.get(lower)
            if below is None or below.restart is None or (below.restart != 0 and ilvl < below.restart):
                counters[lower] = None
        if level.fmt == "bullet":
            return _BULLET + level.suffix
        text = level.text if level.text is not None else f"%{ilvl + 1}."

        def number(match: re.Match[str]) -> str:
            shown = int(match.group(1)) - 1
            if shown > ilvl:
                return ""
            other = entry.levels.get(shown) or definitions.get(shown) or _Level()
            value = counters[shown]
            fmt = "decimal" if level.legal and other.fmt != "none" else other.fmt
            return format_number(other.start if value is None else value, fmt)

        shown = _LEVEL_REF.sub(number, text)[:_LONGEST_TEXT]  # "%1" x 32 of a 5-digit number is cut too
        return shown + level.suffix if shown.strip() else ""

    def _definitions(self, abstract: str) -> dict[int, _Level]:
        """The levels of an abstract definition; one that links to a list style (Word's multilevel list
        styles) has the levels of the definition that style's list uses."""
        levels = self.abstracts.get(abstract, {})
        link = self.style_links.get(abstract)
        if levels or link is None:
            return levels
        linked = self.lists.get(self.list_styles.get(link, ""))
        return self.abstracts.get(linked.abstract, {}) if linked is not None else {}

    def _list_of(self, properties: etree._Element | None) -> tuple[str | None, int]:
        """The paragraph's list (numId) and level: its own ``w:numPr``, else its style's."""
        if properties is None:
            return None, 0
        num_pr = properties.find(qn("w:numPr"))
        style = _val(properties.find(qn("w:pStyle")))
        from_style = self.style_lists.get(style) if style is not None else None
        num_id = _val(num_pr.find(qn("w:numId"))) if num_pr is not None else None
        ilvl = _int(num_pr.find(qn("w:ilvl"))) if num_pr is not None else None
        if num_id is None and from_style is not None:
            num_id = from_style[0]
        if ilvl is None:
            ilvl = from_style[1] if from_style is not None else 0
        if num_id == "0" or not 0 <= ilvl < _MAX_LEVELS:
            return None, 0  # numId 0: numbering taken off the paragraph
        return num_id, ilvl


def _related_parts(parts: Mapping[str, bytes], main: str) -> dict[str, str]:
    """Relationship type ending -> part name (case-folded), from the main part's relationships."""
    folder, name = dirname(main), main.rsplit("/", 1)[-1]
    rels = _parse(parts.get(join(folder, "_rels", f"{name}.rels").casefold()))
    found: dict[str, str] = {}
    if rels is None:
        return found
    for relationship in rels.iterfind(_REL_NS):
        kind, target = relationship.get("Type", ""), relationship.get("Target", "")
        if relationship.get("TargetMode") == "External" or not target:
            continue
        for ending in (_NUMBERING_TYPE, _STYLES_TYPE):
            if kind.endswith(ending) and ending not in found:
                path = target.lstrip("/") if target.startswith("/") else normpath(join(folder, target))
                found[ending] = path.casefold()
    return found
