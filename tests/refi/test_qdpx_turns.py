"""A .qdpx round trip between lobcoder projects keeps speakers (lobcoder/turns.jsonl beside project.qde)."""

from __future__ import annotations

import json
import random
import resource
import string
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from sqlalchemy import select

from lobcoder.editing.speaker_commands import MergeSpeakers, RenameSpeaker
from lobcoder.importing.extracted import TurnTable
from lobcoder.importing.speakers import detect_turn_table, detect_turns
from lobcoder.refi.qdpx_export import export_qdpx
from lobcoder.refi.qdpx_import import ImportReport, import_qdpx
from lobcoder.refi.turns_member import MAX_BYTES, MEMBER, parse_member
from lobcoder.services.batch_import import ImportOptions, import_files
from lobcoder.services.speakers import set_interviewers
from lobcoder.storage.models import Document, Speaker, SpeakerTurn
from lobcoder.storage.project import ProjectStore
from lobcoder.text.normalize import content_hash

SHARED = Path(__file__).resolve().parent / "data"

TEAMS_VTT = """WEBVTT

00:00:01.250 --> 00:00:04.000
<v Marieke Jansen>Welkom. Hoe begon je dag? 😀</v>

00:00:04.000 --> 00:00:06.500
<v Anna de Vries>Met koffie ☕ en daarna één uur coördinatie.</v>

00:00:07.000 --> 00:00:09.000
<v Marieke Jansen>En daarna?</v>

00:00:09.500 --> 00:00:12.000
<v Spreker 2>Lesgeven aan groep 8, het mooiste deel.</v>

00:01:02.345 --> 00:01:05.000
<v Anna de Vries>Echt waar.</v>
"""

WORD_STYLE = (
    "Interviewer: Wat vind je van de werkdruk?\n"
    "B: Die is hoog, vooral rond de rapporten.\n"
    "Interviewer: Hoe ga je daarmee om?\n"
    "B: Ik plan mijn weekend vrij, dat helpt echt.\n"
)

NO_TURNS = "Notities: vraag 1 ging over werkdruk.\nIk: zie verslag.\nIk: verder niets.\n"


def _turns(store: ProjectStore) -> dict[str, list[tuple[Any, ...]]]:
    """Each document's turns as stored: (speaker, interviewer, label_start, start, end, timestamp), by GUID."""
    with store.read() as session:
        rows = session.execute(
            select(
                Document.guid,
                Speaker.name,
                Speaker.is_interviewer,
                SpeakerTurn.label_start,
                SpeakerTurn.start,
                SpeakerTurn.end,
                SpeakerTurn.timestamp_ms,
            )
            .select_from(SpeakerTurn)
            .join(Document, Document.id == SpeakerTurn.document_id)
            .outerjoin(Speaker, Speaker.id == SpeakerTurn.speaker_id)
            .order_by(Document.guid, SpeakerTurn.label_start)
        ).all()
        result: dict[str, list[tuple[Any, ...]]] = {guid: [] for guid in session.scalars(select(Document.guid))}
    for guid, *turn in rows:
        result[guid].append(tuple(turn))
    return result


def _speakers(store: ProjectStore) -> dict[str, bool]:
    with store.read() as session:
        return {name: flag for name, flag in session.execute(select(Speaker.name, Speaker.is_interviewer))}


