"""lobcoder's speaker turns beside a .qdpx, in the zip member ``lobcoder/turns.jsonl``.

REFI-QDA has no speakers, and Project.xsd allows no foreign element in
``project.qde``, so the turns travel in a member of their own that other
programs ignore (ATLAS.ti, MAXQDA and NVivo read only ``project.qde`` and
``sources/``). A lobcoder project made from the file takes from it, for each
source whose text is exactly the text it was written for, the turns as they
were: spans in code points over the stored text, timestamps, the speakers'
current names (renamed, merged) and their interviewer marks. A source it does
not cover, or whose text differs, has its turns found in the text again, and
the import report says so.

Format, version 1: JSON Lines (UTF-8), a header line, then a line per source::

    {"format": "lobcoder-turns", "version": 1,
     "speakers": [{"name": "Marieke Jansen", "interviewer": true}, ...]}
    {"source": "<TextSource GUID, lower case>",
     "sha256": "<hex SHA-256 of the source's UTF-8 text>", "length": <code points>,
     "turns": [[<speaker index or null>, label_start, start, end, <timestamp ms or null>], ...],
     "labels": [["I", <speaker index>], ...],
     "speech": ["<16 hex digits>" or null, ...]}

``labels`` (optional; files written before it lack it) names, for the
source's labelled turns, each label as detection reads it in the text (``I``
in ``I: ...``, ``Anna`` in ``[00:01:02] Anna:``) and the speaker its turns
belong to now. When the source's text has changed and its turns are found
again, the labels give the found speakers the names they had been given
(renamed, merged) and so their interviewer marks (:meth:`TurnsMember.named`);
a label that led to two speakers in one source (turns moved by hand) is left
as found. Without ``labels`` only speakers found under the very name the file
lists keep their marks.

``speech`` (optional, written when a turn has a timestamp) holds, for each
turn with a timestamp and words, the first 16 hex digits of the SHA-256 of
its words (``text[start:end]`` as UTF-8), null for the others. When the
turns are found again in a changed text, a found turn whose words hash the
same as a timed turn's, in text order, gets that turn's time back
(:meth:`TurnsMember.timed`): a Teams or Zoom transcript with one turn
edited keeps the times of all the others.

Each line is parsed and checked once, as it is read, one line at a time;
a source's turns are kept in a :class:`~lobcoder.importing.extracted.TurnTable`
(about 36 bytes a turn; 76,000 turns as Python lists took 17 MB).

The member comes from whoever sent the file, so it is untrusted: it is read
only up to :data:`MAX_BYTES`, parsed as JSON and checked field by field;
turns must lie inside the text, in order, without overlapping. A damaged or
hostile member never refuses the import and never reaches the project: it is
ignored with one note naming the file and the problem (the REFI-QDA content
is whole without it), and a source whose turns fail the checks falls back to
detection alone.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.errors import FileProblem, Refused
from lobcoder.i18n.said import Said, say
from lobcoder.importing.extracted import TurnTable
from lobcoder.importing.safe_zip import SafeZip
from lobcoder.importing.speaker_patterns import DEFAULT_LABEL
from lobcoder.services.speakers import clean_speaker_name
from lobcoder.storage.models import Document, Speaker, SpeakerTurn
from lobcoder.text.normalize import content_hash, replace_controls

MEMBER = "lobcoder/turns.jsonl"
FORMAT = "lobcoder-turns"
VERSION = 1
MAX_BYTES = 32 * 1024 * 1024  # about a million turns (600,000 with times); 200 transcripts hold some 200,000
MAX_TIMESTAMP_MS = 2**63 - 1  # the largest INTEGER SQLite stores (detection finds at most 999 hours)
SPEECH_DIGITS = 16  # of a turn's words' SHA-256: 64 bits, no two turns of a study alike by chance
_HEX = re.compile(f"[0-9a-f]{{{SPEECH_DIGITS}}}")


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class TurnsWriter:
    """Writes ``lobcoder/turns.jsonl`` into an open zip member, one source at a time."""

    def __init__(self, session: Session, stream: IO[bytes]) -> None:
        self.session = session
        self.stream = stream
        self.index: dict[int, int] = {}

    def begin(self) -> None:
        speakers = []
        for n, (speaker_id, name, interviewer) in enumerate(
            self.session.execute(select(Speaker.id, Speaker.name, Speaker.is_interviewer).order_by(Speaker.id))
        ):
            self.index[speaker_id] = n
            speakers.append({"name": name, "interviewer": bool(interviewer)})
        head = {"format": FORMAT, "version": VERSION, "speakers": speakers}
        self.stream.write(f"{_dumps(head)}\n".encode())

    def source(self, document_id: int, guid: str, sha256: str, length: int) -> None:
        """The turns of one document, whose exported text has the hash ``sha256`` and ``length`` code points."""
        turns = [
            [None if speaker is None else self.index[speaker], label_start, start, end, timestamp]
            for speaker, label_start, start, end, timestamp in self.session.execute(
                select(
                    SpeakerTurn.speaker_id,
                    SpeakerTurn.label_start,
                    SpeakerTurn.start,
                    SpeakerTurn.end,
                    SpeakerTurn.timestamp_ms,
                )
                .where(SpeakerTurn.document_id == document_id)
                .order_by(SpeakerTurn.label_start, SpeakerTurn.start)
            )
        ]
        entry: dict[str, Any] = {
            "source": guid.lower(),
            "sha256": sha256,
            "length": length,
            "turns": turns,
            "labels": self.labels(document_id, turns),
        }
        if any(turn[4] is not None for turn in turns):
            entry["speech"] = self.speech(document_id, turns)
        self.stream.write(f"{_dumps(entry)}\n".encode())

    def labels(self, document_id: int, turns: list[list[Any]]) -> list[list[Any]]:
        """[label as detection reads it, speaker index] for each label of the document's turns, in text order."""
        if not any(turn[0] is not None and turn[1] < turn[2] for turn in turns):
            return []
        text = self.session.scalar(select(Document.text).where(Document.id == document_id)) or ""
        found: dict[tuple[str, int], None] = {}
        for speaker, label_start, start, _end, _time in turns:
            if speaker is not None and label_start < start:
                label = label_name(text[label_start:start])
                if label is not None:
                    found[label, speaker] = None
        return [[label, speaker] for label, speaker in found]

    def speech(self, document_id: int, turns: list[list[Any]]) -> list[str | None]:
        """The hash of each timed turn's words (see the module's docstring), None for the other turns."""
        text = self.session.scalar(select(Document.text).where(Document.id == document_id)) or ""
        return [speech_hash(text[start:end]) if time is not None else None for _, _, start, end, time in turns]


