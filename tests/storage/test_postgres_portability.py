"""The same researcher's steps on a project file (SQLite) and on PostgreSQL give the same results.

The PostgreSQL half runs only when ``LOBCODER_TEST_POSTGRES_URL`` names an
empty database to use (``postgresql+psycopg://user:password@host:port/db``);
the schema is made there by the project's Alembic migrations and every table
is dropped again afterwards. The SQLite half always runs, so the scenario
itself cannot rot. See docs/POSTGRESQL.md.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from server_projects import drop_everything
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from lobcoder.agreement.compute import agreement
from lobcoder.analysis.cooccurrence import cooccurrence
from lobcoder.analysis.dataset import load_dataset
from lobcoder.analysis.drill_down import passages
from lobcoder.analysis.frequencies import frequencies
from lobcoder.editing.code_commands import DeleteCode
from lobcoder.errors import Refused, StorageProblem
from lobcoder.participants.apply import apply_plan
from lobcoder.participants.links import all_document_attributes, list_participants
from lobcoder.participants.plan import plan_sheet
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.decisions import load_decisions, save_decisions
from lobcoder.pseudonymise.termlist import Decision
from lobcoder.refi.qdpx_export import export_qdpx
from lobcoder.refi.qdpx_import import import_qdpx
from lobcoder.search import pieces, staged
from lobcoder.search.fulltext import search
from lobcoder.services.batch_import import import_files
from lobcoder.services.codes import code_counts, create_code, get_code, list_codes
from lobcoder.services.codings import add_coding, coded_share, codings_for_document, resize_coding, segments
from lobcoder.services.documents import get_document, list_documents, list_speakers, project_info
from lobcoder.services.memos import MemoTarget, get_memo, set_memo
from lobcoder.services.speakers import rename_speaker, set_interviewers
from lobcoder.storage.project import NotOnServer, ProjectStore
from lobcoder.suggest.store import latest_model, load_cached, save_cached, save_model
from lobcoder.teamwork.copy import prepare_copy
from lobcoder.teamwork.merge import merge_other, read_other

POSTGRES_URL = os.environ.get("LOBCODER_TEST_POSTGRES_URL")

_TXT = (
    "I: Hoe kijk je terug op de loopbaanbegeleiding?\n"
    "Anna: De coördinatie was goed. Mijn mentor hielp bij de stagekeuze.\n"
    "I: En je ouders?\n"
    "Anna: Mijn ouders praatten mee over de opleiding; de coördinator ook.\n"
)
_DOCX = [
    "I: Wat vond je van de stage?",
    "Bram: De stage was leerzaam. Mijn mentor was er niet vaak.",
    "I: Sprak je over je loopbaan?",
    "Bram: Ja, over mijn loopbaan en over een vervolgopleiding.",
]


def _write_files(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    txt = folder / "Anna_w1.txt"
    txt.write_text(_TXT, encoding="utf-8")
    document = docx.Document()
    for line in _DOCX:
        document.add_paragraph(line)
    path = folder / "Bram_w1.docx"
    document.save(str(path))
    lower = folder / "ans_w1.txt"  # sorts after "Bram_w1" by code point (SQLite), before it under en_US
    lower.write_text("I: Nog iets?\nAns: Nee.\nI: Zeker?\nAns: Ja, zeker.\n", encoding="utf-8")
    return [txt, path, lower]


def _at(text_: str, phrase: str) -> tuple[int, int]:
    start = text_.index(phrase)
    return start, start + len(phrase)


def run_scenario(store: ProjectStore, folder: Path) -> dict[str, Any]:
    """Import, code by two coders, analyse, search and store a suggestion model; every result as plain values."""
    results: dict[str, Any] = {}
    report = import_files(store, _write_files(folder))
    results["import"] = [(Path(r.path).name, r.status, r.characters, r.turns) for r in report.results]
    with store.transaction() as session:
        mentor = create_code(session, "Mentor")
        family = create_code(session, "Ouders")
        school = create_code(session, "School")
        stage = create_code(session, "Stage", school.id, description="Keuze en ervaring")
        docs = {d.name: d.id for d in list_documents(session)}
        anna, bram = docs["Anna_w1"], docs["Bram_w1"]
        anna_text = get_document(session, anna).text
        bram_text = get_document(session, bram).text
        for coder in ("Fenna", "Sander"):
            add_coding(session, anna, mentor.id, *_at(anna_text, "Mijn mentor hielp bij de stagekeuze."), coder=coder)
            add_coding(session, anna, stage.id, *_at(anna_text, "stagekeuze"), coder=coder)
            add_coding(session, bram, stage.id, *_at(bram_text, "De stage was leerzaam."), coder=coder)
        add_coding(session, anna, family.id, *_at(anna_text, "Mijn ouders praatten mee"), coder="Fenna")
        add_coding(session, bram, mentor.id, *_at(bram_text, "Mijn mentor was er niet vaak."), coder="Sander")
        ids = {"Mentor": mentor.id, "Ouders": family.id, "School": school.id, "Stage": stage.id}
        set_memo(session, MemoTarget("code", mentor.id), "Wie begeleidt?")
        set_memo(session, MemoTarget("document", bram), "Kort gesprek.")
    with store.transaction() as session:
        # An edited row moves in PostgreSQL's heap: results must not follow the table's physical order.
        first = codings_for_document(session, anna)[0]
        resize_coding(session, first.id, first.start, first.end + 1)
        resize_coding(session, first.id, first.start, first.end)
        undo = DeleteCode(family.guid).apply(session)
    with store.transaction() as session:
        undo.apply(session)  # the code, its coding and nothing else come back
        ids["Ouders"] = get_code(session, family.guid).id
    sheet = folder / "deelnemers.csv"
    sheet.write_text(
        "document;deelnemer;school;datum;uren\n"
        "Anna_w1;Anna;ROC Oost;12-03-2025;3,5\n"
        "Bram_w1;Bram;ROC West;01-04-2025;2\n"
        "ans_w1;Ans;ROC Oost;;\n",
        encoding="utf-8",
    )
    with store.transaction() as session:
        applied = apply_plan(session, plan_sheet(session, sheet, participant_attributes=["school"]))
        results["sheet"] = (applied.added, applied.changed, applied.participants_created, applied.attributes_created)
    with store.read() as session:
        results["participants"] = [(p.name, p.documents) for p in list_participants(session)]
        results["attributes"] = sorted((k, sorted(v.items())) for k, v in all_document_attributes(session).items())
        info = project_info(session)
        results["info"] = (info.documents, info.codes, info.codings, info.characters)
        results["documents"] = [(d.name, d.turns, d.codings) for d in list_documents(session)]
        results["turns"] = [(t.speaker, t.start, t.end) for t in get_document(session, anna).turns]
        results["codings"] = sorted(
            (c.code_id, c.start, c.end, c.coder or "") for c in codings_for_document(session, anna)
        )
        results["segments"] = sorted((s.document_name, s.start, s.end, s.text) for s in segments(session, [stage.id]))
        results["code_counts"] = sorted(code_counts(session).items())
        results["codes"] = [(c.name, c.depth, c.codings, c.documents) for c in list_codes(session)]
        results["speakers"] = [(sp.name, sp.is_interviewer, sp.turns, sp.documents) for sp in list_speakers(session)]
        results["memos"] = (
            get_memo(session, MemoTarget("code", ids["Mentor"])),
            get_memo(session, MemoTarget("document", bram)),
        )
        results["coded_share"] = sorted(coded_share(session).items())
        dataset = load_dataset(session)
    results["dataset_codings"] = dataset.codings.id.tolist()
    by_id = {v: k for k, v in ids.items()}
    freq = frequencies(dataset)
    results["frequencies"] = [
        (row.code.name, row.own.codings, row.own.documents, row.rolled.codings, row.rolled.documents)
        for row in freq.rows
    ]
    by_school = frequencies(dataset, split_by="school")
    results["by_school"] = (
        by_school.split_labels,
        [(row.code.name, [(c.codings, c.documents, c.participants) for c in row.split]) for row in by_school.rows],
    )
    matrix = cooccurrence(dataset)
    results["cooccurrence"] = [[matrix.count(i, j) for j in range(len(matrix.codes))] for i in range(len(matrix.codes))]
    results["drill_down"] = [
        (p.document, p.start, p.end, p.coders) for p in passages(dataset, matrix, ids["Mentor"], ids["Stage"])
    ]
    agreed = agreement(dataset, unit="sentence", intervals=False)
    results["agreement"] = [
        (table.coders, [(by_id.get(r.code_id), r.counts) for r in table.rows]) for table in agreed.tables
    ]
    with store.read() as session:
        results["search"] = {
            query: [(h.document_name, h.start, h.end, h.hit) for h in search(session, query).hits]
            for query in ("coordinatie", "mentor", "stage*", "mentor -ouders", '"mijn ouders"', "loopbaan OR ouders")
        }
    with store.transaction() as session:
        save_cached(session, "nl_test", {"a" * 64: b"\x00\x01parsed"})
        save_cached(session, "nl_test", {"a" * 64: b"other", "b" * 64: b"second"})  # the first row stays
        model_id = save_model(session, "nl_test", {"codes": ["Mentor"]}, 3, b"\x00model\xff")
    with store.read() as session:
        stored = latest_model(session, "nl_test")
        assert stored is not None and stored.id == model_id
        results["model"] = (stored.meta, stored.examples_count, stored.blob)
        results["cache"] = sorted(load_cached(session, "nl_test", ["a" * 64, "b" * 64]).items())
    with store.transaction() as session:
        save_decisions(
            session,
            [
                Decision("Anna", Category.PERSON, "Sara"),
                Decision("ROC Oost", Category.SCHOOL, "ROC Oost", accepted=False),
            ],
        )
    with store.read() as session:
        results["decisions"] = load_decisions(session)
    # REFI-QDA out of this project and into a new project file: what another program would get.
    exported = export_qdpx(store, folder / "export.qdpx")
    results["qdpx_counts"] = (
        exported.documents,
        exported.codes,
        exported.codings,
        exported.participants,
        exported.memos,
    )
    import_qdpx(folder / "export.qdpx", folder / "back.lobcoder")
    with ProjectStore.open(folder / "back.lobcoder") as back, back.read() as session:
        codes = {c.id: c.name for c in list_codes(session)}
        names = {d.id: d.name for d in list_documents(session)}
        results["qdpx_back"] = sorted(
            (names[c.document_id], codes[c.code_id], c.start, c.end, c.coder or "")
            for document_id in names
            for c in codings_for_document(session, document_id)
        )
    return results


def _expected_on_sqlite(results: dict[str, Any]) -> None:
    """What the scenario must give on a project file: hand-checked figures, so the scenario cannot drift."""
    docx_text = "\n".join(_DOCX)
    lower = "I: Nog iets?\nAns: Nee.\nI: Zeker?\nAns: Ja, zeker.\n"
    assert results["import"] == [
        ("Anna_w1.txt", "imported", len(_TXT), 4),
        ("Bram_w1.docx", "imported", len(docx_text), 4),
        ("ans_w1.txt", "imported", len(lower), 4),
    ]
    assert results["info"] == (3, 4, 8, len(_TXT) + len(docx_text) + len(lower))
    assert [name for name, *_ in results["documents"]] == ["Anna_w1", "Bram_w1", "ans_w1"]
    assert results["speakers"] == [
        ("Anna", False, 2, 1),
        ("Ans", False, 2, 1),
        ("Bram", False, 2, 1),
        ("I", True, 6, 3),
    ]
    assert results["memos"] == ("Wie begeleidt?", "Kort gesprek.")
    assert results["attributes"][0] == (1, [("datum", date(2025, 3, 12)), ("school", "ROC Oost"), ("uren", 3.5)])
    assert results["by_school"][1][0] == ("Mentor", [(2, 1, 1), (1, 1, 1)])  # Anna's two coders; Bram's one
    assert results["frequencies"] == [
        ("Mentor", 3, 2, 3, 2),
        ("Ouders", 1, 1, 1, 1),
        ("School", 0, 0, 4, 2),
        ("Stage", 4, 2, 4, 2),
    ]
    assert results["search"]["coordinatie"] == [("Anna_w1", *_at(_TXT, "coördinatie"), "coördinatie")]
    assert results["drill_down"] == [
        ("Anna_w1", *_at(_TXT, "Mijn mentor hielp bij de stagekeuze."), ("Fenna", "Sander"))
    ]
    assert [hit[0] for hit in results["search"]["mentor -ouders"]] == ["Bram_w1"]
    assert results["cache"] == [("a" * 64, b"\x00\x01parsed"), ("b" * 64, b"second")]
    assert results["decisions"][1] == Decision("ROC Oost", Category.SCHOOL, "ROC Oost", accepted=False)
    assert results["qdpx_counts"][:3] == (3, 4, 8)
    assert (
        len(results["qdpx_back"]) == 8
        and ("Anna_w1", "Ouders", *_at(_TXT, "Mijn ouders praatten mee"), "Fenna") in results["qdpx_back"]
    )
    assert results["model"] == ({"codes": ["Mentor"]}, 3, b"\x00model\xff")


def run_long_import(store: ProjectStore, folder: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A text "long" enough to take the staged path (index in pieces before the import's transaction)."""
    monkeypatch.setattr(pieces, "PIECE_BYTES", 400)
    monkeypatch.setattr(staged, "STAGE_ABOVE_BYTES", 1000)
    folder.mkdir(exist_ok=True)
    lines = [f"{'I' if n % 2 else 'Anna'}: regel {n} over coördinatie en de stage nummer {n}." for n in range(60)]
    path = folder / "Lang.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_files(store, [path])
    with store.read() as session:
        pieces_stored = session.execute(text("SELECT count(*), min(start), sum(length) FROM search_pieces")).one()
        document = get_document(session, "Lang")
        return {
            "import": [(r.status, r.characters, r.turns) for r in report.results],
            "text": document.text,
            "turns": [(t.speaker, t.start, t.end) for t in document.turns],
            "pieces": tuple(pieces_stored),
            "search": [(h.start, h.end) for h in search(session, '"nummer 59"').hits]
            + [(h.start, h.end) for h in search(session, "coordinatie", limit=1000).hits],
        }


