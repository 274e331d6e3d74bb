"""The streamed .odt body gives the text the whole content.xml tree gave, on seeded generated documents."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from defusedxml.ElementTree import fromstring

from lobcoder.errors import ImportProblem
from lobcoder.importing.readers import pulled_body, read_file
from lobcoder.importing.readers.odt import _blocks
from lobcoder.text.normalize import normalize_text
from tests.importing.test_read_odt import CONTENT, _odt

_WORDS = "ja nee stage mentor coördinatie één 😀 ‘goed’ &amp; loopbaan".split()
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _inline(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 8)):
        roll = rng.random()
        if roll < 0.6:
            parts.append(rng.choice(_WORDS) + rng.choice([" ", "  ", "\n ", ""]))
        elif roll < 0.7:
            parts.append(f'<text:s text:c="{rng.randint(1, 3)}"/>')
        elif roll < 0.8:
            parts.append(rng.choice(["<text:tab/>", "<text:line-break/>"]))
        elif roll < 0.9:
            parts.append(f'<text:span text:style-name="T1">{rng.choice(_WORDS)}</text:span>')
        else:
            parts.append("<text:note><text:note-body><text:p>voetnoot</text:p></text:note-body></text:note>")
    return "".join(parts)


def _block(rng: random.Random, depth: int = 0) -> str:
    roll = rng.random()
    if roll < 0.55 or depth > 1:
        tag = rng.choice(["text:p", "text:h"])
        return f"<{tag}>{_inline(rng)}</{tag}>"
    if roll < 0.7:
        items = "".join(f"<text:list-item>{_block(rng, depth + 1)}</text:list-item>" for _ in range(rng.randint(1, 3)))
        return f"<text:list>{items}</text:list>"
    if roll < 0.8:
        return f"<text:section>{_block(rng, depth + 1)}{_block(rng, depth + 1)}</text:section>"
    rows = []
    for _ in range(rng.randint(1, 3)):
        cells = "".join(
            f"<table:table-cell>{_block(rng, depth + 1)}</table:table-cell>"
            if rng.random() < 0.8
            else "<table:covered-table-cell/>"
            for _ in range(rng.randint(1, 3))
        )
        rows.append(f"<table:table-row>{cells}</table:table-row>")
    return f"<table:table><table:table-column/>{''.join(rows)}</table:table>"


def test_streamed_body_matches_the_whole_tree(tmp_path: Path) -> None:
    rng = random.Random(15)
    compared = 0
    for case in range(60):
        body = "\n".join(_block(rng) for _ in range(rng.randint(1, 40)))
        path = _odt(tmp_path / f"case{case}.odt", body)
        root = fromstring(CONTENT.format(body=body).encode(), forbid_dtd=False, forbid_entities=True)
        whole = normalize_text("\n".join(_blocks(root.find(f"{_OFFICE}body/{_OFFICE}text"))))
        if whole.strip():
            assert read_file(path).text == whole, case
            compared += 1
    assert compared > 40


def test_a_text_past_the_limit_is_refused_while_unpacking(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pulled_body, "MAX_TEXT", 100)  # the limit the streaming readers check
    path = _odt(tmp_path / "lang.odt", "<text:p>" + "woord " * 50 + "</text:p>" * 1)
    with pytest.raises(ImportProblem, match="has a text longer than 100 million characters"):
        read_file(path)
