"""The benchmark's tables: the settings compared, and a learning curve."""

from __future__ import annotations

from typing import Any


def print_results(results: dict[str, dict[str, Any]]) -> None:
    print(f"{'setting':44}{'micro P':>8}{'R':>6}{'F1':>6}{'macro F1':>9}{'top-10 P':>9}")
    for label, r in results.items():
        top = "n/a" if r["top10_p"] is None else f"{r['top10_p']:.2f}"
        print(f"{label:44}{r['micro_p']:>8.2f}{r['micro_r']:>6.2f}{r['micro_f1']:>6.2f}{r['macro_f1']:>9.2f}{top:>9}")


def print_curve(curve: dict[str, dict[str, dict[str, Any]]]) -> None:
    """Micro F1 (and top-10 P) of each learned setting per amount learned from."""
    print(f"{'micro F1 (top-10 P) after learning from':40}" + "".join(f"{a:>14}" for a in curve))
    first = next(iter(curve.values()))
    trained = "".join(f"{next(iter(r.values()))['trained_sentences']:>14.0f}" for r in curve.values())
    print(f"{'  (sentences learned from, mean)':40}{trained}")
    for row, _ in enumerate(first):
        cells, name = "", ""
        for a, results in curve.items():
            key = list(results)[row]
            name = key.replace(a, "N")
            r = results[key]
            top = "" if r["top10_p"] is None else f" ({r['top10_p']:.2f})"
            cells += f"{r['micro_f1']:.2f}{top}".rjust(14)
        print(f"{name:40}{cells}")
