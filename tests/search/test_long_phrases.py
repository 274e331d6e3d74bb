"""A phrase longer than the pieces' overlap: each candidate document is folded once, and hits are as before."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from lobcoder.search import fulltext, pieces, query
from lobcoder.search.fulltext import search
from lobcoder.search.query import occurs, parse_query
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore
from lobcoder.text.fold import fold

# Words FTS5 and the hit regex split alike (no "_", no emoji), with diacritics to fold.
_WORDS = "de mentor stage coördinatie loopbaan één keer per maand overleggen school begeleiding Anna café naïef".split()


def _text(rng: random.Random, words: int) -> str:
    return "".join(rng.choice(_WORDS) + rng.choice([" ", " ", ", ", ".\n", " – "]) for _ in range(words))


def _phrase(rng: random.Random, text: str, words: int) -> str:
    found = text.split()
    at = rng.randrange(0, max(1, len(found) - words))
    return " ".join(found[at : at + words])


@pytest.fixture
def folded_lengths(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of every text the search folds."""
    lengths: list[int] = []

    def counting(text: str) -> str:
        lengths.append(len(text))
        return fold(text)

    monkeypatch.setattr(fulltext, "fold", counting)
    monkeypatch.setattr(query, "fold", counting)
    return lengths


def _store(path: Path, documents: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> ProjectStore:
    monkeypatch.setattr(pieces, "PIECE_BYTES", 256)
    monkeypatch.setattr(pieces, "OVERLAP_WORDS", 3)  # a phrase of five words or more is "long"
    store = ProjectStore.create(path)
    with store.transaction() as session:
        for name, text in documents.items():
            add_document(session, name, text)
    return store


def test_a_document_in_several_pieces_is_folded_once_for_a_long_phrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folded_lengths: list[int]
) -> None:
    text = _text(random.Random(3), 3000)
    phrase = _phrase(random.Random(4), text, 12)
    with _store(tmp_path / "p.lobcoder", {"Anna": text, "Bram": "de mentor"}, monkeypatch) as store:
        with store.read() as session:
            result = search(session, f'"{phrase}" stage', limit=100_000)
    assert result.documents_matched == 1 and len(result.hits) > 10
    # Once (the query's own words aside); it was twice: to find the phrase, then for the hits.
    assert [n for n in folded_lengths if n > 1000] == [len(text)]


def test_a_long_document_is_never_folded_whole_for_a_long_phrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folded_lengths: list[int]
) -> None:
    monkeypatch.setattr(fulltext, "_FOLD_WHOLE", 0)  # as for documents over a million characters
    monkeypatch.setattr(fulltext, "_WINDOW", 2000)
    text = _text(random.Random(5), 20_000)
    phrase = _phrase(random.Random(6), text, 8)
    with _store(tmp_path / "p.lobcoder", {"Anna": text}, monkeypatch) as store:
        with store.read() as session:
            hits = search(session, f'"{phrase}"', limit=100_000).hits
            excluded = search(session, f'stage -"{phrase}"', limit=100_000)
    assert hits and all(fold(text[h.start : h.end]) == fold(h.hit) for h in hits)
    assert excluded.hits == () and excluded.documents_matched == 0
    assert max(folded_lengths) < 3000 < len(text)  # windows, not the whole text


def _expected(documents: dict[str, str], text_query: str, limit: int) -> tuple[object, ...]:
    """The search, done by brute force on each whole folded text."""
    parsed = parse_query(text_query)
    hits: list[tuple[str, int, int]] = []
    matched, truncated = 0, False
    for name in sorted(documents):
        folded = fold(documents[name])
        if any(occurs(t, folded) for t in parsed.excluded):
            continue
        if not any(all(occurs(t, folded) for t in group) for group in parsed.groups):
            continue
        if len(hits) >= limit:
            truncated = True
            break
        found = False
        for start, end in parsed.hits(folded):
            found = True
            if len(hits) >= limit:
                truncated = True
                break
            hits.append((name, start, end))
        matched += found
        if truncated:
            break
    return matched, truncated, hits


@pytest.mark.parametrize("window", [None, 300], ids=["folded-whole", "windows"])
def test_long_phrases_find_exactly_what_the_whole_folded_texts_have(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: int | None
) -> None:
    if window is not None:
        monkeypatch.setattr(fulltext, "_FOLD_WHOLE", 0)
        monkeypatch.setattr(fulltext, "_WINDOW", window)
    rng = random.Random(15 if window is None else 16)
    documents = {f"Interview {n:02}": _text(rng, rng.randrange(100, 900)) for n in range(10)}
    # Two documents share a long passage, one has it with a word changed.
    shared = _phrase(rng, documents["Interview 03"], 9)
    documents["Interview 07"] += "\n" + shared + "\n"
    documents["Interview 08"] += "\n" + shared.replace(" ", " extra ", 1) + "\n"
    phrase_of: Callable[[], str] = lambda: _phrase(rng, rng.choice(list(documents.values())), rng.randrange(5, 12))  # noqa: E731
    queries = [f'"{shared}"', f'"{shared}" -naïef', f'stage -"{shared}"']
    for _ in range(25):
        long, word = phrase_of(), rng.choice(_WORDS)
        queries += [
            f'"{long}"',
            f'"{long}" {word}',
            f'{word} -"{long}"',
            f'"{long}" OR "{phrase_of()}"',
            f'"{long[:-2]}*" {rng.choice(_WORDS)} OR {word}',
        ]
    with _store(tmp_path / "p.lobcoder", documents, monkeypatch) as store, store.read() as session:
        for text_query in queries:
            for limit in (10_000, 7):
                result = search(session, text_query, limit=limit)
                got = (
                    result.documents_matched,
                    result.truncated,
                    [(h.document_name, h.start, h.end) for h in result.hits],
                )
                assert got == _expected(documents, text_query, limit), (text_query, limit)
