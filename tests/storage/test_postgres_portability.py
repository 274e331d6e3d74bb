"""The same researcher's steps on a project file (SQLite) and on PostgreSQL give the same results.

The PostgreSQL half runs only when ``LOBCODER_TEST_POSTGRES_URL`` names an
empty database to use (``postgresql+psycopg://user:password@host:port/db``);
the schema is made there by the project's Alembic migrations and every table
is dropped again afterwards. The SQLite half always runs, so the scenario
itself cannot rot. See docs/POSTGRESQL.md.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from sqlalchemy import create_engine, text

from lobcoder.agreement.compute import agreement
from lobcoder.analysis.cooccurrence import cooccurrence
from lobcoder.analysis.dataset import load_dataset
from lobcoder.analysis.drill_down import passages
from lobcoder.analysis.frequencies import frequencies
from lobcoder.search.fulltext import search
from lobcoder.services.batch_import import import_files
from lobcoder.services.codes import code_counts, create_code, list_codes
from lobcoder.services.codings import add_coding, codings_for_document, segments
from lobcoder.services.documents import get_document, list_documents, project_info
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest.store import latest_model, load_cached, save_cached, save_model

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
    return [txt, path]


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
    with store.read() as session:
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
        dataset = load_dataset(session)
    by_id = {v: k for k, v in ids.items()}
    freq = frequencies(dataset)
    results["frequencies"] = [
        (row.code.name, row.own.codings, row.own.documents, row.rolled.codings, row.rolled.documents)
        for row in freq.rows
    ]
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
    return results


def _expected_on_sqlite(results: dict[str, Any]) -> None:
    """What the scenario must give on a project file: hand-checked figures, so the scenario cannot drift."""
    docx_text = "\n".join(_DOCX)
    assert results["import"] == [
        ("Anna_w1.txt", "imported", len(_TXT), 4),
        ("Bram_w1.docx", "imported", len(docx_text), 4),
    ]
    assert results["info"] == (2, 4, 8, len(_TXT) + len(docx_text))
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
    assert results["model"] == ({"codes": ["Mentor"]}, 3, b"\x00model\xff")


def test_the_scenario_gives_the_hand_checked_figures_on_a_project_file(store: ProjectStore, tmp_path: Path) -> None:
    _expected_on_sqlite(run_scenario(store, tmp_path / "in"))


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
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def test_postgresql_gives_what_a_project_file_gives(
    server_store: ProjectStore, store: ProjectStore, tmp_path: Path
) -> None:
    on_sqlite = run_scenario(store, tmp_path / "sqlite")
    on_server = run_scenario(server_store, tmp_path / "server")
    for key, value in on_sqlite.items():
        assert on_server[key] == value, key
