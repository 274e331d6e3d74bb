"""Teams/Zoom transcripts as WebVTT and SRT: speaker turns with offsets."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from lobcoder.errors import ImportProblem
from lobcoder.importing.extracted import ExtractedText, Turn
from lobcoder.importing.readers import read_file
from lobcoder.text.normalize import normalize_text

TEAMS_VTT = """WEBVTT
Kind: captions
Language: nl-NL

NOTE Gemaakt door Teams
over twee regels

STYLE
::cue { color: white }

a1b2c3d4-1/12-0
00:00:01.250 --> 00:00:04.000
<v Interviewer>Welkom bij dit interview.</v>

a1b2c3d4-2/12-0
00:00:04.000 --> 00:00:06.500 align:start position:10%
<v Interviewer>Hoe verliep de
coördinatie?</v>

00:00:07.000 --> 00:00:09.000
<v.loud Anna de Vries>Eh, <i>goed</i> 😀 &amp; <c.yellow>snel</c>.</v>

00:01:02.345 --> 00:01:05.000
<v Anna de Vries>Echt <00:01:03.000>waar.</v>

01:02.500 --> 01:04.000
<v Interviewer>Dank je.</v>
"""


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def _check_offsets(result: ExtractedText) -> None:
    """Every turn's slices are its label, its speech and a whole line."""
    assert result.turns is not None
    assert normalize_text(result.text) == result.text
    lines = result.text.split("\n")
    assert len(lines) == len(result.turns)
    for line, turn in zip(lines, result.turns, strict=True):
        assert result.text[turn.label_start : turn.end] == line
        label = "" if turn.speaker is None else f"{turn.speaker}: "
        assert result.text[turn.label_start : turn.start] == label


def test_teams_vtt_with_voice_tags(tmp_path: Path) -> None:
    result = read_file(_write(tmp_path, "teams.vtt", TEAMS_VTT))
    assert result.format == "vtt"
    assert result.text == (
        "Interviewer: Welkom bij dit interview. Hoe verliep de coördinatie?\n"
        "Anna de Vries: Eh, goed 😀 & snel. Echt waar.\n"
        "Interviewer: Dank je."
    )
    assert result.turns is not None
    assert [(t.speaker, t.timestamp_ms) for t in result.turns] == [
        ("Interviewer", 1250),
        ("Anna de Vries", 7000),
        ("Interviewer", 62500),
    ]
    anna = result.turns[1]
    assert result.text[anna.start : anna.end] == "Eh, goed 😀 & snel. Echt waar."
    assert anna.label_start == result.text.index("Anna de Vries:")
    _check_offsets(result)


ZOOM_VTT = """WEBVTT

1
00:00:00.500 --> 00:00:02.000
Marieke van der Berg: Zullen we beginnen?

2
00:00:02.000 --> 00:00:03.000
Marieke van der Berg: Goed.

3
00:00:03.500 --> 00:00:05.000
Jan: Ja: prima.

4
00:00:05.000 --> 00:00:06.000
Nou ja: zonder spreker.

5
00:00:06.000 --> 00:00:07.000
Nog een cue zonder spreker.
"""


def test_zoom_vtt_with_name_prefixes(tmp_path: Path) -> None:
    result = read_file(_write(tmp_path, "zoom.vtt", ZOOM_VTT))
    assert result.text == (
        "Marieke van der Berg: Zullen we beginnen? Goed.\n"
        "Jan: Ja: prima.\n"
        "Nou ja: zonder spreker.\n"
        "Nog een cue zonder spreker."
    )
    assert result.turns == (
        Turn("Marieke van der Berg", 0, 22, 47, 500),
        Turn("Jan", 48, 53, 63, 3500),
        Turn(None, 64, 64, 87, 5000),
        Turn(None, 88, 88, 115, 6000),
    )
    _check_offsets(result)


SRT = """1
00:00:01,000 --> 00:00:03,500
Interviewer: Hoe gaat het met
de reïntegratie?

2
00:00:04,000 --> 00:00:06,000
<i>Anna:</i> Goed, dank je.

3
00:00:06,000 --> 00:00:08,000
Anna: Al was het één keer lastig.
"""


def test_srt_with_crlf_and_tags(tmp_path: Path) -> None:
    result = read_file(_write(tmp_path, "interview.srt", SRT.replace("\n", "\r\n")))
    assert result.format == "srt"
    assert result.text == (
        "Interviewer: Hoe gaat het met de reïntegratie?\nAnna: Goed, dank je. Al was het één keer lastig."
    )
    assert result.turns is not None
    assert [t.timestamp_ms for t in result.turns] == [1000, 4000]
    _check_offsets(result)