def speech_hash(words: str) -> str | None:
    """The first 16 hex digits of the SHA-256 of a turn's words; None for a turn without words."""
    if not words.strip():
        return None
    return hashlib.sha256(words.encode("utf-8", "surrogatepass")).hexdigest()[:SPEECH_DIGITS]


def label_name(label: str) -> str | None:
    """The speaker name detection reads in a turn's label (``[00:01:02] Anna:`` gives ``Anna``); None if none."""
    found = DEFAULT_LABEL.match(label)
    return " ".join(found.group("speaker").split()) if found else None


class _Damaged(Exception):
    """The member does not hold what version 1 says: ``why`` names the message (``note.turns_member.why.*``)."""

    def __init__(self, why: str, **values: object) -> None:
        super().__init__(why)
        self.said = say(f"note.turns_member.why.{why}", **values)


@dataclass
class _Source:
    sha256: str
    length: int
    turns: TurnTable | None  # None: the turns failed the checks
    labels: dict[str, int]  # label -> speaker index, for labels that led to one speaker only
    times: list[tuple[str, int]] = field(default_factory=list)  # (hash of the words, timestamp) of timed turns


@dataclass
class TurnsMember:
    """A checked ``lobcoder/turns.jsonl``: speakers, and per source its text's hash, turns and labels."""

    speakers: list[tuple[str, bool]]
    sources: dict[str, _Source]

    def turns_for(self, guid: str, text: str) -> tuple[TurnTable | None, str | None]:
        """The turns of the source ``guid`` over ``text`` (its stored text), or None and why not.

        Why not: ``"missing"`` (the member has no such source), ``"changed"``
        (the text is not the one the turns were written for) or ``"spans"``
        (a turn is malformed, outside the text, out of order or overlapping).
        """
        entry = self.sources.get(guid.lower())
        if entry is None:
            return None, "missing"
        if entry.length != len(text) or content_hash(text) != entry.sha256:
            return None, "changed"
        if entry.turns is None:
            return None, "spans"
        return entry.turns, None

    def named(self, guid: str, detected: TurnTable) -> tuple[TurnTable, list[tuple[str, str]]]:
        """Turns found again in the source ``guid``, their speakers named as the file names them.

        A found speaker whose label the source's ``labels`` tie to one speaker
        takes that speaker's name (and so, in the project, its interviewer
        mark); one found under a name the file lists keeps it. Also returned:
        (found, file name) of each speaker named so, in the order found.
        ``detected`` itself comes back when no speaker is renamed; else a new
        table (compact, as ``detected`` is: a transcript may have many turns).
        """
        entry = self.sources.get(guid.lower())
        labels = entry.labels if entry is not None else {}
        listed = {name for name, _ in self.speakers}
        names: dict[str, str] = {}
        for turn in detected:
            if turn.speaker is not None and turn.speaker not in names:
                index = labels.get(turn.speaker)
                names[turn.speaker] = self.speakers[index][0] if index is not None else turn.speaker
        applied = [(found, name) for found, name in names.items() if name in listed]
        if all(found == name for found, name in names.items()):
            return detected, applied
        result = TurnTable()
        result.facts = detected.facts
        for t in detected:
            speaker = None if t.speaker is None else names[t.speaker]
            result.append(speaker, t.label_start, t.start, t.end, t.timestamp_ms)
        return result, applied

    def timed_count(self, guid: str) -> int:
        """How many of the source's turns in the file have a time and words (see ``speech``)."""
        entry = self.sources.get(guid.lower())
        return 0 if entry is None else len(entry.times)

    def timed(self, guid: str, text: str, detected: TurnTable) -> tuple[TurnTable, int]:
        """Turns found again in the changed ``text`` of ``guid``, with the times of the file's turns whose words match.

        A found turn without a time of its own takes the time of the first
        timed turn of the file, after the last one matched, whose words hash
        the same (``speech``); turns whose words changed stay without one.
        Also returned: how many turns got their time back. ``detected``
        itself comes back when none did.
        """
        entry = self.sources.get(guid.lower())
        if entry is None or not entry.times:
            return detected, 0
        where: dict[str, list[int]] = {}
        for index, (hashed, _) in enumerate(entry.times):
            where.setdefault(hashed, []).append(index)
        times: list[int | None] = []
        after = -1
        for turn in detected:
            time = turn.timestamp_ms
            digest = speech_hash(text[turn.start : turn.end]) if time is None else None
            candidates = where.get(digest, []) if digest is not None else []
            at = bisect.bisect_right(candidates, after)
            if at < len(candidates):
                after = candidates[at]
                time = entry.times[after][1]
            times.append(time)
        restored = sum(1 for turn, time in zip(detected, times, strict=True) if time != turn.timestamp_ms)
        if not restored:
            return detected, 0
        result = TurnTable()
        result.facts = detected.facts
        for turn, time in zip(detected, times, strict=True):
            result.append(turn.speaker, turn.label_start, turn.start, turn.end, time)
        return result, restored


