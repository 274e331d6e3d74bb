"""A .docx list keeps the numbers and bullets Word shows ("1. Wat vindt u …"), and its turns are still found."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from sqlalchemy import select

from lobcoder.errors import ImportProblem
from lobcoder.importing.readers import read_file
from lobcoder.importing.readers.docx_numbering import format_number
from lobcoder.services.batch_import import import_files
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.storage.models import Coding, Document, Speaker, SpeakerTurn
from lobcoder.storage.project import ProjectStore

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _level(ilvl: int, fmt: str, text: str, start: int | str = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}<w:lvlJc w:val="left"/></w:lvl>'
    )


# What Word writes for its "1. a. i." outline list, and for its bullet list (a Symbol-font bullet, "o", "§").
OUTLINE = [_level(0, "decimal", "%1."), _level(1, "lowerLetter", "%2)"), _level(2, "lowerRoman", "%3.")]
BULLETS = [_level(0, "bullet", "\uf0b7"), _level(1, "bullet", "o"), _level(2, "bullet", "\uf0a7")]


class Lists:
    """Numbering definitions added to a python-docx document, and paragraphs that use them."""

    def __init__(self) -> None:
        self.document = docx.Document()
        self.numbering = self.document.part.numbering_part.element
        self.next_abstract = 100
        self.next_num = 100

    def define(self, levels: list[str]) -> int:
        """A new abstract definition and a list (w:num) using it: the list's numId."""
        abstract = self.next_abstract
        self.next_abstract += 1
        element = parse_xml(f'<w:abstractNum {_W} w:abstractNumId="{abstract}">{"".join(levels)}</w:abstractNum>')
        self.numbering.insert(0, element)  # abstract definitions come before the lists
        return self.use(abstract)

    def use(self, abstract: int, override: str = "") -> int:
        """Another list (w:num) of the abstract definition ``abstract``, with ``override`` (lvlOverride XML)."""
        num = self.next_num
        self.next_num += 1
        self.numbering.append(
            parse_xml(f'<w:num {_W} w:numId="{num}"><w:abstractNumId w:val="{abstract}"/>{override}</w:num>')
        )
        return num

    def abstract_of(self, num: int) -> int:
        for element in self.numbering.iterfind(qn("w:num")):
            if element.get(qn("w:numId")) == str(num):
                return int(element.find(qn("w:abstractNumId")).get(qn("w:val")))
        raise KeyError(num)

    def item(self, text: str, num: int, level: int = 0) -> None:
        paragraph = self.document.add_paragraph(text, style="List Paragraph")
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {_W}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')
        )

    def save(self, path: Path) -> Path:
        self.document.save(path)
        return path


def test_word_outline_and_bullet_lists_read_as_word_shows_them(tmp_path: Path) -> None:
    lists = Lists()
    outline = lists.define(OUTLINE)
    bullets = lists.define(BULLETS)
    lists.document.add_paragraph("Vragen:")
    lists.item("Wat vindt u van de loopbaanbegeleiding? 😀", outline)
    lists.item("Op school", outline, 1)
    lists.item("In de stage", outline, 1)
    lists.item("Bij het leerbedrijf", outline, 2)
    lists.item("Bij de bpv", outline, 2)
    lists.item("Thuis", outline, 1)
    lists.item("Hoe ziet uw coördinatie eruit?", outline)
    lists.item("Met de mentor", outline, 1)  # the lower level starts again after a higher one
    lists.item("Eén punt", bullets)
    lists.item("Een subpunt", bullets, 1)
    lists.item("Nog dieper", bullets, 2)
    lists.document.add_paragraph("Einde.")
    text = read_file(lists.save(tmp_path / "lijst.docx")).text
    assert text.splitlines() == [
        "Vragen:",
        "1. Wat vindt u van de loopbaanbegeleiding? 😀",
        "a) Op school",
        "b) In de stage",
        "i. Bij het leerbedrijf",
        "ii. Bij de bpv",
        "c) Thuis",
        "2. Hoe ziet uw coördinatie eruit?",
        "a) Met de mentor",
        "• Eén punt",
        "• Een subpunt",
        "• Nog dieper",
        "Einde.",
    ]