@pytest.fixture
def edited(tmp_path: Path) -> Path:
    """A real project: a Teams .vtt, a Word-style .txt and a notes file imported without speakers;
    then 'Spreker 2' merged into Anna, 'B' renamed, and Marieke Jansen marked as interviewer."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "teams.vtt").write_text(TEAMS_VTT, encoding="utf-8")
    (folder / "bram.txt").write_text(WORD_STYLE, encoding="utf-8")
    (tmp_path / "notities.txt").write_text(NO_TURNS, encoding="utf-8")
    path = tmp_path / "study.lobcoder"
    with ProjectStore.create(path) as store:
        assert all(r.document for r in import_files(store, [folder]).results)
        report = import_files(store, [tmp_path / "notities.txt"], ImportOptions(detect_speakers=False))
        assert report.results[0].document
        with store.transaction() as session:
            MergeSpeakers(["Spreker 2"], "Anna de Vries").apply(session)
            RenameSpeaker("B", "Bram de Boer").apply(session)
            set_interviewers(session, {"Marieke Jansen": True})
        assert _speakers(store) == {
            "Marieke Jansen": True,
            "Anna de Vries": False,
            "Interviewer": True,
            "Bram de Boer": False,
        }
    return path


def _export(path: Path, out: Path) -> tuple[Any, dict[str, list[tuple[Any, ...]]], dict[str, bool]]:
    with ProjectStore.open(path) as store:
        return export_qdpx(store, out), _turns(store), _speakers(store)


def _import(qdpx: Path, out: Path) -> tuple[ImportReport, dict[str, list[tuple[Any, ...]]], dict[str, bool]]:
    report = import_qdpx(qdpx, out)
    with ProjectStore.open(out) as store:
        return report, _turns(store), _speakers(store)


def test_round_trip_keeps_turns_speakers_and_interviewer_marks(edited: Path, tmp_path: Path) -> None:
    report, turns, speakers = _export(edited, tmp_path / "study.qdpx")
    # REFI-QDA stays valid: the speakers travel in a member of their own, not in project.qde.
    schema = etree.XMLSchema(etree.parse(str(SHARED / "Project.xsd")))
    with zipfile.ZipFile(tmp_path / "study.qdpx") as archive:
        assert schema.validate(etree.fromstring(archive.read("project.qde"))), schema.error_log
        assert b"Marieke" not in archive.read("project.qde")
        member = _lines(archive.read(MEMBER))
    assert member[0]["format"] == "lobcoder-turns" and member[0]["version"] == 1
    assert len(member) == 4  # the header and a line per source
    # The export report still warns, for other programs only.
    (note,) = [str(n) for n in report.notes if "speakers" in str(n)]
    assert "kept for lobcoder" in note and "ATLAS.ti/MAXQDA/NVivo do not read speakers" in note
    assert "Marieke Jansen" in note

    back, turns_back, speakers_back = _import(tmp_path / "study.qdpx", tmp_path / "back.lobcoder")
    assert not [n for n in map(str, back.notes) if "turns" in n]
    assert speakers_back == speakers
    assert turns_back == turns  # every turn at the same offsets, with its speaker, mark and timestamp
    vtt = next(t for t in turns_back.values() if any(turn[0] == "Marieke Jansen" for turn in t))
    assert [t[0] for t in vtt] == ["Marieke Jansen", "Anna de Vries", "Marieke Jansen", "Anna de Vries"] + [
        "Anna de Vries"
    ]
    assert [t[5] for t in vtt] == [1250, 4000, 7000, 9500, 62345]
    assert sorted(map(len, turns_back.values())) == [0, 4, 5]  # the notes file still has no turns

    # And again: the second export holds the same member.
    _export(tmp_path / "back.lobcoder", tmp_path / "again.qdpx")
    with zipfile.ZipFile(tmp_path / "again.qdpx") as archive:
        assert _lines(archive.read(MEMBER)) == member


def test_without_the_member_turns_are_detected_as_before(edited: Path, tmp_path: Path) -> None:
    """A .qdpx from an older lobcoder: detection, and the report says so."""
    _export(edited, tmp_path / "study.qdpx")
    _rewrite(tmp_path / "study.qdpx", tmp_path / "old.qdpx", None)
    report, turns, speakers = _import(tmp_path / "old.qdpx", tmp_path / "back.lobcoder")
    (note,) = [n for n in report.notes if n.key == "note.turns_member.absent"]
    assert "old.qdpx" in str(note) and "oudere lobcoder" in note.text("nl")
    assert "Bram de Boer" not in speakers and speakers["B"] is False and speakers["Marieke Jansen"] is False
    assert sorted(map(len, turns.values())) == [2, 4, 5]  # the notes file's labels are found now
    assert {guid: [t[:1] + t[2:] for t in found] for guid, found in turns.items()} == _detected(
        tmp_path / "back.lobcoder"
    )


def _detected(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """What detect_turns (the reference) finds in each stored text: (speaker, label_start, start, end, timestamp)."""
    with ProjectStore.open(path) as store, store.read() as session:
        return {
            guid: [(t.speaker, t.label_start, t.start, t.end, t.timestamp_ms) for t in detect_turns(text)]
            for guid, text in session.execute(select(Document.guid, Document.text))
        }


def _rewrite(source: Path, target: Path, member: bytes | None) -> None:
    """``source`` with lobcoder/turns.jsonl replaced by ``member`` (None: left out)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != MEMBER:
                new.writestr(info.filename, old.read(info))
        if member is not None:
            new.writestr(MEMBER, member)


