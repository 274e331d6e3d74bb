"""The demo project: built from package data, every part present, never left half-built."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from lobcoder.codebook.builtin import load_builtin_codebook
from lobcoder.demo import create_demo_project, default_demo_path
from lobcoder.demo.build import DEMO_NAME, DemoData, build_demo_project, find_quote, load_demo_data
from lobcoder.errors import ProjectError, ProjectExistsError
from lobcoder.participants.links import document_attributes, list_participants
from lobcoder.services.codebook_data import codebook_from_project
from lobcoder.services.codes import list_codes
from lobcoder.services.codings import codings_for_document
from lobcoder.services.documents import get_document, list_documents, project_info
from lobcoder.services.memos import MemoTarget, get_memo
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest.pipeline import load_pipeline
from lobcoder.suggest.ranking import suggest
from lobcoder.text.normalize import normalize_text

DOCUMENTS = {
    "docent1_marieke_ronde1": ("Marieke", "ROC Veenstroom", "docent", "1"),
    "docent1_marieke_ronde3": ("Marieke", "ROC Veenstroom", "docent", "3"),
    "docent2_joost_ronde1": ("Joost", "Meerwijk College", "docent", "1"),
    "docent3_samira_ronde3": ("Samira", "Meerwijk College", "docent", "3"),
    "teamleider1_ruud_ronde2": ("Ruud", "Meerwijk College", "teamleider", "2"),
    "contactpersoon1_annelies_ronde2": ("Annelies", "ROC Veenstroom", "contactpersoon", "2"),
}
THEMES = ["Collectief leren", "Transformationeel leiderschap", "Visie", "Communicatie"]
BAD_QUOTE = "Dit heeft niemand ooit gezegd"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProjectStore]:
    path = create_demo_project(tmp_path_factory.mktemp("demo") / "demo.lobcoder")
    store = ProjectStore.open(path)
    yield store
    store.close()


def _folder_contents(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _code_paths(store: ProjectStore) -> dict[int, tuple[str, ...]]:
    with store.read() as session:
        codes = list_codes(session)
    paths: dict[int, tuple[str, ...]] = {}
    for code in codes:  # parents come before their children
        paths[code.id] = (*paths[code.parent_id], code.name) if code.parent_id is not None else (code.name,)
    return paths


def _stored_codings(store: ProjectStore) -> list[tuple[str, tuple[str, ...], int, int, str, str | None]]:
    """(document, code path, start, end, coded text, coder) for every coding in the project."""
    paths = _code_paths(store)
    rows = []
    with store.read() as session:
        for summary in list_documents(session):
            text = get_document(session, summary.id).text
            for c in codings_for_document(session, summary.id):
                rows.append((summary.name, paths[c.code_id], c.start, c.end, text[c.start : c.end], c.coder))
    return rows


# -- building -----------------------------------------------------------------


def test_demo_is_a_named_project_with_everything_in_it(demo: ProjectStore) -> None:
    with demo.read() as session:
        info = project_info(session)
    assert info.name == DEMO_NAME
    assert (info.documents, info.participants, info.codes, info.coders, info.memos) == (6, 5, 23, 2, 4)
    assert 70 <= info.codings <= 90  # both coders code the two wave-1 interviews (inter-coder agreement)


def test_build_leaves_only_the_project_file(tmp_path: Path) -> None:
    assert create_demo_project(tmp_path / "demo.lobcoder") == tmp_path / "demo.lobcoder"
    assert _folder_contents(tmp_path) == ["demo.lobcoder"]  # no .building, -wal or -shm


def test_transcripts_are_imported_with_interviewer_and_respondent_turns(demo: ProjectStore) -> None:
    with demo.read() as session:
        documents = {d.name: d for d in list_documents(session)}
        assert set(documents) == set(DOCUMENTS)
        for name, (participant, *_rest) in DOCUMENTS.items():
            doc = get_document(session, documents[name].id)
            assert (doc.original_filename, doc.original_format) == (f"{name}.txt", "txt")
            assert doc.participant == participant
            assert {(t.speaker, t.is_interviewer) for t in doc.turns} == {("I", True), (participant, False)}
            assert len(doc.turns) >= 20
            # The header lines (title, school, "Duur: ...") belong to no turn.
            header = doc.text[: doc.turns[0].label_start]
            assert header.startswith("Interview ") and "ronde" in header.splitlines()[0]
            assert doc.turns[0].speaker == "I"
            assert 900 <= len(doc.text.split()) <= 1500


def test_label_like_header_lines_are_not_turns(demo: ProjectStore) -> None:
    with demo.read() as session:
        for name, line in [("docent3_samira_ronde3", "Duur: 49 minuten."), ("docent2_joost_ronde1", "Transcriptie: ")]:
            doc = next(d for d in list_documents(session) if d.name == name)
            view = get_document(session, doc.id)
            assert line in view.text[: view.turns[0].label_start]
            assert {t.speaker for t in view.turns} == {"I", DOCUMENTS[name][0]}


def test_participants_and_attributes_come_from_the_sheet(demo: ProjectStore) -> None:
    with demo.read() as session:
        participants = {p.name: p for p in list_participants(session)}
        assert set(participants) == {"Marieke", "Joost", "Samira", "Ruud", "Annelies"}
        assert participants["Marieke"].documents == ("docent1_marieke_ronde1", "docent1_marieke_ronde3")
        assert participants["Ruud"].attributes == {"school": "Meerwijk College", "role": "teamleider"}
        documents = {d.name: d.id for d in list_documents(session)}
        for name, (_participant, school, role, wave) in DOCUMENTS.items():
            assert document_attributes(session, documents[name]) == {"school": school, "role": role, "wave": wave}


def test_codes_are_the_research_codebook_with_definitions_and_keywords(demo: ProjectStore) -> None:
    with demo.read() as session:
        codes = list_codes(session)
        assert codebook_from_project(session).codes == load_builtin_codebook("nl").codes
    assert [c.name for c in codes if c.depth == 0] == THEMES
    assert all(c.definition and c.inclusion and c.exclusion and c.examples and c.keywords for c in codes)
    paths = set(_code_paths(demo).values())
    assert ("Collectief leren", "Samen oefenen met loopbaangesprekken") in paths
    assert ("Visie", "Visie van bovenaf") in paths


def test_every_sub_code_is_used_at_least_twice(demo: ProjectStore) -> None:
    with demo.read() as session:
        codes = list_codes(session)
    assert all(c.codings >= 2 for c in codes if c.depth == 1)


def test_keywords_suggest_codes_for_uncoded_passages(tmp_path: Path) -> None:
    path = create_demo_project(tmp_path / "demo.lobcoder")  # suggesting caches parses in the project
    with ProjectStore.open(path) as store:
        with store.read() as session:
            doc = next(d for d in list_documents(session) if d.name == "docent1_marieke_ronde1")
            text = get_document(session, doc.id).text
        found = suggest(store, doc.id, pipeline=load_pipeline(offline=True))
    assert found and all(s.sources == ("codebook",) for s in found)  # the demo ships no trained model
    wish = [s for s in found if "Maar echt samen oefenen, nee." in text[s.start : s.end]]
    assert "Samen oefenen met loopbaangesprekken" in [s.code_name for s in wish]
    assert any("keywords: samen oefenen" in s.reason for s in wish)


def test_every_coding_stores_exactly_its_quote(demo: ProjectStore) -> None:
    stored = sorted((doc, path, text, coder) for doc, path, _s, _e, text, coder in _stored_codings(demo))
    expected = sorted(
        (c["document"], tuple(c["code"]), normalize_text(c["quote"]), c["coder"]) for c in load_demo_data().codings
    )
    assert stored == expected


def test_offsets_stay_right_after_emoji(demo: ProjectStore) -> None:
    with demo.read() as session:
        samira = next(d for d in list_documents(session) if d.name == "docent3_samira_ronde3")
        text = get_document(session, samira.id).text
    astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
    assert len(astral) == 2  # 🎉 and 👍
    after = [row for row in _stored_codings(demo) if row[0] == samira.name and row[2] > astral[-1]]
    assert len(after) >= 3
    with_emoji = [row for row in _stored_codings(demo) if "👍" in row[4]]
    assert len(with_emoji) == 1 and with_emoji[0][4].endswith("reageerde met 👍.")


def test_quote_with_an_occurrence_codes_that_occurrence(demo: ProjectStore) -> None:
    ruud = [
        row for row in _stored_codings(demo) if row[0] == "teamleider1_ruud_ronde2" and row[4] == "Wat heb je nodig?"
    ]
    assert len(ruud) == 1
    with demo.read() as session:
        doc = next(d for d in list_documents(session) if d.name == "teamleider1_ruud_ronde2")
        text = get_document(session, doc.id).text
    assert ruud[0][2] == text.index("Wat heb je nodig?")  # the respondent's, not the interviewer's later one


def test_two_coders_with_overlapping_codings(demo: ProjectStore) -> None:
    rows = _stored_codings(demo)
    assert {row[5] for row in rows} == {"Fenna", "Sander"}
    overlaps = [
        (a, b)
        for i, a in enumerate(rows)
        for b in rows[i + 1 :]
        if a[0] == b[0] and a[1] != b[1] and a[2] < b[3] and b[2] < a[3]
    ]
    assert len(overlaps) >= 5
    assert any(a[5] != b[5] for a, b in overlaps)  # also across coders
    assert len({a[0] for a, _b in overlaps}) >= 4  # in most documents


def test_memos_on_project_document_code_and_coding(demo: ProjectStore) -> None:
    paths = {path: code_id for code_id, path in _code_paths(demo).items()}
    with demo.read() as session:
        documents = {d.name: d.id for d in list_documents(session)}
        assert "LOB in het mbo" in get_memo(session, MemoTarget("project"))
        assert "ronde 1" in get_memo(session, MemoTarget("document", documents["docent1_marieke_ronde3"]))
        assert get_memo(session, MemoTarget("code", paths[("Visie", "Visie van bovenaf")]))
        coded = codings_for_document(session, documents["docent3_samira_ronde3"])
        with_memo = [c for c in coded if c.memo]
        assert len(with_memo) == 1
        assert paths[("Transformationeel leiderschap", "Sturen en voorschrijven")] == with_memo[0].code_id
        assert with_memo[0].coder == "Sander"


# -- finding quotes -------------------------------------------------------------


def test_find_quote_returns_the_span() -> None:
    text = "Nou, ja. Eén ding: ‘samen 👍 oefenen’, ja."
    start, end = find_quote(text, "‘samen 👍 oefenen’")
    assert text[start:end] == "‘samen 👍 oefenen’"
    assert find_quote(text, "ja", occurrence=1) == (5, 7)
    assert find_quote(text, "ja", occurrence=2) == (len(text) - 3, len(text) - 1)


@pytest.mark.parametrize(
    ("quote", "occurrence", "message"),
    [
        (BAD_QUOTE, None, "not found"),
        ("ja", None, "occurs 2 times"),
        ("ja", 3, "no occurrence 3"),
        ("", None, "empty quote"),
    ],
)
def test_find_quote_fails_loudly(quote: str, occurrence: int | None, message: str) -> None:
    with pytest.raises(ValueError, match=message) as raised:
        find_quote("Nou ja, eh, ja.", quote, document="docent9", occurrence=occurrence)
    assert "docent9" in str(raised.value)
    assert repr(quote) in str(raised.value) or not quote


# -- failing and refusing -------------------------------------------------------


def _data_with_bad_quote() -> DemoData:
    data = load_demo_data()
    bad = {"document": "docent2_joost_ronde1", "code": ["Visie"], "quote": BAD_QUOTE, "coder": "Fenna"}
    return replace(data, codings=(*data.codings, bad))


def test_a_failing_build_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=BAD_QUOTE):
        build_demo_project(tmp_path / "demo.lobcoder", _data_with_bad_quote())
    assert _folder_contents(tmp_path) == []


def test_a_failing_overwrite_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "demo.lobcoder"
    path.write_bytes(b"the old demo")
    with pytest.raises(ValueError, match=BAD_QUOTE):
        build_demo_project(path, _data_with_bad_quote(), overwrite=True)
    assert _folder_contents(tmp_path) == ["demo.lobcoder"]
    assert path.read_bytes() == b"the old demo"


def test_missing_folder_is_refused_and_nothing_created(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="does not exist"):
        create_demo_project(tmp_path / "nope" / "demo.lobcoder")
    assert _folder_contents(tmp_path) == []


def test_existing_file_is_refused_unless_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "demo.lobcoder"
    path.write_bytes(b"something else")
    with pytest.raises(ProjectExistsError):
        create_demo_project(path)
    assert path.read_bytes() == b"something else"
    assert create_demo_project(path, overwrite=True) == path
    with ProjectStore.open(path) as store, store.read() as session:
        assert project_info(session).documents == 6
    assert _folder_contents(tmp_path) == ["demo.lobcoder"]


def test_a_folder_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "demo.lobcoder").mkdir()
    with pytest.raises(ProjectError, match="folder"):
        create_demo_project(tmp_path / "demo.lobcoder", overwrite=True)
    assert (tmp_path / "demo.lobcoder").is_dir()


# -- where the demo lives -------------------------------------------------------


def test_default_path_on_linux_honours_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_demo_path() == tmp_path / "data" / "lobcoder" / "demo.lobcoder"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")
    assert default_demo_path() == tmp_path / ".local" / "share" / "lobcoder" / "demo.lobcoder"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_demo_path() == tmp_path / ".local" / "share" / "lobcoder" / "demo.lobcoder"


def test_default_path_on_macos_and_windows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "darwin")
    assert default_demo_path() == tmp_path / "Library" / "Application Support" / "lobcoder" / "demo.lobcoder"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert default_demo_path() == tmp_path / "Roaming" / "lobcoder" / "demo.lobcoder"
