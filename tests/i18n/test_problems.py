"""Errors the core raises with a catalogue key: English for ``str()``, Dutch on request, every key complete."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import docx
import pytest

import lobcoder
from lobcoder.cli.main import run_cli
from lobcoder.errors import FileProblem, ImportProblem, NotAProjectError, ProjectTooNewError
from lobcoder.i18n import CATALOGUE
from lobcoder.i18n.said import say
from lobcoder.importing.readers import read_file
from lobcoder.participants.sheets import read_sheet
from lobcoder.refi.qdc import read_qdc
from lobcoder.refi.qdpx_read import QdpxFile
from lobcoder.storage.project import ProjectStore
from tests.i18n.test_catalogue import SAME_IN_EVERY_LANGUAGE

SOURCE = Path(lobcoder.__file__).parent
_SAY = re.compile(r"""\bsay\(\s*["']([\w.]+)["']""")


def _said_keys() -> set[str]:
    return {key for path in SOURCE.rglob("*.py") for key in _SAY.findall(path.read_text(encoding="utf-8"))}


def test_every_key_the_code_says_is_in_the_catalogue_in_both_languages() -> None:
    keys = _said_keys()
    assert len(keys) > 40, "the raise sites were not found"
    missing = sorted(key for key in keys if key not in CATALOGUE)
    assert not missing, f"keys said in the code but not in the catalogue: {missing}"
    for key in keys:
        assert CATALOGUE[key].en.strip() and CATALOGUE[key].nl.strip(), key


def test_every_problem_formats_in_dutch_without_leftover_placeholders() -> None:
    # Errors, import warnings and notes, and what the CLI prints about its work.
    problems = [key for key in CATALOGUE if key.startswith(("problem.", "warning.", "note.", "cli."))]
    for key in problems:
        names = {name for _, name, _, _ in string.Formatter().parse(CATALOGUE[key].nl) if name}
        words = say(key, **dict.fromkeys(names, "X")).text("nl")
        assert "{" not in words and "}" not in words, f"{key}: {words}"
        if key not in SAME_IN_EVERY_LANGUAGE:
            assert words != CATALOGUE[key].en.format(**dict.fromkeys(names, "X")), f"{key} is not translated"


def test_a_file_problem_is_english_for_str_and_dutch_on_request(tmp_path: Path) -> None:
    broken = tmp_path / "Kapot.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportProblem) as caught:
        read_file(broken)
    error = caught.value
    assert error.text("en") == str(error) == f"{broken}: {error.problem}"
    assert str(error) == f"{broken}: is not a Word document (.docx), or it is damaged"
    dutch = error.text("nl")
    # Named as she knows the file, without Python's English reason ("File is not a zip file").
    assert dutch == f"{broken}: is geen Word-document (.docx) of is beschadigd"
    assert error.problem_text("nl") == dutch.removeprefix(f"{broken}: ")


def test_empty_and_binary_text_files_are_refused_in_either_language(tmp_path: Path) -> None:
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"   \n")
    with pytest.raises(ImportProblem) as caught:
        read_file(empty)
    assert str(caught.value) == f"{empty}: is empty"
    assert caught.value.text("nl") == f"{empty}: is leeg"
    binary = tmp_path / "foto.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ImportProblem) as caught:
        read_file(binary)
    assert str(caught.value) == f"{binary}: is not a text file (it looks like binary data)"
    assert caught.value.text("nl") == f"{binary}: is geen tekstbestand (het lijkt op binaire gegevens)"


def test_opening_something_that_is_not_a_project_says_so_in_dutch(tmp_path: Path) -> None:
    notes = tmp_path / "aantekeningen.lobcoder"
    notes.write_text("geen database", encoding="utf-8")
    with pytest.raises(NotAProjectError) as caught:
        ProjectStore.open(notes)
    assert str(caught.value) == f"{notes}: is not a lobcoder project (not an SQLite database)"
    assert caught.value.text("nl") == f"{notes}: is geen lobcoder-project (geen SQLite-database)"


def test_a_project_that_exists_is_not_overwritten_and_the_reason_is_dutch(tmp_path: Path) -> None:
    path = tmp_path / "studie.lobcoder"
    document = docx.Document()
    document.save(path)
    with pytest.raises(FileProblem) as caught:
        ProjectStore.create(path)
    assert caught.value.text("nl") == f"{path}: er bestaat al een bestand met deze naam; kies een andere naam"


def test_too_new_keeps_its_english_line_and_words_the_dutch_one() -> None:
    error = ProjectTooNewError("/p/studie.lobcoder", "0042", "0017")
    assert str(error) == (
        "/p/studie.lobcoder was saved by a newer lobcoder (schema 0042); this version knows up to 0017. "
        "Update lobcoder to open it."
    )
    assert error.text("nl") == (
        "/p/studie.lobcoder is opgeslagen door een nieuwere lobcoder (schema 0042); "
        "deze versie kent schema's tot en met 0017. Werk lobcoder bij om het te openen."
    )


def test_a_problem_raised_with_plain_words_stays_english() -> None:
    error = FileProblem("/p/x.txt", "something odd")
    assert error.text("nl") == "/p/x.txt: something odd"


def test_say_refuses_a_key_the_catalogue_lacks() -> None:
    with pytest.raises(KeyError):
        say("problem.no_such_key")


def test_a_sheet_without_header_and_a_codebook_that_is_a_word_file_are_refused_in_dutch(tmp_path: Path) -> None:
    sheet = tmp_path / "deelnemers.csv"
    sheet.write_text("1;2;3\n4;5;6\n", encoding="utf-8")
    with pytest.raises(ImportProblem) as caught:
        read_sheet(sheet)
    assert str(caught.value) == f"{sheet}: has no header row: the first row holds values, not column names"
    assert caught.value.text("nl") == f"{sheet}: heeft geen kopregel: de eerste rij bevat waarden, geen kolomnamen"

    word = tmp_path / "codeboek.docx"
    docx.Document().save(word)
    with pytest.raises(FileProblem) as refused:
        read_qdc(word)
    assert refused.value.text("nl").startswith(f"{word}: is geen REFI-QDA-codeboek (.qdc): het is een Word-document (")

    broken = tmp_path / "codeboek.qdc"
    broken.write_text('<?xml version="1.0"?>\n<CodeBook>\n<Codes>', encoding="utf-8")
    with pytest.raises(FileProblem) as malformed:
        read_qdc(broken)
    assert str(malformed.value).startswith(f"{broken}: is not well-formed XML (line ")
    assert malformed.value.text("nl").startswith(f"{broken}: is geen welgevormde XML (regel ")


def test_the_cli_words_an_error_in_the_language_of_a_command_with_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "aantekeningen.lobcoder"
    notes.write_text("geen database", encoding="utf-8")
    assert run_cli(["report", "frequencies", str(notes), "--language", "nl"]) == 2
    assert f"{notes}: is geen lobcoder-project (geen SQLite-database)" in capsys.readouterr().err
    assert run_cli(["report", "frequencies", str(notes)]) == 2
    assert f"{notes}: is not a lobcoder project (not an SQLite database)" in capsys.readouterr().err


def test_transcripts_language_is_the_transcripts_language_not_that_of_its_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # --language marks the Word files' text for the spelling check; errors stay English, as --help says.
    notes = tmp_path / "aantekeningen.lobcoder"
    notes.write_text("geen database", encoding="utf-8")
    assert run_cli(["transcripts", str(notes), "--out", str(tmp_path / "uit"), "--language", "nl"]) == 2
    assert f"{notes}: is not a lobcoder project (not an SQLite database)" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run_cli(["transcripts", "--help"])
    assert "lobcoder's own messages, which are English in this command" in " ".join(capsys.readouterr().out.split())


def test_import_json_lists_a_broken_file_with_its_english_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The failed file's error object is kept for the GUI's Dutch, but never leaks into the JSON.
    project = tmp_path / "studie.lobcoder"
    ProjectStore.create(project).close()
    broken = tmp_path / "Kapot.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    capsys.readouterr()
    run_cli(["import", str(project), str(broken), "--json"])
    [failed] = json.loads(capsys.readouterr().out)["files"]
    assert failed["status"] == "failed"
    assert failed["message"] == "is not a Word document (.docx), or it is damaged"
    assert "cause" not in failed


@pytest.mark.parametrize(
    ("name", "english", "dutch"),
    [
        ("Kapot.docx", "a Word document (.docx)", "Word-document (.docx)"),
        ("Kapot.odt", "an OpenDocument text file (.odt)", "OpenDocument-tekstbestand (.odt)"),
        ("Kapot.qdpx", "a REFI-QDA project file (.qdpx)", "REFI-QDA-projectbestand (.qdpx)"),
        ("Kapot.xlsx", "an Excel workbook (.xlsx)", "Excel-werkmap (.xlsx)"),
    ],
)
def test_a_file_that_is_no_zip_is_named_for_what_it_should_be(
    tmp_path: Path, name: str, english: str, dutch: str
) -> None:
    broken = tmp_path / name
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    read = {".docx": read_file, ".odt": read_file, ".qdpx": QdpxFile.open, ".xlsx": read_sheet}[broken.suffix]
    with pytest.raises(ImportProblem) as caught:
        read(broken)
    assert caught.value.text("en") == f"{broken}: is not {english}, or it is damaged"
    assert caught.value.text("nl") == f"{broken}: is geen {dutch} of is beschadigd"
