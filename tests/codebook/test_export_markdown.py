"""The Markdown codebook: every code with every field, and text that cannot break the markup."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from lobcoder.codebook.builtin import load_builtin_codebook
from lobcoder.codebook.export_markdown import codebook_markdown, escape, export_codebook_markdown
from lobcoder.errors import FileProblem
from lobcoder.services.codebook_data import Codebook, CodebookCode

DAY = date(2026, 3, 14)


def table_cells(line: str) -> list[str]:
    """The cells of a GFM table row, split only at unescaped pipes."""
    assert line.startswith("| ") and line.endswith(" |"), line
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line[1:-1])]


def overview_rows(text: str) -> list[list[str]]:
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("| # | Code |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(table_cells(line))
    return rows


def test_every_code_and_every_field_is_there(tmp_path: Path) -> None:
    codebook = load_builtin_codebook("nl")
    path = tmp_path / "codeboek.md"
    export_codebook_markdown(codebook, path, language="nl", title="Codeboek LOB", day=DAY)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Codeboek LOB\n\n23 codes in 4 thema's \u00b7 14 maart 2026\n")
    for label in (
        "**Definitie:**",
        "**Opnemen als:**",
        "**Niet opnemen als:**",
        "**Voorbeelden:**",
        "**Trefwoorden:**",
    ):
        assert text.count(label) == 23, label
    for _, code in codebook.walk():
        heading = re.search(rf"^(#+) [\d.]+ {re.escape(escape(code.name))}$", text, re.MULTILINE)
        assert heading, code.name
        assert len(heading.group(1)) == (2 if code.children else 3)
        assert escape(code.definition) in text
        assert escape(code.inclusion) in text
        assert escape(code.exclusion) in text
        for example in code.examples.split("\n"):
            assert f"  - \u201e{escape(example)}\u201d" in text
        assert "; ".join(escape(word) for word in code.keywords.split("\n")) in text
        assert f"`{code.guid}`" in text and f"`{code.color}`" in text


def test_overview_table_lists_codes_in_tree_order() -> None:
    codebook = load_builtin_codebook("en")
    rows = overview_rows(codebook_markdown(codebook, language="en", day=DAY))
    assert [row[0] for row in rows][:3] == ["1", "1.1", "1.2"]
    assert rows[0][1] == "**Collective learning**"
    assert len(rows) == 23 and all(len(row) == 3 for row in rows)


def test_pipes_and_markup_are_escaped() -> None:
    codebook = Codebook(
        codes=(
            CodebookCode(
                guid="11111111-1111-4111-8111-111111111111",
                name="Ja | nee",
                color="#123456",
                description="a|b *niet vet* <script> [link](x)",
                definition="Regel 1\nRegel | 2",
                keywords="a|b\nc_d",
                children=(CodebookCode(guid="22222222-2222-4222-8222-222222222222", name="Sub_code", color="#654321"),),
            ),
        )
    )
    text = codebook_markdown(codebook, language="nl", day=DAY)
    rows = overview_rows(text)
    assert rows[0] == ["1", "**Ja \\| nee**", "a\\|b \\*niet vet\\* \\<script\\> \\[link\\](x)"]
    assert rows[1] == ["1.1", "Sub\\_code", ""]
    assert "## 1 Ja \\| nee" in text
    assert "- **Definitie:** Regel 1<br>Regel \\| 2" in text
    assert "- **Trefwoorden:** a\\|b; c\\_d" in text
    assert "<script>" not in text


def test_counts_go_into_the_overview_and_each_code() -> None:
    codebook = load_builtin_codebook("nl")
    first, second = (code for _, code in list(codebook.walk())[:2])
    text = codebook_markdown(codebook, counts={first.guid: (7, 3)}, language="nl", day=DAY)
    assert "| # | Code | Beschrijving | Coderingen | Documenten |" in text
    rows = overview_rows(text)
    assert rows[0][3:] == ["7", "3"] and rows[1][3:] == ["0", "0"]
    assert "**Coderingen:** 7 \u00b7 **Documenten:** 3" in text
    assert f"`{second.guid}` \u00b7 **Coderingen:** 0" in text


def test_english_labels() -> None:
    text = codebook_markdown(load_builtin_codebook("en"), language="en", day=DAY)
    assert "23 codes in 4 themes \u00b7 14 March 2026" in text
    assert "**Include when:**" in text and "**Exclude when:**" in text and "## Overview" in text


def test_empty_codebook_and_bad_paths(tmp_path: Path) -> None:
    assert codebook_markdown(Codebook(codes=()), day=DAY) == "# Codebook\n\n0 codes \u00b7 14 March 2026\n"
    with pytest.raises(FileProblem):
        export_codebook_markdown(load_builtin_codebook("nl"), tmp_path / "missing" / "x.md")
    with pytest.raises(ValueError):
        codebook_markdown(Codebook(codes=()), language="de")  # type: ignore[arg-type]
