"""Detection over a whole project: each distinct line once, worker processes, ages, schools and companies by shape."""

from __future__ import annotations

import gc
import multiprocessing
from pathlib import Path

import pytest

from lobcoder.errors import Cancelled
from lobcoder.importing.speakers import detect_turns
from lobcoder.pseudonymise import deduce_batch, deduce_engine
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.detect import detect
from lobcoder.pseudonymise.detect_patterns import find_patterns
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore

INTERVIEW = (
    "Interview docent 7, ronde 2 — 3 maart 2015\n"
    "I: Kun je iets vertellen over je werk?\n"
    "Sanne: Ik werk met Pieter Jansen uit Utrecht. Hij woont op de Kerkstraat 12 in Zwolle.\n"
    "I: Oké.\n"
    "Sanne: Mijn collega dhr. P. de Vries belde op 06-12345678, en mailde vanaf p.devries@school.nl.\n"
    "I: Oké.\n"
    "Sanne: Kunst en Zorg zijn vakken. Postbus 123 is het adres. Ze was toen 19 jaar.\n"
)


def test_distinct_lines_and_batches() -> None:
    lines = deduce_batch.distinct_lines(["a\nb\n\n  \na", "b\nc"])
    assert lines == ["a", "b", "c"]
    assert deduce_batch.batches(["aaaa", "bb", "cccccc", "d"], limit=8) == [["aaaa", "bb"], ["cccccc"], ["d"]]
    assert deduce_batch.batches(["x" * 20], limit=8) == [["x" * 20]]


@pytest.mark.usefixtures("deduce_loaded")
def test_deduce_stays_frozen_between_detections() -> None:
    """Frozen once when loaded: no full garbage collection walks deduce's millions of objects (seconds each)."""
    assert gc.get_freeze_count() > 1_000_000
    list(deduce_batch.annotate_texts([INTERVIEW], workers=1))
    assert gc.get_freeze_count() > 1_000_000  # (a frozen object that is let go still leaves the count)


@pytest.mark.usefixtures("deduce_loaded")
def test_lines_give_what_deduce_finds_in_the_whole_text() -> None:
    whole = deduce_engine.annotate(INTERVIEW)
    per_line = list(deduce_batch.annotate_texts([INTERVIEW, INTERVIEW], workers=1))
    assert [line for line, _ in per_line] == deduce_batch.distinct_lines([INTERVIEW])  # repeated lines once
    starts = {line: INTERVIEW.index(line) for line, _ in per_line}
    moved = sorted(
        (a.start + starts[line], a.end + starts[line], a.text, a.tag) for line, found in per_line for a in found
    )
    assert moved == sorted((a.start, a.end, a.text, a.tag) for a in whole)
    texts = {a.text for a in whole}
    # A street name followed by a house number is a place (lobcoder tries deduce's street rule only there).
    assert {"Pieter Jansen", "Utrecht", "Kerkstraat 12", "06-12345678", "p.devries@school.nl"} <= texts


@pytest.mark.usefixtures("deduce_loaded")
def test_worker_processes_find_the_same_and_report_progress(store: ProjectStore) -> None:
    with store.transaction() as session:
        for n in range(6):
            text = INTERVIEW.replace("Pieter", f"Pieter{n} Bakker") + f"Sanne: Verder niets, {n}.\n"
            add_document(session, f"interview {n}", text, detect_turns(text))
    seen: list[tuple[int, int]] = []
    serial = detect(store, workers=1)
    parallel = detect(store, workers=2, progress=lambda done, total, _label: seen.append((done, total)))
    assert [(e.term, e.category, e.pseudonym, e.count) for e in parallel] == [
        (e.term, e.category, e.pseudonym, e.count) for e in serial
    ]
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] >= 1
    assert not multiprocessing.active_children()


@pytest.mark.usefixtures("deduce_loaded")
def test_cancel_stops_the_worker_processes(store: ProjectStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deduce_batch, "BATCH_CHARS", 200)  # many batches, so there is a "between"
    with store.transaction() as session:
        for n in range(4):
            add_document(session, f"interview {n}", INTERVIEW + f"Sanne: Nummer {n}.\n")
    progressed: list[int] = []
    with pytest.raises(Cancelled):
        detect(
            store,
            workers=2,
            progress=lambda done, _total, _label: progressed.append(done),
            cancelled=lambda: len(progressed) >= 2,
        )
    assert max(progressed) < len(deduce_batch.batches(deduce_batch.distinct_lines([INTERVIEW] * 4), 200)) + 4
    assert not multiprocessing.active_children()


@pytest.mark.usefixtures("deduce_loaded")
def test_ages_keep_their_unit_and_schools_and_companies_are_found(store: ProjectStore) -> None:
    text = (
        "I: Hoe oud was hij?\n"
        "Kees: Hij was toen 19 jaar. Ik had 19 studenten in de klas. Ik ben 35, dus ik ken dat.\n"
        "Kees: Hij ging naar het Alfa-college en liep stage bij Jansen Bouw B.V. en Kinderopvang Zonnebloem.\n"
        "Kees: Het College van Bestuur van ROC Noorderpoort wist ervan.\n"
    )
    with store.transaction() as session:
        add_document(session, "kees", text, detect_turns(text))
    entities = {e.term: e for e in detect(store, workers=1)}
    assert entities["19 jaar"].category is Category.AGE and entities["19 jaar"].count == 1
    assert "19" not in entities  # "19 studenten" stays
    assert entities["ben 35"].pseudonym == "ben [leeftijd]"
    assert entities["Alfa-college"].category is Category.SCHOOL
    assert entities["ROC Noorderpoort"].category is Category.SCHOOL
    assert entities["Jansen Bouw B.V."].category is Category.ORGANISATION
    assert "Jansen Bouw" not in entities  # deduce's surname guess inside the company: replaced nowhere, not listed
    assert entities["Kinderopvang Zonnebloem"].category is Category.ORGANISATION
    assert not any("College van" in term or term == "College" for term in entities)


def test_shapes_that_are_not_names() -> None:
    text = "Het College van Bestuur. Mijn Techniek. opleiding Zorg en Welzijn. Het Graafschap College helpt."
    assert [(f.term, f.category) for f in find_patterns(text)] == [("Graafschap College", Category.SCHOOL)]
    assert [f.term for f in find_patterns("Bij De Graaf BV en Stichting De Brug.")] == [
        "De Graaf BV",
        "Stichting De Brug",
    ]


@pytest.mark.skipif(not hasattr(__import__("os"), "sched_getaffinity"), reason="Linux only")
def test_one_worker_process_per_core_up_to_four(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for cores, expected in ((1, 1), (2, 2), (16, deduce_batch.MAX_WORKERS)):
        monkeypatch.setattr(os, "sched_getaffinity", lambda _pid, cores=cores: set(range(cores)))
        assert deduce_batch.default_workers() == expected


def test_a_failed_deduce_load_freezes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder that cannot be made fails the load; what the failed build left alive is not frozen."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should go")
    monkeypatch.setenv("LOBCODER_CACHE_DIR", str(blocker))
    monkeypatch.setattr(deduce_engine, "_ENGINE", None)  # as if this process had not loaded deduce yet
    collecting = gc.isenabled()
    before = gc.get_freeze_count()
    with pytest.raises(OSError):
        deduce_engine.load()
    assert gc.get_freeze_count() <= before  # (frozen objects let go meanwhile leave the count)
    assert gc.isenabled() == collecting
