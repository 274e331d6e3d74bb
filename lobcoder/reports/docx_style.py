"""Low-level WordprocessingML for the Word export: styles, page setup, caption fields, whole tables as XML.

Element order inside ``pPr``, ``rPr``, ``tblPr`` and ``tcPr`` follows the
OOXML schema (ECMA-376 part 1, 17.3 and 17.4): Word asks to "repair" a file
whose children are out of order, even when each element is valid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from xml.sax.saxutils import escape

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.paragraph import CT_P
from docx.section import Section
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

Align = Literal["left", "right", "center"]

FONT = "Times New Roman"
A4 = (Cm(21.0), Cm(29.7))
MARGIN = Cm(2.54)
TWIPS_PER_CM = 566.93
CELL_MARGIN = 85  # twips left and right in each cell (0.15 cm)
NARROW_CELL_MARGIN = 20  # for tables that cannot fit the page otherwise
CELL_PADDING = 2 * CELL_MARGIN
RULE_OUTER = 8  # eighths of a point: 1 pt above and below the table
RULE_INNER = 4  # 0.5 pt under the header
TABLE_TEXT, TABLE_TITLE, TABLE_NOTE = "Table Text", "Table Title", "Table Note"  # style names; ids without spaces
TABLE_TEXT_ID = TABLE_TEXT.replace(" ", "")
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Cell:
    """One table cell as Word shows it."""

    text: str
    align: Align = "left"
    indent: int = 0  # twips
    fill: str | None = None  # RRGGBB
    white: bool = False  # white text (on a dark fill)
    mark: str = ""  # a superscript note letter after the text
    second: str = ""  # a second line in italics (a header's "n = 12")


def setup_document(document: Document, language: str) -> None:
    """A4 with 2.54 cm margins, Times New Roman 11 pt, single spacing, the caption and table styles."""
    _drop_template_parts(document)
    section = document.sections[0]
    section.page_width, section.page_height = A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    lang = {"en": "en-US", "nl": "nl-NL"}.get(language, "en-US")
    defaults.getparent().replace(
        defaults,
        parse_xml(
            f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr>"
            f'<w:rFonts w:ascii="{FONT}" w:eastAsia="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>'
            f'<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA"/>'
            "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
        ),
    )
    caption = document.styles["Caption"].element
    for child in caption.findall(qn("w:pPr")) + caption.findall(qn("w:rPr")):
        caption.remove(child)
    caption.append(_ppr('<w:keepNext/><w:spacing w:before="360" w:after="0" w:line="240" w:lineRule="auto"/>'))
    caption.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:b/><w:bCs/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr>'))
    _add_style(styles, TABLE_TITLE, '<w:keepNext/><w:spacing w:after="120"/>', "<w:i/><w:iCs/>")
    _add_style(styles, TABLE_TEXT, '<w:spacing w:before="20" w:after="20"/>', _size(20))
    _add_style(styles, TABLE_NOTE, '<w:spacing w:before="60" w:after="0"/>', _size(20))


def _drop_template_parts(document: Document) -> None:
    """Remove what python-docx's template carries that would mislead Word or a file browser.

    ``stylesWithEffects`` is Word 2010's copy of the styles and would disagree
    with the styles set here (Word 2013 and later neither need nor write it;
    Word 2010 rebuilds it); the thumbnail shows the template, not the tables.
    """
    for owner, reltype in ((document.part, STYLES_WITH_EFFECTS), (document.part.package, THUMBNAIL)):
        for rid, rel in list(owner.rels.items()):
            if rel.reltype == reltype:
                owner.rels.pop(rid)


def _size(half_points: int) -> str:
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def _ppr(inner: str) -> object:
    return parse_xml(f"<w:pPr {nsdecls('w')}>{inner}</w:pPr>")


def _add_style(styles: object, name: str, ppr: str, rpr: str) -> None:
    style_id = name.replace(" ", "")
    styles.append(  # type: ignore[attr-defined]
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
            f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
        )
    )


def set_orientation(section: Section, landscape: bool) -> None:
    width, height = A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)


def text_width(section: Section) -> int:
    """Width between the margins, twips."""
    width = (section.page_width or A4[0]) - (section.left_margin or MARGIN) - (section.right_margin or MARGIN)
    return int(width) // 635  # EMU → twips


def add_caption(document: Document, label: str, sequence: str, number: int) -> Paragraph:
    """A caption line such as "Table 1" in bold: the label and a SEQ field, which Word renumbers.

    The field carries its current result (``number``), so the file reads
    right before any field update and in programs that do not update fields.
    """
    paragraph = document.add_paragraph(style="Caption")
    p: etree._Element = paragraph._p  # noqa: SLF001 — python-docx has no API for complex fields
    p.extend(
        parse_xml(f"<w:r {nsdecls('w')}>{inner}</w:r>")
        for inner in (
            f'<w:t xml:space="preserve">{xml_text(label)} </w:t>',
            '<w:fldChar w:fldCharType="begin"/>',
            f'<w:instrText xml:space="preserve"> SEQ {sequence} \\* ARABIC </w:instrText>',
            '<w:fldChar w:fldCharType="separate"/>',
            f"<w:t>{number}</w:t>",
            '<w:fldChar w:fldCharType="end"/>',
        )
    )
    return paragraph


def add_superscript(paragraph: Paragraph, text: str) -> None:
    paragraph.add_run(text).font.superscript = True


def xml_text(text: str) -> str:
    return escape(clean_text(text))


def table_xml(
    widths: Sequence[int],
    header: Sequence[Cell],
    rows: Sequence[Sequence[Cell]],
    keep_together: bool = False,
    total_row: bool = False,
    font_size: int = 20,
    cell_margin: int = CELL_MARGIN,
    groups: Sequence[tuple[str, int, int]] = (),
) -> str:
    """A whole ``w:tbl`` as one string: rules above and below the header and below the last row only.

    Building the XML as text and parsing it once is what makes a 120 × 120
    matrix take a fraction of a second; python-docx's ``table.cell()`` walks
    the grid on every call. The header row repeats on every page and no row
    splits across pages; with ``keep_together`` the rows are kept with the
    next (Word's way of keeping a short table on one page). With
    ``total_row`` a thin rule sets the last row (the totals) apart.
    ``font_size`` (half-points) overrides the 10 pt of the table text style.
    ``groups`` (label, first grid column, count) add a header row above with
    each label centred over its columns and a thin rule under it (APA's
    spanner heads).
    """
    line = f'w:val="single" w:sz="{RULE_OUTER}" w:space="0" w:color="000000"'
    borders = f'<w:top {line}/><w:left w:val="nil"/><w:bottom {line}/><w:right w:val="nil"/>'
    borders += '<w:insideH w:val="nil"/><w:insideV w:val="nil"/>'
    parts = [
        f"<w:tbl {nsdecls('w')}><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{cell_margin}" w:type="dxa"/><w:right w:w="{cell_margin}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        "</w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    rule = f'<w:tcBorders><w:bottom w:val="single" w:sz="{RULE_INNER}" w:space="0" w:color="000000"/></w:tcBorders>'
    size = "" if font_size == 20 else _size(font_size)
    if groups:
        parts.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
        column = 0
        for label, first, count in sorted(groups, key=lambda g: g[1]):
            parts.extend(_cell(Cell(""), w, "", True, size) for w in widths[column:first])
            span = _cell(Cell(label, "center"), sum(widths[first : first + count]), rule, True, size, "bottom")
            parts.append(span.replace("<w:tcPr>", f'<w:tcPr><w:gridSpan w:val="{count}"/>', 1))
            column = first + count
        parts.extend(_cell(Cell(""), w, "", True, size) for w in widths[column:])
        parts.append("</w:tr>")
    parts.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
    parts.extend(_cell(c, w, rule, keep_together, size, "bottom") for c, w in zip(header, widths, strict=True))
    parts.append("</w:tr>")
    for index, row in enumerate(rows):
        last = index == len(rows) - 1
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        keep = keep_together and not last
        above = rule.replace("bottom", "top") if last and total_row else ""
        parts.extend(_cell(c, w, above, keep, size) for c, w in zip(row, widths, strict=True))
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def _cell(cell: Cell, width: int, borders: str, keep: bool, size: str, valign: str = "top") -> str:
    fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{cell.fill}"/>' if cell.fill else ""
    ppr = f'<w:pStyle w:val="{TABLE_TEXT_ID}"/>' + ("<w:keepNext/>" if keep else "")
    if cell.indent:
        ppr += f'<w:ind w:left="{cell.indent}"/>'
    if cell.align != "left":
        ppr += f'<w:jc w:val="{cell.align}"/>'
    rpr = ('<w:color w:val="FFFFFF"/>' if cell.white else "") + size
    runs = ""
    if cell.text:
        runs = (
            f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{xml_text(cell.text)}</w:t></w:r>'
        )
    if cell.second:
        runs += f'<w:r><w:rPr><w:i/><w:iCs/>{rpr}</w:rPr><w:br/><w:t xml:space="preserve">{xml_text(cell.second)}</w:t></w:r>'
    if cell.mark:
        mark = f'<w:rPr>{rpr}<w:vertAlign w:val="superscript"/></w:rPr><w:t>{xml_text(cell.mark)}</w:t>'
        runs += f"<w:r>{mark}</w:r>"
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{borders}{fill}<w:vAlign w:val="{valign}"/></w:tcPr>'
        f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p></w:tc>"
    )


def clean_text(text: str) -> str:
    """``text`` without the control characters XML cannot hold."""
    return _NOT_XML.sub("", text)


class Body:
    """Adds paragraphs and runs at a constant cost each.

    python-docx's ``add_paragraph(style=...)`` looks the style up by name in
    every style of the document and scans the whole body for the section
    properties that must stay last, twice per quote: a report of 10,000
    quotes took minutes. Here style ids are looked up once and paragraphs
    go straight before the section properties; the XML is the same.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self.end = document.element.body.sectPr
        self.ids: dict[str, str] = {}

    def style_id(self, name: str) -> str:
        if name not in self.ids:
            self.ids[name] = self.document.styles[name].style_id
        return self.ids[name]

    def paragraph(self, text: str, style: str | None = None) -> Paragraph:
        element = OxmlElement("w:p")
        assert isinstance(element, CT_P)  # python-docx's parser makes every <w:p> one
        if self.end is not None:
            self.end.addprevious(element)
        else:
            self.document.element.body.append(element)
        if style is not None:
            element.style = self.style_id(style)
        paragraph = Paragraph(element, self.document._body)
        if text:
            paragraph.add_run(text)
        return paragraph

    def run(self, paragraph: Paragraph, text: str, style: str | None = None) -> Run:
        run = paragraph.add_run(text)
        if style is not None:
            run._r.style = self.style_id(style)
        return run
