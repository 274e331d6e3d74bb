"""Summary statistics and the plain-text table that the benchmarks print."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One line of the table; ``ok`` is None for figures without a target."""

    figure: str
    value: str
    target: str = ""
    ok: bool | None = None
    note: str = ""


def median_p95(samples: Sequence[float]) -> tuple[float, float]:
    """Median and nearest-rank 95th percentile (the slowest run of 20 is left out)."""
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def print_table(rows: Sequence[Row]) -> None:
    headers = Row("figure", "value", "target", None, "note")
    width = [max(len(getattr(r, name)) for r in (headers, *rows)) for name in ("figure", "value", "target")]

    def line(row: Row, verdict: str) -> str:
        cells = (row.figure.ljust(width[0]), row.value.rjust(width[1]), row.target.ljust(width[2]), verdict.ljust(4))
        return "  ".join(cells + (row.note,)).rstrip()

    print(line(headers, "met"))
    print("-" * (sum(width) + 14))
    for row in rows:
        print(line(row, "" if row.ok is None else ("yes" if row.ok else "NO")))
