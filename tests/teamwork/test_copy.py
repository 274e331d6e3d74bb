"""A copy for a second coder: the chosen documents, the whole codebook, the same GUIDs, and (blind) no coding."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from lobcoder.errors import NotFoundError, ProjectExistsError
from lobcoder.participants.links import all_document_attributes
from lobcoder.refi.qdpx_read import read_qdpx
from lobcoder.services.codebook_data import walk
from lobcoder.storage.models import Code, Coder, Coding, Document, Memo, Participant, ProjectSetting
from lobcoder.storage.project import ProjectStore
from lobcoder.teamwork.copy import prepare_copy
from lobcoder.teamwork.sample import allocate, choose_named, choose_sample, sample_size, sample_with_strata
from tests.teamwork.helpers import SECRET, build_project


@pytest.fixture
def project(tmp_path: Path) -> ProjectStore:
    store = build_project(tmp_path / "main.lobcoder")
    yield store
    store.close()


def guids(store: ProjectStore, model: type) -> set[str]:
    with store.read() as session:
        return set(session.scalars(select(model.guid)))


def test_blind_copy_has_the_chosen_documents_the_codebook_and_no_coding(project: ProjectStore, tmp_path: Path) -> None:
    with project.read() as session:
        chosen = choose_named(session, ["Interview 2", "Interview 3"])
    report = prepare_copy(project, tmp_path / "ilse.lobcoder", [c.document_id for c in chosen])

    assert report.documents == ("Interview 2", "Interview 3")
    assert (report.codes, report.codings, report.participants) == (4, 0, 2)
    with ProjectStore.open(tmp_path / "ilse.lobcoder") as copy, copy.read() as session:
        assert guids(copy, Code) == guids(project, Code)
        assert guids(copy, Coder) == set()  # no names of the coders she is compared with
        with project.read() as original:
            wanted = set(original.scalars(select(Document.guid).where(Document.name.in_(report.documents))))
        assert set(session.scalars(select(Document.guid))) == wanted
        assert session.scalar(select(Coding.id)) is None
        # Only the code memo (codebook guidance) stays; the first coder's document memo is gone.
        assert list(session.scalars(select(Memo.text))) == ["Waarom iemand een opleiding kiest."]
        assert sorted(session.scalars(select(Participant.name))) == ["Bram", "Cees"]
        assert sorted(v["wave"] for v in all_document_attributes(session).values()) == ["1", "2"]
        name = session.scalar(select(ProjectSetting.value).where(ProjectSetting.key == "name"))
        assert name == "main (second coder)"
    # Blind means blind: no trace of what was deleted is left in the file's free pages.
    data = (tmp_path / "ilse.lobcoder").read_bytes()
    assert SECRET.encode() not in data
    assert b"Mijn oom werkt" not in data  # Interview 1 was not chosen


def test_copy_with_codings_keeps_them_with_their_guids(project: ProjectStore, tmp_path: Path) -> None:
    with project.read() as session:
        chosen = choose_named(session, ["Interview 2"])
        wanted = set(
            session.scalars(
                select(Coding.guid)
                .join(Document, Coding.document_id == Document.id)
                .where(Document.name == "Interview 2")
            )
        )
    report = prepare_copy(project, tmp_path / "open.lobcoder", [chosen[0].document_id], blind=False)
    assert report.codings == 2
    with ProjectStore.open(report.path) as copy:
        assert guids(copy, Coding) == wanted
        with copy.read() as session:
            assert SECRET in "".join(session.scalars(select(Memo.text)))


def test_copy_also_as_qdpx_holds_the_same_documents_and_codebook(project: ProjectStore, tmp_path: Path) -> None:
    with project.read() as session:
        chosen = choose_named(session, ["Interview 1", "Interview 4"])
    report = prepare_copy(project, tmp_path / "c.lobcoder", [c.document_id for c in chosen], qdpx=tmp_path / "c.qdpx")
    content = read_qdpx(report.qdpx or "")
    assert sorted(s.name for s in content.sources) == ["Interview 1", "Interview 4"]
    assert sum(len(s.selections) for s in content.sources) == 0
    assert {code.guid for _, code in walk(content.codes)} == guids(project, Code)


def test_an_existing_file_is_never_overwritten(project: ProjectStore, tmp_path: Path) -> None:
    target = tmp_path / "taken.lobcoder"
    target.write_bytes(b"mine")
    with pytest.raises(ProjectExistsError, match="taken.lobcoder"):
        prepare_copy(project, target, [1])
    assert target.read_bytes() == b"mine"
    (tmp_path / "free.qdpx").write_bytes(b"theirs")
    with pytest.raises(ProjectExistsError, match="free.qdpx"):
        prepare_copy(project, tmp_path / "free.lobcoder", [1], qdpx=tmp_path / "free.qdpx")
    assert (tmp_path / "free.qdpx").read_bytes() == b"theirs"
    (tmp_path / "free.qdpx").unlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["main.lobcoder", "taken.lobcoder"]


def test_the_sample_is_stratified_seeded_and_reproducible(project: ProjectStore) -> None:
    with project.read() as session:
        first = choose_sample(session, 50, "wave", seed=7)
        again = choose_sample(session, 50, "wave", seed=7)
        others = {tuple(c.name for c in choose_sample(session, 50, "wave", seed=s)) for s in range(20)}
        with pytest.raises(NotFoundError, match="'golf'"):
            choose_sample(session, 50, "golf")
        with pytest.raises(ValueError, match="0 %"):
            choose_sample(session, 0)
    assert first == again
    assert sorted(c.stratum for c in first) == ["1", "2"]  # one from each wave
    assert len(others) > 1  # the seed matters


def test_a_sample_too_small_for_every_stratum_names_the_strata_left_out(project: ProjectStore) -> None:
    with project.read() as session:
        chosen, missed = sample_with_strata(session, 25, "wave", seed=7)  # one of four interviews
        assert len(chosen) == 1 and missed == [w for w in ("1", "2") if w != chosen[0].stratum]
        assert sample_with_strata(session, 50, "wave", seed=7)[1] == []
        assert sample_with_strata(session, 25, None, seed=7)[1] == []  # not stratified: no strata to miss


def test_allocation_is_proportional_and_sums_to_the_sample() -> None:
    assert sample_size(200, 20) == 40
    assert sample_size(3, 10) == 1
    shares = allocate({"1": 90, "2": 70, "3": 40}, 40)
    assert shares == {"1": 18, "2": 14, "3": 8}
    shares = allocate({"a": 5, "b": 5, "c": 5}, 4)
    assert sum(shares.values()) == 4 and shares == {"a": 2, "b": 1, "c": 1}


def test_a_dutch_copy_is_named_for_the_tweede_codeur(project: ProjectStore, tmp_path: Path) -> None:
    """The supervisor opens the copy and sees its name in the window title: Dutch when the copy was made in Dutch."""
    from lobcoder.cli.main import main

    project.close()
    out = tmp_path / "begeleider.lobcoder"
    assert main(["team", "copy", str(project.path), "--out", str(out), "--language", "nl"]) == 0
    with ProjectStore.open(out) as copy, copy.read() as session:
        name = session.scalar(select(ProjectSetting.value).where(ProjectSetting.key == "name"))
    assert name == "main (tweede codeur)"


def test_the_steps_shown_while_copying_speak_her_language(project: ProjectStore, tmp_path: Path) -> None:
    """The window's progress dialog shows each step under its title; in Dutch it said 'copying the project'."""
    with project.read() as session:
        chosen = [c.document_id for c in choose_named(session, ["Interview 2"])]
    seen: list[str] = []
    prepare_copy(project, tmp_path / "b.lobcoder", chosen, language="nl", progress=lambda *a: seen.append(a[2]))
    assert seen[:4] == [
        "het project kopiëren",
        "weghalen wat de tweede codeur niet mag zien",
        "comprimeren",
        "afronden",
    ]


