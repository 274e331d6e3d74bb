"""Peak memory of importing one large file of every importable format (issue 15).

Each input is imported by ``import_one`` into a new project in a fresh child
process. The child measures two stages apart, so that the search index of
the store stage does not hide what a reader costs: *read* is
``batch_import.extract`` (the reader, service-transcript recognition and
speaker turns), after which the child's high-water mark is taken and reset
(``/proc/self/clear_refs``); *store* is the rest of ``import_one`` (preparing
the text, the turns, the search index, the commit). Growth is over the
child's memory just before the import (interpreter, lobcoder, an open
project); Linux only.

    python benchmarks/format_import.py                       # every format near 99 MB
    python benchmarks/format_import.py --formats srt,vtt --megabytes 30

Inputs, generated from the same Dutch interview turns (``I:`` and a
respondent): ``.txt`` and ``.md`` as lines; ``.srt`` with a ``Name:`` prefix
per cue and ``.vtt`` with ``<v Name>`` voice tags (cues of about 80
characters, so consecutive cues of one speaker merge); ``.html`` one ``<p>``
per turn; ``.rtf`` in Windows-1252 with ``\\'xx`` escapes. ``.docx`` and
``.odt`` come three ways: *text* (98 million characters, just under the
100 million a document's text may have: the largest accepted), *image* (a 98 MB incompressible picture beside a
small text: accepted) and *over* (99 MB of text that unpacks past the limit:
refused). *binary* is random bytes under the format's name (refused).
*rtf-word* is an RTF file that is one control word of the whole size
(``{\\rtf1\\aaaa...}``), past RTF's 32 letters (refused).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from text_import import _base_text

MB = 1024 * 1024
_FORMATS = ("txt", "md", "srt", "vtt", "html", "rtf", "docx-text", "docx-image", "docx-over")
_FORMATS += ("odt-text", "odt-image", "odt-over", "srt-binary", "html-binary", "docx-binary", "rtf-word")


def _turns(seed: int) -> list[tuple[str, str]]:
    turns = []
    for line in _base_text(seed).split("\n"):
        name, sep, speech = line.partition(": ")
        if sep and speech:
            turns.append((name, speech))
    return turns


def _endless(seed: int) -> Iterator[tuple[str, str]]:
    """Turns from random places of the base text, for ever."""
    turns = _turns(seed)
    rng = random.Random(seed)
    while True:
        yield from turns[rng.randrange(len(turns) // 2) :]


def _write(path: Path, pieces: Iterator[bytes], size: int, head: bytes = b"", tail: bytes = b"") -> None:
    """Write ``head``, then pieces until ``size`` bytes, then ``tail``."""
    with path.open("wb") as out:
        out.write(head)
        written = len(head) + len(tail)
        for piece in pieces:
            if written + len(piece) > size:
                break
            out.write(piece)
            written += len(piece)
        out.write(tail)


def _cues(turns: Iterator[tuple[str, str]], vtt: bool) -> Iterator[bytes]:
    number, ms = 0, 0
    for name, speech in turns:
        words = speech.split()
        while words:
            cut, length = 0, 0
            while cut < len(words) and length < 80:
                length += len(words[cut]) + 1
                cut += 1
            cue, words = " ".join(words[:cut]), words[cut:]
            number += 1
            start, ms = ms, ms + 3000
            if vtt:
                yield f"{_stamp(start, '.')} --> {_stamp(ms, '.')}\n<v {name}>{cue}</v>\n\n".encode()
            else:
                line = f"{name}: {cue}"
                yield f"{number}\n{_stamp(start, ',')} --> {_stamp(ms, ',')}\n{line}\n\n".encode()


def _stamp(ms: int, comma: str) -> str:
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{comma}{millis:03d}"


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"):
        if ord(ch) < 128:
            out.append(ch)
        else:
            try:
                out.append(f"\\'{ch.encode('cp1252')[0]:02x}")
            except UnicodeEncodeError:
                out.append(f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?")
    return "".join(out)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _docx_template() -> dict[str, bytes]:
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("x")
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


_ODT_CONTENT_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:text>"
)
_ODT_CONTENT_TAIL = "</office:text></office:body></office:document-content>"
_ODT_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _write_zip_document(path: Path, kind: str, variant: str, megabytes: float, seed: int) -> None:
    """A .docx or .odt whose body is generated paragraphs (and, for *image*, a big picture)."""
    if kind == "docx":
        members = _docx_template()
        body_name = "word/document.xml"
        head = members[body_name].decode()
        cut = head.index("<w:body>") + len("<w:body>")
        head, tail = head[:cut], "</w:body></w:document>"
        paragraph = '<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>'
    else:
        members = {
            "mimetype": b"application/vnd.oasis.opendocument.text",
            "META-INF/manifest.xml": _ODT_MANIFEST.encode(),
        }
        body_name = "content.xml"
        head, tail = _ODT_CONTENT_HEAD, _ODT_CONTENT_TAIL
        paragraph = "<text:p>{}</text:p>"
    rng = random.Random(seed)
    characters = 10**12
    if variant == "text":  # the largest accepted: just under ziputil.MAX_TEXT (100 million characters)
        body_size, characters = 195 * MB, 98_000_000
    elif variant == "image":
        body_size = 1 * MB
    else:
        body_size = 10 * int(megabytes * MB)  # stopped below by the file size
    target = int(megabytes * MB)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            if name != body_name:
                method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
                archive.writestr(zipfile.ZipInfo(name), content, compress_type=method)
        if variant == "image":
            image = "word/media/image1.png" if kind == "docx" else "Pictures/image1.png"
            with archive.open(_deflated(image), "w") as out:
                for _ in range(int(megabytes) - 1):
                    out.write(rng.randbytes(MB))
        with archive.open(_deflated(body_name), "w") as out:
            out.write(head.encode())
            written = checked = text = 0
            for name, speech in _endless(seed):
                line = f"{name}: {speech}"
                text += len(line) + 1
                if text > characters:
                    break
                piece = paragraph.format(_xml(line)).encode()
                out.write(piece)
                written += len(piece)
                if written > body_size:
                    break
                if variant == "over" and written - checked > MB:
                    checked = written
                    if archive.fp.tell() > target:  # type: ignore[union-attr]
                        break
            out.write(tail.encode())


def _deflated(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def write_input(path: Path, fmt: str, megabytes: float, seed: int = 15) -> None:
    size = int(megabytes * MB)
    if fmt.endswith("-binary"):  # random bytes under a text format's name: refused
        rng = random.Random(seed)
        _write(path, (rng.randbytes(MB) for _ in range(size // MB + 1)), size)
    elif fmt in ("txt", "md"):
        lines = (f"{name}: {speech}\n\n".encode() for name, speech in _endless(seed))
        _write(path, lines, size, b"# Interview P001\n\n" if fmt == "md" else b"")
    elif fmt in ("srt", "vtt"):
        _write(path, _cues(_endless(seed), fmt == "vtt"), size, b"WEBVTT\n\n" if fmt == "vtt" else b"")
    elif fmt == "html":
        paragraphs = (f"<p>{_xml(name)}: {_xml(speech)}</p>\n".encode() for name, speech in _endless(seed))
        _write(path, paragraphs, size, b"<html><body>\n", b"</body></html>\n")
    elif fmt == "rtf-word":  # one control word of the whole size: no RTF a word processor writes
        _write(path, iter(lambda: b"a" * MB, b""), size, b"{\\rtf1\\", b"}")
    elif fmt == "rtf":
        paragraphs = (f"{_rtf_escape(name + ': ' + speech)}\\par\n".encode("ascii") for name, speech in _endless(seed))
        _write(path, paragraphs, size, b"{\\rtf1\\ansi\\ansicpg1252\\deff0 ", b"}")
    else:
        kind, variant = fmt.split("-")
        _write_zip_document(path, kind, variant, megabytes, seed)


_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
import lobcoder.services.batch_import as batch_import
from lobcoder.storage.project import ProjectStore
source, project = Path(sys.argv[1]), Path(sys.argv[2])
store = ProjectStore.create(project, "bench")
with store.read() as session:
    pass
def high_water_mb():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024
def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 1024 / 1024
stages = {}
original = batch_import.extract
def extract(path, options):
    start = time.perf_counter()
    try:
        return original(path, options)
    finally:
        stages["read_s"] = time.perf_counter() - start
        stages["read_peak_mb"] = high_water_mb()
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # reset the high-water mark: what follows is the store stage
batch_import.extract = extract
before = rss_mb()
start = time.perf_counter()
result = batch_import.import_one(store, source)
seconds = time.perf_counter() - start
store_peak = high_water_mb()
store.close()
print(json.dumps({"seconds": seconds, "before_mb": before, "store_peak_mb": store_peak, **stages,
                  "status": result.status, "message": result.message, "characters": result.characters,
                  "turns": result.turns}))
"""


