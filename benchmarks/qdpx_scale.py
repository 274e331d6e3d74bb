"""``.qdpx`` export and import (and a Word report) as projects grow: time, peak memory, throughput.

Builds (not timed) projects of 250, 500 and 1,000 generated transcripts of
3,000 words with 200 codings each (the workbench's 1,000-document shape:
200,000 codings at 1,000), with participants, a school and a wave attribute,
two coders and memos. Each measured step runs in a fresh Python process so
that its peak resident memory (``ru_maxrss``) is its own:

- export: ``export_qdpx`` of the project;
- import: ``import_qdpx`` of that export into a new project;
- report: ``lobcoder report quotes`` of every code to Word (``--report``;
  ``--per-code N`` for N quotes per code, all by default: the largest
  report a user can ask for).

The child also reports its memory after importing lobcoder (the floor every
step pays), its CPU time (user + system: on a machine shared with other
work, closer to what an idle machine takes than the wall-clock time) and MB/s
over the UTF-8 size of the texts. Peak memory is the
child's ``VmHWM`` (on Linux; ``ru_maxrss`` elsewhere, which after a fork
counts the parent's size too). Growth is each figure
divided by the one of the next smaller project.

    python benchmarks/qdpx_scale.py                     # 250, 500, 1000 transcripts
    python benchmarks/qdpx_scale.py --sizes 100 --words 1000
    python benchmarks/qdpx_scale.py --keep /tmp/qs      # keep (and reuse) the projects
    python benchmarks/qdpx_scale.py --report            # also the Word report
    python benchmarks/qdpx_scale.py --profile import    # cProfile of one step at the largest size
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
from output_folder import take_folder  # noqa: E402
from report import Row, print_table  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from lobcoder.importing.speakers import detect_turns  # noqa: E402
from lobcoder.services.documents import add_document  # noqa: E402
from lobcoder.storage.models import (  # noqa: E402
    Attribute,
    AttributeScope,
    AttributeType,
    AttributeValue,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
)
from lobcoder.storage.project import ProjectStore  # noqa: E402
from lobcoder.text.normalize import normalize_text  # noqa: E402

SIZES = (250, 500, 1000)
WORDS = 3000
CODINGS = 200
CODES = 60
TIME_TARGET_S = 60.0
MEMORY_TARGET_MB = 500.0
COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf")

# -- building projects (not timed) ---------------------------------------------


def build_project(path: Path, documents: int, words: int, codings: int, seed: int = 15) -> None:
    """A project like a study's: transcripts with turns, codes, codings, cases, attributes, memos."""
    if path.exists():
        return
    started = time.perf_counter()
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    rng = random.Random(seed)
    transcripts = corpus.generate(documents, words, seed)
    with ProjectStore.create(partial, name=f"qdpx scale {documents}") as store:
        with store.transaction() as session:
            codes: list[Code] = []
            for n in range(CODES):
                parent = codes[n % 10] if n >= 10 else None
                codes.append(Code(name=f"Code {n + 1}", color=COLORS[n % len(COLORS)], position=n, parent=parent))
            coders = [Coder(name="Anna"), Coder(name="Bram")]
            school = Attribute(name="school", type=AttributeType.TEXT, scope=AttributeScope.PARTICIPANT, position=0)
            wave = Attribute(name="wave", type=AttributeType.NUMBER, scope=AttributeScope.DOCUMENT, position=1)
            session.add_all([*codes, *coders, school, wave])
            session.flush()
            code_ids, coder_ids = [c.id for c in codes], [c.id for c in coders]
            session.add_all(
                Memo(title=f"about {code.name}", text=f"What {code.name} means.", code_id=code.id) for code in codes[:5]
            )
        for number, transcript in enumerate(transcripts):
            text = normalize_text("\n".join((transcript.title, *transcript.preamble, *transcript.lines)))
            with store.transaction() as session:
                ref = add_document(
                    session, transcript.name, text, detect_turns(text), participant=transcript.participant
                )
                document = session.get_one(Document, ref.id)
                if transcript.wave == 1:
                    assert document.participant is not None
                    session.add(
                        AttributeValue(
                            attribute_id=school.id, participant_id=document.participant.id, text_value=transcript.school
                        )
                    )
                session.add(AttributeValue(attribute_id=wave.id, document_id=ref.id, number_value=transcript.wave))
                _code(session, ref.id, text, codings, code_ids, coder_ids, rng)
                if number % 10 == 0:
                    session.add(Memo(text=f"Memo on {transcript.name}.", document_id=ref.id))
        with store.transaction() as session:
            some = session.scalars(select(Coding.id).order_by(Coding.id).limit(documents)).all()
            session.add_all(Memo(text=f"Why coding {i} fits.", coding_id=i) for i in some)
            session.add(Memo(title="Project", text="The whole study."))
    partial.rename(path)
    print(f"  built {path.name}: {documents} documents in {time.perf_counter() - started:.1f} s (not timed)")


def _code(
    session, document_id: int, text: str, count: int, codes: list[int], coders: list[int], rng: random.Random
) -> None:  # type: ignore[no-untyped-def]
    """``count`` codings of one to three answer sentences, random codes and coders."""
    rows = [
        {"document_id": document_id, "code_id": rng.choice(codes), "coder_id": rng.choice(coders), "start": a, "end": b}
        for a, b in corpus.answer_spans(text, count, rng)
    ]
    session.execute(insert(Coding), rows)


def text_megabytes(path: Path) -> float:
    with ProjectStore.open(path) as store, store.read() as session:
        return sum(len(t.encode("utf-8")) for t in session.scalars(select(Document.text))) / 1e6