def test_the_list_styles_of_python_docx_and_word_are_numbered_too(tmp_path: Path) -> None:
    """ "List Number" and "List Bullet" carry their numbering in the style, not in the paragraph."""
    document = docx.Document()
    document.add_paragraph("Eerste vraag", style="List Number")
    document.add_paragraph("Tweede vraag", style="List Number")
    document.add_paragraph("Een punt", style="List Bullet")
    document.add_paragraph("Derde vraag", style="List Number")  # the same list goes on
    path = tmp_path / "stijlen.docx"
    document.save(path)
    assert read_file(path).text == "1. Eerste vraag\n2. Tweede vraag\n• Een punt\n3. Derde vraag"


def test_restarted_continued_and_unnumbered_items(tmp_path: Path) -> None:
    lists = Lists()
    first = lists.define([_level(0, "decimal", "%1.")])
    lists.item("een", first)
    lists.item("twee", first)
    abstract = lists.abstract_of(first)
    again = lists.use(abstract, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
    lists.item("opnieuw een", again)
    lists.item("opnieuw twee", again)
    going_on = lists.use(abstract)  # another list of the same definition without a restart: Word goes on
    lists.item("drie", going_on)
    lists.item("geen nummer", 0)  # numId 0 takes the numbering off
    from_five = lists.define([_level(0, "upperRoman", "%1.", start=5), _level(1, "decimal", "%1.%2.")])
    lists.item("vijf", from_five)
    lists.item("vijf punt een", from_five, 1)
    text = read_file(lists.save(tmp_path / "herstart.docx")).text
    assert text.splitlines() == [
        "1. een",
        "2. twee",
        "1. opnieuw een",
        "2. opnieuw twee",
        "3. drie",
        "geen nummer",
        "V. vijf",
        "V.1. vijf punt een",
    ]


def test_a_list_of_a_multilevel_list_style_takes_the_style_s_levels(tmp_path: Path) -> None:
    """Word's list styles: the list's definition only links to the style (numStyleLink), whose list has the levels."""
    lists = Lists()
    styled = lists.define([_level(0, "upperLetter", "%1."), _level(1, "decimal", "%1.%2")])
    lists.document.styles.element.append(
        parse_xml(
            f'<w:style {_W} w:type="numbering" w:styleId="Interviewlijst"><w:name w:val="Interviewlijst"/>'
            f'<w:pPr><w:numPr><w:numId w:val="{styled}"/></w:numPr></w:pPr></w:style>'
        )
    )
    linking = lists.define(['<w:numStyleLink w:val="Interviewlijst"/>'])
    lists.item("Stage", linking)
    lists.item("Eerste week", linking, 1)
    lists.item("School", linking)
    text = read_file(lists.save(tmp_path / "lijststijl.docx")).text
    assert text.splitlines() == ["A. Stage", "A.1 Eerste week", "B. School"]


def test_numbers_in_a_table_cell_and_a_marker_without_space(tmp_path: Path) -> None:
    lists = Lists()
    plain = lists.define([_level(0, "decimal", "(%1)", extra='<w:suff w:val="nothing"/>')])
    table = lists.document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Interviewer"
    cell = table.cell(0, 1)
    cell.text = "Twee vragen:"
    for question in ("Waarom?", "Hoe?"):
        paragraph = cell.add_paragraph(question)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {_W}><w:ilvl w:val="0"/><w:numId w:val="{plain}"/></w:numPr>')
        )
    text = read_file(lists.save(tmp_path / "tabel.docx")).text
    assert text == "Interviewer\tTwee vragen: (1)Waarom? (2)Hoe?"


def _stored(store: ProjectStore) -> tuple[str, list[tuple[str, str]]]:
    with store.read() as session:
        text = session.scalars(select(Document.text)).one()
        rows = session.execute(
            select(Speaker.name, SpeakerTurn.label_start, SpeakerTurn.start, SpeakerTurn.end)
            .join(Speaker, Speaker.id == SpeakerTurn.speaker_id)
            .order_by(SpeakerTurn.start)
        ).all()
    return text, [(name, text[label_start:end]) for name, label_start, _start, end in rows]