def _lines(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.splitlines()]


def _jsonl(*lines: object) -> bytes:
    return b"".join(json.dumps(line).encode("utf-8") + b"\n" for line in lines)


def _tampered(path: Path, change: Any) -> bytes:
    with zipfile.ZipFile(path) as archive:
        member = _lines(archive.read(MEMBER))
    change(member)
    return _jsonl(*member)


def _vtt(member: list[dict[str, Any]]) -> dict[str, Any]:
    return next(source for source in member[1:] if len(source["turns"]) == 5)


def _shift(member: list[dict[str, Any]]) -> None:
    _vtt(member)["turns"][-1][3] += 1000  # past the end of the text


def _overlap(member: list[dict[str, Any]]) -> None:
    turns = _vtt(member)["turns"]
    turns[1][1] = turns[0][1]


def _far_future(member: list[dict[str, Any]]) -> None:
    _vtt(member)["turns"][0][4] = 2**64  # past SQLite's largest INTEGER


def _rehash(member: list[dict[str, Any]]) -> None:
    _vtt(member)["sha256"] = "0" * 64


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (_shift, "note.turns_member.spans"),
        (_overlap, "note.turns_member.spans"),
        (_far_future, "note.turns_member.spans"),
        (_rehash, "note.turns_member.changed"),
    ],
)
def test_a_source_whose_turns_do_not_fit_is_detected_again(edited: Path, tmp_path: Path, change: Any, key: str) -> None:
    """Only that source falls back; the others keep their turns, and marks of speakers still used stay."""
    _, turns, _ = _export(edited, tmp_path / "study.qdpx")
    _rewrite(tmp_path / "study.qdpx", tmp_path / "bad.qdpx", _tampered(tmp_path / "study.qdpx", change))
    report, turns_back, speakers = _import(tmp_path / "bad.qdpx", tmp_path / "back.lobcoder")
    note, named, *timed = [n for n in report.notes if n.key.startswith("note.turns_member")]
    assert note.key == key and "source teams" in str(note) and "bron teams" in note.text("nl")
    kept = {guid: t for guid, t in turns_back.items() if guid in turns and t == turns[guid]}
    # The Word-style transcript and the notes file; after a changed hash over the same text, the .vtt too
    # (found again with the same spans, names and marks, and its times back).
    assert len(kept) == (3 if change is _rehash else 2)
    # The .vtt's labels are found in its text again and named as the member names them: 'Spreker 2',
    # merged into Anna de Vries, stays merged, and Marieke Jansen keeps her mark.
    assert str(named) == (
        "source teams: the speakers found again took their names and interviewer marks from lobcoder/turns.jsonl "
        "(Marieke Jansen, Anna de Vries, Spreker 2 → Anna de Vries)"
    )
    assert named.text("nl").startswith("bron teams: de opnieuw gevonden sprekers kregen hun namen")
    assert speakers == {"Interviewer": True, "Bram de Boer": False, "Marieke Jansen": True, "Anna de Vries": False}
    (vtt,) = [t for t in turns_back.values() if len(t) == 5]
    assert [t[0] for t in vtt] == ["Marieke Jansen", "Anna de Vries", "Marieke Jansen"] + ["Anna de Vries"] * 2
    assert [t[1] for t in vtt] == [True, False, True, False, False]
    if change is _rehash:  # the text itself is the same: every turn's words match, and keep their times
        assert [str(n) for n in timed] == ["source teams: 5 of 5 turns with a time kept it (their words are unchanged)"]
        assert [t[5] for t in vtt] == [1250, 4000, 7000, 9500, 62345]
    else:  # the turns failed their checks: their times are not trusted
        assert timed == []
        assert {t[5] for t in vtt} == {None}


def _edit_vtt_text(qdpx: Path, target: Path) -> None:
    """``qdpx`` with the Teams transcript's stored text edited: one question reworded, an answer's typo fixed."""
    with zipfile.ZipFile(qdpx) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename.startswith("sources/") and b"En daarna?" in data:
                text = data.decode("utf-8")
                text = text.replace("En daarna?", "En wat deed je daarna? 🙂").replace("groep 8", "groep 7")
                data = text.encode("utf-8")
            new.writestr(info.filename, data)


