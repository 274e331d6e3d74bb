"""The filter and output options ``report words`` shares with the code reports: listed in --help, worded per kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.running import run


def _sections(help_text: str) -> dict[str, str]:
    """The --help text per section title ("filter", "output", ...), its lines joined (argparse wraps to the terminal)."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in help_text.splitlines():
        if line and not line.startswith(" ") and line.endswith(":"):
            current = line[:-1]
        else:
            sections.setdefault(current, []).append(line.strip())
    return {title: " ".join(lines) for title, lines in sections.items()}


def test_report_words_help_lists_the_shared_options_with_its_own_wording(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run("report", "words", "--help")

    assert code == 0
    sections = _sections(out)
    for option in (
        "--filter ATTR=VALUE",
        "--coder NAME",
        "--exclude-interviewer",
        "--code NAME",
        "--rollup, --no-rollup",
    ):
        assert option in sections["filter"], option
    assert "with --code: only codings by this coder" in sections["filter"]
    assert "respondent text only: leave out interviewer turns" in sections["filter"]
    assert "with --code: its sub-codes' passages too (default: True)" in sections["filter"]
    for option in ("--format {docx,xlsx,csv,json}", "--out FILE", "--language {en,nl}", "--pseudonymise"):
        assert option in sections["output"], option
    assert "--chart" not in out  # words draw no bar chart
    assert "--codes" not in out


def test_a_code_report_keeps_its_wording_of_the_same_options(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run("report", "frequencies", "--help")

    assert code == 0
    sections = _sections(out)
    assert "only codings by this coder (repeatable)" in sections["filter"]
    assert "leave out codings inside interviewer turns" in sections["filter"]
    assert "--codes NAME" in sections["filter"]
    assert "count codes with their sub-codes (default: True)" in sections["options"]
    assert "--chart" in sections["output"] and "--pseudonymise" in sections["output"]


def test_a_bad_shared_option_of_report_words_is_said_in_dutch(tmp_path: Path) -> None:
    code, _, err = run("report", "words", tmp_path / "p.lobcoder", "--language", "nl", "--format", "pdf")

    assert code == 2
    assert err.strip() == (
        "lobcoder: error: report words: argument --format: ongeldige keuze: 'pdf' "
        "(kies uit 'docx', 'xlsx', 'csv', 'json') (zie lobcoder report words --help)"
    )
