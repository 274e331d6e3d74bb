"""Codebook files (.qdc): valid on export, lossless round trip, lenient and safe on import."""

from __future__ import annotations

import random
from pathlib import Path

import docx
import pytest
from lxml import etree

from lobcoder.errors import FileProblem, LobcoderError, NotFoundError
from lobcoder.refi.description import FIELDS, LABELS, decode, decode_fields, encode, encode_code
from lobcoder.refi.qdc import clean_color, export_guid, qdc_bytes, read_qdc, write_qdc
from lobcoder.services.codebook_data import Codebook, CodebookCode, CodebookSet, codebook_from_project
from lobcoder.services.codes import create_code
from lobcoder.storage.project import ProjectStore

REFI = Path(__file__).resolve().parent / "data"
G = "3f2b8c1e-0000-4000-8000-{:012d}".format


def rich_codebook() -> Codebook:
    leaf = CodebookCode(
        G(3),
        "Intervisie 😀",
        "#009e73",
        description="Collegiale consultatie.\nTwee regels.",
        definition="Gestructureerd gesprek over een casus — “reflectie” op één probleem.\n\n- geen opsomming",
        examples="“We bespreken één casus per maand.”\n- al met streepje\n\n  ingesprongen",
        keywords="intervisie; casus\n  spaties  \n",
    )
    middle = CodebookCode(
        G(2),
        "Van elkaar leren",
        "#56B4E9",
        definition="Leraren leren van collega’s.",
        inclusion="Als de leraar expliciet een collega noemt.",
        exclusion="Niet opnemen als: het gaat om scholing.\nDefinitie: dit is géén label",
        keywords="samen leren\nvan elkaar leren",
        children=(leaf,),
    )
    top = CodebookCode(
        G(1),
        "Professionele ontwikkeling",
        "#e69f00",
        description="Alles over leren op het werk. Ça va? Ünïcødé.",
        is_codable=False,
        children=(middle, CodebookCode(G(4), "Scholing", "#d55e00", description="Definitie: alleen beschrijving")),
    )
    sets = (CodebookSet(G(10), "Kernthema's", "Voor het artikel", (G(2), G(4))), CodebookSet(G(11), "Leeg"))
    return Codebook(codes=(top, CodebookCode(G(5), "Overig", "#7f7f7f")), sets=sets, origin="lobcoder")


def same_codes(left: tuple[CodebookCode, ...], right: tuple[CodebookCode, ...]) -> None:
    assert len(left) == len(right)
    for a, b in zip(left, right, strict=True):
        assert {**vars(a), "children": ()} == {**vars(b), "children": ()}
        same_codes(a.children, b.children)


# -- description ----------------------------------------------------------------


def test_description_reads_like_a_codebook() -> None:
    fields = {
        "description": "Samen leren.",
        "definition": "Leraren leren van elkaar.\nOok informeel.",
        "inclusion": "expliciet",
        "exclusion": "scholing",
        "examples": "“We kijken bij elkaar in de klas.”\n“Intervisie helpt.”",
        "keywords": "samen leren\nintervisie\nvan elkaar leren",
    }
    assert encode(fields) == (
        "Samen leren.\n\nDefinition: Leraren leren van elkaar.\n  Ook informeel.\nInclude when: expliciet\n"
        "Exclude when: scholing\nExamples:\n- “We kijken bij elkaar in de klas.”\n- “Intervisie helpt.”\n"
        "Keywords: samen leren; intervisie; van elkaar leren"
    )
    dutch = encode(fields, "nl")
    assert "Definitie: " in dutch and "Niet opnemen als: scholing" in dutch and "Trefwoorden: samen" in dutch
    assert decode_fields(dutch) == fields
    description, details = decode(dutch)
    assert description == "Samen leren." and details["keywords"] == fields["keywords"]
    assert encode_code(description, details, "nl") == dutch