def run_child(source: Path, project: Path) -> dict[str, object]:
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)
    # A PYTHONPATH given (e.g. another checkout, for a before/after) comes first.
    env["PYTHONPATH"] = os.pathsep.join(p for p in (env.get("PYTHONPATH", ""), root) if p)
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(source), str(project)], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"child failed for {source}:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _row(fmt: str, megabytes: float, f: dict[str, object]) -> str:
    before = float(f["before_mb"])  # type: ignore[arg-type]
    read_growth = float(f["read_peak_mb"]) - before  # type: ignore[arg-type]
    store_growth = float(f["store_peak_mb"]) - before  # type: ignore[arg-type]
    peak = max(float(f["read_peak_mb"]), float(f["store_peak_mb"]))  # type: ignore[arg-type]
    outcome = str(f["status"]) if f["status"] != "failed" else f"refused: {str(f['message'])[-60:]}"
    store = f"{store_growth:.0f}" if f["status"] == "imported" else "–"
    return (
        f"| {fmt} | {megabytes:.1f} | {outcome} | {float(f['read_s']):.1f} | {read_growth:.0f} | "  # type: ignore[arg-type]
        f"{read_growth / megabytes:.2f} | {store} | {peak:.0f} | {f['characters'] or 0} | {f['turns'] or 0} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--formats", default=",".join(_FORMATS), help=f"comma-separated, of {', '.join(_FORMATS)}")
    parser.add_argument("--megabytes", type=float, default=99.0, help="file size (default 99)")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    args = parser.parse_args(argv)
    print(
        "| input | file MB | outcome | read s | read growth MB | read growth / size | store growth MB "
        "| peak RSS MB | characters | turns |"
    )
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    figures: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="lobcoder-formatbench-") as tmp:
        folder = Path(tmp)
        for fmt in [f for f in args.formats.split(",") if f]:
            source = folder / f"transcript.{fmt.split('-')[0]}"
            write_input(source, fmt, args.megabytes, args.seed)
            size = source.stat().st_size / MB
            result = run_child(source, folder / f"{fmt}.lobcoder")
            print(_row(fmt, size, result), flush=True)
            figures.append({"format": fmt, "megabytes": size, **result})
            source.unlink()
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