def _int(value: object, why: str = "turn") -> int:
    if type(value) is not int or value < 0:  # bool is not a position
        raise _Damaged(why)
    return value


def _turns(raw: list[Any], length: int, speakers: int) -> Iterable[tuple[int | None, int, int, int, int | None]]:
    previous_end = -1
    previous_label = -1
    for turn in raw:
        if not isinstance(turn, list) or len(turn) != 5:
            raise _Damaged("turn")
        speaker = None if turn[0] is None else _int(turn[0])
        if speaker is not None and speaker >= speakers:
            raise _Damaged("turn")
        label_start, start, end = _int(turn[1]), _int(turn[2]), _int(turn[3])
        timestamp = None if turn[4] is None else _int(turn[4])
        if timestamp is not None and timestamp > MAX_TIMESTAMP_MS:
            raise _Damaged("turn")
        if not label_start <= start <= end <= length:
            raise _Damaged("turn")
        if label_start <= previous_label or label_start < previous_end:
            raise _Damaged("turn")
        previous_label, previous_end = label_start, end
        yield speaker, label_start, start, end, timestamp


def _speakers(raw: object) -> list[tuple[str, bool]]:
    if not isinstance(raw, list):
        raise _Damaged("speakers")
    result: list[tuple[str, bool]] = []
    seen: set[str] = set()
    for speaker in raw:
        if not isinstance(speaker, dict):
            raise _Damaged("speakers")
        name, interviewer = speaker.get("name"), speaker.get("interviewer")
        if not isinstance(name, str) or not isinstance(interviewer, bool):
            raise _Damaged("speakers")
        try:
            cleaned = clean_speaker_name(name)
        except Refused:
            raise _Damaged("speakers") from None
        # Stored texts hold no C0 control character or DEL (replace_controls), so no detected name does.
        if cleaned != name or replace_controls(name) != name:
            raise _Damaged("speakers")
        if name in seen:
            raise _Damaged("speaker_twice", name=name)
        seen.add(name)
        result.append((name, interviewer))
    return result


