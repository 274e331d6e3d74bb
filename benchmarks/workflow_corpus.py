"""Her study as it lands on her disk: ~200 Dutch transcripts in the formats she really gets.

50 teachers interviewed in three waves, 33 contact persons once, and case notes
without speakers; 5,000-12,000 words each (seeded). The text comes from
``corpus.py``'s templates; what differs is the mix of files and labels:

- ``.docx`` with the label in bold; some start with a "fact table" (Respondent,
  School, Functie, Datum, Duur) above the transcript, as transcription bureaus send it;
- ``.txt`` in UTF-8, Windows-1252 (old Notepad/Word "Text only") and UTF-16 with
  a BOM (Word's "Unicode text");
- Teams ``.vtt`` (``<v Name>`` voice tags, short cues) and Zoom ``.srt``
  (``Name: words`` cues), with the display names Teams/Zoom use;
- speakers ``Interviewer`` / ``Docent`` / ``Contactpersoon`` in typed files;
- ``attributen.csv`` as Dutch Excel writes it (semicolons, UTF-8 with BOM):
  ``document;deelnemer;school;rol;meting`` (a teacher is one participant in three waves).

    python benchmarks/workflow_corpus.py /tmp/her --seed 7
    python benchmarks/workflow_corpus.py /tmp/her --scale 0.25      # a quarter of everyone, same mix
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import vocabulary as V
from corpus import _answer, _question

# What she codes with what (the benchmarks that code the study: workflow.py, workflow_team.py): a
# respondent sentence that says one of these.
CODE_KEYWORDS = {
    "Loopbaangesprek": ("loopbaangesprek",),
    "Samen leren": ("samen leren", "van elkaar"),
    "Visie op LOB": ("visie",),
    "Rol van de mentor": ("mentor",),
    "Stage en bpv": ("stage", "bpv"),
    "Tijdgebrek": ("geen tijd", "tijd voor"),
    "Professionalisering": ("professionalisering", "scholing"),
    "Coördinatie": ("coördinatie",),
    "Studiekeuze": ("studiekeuze",),
    "Leiderschap": ("teamleider",),
}

TEACHERS, WAVES, CONTACTS, CASE_NOTES = 50, 3, 33, 17
SHEET = "attributen.csv"
# One format per file, cycled so every kind appears in every wave.
_TEACHER_FORMATS = ("docx", "docx-table", "txt-utf8", "vtt", "txt-cp1252", "srt", "docx", "txt-utf16", "docx-table")
_CONTACT_FORMATS = ("docx-table", "docx-table", "vtt", "txt-utf8")
_INTERVIEWERS = ("Marieke Jansen", "Marieke Jansen", "Ruud Bakker")
_SURNAMES = "de Vries|Jansen|van Dijk|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks"


@dataclass(frozen=True)
class Source:
    """One file to write: its name (without suffix), format and the turns (label, display name, text)."""

    name: str
    fmt: str
    school: str
    role: str
    wave: int | None
    respondent: str
    interviewer: str
    turns: tuple[tuple[str, str], ...]  # (label, text); label "" is a case note paragraph

    @property
    def words(self) -> int:
        return sum(len(text.split()) for _, text in self.turns)


def _interview(rng: random.Random, label: str, words: int) -> tuple[tuple[str, str], ...]:
    turns: list[tuple[str, str]] = []
    count = 0
    while count < words:
        for who, text in (("Interviewer", _question(rng)), (label, _answer(rng))):
            turns.append((who, text))
            count += len(text.split())
    return tuple(turns)


def _notes(rng: random.Random, words: int) -> tuple[tuple[str, str], ...]:
    paragraphs: list[tuple[str, str]] = []
    count = 0
    while count < words:
        text = _answer(rng)
        paragraphs.append(("", text))
        count += len(text.split())
    return tuple(paragraphs)


def plan(seed: int = 7, scale: float = 1.0, min_words: int = 5000, max_words: int = 12000) -> list[Source]:
    """The study's files; ``scale`` < 1 keeps that share of teachers, contacts and notes (same mix)."""
    rng = random.Random(seed)
    surnames = _SURNAMES.split("|")
    sources: list[Source] = []

    def who() -> str:
        return f"{rng.choice(V.FIRST_NAMES)} {rng.choice(surnames)}"

    for t in range(max(1, round(TEACHERS * scale))):
        school, person, interviewer = rng.choice(V.SCHOOLS), who(), rng.choice(_INTERVIEWERS)
        for wave in range(1, WAVES + 1):
            fmt = _TEACHER_FORMATS[(t * WAVES + wave) % len(_TEACHER_FORMATS)]
            turns = _interview(rng, "Docent", rng.randint(min_words, max_words))
            name = f"D{t + 1:02d}_meting{wave}"
            sources.append(Source(name, fmt, school, "docent", wave, person, interviewer, turns))
    for c in range(max(1, round(CONTACTS * scale))):
        fmt = _CONTACT_FORMATS[c % len(_CONTACT_FORMATS)]
        turns = _interview(rng, "Contactpersoon", rng.randint(min_words, max_words))
        school, interviewer = rng.choice(V.SCHOOLS), rng.choice(_INTERVIEWERS)
        sources.append(Source(f"CP{c + 1:02d}", fmt, school, "contactpersoon", None, who(), interviewer, turns))
    for n in range(max(1, round(CASE_NOTES * scale))):
        fmt = ("docx", "txt-utf8")[n % 2]
        turns = _notes(rng, rng.randint(min_words, max_words))
        sources.append(Source(f"Casus_{n + 1:02d}", fmt, rng.choice(V.SCHOOLS), "casusnotitie", None, "", "", turns))
    return sources