def test_a_long_text_takes_the_staged_path_on_a_project_file(
    store: ProjectStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = run_long_import(store, tmp_path / "in", monkeypatch)
    stored = (tmp_path / "in" / "Lang.txt").read_text(encoding="utf-8")
    assert results["import"] == [("imported", len(stored), 60)]
    assert results["text"] == stored
    count, first, total = results["pieces"]
    assert count > 5 and first == 0 and total == len(stored)  # several pieces, covering the text once
    assert results["search"][0] == _at(stored, "nummer 59")
    assert len(results["search"]) == 1 + 60


def test_the_scenario_gives_the_hand_checked_figures_on_a_project_file(store: ProjectStore, tmp_path: Path) -> None:
    _expected_on_sqlite(run_scenario(store, tmp_path / "in"))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProjectStore]:
    """Always a project file: the side the server is compared with, also under ``--project-on=postgresql``."""
    project = ProjectStore.create(tmp_path / "project.lobcoder")
    yield project
    project.close()


@pytest.fixture
def server_store() -> Iterator[ProjectStore]:
    if not POSTGRES_URL:
        pytest.skip("set LOBCODER_TEST_POSTGRES_URL to an empty PostgreSQL database to run (docs/POSTGRESQL.md)")
    from lobcoder.storage.server import open_server_project

    _drop_everything(POSTGRES_URL)
    store = open_server_project(POSTGRES_URL)
    yield store
    store.close()
    _drop_everything(POSTGRES_URL)


