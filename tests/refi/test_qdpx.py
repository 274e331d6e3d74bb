"""Whole projects through .qdpx: export, validate, import, and files from other programs."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select

from lobcoder.errors import Cancelled, LobcoderError, ProjectExistsError
from lobcoder.importing.speakers import detect_turns
from lobcoder.refi.qdpx_export import export_qdpx
from lobcoder.refi.qdpx_import import import_qdpx
from lobcoder.refi.qdpx_read import QdpxFile, read_qdpx
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.services.memos import MemoTarget, set_memo
from lobcoder.storage.models import (
    Attribute,
    AttributeScope,
    AttributeType,
    AttributeValue,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
    Participant,
    Speaker,
)
from lobcoder.storage.project import ProjectStore
from lobcoder.text.normalize import normalize_text

SHARED = Path(__file__).resolve().parent / "data"
NS = "urn:QDA-XML:project:1.0"

INTERVIEW_1 = (
    "Interviewer: Hoe begon je dag? 😀\n"
    "Anna: Eerst koffie ☕ en dan één uur coördinatie met collega’s.\n"
    "Interviewer: En daarna?\n"
    "Anna: Lesgeven 👩‍🏫 aan groep 8, dat is het mooiste deel.\n"
)
INTERVIEW_2_CRLF = (
    "Interviewer: Wat vind je van de werkdruk?\r\n"
    "Bram: Die is hoog, vooral rond de rapporten.\r\n"
    "Interviewer: Hoe ga je daarmee om?\r\n"
    "Bram: Ik plan mijn weekend vrij, dat helpt echt.\r\n"
)


def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SHARED / "Project.xsd")))


def qde_of(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("project.qde"))


def assert_valid(path: Path) -> etree._Element:
    xsd = schema()
    root = qde_of(path)
    assert xsd.validate(root), xsd.error_log
    return root


def _code(session, name: str, parent: int | None = None, **details: str) -> int:  # type: ignore[no-untyped-def]
    return create_code(session, name, parent, **details).id


def build_project(store: ProjectStore) -> None:
    with store.transaction() as session:
        d1 = add_document(session, "Interview Anna", INTERVIEW_1, detect_turns(INTERVIEW_1)).id
        text2 = normalize_text(INTERVIEW_2_CRLF)
        d2 = add_document(session, "Interview Bram (wave 2)", text2, detect_turns(text2)).id
        werk = _code(
            session,
            "Werkdruk",
            color="#d55e00",
            description="Alles over druk op het werk.",
            definition="Ervaren belasting door taken.",
            inclusion="Expliciete uitspraken over drukte.",
            exclusion="Privéstress.",
            examples="‘het is hoog’\n‘ik red het niet’",
            keywords="druk\nstress",
        )
        hoog = _code(session, "Hoge druk", werk, description="Sub-code: de druk is hoog.")
        plezier = _code(session, "Werkplezier 😀", color="#009e73")
        coping = _code(session, "Omgaan met druk", werk)

        anna, bram = Participant(name="Anna"), Participant(name="Bram")
        session.add_all([anna, bram])
        session.flush()
        session.get_one(Document, d1).participant_id = anna.id
        session.get_one(Document, d2).participant_id = bram.id
        age = Attribute(name="leeftijd", type=AttributeType.NUMBER, scope=AttributeScope.PARTICIPANT, position=0)
        born = Attribute(name="in dienst sinds", type=AttributeType.DATE, scope=AttributeScope.PARTICIPANT, position=1)
        school = Attribute(name="school", type=AttributeType.CATEGORY, scope=AttributeScope.PARTICIPANT, position=2)
        score = Attribute(name="uren", type=AttributeType.NUMBER, scope=AttributeScope.PARTICIPANT, position=3)
        wave = Attribute(name="wave", type=AttributeType.CATEGORY, scope=AttributeScope.DOCUMENT, position=4)
        note = Attribute(name="opmerking", type=AttributeType.TEXT, scope=AttributeScope.DOCUMENT, position=5)
        session.add_all([age, born, school, score, wave, note])
        session.flush()
        session.add_all(
            [
                AttributeValue(attribute_id=age.id, participant_id=anna.id, number_value=34.0),
                AttributeValue(attribute_id=age.id, participant_id=bram.id, number_value=51.0),
                AttributeValue(attribute_id=born.id, participant_id=anna.id, date_value=date(2015, 8, 1)),
                AttributeValue(attribute_id=school.id, participant_id=anna.id, text_value="De Regenboog"),
                AttributeValue(attribute_id=school.id, participant_id=bram.id, text_value="Het Baken"),
                AttributeValue(attribute_id=score.id, participant_id=anna.id, number_value=32.5),
                AttributeValue(attribute_id=wave.id, document_id=d1, text_value="1"),
                AttributeValue(attribute_id=wave.id, document_id=d2, text_value="2"),
                AttributeValue(attribute_id=note.id, document_id=d2, text_value="opname “deels” onverstaanbaar"),
            ]
        )

        def coder_id(name: str) -> int:
            return session.scalars(select(Coder.id).where(Coder.name == name)).one()

        def span(doc_text: str, piece: str) -> tuple[int, int]:
            start = doc_text.index(piece)
            return start, start + len(piece)

        c1 = add_coding(session, d1, plezier, *span(INTERVIEW_1, "Lesgeven 👩‍🏫 aan groep 8"), coder="anna.k")
        add_coding(session, d1, werk, *span(INTERVIEW_1, "één uur coördinatie met collega’s"), coder="anna.k")
        add_coding(session, d1, hoog, *span(INTERVIEW_1, "één uur coördinatie met collega’s"), coder="bram.v")
        add_coding(session, d1, plezier, *span(INTERVIEW_1, "😀"), coder=None)
        add_coding(session, d2, hoog, *span(text2, "Die is hoog, vooral rond de rapporten."), coder="bram.v")
        c2 = add_coding(session, d2, coping, *span(text2, "Ik plan mijn weekend vrij"), coder="anna.k")
        add_coding(session, d2, werk, *span(text2, "werkdruk?\nBram: Die is hoog"), coder="chris")

        set_memo(session, MemoTarget("project"), "Projectmemo: pilot met twee interviews 😀.")
        set_memo(session, MemoTarget("document", d1), "Anna was erg open.\nTweede regel.")
        set_memo(session, MemoTarget("code", werk), "Let op overlap met ‘Hoge druk’.", coder_id("bram.v"))
        set_memo(session, MemoTarget("coding", c1.id), "Mooi citaat voor het rapport.", coder_id("anna.k"))
        set_memo(session, MemoTarget("coding", c2.id), "Strategie: grenzen stellen.")


def snapshot(store: ProjectStore) -> dict[str, object]:
    """Everything a user would compare after a round trip, without database ids."""
    with store.read() as session:
        docs = {d.id: d for d in session.scalars(select(Document))}
        codes = {c.id: c for c in session.scalars(select(Code))}
        coders = {c.id: c.name for c in session.scalars(select(Coder))}
        participants = {p.id: p for p in session.scalars(select(Participant))}
        codings = {}
        for c in session.scalars(select(Coding)):
            codings[c.guid.lower()] = (
                docs[c.document_id].name,
                codes[c.code_id].guid.lower(),
                docs[c.document_id].text[c.start : c.end],
                coders.get(c.coder_id) if c.coder_id is not None else None,
            )
        code_rows = {
            c.guid.lower(): (
                c.name,
                codes[c.parent_id].guid.lower() if c.parent_id else None,
                c.position,
                c.color.lower(),
                c.description,
                c.definition,
                c.inclusion,
                c.exclusion,
                c.examples,
                c.keywords,
            )
            for c in codes.values()
        }
        attributes = {}
        for value, attribute in session.execute(
            select(AttributeValue, Attribute).join(Attribute, AttributeValue.attribute_id == Attribute.id)
        ):
            owner = (
                participants[value.participant_id].name if value.participant_id else docs[value.document_id].name  # type: ignore[index]
            )
            stored = value.number_value if value.number_value is not None else value.date_value or value.text_value
            attributes[(attribute.name, attribute.scope.value, owner)] = (attribute.type.value, stored)
        memos = set()
        coding_guid = {c.id: c.guid.lower() for c in session.scalars(select(Coding))}
        for memo in session.scalars(select(Memo)):
            if memo.coding_id:
                target = ("coding", coding_guid[memo.coding_id])
            elif memo.code_id:
                target = ("code", codes[memo.code_id].guid.lower())
            elif memo.document_id:
                target = ("document", docs[memo.document_id].name)
            else:
                target = ("project", "")
            memos.add((target, memo.title, memo.text, memo.guid.lower(), coders.get(memo.coder_id)))  # type: ignore[arg-type]
        links = {d.name: participants[d.participant_id].name for d in docs.values() if d.participant_id}
        texts = {d.name: (d.text, d.guid.lower()) for d in docs.values()}
        return {
            "codings": codings,
            "codes": code_rows,
            "attributes": attributes,
            "memos": memos,
            "links": links,
            "texts": texts,
            "coders": sorted(coders.values()),
            "participants": sorted((p.name, p.guid.lower(), p.description) for p in participants.values()),
        }


@pytest.fixture
def project(tmp_path: Path) -> Iterator[ProjectStore]:
    store = ProjectStore.create(tmp_path / "bron.lobcoder")
    build_project(store)
    yield store
    store.close()


def test_export_is_valid_and_holds_the_texts_exactly(project: ProjectStore, tmp_path: Path) -> None:
    out = tmp_path / "export.qdpx"
    report = export_qdpx(project, out)
    assert_valid(out)
    assert (report.documents, report.codes, report.codings, report.memos) == (2, 4, 7, 5)
    assert (report.participants, report.attributes, report.coders) == (2, 6, 3)
    root = qde_of(out)
    with zipfile.ZipFile(out) as archive, project.read() as session:
        for document in session.scalars(select(Document)):
            assert archive.read(f"sources/{document.guid}.txt").decode("utf-8") == document.text
    sources = root.findall(f"{{{NS}}}Sources/{{{NS}}}TextSource")
    assert all(s.get("plainTextPath") == f"internal://{s.get('guid')}.txt" for s in sources)
    # One selection for the two codes on "één uur coördinatie...", each coding with its own coder.
    selection = next(s for s in root.iter(f"{{{NS}}}PlainTextSelection") if s.get("name", "").startswith("één uur"))
    assert len(selection.findall(f"{{{NS}}}Coding")) == 2
    assert len({c.get("creatingUser") for c in selection.findall(f"{{{NS}}}Coding")}) == 2
    assert root.find(f"{{{NS}}}NoteRef") is not None  # the project memo
    types = {v.get("name"): v.get("typeOfVariable") for v in root.iter(f"{{{NS}}}Variable")}
    assert types == {
        "leeftijd": "Integer",
        "in dienst sinds": "Date",
        "school": "Text",
        "uren": "Float",
        "wave": "Text",
        "opmerking": "Text",
    }


def test_round_trip_keeps_codings_attributes_memos_and_rich_codes(project: ProjectStore, tmp_path: Path) -> None:
    out = tmp_path / "export.qdpx"
    export_qdpx(project, out)
    assert_valid(out)
    report = import_qdpx(out, tmp_path / "kopie.lobcoder")
    assert (report.documents, report.codes, report.codings, report.memos) == (2, 4, 7, 5)
    assert not report.dropped
    assert not [n for n in map(str, report.notes) if "positions" in n]
    with ProjectStore.open(tmp_path / "kopie.lobcoder") as copy:
        before, after = snapshot(project), snapshot(copy)
    for key in before:
        assert after[key] == before[key], key
    # the text that came in with CRLF line breaks is stored and exported with \n only
    assert "\r" not in after["texts"]["Interview Bram (wave 2)"][0]  # type: ignore[index]


def test_import_then_export_keeps_guids_and_coded_text(project: ProjectStore, tmp_path: Path) -> None:
    first = tmp_path / "een.qdpx"
    export_qdpx(project, first)
    import_qdpx(first, tmp_path / "kopie.lobcoder")
    second = tmp_path / "twee.qdpx"
    with ProjectStore.open(tmp_path / "kopie.lobcoder") as copy:
        export_qdpx(copy, second)
    assert_valid(second)

    def guids_and_texts(path: Path) -> tuple[set[str], set[tuple[str, str, str]]]:
        root = qde_of(path)
        guids = {
            e.get("guid").lower()  # type: ignore[union-attr]
            for tag in ("User", "Code", "Variable", "Case", "TextSource", "Coding", "Note", "PlainTextSelection")
            for e in root.iter(f"{{{NS}}}{tag}")
        }
        coded = set()
        with zipfile.ZipFile(path) as archive:
            for source in root.iter(f"{{{NS}}}TextSource"):
                text = archive.read(f"sources/{source.get('guid')}.txt").decode("utf-8")
                for selection in source.iter(f"{{{NS}}}PlainTextSelection"):
                    piece = text[int(selection.get("startPosition")) : int(selection.get("endPosition"))]  # type: ignore[arg-type]
                    for coding in selection.iter(f"{{{NS}}}Coding"):
                        coded.add((coding.get("guid").lower(), source.get("name"), piece))  # type: ignore[union-attr]
        return guids, coded

    assert guids_and_texts(first) == guids_and_texts(second)


def test_import_refuses_to_overwrite_and_cancel_leaves_nothing(project: ProjectStore, tmp_path: Path) -> None:
    out = tmp_path / "export.qdpx"
    export_qdpx(project, out)
    existing = tmp_path / "bestaat.lobcoder"
    existing.write_bytes(b"keep me")
    with pytest.raises(ProjectExistsError):
        import_qdpx(out, existing)
    assert existing.read_bytes() == b"keep me"
    target = tmp_path / "nieuw.lobcoder"
    with pytest.raises(Cancelled):
        import_qdpx(out, target, cancelled=lambda: True)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["bron.lobcoder", "export.qdpx", "bestaat.lobcoder"])


def test_export_reports_progress_and_cancel_leaves_no_file(project: ProjectStore, tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    export_qdpx(project, tmp_path / "a.qdpx", progress=lambda d, t, label: seen.append((d, t, label)))
    assert seen[-1][0] == seen[-1][1] == 2
    with pytest.raises(Cancelled):
        export_qdpx(project, tmp_path / "b.qdpx", cancelled=lambda: True)
    assert not (tmp_path / "b.qdpx").exists()


# -- files written by other programs -------------------------------------------------

HEADER = '<?xml version="1.0" encoding="utf-8"?>\n'
USER = "5E2A9F7C-1D5B-4C1E-9A7E-2B3C4D5E6F70"
CODE = "7A1B2C3D-4E5F-4061-8273-9A8B7C6D5E4F"


def make_qdpx(path: Path, qde: str, files: dict[str, bytes] | None = None, qde_name: str = "project.qde") -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(qde_name, qde.encode("utf-8"))
        for name, data in (files or {}).items():
            archive.writestr(name, data)
    return path


def one_source_qde(origin: str, source_guid: str, selections: list[tuple[int, int, str | None]], path: str) -> str:
    parts = []
    for n, (start, end, name) in enumerate(selections):
        named = f' name="{name}"' if name is not None else ""
        parts.append(
            f'<PlainTextSelection guid="00000000-0000-4000-8000-00000000000{n}"{named} startPosition="{start}" '
            f'endPosition="{end}" creatingUser="{USER}"><Coding guid="00000000-0000-4000-8000-0000000001{n:02d}" '
            f'creatingUser="{USER}"><CodeRef targetGUID="{CODE}"/></Coding></PlainTextSelection>'
        )
    return (
        HEADER + f'<Project xmlns="urn:QDA-XML:project:1.0" name="Extern" origin="{origin}">'
        f'<Users><User guid="{USER}" name="Researcher"/></Users>'
        f'<CodeBook><Codes><Code guid="{CODE}" name="Thema" isCodable="true"/></Codes></CodeBook>'
        f'<Sources><TextSource guid="{source_guid}" name="Interview" plainTextPath="{path}">'
        + "".join(parts)
        + "</TextSource></Sources></Project>"
    )


def coded_texts(path: Path) -> list[str]:
    with ProjectStore.open(path) as store, store.read() as session:
        rows = session.execute(select(Coding, Document).join(Document)).all()
        return sorted(document.text[c.start : c.end] for c, document in rows)


def utf16(text: str, piece: str) -> tuple[int, int]:
    start = len(text[: text.index(piece)].encode("utf-16-le")) // 2
    return start, start + len(piece.encode("utf-16-le")) // 2


def test_nvivo_style_utf16_positions_after_emoji(tmp_path: Path) -> None:
    guid = "3B4C5D6E-7F80-4192-A3B4-C5D6E7F80911"
    text = "Docent: Ik vond het 😀 super, echt 🎉 een feest.\r\nLeerling: Ik ook, vooral de muziek."
    pieces = ["super", "een feest", "vooral de muziek"]
    selections = [(*utf16(text, p), None) for p in pieces]
    qdpx = make_qdpx(
        tmp_path / "nvivo.qdpx",
        one_source_qde("NVivo 14 (Windows)", guid, selections, f"internal://{guid}.txt"),
        {f"Sources/{guid}.txt": b"\xef\xbb\xbf" + text.encode("utf-8")},
    )
    report = import_qdpx(qdpx, tmp_path / "nvivo.lobcoder")
    assert coded_texts(tmp_path / "nvivo.lobcoder") == sorted(pieces)
    assert any("UTF-16 units (NVivo); converted" in n for n in map(str, report.notes))
    assert report.codings == 3 and report.coders == 1

    # Exported again, the GUIDs are the file's and the positions are code points over the stored text.
    with ProjectStore.open(tmp_path / "nvivo.lobcoder") as store:
        export_qdpx(store, tmp_path / "again.qdpx")
    root = assert_valid(tmp_path / "again.qdpx")
    source = root.find(f"{{{NS}}}Sources/{{{NS}}}TextSource")
    assert source is not None and source.get("guid") == guid.lower()
    assert {c.get("guid") for c in root.iter(f"{{{NS}}}Code")} == {CODE.lower()}
    assert USER.lower() in {u.get("guid") for u in root.iter(f"{{{NS}}}User")}
    codings = {c.get("guid"): c for c in root.iter(f"{{{NS}}}Coding")}
    assert set(codings) == {f"00000000-0000-4000-8000-0000000001{n:02d}" for n in range(3)}
    assert all(c.get("creatingUser") == USER.lower() for c in codings.values())
    with zipfile.ZipFile(tmp_path / "again.qdpx") as archive:
        stored = archive.read(f"sources/{guid.lower()}.txt").decode("utf-8")
    assert stored == normalize_text(text)
    selected = [
        stored[int(s.get("startPosition")) : int(s.get("endPosition"))]
        for s in source.iter(f"{{{NS}}}PlainTextSelection")
    ]  # type: ignore[arg-type]
    assert sorted(selected) == sorted(pieces)


def test_atlas_style_crlf_counted_once(tmp_path: Path) -> None:
    guid = "9C8B7A6D-5E4F-4321-8765-43210FEDCBA9"
    text = "I: Hoe gaat het?\r\nR: Goed, dank je.\r\nI: En op school?\r\nR: Druk, heel druk met toetsen."
    pieces = ["Druk, heel druk met toetsen.", "En op school?"]
    selections = []
    for piece in pieces:
        start = text.index(piece) - text[: text.index(piece)].count("\r\n")
        selections.append((start, start + len(piece), piece[:8] + "…"))
    qdpx = make_qdpx(
        tmp_path / "atlas.qdpx",
        one_source_qde("ATLAS.ti 9.1 (Windows)", guid, selections, f"internal://{guid}.txt"),
        {f"sources/{guid}.txt": text.encode("utf-8")},
        qde_name="Project.qde",
    )
    report = import_qdpx(qdpx, tmp_path / "atlas.lobcoder")
    assert coded_texts(tmp_path / "atlas.lobcoder") == sorted(pieces)
    assert any("CRLF line break counted once (ATLAS.ti); converted" in n for n in map(str, report.notes))


def test_inline_text_other_namespace_bare_paths_braces_and_empty_containers(tmp_path: Path) -> None:
    qde = (
        HEADER + '<Project xmlns="urn:QDA-XML:project:1:0" name="Oud">'
        "<Users/><Sets/>"
        f'<CodeBook><Codes><Code guid="{{{CODE}}}" name="Thema" isCodable="true" color="#0a0"/></Codes></CodeBook>'
        '<Sources><TextSource guid="11111111-2222-4333-8444-555555555555" name="Inline">'
        "<PlainTextContent>Een korte tekst over school.</PlainTextContent>"
        '<PlainTextSelection guid="11111111-2222-4333-8444-555555555556" startPosition="16" endPosition="28">'
        f'<Coding guid="11111111-2222-4333-8444-555555555557"><CodeRef targetGUID="{CODE.lower()}"/></Coding>'
        "</PlainTextSelection></TextSource>"
        '<TextSource guid="11111111-2222-4333-8444-555555555558" name="Kaal" plainTextPath="kaal.txt"/>'
        "</Sources></Project>"
    )
    qdpx = make_qdpx(tmp_path / "oud.qdpx", qde, {"Sources/kaal.txt": b"Tweede tekst."})
    report = import_qdpx(qdpx, tmp_path / "oud.lobcoder")
    assert (report.documents, report.codes, report.codings) == (2, 1, 1)
    assert coded_texts(tmp_path / "oud.lobcoder") == ["over school."]
    with ProjectStore.open(tmp_path / "oud.lobcoder") as store, store.read() as session:
        code = session.scalars(select(Code)).one()
        assert code.guid.lower() == CODE.lower() and code.color == "#00aa00"


def test_notes_with_several_targets_and_selections_without_codes_are_reported(tmp_path: Path) -> None:
    guid = "22222222-3333-4444-8555-666666666666"
    note = "44444444-5555-4666-8777-888888888888"
    qde = (
        HEADER + f'<Project xmlns="{NS}" name="Notities">'
        f'<CodeBook><Codes><Code guid="{CODE}" name="Thema" isCodable="true"><NoteRef targetGUID="{note}"/></Code>'
        "</Codes></CodeBook>"
        f'<Sources><TextSource guid="{guid}" name="Tekst"><PlainTextContent>Alpha beta gamma.</PlainTextContent>'
        '<PlainTextSelection guid="22222222-3333-4444-8555-666666666667" startPosition="0" endPosition="5">'
        "<Description>geen code</Description></PlainTextSelection>"
        '<PlainTextSelection guid="22222222-3333-4444-8555-666666666668" startPosition="6" endPosition="99">'
        f'<Coding guid="22222222-3333-4444-8555-666666666669"><CodeRef targetGUID="{CODE}"/></Coding>'
        "</PlainTextSelection>"
        f'<NoteRef targetGUID="{note}"/></TextSource></Sources>'
        f'<Notes><Note guid="{note}" name="Gedeeld"><PlainTextContent>Over beide.</PlainTextContent></Note>'
        '<Note guid="55555555-6666-4777-8888-999999999999" name="Los"><PlainTextContent>Vrij.</PlainTextContent>'
        "</Note></Notes></Project>"
    )
    report = import_qdpx(make_qdpx(tmp_path / "n.qdpx", qde), tmp_path / "n.lobcoder")
    assert report.codings == 0
    assert report.dropped["selections"] == 2
    assert any("copied to each" in n for n in map(str, report.notes))
    assert any("have no code" in n for n in map(str, report.notes))
    assert any("lie outside the text" in n for n in map(str, report.notes))
    with ProjectStore.open(tmp_path / "n.lobcoder") as store, store.read() as session:
        memos = {(m.code_id is not None, m.document_id is not None, m.text) for m in session.scalars(select(Memo))}
    assert memos == {(True, False, "Over beide."), (False, True, "Over beide."), (False, False, "Vrij.")}


def test_cases_typed_variables_whole_source_codes_links_and_legacy_text(tmp_path: Path) -> None:
    source, note = "66666666-7777-4888-8999-aaaaaaaaaaaa", "77777777-8888-4999-8aaa-bbbbbbbbbbbb"
    variables = {
        "leeftijd": ("Integer", "IntegerValue", "41"),
        "score": ("Float", "FloatValue", "7.25"),
        "gestart": ("DateTime", "DateTimeValue", "2021-09-01T08:30:00Z"),
        "mentor": ("Boolean", "BooleanValue", "true"),
        "rol": ("Text", "TextValue", "docent"),
    }
    declared = "".join(
        f'<Variable guid="88888888-0000-4000-8000-00000000000{n}" name="{name}" typeOfVariable="{kind}"/>'
        for n, (name, (kind, _, _)) in enumerate(variables.items())
    )
    values = "".join(
        f'<VariableValue><VariableRef targetGUID="88888888-0000-4000-8000-00000000000{n}"/>'
        f"<{tag}>{value}</{tag}></VariableValue>"
        for n, (_, (_, tag, value)) in enumerate(variables.items())
    )
    qde = (
        HEADER + f'<Project xmlns="{NS}" name="Casussen"><Description>Over de pilot.</Description>'
        f'<CodeBook><Codes><Code guid="{CODE}" name="Thema" isCodable="true"/></Codes></CodeBook>'
        f"<Variables>{declared}</Variables>"
        f'<Cases><Case guid="99999999-0000-4000-8000-000000000001" name="Docent 7"><Description>Ervaren.</Description>'
        f'{values}<SourceRef targetGUID="{source}"/></Case></Cases>'
        f'<Sources><TextSource guid="{source}" name="Oud bestand" plainTextPath="internal://oud.txt">'
        '<PlainTextSelection guid="66666666-7777-4888-8999-aaaaaaaaaaab" startPosition="8" endPosition="0">'
        "<Description>Waarom zo kort?</Description>"
        f'<Coding guid="66666666-7777-4888-8999-aaaaaaaaaaac"><CodeRef targetGUID="{CODE}"/></Coding>'
        "</PlainTextSelection>"
        f'<Coding guid="66666666-7777-4888-8999-aaaaaaaaaaad"><CodeRef targetGUID="{CODE}"/></Coding>'
        "</TextSource></Sources>"
        f'<Notes><Note guid="{note}" name="Koppeling"><PlainTextContent>Via een link.</PlainTextContent></Note></Notes>'
        f'<Links><Link guid="77777777-8888-4999-8aaa-bbbbbbbbbbbc" originGUID="{note}" targetGUID="{CODE}"/></Links>'
        "</Project>"
    )
    legacy = "Café één: het begin.".encode("cp1252")
    report = import_qdpx(make_qdpx(tmp_path / "c.qdpx", qde, {"sources/oud.txt": legacy}), tmp_path / "c.lobcoder")
    assert (report.participants, report.attributes, report.codings) == (1, 5, 2)
    notes = "\n".join(map(str, report.notes))
    assert "not UTF-8; read as cp1252" in notes
    assert "start after its end was turned around" in notes
    assert "only the date was kept" in notes and "kept as a category" in notes
    dutch = "\n".join(note.text("nl") for note in report.notes)  # as the Dutch interface shows them
    assert "bron Oud bestand: de tekst is geen UTF-8; gelezen als cp1252" in dutch
    assert "bron Oud bestand: een selectie waarvan het begin na het einde lag, is omgedraaid" in dutch
    assert "alleen de datum is bewaard" in dutch and "waar/onwaar-waarden bewaard als categorie" in dutch
    assert coded_texts(tmp_path / "c.lobcoder") == ["Café één", "Café één: het begin."]
    with ProjectStore.open(tmp_path / "c.lobcoder") as store, store.read() as session:
        document = session.scalars(select(Document)).one()
        assert document.text == "Café één: het begin."
        participant = session.scalars(select(Participant)).one()
        assert (participant.name, participant.description) == ("Docent 7", "Ervaren.")
        assert document.participant_id == participant.id
        got = {
            a.name: (a.type.value, v.number_value if v.number_value is not None else v.date_value or v.text_value)
            for v, a in session.execute(select(AttributeValue, Attribute).join(Attribute))
        }
        assert got == {
            "leeftijd": ("number", 41.0),
            "score": ("number", 7.25),
            "gestart": ("date", date(2021, 9, 1)),
            "mentor": ("category", "true"),
            "rol": ("text", "docent"),
        }
        memos = {
            (m.code_id is not None, m.coding_id is not None, m.document_id, m.text)
            for m in session.scalars(select(Memo))
        }
        assert memos == {
            (True, False, None, "Via een link."),
            (False, True, None, "Waarom zo kort?"),
            (False, False, None, "Over de pilot."),
        }


# -- hostile files -------------------------------------------------------------------

BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    f'<Project xmlns="{NS}" name="&lol3;"/>'
)
XXE = f'<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project xmlns="{NS}" name="&x;"/>'


@pytest.mark.parametrize("qde", [BOMB, XXE], ids=["entity-bomb", "xxe"])
def test_entities_and_dtds_are_refused_and_nothing_is_created(tmp_path: Path, qde: str) -> None:
    qdpx = make_qdpx(tmp_path / "evil.qdpx", qde)
    with pytest.raises(LobcoderError) as error:
        import_qdpx(qdpx, tmp_path / "evil.lobcoder")
    assert "DTD" in str(error.value) or "entit" in str(error.value).lower()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evil.qdpx"]


def test_zip_slip_member_is_refused(tmp_path: Path) -> None:
    qde = one_source_qde("x", "3B4C5D6E-7F80-4192-A3B4-C5D6E7F80911", [], "internal://a.txt")
    qdpx = make_qdpx(tmp_path / "slip.qdpx", qde, {"../../evil.txt": b"boo"})
    with pytest.raises(LobcoderError, match="outside the archive"):
        import_qdpx(qdpx, tmp_path / "slip.lobcoder")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slip.qdpx"]


def test_oversized_member_is_refused(tmp_path: Path) -> None:
    guid = "3B4C5D6E-7F80-4192-A3B4-C5D6E7F80911"
    qde = one_source_qde("x", guid, [], f"internal://{guid}.txt")
    qdpx = make_qdpx(tmp_path / "big.qdpx", qde, {f"sources/{guid}.txt": b"a" * 200_000})
    with pytest.raises(LobcoderError, match="refused"):
        import_qdpx(qdpx, tmp_path / "big.lobcoder", max_member_bytes=100_000)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.qdpx"]


def test_project_qde_is_unpacked_once_for_both_passes(project: ProjectStore, tmp_path: Path) -> None:
    # The zip-bomb limits count what is unpacked: project.qde must count once, not once per pass.
    out = tmp_path / "export.qdpx"
    export_qdpx(project, out)
    with zipfile.ZipFile(out) as archive:
        sizes = {info.filename: info.file_size for info in archive.infolist()}
    with QdpxFile.open(out) as qdpx:
        qdpx.structure()
        sources = list(qdpx.sources())
        unpacked = qdpx.archive.total_read
    assert len(sources) == 2 and all(s.raw_text and s.selections for s in sources)
    # project.qde and each source's text, each once (lobcoder/turns.jsonl is the import's, not the reader's)
    assert unpacked == sum(size for name, size in sizes.items() if name != "lobcoder/turns.jsonl")
    assert [s.raw_text for s in read_qdpx(out).sources] == [s.raw_text for s in sources]


def test_export_says_which_interviewer_marks_other_programs_lose(tmp_path: Path) -> None:
    """Teams names the interviewer 'Marieke Jansen'; she marked her as interviewer. REFI-QDA has no
    speakers: lobcoder keeps them in lobcoder/turns.jsonl, other programs do not read it. The export
    report says so, in English and Dutch, naming her; a lobcoder project made from the file keeps the mark."""
    text = normalize_text(
        "Marieke Jansen: Hoe begon je dag?\nAnna: Met koffie.\nMarieke Jansen: En daarna?\nAnna: Lesgeven.\n"
    )
    with ProjectStore.create(tmp_path / "p.lobcoder") as store, store.transaction() as session:
        names = frozenset({"Interviewer", "Marieke Jansen"})
        add_document(session, "teams", text, detect_turns(text), interviewer_names=names)
    with ProjectStore.open(tmp_path / "p.lobcoder") as store:
        report = export_qdpx(store, tmp_path / "p.qdpx")
    said = [note for note in report.notes if "Marieke Jansen" in str(note)]
    assert len(said) == 1 and "interviewer" in str(said[0]) and "Anna" not in str(said[0])
    assert "kept for lobcoder" in str(said[0]) and "ATLAS.ti/MAXQDA/NVivo do not read speakers" in str(said[0])
    assert "interviewer" in said[0].text("nl") and "bewaard voor lobcoder" in said[0].text("nl")
    import_qdpx(tmp_path / "p.qdpx", tmp_path / "back.lobcoder")
    with ProjectStore.open(tmp_path / "back.lobcoder") as store, store.read() as session:
        marked = set(session.scalars(select(Speaker.name).where(Speaker.is_interviewer.is_(True))))
    assert marked == {"Marieke Jansen"}  # kept for lobcoder


def test_export_has_no_speaker_note_when_only_usual_interviewer_labels_are_marked(tmp_path: Path) -> None:
    text = normalize_text(INTERVIEW_1)
    with ProjectStore.create(tmp_path / "p.lobcoder") as store, store.transaction() as session:
        add_document(session, "one", text, detect_turns(text))
    with ProjectStore.open(tmp_path / "p.lobcoder") as store:
        report = export_qdpx(store, tmp_path / "p.qdpx")
    assert not [note for note in report.notes if "interviewer" in str(note)]
