"""The codebook as GitHub-flavoured Markdown: an overview table, then every code with all its fields.

Markdown suits a codebook kept next to analysis scripts in a repository or
pasted into a wiki. All text is escaped, so names or criteria that happen to
contain ``|``, ``*`` or ``<`` cannot break a table or turn into markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from lobcoder.codebook.wording import GAP_GUIDE, GAP_MARK, QUOTES, Language, check_language, summary_line
from lobcoder.refi.description import LABELS
from lobcoder.services.codebook_data import Codebook, CodebookCode
from lobcoder.storage.atomic_file import write_atomically

Counts = Mapping[str, tuple[int, int]]

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Codebook",
        "overview": "Overview",
        "code": "Code",
        "description": "Description",
        "codings": "Codings",
        "documents": "Documents",
        "colour": "Colour",
    },
    "nl": {
        "title": "Codeboek",
        "overview": "Overzicht",
        "code": "Code",
        "description": "Beschrijving",
        "codings": "Coderingen",
        "documents": "Documenten",
        "colour": "Kleur",
    },
}
_SPECIAL = "\\`*_[]<>|#~"


def escape(text: str) -> str:
    """``text`` as literal inline Markdown: special characters escaped, whitespace folded to one line."""
    folded = " ".join(text.split())
    return "".join(f"\\{char}" if char in _SPECIAL else char for char in folded)


def escape_lines(text: str) -> str:
    """Like :func:`escape`, keeping line breaks as ``<br>`` (for table cells and list items)."""
    return "<br>".join(escape(line) for line in text.split("\n") if line.strip())


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.split("\n") if line.strip()]


def _numbered(codes: tuple[CodebookCode, ...], prefix: str = "") -> list[tuple[str, int, CodebookCode]]:
    result: list[tuple[str, int, CodebookCode]] = []
    for index, code in enumerate(codes, 1):
        number = f"{prefix}{index}"
        result.append((number, number.count("."), code))
        result += _numbered(code.children, f"{number}.")
    return result


def _overview(rows: list[tuple[str, int, CodebookCode]], language: Language, counts: Counts | None) -> list[str]:
    words = WORDS[language]
    header = ["#", words["code"], words["description"]]
    if counts is not None:
        header += [words["codings"], words["documents"]]
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join(["---", "---", "---"] + ["--:"] * (len(header) - 3)) + "|",
    ]
    lookup = {guid.lower(): value for guid, value in (counts or {}).items()}
    for number, depth, code in rows:
        name = escape(code.name)
        name = f"**{name}**" if depth == 0 else "\u2003" * (depth - 1) + name
        cells = [number, name, escape_lines(code.description)]
        if counts is not None:
            codings, documents = lookup.get(code.guid.lower(), (0, 0))
            cells += [str(codings), str(documents)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _fields(code: CodebookCode, language: Language, counts: Counts | None) -> list[str]:
    words, labels = WORDS[language], LABELS[language]
    opening, closing = QUOTES[language]
    lines: list[str] = []
    if code.description.strip():
        lines += [f"*{escape(code.description)}*", ""]
    for field in ("definition", "inclusion", "exclusion"):
        value = getattr(code, field)
        if value.strip():
            lines.append(f"- **{labels[field]}:** {escape_lines(value)}")
    examples = _lines(code.examples)
    if examples:
        lines.append(f"- **{labels['examples']}:**")
        lines += [f"  - {opening}{escape(example)}{closing}" for example in examples]
    keywords = _lines(code.keywords)
    if keywords:
        lines.append(f"- **{labels['keywords']}:** " + "; ".join(escape(word) for word in keywords))
    meta = f"- **{words['colour']}:** `{code.color or '-'}` \u00b7 **GUID:** `{code.guid}`"
    if counts is not None:
        lookup = {guid.lower(): value for guid, value in counts.items()}
        codings, documents = lookup.get(code.guid.lower(), (0, 0))
        meta += f" \u00b7 **{words['codings']}:** {codings} \u00b7 **{words['documents']}:** {documents}"
    lines.append(meta)
    return lines


def codebook_markdown(
    codebook: Codebook,
    counts: Counts | None = None,
    language: Language = "en",
    *,
    title: str | None = None,
    intro: str | None = None,
    day: date | None = None,
) -> str:
    """The Markdown text for ``codebook`` (see :func:`export_codebook_markdown`)."""
    check_language(language)
    day = day or date.today()
    rows = _numbered(codebook.codes)
    out = [f"# {escape(title or WORDS[language]['title'])}", "", summary_line(codebook, language, day), ""]
    if intro:
        out += [escape(intro), ""]
    if any(GAP_MARK in code.keywords for _, code in codebook.walk()):
        out += [f"*{escape(GAP_GUIDE[language])}*", ""]
    if rows:
        out += [f"## {WORDS[language]['overview']}", "", *_overview(rows, language, counts), ""]
    for number, depth, code in rows:
        hashes = "#" * min(6, depth + 2)
        out += [f"{hashes} {number} {escape(code.name)}", "", *_fields(code, language, counts), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def export_codebook_markdown(
    codebook: Codebook,
    path: str | Path,
    counts: Counts | None = None,
    language: Language = "en",
    *,
    title: str | None = None,
    intro: str | None = None,
    day: date | None = None,
) -> None:
    """Write ``codebook`` as Markdown to ``path``, whole or not at all.

    A heading per theme (top-level code) and per sub-code, each with all its
    fields; ``counts`` (GUID -> ``(codings, documents)``) adds the numbers to
    the overview table and to every code. ``day`` is the date printed under
    the title (default today).
    """
    text = codebook_markdown(codebook, counts, language, title=title, intro=intro, day=day)
    data = text.encode("utf-8")
    write_atomically(path, lambda stream: stream.write(data))