@pytest.mark.parametrize(
    "foreign",
    [
        "A code from ATLAS.ti.\nDefinition: something",  # no blank line before the block
        "Notes\n\nDefinition: x\nnot indented",
        "Notes\n\ndefinition: lower case label",
        "Notes\n\nKeywords: a;b",
        "Notes\n\nExamples:\n* star bullet",
        "Notes\n\nDefinition: a\nDefinitie: mixed languages",
        "",
    ],
)
def test_other_descriptions_stay_plain(foreign: str) -> None:
    assert decode_fields(foreign) == {f: foreign if f == "description" else "" for f in FIELDS}
    assert encode({"description": foreign}) == foreign


def test_description_round_trip_for_any_values() -> None:
    atoms = ["", " ", "\n", "\n\n", "-", "- ", "  ", ";", "; ", "a", "é😀", "“q”", "\t", *LABELS["en"].values()]
    atoms += [f"{label}:" for label in LABELS["nl"].values()] + ["Definition: x", "Keywords: a; b", "  x"]
    rnd = random.Random(20240611)
    for _ in range(20_000):
        fields = {f: "".join(rnd.choice(atoms) for _ in range(rnd.choice([0, 0, 1, 2, 4, 7]))) for f in FIELDS}
        for language in ("en", "nl"):
            assert decode_fields(encode(fields, language)) == fields


def test_description_that_looks_structured_is_kept_as_description() -> None:
    tricky = {f: "" for f in FIELDS} | {"description": "Intro\n\nDefinition: looks like a field"}
    text = encode(tricky)
    assert text.startswith(tricky["description"])
    assert decode_fields(text) == tricky


# -- writing --------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "nl"])
def test_written_qdc_is_valid_against_the_schema(tmp_path: Path, language: str) -> None:
    schema = etree.XMLSchema(etree.parse(str(REFI / "Codebook.xsd")))
    target = tmp_path / "codebook.qdc"
    codebook = rich_codebook()
    weird = CodebookCode("not-a-guid", "Bad\x01name", "red", description="x\x0by")
    write_qdc(Codebook(codes=(*codebook.codes, weird), sets=codebook.sets), target, language=language)
    document = etree.parse(str(target))
    schema.assertValid(document)
    assert document.getroot().get("origin", "").startswith("lobcoder ")
    assert b"<Sets>" in target.read_bytes()
    write_qdc(Codebook(codes=codebook.codes), target)
    schema.assertValid(etree.parse(str(target)))
    assert b"Sets" not in target.read_bytes()  # an empty container would be invalid


def test_empty_codebook_cannot_be_written(tmp_path: Path) -> None:
    with pytest.raises(LobcoderError, match="no codes"):
        write_qdc(Codebook(codes=()), tmp_path / "empty.qdc")
    assert not list(tmp_path.iterdir())


def test_guids_and_colours_follow_the_schema() -> None:
    assert export_guid("{ABCDEF00-0000-4000-8000-000000000001}") == "abcdef00-0000-4000-8000-000000000001"
    assert export_guid("x") == export_guid("x") != "x"
    assert clean_color("#A0b0C0") == ("#A0b0C0", False)
    assert clean_color("ff0000") == ("#ff0000", True)
    assert clean_color("#abc") == ("#aabbcc", True)
    assert clean_color("red") == (None, True)
    assert clean_color(None) == (None, False)


# -- round trip -----------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "nl"])
def test_rich_dutch_codebook_round_trips_losslessly(tmp_path: Path, language: str) -> None:
    target = tmp_path / "codebook.qdc"
    codebook = rich_codebook()
    write_qdc(codebook, target, language=language)
    back, notes = read_qdc(target)
    assert notes == []
    same_codes(back.codes, codebook.codes)
    assert back.sets == codebook.sets
    assert back.origin.startswith("lobcoder ")


