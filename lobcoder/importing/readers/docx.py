"""Read the body text of a Word document (.docx): paragraphs and tables in order."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from lobcoder.errors import ImportProblem
from lobcoder.i18n.said import say
from lobcoder.importing.extracted import ExtractedText
from lobcoder.importing.readers.docx_numbering import ListNumbering
from lobcoder.importing.readers.pulled_body import PulledBody
from lobcoder.importing.readers.ziputil import repack, unpack
from lobcoder.text.normalize import normalize_text

_WHAT = say("problem.what.docx")
_KIND = say("problem.kind.docx")
_MAIN = "word/document.xml"

_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (
    qn("w:p"),
    qn("w:tbl"),
    qn("w:tr"),
    qn("w:tc"),
    qn("w:sdt"),
    qn("w:sdtContent"),
)
_CUSTOM_XML, _SMART_TAG, _BODY, _PPR = qn("w:customXml"), qn("w:smartTag"), qn("w:body"), qn("w:pPr")
# Characters a run holds; a soft hyphen is invisible and would break search.
_TEXT = {
    qn("w:t"): None,
    qn("w:tab"): "\t",
    qn("w:ptab"): "\t",
    qn("w:br"): "\n",
    qn("w:cr"): "\n",
    qn("w:noBreakHyphen"): "-",
    qn("w:softHyphen"): "",
}
_ALTERNATE_CONTENT = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
# Inside a paragraph: properties (their w:tab elements are tab stops), deleted
# or moved-away revisions, and drawings and text boxes, which would land
# mid-sentence.
_SKIP_IN_PARAGRAPH = frozenset(
    {
        qn("w:del"),
        qn("w:moveFrom"),
        qn("w:drawing"),
        qn("w:pict"),
        qn("w:object"),
        qn("w:txbxContent"),
        qn("w:pPr"),
        qn("w:rPr"),
        _ALTERNATE_CONTENT,
    }
)


def read_docx_file(path: Path) -> ExtractedText:
    """Extract what a reader of the printed body sees, without headers,
    footers, footnotes or comments: those repeat or annotate, and would be
    coded as if the interviewee said them.

    The body is parsed as it is unpacked, one block (paragraph, table,
    content control) at a time, and each block is let go once its lines are
    taken: memory holds the text being built, not the document's XML tree.
    python-docx still checks the package (parts, relationships, content
    types), given the other parts and an empty body. A list paragraph
    starts with the number or bullet Word shows ("1. ", "a) ", "• "; see
    :mod:`~lobcoder.importing.readers.docx_numbering`), read from the list
    definitions, which are unpacked before the body.
    """
    return _read(None, path)


def _read(data: bytes | None, path: Path) -> ExtractedText:
    body = _Body(path)
    # python-docx gets back only what passed the bounded reader; pictures and
    # other binary parts are not kept (python-docx does not look into them).
    members = unpack(
        data,
        path,
        _WHAT,
        kind=_KIND,
        keep=lambda name: name.lower().endswith((".xml", ".rels")),
        feeds={_MAIN: body.feed},
        prepare=body.prepare,
    )
    if body.fed:
        stub = body.close(path)
        members = {name: stub if name.casefold() == _MAIN else content for name, content in members.items()}
    try:
        document = docx.Document(io.BytesIO(repack(members)))
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise ImportProblem(path, say("problem.not_a", what=_WHAT, reason=_reason(exc))) from exc
    if document.part.partname.lstrip("/").casefold() != _MAIN:
        # A main part under another name was kept whole: read it as python-docx parsed it.
        numbering = ListNumbering.from_members(members, document.part.partname.lstrip("/"))
        return ExtractedText(text=normalize_text("\n".join(_blocks(document.element.body, numbering))), format="docx")
    return ExtractedText(text=normalize_text(body.text()), format="docx")


def _reason(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


class _Body(PulledBody):
    """Parses ``word/document.xml`` piece by piece and keeps the body's lines.

    Each child of ``w:body`` gives its lines (:func:`_blocks`) when it ends
    and is then dropped from the tree. Parsed as python-docx parses (blank
    text between elements dropped, entities not resolved).
    """

    def __init__(self, source: Path) -> None:
        parser = etree.XMLPullParser(events=("start", "end"), remove_blank_text=True, resolve_entities=False)
        super().__init__(source, parser, (etree.XMLSyntaxError,))
        self.depth = 0
        self.root: etree._Element | None = None
        self.body: etree._Element | None = None
        self.numbering: ListNumbering | None = None

    def prepare(self, members: Mapping[str, bytes]) -> None:
        """Read the list definitions (unpacked before the body) that number the body's paragraphs."""
        self.numbering = ListNumbering.from_members(members)

    def _events(self) -> None:
        for event, element in self.parser.read_events():
            if event == "start":
                if self.depth == 0:
                    self.root = element
                elif self.depth == 1 and self.body is None and element.tag == _BODY:
                    self.body = element
                self.depth += 1
                continue
            self.depth -= 1
            if self.depth == 2 and self.body is not None and element.getparent() is self.body:
                self.add_lines(_blocks([element], self.numbering))
                element.clear()
                while element.getprevious() is not None:
                    del self.body[0]

    def close(self, path: Path) -> bytes:
        """An empty document with the real root element (what python-docx is given)."""
        self.finish()
        if self.error is not None:
            raise ImportProblem(path, say("problem.not_a", what=_WHAT, reason=_reason(self.error))) from self.error
        assert self.root is not None  # a parser that closed without error saw the root
        stub = etree.Element(self.root.tag, nsmap=self.root.nsmap)
        return bytes(etree.tostring(stub, xml_declaration=True, encoding="UTF-8", standalone=True))

    def text(self) -> str:
        return self.lines.text()