def _fact_rows(source: Source) -> list[tuple[str, str]]:
    return [
        ("Respondent", source.respondent),
        ("School", source.school),
        ("Functie", source.role),
        ("Meting", str(source.wave or "–")),
        ("Interviewer", source.interviewer),
        ("Duur", "52 minuten"),
    ]


def _write_docx(path: Path, title: str, facts: list[tuple[str, str]] | None, turns: Sequence[tuple[str, str]]) -> None:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Vertrouwelijk – onderzoek LOB in het mbo"
    document.add_heading(title, level=1)
    if facts:
        table = document.add_table(rows=len(facts), cols=2)
        table.style = "Table Grid"
        for row, (key, value) in zip(table.rows, facts, strict=True):
            row.cells[0].text, row.cells[1].text = key, value
        document.add_paragraph()
    for label, text in turns:
        paragraph = document.add_paragraph()
        if label:
            paragraph.add_run(f"{label}:").bold = True
            paragraph.add_run(f" {text}")
        else:
            paragraph.add_run(text)
    document.save(path)


def _typed_lines(source: Source) -> list[str]:
    return [f"{label}: {text}" if label else text for label, text in source.turns]


def _timestamp(seconds: float, sep: str) -> str:
    h, rest = divmod(int(seconds), 3600)
    m, s = divmod(rest, 60)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{int(seconds % 1 * 1000):03d}"


def _cues(source: Source) -> list[tuple[str, str, str, str]]:
    """(start, end, display name, words) cues of at most ~12 words, as Teams and Zoom cut them."""
    display = {"Interviewer": source.interviewer, "Docent": source.respondent, "Contactpersoon": source.respondent}
    cues = []
    clock = 3.0
    for label, text in source.turns:
        words = text.split()
        for i in range(0, len(words), 12):
            chunk = " ".join(words[i : i + 12])
            length = 0.4 * len(words[i : i + 12])
            cues.append((clock, clock + length, display[label], chunk))
            clock += length + 0.2
    return [(str(a), str(b), name, chunk) for a, b, name, chunk in cues]


def _write(source: Source, folder: Path) -> Path:
    kind, _, variant = source.fmt.partition("-")
    path = folder / f"{source.name}.{kind}"
    title = f"Interview {source.name} – {source.school}" if source.respondent else f"Casusnotities {source.school}"
    if kind == "docx":
        facts = _fact_rows(source) if variant == "table" else None
        _write_docx(path, title, facts, source.turns)
    elif kind == "txt":
        encoding = {"utf8": "utf-8", "cp1252": "cp1252", "utf16": "utf-16"}[variant]
        body = "\n\n".join(_typed_lines(source))
        # Emoji do not exist in Windows-1252; Word writes "?" for them.
        path.write_text(
            f"{title}\n\n{body}\n", encoding=encoding, errors="replace", newline="\r\n" if variant != "utf8" else "\n"
        )
    elif kind == "vtt":
        lines = ["WEBVTT", ""]
        for n, (start, end, name, chunk) in enumerate(_cues(source), 1):
            lines += [f"{n}", f"{_timestamp(float(start), '.')} --> {_timestamp(float(end), '.')}"]
            lines += [f"<v {name}>{chunk}</v>", ""]
        path.write_text("\n".join(lines), encoding="utf-8")
    elif kind == "srt":
        lines = []
        for n, (start, end, name, chunk) in enumerate(_cues(source), 1):
            lines += [
                f"{n}",
                f"{_timestamp(float(start), ',')} --> {_timestamp(float(end), ',')}",
                f"{name}: {chunk}",
                "",
            ]
        path.write_text("\n".join(lines), encoding="utf-8")
    else:
        raise ValueError(source.fmt)
    return path


def write(folder: str | Path, sources: Sequence[Source]) -> list[Path]:
    """Write every file into ``folder`` plus ``attributen.csv``; return the transcript files."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [_write(source, folder) for source in sources]
    with (folder / SHEET).open("w", encoding="utf-8-sig", newline="") as fh:
        sheet = csv.writer(fh, delimiter=";")
        sheet.writerow(["document", "deelnemer", "school", "rol", "meting"])
        for s in sources:
            person = s.name.split("_")[0] if s.respondent else ""  # D07 in all three waves; notes have none
            sheet.writerow([s.name, person, s.school, s.role, s.wave or ""])
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scale", type=float, default=1.0, help="share of the study to write (same mix)")
    args = parser.parse_args(argv)
    sources = plan(args.seed, args.scale)
    paths = write(args.outdir, sources)
    kinds: dict[str, int] = {}
    for s in sources:
        kinds[s.fmt] = kinds.get(s.fmt, 0) + 1
    total = sum(s.words for s in sources)
    print(f"wrote {len(paths)} files ({total:,} words) and {SHEET} to {args.outdir}: {kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