def test_turns_found_again_in_a_changed_text_keep_the_times_of_unchanged_words(edited: Path, tmp_path: Path) -> None:
    """A supervisor's edit of one turn of a Teams transcript costs that turn its time, not the others theirs."""
    _, turns, _ = _export(edited, tmp_path / "study.qdpx")
    _edit_vtt_text(tmp_path / "study.qdpx", tmp_path / "edited.qdpx")
    report, turns_back, speakers = _import(tmp_path / "edited.qdpx", tmp_path / "back.lobcoder")
    notes = {n.key: n for n in report.notes if n.key.startswith("note.turns_member")}
    assert set(notes) == {"note.turns_member.changed", "note.turns_member.named", "note.turns_member.timed"}
    assert str(notes["note.turns_member.timed"]) == (
        "source teams: 3 of 5 turns with a time kept it (their words are unchanged)"
    )
    assert notes["note.turns_member.timed"].text("nl") == (
        "bron teams: 3 van de 5 beurten met een tijd hielden die (hun woorden zijn ongewijzigd)"
    )
    (vtt,) = [t for guid, t in turns_back.items() if t != turns.get(guid)]
    with ProjectStore.open(tmp_path / "back.lobcoder") as store, store.read() as session:
        text = session.scalars(select(Document.text).where(Document.text.contains("wat deed je"))).one()
    said = [(t[0], text[t[3] : t[4]], t[5]) for t in vtt]
    assert said == [
        ("Marieke Jansen", "Welkom. Hoe begon je dag? 😀", 1250),
        ("Anna de Vries", "Met koffie ☕ en daarna één uur coördinatie.", 4000),
        ("Marieke Jansen", "En wat deed je daarna? 🙂", None),  # reworded
        ("Anna de Vries", "Lesgeven aan groep 7, het mooiste deel.", None),  # a word changed
        ("Anna de Vries", "Echt waar.", 62345),  # shifted by the edits above, its words the same
    ]
    assert speakers["Marieke Jansen"] is True


def test_a_repeated_answer_takes_the_time_of_its_own_turn_in_order() -> None:
    """Turns with the same words ("Ja.") take their times in text order: an edited first "Ja." does not
    hand its time to the second."""
    from lobcoder.refi.turns_member import speech_hash

    old = "Lotte: Ja.\nMarieke: Echt?\nLotte: Ja.\nMarieke: Goed.\n"
    old_turns = detect_turn_table(old)
    names = ["Lotte", "Marieke"]
    member = parse_member(
        _jsonl(
            {"format": "lobcoder-turns", "version": 1, "speakers": [{"name": n, "interviewer": False} for n in names]},
            {
                "source": "abc",
                "sha256": "0" * 64,
                "length": len(old),
                "turns": [
                    [names.index(t.speaker or ""), t.label_start, t.start, t.end, 1000 * (i + 1)]
                    for i, t in enumerate(old_turns)
                ],
                "speech": [speech_hash(old[t.start : t.end]) for t in old_turns],
            },
        )
    )
    text = "Lotte: Ja hoor.\nMarieke: Echt?\nLotte: Ja.\nMarieke: Goed.\n"
    timed, kept = member.timed("ABC", text, detect_turn_table(text))
    assert kept == 3
    assert [t.timestamp_ms for t in timed] == [None, 2000, 3000, 4000]
    # A damaged speech list (not hex) makes the member unusable, as a damaged labels list does.
    with pytest.raises(Exception, match="sources"):
        parse_member(
            _jsonl(
                {"format": "lobcoder-turns", "version": 1, "speakers": []},
                {"source": "abc", "sha256": "0" * 64, "length": 1, "turns": [], "speech": ["zz"]},
            )
        )


def _word_style(member: list[dict[str, Any]]) -> dict[str, Any]:
    return next(source for source in member[1:] if len(source["turns"]) == 4)


def _rehash_word_style(member: list[dict[str, Any]]) -> None:
    _word_style(member)["sha256"] = "0" * 64


def _rehash_without_labels(member: list[dict[str, Any]]) -> None:
    """As a member written before ``labels``: speakers are matched by the names the file lists only."""
    _rehash(member)
    for source in member[1:]:
        del source["labels"]