def test_blind_copy_holds_no_trace_of_the_first_coder_in_any_table(project: ProjectStore, tmp_path: Path) -> None:
    """Every cell of every table of the blind copy, read with sqlite3: no coder name, no coding of hers."""
    import sqlite3

    from lobcoder.importing.speakers import detect_turns
    from lobcoder.services.documents import add_document
    from lobcoder.services.memos import MemoTarget, set_memo

    with project.transaction() as session:
        keuze = session.scalars(select(Code.id).where(Code.name == "Keuze")).one()
        sander = session.scalars(select(Coder.id).where(Coder.name == "Sander")).one()
        set_memo(session, MemoTarget("code", keuze), "Keuze: ook twijfel meenemen.", sander)
        text = "Interviewer: Wie hielp je?\nFemke: Mijn zus hielp mij kiezen."
        add_document(session, "Interview 5", text, detect_turns(text))
    with project.read() as session:
        first = {
            (guid, row_id)
            for guid, row_id in session.execute(
                select(Coding.guid, Coding.id).join(Coder).where(Coder.name == "Sander")
            )
        }
        chosen = choose_named(session, ["Interview 2", "Interview 3"])
    assert first
    path = tmp_path / "ilse.lobcoder"
    prepare_copy(project, path, [c.document_id for c in chosen])
    connection = sqlite3.connect(path)
    try:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        cells = {
            table: [cell for row in connection.execute(f'SELECT * FROM "{table}"') for cell in row] for table in tables
        }
        columns = {
            table: [column[1] for column in connection.execute(f'PRAGMA table_info("{table}")')] for table in tables
        }
        coding_ids = {
            (table, column): {row[0] for row in connection.execute(f'SELECT "{column}" FROM "{table}"')}
            for table in tables
            for column in columns[table]
            if column == "coding_id"
        }
        memo_authors = list(connection.execute("SELECT coder_id, text FROM memos"))
        speakers = sorted(name for (name,) in connection.execute("SELECT name FROM speakers"))
        covered = {n for (n,) in connection.execute("SELECT covered FROM documents")}
    finally:
        connection.close()
    assert "codings" in tables and "memos" in tables and "coders" in tables
    for table, values in cells.items():
        text = [str(value) for value in values if isinstance(value, str)]
        assert not any("Sander" in value for value in text), table
        assert not {guid for guid, _id in first} & set(text), table
    assert cells["coders"] == [] and cells["codings"] == []
    assert all(ids <= {None} for ids in coding_ids.values())  # no memo on one of her codings
    # The codebook's memo stays, without its author; the coverage her codings gave the documents is gone.
    assert memo_authors == [(None, "Keuze: ook twijfel meenemen.")]
    assert covered == {0}
    assert "Femke" not in speakers  # she speaks only in Interview 5, not chosen
    assert b"Sander" not in path.read_bytes() and b"Femke" not in path.read_bytes()


