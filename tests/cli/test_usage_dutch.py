"""A command run with --language nl says it in Dutch: argparse's usage errors and the project export notes."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from lobcoder.cli.main import build_parser
from lobcoder.cli.usage_language import language_asked, usage_messages_in, usage_words
from lobcoder.storage.models import Participant
from lobcoder.storage.project import ProjectStore
from tests.cli.running import run


def test_a_missing_argument_is_said_in_dutch_with_a_dutch_usage_line() -> None:
    code, out, err = run("team", "merge", "--language", "nl")

    assert code == 2 and out == ""
    assert err.startswith("gebruik: lobcoder team merge ")
    assert err.rstrip().endswith("lobcoder team merge: error: deze argumenten zijn verplicht: project, other")


def test_the_same_mistake_in_english_and_after_a_dutch_one_stays_english() -> None:
    run("team", "merge", "--language", "nl")  # argparse is put back afterwards

    code, _, err = run("team", "merge")

    assert code == 2
    assert err.startswith("usage: lobcoder team merge ")
    assert "the following arguments are required: project, other" in err


def test_an_invalid_choice_is_said_in_dutch(tmp_path: Path) -> None:
    code, _, err = run("report", "frequencies", tmp_path / "p.lobcoder", "--lang=nl", "--format", "pdf")

    assert code == 2
    assert err.strip() == (
        "lobcoder: error: report frequencies: argument --format: ongeldige keuze: 'pdf' "
        "(kies uit 'docx', 'xlsx', 'csv', 'json') (zie lobcoder report frequencies --help)"
    )


@pytest.mark.parametrize(
    ("argv", "language"),
    [
        (["report", "frequencies", "p", "--language", "nl"], "nl"),
        (["report", "frequencies", "p", "--langu=nl"], "nl"),
        (["report", "frequencies", "p", "--language"], "en"),  # the value is missing: argparse says so, in English
        (["report", "frequencies", "--", "--language", "nl"], "en"),  # after --, a file name
        (["team", "merge", "--lan", "nl"], "nl"),  # argparse takes an unambiguous abbreviation
        (["team", "merge", "-l", "nl"], "en"),
    ],
)
def test_the_language_is_read_from_the_raw_arguments(argv: list[str], language: str) -> None:
    assert language_asked(argv) == language


def test_project_export_prints_what_it_wrote_and_its_notes_in_dutch(tmp_path: Path) -> None:
    project = tmp_path / "p.lobcoder"
    with ProjectStore.create(project) as store, store.transaction() as session:
        session.add(Participant(name="Marieke", description="Docent\x0cmentor"))  # pasted from a PDF: a page break
    target = tmp_path / "p.qdpx"

    code, out, _ = run("project", "export", project, "--out", target, "--language", "nl")

    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"Geschreven: {target}"
    assert len(lines) == 2 and lines[1].startswith("opmerking: ")
    assert "tekens die XML niet kan bevatten, zijn vervangen door \ufffd" in lines[1]
    english = run("project", "export", project, "--out", tmp_path / "q.qdpx")[1].splitlines()
    assert english[0] == f"Wrote {tmp_path / 'q.qdpx'}" and english[1].startswith("note: ")
    assert "characters that XML cannot hold were replaced" in english[1]


def test_transcripts_language_is_the_proofing_language_so_its_usage_errors_stay_english() -> None:
    code, _, err = run("transcripts", "--language", "nl")

    assert code == 2 and err.startswith("usage: lobcoder transcripts ")


def test_an_argparse_without_the_patched_names_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    # Another Python's argparse may not look its messages up as argparse._ and argparse.ngettext: English, no crash.
    parser = build_parser("team")
    monkeypatch.delattr(argparse, "_")
    monkeypatch.delattr(argparse, "ngettext")

    with usage_messages_in("nl"):
        args = parser.parse_args(["team", "merge", "a.lobcoder", "b.lobcoder", "--language", "nl"])
        see = usage_words("(see %s --help)")

    assert (args.project, args.other, args.language) == (Path("a.lobcoder"), Path("b.lobcoder"), "nl")
    assert see == "(see %s --help)"
    assert not hasattr(argparse, "_") and not hasattr(argparse, "ngettext")  # nothing added to argparse
