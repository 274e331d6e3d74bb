"""The exchange commands end to end: new --codebook, codebook export|import, project export|import."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import docx
from lxml import etree

from lobcoder.__main__ import main
from lobcoder.services.codes import list_codes
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document, list_documents
from lobcoder.storage.project import ProjectStore

SCHEMAS = Path(__file__).resolve().parents[1] / "refi" / "data"
TEXT = "I: Hoe gaat het?\nAnna: Docenten leren samen 😀 van elkaar, café-overleg elke week.\n"


def run(*args: str | Path) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main([str(a) for a in args])
    return code, out.getvalue()


def code_names(path: Path) -> dict[str, str]:
    with ProjectStore.open(path) as store, store.read() as session:
        return {c.name: c.definition for c in list_codes(session)}


def test_new_project_starts_from_the_research_codebook(tmp_path: Path) -> None:
    code, out = run("new", tmp_path / "nl", "--codebook", "nl")
    assert code == 0
    assert "with 23 codes" in out
    names = code_names(tmp_path / "nl.lobcoder")
    assert {"Collectief leren", "Transformationeel leiderschap", "Visie", "Communicatie"} <= set(names)
    assert names["Collectief leren"]  # the definition came along

    code, _ = run("new", tmp_path / "en.lobcoder", "--codebook", "en")
    assert code == 0
    assert "Collective learning" in code_names(tmp_path / "en.lobcoder")


def test_codebook_export_is_valid_and_imports_into_an_empty_project(tmp_path: Path) -> None:
    run("new", tmp_path / "source", "--codebook", "nl")
    assert run("codebook", "export", tmp_path / "source.lobcoder", "--out", tmp_path / "cb.qdc")[0] == 0
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "Codebook.xsd")))
    assert schema.validate(etree.parse(str(tmp_path / "cb.qdc")))

    run("new", tmp_path / "target")
    code, out = run("codebook", "import", tmp_path / "target.lobcoder", tmp_path / "cb.qdc", "--dry-run")
    assert code == 0 and "dry run: nothing changed" in out
    assert code_names(tmp_path / "target.lobcoder") == {}

    code, out = run("codebook", "import", tmp_path / "target.lobcoder", tmp_path / "cb.qdc", "--json")
    assert code == 0
    assert json.loads(out)["applied"] is True
    assert code_names(tmp_path / "target.lobcoder") == code_names(tmp_path / "source.lobcoder")


def test_codebook_export_of_one_branch_to_word_and_markdown(tmp_path: Path) -> None:
    run("new", tmp_path / "p", "--codebook", "nl")
    project = tmp_path / "p.lobcoder"
    code, out = run("codebook", "export", project, "--out", tmp_path / "visie.md", "--branch", "visie")
    assert code == 0
    markdown = (tmp_path / "visie.md").read_text(encoding="utf-8")
    assert "Visie" in markdown and "Collectief leren" not in markdown

    code, _ = run("codebook", "export", project, "--out", tmp_path / "cb.docx", "--language", "nl", "--counts")
    assert code == 0
    cells = {
        cell.text
        for table in docx.Document(str(tmp_path / "cb.docx")).tables
        for row in table.rows
        for cell in row.cells
    }
    assert any("Collectief leren" in text for text in cells)

    assert run("codebook", "export", project, "--out", tmp_path / "cb.txt")[0] == 2
    assert run("codebook", "export", project, "--out", tmp_path / "x.qdc", "--branch", "bestaat niet")[0] == 2


def test_hostile_codebook_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    run("new", tmp_path / "p")
    hostile = tmp_path / "evil.qdc"
    hostile.write_text(
        '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="a0000000-0000-0000-0000-000000000001" '
        'name="&b;" isCodable="true"/></Codes></CodeBook>',
        encoding="utf-8",
    )
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["codebook", "import", str(tmp_path / "p.lobcoder"), str(hostile)])
    assert code == 2
    assert "evil.qdc" in err.getvalue()
    assert code_names(tmp_path / "p.lobcoder") == {}


def test_project_round_trip_through_qdpx_keeps_text_and_codings(tmp_path: Path) -> None:
    project = tmp_path / "p.lobcoder"
    run("new", project, "--codebook", "nl")
    with ProjectStore.open(project) as store, store.transaction() as session:
        ref = add_document(session, "Anna_w1", TEXT)
        codes = {c.name: c.id for c in list_codes(session)}
        start = TEXT.index("Docenten")
        add_coding(session, ref.id, codes["Collectief leren"], start, TEXT.index("elkaar") + len("elkaar"), coder="ik")
    assert run("project", "export", project, "--out", tmp_path / "p.qdpx")[0] == 0
    code, out = run("project", "import", tmp_path / "p.qdpx", "--out", tmp_path / "back.lobcoder")
    assert code == 0 and "Created" in out
    with ProjectStore.open(tmp_path / "back.lobcoder") as store, store.read() as session:
        (document,) = list_documents(session)
        assert document.name == "Anna_w1"
        codes_back = {c.name: c for c in list_codes(session)}
        assert len(codes_back) == 23
        assert codes_back["Collectief leren"].codings == 1


def test_project_import_speaks_dutch_when_asked(tmp_path: Path) -> None:
    """The notes of an import (here: a .qdpx from an older lobcoder, without its speaker turns) in Dutch."""
    import zipfile

    project = tmp_path / "p.lobcoder"
    run("new", project)
    with ProjectStore.open(project) as store, store.transaction() as session:
        add_document(session, "Anna_w1", TEXT)
    assert run("project", "export", project, "--out", tmp_path / "p.qdpx")[0] == 0
    with zipfile.ZipFile(tmp_path / "p.qdpx") as old, zipfile.ZipFile(tmp_path / "oud.qdpx", "w") as new:
        for info in old.infolist():
            if info.filename != "lobcoder/turns.jsonl":
                new.writestr(info.filename, old.read(info))

    code, out = run("project", "import", tmp_path / "oud.qdpx", "--out", tmp_path / "nl.lobcoder", "--language", "nl")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == f"{tmp_path / 'nl.lobcoder'} gemaakt uit {tmp_path / 'oud.qdpx'}"
    assert lines[1].startswith("opmerking: oud.qdpx is gemaakt door een oudere lobcoder zonder sprekersinformatie")
    code, out = run("project", "import", tmp_path / "oud.qdpx", "--out", tmp_path / "en.lobcoder")
    assert out.splitlines()[1].startswith("note: oud.qdpx was written by an older lobcoder without speaker")