def _blocks(elements: Iterable[etree._Element], numbering: ListNumbering | None = None) -> Iterator[str]:
    """Yield one line per paragraph and per table row, in document order (list markers from ``numbering``)."""
    for child in elements:
        if child.tag == _P:
            yield _paragraph_text(child, numbering)
        elif child.tag == _TBL:
            yield from _table_lines(child, numbering)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content, numbering)
        elif child.tag == _CUSTOM_XML:
            yield from _blocks(child, numbering)


def _table_lines(table: etree._Element, numbering: ListNumbering | None) -> Iterator[str]:
    """One line per row, cells joined by a tab.

    Each ``w:tc`` is visited once, so a horizontally merged cell appears once
    and a vertically merged one only in its first row (python-docx's
    ``row.cells`` would repeat both). Nested tables follow their row as lines
    of their own, so every line keeps a meaning for its tabs.
    """
    for row in _children(table, _TR):
        cells: list[str] = []
        nested: list[str] = []
        for cell in _children(row, _TC):
            parts: list[str] = []
            for child in cell:
                if child.tag == _TBL:
                    nested.extend(_table_lines(child, numbering))
                elif child.tag in (_P, _SDT, _CUSTOM_XML):
                    parts.extend(_blocks([child], numbering))
            text = " ".join(part.strip() for part in parts if part.strip())
            cells.append(text.replace("\t", " ").replace("\n", " "))
        yield "\t".join(cells).rstrip("\t")
        yield from nested


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Direct children with ``tag``, looking through content controls and
    custom XML wrappers that Word puts around rows and cells."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag in (_CUSTOM_XML, _SMART_TAG):
            yield from _children(child, tag)


def _paragraph_text(paragraph: etree._Element, numbering: ListNumbering | None = None) -> str:
    """Text of one paragraph, including runs inside hyperlinks, fields,
    inserted revisions and content controls, which ``Paragraph.text`` skips,
    after its list marker."""
    pieces: list[str] = [numbering.marker(paragraph.find(_PPR))] if numbering is not None else []
    _collect(paragraph, pieces)
    return "".join(pieces)


def _collect(element: etree._Element, pieces: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP_IN_PARAGRAPH:
            continue  # comments, processing instructions, unexpanded entities
        if tag in _TEXT:
            replacement = _TEXT[tag]
            pieces.append((child.text or "") if replacement is None else replacement)
        elif tag == _P:
            continue  # paragraphs nested in a paragraph belong to text boxes
        else:
            _collect(child, pieces)
