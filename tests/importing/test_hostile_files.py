"""Hostile files: refused in one line naming the file and the problem (English and Dutch), the project unchanged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from lobcoder.errors import ImportProblem
from lobcoder.importing.readers import read_file
from lobcoder.services.batch_import import ImportOptions, import_files
from lobcoder.storage.project import ProjectStore


def _dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def _refused_unchanged(store: ProjectStore, file: Path) -> str:
    """Import ``file`` into ``store``: it must fail in one line, leaving the project as it was; the line."""
    before = _dump(store.path)
    report = import_files(store, [file], ImportOptions())
    (result,) = report.results
    assert result.status == "failed"
    assert "\n" not in result.message and result.message
    assert _dump(store.path) == before
    return result.message


@pytest.mark.parametrize(
    ("name", "timing"),
    [
        ("uren.vtt", "WEBVTT\n\n{h}:00:00.000 --> {h}:00:01.000\n<v Anna>Hallo daar\n"),
        ("uren.srt", "1\n{h}:00:00,000 --> {h}:00:01,000\nAnna: Hallo daar\n"),
    ],
)
@pytest.mark.parametrize("hours", ["9" * 20, "9" * 5000])
def test_a_cue_time_past_any_recording_is_refused_in_english_and_dutch(
    store: ProjectStore, tmp_path: Path, name: str, timing: str, hours: str
) -> None:
    file = tmp_path / name
    file.write_text(timing.format(h=hours), encoding="utf-8")
    message = _refused_unchanged(store, file)
    assert "too big" not in message and "digits" not in message  # no Python internals
    with pytest.raises(ImportProblem) as info:
        read_file(file)
    assert str(file) in str(info.value)
    assert info.value.problem_text("en").startswith("has a cue time past any recording")
    assert info.value.problem_text("nl").startswith("heeft een tijd die voorbij elke opname ligt")
    assert len(str(info.value)) < len(str(file)) + 200  # the absurd number is not repeated whole


def test_a_cue_time_of_99999999999_hours_still_fits_and_is_kept(store: ProjectStore, tmp_path: Path) -> None:
    # 3.6e17 ms is within a 64-bit INTEGER: nothing is lost, the time is the file's.
    file = tmp_path / "lang.vtt"
    file.write_text("WEBVTT\n\n99999999999:00:00.000 --> 99999999999:00:01.000\n<v Anna>Hallo daar\n")
    report = import_files(store, [file], ImportOptions())
    assert report.results[0].status == "imported"
    with store.read() as session:
        stamp = session.execute(text("SELECT timestamp_ms FROM speaker_turns")).scalar_one()
    assert stamp == 99999999999 * 3600 * 1000


@pytest.mark.parametrize("number", ["9" * 30, "-" + "9" * 30, "2000000", "-99999"])
def test_an_rtf_unicode_escape_out_of_range_reads_as_a_replacement_character(tmp_path: Path, number: str) -> None:
    # \uN is a signed 16-bit number; striprtf passed anything to chr() ("Python int too large to convert to C int").
    file = tmp_path / "teken.rtf"
    file.write_text(f"{{\\rtf1 Anna: ja \\u{number}? nee, \\\\u{number} blijft tekst}}", encoding="ascii")
    extracted = read_file(file)
    assert extracted.text == f"Anna: ja \ufffd nee, \\u{number} blijft tekst"
    assert extracted.warnings  # the replacement is reported


@pytest.mark.parametrize("prefix", ["", "\\\\"])  # nothing, or an escaped backslash before the control word
def test_an_rtf_control_word_past_32_letters_is_refused_in_english_and_dutch(
    store: ProjectStore, tmp_path: Path, prefix: str
) -> None:
    # RTF caps a control word at 32 letters; striprtf read a 50 MB one as text for half a minute.
    file = tmp_path / "opmaak.rtf"
    file.write_text(f"{{\\rtf1\\ansi Anna: ja\\par {prefix}\\{'a' * 200_000} Bram: nee\\par}}", encoding="ascii")
    message = _refused_unchanged(store, file)
    assert "32 letters" in message
    with pytest.raises(ImportProblem) as info:
        read_file(file)
    assert str(file) in str(info.value)
    assert info.value.problem_text("en") == "is damaged: it has a control word longer than the 32 letters RTF allows"
    assert info.value.problem_text("nl").startswith("is beschadigd: het bevat een opmaakcode die langer is")


def test_letters_after_an_escaped_backslash_and_a_32_letter_control_word_are_read(tmp_path: Path) -> None:
    file = tmp_path / "pad.rtf"
    long_word = "a" * 32  # the longest a control word may be: an unknown one, passed over
    letters = "b" * 40
    file.write_text(f"{{\\rtf1\\ansi Anna: map \\\\{letters}\\par \\{long_word} Bram: ja\\par}}", encoding="ascii")
    assert read_file(file).text == f"Anna: map \\{letters}\nBram: ja\n"


_CUE_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
_HOURS = st.one_of(st.integers(0, 99), st.integers(0, 10**25)).map(str)


@pytest.mark.project_file("compares raw dumps of the SQLite file")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cues=st.lists(st.tuples(_HOURS, _CUE_TEXT), min_size=1, max_size=6), srt=st.booleans())
def test_any_cue_text_is_stored_with_turns_inside_the_stored_text_or_refused_in_one_line(
    store: ProjectStore, tmp_path: Path, cues: list[tuple[str, str]], srt: bool
) -> None:
    if srt:
        body = "".join(f"{n}\n{h}:00:01,000 --> {h}:00:02,000\n{text}\n\n" for n, (h, text) in enumerate(cues, 1))
    else:
        body = "WEBVTT\n\n" + "".join(f"{h}:00:01.000 --> {h}:00:02.000\n{text}\n\n" for h, text in cues)
    file = tmp_path / ("cues.srt" if srt else "cues.vtt")
    file.write_text(body, encoding="utf-8")
    before = _dump(store.path)
    (result,) = import_files(store, [file], ImportOptions(allow_duplicates=True)).results
    if result.status == "failed":
        assert result.message and "\n" not in result.message
        assert _dump(store.path) == before
        return
    assert result.status == "imported"
    with sqlite3.connect(store.path) as raw:
        document_id, text = raw.execute("SELECT id, text FROM documents ORDER BY id DESC LIMIT 1").fetchone()
        turns = raw.execute(
            "SELECT label_start, start, end, timestamp_ms FROM speaker_turns WHERE document_id = ? ORDER BY start",
            (document_id,),
        ).fetchall()
    previous_end = 0
    for label_start, start, end, stamp in turns:
        assert previous_end <= label_start <= start <= end <= len(text)
        assert stamp is None or 0 <= stamp < 2**63
        previous_end = end