def test_decomposed_accents_are_composed_before_offsets(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "<v José>Één coördinatie 😀 later.</v>")
    content = (
        f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n{decomposed}\n\n00:00:02.000 --> 00:00:03.000\n<v José>Verder.</v>\n"
    )
    result = read_file(_write(tmp_path, "nfd.vtt", content))
    assert result.text == "José: Één coördinatie 😀 later. Verder."
    assert result.turns is not None
    turn = result.turns[0]
    assert result.text[turn.start : turn.end] == "Één coördinatie 😀 later. Verder."
    _check_offsets(result)


def test_two_voices_in_one_cue(tmp_path: Path) -> None:
    content = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Anna>Ja?</v>\n<v Bram>Nee.</v>\n"
    result = read_file(_write(tmp_path, "twee.vtt", content))
    assert result.text == "Anna: Ja?\nBram: Nee."
    _check_offsets(result)


def test_utf8_bom_and_windows_1252(tmp_path: Path) -> None:
    content = "1\n00:00:01,000 --> 00:00:02,000\nAnna: Dat was één keer ‘raar’.\n"
    result = read_file(_write(tmp_path, "oud.srt", content.encode("cp1252")))
    assert result.encoding == "cp1252"
    assert result.text == "Anna: Dat was één keer ‘raar’."
    result = read_file(_write(tmp_path, "bom.srt", b"\xef\xbb\xbf" + content.encode("utf-8")))
    assert result.text == "Anna: Dat was één keer ‘raar’."
    _check_offsets(result)


@pytest.mark.parametrize(
    "content",
    [
        "WEBVTT\n\nNOTE alleen een opmerking\n",
        "WEBVTT\n",
        "Dit is geen ondertitelbestand.\n",
    ],
)
def test_no_cues(tmp_path: Path, content: str) -> None:
    with pytest.raises(ImportProblem) as info:
        read_file(_write(tmp_path, "leeg.vtt", content))
    assert info.value.problem == "contains no subtitle cues"


def test_position_tags_of_subtitle_editors_are_dropped(tmp_path: Path) -> None:
    """Subtitle Edit and Aegisub write ASS overrides ("{\\an8}") in .srt cues; the speaker after one is still found."""
    content = (
        '1\n00:00:01,000 --> 00:00:04,000\n{\\an8}Anna: <font color="#ffff00">Hallo</font> daar.\n\n'
        "2\n00:00:04,500 --> 00:00:06,000\n{\\i1}Marieke:{\\i0} Hoe gaat het {met} je?\n"
    )
    result = read_file(_write(tmp_path, "bewerkt.srt", content))
    assert result.text == "Anna: Hallo daar.\nMarieke: Hoe gaat het {met} je?"
    assert result.turns is not None
    assert [t.speaker for t in result.turns] == ["Anna", "Marieke"]
    _check_offsets(result)


def test_dialogue_dashes_in_one_cue_are_turns_of_their_own(tmp_path: Path) -> None:
    """Subtitles put two speakers in one cue as lines opening with a dash; each is its own turn."""
    content = (
        "1\n00:00:01,000 --> 00:00:03,000\n- Marieke: Hoe gaat het?\n- Anna: Goed.\n\n"
        "2\n00:00:03,500 --> 00:00:05,000\nAnna: Echt goed,\n- zei ik al.\n"
    )
    result = read_file(_write(tmp_path, "dialoog.srt", content))
    assert result.text == "Marieke: Hoe gaat het?\nAnna: Goed. Echt goed, - zei ik al."
    assert result.turns is not None
    assert [(t.speaker, t.timestamp_ms) for t in result.turns] == [("Marieke", 1000), ("Anna", 1000)]
    _check_offsets(result)


@pytest.mark.parametrize(
    "cue",
    [
        "{\\an8}- Marieke: Hoe gaat het?\n- Anna: Goed.",
        "<i>- Marieke: Hoe gaat het?</i>\n<i>- Anna: Goed.</i>",
    ],
)
def test_dialogue_dashes_after_markup_are_turns_of_their_own(tmp_path: Path, cue: str) -> None:
    """A position tag or italics before the dash still makes a line per speaker."""
    result = read_file(_write(tmp_path, "dialoog.srt", f"1\n00:00:01,000 --> 00:00:03,000\n{cue}\n"))
    assert result.text == "Marieke: Hoe gaat het?\nAnna: Goed."
    assert result.turns is not None
    assert [(t.speaker, t.timestamp_ms) for t in result.turns] == [("Marieke", 1000), ("Anna", 1000)]
    _check_offsets(result)