def test_project_codebook_and_branch(store: ProjectStore, tmp_path: Path) -> None:
    with store.transaction() as session:
        top = create_code(session, "Samenwerking", color="#e69f00", definition="Samen werken", keywords="a\nb")
        sub = create_code(session, "Intervisie", top.id, examples="“x”\n“y”")
        create_code(session, "Overig")
    with store.read() as session:
        whole = codebook_from_project(session)
        branch = codebook_from_project(session, sub.guid.upper())
        with pytest.raises(NotFoundError):
            codebook_from_project(session, "00000000-0000-0000-0000-000000000000")
    assert [c.name for c in whole.codes] == ["Samenwerking", "Overig"]
    assert whole.codes[0].children[0].examples == "“x”\n“y”"
    assert [c.name for c in branch.codes] == ["Intervisie"] and whole.count() == 3
    write_qdc(whole, tmp_path / "p.qdc")
    back, _ = read_qdc(tmp_path / "p.qdc")
    same_codes(back.codes, whole.codes)


# -- reading other programs' files ------------------------------------------------


def test_taguette_sample_imports_despite_empty_sets() -> None:
    sample = REFI / "samples" / "taguette141_codebook.qdc"
    codebook, notes = read_qdc(sample)
    assert [c.name for c in codebook.codes] == ["xsd:element name", "CodeBook", "Variables"]
    assert codebook.codes[0].guid == "098ac082-a9c7-50f4-9728-48730081a95e"
    assert codebook.origin == "Taguette 1.4.1" and codebook.sets == ()
    assert any("<Sets/>" in note for note in map(str, notes))


def write(tmp_path: Path, body: str, namespace: str = "urn:QDA-XML:codebook:1.0") -> Path:
    path = tmp_path / "in.qdc"
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="{namespace}">{body}</CodeBook>')
    return path


def test_lenient_reading(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '<Codes><Code guid="{AAAAAAAA-0000-4000-8000-000000000001}" name="  Ouder  code " isCodable="true" color="FF0000">'
        '<Description>plain text from MAXQDA</Description><Code GUID="aaaaaaaa-0000-4000-8000-000000000002" '
        'name="Kind" isCodable="false" color="rood"/></Code>'
        '<Code guid="aaaaaaaa-0000-4000-8000-000000000001" name="Dubbel" isCodable="true"/>'
        '<Code name="Zonder guid" isCodable="true"/></Codes>'
        '<Sets><Set guid="bbbbbbbb-0000-4000-8000-000000000001" name="S">'
        '<MemberCode targetGUID="AAAAAAAA-0000-4000-8000-000000000002"/><MemberCode guid="cccccccc-0000-4000-8000-'
        '000000000009"/></Set></Sets>',
        namespace="urn:QDA-XML:codebook:0:4",
    )
    codebook, notes = read_qdc(path)
    parent, duplicate, missing = codebook.codes
    assert parent.guid == "aaaaaaaa-0000-4000-8000-000000000001" and parent.name == "Ouder code"
    assert parent.color == "#FF0000" and parent.description == "plain text from MAXQDA"
    child = parent.children[0]
    assert child.guid == "aaaaaaaa-0000-4000-8000-000000000002" and not child.is_codable and child.color == ""
    assert duplicate.guid != parent.guid and missing.guid
    assert codebook.sets[0].member_guids == ("aaaaaaaa-0000-4000-8000-000000000002",)
    text = "\n".join(map(str, notes))
    for expected in ("namespace", "'rood'", "duplicate", "not a GUID", "cccccccc", "without '#'"):
        assert expected in text


def test_atlas_names_become_a_tree(tmp_path: Path) -> None:
    codes = "".join(
        f'<Code guid="dddddddd-0000-4000-8000-00000000000{i}" name="{name}" isCodable="true"/>'
        for i, name in enumerate(["Coke::diet Coke", "Coke::zero::cherry", "Pepsi", "Coke", "::odd"])
    )
    codebook, notes = read_qdc(write(tmp_path, f"<Codes>{codes}</Codes>"))
    assert [c.name for c in codebook.codes] == ["Coke", "Pepsi", "::odd"]
    coke = codebook.codes[0]
    assert coke.guid == "dddddddd-0000-4000-8000-000000000003"  # the real Coke took the made-up one's place
    assert [c.name for c in coke.children] == ["diet Coke", "zero"]
    assert coke.children[1].children[0].name == "cherry" and not coke.children[1].is_codable
    assert any("ATLAS.ti" in note for note in map(str, notes))
    again, _ = read_qdc(write(tmp_path, "<Codes>" + codes.replace('name="Coke"', 'name="Fanta"') + "</Codes>"))
    assert again.codes[0].name == "Coke" and again.codes[0].children[1].guid == coke.children[1].guid


