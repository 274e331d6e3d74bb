"""Time ``lobcoder report words`` on the 200-transcript study of workflow_corpus.py, this checkout against another.

The study (workflow_corpus.py's 200 files, 1.7 million words, imported with
the command line, interviewers named, 12,000 codings of 60 codes added by
codings.py) is built once, not timed. Each figure is the wall time of one
``lobcoder report words`` process (Python start and the Dutch lemma tables
included), as a researcher types it: all text, respondent text split by
school, and one code's passages. *first* runs on a project whose cache holds
no word counts; *again* runs right after it. Every checkout's output is
compared byte for byte with the first one's.

    python benchmarks/report_words.py --before /tmp/before-checkout   # a checkout (e.g. git worktree) to compare
    python benchmarks/report_words.py --keep /tmp/rw                  # keep (and reuse) the study
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import workflow_corpus
from codings import populate_codings
from output_folder import take_folder

from lobcoder.storage.project import ProjectStore

HERE = Path(__file__).resolve().parents[1]
INTERVIEWERS = ("Interviewer", "Marieke Jansen", "Ruud Bakker")  # as benchmarks/workflow.py names them
CASES = {
    "all text": [],
    "respondent text, split by school": ["--exclude-interviewer", "--split-by", "school"],
    "one code's passages, most distinctive": ["--code", "{code}", "--order", "distinctive"],
}


def lobcoder(checkout: Path, *args: str) -> tuple[float, float, bytes]:
    """Wall and CPU seconds and standard output of ``lobcoder ARGS`` run from ``checkout``."""
    environment = {**os.environ, "PYTHONPATH": str(checkout), "LOBCODER_NLP_OFFLINE": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "lobcoder", *args], capture_output=True, env=environment, cwd=checkout, check=False
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"lobcoder {' '.join(args)} failed in {checkout}:\n{done.stderr.decode()}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, cpu, done.stdout


def build_study(folder: Path) -> Path:
    """The imported study with interviewers and codings (kept in ``folder``, reused when there)."""
    project = folder / "study.lobcoder"
    if project.exists():
        return project
    corpus = folder / "corpus"
    workflow_corpus.write(corpus, workflow_corpus.plan(7, 1.0))
    partial = folder / "study.partial.lobcoder"
    partial.unlink(missing_ok=True)  # a build that was stopped
    lobcoder(HERE, "new", str(partial))
    interviewers = [option for name in INTERVIEWERS for option in ("--interviewer", name)]
    sheet = ["--attributes", str(corpus / workflow_corpus.SHEET), "--participant-column", "deelnemer"]
    lobcoder(HERE, "import", str(partial), str(corpus), *sheet, *interviewers)
    with ProjectStore.open(partial) as store:
        populate_codings(store, codes=60, codings=12_000)
    partial.rename(project)
    return project


def forget_word_counts(project: Path) -> None:
    connection = sqlite3.connect(project)
    with connection:
        connection.execute("DELETE FROM nlp_cache WHERE pipeline LIKE 'word frequencies%'")
    connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, help="another checkout to time first (e.g. main before a change)")
    parser.add_argument("--after", type=Path, default=HERE, help="the checkout to time second (default: this one)")
    parser.add_argument("--keep", type=Path, help="folder to build (and reuse) the study in")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = take_folder(args.keep) if args.keep else Path(temporary)
        project = build_study(folder)
        connection = sqlite3.connect(project)
        code = connection.execute("SELECT name FROM codes ORDER BY id LIMIT 1").fetchone()[0]
        documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        connection.close()
        print(f"{documents} documents; the code: {code}")
        checkouts = [("before", args.before)] if args.before else []
        checkouts.append(("after" if args.before else "this checkout", args.after))
        outputs: dict[str, bytes] = {}
        print("wall / CPU seconds of one process; first: no word counts kept yet, again: right after")
        print(
            f"{'report words':38}" + "".join(f"{name + ', first':>24}{name + ', again':>24}" for name, _ in checkouts)
        )
        for case, options in CASES.items():
            command = ["report", "words", str(project), "--format", "json", *(o.format(code=code) for o in options)]
            cells = ""
            for _name, checkout in checkouts:
                forget_word_counts(project)
                first = lobcoder(checkout, *command)
                again = lobcoder(checkout, *command)
                same = first[2] == again[2] and outputs.setdefault(case, first[2]) == first[2]
                cells += f"{first[0]:>15.1f} / {first[1]:.1f}{again[0]:>16.1f} / {again[1]:.1f}"
                cells += "" if same else " (OUTPUT DIFFERS)"
            print(f"{case:38}{cells}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
