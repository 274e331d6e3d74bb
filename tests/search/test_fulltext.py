"""Full-text search: folding, phrases, prefixes, exclusions, keyword in context."""

from __future__ import annotations

import pytest

from lobcoder.search.fulltext import search
from lobcoder.search.query import QueryError, parse_query
from lobcoder.services.documents import add_document, delete_document
from lobcoder.storage.project import ProjectStore

DOC_A = (
    "I: Hoe verloopt de coördinatie van LOB op jullie school?\n"
    "Anna: Eén keer per maand overleggen we 😀 over loopbaangesprekken. "
    "Docenten leren samen van elkaar.\n"
)
DOC_B = "I: En de visie?\nBram: De visie op loopbaanbegeleiding is door het management geschreven.\n"


@pytest.fixture
def corpus(store: ProjectStore) -> ProjectStore:
    with store.transaction() as session:
        add_document(session, "Docent01_w1", DOC_A)
        add_document(session, "Docent02_w1", DOC_B)
    return store


def test_diacritics_and_case_are_folded_and_offsets_point_at_the_stored_text(corpus: ProjectStore) -> None:
    with corpus.read() as session:
        result = search(session, "COORDINATIE")
    assert len(result.hits) == 1
    hit = result.hits[0]
    assert (hit.document_name, hit.hit) == ("Docent01_w1", "coördinatie")
    assert DOC_A[hit.start : hit.end] == "coördinatie"
    assert hit.left.endswith("Hoe verloopt de ")
    assert hit.right.startswith(" van LOB")


def test_offsets_after_an_emoji_are_code_points(corpus: ProjectStore) -> None:
    with corpus.read() as session:
        hit = search(session, "loopbaangesprekken").hits[0]
    assert DOC_A[hit.start : hit.end] == "loopbaangesprekken"
    assert hit.start == DOC_A.index("loopbaangesprekken")


def test_searching_een_finds_een_with_accents(corpus: ProjectStore) -> None:
    with corpus.read() as session:
        hits = search(session, "een").hits
    assert [h.hit for h in hits] == ["Eén"]


def test_prefix_query_finds_every_word_with_that_start(corpus: ProjectStore) -> None:
    with corpus.read() as session:
        hits = search(session, "loopbaan*").hits
    assert [(h.document_name, h.hit) for h in hits] == [
        ("Docent01_w1", "loopbaangesprekken"),
        ("Docent02_w1", "loopbaanbegeleiding"),
    ]


def test_phrase_query_needs_the_words_in_order(corpus: ProjectStore) -> None:
    with corpus.read() as session:
        assert [h.hit for h in search(session, '"leren samen"').hits] == ["leren samen"]
        assert search(session, '"samen leren"').hits == ()


def test_all_words_must_occur_in_the_document_unless_or(corpus: ProjectStore) -> None:
    with corpus.read() as session:
        assert {h.document_name for h in search(session, "visie management").hits} == {"Docent02_w1"}
        assert search(session, "visie coordinatie").hits == ()
        both = search(session, "visie OR coordinatie")
        assert both.documents_matched == 2


def test_excluded_words_remove_documents(corpus: ProjectStore) -> None:
    with corpus.read() as session:
        hits = search(session, "loopbaan* -management").hits
    assert {h.document_name for h in hits} == {"Docent01_w1"}


def test_limit_truncates_and_says_so(corpus: ProjectStore) -> None:
    with corpus.read() as session:
        result = search(session, "de", limit=2)
    assert len(result.hits) == 2
    assert result.truncated


def test_deleted_documents_are_no_longer_found(corpus: ProjectStore) -> None:
    with corpus.transaction() as session:
        delete_document(session, "Docent02_w1")
    with corpus.read() as session:
        assert search(session, "visie").hits == ()


@pytest.mark.parametrize("query", ['"', "-", "NOT visie", "   ", "OR", "* ^ :"])
def test_queries_without_anything_to_find_are_refused_clearly(query: str) -> None:
    with pytest.raises(QueryError, match="at least one word"):
        parse_query(query)


@pytest.mark.parametrize("query", ['visie"', "col:umn", "a AND OR b", "NEAR(a b)", "(visie", "visie)"])
def test_punctuation_never_becomes_an_fts_syntax_error(corpus: ProjectStore, query: str) -> None:
    with corpus.read() as session:
        search(session, query)  # must not raise


def test_hits_are_whole_words_not_parts_of_longer_words(store: ProjectStore) -> None:
    text = "Geen meenemen, maar één gesprek: een_tje en een."
    with store.transaction() as session:
        add_document(session, "Woorden", text)
    with store.read() as session:
        hits = search(session, "een").hits
    assert [(text[h.start : h.end], h.start) for h in hits] == [("één", 20), ("een", 44)]
