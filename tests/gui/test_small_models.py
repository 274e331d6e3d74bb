"""The search-results and quick-code models: contents and the Qt model contract."""

from __future__ import annotations

from lobcoder.gui.quick_code import CodeChoiceModel, CodeIdRole, code_paths
from lobcoder.gui.search_panel import HitRole, SearchResultsModel
from lobcoder.search.fulltext import search
from lobcoder.services.codes import create_code, list_codes
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore


def test_search_results_model_shows_keyword_in_context(qtmodeltester, store: ProjectStore) -> None:
    with store.transaction() as session:
        add_document(session, "Docent01", "I: Hoe is de\ncoördinatie? 😀\nAnna: De coördinatie is goed.")
    with store.read() as session:
        hits = search(session, "coordinatie").hits
    model = SearchResultsModel()
    model.set_hits(hits)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert [model.index(0, c).data() for c in range(4)] == [
        "Docent01",
        "I: Hoe is de",
        "coördinatie",
        "? 😀 Anna: De coördinatie is goed.",
    ]
    assert model.index(1, 0).data(HitRole).start == hits[1].start


def test_code_choices_filter_on_the_whole_path_ignoring_accents(qtmodeltester, store: ProjectStore) -> None:
    with store.transaction() as session:
        leren = create_code(session, "Collectief leren")
        create_code(session, "Samen oefenen", leren.id)
        create_code(session, "Coördinatie")
    with store.read() as session:
        codes = list_codes(session)
    assert sorted(code_paths(codes).values()) == ["Collectief leren", "Collectief leren › Samen oefenen", "Coördinatie"]
    model = CodeChoiceModel(codes)
    qtmodeltester.check(model)
    model.set_filter("leren oef")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Collectief leren › Samen oefenen"]
    model.set_filter("coordinatie")
    assert model.rowCount() == 1 and model.index(0, 0).data(CodeIdRole) == codes[-1].id
    qtmodeltester.check(model)