def test_copy_keeps_only_decisions_on_names_it_still_holds(project: ProjectStore, tmp_path: Path) -> None:
    """A pseudonymisation decision on a name found only in a document not copied is left out of the copy."""
    import sqlite3

    from lobcoder.pseudonymise.categories import Category
    from lobcoder.pseudonymise.decisions import load_decisions, save_decisions
    from lobcoder.pseudonymise.termlist import Decision

    decisions = [
        Decision("Anna", Category.PERSON, "Deelnemer 1"),  # speaker of Interview 1 only: not copied
        Decision("Bram", Category.PERSON, "Deelnemer 2"),  # speaker and participant of Interview 2
        Decision("Mentor", Category.PERSON, "", accepted=False),  # in the text of Interview 2 and 3 (any case)
        Decision("zorg", Category.ORGANISATION, "Sector A"),  # in Interview 1's text only
    ]
    with project.transaction() as session:
        save_decisions(session, decisions)
    with project.read() as session:
        chosen = choose_named(session, ["Interview 2", "Interview 3"])
    for blind in (True, False):
        path = tmp_path / f"copy-{blind}.lobcoder"
        prepare_copy(project, path, [c.document_id for c in chosen], blind=blind)
        connection = sqlite3.connect(path)
        try:
            dump = "\n".join(connection.iterdump())
            terms = sorted(term for (term,) in connection.execute("SELECT term FROM pseudonym_decisions"))
        finally:
            connection.close()
        assert terms == ["Bram", "Mentor"]
        assert "Anna" not in dump and "Sector A" not in dump
        assert b"Anna" not in path.read_bytes()  # nor in the file's free pages
        with ProjectStore.open(path) as copy, copy.read() as session:
            assert [d.term for d in load_decisions(session)] == ["Bram", "Mentor"]
    with project.read() as session:  # the original keeps them all
        assert len(load_decisions(session)) == 4
