"""Real exports from ATLAS.ti and MAXQDA import, and export again as valid REFI-QDA."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree
from sqlalchemy import func, select

from lobcoder.refi.qdpx_export import export_qdpx
from lobcoder.refi.qdpx_import import import_qdpx
from lobcoder.storage.models import Code, Coder, Document, Memo
from lobcoder.storage.project import ProjectStore

SHARED = Path(__file__).resolve().parent / "data"
SAMPLES = SHARED / "samples"
NS = "urn:QDA-XML:project:1.0"


def sample(name: str) -> Path:
    return SAMPLES / name


def assert_valid(path: Path) -> etree._Element:
    schema = etree.XMLSchema(etree.parse(str(SHARED / "Project.xsd")))
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    assert schema.validate(root), schema.error_log
    return root


def test_atlas_ti_project_without_media_reports_what_is_missing(tmp_path: Path) -> None:
    report = import_qdpx(sample("atlasti8_mac_refi_standard_project_nomedia.qdpx"), tmp_path / "atlas.lobcoder")
    assert report.codes == 14 and report.coders == 3
    assert report.documents == 0 and report.codings == 0
    notes = "\n".join(map(str, report.notes))
    for name in ("Mabel.txt", "Simon.docx", "Mabêl 2ième.txt"):
        assert f"source {name}: text file missing, not imported" in notes
    for name in ("cornflakes-n-milk.jpg", "Kellogg's Passion for Nutrition.pdf", "Jeanine's Breakfast.m4a"):
        assert f"source {name}: media file missing, not imported" in notes
    assert "16 set(s) not imported" in notes
    assert "'::' (ATLAS.ti style) were made into sub-codes" in notes
    assert report.dropped["sources"] == 12 and report.dropped["sets"] == 16
    with ProjectStore.open(tmp_path / "atlas.lobcoder") as store, store.read() as session:
        coke = session.scalars(select(Code).where(Code.name == "Coke")).one()
        assert sorted(c.name for c in coke.children) == ["diet Coke", "full-fat Coke"]
        assert coke.guid == "7496ba52-9c8d-4396-8fab-cc438614e453"
        assert coke.description == "the breakfast of champions"
        assert {c.name for c in session.scalars(select(Coder))} == {
            "ATLAS.ti",
            "Friedrich Markgraf",
            "Sebastian Petrausch",
        }
        # The two free-standing notes become the project memo.
        memo = session.scalars(select(Memo)).one()
        assert "Research Plan" in memo.text and "Director’s cut" in memo.text
        store_path = store.path
    out = tmp_path / "atlas.qdpx"
    with ProjectStore.open(store_path) as store:
        export_qdpx(store, out)
    root = assert_valid(out)
    assert root.find(f"{{{NS}}}Sources") is None  # an empty container would be invalid


def test_maxqda_project_imports_all_codes_and_texts(tmp_path: Path) -> None:
    path = sample("maxqda24_icls_themes_project.qdpx")
    with zipfile.ZipFile(path) as archive:
        texts = {
            Path(name).stem.lower(): archive.read(name).decode("utf-8-sig")
            for name in archive.namelist()
            if name.lower().startswith("sources/")
        }
    assert len(texts) == 10
    report = import_qdpx(path, tmp_path / "maxqda.lobcoder")
    assert (report.documents, report.codes, report.coders, report.codings) == (10, 307, 1, 0)
    assert report.dropped == {"sets": 2}
    with ProjectStore.open(tmp_path / "maxqda.lobcoder") as store:
        with store.read() as session:
            documents = {d.guid: d for d in session.scalars(select(Document))}
            assert {guid: d.text for guid, d in documents.items()} == texts  # no CRLF, no BOM: stored as is
            assert "ICLS 2024 3-10" in {d.name for d in documents.values()}
            top = session.scalar(select(func.count()).select_from(Code).where(Code.parent_id.is_(None)))
            assert top is not None and 0 < top < 307
        out = tmp_path / "maxqda.qdpx"
        export_qdpx(store, out)
    root = assert_valid(out)
    assert len(root.findall(f".//{{{NS}}}Code")) == 307
    with zipfile.ZipFile(out) as archive:
        for guid, text in texts.items():
            assert archive.read(f"sources/{guid}.txt").decode("utf-8") == text
