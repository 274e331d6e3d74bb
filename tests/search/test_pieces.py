"""Long documents are indexed as pieces; searching them finds what one row per document found."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from lobcoder.search import fulltext, pieces
from lobcoder.search.fulltext import SearchResult, search
from lobcoder.search.pieces import cut_text
from lobcoder.search.query import QueryError, Term, parse_query
from lobcoder.services.documents import add_document, delete_document
from lobcoder.storage.project import ProjectStore
from lobcoder.text.fold import fold

_WORDS = (
    "de mentor stage coördinatie loopbaan loopbaangesprek één keer per maand overleggen "
    "leren samen visie school begeleiding Anna docent_x 😀 ï café zeggen"
).split()


def _text(rng: random.Random, words: int) -> str:
    out = []
    for _ in range(words):
        out.append(rng.choice(_WORDS))
        out.append(rng.choice([" ", " ", " ", ", ", ".\n", "\n\n", " – "]))
    return "".join(out)


@pytest.mark.parametrize("piece_bytes", [1, 3, 16, 100, 4096])
def test_pieces_stand_for_the_whole_text_each_with_the_words_after_it(piece_bytes: int) -> None:
    rng = random.Random(piece_bytes)
    for _ in range(40):
        text = _text(rng, rng.randrange(0, 120))
        cut = list(cut_text(text, piece_bytes, overlap_words=3))
        assert "".join(p.folded[: p.length] for p in cut) == fold(text)
        position = 0
        for piece in cut:
            assert piece.start == position and piece.length > 0
            # The row holds the folded text from its start on: its own part and then the overlap.
            assert piece.folded == fold(text[piece.start : piece.start + len(piece.folded)])
            following = text[piece.start + piece.length :]
            wanted = min(3, len(pieces._WORD.findall(following)))
            assert len(pieces._WORD.findall(piece.folded[piece.length :])) >= wanted
            position += piece.length
        assert position == len(text)


def test_pieces_are_cut_after_a_line_break_or_a_space() -> None:
    text = "eerste regel met woorden\ntweede regel met woorden " * 40
    cut = list(cut_text(text, 100, overlap_words=2))
    assert len(cut) > 5
    for piece in cut[:-1]:
        assert text[piece.start + piece.length - 1] in "\n "


def _project(path: Path, documents: dict[str, str]) -> ProjectStore:
    store = ProjectStore.create(path)
    with store.transaction() as session:
        for name, text in documents.items():
            add_document(session, name, text)
    return store


def _queries(rng: random.Random, texts: list[str]) -> list[str]:
    queries = []
    for _ in range(60):
        text = rng.choice(texts)
        words = text.split()
        at = rng.randrange(0, len(words) - 5)
        phrase = " ".join(words[at : at + rng.randrange(2, 5)])
        one, other = rng.choice(_WORDS), rng.choice(_WORDS)
        queries += [
            f'"{phrase}"',
            f"{one} {other}",
            f"{one[:3]}* -{other}",
            f'{one} OR "{phrase}" -{rng.choice(_WORDS)}',
            f"{one} {other} OR {rng.choice(_WORDS)}",
        ]
    return [q for q in queries if any(not t.negated for t in _terms(q))]


def _terms(query: str) -> tuple[Term, ...]:
    try:
        return parse_query(query).terms
    except QueryError:
        return ()


def _same(result: SearchResult) -> tuple[object, ...]:
    return (
        result.documents_matched,
        result.truncated,
        [(h.document_name, h.start, h.end, h.left, h.right) for h in result.hits],
    )


def test_tiny_pieces_find_exactly_what_one_row_per_document_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(15)
    documents = {f"Interview {n:02}": _text(rng, rng.randrange(200, 600)) for n in range(12)}
    whole = _project(tmp_path / "heel.lobcoder", documents)
    monkeypatch.setattr(pieces, "PIECE_BYTES", 64)
    monkeypatch.setattr(pieces, "OVERLAP_WORDS", 4)
    # Documents in several pieces are folded a window of 50 characters at a time.
    monkeypatch.setattr(fulltext, "_FOLD_WHOLE", 0)
    monkeypatch.setattr(fulltext, "_WINDOW", 50)
    cut = _project(tmp_path / "stukjes.lobcoder", documents)
    with whole.read() as one, cut.read() as many:
        rows = many.connection().exec_driver_sql("SELECT count(*) FROM search_pieces").scalar()
        assert rows > 12 * 20
        assert one.connection().exec_driver_sql("SELECT count(*) FROM search_pieces").scalar() == 12
        for query in _queries(rng, list(documents.values())):
            expected = search(one, query, limit=10_000)
            assert _same(search(many, query, limit=10_000)) == _same(expected), query
    # And one row per document is what FTS5 itself says for the whole expression.
    connection = sqlite3.connect(whole.path)
    names = dict(connection.execute("SELECT id, name FROM documents"))
    with whole.read() as session:
        for query in _queries(random.Random(16), list(documents.values())):
            parsed = parse_query(query)
            fts5 = {
                names[doc]
                for (doc,) in connection.execute(
                    "SELECT p.document_id FROM document_fts AS f JOIN search_pieces AS p ON p.id = f.rowid "
                    "WHERE document_fts MATCH ?",
                    (parsed.fts,),
                )
            }
            assert {h.document_name for h in search(session, query, limit=10_000).hits} <= fts5, query
    connection.close()
    whole.close()
    cut.close()


def test_a_phrase_across_a_cut_is_found_at_its_offsets_and_excludes(
    store: ProjectStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pieces, "PIECE_BYTES", 40)
    monkeypatch.setattr(pieces, "OVERLAP_WORDS", 2)
    filler = "bla " * 9  # 36 bytes: the phrase starts near the end of the first piece
    text = filler + "de coördinatie van LOB op school ging mis.\n" + "meer tekst " * 20
    with store.transaction() as session:
        add_document(session, "Lang", text)
        add_document(session, "Kort", "de coördinatie van LOB op school.\n")
    with store.read() as session:
        assert session.connection().exec_driver_sql("SELECT count(*) FROM search_pieces").scalar() > 3
        hits = search(session, '"coordinatie van lob"').hits
        assert [(h.document_name, text[h.start : h.end] if h.document_name == "Lang" else h.hit) for h in hits] == [
            ("Kort", "coördinatie van LOB"),
            ("Lang", "coördinatie van LOB"),
        ]
        # Longer than the overlap (2 words): checked against the whole text.
        six = '"coördinatie van lob op school ging"'
        assert [h.document_name for h in search(session, six).hits] == ["Lang"]
        assert [h.document_name for h in search(session, f"coordinatie -{six}").hits] == ["Kort"]
        # The same as a prefix (words joined by punctuation, the last one cut short).
        assert [h.document_name for h in search(session, "coordinatie-van-lob-op-school-gi*").hits] == ["Lang"]
        # All words must occur in the document, not in one piece.
        assert [h.document_name for h in search(session, "bla meer").hits[:1]] == ["Lang"]
        assert search(session, "bla meer -mis").hits == ()
        assert search(session, "coordinatie -meer").documents_matched == 1


def test_deleting_a_long_document_removes_all_its_pieces(store: ProjectStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "PIECE_BYTES", 50)
    with store.transaction() as session:
        add_document(session, "Lang", "loopbaan en stage " * 50)
        add_document(session, "Ander", "loopbaan alleen")
    with store.transaction() as session:
        delete_document(session, "Lang")
    with store.read() as session:
        connection = session.connection()
        assert connection.exec_driver_sql("SELECT count(*) FROM search_pieces").scalar() == 1
        assert connection.exec_driver_sql("SELECT count(*) FROM document_fts").scalar() == 1
        assert [h.document_name for h in search(session, "loopbaan").hits] == ["Ander"]
        assert search(session, "stage").hits == ()


def test_hits_folded_a_window_at_a_time_are_the_hits_in_the_whole_folded_text() -> None:
    rng = random.Random(5)
    checked = 0
    for _ in range(1500):
        text = "".join(
            rng.choice(_WORDS) + rng.choice([" ", ", ", "\n", "", " – ", "_"]) for _ in range(rng.randrange(1, 60))
        )
        words = text.split()
        at = rng.randrange(len(words))
        query = rng.choice(
            [
                f'"{" ".join(words[at : at + rng.randrange(1, 5)])}"',
                rng.choice(_WORDS)[:3] + "*",
                f"{rng.choice(_WORDS)} OR de",
            ]
        )
        if not any(not t.negated for t in _terms(query)):
            continue
        parsed = parse_query(query)
        whole = list(parsed.hits(fold(text)))
        for window in (1, 2, 5, 17):
            assert list(parsed.hits_in(text, window)) == whole, (query, text, window)
        checked += 1
    assert checked > 1000
