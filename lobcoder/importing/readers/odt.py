"""Read the body text of an OpenDocument text file (.odt) from its content.xml."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import cast
from xml.etree.ElementTree import Element, ParseError, TreeBuilder, XMLPullParser

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from lobcoder.errors import ImportProblem
from lobcoder.i18n.said import say
from lobcoder.importing.extracted import ExtractedText
from lobcoder.importing.readers.pulled_body import PulledBody
from lobcoder.importing.readers.ziputil import unpack
from lobcoder.text.normalize import normalize_text

_WHAT = say("problem.what.odt")
_KIND = say("problem.kind.odt")
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DRAW_NS = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"


def _t(name: str) -> str:
    return f"{{{_TEXT_NS}}}{name}"


def _tb(name: str) -> str:
    return f"{{{_TABLE_NS}}}{name}"


_PARAGRAPHS = frozenset({_t("p"), _t("h")})
_TABLE, _ROW, _CELL = _tb("table"), _tb("table-row"), _tb("table-cell")
_ROW_GROUPS = frozenset({_tb("table-header-rows"), _tb("table-rows"), _tb("table-row-group")})
# Blocks that hold no body text: change-tracking records (deleted text),
# declarations, and forms.
_SKIP_BLOCKS = frozenset(
    {
        _t("tracked-changes"),
        _t("variable-decls"),
        _t("sequence-decls"),
        _t("user-field-decls"),
        f"{{{_OFFICE_NS}}}forms",
        _tb("table-columns"),
        _tb("table-column"),
        f"{{{_OFFICE_NS}}}annotation",
    }
)
# Inline content left out: footnotes and endnotes, comments, frames (images
# and text boxes) and the marks of deleted text.
_SKIP_INLINE = frozenset(
    {
        _t("note"),
        f"{{{_OFFICE_NS}}}annotation",
        f"{{{_OFFICE_NS}}}annotation-end",
        f"{{{_DRAW_NS}}}frame",
        f"{{{_DRAW_NS}}}custom-shape",
        _t("change"),
    }
)
_XML_SPACE = re.compile(r"[ \t\r\n]+")
_TEXT_MIMETYPE = "application/vnd.oasis.opendocument.text"
_OFFICE_BODY, _TEXT_BODY = f"{{{_OFFICE_NS}}}body", f"{{{_OFFICE_NS}}}text"


def read_odt_file(path: Path) -> ExtractedText:
    """Extract the body text; headers, footers, notes and comments are left
    out as for .docx.

    ``content.xml`` is parsed as it is unpacked, one block of the body at a
    time, each let go once its lines are taken: memory holds the text being
    built, not the XML tree.
    """
    return _read(None, path)


def _read(data: bytes | None, path: Path) -> ExtractedText:
    body = _Body(path)
    members = unpack(
        data, path, _WHAT, kind=_KIND, keep=lambda name: name.casefold() == "mimetype", feeds={"content.xml": body.feed}
    )
    if "mimetype" in members:
        kind = " ".join(members["mimetype"].decode("ascii", "replace").split())[:100]  # one line, whatever it holds
        if not kind.startswith(_TEXT_MIMETYPE):
            raise ImportProblem(path, say("problem.odt.is_other", kind=kind))
    if not body.fed:
        raise ImportProblem(path, say("problem.not_a", what=_WHAT, reason=say("problem.odt.no_content")))
    body.close(path)
    if not body.found:
        raise ImportProblem(path, say("problem.not_a", what=_WHAT, reason=say("problem.odt.no_body")))
    return ExtractedText(text=normalize_text(body.lines.text()), format="odt")


class _Body(PulledBody):
    """Parses ``content.xml`` piece by piece; each child of ``office:text``
    gives its lines (:func:`_blocks`) when it ends and is then dropped."""

    def __init__(self, source: Path) -> None:
        # defusedxml's parser refuses entity declarations, also where the byte search for them
        # cannot see (a UTF-16 content.xml).
        parser = DefusedXMLParser(target=TreeBuilder(), forbid_dtd=False, forbid_entities=True)
        pull = XMLPullParser(events=("start", "end"), _parser=parser)
        super().__init__(source, pull, (ParseError, DefusedXmlException))
        self.path: list[Element] = []  # the open elements, root first
        self.body: Element | None = None  # the first office:body's first office:text
        self.found = False

    def _events(self) -> None:
        # Only start and end events were asked for: each comes with an element.
        for event, element in cast(Iterator[tuple[str, Element]], self.parser.read_events()):
            if event == "start":
                # root.find("office:body/office:text"): the first such element in document order
                if (
                    not self.found
                    and len(self.path) == 2
                    and element.tag == _TEXT_BODY
                    and self.path[1].tag == _OFFICE_BODY
                ):
                    self.body, self.found = element, True
                self.path.append(element)
                continue
            self.path.pop()
            if self.body is not None and self.path and self.path[-1] is self.body:
                self.add_lines(_blocks([element]))
                self.body.remove(element)
            elif element is self.body:
                self.body = None

    def close(self, path: Path) -> None:
        self.finish()
        if isinstance(self.error, DefusedXmlException):
            raise ImportProblem(path, say("problem.odt.entities")) from self.error
        if self.error is not None:
            raise ImportProblem(
                path, say("problem.not_a", what=_WHAT, reason=say("problem.odt.damaged", reason=self.error))
            ) from self.error


def _blocks(container: Iterable[Element]) -> Iterator[str]:
    """Yield one line per paragraph or heading and per table row, in order.

    Lists, sections, tables of contents and other containers are walked
    into; list bullets and numbers are not part of the text.
    """
    for child in container:
        if child.tag in _PARAGRAPHS:
            yield _paragraph_text(child)
        elif child.tag == _TABLE:
            yield from _table_lines(child)
        elif child.tag not in _SKIP_BLOCKS:
            yield from _blocks(child)


def _table_lines(table: Element) -> Iterator[str]:
    """One line per row, cells joined by a tab; nested tables as lines of
    their own after the row. Covered cells (the hidden part of a merged cell)
    are skipped, so a merged cell appears once."""
    for row in _rows(table):
        cells: list[str] = []
        nested: list[str] = []
        for cell in row:
            if cell.tag != _CELL:
                continue
            parts: list[str] = []
            for child in cell:
                if child.tag == _TABLE:
                    nested.extend(_table_lines(child))
                else:
                    parts.extend(_blocks([child]))
            text = " ".join(part.strip() for part in parts if part.strip())
            cells.append(text.replace("\t", " ").replace("\n", " "))
        yield "\t".join(cells).rstrip("\t")
        yield from nested


def _rows(table: Element) -> Iterator[Element]:
    for child in table:
        if child.tag == _ROW:
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from _rows(child)


def _paragraph_text(paragraph: Element) -> str:
    """Apply ODF white-space rules: runs of XML white space are one space and
    vanish at the start of the paragraph; text:s, text:tab and
    text:line-break are literal."""
    collector = _Inline()
    collector.walk(paragraph)
    return "".join(collector.pieces).rstrip(" ")


class _Inline:
    """Collects the characters of one paragraph."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.after_space = True  # at the start, white space is dropped

    def walk(self, element: Element) -> None:
        self.raw(element.text)
        for child in element:
            tag = child.tag
            if tag == _t("s"):
                self.literal(" " * _count(child.get(_t("c"))))
            elif tag == _t("tab"):
                self.literal("\t")
            elif tag == _t("line-break"):
                self.literal("\n")
                self.after_space = True
            elif tag not in _SKIP_INLINE:
                self.walk(child)
            self.raw(child.tail)

    def literal(self, text: str) -> None:
        self.pieces.append(text)
        self.after_space = False

    def raw(self, text: str | None) -> None:
        """Add character data, collapsing white space across element borders."""
        if not text:
            return
        text = _XML_SPACE.sub(" ", text)
        if self.after_space:
            text = text.lstrip(" ")
        if text:
            self.pieces.append(text)
            self.after_space = text.endswith(" ")


def _count(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1
