"""Reliability marks checked on held-out documents: was a code marked reliable really at F1 >= 0.40 there?"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from lobcoder.services.codes import CodeInfo
from lobcoder.suggest.classifier import RELIABLE_F1, Reliability
from lobcoder.suggest.evaluation import _Counts


def mark_rows(
    marks: dict[str, Reliability], part: _Counts, method: str, evaluated: Sequence[CodeInfo]
) -> list[dict[str, Any]]:
    """Per code of one run: the reliability the pane would show and how the code then did on held-out documents."""
    rows = []
    for code in evaluated:
        tp, fp, fn = part.cells[(method, code.guid)]
        mark = marks.get(code.guid)
        rows.append(
            {
                "code": code.name,
                "held_out": {"tp": tp, "fp": fp, "fn": fn, "support": part.support[code.guid]},
                "mark": dataclasses.asdict(mark) if mark is not None else None,
                "reliable": mark is not None and mark.reliable,
            }
        )
    return rows


def held_out_f1(row: dict[str, Any]) -> float:
    h = row["held_out"]
    return 2 * h["tp"] / (2 * h["tp"] + h["fp"] + h["fn"]) if h["tp"] else 0.0


def print_marks(rows: Sequence[dict[str, Any]]) -> None:
    """How often a mark says the truth about held-out F1 >= RELIABLE_F1: per amount learned from, all learned
    settings pooled, then per setting, all amounts pooled.

    Only (run, code) pairs with held-out coded sentences count (otherwise there is no F1 to check).
    """
    print(f"\nreliability marks: held-out F1 >= {RELIABLE_F1:.2f}? (runs x codes)")
    print(
        f"{'learned from':34}{'reliable':>9}{'of which ok':>12}{'not reliable':>13}{'of which ok':>12}{'marks right':>12}"
    )
    checked = [r for r in rows if r["held_out"]["support"]]
    by_amount: dict[str, list[dict[str, Any]]] = {}
    by_setting: dict[str, list[dict[str, Any]]] = {}
    for row in checked:
        by_amount.setdefault(row["amount"], []).append(row)
        by_setting.setdefault(row["setting"].split(" + ")[0], []).append(row)
    groups = sorted(by_amount.items(), key=lambda item: int(item[0].split()[0]))
    groups += [(f"{name}, any amount", group) for name, group in by_setting.items()]
    for name, group in groups:
        yes = [held_out_f1(r) >= RELIABLE_F1 for r in group if r["reliable"]]
        no = [held_out_f1(r) >= RELIABLE_F1 for r in group if not r["reliable"]]
        right = sum(yes) + sum(not ok for ok in no)
        share_yes = f"{sum(yes) / len(yes):.2f}" if yes else "n/a"
        share_no = f"{sum(no) / len(no):.2f}" if no else "n/a"
        print(f"{name[:34]:34}{len(yes):>9}{share_yes:>12}{len(no):>13}{share_no:>12}{right / len(group):>12.2f}")