# -- one measured step, in a child process ---------------------------------------

CHILD = r"""
import json, resource, sys, time
step, source, target, profiled = sys.argv[1:5]
from lobcoder.refi.qdpx_export import export_qdpx
from lobcoder.refi.qdpx_import import import_qdpx
from lobcoder.storage.project import ProjectStore
def rss():
    # VmHWM, not ru_maxrss: ru_maxrss keeps the parent's size from before exec (the parent built the corpus).
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) / 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
floor = rss()
def work():
    if step == "export":
        with ProjectStore.open(source, read_only=True) as store:
            export_qdpx(store, target)
    elif step == "import":
        import_qdpx(source, target)
    elif step == "report":
        from lobcoder.cli.main import run_cli
        if run_cli(["report", "quotes", source, "--out", target, *sys.argv[5:]]) != 0:
            raise SystemExit("report failed")
started = time.perf_counter()
cpu_before = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
if profiled == "profile":
    import cProfile, pstats
    profile = cProfile.Profile()
    profile.runcall(work)
    pstats.Stats(profile, stream=sys.stderr).sort_stats("cumulative").print_stats(35)
else:
    work()
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = usage.ru_utime + usage.ru_stime - cpu_before
print(json.dumps({"seconds": time.perf_counter() - started, "cpu": cpu, "peak_mb": rss(), "floor_mb": floor}))
"""


def run_step(step: str, source: Path, target: Path, profile: bool = False, *options: str) -> dict[str, float]:
    target.unlink(missing_ok=True)
    command = [sys.executable, "-c", CHILD, step, str(source), str(target), "profile" if profile else "-", *options]
    # cwd: not this folder, so that PYTHONPATH (e.g. another checkout, for a before/after) decides what is imported.
    done = subprocess.run(command, capture_output=True, text=True, cwd=target.parent)
    if done.returncode != 0:
        raise SystemExit(f"{step} of {source.name} failed:\n{done.stderr}")
    if profile:
        print(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the table -----------------------------------------------------------------------


def rows_for(step: str, figures: dict[int, dict[str, float]], megabytes: dict[int, float]) -> list[Row]:
    rows = []
    previous: int | None = None
    largest = max(figures)
    for size, figure in sorted(figures.items()):
        seconds, peak = figure["seconds"], figure["peak_mb"]
        growth = ""
        if previous is not None:
            before = figures[previous]
            growth = (
                f"× {seconds / before['seconds']:.2f} time, × {figure['cpu'] / before['cpu']:.2f} CPU, "
                f"× {peak / before['peak_mb']:.2f} memory from {previous}"
            )
        targeted = step != "report" and size == largest
        rows.append(
            Row(
                f"{step} {size} transcripts",
                f"{seconds:.1f} s",
                f"≤ {TIME_TARGET_S:.0f} s" if targeted else "",
                seconds <= TIME_TARGET_S if targeted else None,
                f"{figure['cpu']:.1f} s CPU; {megabytes[size] / seconds:.1f} MB/s of text; {growth}".rstrip("; "),
            )
        )
        rows.append(
            Row(
                "  peak memory",
                f"{peak:.0f} MB",
                f"≤ {MEMORY_TARGET_MB:.0f} MB" if targeted else "",
                peak <= MEMORY_TARGET_MB if targeted else None,
                f"{figure['floor_mb']:.0f} MB after importing lobcoder",
            )
        )
        previous = size
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=list(SIZES))
    parser.add_argument("--words", type=int, default=WORDS)
    parser.add_argument("--codings", type=int, default=CODINGS, help="codings per transcript")
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the generated projects in")
    parser.add_argument("--report", action="store_true", help="also a Word quote report of every code")
    parser.add_argument("--per-code", type=int, default=0, help="the report's quotes per code (default: all)")
    parser.add_argument("--no-import", action="store_true", help="export (and report) only")
    parser.add_argument("--profile", choices=("export", "import", "report"), help="cProfile this step, largest size")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        if args.keep:  # the user names it: only a new folder or one a benchmark made
            take_folder(folder)
        work = Path(temporary)
        projects = {}
        for size in args.sizes:
            projects[size] = folder / f"qdpx-{size}x{args.words}-{args.codings}.lobcoder"
            build_project(projects[size], size, args.words, args.codings)
        megabytes = {size: text_megabytes(path) for size, path in projects.items()}
        report_options = ["--per-code", str(args.per_code)] if args.per_code else []
        if args.profile:
            size = max(args.sizes)
            exported = work / f"{size}.qdpx"
            run_step("export", projects[size], exported, profile=args.profile == "export")
            if args.profile == "import":
                run_step("import", exported, work / f"{size}.lobcoder", profile=True)
            if args.profile == "report":
                run_step("report", projects[size], work / f"{size}.docx", True, *report_options)
            return 0
        steps: dict[str, dict[int, dict[str, float]]] = {"export": {}, "import": {}, "report": {}}
        for size, project in projects.items():
            exported = work / f"{size}.qdpx"
            steps["export"][size] = run_step("export", project, exported)
            print(f"  {size}: .qdpx {exported.stat().st_size / 1e6:.1f} MB, texts {megabytes[size]:.1f} MB")
            if not args.no_import:
                steps["import"][size] = run_step("import", exported, work / f"{size}.lobcoder")
                (work / f"{size}.lobcoder").unlink()
            if args.report:
                steps["report"][size] = run_step("report", project, work / f"{size}.docx", False, *report_options)
            exported.unlink()
        rows = [row for step, figures in steps.items() if figures for row in rows_for(step, figures, megabytes)]
    print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