def _rehash_moved_turn(member: list[dict[str, Any]]) -> None:
    """One 'Spreker 2' turn had been moved to Marieke Jansen by hand: the label names two speakers."""
    _rehash(member)
    marieke = [s["name"] for s in member[0]["speakers"]].index("Marieke Jansen")
    _vtt(member)["labels"].append(["Spreker 2", marieke])


@pytest.mark.parametrize(
    ("change", "named", "found"),
    [
        (
            _rehash_word_style,
            "Interviewer, B → Bram de Boer",
            {"Interviewer": True, "Bram de Boer": False, "Marieke Jansen": True, "Anna de Vries": False},
        ),
        (
            _rehash_without_labels,
            "Marieke Jansen, Anna de Vries",
            {
                "Interviewer": True,
                "Bram de Boer": False,
                "Marieke Jansen": True,
                "Anna de Vries": False,
                "Spreker 2": False,
            },
        ),
        (
            _rehash_moved_turn,
            "Marieke Jansen, Anna de Vries",
            {
                "Interviewer": True,
                "Bram de Boer": False,
                "Marieke Jansen": True,
                "Anna de Vries": False,
                "Spreker 2": False,
            },
        ),
    ],
)
def test_speakers_found_again_are_named_as_the_file_names_their_labels(
    edited: Path, tmp_path: Path, change: Any, named: str, found: dict[str, bool]
) -> None:
    """A rename survives a changed text; without labels, or with a label that led to two speakers, names stay."""
    _export(edited, tmp_path / "study.qdpx")
    _rewrite(tmp_path / "study.qdpx", tmp_path / "changed.qdpx", _tampered(tmp_path / "study.qdpx", change))
    report, _turns_back, speakers = _import(tmp_path / "changed.qdpx", tmp_path / "back.lobcoder")
    (note,) = [n for n in report.notes if n.key == "note.turns_member.named"]
    assert str(note).endswith(f"lobcoder/turns.jsonl ({named})")
    assert speakers == found


