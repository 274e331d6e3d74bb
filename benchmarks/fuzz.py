"""Seeded fuzzing of every importer and the REFI-QDA reader: no traceback, no stored control character.

Each case takes one valid seed file (.txt, .md, .html, .rtf, .vtt, .srt,
.docx, .odt, .qdpx), mutates it with a seeded random generator (flipped,
inserted, deleted or duplicated bytes, a cut, control characters; for zip
formats also the bytes inside one member, re-packed so that the XML parsers
are reached) and imports it as lobcoder does. An outcome is one of

- ``accepted``: read (and for .qdpx stored in a new project) with no NUL or
  other control character in the text, and a sound project file;
- ``refused``: a :class:`~lobcoder.errors.LobcoderError` with a one-line message;
- ``crash: <type>``: anything else, which is a bug.

``tests/importing/test_fuzz.py`` runs a few hundred cases on every CI run;
run thousands on purpose::

    python benchmarks/fuzz.py --cases 10000 --seed 15
"""

from __future__ import annotations

import argparse
import io
import random
import re
import sqlite3
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import docx

from lobcoder.errors import LobcoderError
from lobcoder.importing.readers import read_file
from lobcoder.refi.qdpx_export import export_qdpx
from lobcoder.refi.qdpx_import import import_qdpx
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore

TURNS = [
    "Interviewer: Hoe verloopt de loopbaanbegeleiding op school?",
    "Anna: Eén keer per maand heb ik een gesprek met mijn mentor 😀.",
    "Interviewer: En helpt dat bij je keuze?",
    "Anna: Ja, de coördinatie met het bedrijf ging goed, ‘echt’ waar.",
]
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
ODT_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:text>{}</office:text></office:body></office:document-content>"
)


def _docx(folder: Path) -> Path:
    document = docx.Document()
    for turn in TURNS:
        document.add_paragraph(turn)
    document.save(folder / "seed.docx")
    return folder / "seed.docx"


def _odt(folder: Path) -> Path:
    path = folder / "seed.odt"
    body = "".join(f"<text:p>{t}</text:p>" for t in TURNS)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        archive.writestr("content.xml", ODT_CONTENT.format(body), zipfile.ZIP_DEFLATED)
    return path


def _qdpx(folder: Path) -> Path:
    project = folder / "seed.lobcoder"
    text = "\n".join(TURNS) + "\n"
    with ProjectStore.create(project) as store, store.transaction() as session:
        document = add_document(session, "Anna", text, ()).id
        code = create_code(session, "Coördinatie").id
        start = text.index("coördinatie")
        add_coding(session, document, code, start, start + len("coördinatie"), coder="anna")
    with ProjectStore.open(project) as store:
        export_qdpx(store, folder / "seed.qdpx")
    return folder / "seed.qdpx"


