"""Time the Word, Excel and CSV export of a 120 × 120 shaded co-occurrence matrix (target: Word ≤ 3 s).

Run on purpose: ``python benchmarks/report_export.py [--size 120] [--runs 3]``.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from report import Row, print_table

from lobcoder.analysis.table import Table, TableRow
from lobcoder.reports.export import export_table

WORD_TARGET_S = 3.0


def matrix(size: int) -> Table:
    """A co-occurrence-like matrix: counts off the diagonal, n on it, a few flagged cells."""
    names = tuple(f"Code {i + 1:03d}" for i in range(size))
    rows = tuple(
        TableRow(name, tuple(50 + i if i == j else (i * 7 + j * 13) % 41 for j in range(size)), i % 2, i)
        for i, name in enumerate(names)
    )
    return Table(
        title="Code co-occurrence (turn)",
        row_header="Code",
        columns=names,
        rows=rows,
        formats=tuple("int" for _ in names),
        notes=("Cells: co-occurrence count; diagonal: n.",),
        shaded=True,
        flagged=frozenset({(1, 2), (5, 9), (size - 1, 0)}),
        flag_note="Marked: low c-coefficient with a high conditional share.",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=120)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    table = matrix(args.size)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for extension in ("docx", "xlsx", "csv"):
            path = Path(folder) / f"matrix.{extension}"
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                export_table([table], path)
                times.append(time.perf_counter() - start)
            median, slowest = statistics.median(times), max(times)
            size_kb = path.stat().st_size / 1024
            word = extension == "docx"
            rows.append(
                Row(
                    f"{extension} {args.size}×{args.size} shaded",
                    f"{median:.2f} s",
                    f"≤ {WORD_TARGET_S:.0f} s" if word else "",
                    slowest <= WORD_TARGET_S if word else None,
                    f"median of {args.runs} (slowest {slowest:.2f} s, the first includes imports), {size_kb:,.0f} KB",
                )
            )
    print_table(rows)


if __name__ == "__main__":
    main()
