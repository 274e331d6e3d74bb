"""The research codebook: its data, putting it into a project, and the generated exchange files."""

from __future__ import annotations

import colorsys
import json
import re
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from lobcoder.codebook import generate
from lobcoder.codebook.builtin import (
    CodebookConflictError,
    add_codebook_to_project,
    create_project_with_codebook,
    load_builtin_codebook,
    load_builtin_info,
)
from lobcoder.errors import ProjectExistsError
from lobcoder.refi.qdc import read_qdc
from lobcoder.services.codebook_data import Codebook, CodebookCode, codebook_from_project
from lobcoder.services.codes import create_code, list_codes
from lobcoder.storage.project import ProjectStore
from lobcoder.util.shipped import shipped

REPO = Path(__file__).resolve().parents[2]
CODEBOOKS = REPO / "codebooks"
REFI = REPO / "tests" / "refi" / "data"
FIELDS = ("name", "description", "definition", "inclusion", "exclusion", "examples", "keywords")

# Projects and exported files refer to these codes by GUID: never change them.
STABLE_GUIDS = (
    "3d2557c3-c1c6-4543-9ff2-e43dd61eafb5",  # Collectief leren
    "098b7bec-f112-4019-b521-d25e316e1180",
    "ca497ad3-642c-4816-b10e-8b565d693360",
    "a7b7a76a-0218-449f-ba08-455159f469fc",
    "6b8a0f92-02c6-4bfa-a1fd-8071c29f376b",
    "4621f56c-1839-409c-b2fe-c76d6007df32",
    "91a230a8-091d-46af-9e29-84dbd0776d3d",  # Transformationeel leiderschap
    "68eb2ccb-b2c2-4803-92d6-9ed8a07a0533",
    "ed757617-2d12-4ba7-82a1-6a6b1d880957",
    "3e0e27d7-04ab-4343-bbf6-fc680ad38a74",
    "a681d585-18e3-4966-82df-a996bd9587a3",
    "30079fb4-77d2-4b88-bdf7-871be1245316",
    "d779260a-2db9-4e13-b160-b1e294ed3fa0",  # Visie
    "58329d0c-2619-4086-8fb9-a582402e5b06",
    "5d0ed08e-926f-4b41-8f05-a7402ec64061",
    "35c8542e-f9d7-47af-a8fb-70372e525642",
    "294b2b4f-0e67-4489-a9ce-a8532a2efb89",
    "563e7fa5-e655-40ad-825c-ddc853f7e32d",  # Communicatie
    "da69b816-de9b-47ec-b0e5-4466ac3d031d",
    "20f19cc3-0aed-49c8-bb59-51c1508d0265",
    "ccbfa142-3334-4e4a-b457-ece489ccce6a",
    "7f32f0f0-9214-469c-aa92-8c337a6aedb3",
    "d5c2ad28-0cc8-46f3-bbac-f557fd779caf",
)


