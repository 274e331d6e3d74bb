"""Time and peak memory of importing one large plain-text transcript (issue 15).

Each import runs in a fresh child process (a new project, ``import_one`` as
the CLI and the GUI call it), which reports its wall time and its peak
resident memory (``VmHWM`` in ``/proc/self/status``; Linux only). The peak is shown as the growth over
the child's memory just before the import (interpreter, lobcoder and an open
project), divided by the file size, and as the absolute peak. *Lock s* is the
longest stretch during which another connection's ``BEGIN IMMEDIATE`` (what an
action in an open window does) found the project locked, probed every 50 ms.

    python benchmarks/text_import.py                   # 10, 30 and 99 MB, UTF-8
    python benchmarks/text_import.py --sizes 5 --variants utf8,cp1252-crlf,quotes
    python benchmarks/text_import.py --refused         # also 99 MB of binary and of control characters

Variants: ``utf8`` (Dutch with é, ë, ï: one byte per character in Python),
``quotes`` (typographic quotes ‘’ “”: two bytes per character in Python),
``cp1252-crlf`` (Windows-1252 with CRLF line ends: the detector's path) and
``no-speakers`` (the same text imported without speaker detection).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import corpus

_VARIANTS = ("utf8", "quotes", "cp1252-crlf", "no-speakers")


def _base_text(seed: int) -> str:
    """About 2 MB of transcript turns (``I:`` and a respondent), one per line pair."""
    transcripts = corpus.generate(documents=1, words=300_000, seed=seed)
    lines = [line for line in transcripts[0].lines if all(ord(c) <= 0xFFFF for c in line)]  # no emoji
    return "\n\n".join(lines) + "\n"


def write_input(path: Path, megabytes: float, variant: str, seed: int = 15) -> None:
    """A transcript of ``megabytes`` MB: the base text repeated (from random places) under numbered parts."""
    base = _base_text(seed)
    if variant == "utf8":
        # Only Latin-1 characters: one byte per character in Python. A single
        # typographic quote or dash would make every character take two.
        base = base.translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "…": "..."}))
        base = "".join(ch for ch in base if ord(ch) < 256)
        encoding, newline = "utf-8", "\n"
    elif variant == "quotes":
        encoding, newline = "utf-8", "\n"
    elif variant == "cp1252-crlf":
        encoding, newline = "cp1252", "\r\n"
    else:
        raise ValueError(variant)
    target = int(megabytes * 1024 * 1024)
    rng = random.Random(seed)
    parts = ["Interview P001 - meting 1\nDatum: 3 maart 2024\n\n"]
    size = len(parts[0])
    while size < target:
        part = f"Deel {len(parts)}\n\n" + base[rng.randrange(0, len(base) // 2) :]
        parts.append(part)
        size += len(part.encode(encoding, "replace"))
    text = "".join(parts)
    data = text.encode(encoding, "replace").replace(b"\n", newline.encode())[:target]
    path.write_bytes(data[: data.rfind(b"\n") + 1])


def write_refused(path: Path, megabytes: float, kind: str, seed: int = 15) -> None:
    size = int(megabytes * 1024 * 1024)
    rng = random.Random(seed)
    with path.open("wb") as out:
        block = rng.randbytes(1024 * 1024) if kind == "binary" else bytes(rng.randrange(1, 32) for _ in range(65536))
        while size > 0:
            out.write(block[:size])
            size -= len(block)


_CHILD = r"""
import json, resource, sqlite3, sys, threading, time
from pathlib import Path
from lobcoder.services.batch_import import ImportOptions, import_one
from lobcoder.storage.project import ProjectStore
source, project, speakers = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "1"
store = ProjectStore.create(project, "bench")
with store.read() as session:
    pass
def high_water_mb():
    # VmHWM, not getrusage's ru_maxrss: that one survives exec and would be the parent's.
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024
def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 1024 / 1024
# Another writer's view: how long at a stretch BEGIN IMMEDIATE found the project locked.
done, longest = threading.Event(), [0.0]
def probe():
    other = sqlite3.connect(project, isolation_level=None, timeout=0)
    locked_since = None
    while not done.is_set():
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            locked_since = None
        except sqlite3.OperationalError:
            now = time.perf_counter()
            locked_since = locked_since or now
            longest[0] = max(longest[0], now - locked_since)
        time.sleep(0.05)
    other.close()
before = rss_mb()
thread = threading.Thread(target=probe)
thread.start()
start = time.perf_counter()
result = import_one(store, source, ImportOptions(detect_speakers=speakers))
seconds = time.perf_counter() - start
peak = high_water_mb()
done.set()
thread.join()
store.close()
print(json.dumps({"seconds": seconds, "before_mb": before, "peak_mb": peak, "status": result.status,
                  "message": result.message, "characters": result.characters, "turns": result.turns,
                  "encoding": result.encoding, "lock_s": longest[0]}))
"""


def run_child(source: Path, project: Path, speakers: bool = True) -> dict[str, object]:
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(source), str(project), "1" if speakers else "0"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"child failed for {source}:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _row(label: str, megabytes: float, figures: dict[str, object]) -> str:
    seconds = float(figures["seconds"])  # type: ignore[arg-type]
    growth = float(figures["peak_mb"]) - float(figures["before_mb"])  # type: ignore[arg-type]
    return (
        f"| {label} | {megabytes:g} | {figures['status']} | {seconds:.1f} | {megabytes / seconds:.1f} | "
        f"{growth:.0f} | {growth / megabytes:.2f} | {float(figures['peak_mb']):.0f} | "  # type: ignore[arg-type]
        f"{figures['turns']} | {float(figures['lock_s']):.1f} |"  # type: ignore[arg-type]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,30,99", help="file sizes in MB (default 10,30,99)")
    parser.add_argument("--variants", default="utf8", help=f"comma-separated, of {', '.join(_VARIANTS)}")
    parser.add_argument("--refused", action="store_true", help="also import 99 MB files that are refused")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    args = parser.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",") if s]
    variants = [v for v in args.variants.split(",") if v]
    print("| input | MB | outcome | s | MB/s | peak growth MB | growth / size | peak RSS MB | turns | lock s |")
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    figures: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="lobcoder-textbench-") as tmp:
        folder = Path(tmp)
        for variant in variants:
            for megabytes in sizes:
                source = folder / f"{variant}-{megabytes:g}.txt"
                write_input(source, megabytes, "utf8" if variant == "no-speakers" else variant, args.seed)
                real = source.stat().st_size / 1024 / 1024
                result = run_child(source, folder / f"{source.stem}.lobcoder", speakers=variant != "no-speakers")
                print(_row(variant, round(real, 1), result), flush=True)
                figures.append({"variant": variant, "megabytes": real, **result})
                source.unlink()
        if args.refused:
            for kind in ("binary", "controls"):
                source = folder / f"{kind}.txt"
                write_refused(source, 99, kind, args.seed)
                result = run_child(source, folder / f"{kind}.lobcoder")
                print(_row(kind, 99, result), flush=True)
                figures.append({"variant": kind, "megabytes": 99.0, **result})
                source.unlink()
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
