"""Run deduce over a whole project: every distinct line once, in batches, on several processes where safe.

Why lines: deduce never joins tokens across a line break. A newline is a
token of its own that no name, place or date pattern accepts, its regexes
(dates, ages, phone numbers, e-mail, URLs) allow no line break inside a match,
and its merge of adjacent annotations allows only spaces, dots and hyphens
between them. So deduce finds the same things in a line on its own as in the
whole transcript, and a line that occurs twice (``I: Oké.``, a repeated
question, the same memo in two places) needs reading only once. Lines are
joined with newlines into batches of about ``BATCH_CHARS`` characters, so the
per-call overhead of deduce stays small and a batch is a unit of progress.

Why processes: deduce is pure Python, so threads do not help. On Linux the
workers are forked after deduce is loaded, so each starts at once and shares
the lookup structures; elsewhere (macOS forbids fork of a process running Qt,
Windows has none) and for small projects it runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence

from lobcoder.errors import Cancelled
from lobcoder.pseudonymise import deduce_engine
from lobcoder.pseudonymise.deduce_engine import DeduceAnnotation

BATCH_CHARS = 40_000
# Below this many characters to read, starting processes costs more than it saves.
POOL_MIN_CHARS = 400_000
MAX_WORKERS = 4  # each worker writes ~170 MB of its own (deduce touches shared pages)

Progress = Callable[[int, int, str], None]


def distinct_lines(texts: Iterable[str]) -> list[str]:
    """Every distinct non-blank line of the texts, in the order first seen."""
    seen: dict[str, None] = {}
    for text in texts:
        for line in text.split("\n"):
            if line.strip() and line not in seen:
                seen[line] = None
    return list(seen)


def batches(lines: Sequence[str], limit: int = BATCH_CHARS) -> list[list[str]]:
    """Consecutive lines grouped into batches of at most ``limit`` characters (a longer line is a batch alone)."""
    result: list[list[str]] = []
    current: list[str] = []
    size = 0
    for line in lines:
        if current and size + len(line) + 1 > limit:
            result.append(current)
            current, size = [], 0
        current.append(line)
        size += len(line) + 1
    if current:
        result.append(current)
    return result


def annotate_lines(lines: Sequence[str]) -> list[list[DeduceAnnotation]]:
    """deduce's annotations of each line (positions within that line), reading the lines as one text."""
    found: list[list[DeduceAnnotation]] = [[] for _ in lines]
    starts: list[int] = []
    at = 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    index = 0
    for a in deduce_engine.annotate("\n".join(lines)):
        while index + 1 < len(starts) and starts[index + 1] <= a.start:
            index += 1
        offset = starts[index]
        found[index].append(DeduceAnnotation(a.start - offset, a.end - offset, a.text, a.tag))
    return found


def default_workers() -> int:
    """How many processes to use: the cores this process may run on (at most ``MAX_WORKERS``), on Linux."""
    if sys.platform != "linux" or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def annotate_texts(
    texts: Sequence[str],
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[tuple[str, list[DeduceAnnotation]]]:
    """Each distinct line of ``texts`` (see :func:`distinct_lines`), in that order, with deduce's annotations.

    ``progress(done, total, "deduce")`` counts batches; ``cancelled()`` is asked
    between batches and stops the work (and the worker processes) with
    :class:`Cancelled`.
    """
    deduce_engine.load()
    lines = distinct_lines(texts)
    groups = batches(lines)
    total = len(groups)
    if progress is not None:
        progress(0, total, "deduce")
    chars = sum(len(line) + 1 for line in lines)
    count = default_workers() if workers is None else workers
    if count > 1 and chars < POOL_MIN_CHARS and workers is None:
        count = 1
    count = min(count, total)
    if count <= 1:
        results: Iterable[list[list[DeduceAnnotation]]] = map(annotate_lines, groups)
        yield from zip(lines, _collect(results, total, progress, cancelled), strict=True)
        return
    with warnings.catch_warnings():
        # Python 3.12+ warns about forking a process with threads (the window's worker thread): a
        # child could inherit a lock another thread held. The children here only run deduce on
        # strings and send the results back; they never touch Qt, the project file or logging.
        warnings.filterwarnings(
            "ignore", message=".*use of fork\\(\\) may lead to deadlocks", category=DeprecationWarning
        )
        # deduce's lookup structures were frozen when loaded (deduce_engine), so the workers share their pages.
        pool = multiprocessing.get_context("fork").Pool(count)
    try:
        found = pool.imap(annotate_lines, groups)
        yield from zip(lines, _collect(found, total, progress, cancelled), strict=True)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _collect(
    results: Iterable[list[list[DeduceAnnotation]]],
    total: int,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> Iterator[list[DeduceAnnotation]]:
    for done, per_line in enumerate(results, start=1):
        if cancelled is not None and cancelled():
            raise Cancelled("pseudonymisation detection cancelled")
        yield from per_line
        if progress is not None:
            progress(done, total, "deduce")