@pytest.mark.parametrize("turns_as_items", [False, True])
def test_an_interview_with_numbered_questions_keeps_numbers_and_speakers(
    store: ProjectStore, tmp_path: Path, turns_as_items: bool
) -> None:
    """Questions numbered as a Word list, with or without their turns being list items themselves."""
    lists = Lists()
    questions = lists.define([_level(0, "decimal", "%1.")])
    lists.document.add_heading("Interview Anna, meting 1", level=1)
    answers = ["Goed, één keer per maand 😀.", "Met de mentor.", "Ja."]
    for number, answer in enumerate(answers, 1):
        question = f"Interviewer: Vraag {number}, wat vindt u ervan?" if turns_as_items else f"Vraag {number}?"
        lists.item(question, questions)
        lists.document.add_paragraph(f"Anna: {answer}")
    path = lists.save(tmp_path / "Anna_w1.docx")
    (result,) = import_files(store, [path]).imported
    text, turns = _stored(store)
    if turns_as_items:
        assert (
            "\n1. Interviewer: Vraag 1, wat vindt u ervan?\nAnna: Goed, één keer per maand 😀.\n2. Interviewer" in text
        )
        assert result.speakers == ("Interviewer", "Anna")
        # A turn starts at its label, after the number, and ends before the next item's number.
        assert turns[:3] == [
            ("Interviewer", "Interviewer: Vraag 1, wat vindt u ervan?"),
            ("Anna", "Anna: Goed, één keer per maand 😀."),
            ("Interviewer", "Interviewer: Vraag 2, wat vindt u ervan?"),
        ]
        assert len(turns) == 6
    else:
        assert (
            "\n1. Vraag 1?\nAnna: Goed, één keer per maand 😀.\n2. Vraag 2?\nAnna: Met de mentor.\n3. Vraag 3?" in text
        )
        assert result.speakers == ("Anna",)
        assert turns[0] == ("Anna", "Anna: Goed, één keer per maand 😀.\n2. Vraag 2?")
    # A coding after the emoji reads back the same words.
    start = text.index("Met de mentor")
    with store.transaction() as session:
        document_id = session.scalars(select(Document.id)).one()
        code = create_code(session, "Mentor").id
        add_coding(session, document_id, code, start, start + len("Met de mentor"))
    with store.read() as session:
        coding = session.scalars(select(Coding)).one()
        assert text[coding.start : coding.end] == "Met de mentor"


def test_bulleted_turns_keep_their_speakers(store: ProjectStore, tmp_path: Path) -> None:
    document = docx.Document()
    for turn in ("Interviewer: Hoe gaat het?", "Bram: Goed.", "Interviewer: En de stage?", "Bram: Ook goed."):
        document.add_paragraph(turn, style="List Bullet")
    path = tmp_path / "Bram.docx"
    document.save(path)
    (result,) = import_files(store, [path]).imported
    text, turns = _stored(store)
    assert text.startswith("• Interviewer: Hoe gaat het?\n• Bram: Goed.\n")
    assert result.speakers == ("Interviewer", "Bram")
    assert [speaker for speaker, _ in turns] == ["Interviewer", "Bram", "Interviewer", "Bram"]


