"""The quotes report as a Word document a thesis can use: per code a heading, then quotes as indented blocks.

Every element has a named style, so a researcher restyles all quotes at once
in Word: ``Quote Heading`` (a code, based on Heading 2 so it shows in the
navigation pane), ``Quote Definition`` (the code's definition, italic),
``Quote Block`` (a quote, indented 1.27 cm both sides, in quotation marks),
and the character styles ``Quote Attribution`` ("(Marieke, docent, ronde 1)"),
``Quote Context`` (grey words around a quote) and ``Quote Coders`` (grey
"— coded by Fenna and Sander" when the quotes come from several coders; hide
it for the thesis by making that style hidden text). The notes ("*Note.* ...")
close the document, in ``Table Note`` like under the tables.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import IO

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from lobcoder.analysis.quote_report import QuoteReport
from lobcoder.i18n import Language, check_language, message
from lobcoder.reports import docx_style as ox
from lobcoder.reports.steps import Steps

HEADING, DEFINITION, BLOCK = "Quote Heading", "Quote Definition", "Quote Block"
ATTRIBUTION, CONTEXT, CODERS = "Quote Attribution", "Quote Context", "Quote Coders"
QUOTE_MARKS: dict[Language, tuple[str, str]] = {"en": ("“", "”"), "nl": ("‘", "’")}
"""Dutch typesetting (Taalunie) prefers single quotation marks for quotations; English double."""
CONTEXT_GREY = RGBColor(0x6E, 0x6E, 0x6E)


def render_quotes_docx(
    report: QuoteReport, stream: IO[bytes], language: Language = "en", steps: Steps | None = None
) -> None:
    build_quotes_document(report, language, steps).save(stream)


def build_quotes_document(report: QuoteReport, language: Language = "en", steps: Steps | None = None) -> Document:
    """The document for ``report`` (see the module docstring); ``steps`` counts the quotes."""
    steps = steps or Steps(0)
    language = check_language(language)
    document = docx.Document()
    ox.setup_document(document, language)
    _styles(document)
    properties = document.core_properties
    properties.title = report.title(language)
    properties.author = properties.last_modified_by = properties.comments = ""
    properties.created = properties.modified = datetime.now(UTC).replace(microsecond=0)
    body = ox.Body(document)
    body.paragraph(report.title(language), "Heading 1")
    opening, closing = QUOTE_MARKS[language]
    for group in report.groups:
        heading = body.paragraph(group.code.name, HEADING)
        if len(group.quotes) < group.total:
            shown = message("quotes.shown", language, shown=len(group.quotes), total=group.total)
            heading.add_run(f" ({shown})").font.bold = False
        if report.definitions and group.code.definition:
            body.paragraph(group.code.definition, DEFINITION)
        for quote in group.quotes:
            paragraph = body.paragraph("", BLOCK)
            if quote.before:
                body.run(paragraph, f"[{quote.before}] ", CONTEXT)
            body.run(paragraph, opening + " ".join(quote.text.split()) + closing)
            if quote.after:
                body.run(paragraph, f" [{quote.after}]", CONTEXT)
            attribution = report.attribution_of(quote, language)
            if attribution:
                body.run(paragraph, " " + attribution, ATTRIBUTION)
            coders = report.coders_of(quote, language)
            if coders:
                body.run(paragraph, " —\u00a0" + coders, CODERS)  # the dash stays with the words, not alone on a line
            steps.step()
    notes = report.notes(language)
    if notes:
        paragraph = document.add_paragraph(style=ox.TABLE_NOTE)
        paragraph.paragraph_format.space_before = Pt(18)
        paragraph.add_run(message("report.note", language)).italic = True
        paragraph.add_run(" " + " ".join(notes))
    return document


def _styles(document: Document) -> None:
    styles = document.styles
    for name in ("Heading 1", "Heading 2"):  # the template's blue Calibri headings, made to match the text
        styles[name].font.name = ox.FONT
        styles[name].font.color.rgb = RGBColor(0, 0, 0)
        fonts = styles[name].element.rPr.rFonts
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
    styles["Heading 1"].font.size = Pt(16)
    heading = styles.add_style(HEADING, WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = styles["Heading 2"]
    heading.next_paragraph_style = styles["Normal"]
    heading.paragraph_format.space_before = Pt(18)
    heading.paragraph_format.space_after = Pt(6)
    heading.paragraph_format.keep_with_next = True
    definition = styles.add_style(DEFINITION, WD_STYLE_TYPE.PARAGRAPH)
    definition.base_style = styles["Normal"]
    definition.font.italic = True
    definition.paragraph_format.space_after = Pt(8)
    definition.paragraph_format.keep_with_next = True
    block = styles.add_style(BLOCK, WD_STYLE_TYPE.PARAGRAPH)
    block.base_style = styles["Normal"]
    block.paragraph_format.left_indent = block.paragraph_format.right_indent = Cm(1.27)
    block.paragraph_format.space_after = Pt(8)
    block.paragraph_format.line_spacing = 1.15
    block.paragraph_format.widow_control = True
    attribution = styles.add_style(ATTRIBUTION, WD_STYLE_TYPE.CHARACTER)
    attribution.font.italic = False
    context = styles.add_style(CONTEXT, WD_STYLE_TYPE.CHARACTER)
    context.font.color.rgb = CONTEXT_GREY
    coders = styles.add_style(CODERS, WD_STYLE_TYPE.CHARACTER)
    coders.font.color.rgb = CONTEXT_GREY
    coders.font.size = Pt(9)