def raw() -> dict[str, Any]:
    text = shipped("codebook", "lob_codebook.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def entries(codes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for code in codes:
        found.append(code)
        found += entries(code.get("children", []))
    return found


def shape(codebook: Codebook) -> list[tuple[tuple[int, ...], str, str]]:
    """(position path, guid, colour) of every code: what both languages must share."""
    result: list[tuple[tuple[int, ...], str, str]] = []

    def walk(codes: tuple[CodebookCode, ...], path: tuple[int, ...]) -> None:
        for index, code in enumerate(codes):
            result.append(((*path, index), code.guid, code.color))
            walk(code.children, (*path, index))

    walk(codebook.codes, ())
    return result


# -- the data ------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_code_has_every_field(language: str) -> None:
    for path, code in load_builtin_codebook(language).walk():  # type: ignore[arg-type]
        for field in FIELDS:
            assert getattr(code, field).strip(), f"{language} {' / '.join(path)}: {field} is empty"
        assert "\n" not in code.description, f"{code.name}: the description should be one line"
        assert len(code.examples.split("\n")) >= 2, f"{code.name}: give at least two examples"
        assert all(line.strip() for line in code.keywords.split("\n"))


def test_both_languages_share_guids_colours_and_structure() -> None:
    nl, en = load_builtin_codebook("nl"), load_builtin_codebook("en")
    assert shape(nl) == shape(en)
    for (_, dutch), (_, english) in zip(nl.walk(), en.walk(), strict=True):
        for field in ("name", "description", "definition", "inclusion", "exclusion", "examples"):
            assert getattr(dutch, field) != getattr(english, field), f"{english.name}: {field} is not translated"
        assert len(dutch.examples.split("\n")) == len(english.examples.split("\n")), dutch.name
        # The transcripts are Dutch: the English codebook keeps every Dutch keyword.
        assert set(dutch.keywords.split("\n")) <= set(english.keywords.split("\n")), english.name
        assert len(english.keywords.split("\n")) > len(dutch.keywords.split("\n")), english.name


def test_guids_are_unique_lower_case_uuid4_and_stable() -> None:
    guids = [guid for _, guid, _ in shape(load_builtin_codebook("nl"))]
    assert tuple(guids) == STABLE_GUIDS
    assert len(set(guids)) == len(guids)
    for guid in guids:
        assert guid == str(uuid.UUID(guid)) and uuid.UUID(guid).version == 4
    assert [code["guid"] for code in entries(raw()["codes"])] == guids


def test_four_themes_with_three_to_five_sub_codes() -> None:
    codebook = load_builtin_codebook("nl")
    assert [code.name for code in codebook.codes] == [
        "Collectief leren",
        "Transformationeel leiderschap",
        "Visie",
        "Communicatie",
    ]
    assert [code.name for code in load_builtin_codebook("en").codes] == [
        "Collective learning",
        "Transformational leadership",
        "Vision",
        "Communication",
    ]
    for theme in codebook.codes:
        assert 3 <= len(theme.children) <= 5, theme.name
        assert all(not child.children for child in theme.children)


def test_sub_codes_named_in_the_brief_are_there() -> None:
    names = {code.name for _, code in load_builtin_codebook("nl").walk()}
    assert {
        "Formele kennisoverdracht",
        "Samen oefenen met loopbaangesprekken",
        "Sturen en voorschrijven",
        "Stimuleren en ondersteunen",
        "Gedeelde visie",
        "Visie van bovenaf",
        "Onduidelijke doelen en eigen rol",
        "Structureel overleg",
        "Incidentele communicatie",
        "Informatie bereikt docenten niet",
    } <= names
    keywords = {word for _, code in load_builtin_codebook("nl").walk() for word in code.keywords.split("\n")}
    assert {"samen leren", "intervisie", "van elkaar leren", "loopbaangesprek oefenen", "draagvlak"} <= keywords


def _hue_lightness(color: str) -> tuple[float, float]:
    r, g, b = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, lightness, _ = colorsys.rgb_to_hls(r, g, b)
    return hue * 360, lightness


def _hue_distance(a: float, b: float) -> float:
    return min(abs(a - b), 360 - abs(a - b))


def test_each_theme_is_one_hue_family_with_lighter_children() -> None:
    themes = load_builtin_codebook("nl").codes
    for theme in themes:
        hue, lightness = _hue_lightness(theme.color)
        for child in theme.children:
            assert re.fullmatch(r"#[0-9a-f]{6}", child.color)
            child_hue, child_lightness = _hue_lightness(child.color)
            assert child_lightness > lightness, f"{child.name} should be lighter than {theme.name}"
            nearest = min(themes, key=lambda t: _hue_distance(child_hue, _hue_lightness(t.color)[0]))
            assert nearest is theme, f"{child.name} looks like {nearest.name}'s colour"
    assert len({code.color for _, code in load_builtin_codebook("nl").walk()}) == 23


@pytest.mark.parametrize("language", ["nl", "en"])
def test_exclusion_criteria_point_to_codes_that_exist(language: str) -> None:
    """Exclusion criteria say where a passage goes instead ("...: Code name."); those names must exist."""
    codebook = load_builtin_codebook(language)  # type: ignore[arg-type]
    names = {code.name for _, code in codebook.walk()}
    referenced = 0
    for _, code in codebook.walk():
        for match in re.finditer(r": ([A-Z][^.:;(]*)", code.exclusion):
            assert match.group(1).strip() in names, f"{code.name}: {match.group(1)!r} is not a code"
            referenced += 1
    assert referenced >= 40


def test_info_and_unknown_language() -> None:
    assert load_builtin_info("nl").title == "Codeboek LOB in het mbo"
    assert load_builtin_info("en").date == load_builtin_info("nl").date
    with pytest.raises(ValueError):
        load_builtin_codebook("de")  # type: ignore[arg-type]


# -- into a project ------------------------------------------------------------------


def test_create_project_with_codebook_gives_the_tree_with_rich_fields(tmp_path: Path) -> None:
    path = create_project_with_codebook(tmp_path / "studie.lobcoder", "nl", name="LOB-studie")
    assert path == tmp_path / "studie.lobcoder"
    expected = load_builtin_codebook("nl")
    with ProjectStore.open(path) as store, store.read() as session:
        infos = list_codes(session)
        assert [(info.depth, info.name) for info in infos] == [
            (len(names) - 1, code.name) for names, code in expected.walk()
        ]
        by_guid = {info.guid: info for info in infos}
        for _, code in expected.walk():
            info = by_guid[code.guid]
            assert (info.color, info.description) == (code.color, code.description)
            assert {field: getattr(info, field) for field in code.details()} == code.details()
        assert codebook_from_project(session).codes == expected.codes
    assert not list(tmp_path.glob("*.creating"))


def test_create_project_refuses_an_existing_file(tmp_path: Path) -> None:
    existing = tmp_path / "bestaand.lobcoder"
    existing.write_bytes(b"not mine")
    with pytest.raises(ProjectExistsError):
        create_project_with_codebook(existing, "en")
    assert existing.read_bytes() == b"not mine"


def test_adding_twice_is_refused_and_changes_nothing(store: ProjectStore) -> None:
    codebook = load_builtin_codebook("en")
    with store.transaction() as session:
        assert add_codebook_to_project(session, codebook) == 23
    with pytest.raises(CodebookConflictError, match="Collective learning"):
        with store.transaction() as session:
            add_codebook_to_project(session, load_builtin_codebook("nl"))  # same GUIDs, other names
    with store.read() as session:
        assert len(list_codes(session)) == 23


def test_a_top_level_name_clash_is_refused(store: ProjectStore) -> None:
    with store.transaction() as session:
        create_code(session, "Visie")
    with pytest.raises(CodebookConflictError, match="Visie"):
        with store.transaction() as session:
            add_codebook_to_project(session, load_builtin_codebook("nl"))
    with store.read() as session:
        assert [info.name for info in list_codes(session)] == ["Visie"]


def test_added_after_the_projects_own_codes(store: ProjectStore) -> None:
    with store.transaction() as session:
        create_code(session, "Eigen code")
        add_codebook_to_project(session, load_builtin_codebook("nl"))
    with store.read() as session:
        tops = [info.name for info in list_codes(session) if info.depth == 0]
    assert tops == ["Eigen code", "Collectief leren", "Transformationeel leiderschap", "Visie", "Communicatie"]


# -- the generated files in codebooks/ ----------------------------------------------------

needs_checkout = pytest.mark.skipif(not CODEBOOKS.is_dir(), reason="no codebooks/ folder (not a source checkout)")
VOLATILE = {"origin"}  # the .qdc origin names the lobcoder version


def canonical_xml(path: Path) -> bytes:
    root = etree.parse(str(path)).getroot()
    for element in root.iter():
        for name in VOLATILE & set(element.attrib):
            del element.attrib[name]
    return bytes(etree.tostring(root, method="c14n"))


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("codebooks")
    generate.generate(outdir)
    return outdir


@needs_checkout
@pytest.mark.parametrize("language", ["nl", "en"])
def test_checked_in_qdc_is_up_to_date(fresh: Path, language: str) -> None:
    name = f"lob_codebook_{language}.qdc"
    assert canonical_xml(CODEBOOKS / name) == canonical_xml(fresh / name), (
        f"codebooks/{name} is out of date: run python -m lobcoder.codebook.generate"
    )


@needs_checkout
def test_checked_in_documents_are_up_to_date(fresh: Path) -> None:
    for name in ("lob_codebook_nl.md", "lob_codebook_en.md", "README.md"):
        assert (CODEBOOKS / name).read_text(encoding="utf-8") == (fresh / name).read_text(encoding="utf-8"), name
    for name in ("lob_codebook_nl.docx", "lob_codebook_en.docx"):
        with zipfile.ZipFile(CODEBOOKS / name) as old, zipfile.ZipFile(fresh / name) as new:
            assert old.read("word/document.xml") == new.read("word/document.xml"), name


@needs_checkout
def test_readme_lists_every_generated_file() -> None:
    readme = (CODEBOOKS / "README.md").read_text(encoding="utf-8")
    files = sorted(path.name for path in CODEBOOKS.iterdir() if path.name != "README.md")
    assert files == sorted(f"lob_codebook_{lang}.{kind}" for lang in ("nl", "en") for kind in ("qdc", "docx", "md"))
    for name in files:
        assert f"({name})" in readme


@pytest.mark.parametrize("language", ["nl", "en"])
def test_qdc_is_valid_against_the_refi_schema(fresh: Path, language: str) -> None:
    schema = etree.XMLSchema(etree.parse(str(REFI / "Codebook.xsd")))
    document = etree.parse(str(fresh / f"lob_codebook_{language}.qdc"))
    assert schema.validate(document), schema.error_log


@pytest.mark.parametrize("language", ["nl", "en"])
def test_qdc_reads_back_losslessly(fresh: Path, language: str) -> None:
    codebook, notes = read_qdc(fresh / f"lob_codebook_{language}.qdc")
    assert notes == []
    assert codebook.codes == load_builtin_codebook(language).codes  # type: ignore[arg-type]


def test_generating_twice_gives_the_same_bytes(fresh: Path, tmp_path: Path) -> None:
    assert generate.main([str(tmp_path)]) == 0
    names = sorted(path.name for path in fresh.iterdir())
    assert names == sorted(path.name for path in tmp_path.iterdir())
    for name in names:
        assert (fresh / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_keywords_find_the_codes_own_examples() -> None:
    """The keyword rules that suggest codes (lobcoder.suggest) find each code in its prototypical quotes."""
    from lobcoder.suggest.cache import process_text
    from lobcoder.suggest.pipeline import load_pipeline
    from lobcoder.suggest.rules import RuleMatcher
    from lobcoder.suggest.units import document_units

    pipeline = load_pipeline()
    codes = [code for _, code in load_builtin_codebook("nl").walk()]
    matcher = RuleMatcher(pipeline, codes)
    missed = []
    for code in codes:
        found = 0
        for example in code.examples.split("\n"):
            processed = process_text(pipeline, example)
            hits = matcher.match(processed, document_units(example, processed, []))
            found += any(code.guid in unit for unit in hits)
        if not found:
            missed.append(code.name)
    assert missed == []