def make_seeds(folder: Path) -> list[Path]:
    """One valid file per format, in ``folder``."""
    text = "\n".join(TURNS) + "\n"
    (folder / "seed.txt").write_text(text, encoding="utf-8")
    (folder / "seed.md").write_text("# Interview\n\n" + text.replace("\n", "\n\n"), encoding="utf-8")
    (folder / "seed.html").write_text("<html><body>" + "".join(f"<p>{t}</p>" for t in TURNS) + "</body></html>")
    rtf = "{\\rtf1\\ansi " + "".join(t.replace("é", "\\'e9") + "\\par " for t in TURNS[:1]) + "\\u233?n \\par}"
    (folder / "seed.rtf").write_text(rtf, encoding="ascii")
    cues = "".join(f"\n\n00:00:0{i}.000 --> 00:00:0{i + 1}.000\n{t}" for i, t in enumerate(TURNS))
    (folder / "seed.vtt").write_text("WEBVTT" + cues, encoding="utf-8")
    srt = "".join(f"{i + 1}\n00:00:0{i},000 --> 00:00:0{i + 1},000\n{t}\n\n" for i, t in enumerate(TURNS))
    (folder / "seed.srt").write_text(srt, encoding="utf-8")
    plain = [folder / f"seed.{ext}" for ext in ("txt", "md", "html", "rtf", "vtt", "srt")]
    return [*plain, _docx(folder), _odt(folder), _qdpx(folder)]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """A few random edits of ``data``."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not out:
            out.extend(b"\x00")
        at = rng.randrange(len(out))
        kind = rng.randrange(7)
        if kind == 0:
            out[at] ^= 1 << rng.randrange(8)
        elif kind == 1:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif kind == 2:
            del out[at : at + rng.randint(1, 64)]
        elif kind == 3:
            end = min(len(out), at + rng.randint(1, 256))
            out[at:at] = out[at:end] * rng.randint(1, 20)
        elif kind == 4:
            del out[at:]
        elif kind == 5:
            out[at:at] = bytes([rng.choice([0, 1, 7, 8, 11, 12, 27, 127])])
        else:
            out[at] = rng.randrange(256)
    return bytes(out)


def mutate_member(data: bytes, rng: random.Random) -> bytes:
    """Re-pack a zip with one member's bytes mutated (reaches the XML parsers past the CRC checks)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        infos = source.infolist()
        victim = rng.choice(infos).filename
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
            for info in infos:
                content = source.read(info.filename)
                target.writestr(info.filename, mutate(content, rng) if info.filename == victim else content)
    return buffer.getvalue()


def _check_project(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert not connection.execute("PRAGMA foreign_key_check").fetchall()
        for (text,) in connection.execute("SELECT text FROM documents"):
            assert not _CONTROL.search(text), "a control character was stored"
    finally:
        connection.close()


def run_case(path: Path, folder: Path) -> str:
    """Import one (mutated) file; the outcome."""
    try:
        if path.suffix == ".qdpx":
            target = folder / f"{path.stem}.lobcoder"
            import_qdpx(path, target)
            _check_project(target)
            target.unlink()
        else:
            text = read_file(path).text
            assert not _CONTROL.search(text), "a control character in the text"
    except LobcoderError as exc:
        return "refused" if "\n" not in str(exc).strip() else "crash: a message of several lines"
    except Exception as exc:  # noqa: BLE001 - every other exception is the finding
        return f"crash: {type(exc).__name__}"
    return "accepted"


def fuzz(
    cases: int, seed: int, folder: Path, on_crash: Callable[[Path, str], None] | None = None
) -> Counter[tuple[str, str]]:
    """Run ``cases`` mutated imports; (format, outcome) -> count."""
    rng = random.Random(seed)
    seeds = make_seeds(folder)
    outcomes: Counter[tuple[str, str]] = Counter()
    for number in range(cases):
        source = seeds[number % len(seeds)]
        data = source.read_bytes()
        if source.suffix in (".docx", ".odt", ".qdpx") and rng.random() < 0.6:
            data = mutate_member(data, rng)
        else:
            data = mutate(data, rng)
        case = folder / f"case{number}{source.suffix}"
        case.write_bytes(data)
        outcome = run_case(case, folder)
        outcomes[(source.suffix, outcome)] += 1
        if outcome.startswith("crash") and on_crash is not None:
            on_crash(case, outcome)
        else:
            case.unlink()
    return outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args(argv)
    crashes: list[str] = []
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        outcomes = fuzz(args.cases, args.seed, Path(tmp), lambda p, o: crashes.append(f"{p.name}: {o}"))
    seconds = time.perf_counter() - began
    formats = sorted({fmt for fmt, _ in outcomes})
    print(f"{args.cases} cases, seed {args.seed}, {seconds:.0f} s")
    print("| format | cases | accepted | refused | crashes |\n| --- | ---: | ---: | ---: | ---: |")
    for fmt in formats:
        counts = {o: n for (f, o), n in outcomes.items() if f == fmt}
        crash = sum(n for o, n in counts.items() if o.startswith("crash"))
        print(
            f"| {fmt} | {sum(counts.values())} | {counts.get('accepted', 0)} | {counts.get('refused', 0)} | {crash} |"
        )
    for line in crashes[:20]:
        print(line)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