def _drop_everything(url: str) -> None:
    drop_everything(url)  # refuses a database whose name does not say it is for tests


def test_postgresql_gives_what_a_project_file_gives(
    server_store: ProjectStore, store: ProjectStore, tmp_path: Path
) -> None:
    on_sqlite = run_scenario(store, tmp_path / "sqlite")
    on_server = run_scenario(server_store, tmp_path / "server")
    for key, value in on_sqlite.items():
        assert on_server[key] == value, key


def test_a_long_text_on_postgresql_is_stored_and_found_as_in_a_project_file(
    server_store: ProjectStore, store: ProjectStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_sqlite = run_long_import(store, tmp_path / "sqlite", monkeypatch)
    on_server = run_long_import(server_store, tmp_path / "server", monkeypatch)
    assert on_server == on_sqlite


# Subtitles of a recording past 596 hours: its times in ms no longer fit PostgreSQL's 32-bit INTEGER.
_VTT = (
    "WEBVTT\n\n"
    "00:00:01.000 --> 00:00:04.000\n<v I>Hoe kijk je terug op je stage?\n\n"
    "00:00:05.000 --> 00:00:09.500\n<v Anna>De stage was leerzaam, mijn mentor hielp.\n\n"
    "600:00:01.250 --> 600:00:03.000\n<v I>En nu, veel later?\n\n"
    "600:00:04.000 --> 600:00:08.000\n<v Anna>Nu werk ik in de zorg.\n"
)
_LATE_MS = 600 * 3_600_000 + 1_250  # 2,160,001,250 > 2**31 - 1


def run_turns_round_trip(store: ProjectStore, folder: Path) -> dict[str, Any]:
    """A timed .vtt imported, its speakers renamed and marked, coded, sent out as .qdpx and read back."""
    folder.mkdir(exist_ok=True)
    vtt = folder / "Émile_lang.vtt"
    vtt.write_text(_VTT, encoding="utf-8")
    results: dict[str, Any] = {}
    report = import_files(store, [vtt])
    results["import"] = [(r.status, r.turns) for r in report.results]
    with store.transaction() as session:
        rename_speaker(session, "Anna", "Anna de Vries")
        rename_speaker(session, "I", "Interviewer Fenna")
        set_interviewers(session, {"Interviewer Fenna": True})
        with pytest.raises(Refused):  # a second top-level code of one name is refused, as ever
            create_code(session, "Zorg")
            create_code(session, "Zorg")
    with store.transaction() as session:
        zorg = create_code(session, "Werk")
        view = get_document(session, "Émile_lang")
        add_coding(session, view.id, zorg.id, *_at(view.text, "Nu werk ik in de zorg."), coder="Fenna")

    def turns(project: ProjectStore) -> list[tuple[Any, ...]]:
        with project.read() as session:
            view = get_document(session, "émile_lang")  # any case, folded alike on both (not SQL lower())
            return [(t.speaker, t.is_interviewer, t.timestamp_ms, view.text[t.start : t.end]) for t in view.turns]

    results["turns"] = turns(store)
    export_qdpx(store, folder / "lang.qdpx")
    back = import_qdpx(folder / "lang.qdpx", folder / "lang.lobcoder")
    results["notes"] = [str(note) for note in back.notes]
    with ProjectStore.open(folder / "lang.lobcoder") as project:
        results["turns_back"] = turns(project)
        with project.read() as session:
            view = get_document(session, "ÉMILE_LANG")
            results["coded_back"] = [view.text[c.start : c.end] for c in codings_for_document(session, view.id)]
    return results


def test_a_recording_past_596_hours_keeps_its_times_through_qdpx_in_a_project_file(
    store: ProjectStore, tmp_path: Path
) -> None:
    results = run_turns_round_trip(store, tmp_path / "in")
    assert results["import"] == [("imported", 4)]
    late = ("Interviewer Fenna", True, _LATE_MS, "En nu, veel later?")
    assert results["turns"][2] == late
    assert results["turns"][3] == ("Anna de Vries", False, 600 * 3_600_000 + 4_000, "Nu werk ik in de zorg.")
    assert results["turns_back"] == results["turns"]
    assert results["notes"] == []
    assert results["coded_back"] == ["Nu werk ik in de zorg."]


def test_a_recording_past_596_hours_on_postgresql_as_in_a_project_file(
    server_store: ProjectStore, store: ProjectStore, tmp_path: Path
) -> None:
    on_sqlite = run_turns_round_trip(store, tmp_path / "sqlite")
    on_server = run_turns_round_trip(server_store, tmp_path / "server")
    assert on_server == on_sqlite
    with server_store.engine.connect() as connection:  # the column itself, not a value that happened to fit
        kind = connection.execute(
            text(
                "SELECT data_type FROM information_schema.columns "
                "WHERE table_name = 'speaker_turns' AND column_name = 'timestamp_ms'"
            )
        ).scalar_one()
    assert kind == "bigint"


def run_merge(store: ProjectStore, folder: Path) -> dict[str, Any]:
    """A second coder's project file (same transcripts, own codings and a new code) merged into ``store``, then undone."""
    files = _write_files(folder)
    import_files(store, files)
    with store.transaction() as session:
        create_code(session, "Mentor")
    other = ProjectStore.create(folder / "second coder.lobcoder")
    with other:
        import_files(other, files)
        with other.transaction() as session:
            mentor = create_code(session, "Mentor")
            extra = create_code(session, "Twijfel")
            anna = {d.name: d.id for d in list_documents(session)}["Anna_w1"]
            add_coding(session, anna, mentor.id, *_at(_TXT, "Mijn mentor hielp"), coder="Sander")
            add_coding(session, anna, extra.id, *_at(_TXT, "De coördinatie was goed."), coder="Sander")
    outcome = merge_other(store, read_other(folder / "second coder.lobcoder"), "second coder")
    with store.read() as session:
        anna = {d.name: d.id for d in list_documents(session)}["Anna_w1"]
        merged = sorted((c.start, c.end, c.coder or "") for c in codings_for_document(session, anna))
        codes = [(c.name, c.codings) for c in list_codes(session)]
    assert outcome.inverse is not None
    with store.transaction() as session:
        outcome.inverse.apply(session)
    with store.read() as session:
        undone = (len(list_codes(session)), project_info(session).codings)
    return {
        "plan": (len(outcome.plan.codings), outcome.plan.codings_matched, len(outcome.plan.conflicts)),
        "codings": merged,
        "codes": codes,
        "undone": undone,
    }


def test_merging_a_second_coder_into_a_project_file(store: ProjectStore, tmp_path: Path) -> None:
    results = run_merge(store, tmp_path / "in")
    assert results["plan"] == (2, 0, 0)
    assert results["codings"] == [
        (*_at(_TXT, "De coördinatie was goed."), "Sander"),
        (*_at(_TXT, "Mijn mentor hielp"), "Sander"),
    ]
    assert results["codes"] == [("Mentor", 1), ("Twijfel", 1)]
    assert results["undone"] == (1, 0)


def test_merging_a_second_coder_into_postgresql_as_into_a_project_file(
    server_store: ProjectStore, store: ProjectStore, tmp_path: Path
) -> None:
    assert run_merge(server_store, tmp_path / "server") == run_merge(store, tmp_path / "sqlite")


def test_a_database_that_sorts_by_language_is_refused() -> None:
    if not POSTGRES_URL:
        pytest.skip("set LOBCODER_TEST_POSTGRES_URL to an empty PostgreSQL database to run (docs/POSTGRESQL.md)")
    from lobcoder.storage.server import UnorderedDatabase, open_server_project

    url = make_url(POSTGRES_URL)
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"{url.database}_nl_sorted"
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        try:
            connection.execute(
                text(
                    f"CREATE DATABASE \"{name}\" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'nl-NL' LOCALE 'C.UTF-8'"
                )
            )
        except DBAPIError as exc:  # before PostgreSQL 15, or built without ICU
            pytest.skip(f"cannot create a database with a Dutch ICU collation: {exc.orig}")
    try:
        with pytest.raises(UnorderedDatabase, match="C collation"):
            open_server_project(url.set(database=name).render_as_string(hide_password=False))
        checking = create_engine(url.set(database=name), poolclass=NullPool)
        with checking.connect() as connection:  # nothing was created there
            assert connection.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).scalar() == 0
    finally:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        engine.dispose()


