"""Document attributes from the facts above each transcript ("Datum: 12-03-2025", "School: ROC Oost").

The facts become a sheet in memory, one row per document and one column per
key, planned and applied exactly as an attribute sheet with a row per
document (types inferred, a value already stored counted as unchanged or
changed). Keys are matched ignoring case, so "Datum" and "datum" in two
files are one attribute; every column stays a document attribute, even one
headed "Respondent".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from lobcoder.participants.apply import apply_plan
from lobcoder.participants.plan import plan_rows
from lobcoder.participants.plan_model import ApplyResult, SheetPlan
from lobcoder.participants.sheets import Sheet
from lobcoder.storage.project import ProjectStore

KEY_COLUMN = "document"
SOURCE = Path("document information")  # names the "sheet" in a plan's messages


def facts_sheet(facts: Mapping[str, Sequence[tuple[str, str]]]) -> Sheet | None:
    """A sheet of the facts of each document (by its stored name); None when there are none."""
    columns: dict[str, str] = {}  # folded key -> the spelling first seen
    for pairs in facts.values():
        for key, _value in pairs:
            if key.casefold() != KEY_COLUMN:
                columns.setdefault(key.casefold(), key)
    if not columns:
        return None
    order = list(columns)
    rows = []
    for document, pairs in facts.items():
        values = {key.casefold(): value for key, value in pairs}
        if any(values.get(column) for column in order):
            rows.append((document, *(values.get(column, "") for column in order)))
    header = (KEY_COLUMN, *(columns[column] for column in order))
    return Sheet(SOURCE, header, tuple(rows), tuple(range(2, len(rows) + 2)))


def plan_facts(session: Session, facts: Mapping[str, Sequence[tuple[str, str]]]) -> SheetPlan | None:
    """What storing the facts as document attributes would change; None when there are none."""
    sheet = facts_sheet(facts)
    if sheet is None:
        return None
    return plan_rows(session, sheet, key_column=KEY_COLUMN, key="document", find_participant_column=False)


def store_facts(
    store: ProjectStore, facts: Mapping[str, Sequence[tuple[str, str]]]
) -> tuple[SheetPlan, ApplyResult] | None:
    """Plan and store the facts as document attributes in one transaction; None when there are none.

    Raises:
        LobcoderError: the plan is outdated (a document was deleted meanwhile); nothing is stored.
    """
    if not any(facts.values()):
        return None
    with store.transaction() as session:
        plan = plan_facts(session, facts)
        return (plan, apply_plan(session, plan)) if plan is not None else None