def test_odd_list_definitions_give_no_numbers_and_refuse_nothing(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Eerste vraag", style="List Number")
    source = tmp_path / "bron.docx"
    document.save(source)
    for name, numbering in (
        ("leeg.docx", f"<w:numbering {_W}/>".encode()),
        (
            "vreemd.docx",
            f'<w:numbering {_W}><w:num w:numId="5"><w:abstractNumId w:val="x"/></w:num></w:numbering>'.encode(),
        ),
        (
            "onzin.docx",
            f'<w:numbering {_W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="99"/><w:lvl w:ilvl="0">'
            '<w:start w:val="zes"/><w:numFmt w:val="klingon"/><w:lvlText w:val="%9%1"/></w:lvl></w:abstractNum>'
            '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num></w:numbering>'.encode(),
        ),
    ):
        path = tmp_path / name
        with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
            for info in old.infolist():
                data = old.read(info)
                new.writestr(info, numbering if info.filename == "word/numbering.xml" else data)
        expected = "1 Eerste vraag" if name == "onzin.docx" else "Eerste vraag"  # "%9%1" of a level 0: "1"
        assert read_file(path).text == expected, name
    # A part that is no XML at all was refused before lists were read (python-docx checks every part), and still is.
    path = tmp_path / "kapot.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            new.writestr(info, b"<w:numbering" if info.filename == "word/numbering.xml" else old.read(info))
    with pytest.raises(ImportProblem, match="kapot.docx"):
        read_file(path)


def test_a_hostile_start_value_and_repeated_number_give_a_short_marker(tmp_path: Path) -> None:
    """A 4,200-digit start with lvlText "%1" x 32 made a 37 KB .docx of 300 items 40 million characters long.
    Word's start values run 0..32767: one outside that counts from 1, and a marker is cut at 64 characters."""
    huge = "9" * 4200
    lists = Lists()
    first = lists.define([_level(0, "decimal", "%1" * 32, start=huge)])
    for number in range(300):
        lists.item(f"Vraag {number}", first)
    overridden = lists.use(
        lists.abstract_of(first), f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="-{huge}"/></w:lvlOverride>'
    )
    lists.item("opnieuw", overridden)
    highest = lists.define([_level(0, "decimal", "%1.", start=32767)])
    lists.item("hoogste", highest)
    above = lists.define([_level(0, "decimal", "%1.", start=32768)])
    lists.item("te hoog", above)
    lines = read_file(lists.save(tmp_path / "vijandig.docx")).text.splitlines()
    assert lines[0] == "1" * 32 + " Vraag 0"
    assert lines[299] == ("300" * 32)[:64] + " Vraag 299"
    assert lines[300] == ("1" * 32) + " opnieuw"
    assert lines[301:] == ["32767. hoogste", "1. te hoog"]
    assert max(len(line) for line in lines) < 80


def test_a_google_docs_export_with_its_own_list_definitions(tmp_path: Path) -> None:
    """As Google Docs writes a .docx (built by hand after its shape: not checked against a real export):
    numbering.xml before document.xml in the zip, a definition per list, numbers set on each paragraph (no
    list style), bullets drawn as "●"/"○", a tab after the marker."""
    levels = "".join(
        f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{shown}"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>'
        '<w:rPr><w:u w:val="none"/></w:rPr></w:lvl>'
        for n, (fmt, shown) in enumerate([("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3.")])
    )
    bullets = "".join(
        f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{shown}"/>'
        '<w:lvlJc w:val="left"/></w:lvl>'
        for n, shown in enumerate("●○■")
    )
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {_W}>'
        f'<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="2">{bullets}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
        "</w:numbering>"
    )

    def paragraph(text: str, num: int | None = None, level: int = 0) -> str:
        props = (
            f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
            '<w:spacing w:after="0"/></w:pPr>'
            if num
            else ""
        )
        return f'<w:p>{props}<w:r><w:rPr><w:rtl w:val="0"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'

    body = "".join(
        [
            paragraph("Interview Sanne (meting 2)"),
            paragraph("Interviewer: Wat deed je in je stage? 😀", 1),
            paragraph("Sanne: Eén keer per week overleg.", None),
            paragraph("Interviewer: En daarna?", 1),
            paragraph("met de mentor", 1, 1),
            paragraph("Sanne: Coördinatie.", None),
            paragraph("losse notitie", 2),
            paragraph("nog een", 2, 1),
        ]
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W} '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<w:body>{body}<w:sectPr/></w:body></w:document>"
    )
    styles = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {_W}/>'
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/numbering.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
        '<Override PartName="/word/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
        "</Types>"
    )
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    document_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/numbering" Target="numbering.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/></Relationships>'
    )
    path = tmp_path / "Sanne_gdocs.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/numbering.xml", numbering)
        archive.writestr("word/styles.xml", styles)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels", document_rels)
        archive.writestr("_rels/.rels", package_rels)
        archive.writestr("[Content_Types].xml", content_types)
    text = read_file(path).text
    assert text.splitlines() == [
        "Interview Sanne (meting 2)",
        "1. Interviewer: Wat deed je in je stage? 😀",
        "Sanne: Eén keer per week overleg.",
        "2. Interviewer: En daarna?",
        "a. met de mentor",
        "Sanne: Coördinatie.",
        "• losse notitie",
        "• nog een",
    ]
    store = ProjectStore.create(tmp_path / "gdocs.lobcoder")
    try:
        (result,) = import_files(store, [path]).imported
        assert result.speakers == ("Interviewer", "Sanne")
    finally:
        store.close()


@pytest.mark.parametrize(
    ("number", "fmt", "shown"),
    [
        (1, "decimal", "1"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (14, "lowerRoman", "xiv"),
        (1999, "upperRoman", "MCMXCIX"),
        (3, "decimalZero", "03"),
        (4, "ordinal", "4"),
        (2, "none", ""),
        (780, "lowerLetter", "z" * 30),
        (10**18, "lowerLetter", str(10**18)),  # a hostile start value makes no marker of 10**16 letters
        (4000, "upperRoman", "4000"),
    ],
)
def test_number_formats(number: int, fmt: str, shown: str) -> None:
    assert format_number(number, fmt) == shown
