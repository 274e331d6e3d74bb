"""Documents in many index pieces survive a .qdpx round trip and a pseudonymised copy, searchable the same."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from lobcoder.pseudonymise.apply import apply_pseudonyms
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.termlist import Decision
from lobcoder.refi.qdpx_export import export_qdpx
from lobcoder.refi.qdpx_import import import_qdpx
from lobcoder.search import pieces
from lobcoder.search.fulltext import search
from lobcoder.services.documents import add_document, get_document
from lobcoder.storage.project import ProjectStore

_TEXT = "".join(
    f"Interviewer: Hoe ging gesprek {n} met Marieke over de coördinatie?\n"
    f"Anna: Marieke zei dat de stage via de mentor liep, één keer per maand.\n"
    for n in range(40)
)
_QUERIES = ['"marieke zei"', "coordinatie mentor", "stage -bestaatniet", '"maand interviewer hoe"']


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "PIECE_BYTES", 200)
    monkeypatch.setattr(pieces, "OVERLAP_WORDS", 3)


def _hits(store: ProjectStore, query: str) -> list[tuple[str, int, int, str, str]]:
    with store.read() as session:
        return [(h.document_name, h.start, h.end, h.left, h.right) for h in search(session, query, limit=9999).hits]


def _piece_count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM search_pieces").fetchone()[0]
    finally:
        connection.close()


def test_a_qdpx_round_trip_searches_the_same(store: ProjectStore, tmp_path: Path, small_pieces: None) -> None:
    with store.transaction() as session:
        add_document(session, "Anna", _TEXT)
    export_qdpx(store, tmp_path / "uit.qdpx")
    import_qdpx(tmp_path / "uit.qdpx", tmp_path / "terug.lobcoder")
    assert _piece_count(tmp_path / "terug.lobcoder") > 30
    with ProjectStore.open(tmp_path / "terug.lobcoder") as back:
        for query in _QUERIES:
            assert _hits(back, query) == _hits(store, query) != [], query


@pytest.mark.project_file("a pseudonymised copy is a file copy")
def test_a_pseudonymised_copy_is_indexed_in_pieces_of_its_new_text(
    store: ProjectStore, tmp_path: Path, small_pieces: None
) -> None:
    with store.transaction() as session:
        add_document(session, "Anna", _TEXT)
    out = tmp_path / "pseudo.lobcoder"
    apply_pseudonyms(store, [Decision("Marieke", Category.PERSON, "Docent 1")], out, tmp_path / "key.json")
    assert _piece_count(out) > 30
    with ProjectStore.open(out) as copy:
        assert _hits(copy, "marieke") == []
        hits = _hits(copy, '"docent 1 zei"')
        with copy.read() as session:
            text = get_document(session, "Anna").text
        assert len(hits) == 40 and all(text[start:end] == "Docent 1 zei" for _, start, end, _, _ in hits)
        with copy.read() as session:
            session.connection().exec_driver_sql(
                "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, document_fts, 'row')"
            )
            words = set(session.connection().exec_driver_sql("SELECT term FROM temp.vocab").scalars())
        assert "docent" in words and "marieke" not in words
