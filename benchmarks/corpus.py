"""Generate a seeded synthetic corpus of Dutch interview transcripts (and codings) for benchmarks."""

from __future__ import annotations

import argparse
import bisect
import csv
import io
import itertools
import random
import re
import sys
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import vocabulary as V
from codings import CodingSummary, populate_codings

__all__ = ["CodingSummary", "Transcript", "build_corpus", "generate", "populate_codings", "write_corpus"]

ATTRIBUTES_FILE = "attributes.csv"
WAVES = 3
_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
_FIXED_TIME = datetime(2024, 1, 1)
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "september", "oktober", "november")


@dataclass(frozen=True)
class Transcript:
    """One generated interview; ``lines`` are what a typist would write, one turn each."""

    name: str
    participant: str
    school: str
    role: str
    wave: int
    speaker: str
    title: str
    preamble: tuple[str, ...]
    lines: tuple[str, ...]

    @property
    def words(self) -> int:
        return sum(len(line.split()) for line in self.lines)


class _Zipf:
    """Draw from a sequence with weights 1/rank**exponent: a few common items, a long tail."""

    def __init__(self, items: Sequence[str], exponent: float = 1.0) -> None:
        self.items = items
        weights = (1.0 / rank**exponent for rank in range(1, len(items) + 1))
        self.cumulative = list(itertools.accumulate(weights))

    def __call__(self, rng: random.Random) -> str:
        return self.items[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


_SLOTS: dict[str, _Zipf] = {
    "np": _Zipf(V.NOUN_PHRASES),
    "np2": _Zipf(V.NOUN_PHRASES),
    "plural": _Zipf(V.PLURALS),
    "plural2": _Zipf(V.PLURALS),
    "topic": _Zipf(V.TOPICS),
    "adj": _Zipf(V.ADJECTIVES),
    "adv": _Zipf(V.ADVERBS),
    "time": _Zipf(V.TIMES),
    "vp": _Zipf(V.VERB_PHRASES),
    "person": _Zipf(V.PEOPLE),
    "filler": _Zipf(V.FILLERS),
    "num": _Zipf(V.NUMBERS),
    "consequence": _Zipf(V.CONSEQUENCES),
    "quote": _Zipf(V.QUOTES),
    "rare": _Zipf(V.RARE),
}
_TAIL = V.long_tail()
if _TAIL:
    _SLOTS["tail"] = _Zipf(_TAIL, exponent=0.6)
_ANSWERS = _Zipf(V.ANSWER_TEMPLATES)
_QUESTIONS = _Zipf(V.QUESTION_TEMPLATES)
_SLOT = re.compile(r"\{(\w+)\}")


SENTENCE = re.compile(r"\S[^.!?\n]*[.!?]*")


def answer_spans(text: str, count: int, rng: random.Random) -> Iterator[tuple[int, int]]:
    """``count`` spans of one to three answer sentences (never the interviewer's); about one in six overlaps the one before."""
    from lobcoder.importing.speakers import detect_turns

    sentences = [
        (m.start(), m.end())
        for t in detect_turns(text)
        if t.speaker is not None and t.speaker != "I"
        for m in SENTENCE.finditer(text, t.start, t.end)
    ]
    first = last = 0
    for n in range(count):
        first = rng.randint(first, last) if n and rng.random() < 1 / 6 else rng.randrange(len(sentences) - 3)
        last = min(first + rng.randint(0, 2), len(sentences) - 1)
        yield sentences[first][0], sentences[last][1]


def _fill(template: str, rng: random.Random) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        word = _SLOTS[name.lower()](rng)
        return word[0].upper() + word[1:] if name[0].isupper() else word

    sentence = _SLOT.sub(replace, template)
    return sentence[0].upper() + sentence[1:]


def _answer(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(2, 12)):
        sentence = _fill(_ANSWERS(rng), rng)
        roll = rng.random()
        if roll < 0.015:
            sentence += " " + rng.choice(V.EMOJI)
        elif roll < 0.05:
            sentence += " " + rng.choice(V.NOTES)
        sentences.append(sentence)
        if _TAIL and rng.random() < 0.25:
            sentences.append(_fill(rng.choice(V.TAIL_TEMPLATES), rng))
    return " ".join(sentences)


def _question(rng: random.Random) -> str:
    question = _fill(_QUESTIONS(rng), rng)
    if rng.random() < 0.3:
        question = f"{rng.choice(V.QUESTION_OPENERS)} {question}"
    return question


def _speaker_label(index: int, role: str) -> str:
    """A role with a number ("Docent07") or a first name, used for all of one participant's waves."""
    if index % 2 == 0 or index // 2 >= len(V.FIRST_NAMES):
        return f"{role}{index + 1:02d}"
    return V.FIRST_NAMES[index // 2]


def generate(documents: int, words: int, seed: int = 42) -> list[Transcript]:
    """``documents`` transcripts of about ``words`` words each, ``WAVES`` per participant."""
    rng = random.Random(seed)
    participants = []
    for index in range((documents + WAVES - 1) // WAVES):
        role = rng.choice(V.ROLES)
        participants.append((f"P{index + 1:03d}", role, rng.choice(V.SCHOOLS), _speaker_label(index, role)))
    transcripts = []
    for number in range(documents):
        participant, role, school, speaker = participants[number // WAVES]
        wave = number % WAVES + 1
        preamble = (
            f"Datum: {rng.randint(1, 28)} {rng.choice(_MONTHS)} {2023 + wave - 1}",
            f"Duur: {rng.randint(35, 75)} minuten",
            f"Aanwezig: interviewer, {speaker} ({role.lower()})",
        )
        lines: list[str] = []
        count = 0
        while count < words:
            for label, text in (("I", _question(rng)), (speaker, _answer(rng))):
                lines.append(f"{label}: {text}")
                count += len(lines[-1].split())
        transcripts.append(
            Transcript(
                name=f"{participant}_{speaker}_meting{wave}",
                participant=participant,
                school=school,
                role=role,
                wave=wave,
                speaker=speaker,
                title=f"Interview {participant} – meting {wave} – {school}",
                preamble=preamble,
                lines=tuple(lines),
            )
        )
    return transcripts


def _write_docx(transcript: Transcript, path: Path) -> None:
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = f"Vertrouwelijk – transcript {transcript.participant}, meting {transcript.wave}"
    section.footer.paragraphs[0].text = "Onderzoek LOB in het mbo – niet verspreiden"
    document.add_heading(transcript.title, level=1)
    for line in transcript.preamble:
        document.add_paragraph(line)
    for line in transcript.lines:
        label, text = line.split(": ", 1)
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}:").bold = True
        paragraph.add_run(f" {text}")
    properties = document.core_properties
    properties.author = properties.last_modified_by = "lobcoder benchmark"
    properties.created = properties.modified = _FIXED_TIME
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    # Fixed member timestamps make the bytes, not only the text, depend on the seed alone.
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info))


def _write_txt(transcript: Transcript, path: Path) -> None:
    head = "\n".join((transcript.title, *transcript.preamble))
    path.write_text(head + "\n\n" + "\n\n".join(transcript.lines) + "\n", encoding="utf-8")


def write_corpus(outdir: str | Path, transcripts: Sequence[Transcript], fmt: str = "docx") -> list[Path]:
    """Write each transcript as ``NAME.docx``/``NAME.txt`` plus ``attributes.csv``; return the files."""
    if fmt not in ("docx", "txt"):
        raise ValueError(f"format must be docx or txt, not {fmt!r}")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    writer = _write_docx if fmt == "docx" else _write_txt
    paths = []
    for transcript in transcripts:
        path = outdir / f"{transcript.name}.{fmt}"
        writer(transcript, path)
        paths.append(path)
    # Dutch Excel's CSV: semicolons, UTF-8 with a byte-order mark.
    with (outdir / ATTRIBUTES_FILE).open("w", encoding="utf-8-sig", newline="") as fh:
        sheet = csv.writer(fh, delimiter=";")
        sheet.writerow(["document", "participant", "school", "role", "wave"])
        for t in transcripts:
            sheet.writerow([t.name, t.participant, t.school, t.role.lower(), t.wave])
    return paths


def build_corpus(outdir: str | Path, documents: int, words: int, fmt: str = "docx", seed: int = 42) -> list[Path]:
    """Generate and write a corpus in one call."""
    return write_corpus(outdir, generate(documents, words, seed), fmt)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--words", type=int, default=8000)
    parser.add_argument("--format", choices=("docx", "txt"), default="docx")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--project", type=Path, help="also import the corpus into this new project file")
    parser.add_argument("--codes", type=int, default=60, help="with --project: codes to create")
    parser.add_argument("--codings", type=int, default=0, help="with --project: random codings to add")
    args = parser.parse_args(argv)
    transcripts = generate(args.documents, args.words, args.seed)
    paths = write_corpus(args.outdir, transcripts, args.format)
    total = sum(t.words for t in transcripts)
    print(f"wrote {len(paths)} {args.format} transcripts ({total:,} words) and {ATTRIBUTES_FILE} to {args.outdir}")
    if args.project:
        from lobcoder.services.batch_import import import_files
        from lobcoder.storage.project import ProjectStore

        with ProjectStore.create(args.project) as store:
            report = import_files(store, paths)
            print(f"imported {len(report.imported)} documents into {args.project} ({len(report.failed)} failed)")
            if args.codings:
                summary = populate_codings(store, args.codes, args.codings, args.seed)
                print(f"added {summary.codes} codes and {summary.codings} codings ({summary.overlapping} overlapping)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