def test_empty_codes_and_wrong_root(tmp_path: Path) -> None:
    codebook, notes = read_qdc(write(tmp_path, "<Codes/><Sets/>"))
    assert codebook.codes == () and any("no codes" in n for n in map(str, notes))
    path = tmp_path / "project.qde"
    path.write_text('<Project xmlns="urn:QDA-XML:project:1.0"/>')
    with pytest.raises(FileProblem, match="not a REFI-QDA codebook"):
        read_qdc(path)


def test_a_file_that_is_no_codebook_at_all_is_named_for_what_it_is(tmp_path: Path) -> None:
    word = tmp_path / "LOB codebook.docx"  # what Codes -> Export codebook suggests; it cannot be read back
    document = docx.Document()
    document.add_paragraph("Codeboek")
    document.save(word)
    sheet = tmp_path / "attributen.csv"
    sheet.write_text("document,school\nDocent01,ROC Zuidwest\n", encoding="utf-8")
    with pytest.raises(FileProblem) as found:
        read_qdc(word)
    assert str(found.value) == (
        f"{word}: is not a REFI-QDA codebook (.qdc): it is a Word document "
        "(lobcoder writes Word codebooks for reading; import the .qdc file)"
    )
    with pytest.raises(FileProblem) as found:
        read_qdc(sheet)
    assert str(found.value) == f"{sheet}: is not a REFI-QDA codebook (.qdc): it is not an XML file"
    bom = tmp_path / "bom.qdc"  # a byte-order mark before the XML is fine
    bom.write_bytes(b"\xef\xbb\xbf" + qdc_bytes(rich_codebook()))
    plain = tmp_path / "plain.qdc"
    write_qdc(rich_codebook(), plain)
    assert read_qdc(bom)[0] == read_qdc(plain)[0]


@pytest.mark.parametrize("content", [b"", b" \r\n\t\n"])
def test_an_empty_codebook_file_is_called_empty(tmp_path: Path, content: bytes) -> None:
    empty = tmp_path / "codeboek.qdc"  # e.g. a save that never finished
    empty.write_bytes(content)
    with pytest.raises(FileProblem) as found:
        read_qdc(empty)
    assert str(found.value) == f"{empty}: the XML document is empty"


def test_hostile_and_broken_files_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    xxe = tmp_path / "xxe.qdc"
    xxe.write_text(
        f'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="aaaaaaaa-0000-4000-8000-000000000001" '
        'name="&x;" isCodable="true"/></Codes></CodeBook>'
    )
    with pytest.raises(FileProblem, match="DTD") as caught:
        read_qdc(xxe)
    assert str(xxe) in str(caught.value) and "TOP-SECRET" not in str(caught.value)
    laughs = tmp_path / "laughs.qdc"
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    laughs.write_text(
        f'<!DOCTYPE c [<!ENTITY l0 "lol">{entities}]><CodeBook><Codes><Code name="&l9;"/></Codes></CodeBook>'
    )
    with pytest.raises(FileProblem, match="DTD"):
        read_qdc(laughs)
    broken = tmp_path / "broken.qdc"
    broken.write_text('<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n<Codes>\n</CodeBook>')
    with pytest.raises(FileProblem) as caught:
        read_qdc(broken)
    assert str(broken) in str(caught.value) and "line 3" in str(caught.value)
    with pytest.raises(FileProblem, match="cannot be read"):
        read_qdc(tmp_path / "missing.qdc")


def test_xml_of_written_file_is_readable_text(tmp_path: Path) -> None:
    target = tmp_path / "c.qdc"
    write_qdc(rich_codebook(), target, language="nl")
    text = target.read_text("utf-8")
    assert "Definitie: Leraren leren van collega’s." in text and "Trefwoorden: samen leren; van elkaar leren" in text
    assert qdc_bytes(rich_codebook()) == qdc_bytes(rich_codebook())