def test_the_member_is_parsed_once_a_line(edited: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lobcoder.refi.turns_member as turns_member

    _export(edited, tmp_path / "study.qdpx")
    with zipfile.ZipFile(tmp_path / "study.qdpx") as archive:
        lines = archive.read(MEMBER).decode("utf-8").splitlines()
    parsed: list[str] = []
    real = json.loads

    def counting(text: str | bytes) -> Any:
        parsed.append(text.decode("utf-8") if isinstance(text, bytes) else text)
        return real(text)

    monkeypatch.setattr(turns_member.json, "loads", counting)
    _import(tmp_path / "study.qdpx", tmp_path / "back.lobcoder")
    monkeypatch.undo()
    assert sorted(text for text in parsed if text in lines) == sorted(lines)  # each line once, no more
    assert len(lines) == 4


def _listed_only(member: list[dict[str, Any]]) -> None:
    member[0]["speakers"].append({"name": "Niemand", "interviewer": True})


def test_a_speaker_the_member_lists_but_no_turn_names_is_not_kept(edited: Path, tmp_path: Path) -> None:
    _, turns, speakers = _export(edited, tmp_path / "study.qdpx")
    _rewrite(tmp_path / "study.qdpx", tmp_path / "listed.qdpx", _tampered(tmp_path / "study.qdpx", _listed_only))
    report, turns_back, speakers_back = _import(tmp_path / "listed.qdpx", tmp_path / "back.lobcoder")
    assert not [n for n in report.notes if n.key.startswith("note.turns_member")]
    assert turns_back == turns and speakers_back == speakers and "Niemand" not in speakers_back


@pytest.mark.parametrize(
    ("member", "why"),
    [
        (b"{not json", "not valid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
        (b"", "not lobcoder speaker turns"),
        (_jsonl({"format": "lobcoder-turns", "version": 2}), "version 2; this lobcoder reads version 1"),
        (_jsonl({"format": "something else"}), "not lobcoder speaker turns"),
        (
            _jsonl({"format": "lobcoder-turns", "version": 1, "speakers": [{"name": "A\nB", "interviewer": 1}]}),
            "a speaker is not described properly",
        ),
        (
            _jsonl({"format": "lobcoder-turns", "version": 1, "speakers": [{"name": "A\x00B", "interviewer": True}]}),
            "a speaker is not described properly",
        ),
        (
            _jsonl(
                {
                    "format": "lobcoder-turns",
                    "version": 1,
                    "speakers": [{"name": "A", "interviewer": True}, {"name": "A", "interviewer": False}],
                }
            ),
            "speaker 'A' is listed twice",
        ),
        (
            _jsonl({"format": "lobcoder-turns", "version": 1, "speakers": []}, {"source": "x", "turns": []}),
            "a source is not described properly",
        ),
        (_jsonl({"format": "lobcoder-turns", "version": 1, "speakers": []}, [1, 2]), "not valid JSON"),
        (b" " * (MAX_BYTES + 1), "larger than 32 MB"),
    ],
)
def test_a_damaged_or_hostile_member_is_ignored_with_one_note(
    edited: Path, tmp_path: Path, member: bytes, why: str
) -> None:
    _export(edited, tmp_path / "study.qdpx")
    _rewrite(tmp_path / "study.qdpx", tmp_path / "bad.qdpx", member)
    report, turns, speakers = _import(tmp_path / "bad.qdpx", tmp_path / "back.lobcoder")
    notes = [n for n in report.notes if n.key.startswith("note.turns_member")]
    assert [str(n) for n in notes] == [
        f"bad.qdpx: lobcoder/turns.jsonl ignored ({why}); speaker turns were found in the texts again"
    ]
    assert "genegeerd" in notes[0].text("nl")
    assert report.documents == 3 and report.codings == 0
    assert speakers["B"] is False and "Bram de Boer" not in speakers  # detected, as from any other program
    assert sorted(map(len, turns.values())) == [2, 4, 5]


@pytest.mark.parametrize(
    ("name", "found"),
    [("maxqda24_icls_themes_project.qdpx", 39), ("atlasti8_mac_refi_standard_project_nomedia.qdpx", 0)],
)
def test_files_from_other_programs_are_read_as_before(name: str, found: int, tmp_path: Path) -> None:
    """No lobcoder/turns.jsonl and another origin: turns are detected in each text, and nothing is said about it."""
    report = import_qdpx(SHARED / "samples" / name, tmp_path / "other.lobcoder")
    assert not [n for n in report.notes if n.key.startswith("note.turns_member")]
    detected = _detected(tmp_path / "other.lobcoder")
    with ProjectStore.open(tmp_path / "other.lobcoder") as store:
        stored = {guid: [t[:1] + t[2:] for t in turns] for guid, turns in _turns(store).items()}
    assert stored == detected  # speakers, spans and timestamps
    assert sum(map(len, detected.values())) == found


_position = st.one_of(st.integers(-3, 60), st.none(), st.booleans(), st.floats(0, 60), st.text(max_size=2))
_fitting = st.tuples(
    st.one_of(st.none(), st.integers(0, 2)), st.lists(st.integers(0, 53), min_size=3, max_size=3).map(sorted)
).map(lambda t: [t[0], *t[1], None])
_turn = st.one_of(_fitting, st.lists(_position, min_size=4, max_size=6))
_source_line = st.fixed_dictionaries(
    {
        "source": st.just("g"),
        "sha256": st.just(content_hash("x" * 50)),
        "length": st.just(50),
        "turns": st.one_of(
            st.lists(_turn),
            st.lists(_fitting, max_size=4),
            st.lists(st.integers(0, 50), unique=True, max_size=10).map(
                lambda p: [
                    [n % 3, *sorted(p)[2 * n : 2 * n + 1] * 2, sorted(p)[2 * n + 1], n] for n in range(len(p) // 2)
                ]
            ),
        ),
    }
)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries({"name": st.sampled_from(["A", "B", "C", " A", ""]), "interviewer": st.booleans()}),
        max_size=3,
        unique_by=lambda s: str(s["name"]).strip(),
    ),
    _source_line,
)
def test_whatever_a_member_holds_turns_used_lie_inside_the_text_in_order(
    speakers: list[dict[str, Any]], source: dict[str, Any]
) -> None:
    """Made-up members: refused whole, a source refused, or turns that fit the text and each other."""
    head = {"format": "lobcoder-turns", "version": 1, "speakers": speakers}
    try:
        member = parse_member(_jsonl(head, source))
    except Exception as error:  # only the member's own refusal
        assert type(error).__name__ == "_Damaged"
        return
    turns, why = member.turns_for("G", "x" * 50)
    if turns is None:
        assert why == "spans"
        return
    previous_end = 0
    for turn in turns:
        assert previous_end <= turn.label_start <= turn.start <= turn.end <= 50
        assert turn.speaker is None or turn.speaker in {s["name"] for s in speakers}
        previous_end = turn.end
    assert len({t.label_start for t in turns}) == len(turns)


def test_turns_found_again_stay_a_compact_table_and_are_renamed_only_where_the_labels_say() -> None:
    """named() keeps detection's TurnTable when no name changes, and else builds one with the file's names."""
    text = "I: Hoe gaat het?\nB: Goed.\nI: En verder?\nB: Ook goed.\n"
    member = parse_member(
        _jsonl(
            {"format": "lobcoder-turns", "version": 1, "speakers": [{"name": "Bram de Boer", "interviewer": False}]},
            {"source": "renamed", "sha256": "0" * 64, "length": 1, "turns": [], "labels": [["B", 0]]},
            {"source": "kept", "sha256": "0" * 64, "length": 1, "turns": [], "labels": []},
        )
    )
    detected = detect_turn_table(text)
    assert [t.speaker for t in detected] == ["I", "B", "I", "B"]

    kept, named = member.named("kept", detected)
    assert kept is detected and named == []

    renamed, named = member.named("renamed", detected)
    assert isinstance(renamed, TurnTable) and named == [("B", "Bram de Boer")]
    assert [t.speaker for t in renamed] == ["I", "Bram de Boer", "I", "Bram de Boer"]
    assert [(t.label_start, t.start, t.end, t.timestamp_ms) for t in renamed] == [
        (t.label_start, t.start, t.end, t.timestamp_ms) for t in detect_turns(text)
    ]


def _label_below_zero(member: list[dict[str, Any]]) -> None:
    _rehash(member)
    _vtt(member)["labels"].append(["Spreker 2", -1])


def _label_past_every_speaker(member: list[dict[str, Any]]) -> None:
    _rehash(member)
    _vtt(member)["labels"].append(["Spreker 2", 10**30])


def _label_not_a_name(member: list[dict[str, Any]]) -> None:
    _rehash(member)
    _vtt(member)["labels"].append([["Spreker 2"], 0])


def _a_million_labels(member: list[dict[str, Any]]) -> None:
    _rehash(member)
    _vtt(member)["labels"] += [[f"Niemand {n}", 0] for n in range(10**6)]


def _a_huge_label(member: list[dict[str, Any]]) -> None:
    _rehash(member)
    rng = random.Random(9)  # letters that do not pack well: a label this size in a (packed) member, not a zip bomb
    _vtt(member)["labels"].append(["Spreker 2 " + "".join(rng.choices(string.ascii_letters, k=10_000_000)), 0])


@pytest.mark.parametrize(
    ("change", "ignored"),
    [
        (_label_below_zero, True),
        (_label_past_every_speaker, True),
        (_label_not_a_name, True),
        (_a_million_labels, False),  # labels no text holds: they name nothing
        (_a_huge_label, False),
    ],
)
def test_labels_pointing_at_nonsense_never_reach_the_project(
    edited: Path, tmp_path: Path, change: Any, ignored: bool
) -> None:
    _export(edited, tmp_path / "study.qdpx")
    _rewrite(tmp_path / "study.qdpx", tmp_path / "bad.qdpx", _tampered(tmp_path / "study.qdpx", change))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report, _turns_back, speakers = _import(tmp_path / "bad.qdpx", tmp_path / "back.lobcoder")
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak) / 1024
    assert grown_mb < 400  # a member is read up to 32 MB; what it holds stays within a few times that
    notes = [n for n in report.notes if n.key.startswith("note.turns_member")]
    if ignored:
        (note,) = notes
        assert note.key == "note.turns_member.ignored" and "bad.qdpx" in str(note) and "\n" not in str(note)
        assert "bad.qdpx" in note.text("nl")
        # Without the member every speaker is found under the name in the text; no mark is taken from it.
        assert "Spreker 2" in speakers
    else:
        assert [n.key for n in notes] == [
            "note.turns_member.changed",
            "note.turns_member.named",
            "note.turns_member.timed",
        ], [str(n) for n in notes]
        assert speakers == {"Interviewer": True, "Bram de Boer": False, "Marieke Jansen": True, "Anna de Vries": False}
    assert all(len(name) < 100 and not name.startswith("Niemand") for name in speakers)
