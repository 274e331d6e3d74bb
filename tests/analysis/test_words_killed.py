"""A Words run killed (SIGKILL) while it keeps counts in the NLP cache: the project is whole and the next run agrees."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore

REPO = Path(__file__).resolve().parents[2]
WORDS = "keuze opleiding stage mentor school werk zorg techniek gesprek ouders toekomst twijfel".split()


def _project(path: Path) -> None:
    rng = random.Random(5)
    with ProjectStore.create(path) as store, store.transaction() as session:
        for number in range(40):
            lines = [f"Anna: {' '.join(rng.choice(WORDS) for _ in range(15))}" for _ in range(300)]
            add_document(session, f"Interview {number}", "\n".join(lines), ())


def _user_data(path: Path) -> list[str]:
    """Every row but the NLP cache's, which is an aid that may be rebuilt."""
    with sqlite3.connect(path) as raw:
        return [line for line in raw.iterdump() if "nlp_cache" not in line]


def _cache(path: Path) -> dict[tuple[str, str], bytes]:
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return {(h, p): bytes(d) for h, p, d in raw.execute("SELECT content_hash, pipeline, data FROM nlp_cache")}


# The Words tab's computation: each document's counts kept in the project's NLP cache (CacheRows.save).
WORDS_RUN = """
import sys
from lobcoder.analysis.dataset import load_dataset
from lobcoder.analysis.words import WordOptions, count_cache, word_frequencies
from lobcoder.storage.project import ProjectStore
from lobcoder.suggest.pipeline import load_pipeline
with ProjectStore.open(sys.argv[1]) as store:
    with store.read() as session:
        dataset = load_dataset(session)
    result = word_frequencies(dataset, load_pipeline(), options=WordOptions(by="form"), cache=count_cache(store))
    print(result.to_table("en"))
"""


def _words(path: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-c", WORDS_RUN, str(path)]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_words_run_killed_at_any_moment_leaves_the_project_whole(tmp_path: Path) -> None:
    project = tmp_path / "p.lobcoder"
    _project(project)
    data = _user_data(project)
    clean = tmp_path / "clean.lobcoder"
    clean.write_bytes(project.read_bytes())
    began = time.monotonic()
    first = _words(clean)
    expected, err = first.communicate()
    took = time.monotonic() - began
    assert first.returncode == 0, err
    full = _cache(clean)
    assert full  # the run keeps counts

    rng = random.Random(3)  # kills before the counts are kept and after (each save is one transaction)
    for run in range(3):
        child = _words(project)
        time.sleep(rng.uniform(0.3 * took, took))
        child.send_signal(signal.SIGKILL)
        _out, err = child.communicate()
        assert child.returncode in (0, -signal.SIGKILL), err
        with ProjectStore.open(project):  # it opens (and rolls back what the dead process left in the WAL)
            pass
        assert _user_data(project) == data, f"run {run}"
        kept = _cache(project)
        assert kept.items() <= full.items(), f"run {run}: a cache row the whole run never wrote"
    again = _words(project)
    out, err = again.communicate()
    assert again.returncode == 0, err
    assert out == expected
    assert _cache(project) == full