def run_race(store: ProjectStore) -> tuple[int, list[str]]:
    """Two windows create the same code at once: the second waits for the first and is refused."""
    first_flushed = threading.Event()
    refused: list[str] = []

    def first() -> None:
        with store.transaction() as session:
            create_code(session, "Dubbel")
            session.flush()
            first_flushed.set()
            time.sleep(0.5)  # still in its transaction

    def second() -> None:
        first_flushed.wait()
        try:
            with store.transaction() as session:
                create_code(session, "Dubbel")
        except Refused as exc:
            refused.append(str(exc))

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with store.read() as session:
        return sum(code.name == "Dubbel" for code in list_codes(session)), refused


def test_two_simultaneous_actions_in_a_project_file_wait_for_each_other(store: ProjectStore) -> None:
    assert run_race(store) == (1, ["there is already a code named 'Dubbel' at this level"])


def test_two_simultaneous_actions_on_postgresql_wait_for_each_other_as_in_a_project_file(
    server_store: ProjectStore, store: ProjectStore
) -> None:
    assert run_race(server_store) == run_race(store)


def test_a_writer_that_waits_too_long_on_postgresql_is_told_the_project_is_locked(
    server_store: ProjectStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lobcoder.storage import server

    monkeypatch.setattr(server, "WAIT_FOR_WRITER", "200ms")
    holding = threading.Event()
    done = threading.Event()

    def hold() -> None:
        with server_store.transaction() as session:
            create_code(session, "Eerst")
            holding.set()
            done.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        holding.wait(5)
        with pytest.raises(StorageProblem) as caught, server_store.transaction() as session:
            create_code(session, "Later")
        assert caught.value.kind == StorageProblem.LOCKED
    finally:
        done.set()
        thread.join()
    with server_store.read() as session:
        assert [code.name for code in list_codes(session)] == ["Eerst"]


def test_a_copy_for_a_second_coder_of_a_server_project_is_refused_plainly(
    server_store: ProjectStore, tmp_path: Path
) -> None:
    import_files(server_store, _write_files(tmp_path / "in"))
    with server_store.read() as session:
        ids = [d.id for d in list_documents(session)]
    before = sorted(tmp_path.iterdir())
    with pytest.raises(NotOnServer, match="not supported yet"):
        prepare_copy(server_store, tmp_path / "second coder.lobcoder", ids)
    with pytest.raises(NotOnServer, match="not supported yet"):
        server_store.compact()
    assert sorted(tmp_path.iterdir()) == before  # no file, no half-written copy


def test_a_server_that_cannot_be_reached_is_a_one_line_problem(tmp_path: Path) -> None:
    pytest.importorskip("psycopg", reason="the PostgreSQL driver is an optional extra (pip install -e '.[postgres]')")
    # Nothing listens on port 1: what a user sees when the server is down or the address is wrong.
    engine = create_engine("postgresql+psycopg://nobody@127.0.0.1:1/lobcoder", poolclass=NullPool)
    store = ProjectStore(tmp_path / "server", engine)
    with pytest.raises(StorageProblem) as caught, store.read():
        pass
    assert caught.value.kind == StorageProblem.UNREADABLE
    assert "could not be used (connection" in str(caught.value) and "\n" not in str(caught.value)
    assert "kon niet worden gebruikt" in caught.value.text("nl")
