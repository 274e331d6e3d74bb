"""The command line end to end: new, import, info, search, show, speakers."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from lobcoder.__main__ import main
from lobcoder.services.documents import get_document, list_documents
from lobcoder.storage.project import ProjectStore

DOCX_PARAGRAPHS = [
    "I: Hoe is de coördinatie van LOB geregeld?",
    "Anna: Eén keer per maand overleggen we 😀 met het team.",
    "I: En werken docenten samen?",
    "Anna: Ja, docenten leren samen van elkaar.",
]
UTF8_TEXT = "I: Wat is de visie van de school?\nBram: De visie is door het management geschreven.\nI: Merkt u dat?\nBram: Nauwelijks, eerlijk gezegd.\n"
CP1252_TEXT = (
    "I: Hoe verloopt de communicatie met de teamleider?\r\n"
    "Carla: Eén keer per periode is er overleg over ‘loopbaanbegeleiding’, en de coördinatie ligt bij het "
    "management.\r\nI: Wat kost dat?\r\nCarla: Ongeveer €50 per student per jaar, denk ik.\r\n"
)
VTT = (
    "WEBVTT\n\n00:00:01.000 --> 00:00:04.500\n<v Interviewer>Welkom bij dit gesprek.</v>\n\n"
    "00:00:05.000 --> 00:00:09.000\n<v Daan de Vries>Dank je. Ik ben mentor in het mbo.</v>\n"
)


def run(*args: str | Path) -> tuple[int, str]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([str(a) for a in args])
    return code, out.getvalue()


@pytest.fixture
def transcripts(tmp_path: Path) -> Path:
    folder = tmp_path / "transcripts"
    folder.mkdir()
    document = docx.Document()
    for paragraph in DOCX_PARAGRAPHS:
        document.add_paragraph(paragraph)
    document.save(folder / "Docent01_w1.docx")
    (folder / "Docent02_w1.txt").write_text(UTF8_TEXT, encoding="utf-8")
    (folder / "Docent03_w1.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (folder / "Teams_gesprek.vtt").write_text(VTT, encoding="utf-8")
    (folder / "kapot.docx").write_bytes(b"PK\x03\x04 this is not really a Word file")
    return folder


def test_import_a_folder_then_info_search_and_show(tmp_path: Path, transcripts: Path, capsys) -> None:
    project = tmp_path / "onderzoek.lobcoder"
    assert run("new", project)[0] == 0
    code, output = run("import", project, transcripts)
    assert code == 1  # one file was rejected
    assert (
        "FAILED" in output and "kapot.docx" in output and "is not a Word document (.docx), or it is damaged" in output
    )
    assert "4 imported, 0 duplicates skipped, 1 failed" in output

    with ProjectStore.open(project) as store, store.read() as session:
        names = [d.name for d in list_documents(session)]
        assert names == ["Docent01_w1", "Docent02_w1", "Docent03_w1", "Teams_gesprek"]
        assert get_document(session, "Docent01_w1").text == "\n".join(DOCX_PARAGRAPHS)
        assert get_document(session, "Docent02_w1").text == UTF8_TEXT
        assert get_document(session, "Docent03_w1").text == CP1252_TEXT.replace("\r\n", "\n")
        teams = get_document(session, "Teams_gesprek")
        assert [(t.speaker, t.timestamp_ms) for t in teams.turns] == [("Interviewer", 1000), ("Daan de Vries", 5000)]
        anna = get_document(session, "Docent01_w1").turns[1]
        assert anna.speaker == "Anna"
        assert get_document(session, "Docent01_w1").text[anna.start : anna.end] == DOCX_PARAGRAPHS[1][6:]

    code, output = run("info", project, "--json")
    assert code == 0
    info = json.loads(output)
    assert info["documents"] == 4
    assert info["turns"] == 4 + 4 + 4 + 2
    assert info["speakers"] == 6  # I, Anna, Bram, Carla, Interviewer, Daan de Vries
    assert info["interviewer_speakers"] == 2

    code, output = run("search", project, "coordinatie", "--json")
    hits = json.loads(output)["hits"]
    assert code == 0
    assert [(h["document_name"], h["hit"]) for h in hits] == [
        ("Docent01_w1", "coördinatie"),
        ("Docent03_w1", "coördinatie"),
    ]

    code, output = run("search", project, "loopbaan*")
    assert "Docent03_w1:" in output and "[loopbaanbegeleiding]" in output

    code, output = run("search", project, "ongeveer")  # one hit: in the singular
    assert output.splitlines()[-1] == "1 hit in 1 document"

    code, output = run("show", project, "Docent03_w1")
    assert code == 0
    assert "Carla @" in output and "€50 per student" in output
    assert "I (interviewer)" in output

    code, output = run("show", project, "Docent02_w1", "--json")
    view = json.loads(output)
    assert view["text"] == UTF8_TEXT
    assert [t["speaker"] for t in view["turns"]] == ["I", "Bram", "I", "Bram"]


def test_reimporting_reports_duplicates_and_changes_nothing(tmp_path: Path, transcripts: Path) -> None:
    project = tmp_path / "p.lobcoder"
    run("new", project)
    (transcripts / "kapot.docx").unlink()
    assert run("import", project, transcripts)[0] == 0
    code, output = run("import", project, transcripts, "--json")
    assert code == 0
    statuses = [r["status"] for r in json.loads(output)["files"]]
    assert statuses == ["duplicate"] * 4
    assert json.loads(run("info", project, "--json")[1])["documents"] == 4


def test_preview_shows_speakers_and_imports_nothing(tmp_path: Path, transcripts: Path) -> None:
    project = tmp_path / "p.lobcoder"
    run("new", project)
    code, output = run("import", project, transcripts / "Docent02_w1.txt", "--preview")
    assert code == 0
    assert "4 turns" in output and "Bram: 2 turns" in output and "I (interviewer): 2 turns" in output
    assert json.loads(run("info", project, "--json")[1])["documents"] == 0


def test_speakers_can_be_marked_as_interviewer(tmp_path: Path, transcripts: Path) -> None:
    project = tmp_path / "p.lobcoder"
    run("new", project)
    run("import", project, transcripts / "Docent02_w1.txt")
    code, output = run("speakers", project, "--interviewer", "Bram", "--json")
    assert code == 0
    assert {s["name"]: s["is_interviewer"] for s in json.loads(output)} == {"Bram": True, "I": True}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("info", "{tmp}/missing.lobcoder"), "missing.lobcoder: no such file"),
        (("info", "{tmp}/junk.lobcoder"), "junk.lobcoder: is not a lobcoder project"),
        (("new", "{tmp}/junk.lobcoder"), "junk.lobcoder: a file with this name already exists"),
        (("show", "{tmp}/p.lobcoder", "Nope"), "no document named 'Nope'"),
        (("search", "{tmp}/p.lobcoder", "NOT alleen"), "at least one word"),
    ],
)
def test_errors_are_one_line_with_the_file_and_exit_non_zero(tmp_path: Path, args, message, capsys) -> None:
    (tmp_path / "junk.lobcoder").write_bytes(b"\x00" * 200)
    main(["new", str(tmp_path / "p.lobcoder")])
    capsys.readouterr()
    code = main([a.format(tmp=tmp_path) for a in args])
    captured = capsys.readouterr()
    assert code == 2
    text = (captured.err + captured.out).strip()
    assert message in text
    assert len(text.splitlines()) == 1


def test_invalid_speaker_pattern_is_a_usage_error(tmp_path: Path, transcripts: Path, capsys) -> None:
    project = tmp_path / "p.lobcoder"
    main(["new", str(project)])
    with pytest.raises(SystemExit) as stop:
        main(["import", str(project), str(transcripts), "--speaker-pattern", "(unclosed"])
    assert stop.value.code == 2
    assert "--speaker-pattern" in capsys.readouterr().err
    assert json.loads(run("info", project, "--json")[1])["documents"] == 0


def test_installed_entry_point_runs_headless(tmp_path: Path) -> None:
    executable = shutil.which("lobcoder") or str(Path(sys.executable).parent / "lobcoder")
    project = tmp_path / "via-script.lobcoder"
    result = subprocess.run([executable, "new", str(project), "--json"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["project"] == str(project)
    assert project.exists()


def test_attribute_sheet_links_participants_and_reports_unmatched_rows(tmp_path: Path, transcripts: Path) -> None:
    project = tmp_path / "p.lobcoder"
    run("new", project)
    (transcripts / "kapot.docx").unlink()
    run("import", project, transcripts)
    sheet = tmp_path / "deelnemers.csv"
    sheet.write_bytes(
        "document;deelnemer;school;rol;golf\n"
        "Docent01_w1.docx;Anna;Da Vinci College;docent;1\n"
        "docent02_w1;Bram;ROC Zuid;mentor;1\n"
        "Docent99_w3;Zoë;ROC Zuid;docent;3\n".encode("cp1252")
    )
    code, output = run("import", project, "--attributes", sheet, "--participant-attributes", "school,rol")
    assert code == 1  # one row matched no document
    assert "row 4: 'Docent99_w3' matches no document" in output

    code, output = run("participants", project, "--json")
    participants = {p["name"]: p for p in json.loads(output)}
    assert set(participants) == {"Anna", "Bram"}
    assert participants["Anna"]["documents"] == ["Docent01_w1"]
    assert participants["Bram"]["attributes"] == {"school": "ROC Zuid", "rol": "mentor"}

    code, output = run("show", project, "Docent01_w1", "--json")
    shown = json.loads(output)
    assert shown["participant"] == "Anna"
    assert shown["attributes"] == {"school": "Da Vinci College", "rol": "docent", "golf": "1"}
    assert json.loads(run("info", project, "--json")[1])["participants"] == 2


def test_version_and_help_import_no_heavy_layer() -> None:
    """``--version`` and ``--help`` answer without SQLAlchemy, numpy or any subcommand module."""
    code = (
        "import sys, contextlib, io\n"
        "from lobcoder.__main__ import main\n"
        "for args in (['--version'], ['--help']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "        try:\n"
        "            main(args)\n"
        "        except SystemExit:\n"
        "            pass\n"
        "    assert 'lobcoder' in out.getvalue(), out.getvalue()\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'numpy', 'docx', 'openpyxl')\n"
        "         or m in ('lobcoder.cli.report', 'lobcoder.cli.documents', 'lobcoder.storage.project')]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_every_listed_command_is_registered_by_its_module() -> None:
    """The cheap command list and the modules agree, so ``lobcoder X`` always reaches X's real parser."""
    import argparse

    from lobcoder.cli.main import COMMANDS, build_parser

    def registered(parser: argparse.ArgumentParser) -> set[str]:
        action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        return set(action.choices)

    assert registered(build_parser()) == set(COMMANDS)
    for name, (module, _help) in COMMANDS.items():
        parser = build_parser(name)
        action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        # A stub has only -h; the real parser has its arguments (or its own subcommands).
        assert len(action.choices[name]._actions) > 1, (name, module)


