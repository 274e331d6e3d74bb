"""HTML fed to the parser in pieces gives what the whole decoded file gave, on seeded generated pages."""

from __future__ import annotations

import random
from pathlib import Path

from lobcoder.errors import ImportProblem
from lobcoder.importing.readers.markup import read_html, read_html_file

_WORDS = "ja nee stage mentor coördinatie één 😀 ‘goed’ &amp; &eacute; &#233; &#x1F600; &nbsp; loop\u2028baan".split()
_TAGS = ("p", "div", "li", "h2", "td", "th", "tr", "br", "pre", "script", "style", "title", "span", "b", "table")


def _page(rng: random.Random) -> str:
    parts = [rng.choice(["", "<!DOCTYPE html>", "\ufeff<html>"]), "<body>"]
    for _ in range(rng.randint(1, 80)):
        roll = rng.random()
        if roll < 0.5:
            parts.append(" ".join(rng.choices(_WORDS, k=rng.randint(1, 8))) + rng.choice([" ", "\n", "\r\n", "\t", ""]))
        elif roll < 0.9:
            tag = rng.choice(_TAGS)
            parts.append(rng.choice([f"<{tag}>", f"</{tag}>", f"<{tag} class='x'>"]))
        else:
            parts.append(rng.choice(["<!-- opmerking -->", "<![CDATA[x]]>", "&", "<", "<p", "\x0c", "\r"]))
    parts.append("</body></html>")
    return "".join(parts)


def _outcome(read: object) -> tuple[object, ...]:
    try:
        result = read()  # type: ignore[operator]
    except ImportProblem as exc:
        return ("refused", exc.problem)
    return (result.text, result.encoding)  # type: ignore[attr-defined]


def test_pieces_give_the_whole_file_text(tmp_path: Path) -> None:
    rng = random.Random(15)
    for case in range(150):
        encoding = rng.choice(["utf-8", "utf-8-sig", "cp1252", "utf-16"])
        data = _page(rng).encode(encoding, errors="replace")
        path = tmp_path / f"case{case}.html"
        path.write_bytes(data)
        expected = _outcome(lambda: read_html(data, path))  # noqa: B023
        chunk = rng.choice([1, 2, 5, 64, 1 << 20])
        assert _outcome(lambda: read_html_file(path, chunk)) == expected, (case, chunk)  # noqa: B023