def _line(line: bytes) -> dict[str, Any]:
    """One line of the member as a JSON object; _Damaged if it is none."""
    try:
        value = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise _Damaged("json") from error
    if not isinstance(value, dict):
        raise _Damaged("json")
    return value


def _labels(raw: object, speakers: int) -> dict[str, int]:
    """A source's ``labels``: label -> speaker index, leaving out a label tied to two speakers."""
    if raw is None:
        return {}
    if not isinstance(raw, list):
        raise _Damaged("sources")
    found: dict[str, int | None] = {}
    for pair in raw:
        if not isinstance(pair, list) or len(pair) != 2 or not isinstance(pair[0], str):
            raise _Damaged("sources")
        index = _int(pair[1], "sources")
        if index >= speakers:
            raise _Damaged("sources")
        found[pair[0]] = index if found.get(pair[0], index) == index else None
    return {label: index for label, index in found.items() if index is not None}


def _speech(raw: object, turns: TurnTable | None) -> list[tuple[str, int]]:
    """A source's ``speech`` as (hash, timestamp) of its timed turns; [] when it has none or its turns failed."""
    if raw is None:
        return []
    if not isinstance(raw, list) or (turns is not None and len(raw) != len(turns)):
        raise _Damaged("sources")
    for digest in raw:
        if digest is not None and not (isinstance(digest, str) and _HEX.fullmatch(digest)):
            raise _Damaged("sources")
    if turns is None:
        return []
    return [
        (digest, turn.timestamp_ms)
        for digest, turn in zip(raw, turns, strict=True)
        if digest is not None and turn.timestamp_ms is not None
    ]


def _source(line: bytes, speakers: list[tuple[str, bool]]) -> tuple[str, _Source]:
    """A source's line, parsed and checked: (GUID, its entry); turns that fail their checks are kept as None."""
    entry = _line(line)
    guid, sha256, raw = entry.get("source"), entry.get("sha256"), entry.get("turns")
    if not isinstance(guid, str) or not isinstance(sha256, str) or len(sha256) != 64 or not isinstance(raw, list):
        raise _Damaged("sources")
    length = _int(entry.get("length"), "sources")
    labels = _labels(entry.get("labels"), len(speakers))
    table: TurnTable | None = TurnTable()
    try:
        for s, a, b, c, t in _turns(raw, length, len(speakers)):
            table.append(None if s is None else speakers[s][0], a, b, c, t)  # type: ignore[union-attr]
    except _Damaged:
        table = None
    times = _speech(entry.get("speech"), table)
    return guid.lower(), _Source(sha256.lower(), length, table, labels, times)


def parse_member(data: bytes) -> TurnsMember:
    """The checked content of the member's bytes; _Damaged says what is wrong."""
    lines = iter(data.splitlines())
    try:
        head = _line(next(lines))
    except StopIteration:
        raise _Damaged("format") from None
    if head.get("format") != FORMAT:
        raise _Damaged("format")
    if head.get("version") != VERSION:
        raise _Damaged("version", version=str(head.get("version"))[:20], known=VERSION)
    speakers = _speakers(head.get("speakers"))
    return TurnsMember(speakers, dict(_source(line, speakers) for line in lines if line.strip()))


def read_member(archive: SafeZip, path: Path) -> tuple[TurnsMember | None, Said | None]:
    """The member of the .qdpx at ``path``, if it has a usable one; else None and (if there is one) a note why not."""
    member = archive.find(MEMBER)
    if member is None:
        return None, None
    info = archive.member(member)
    try:
        if info is not None and info.file_size > MAX_BYTES:
            raise _Damaged("size", size=MAX_BYTES // (1024 * 1024))
        chunks: list[bytes] = []
        size = 0
        for chunk in archive.chunks(member):
            size += len(chunk)
            if size > MAX_BYTES:
                raise _Damaged("size", size=MAX_BYTES // (1024 * 1024))
            chunks.append(chunk)
        data = b"".join(chunks)
        del chunks  # the member is held twice at most: whole, and split into lines (parsed one at a time)
        return parse_member(data), None
    except _Damaged as problem:
        return None, say("note.turns_member.ignored", file=path.name, member=MEMBER, problem=problem.said)
    except FileProblem as problem:  # damaged in the zip, or past its limits
        return None, say("note.turns_member.ignored", file=path.name, member=MEMBER, problem=problem.wording)
