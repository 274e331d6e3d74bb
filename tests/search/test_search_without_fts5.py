"""The search a server database gets (no FTS5: its index rows scanned) finds what FTS5 finds, on a project file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from lobcoder.search import fulltext, pieces
from lobcoder.search.fulltext import search
from lobcoder.search.query import parse_query
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore

# Words FTS5 and the hit regex split alike (no "_"), with diacritics to fold and words inside others.
_WORDS = "de mentor mentoren stage stagekeuze coördinatie loopbaan één keer school café naïef 100%".split()
_QUERIES = (
    "mentor",
    "coordinatie",
    "stage*",
    "ment*",
    "mentor -school",
    "loopbaan OR cafe",
    '"een keer"',
    '"de mentor stage school loopbaan"',  # longer than the overlap below
    "NOT stage mentor",
    "100",
    "naief keer",
)


def _text(rng: random.Random, words: int) -> str:
    return "".join(rng.choice(_WORDS) + rng.choice([" ", ", ", ".\n", " – "]) for _ in range(words))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ProjectStore:
    monkeypatch.setattr(pieces, "PIECE_BYTES", 300)  # documents in several pieces
    monkeypatch.setattr(pieces, "OVERLAP_WORDS", 3)
    rng = random.Random(7)
    store = ProjectStore.create(tmp_path / "p.lobcoder")
    with store.transaction() as session:
        for n in range(12):
            add_document(session, f"Doc{n:02d}", _text(rng, rng.choice([5, 40, 200])))
    return store


def test_scanning_the_index_rows_finds_the_documents_fts5_finds(
    project: ProjectStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    with project.read() as session:
        terms = [term for query in _QUERIES for term in parse_query(query).terms]
        with_fts5 = [fulltext._documents_with(session, term) for term in terms]
        monkeypatch.setattr(fulltext, "has_fts5", lambda _session: False)
        assert [fulltext._documents_with(session, term) for term in terms] == with_fts5
    assert sum(map(len, with_fts5)) > len(terms)  # the terms are found in documents


def test_a_search_without_fts5_gives_the_same_hits(project: ProjectStore, monkeypatch: pytest.MonkeyPatch) -> None:
    with project.read() as session:
        with_fts5 = {query: search(session, query, limit=50) for query in _QUERIES}
    monkeypatch.setattr(fulltext, "has_fts5", lambda _session: False)
    with project.read() as session:
        for query in _QUERIES:
            assert search(session, query, limit=50) == with_fts5[query], query
    assert sum(len(result.hits) for result in with_fts5.values()) > 100  # the queries do find things