def test_the_command_list_says_what_each_command_does_as_its_module_does() -> None:
    """`lobcoder --help` (the cheap list) and the module's parser give one help, naming every report kind."""
    import argparse

    from lobcoder.cli.main import COMMANDS, build_parser

    def subcommands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
        return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))

    top = subcommands(build_parser())
    helps = {choice.dest: choice.help for choice in top._choices_actions}
    assert helps == {name: help_text for name, (_module, help_text) in COMMANDS.items()}
    kinds = subcommands(top.choices["report"]).choices
    said = COMMANDS["report"][1].replace("-", "")
    assert [kind for kind in kinds if kind.rstrip("s") not in said] == []


def test_a_blank_bracket_label_in_subtitles_names_no_speaker(tmp_path: Path) -> None:
    # whisperX writes "[ ]:" when it could not tell who spoke: no speaker, the cue kept as written.
    srt = tmp_path / "gesprek.srt"
    srt.write_text(
        "1\n00:00:01,000 --> 00:00:03,000\n[ ]: Eh, waar zal ik beginnen?\n\n"
        "2\n00:00:03,000 --> 00:00:05,000\n[Anna]: Bij de stage.\n\n"
        "3\n00:00:05,000 --> 00:00:07,000\n[ ]: Goed.\n",
        encoding="utf-8",
    )
    project = tmp_path / "p.lobcoder"
    assert run("new", project)[0] == 0
    code, output = run("import", project, srt)
    assert code == 0
    assert "speakers: Anna" in output and "speakers: ," not in output
    with ProjectStore.open(project) as store, store.read() as session:
        document = get_document(session, "gesprek")
    assert document.text == "[ ]: Eh, waar zal ik beginnen?\nAnna: Bij de stage.\n[ ]: Goed."
    assert [(t.speaker, document.text[t.start : t.end]) for t in document.turns] == [
        (None, "[ ]: Eh, waar zal ik beginnen?"),
        ("Anna", "Bij de stage."),
        (None, "[ ]: Goed."),
    ]
