"""Plan what an attribute sheet would change in a project, then apply that plan.

Planning reads the sheet and the project and changes nothing, so the CLI and
GUI can show the user every unmatched row, problem and conflict first.
Applying writes only what the plan accepted, inside the caller's transaction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.errors import ImportProblem
from lobcoder.i18n.said import say
from lobcoder.participants.links import stored_value
from lobcoder.participants.plan_model import (
    AmbiguousRow,
    ColumnPlan,
    Conflict,
    Key,
    Owner,
    PlannedLink,
    PlannedValue,
    RowMatch,
    SheetPlan,
    Status,
    UnmatchedRow,
    ValueProblem,
    value_status,
)
from lobcoder.participants.sheets import Sheet, read_sheet
from lobcoder.participants.value_types import UnparsableValue, Value, infer_type, normalize_header, parse_value
from lobcoder.storage.models import Attribute, AttributeScope, AttributeValue, Document, Participant

DOCUMENT_HEADERS = frozenset(
    {
        "document",
        "documentnaam",
        "document naam",
        "document name",
        "bestand",
        "bestandsnaam",
        "file",
        "file name",
        "filename",
        "transcript",
    }
)
PARTICIPANT_HEADERS = frozenset({"participant", "deelnemer", "respondent", "case", "casus", "naam", "name"})
PARTICIPANT_COLUMN_HEADERS = frozenset({"deelnemer", "participant", "respondent", "case", "casus"})
_EXTENSION = re.compile(r"(.+)\.([A-Za-z0-9]{0,4}[A-Za-z][A-Za-z0-9]{0,4})")


def _stem(name: str) -> str:
    match = _EXTENSION.fullmatch(name)
    return (match.group(1) if match else name).casefold()


class _Documents:
    """Match sheet cells to document names: exact, then ignoring case, then extension."""

    def __init__(self, session: Session) -> None:
        self.all = session.execute(
            select(Document.id, Document.name, Document.participant_id).order_by(Document.id)
        ).all()

    def match(self, value: str) -> list[Owner]:
        for same in (
            lambda n: n == value,
            lambda n: n.casefold() == value.casefold(),
            lambda n: _stem(n) == _stem(value),
        ):
            found = [Owner(AttributeScope.DOCUMENT, d.name, d.id) for d in self.all if same(d.name)]
            if found:
                return found
        return []


class _Participants:
    """Existing participants by case-insensitive name, plus the ones a plan will create."""

    def __init__(self, session: Session) -> None:
        self.by_id = {p.id: p.name for p in session.scalars(select(Participant))}
        self.known: dict[str, Owner] = {}
        for pid, name in sorted(self.by_id.items()):
            self.known.setdefault(name.casefold(), Owner(AttributeScope.PARTICIPANT, name, pid))
        for pid, name in self.by_id.items():  # an exact spelling wins over a case variant
            self.known[name] = Owner(AttributeScope.PARTICIPANT, name, pid)
        self.new: dict[str, Owner] = {}

    def find(self, name: str) -> Owner | None:
        return self.known.get(name) or self.known.get(name.casefold()) or self.new.get(name.casefold())

    def by_id_owner(self, participant_id: int | None) -> Owner | None:
        return self.find(self.by_id[participant_id]) if participant_id is not None else None

    def get_or_new(self, name: str) -> Owner:
        return self.find(name) or self.new.setdefault(name.casefold(), Owner(AttributeScope.PARTICIPANT, name, None))


def _column(sheet: Sheet, name: str) -> int:
    for i, header in enumerate(sheet.header):
        if header.casefold() == name.strip().casefold():
            return i
    raise ImportProblem(sheet.path, say("problem.sheet.no_column", name=name, columns=", ".join(sheet.header)))


def _choose_key(sheet: Sheet, key_column: str | None, key: Key | None, docs: _Documents) -> tuple[int, Key]:
    """Key column and kind. Document headers win over participant headers:
    a sheet with one row per document can also link each to a participant."""
    headers = [normalize_header(h) for h in sheet.header]
    if key_column is not None:
        index = _column(sheet, key_column)
    else:
        kinds = [key] if key else ["document", "participant"]
        names = {"document": DOCUMENT_HEADERS, "participant": PARTICIPANT_HEADERS}
        found = [i for kind in kinds for i, h in enumerate(headers) if h in names[kind]]
        index = found[0] if found else 0
    if key is None:
        if headers[index] in DOCUMENT_HEADERS:
            key = "document"
        elif headers[index] in PARTICIPANT_HEADERS:
            key = "participant"
        else:
            cells = [c for c in sheet.column(index) if c]
            hits = sum(bool(docs.match(c)) for c in cells)
            key = "document" if hits and 2 * hits >= len(cells) else "participant"
    return index, key


def _existing_values(session: Session) -> dict[tuple[int, int], object]:
    """Stored values keyed by (attribute id, owner id); the attribute fixes the scope."""
    result: dict[tuple[int, int], object] = {}
    for value, attribute in session.execute(select(AttributeValue, Attribute).join(Attribute)).all():
        owner = value.document_id if attribute.scope is AttributeScope.DOCUMENT else value.participant_id
        if owner is not None:
            result[(attribute.id, owner)] = stored_value(value, attribute.type)
    return result


Offer = tuple[int, str, Value]  # (row, cell text, parsed value)


class _Planner:
    """One planning run: each step reads the sheet and fills in part of the plan."""

    def __init__(self, session: Session, sheet: Sheet, key: Key, key_index: int, part_index: int | None) -> None:
        self.sheet, self.key, self.key_index, self.part_index = sheet, key, key_index, part_index
        self.docs, self.people = _Documents(session), _Participants(session)
        self.linked = {d.id: d.participant_id for d in self.docs.all}
        self.matched: list[tuple[int, RowMatch]] = []
        self.unmatched: list[UnmatchedRow] = []
        self.ambiguous: list[AmbiguousRow] = []
        self.problems: list[ValueProblem] = []
        self.conflicts: list[Conflict] = []

    def match_rows(self, create_participants: bool) -> None:
        for i, row in enumerate(self.sheet.rows):
            number, cell = self.sheet.row_numbers[i], row[self.key_index]
            if not cell:
                self.problems.append(
                    ValueProblem(number, self.sheet.header[self.key_index], "", say("problem.cell.no_key"))
                )
                continue
            if self.key == "document":
                found = self.docs.match(cell)
            else:
                person = self.people.get_or_new(cell) if create_participants else self.people.find(cell)
                found = [person] if person else []
            if len(found) == 1:
                self.matched.append((i, RowMatch(number, cell, found[0])))
            elif found:
                self.ambiguous.append(AmbiguousRow(number, cell, tuple(o.name for o in found)))
            else:
                self.unmatched.append(UnmatchedRow(number, cell))

    def links(self) -> list[PlannedLink]:
        """Link each matched document to the participant in its row, unless rows disagree."""
        if self.part_index is None:
            return []
        offered: dict[Owner, list[tuple[int, str, Owner]]] = {}
        for i, match in self.matched:
            if name := self.sheet.rows[i][self.part_index]:
                offered.setdefault(match.target, []).append((match.row, name, self.people.get_or_new(name)))
        links = []
        for document, given in offered.items():
            if len({p for _r, _t, p in given}) > 1:
                column = self.sheet.header[self.part_index]
                self.conflicts.append(Conflict(document, column, tuple((r, t) for r, t, _p in given)))
                continue
            participant, previous = given[0][2], self.linked[document.id or 0]
            status: Status = "added" if previous is None else "unchanged" if participant.id == previous else "changed"
            links.append(PlannedLink(document, participant, self.people.by_id.get(previous or 0), status))
        return links

    def owner(self, i: int, match: RowMatch, scope: AttributeScope) -> Owner | None:
        """Who a value in row ``i`` belongs to: for a participant attribute in a
        document-keyed sheet, the row's participant or else the document's."""
        if match.target.scope is scope:
            return match.target
        named = self.sheet.rows[i][self.part_index] if self.part_index is not None else ""
        return self.people.get_or_new(named) if named else self.people.by_id_owner(self.linked[match.target.id or 0])

    def column(
        self, c: int, scope: AttributeScope, existing: Attribute | None
    ) -> tuple[ColumnPlan, dict[Owner, list[Offer]]]:
        header, sheet = self.sheet.header[c], self.sheet
        exact = [(r, c) in sheet.exact for r in range(len(sheet.rows))]
        kind = existing.type if existing else infer_type(header, sheet.column(c), exact)
        column = ColumnPlan(header, existing.name if existing else header, kind, scope, existing is None)
        offered: dict[Owner, list[Offer]] = {}
        for i, match in self.matched:
            text = sheet.rows[i][c]
            if not text:
                continue  # an empty cell never erases a stored value
            try:
                value = parse_value(text, kind, (i, c) in sheet.exact)
            except UnparsableValue as exc:
                self.problems.append(ValueProblem(match.row, header, text, exc.wording))
                continue
            owner = self.owner(i, match, scope)
            if owner is None:
                reason = say("problem.cell.no_participant", document=match.target.name)
                self.problems.append(ValueProblem(match.row, header, text, reason))
                continue
            offered.setdefault(owner, []).append((match.row, text, value))
        return column, offered


def plan_sheet(
    session: Session,
    path: str | Path,
    key_column: str | None = None,
    key: Key | None = None,
    participant_column: str | None = None,
    participant_attributes: Sequence[str] = (),
    *,
    create_participants: bool = False,
    sheet_name: str | None = None,
) -> SheetPlan:
    """Work out what importing the sheet at ``path`` would change; change nothing.

    Args:
        key_column: the column naming each row's document or participant;
            by default the first known header (document headers first), else
            the first column.
        key: what the key column names; by default from its header, else
            "document" when at least half its cells match document names.
        participant_column: in a document-keyed sheet, the column naming each
            document's participant (default: a deelnemer/participant/respondent/
            case column). Ignored for participant-keyed sheets.
        participant_attributes: columns of a document-keyed sheet that describe
            the participant rather than the interview (school, role).
        create_participants: plan unknown participants of a participant-keyed
            sheet as new ones instead of only reporting them.
        sheet_name: the worksheet of an xlsx file (default: the first).

    Raises:
        ImportProblem: the sheet cannot be read, or a named column is missing.
    """
    return plan_rows(
        session,
        read_sheet(path, sheet_name),
        key_column,
        key,
        participant_column,
        participant_attributes,
        create_participants=create_participants,
    )


def plan_rows(
    session: Session,
    sheet: Sheet,
    key_column: str | None = None,
    key: Key | None = None,
    participant_column: str | None = None,
    participant_attributes: Sequence[str] = (),
    *,
    create_participants: bool = False,
    find_participant_column: bool = True,
) -> SheetPlan:
    """:func:`plan_sheet` for a sheet already read (or made, as from a transcript's facts).

    ``find_participant_column=False`` keeps every column an attribute even
    when one is headed ``Respondent`` or ``Deelnemer``.
    """
    key_index, key = _choose_key(sheet, key_column, key, _Documents(session))
    part_index: int | None = None
    if key == "document" and participant_column is not None:
        part_index = _column(sheet, participant_column)
    elif key == "document" and find_participant_column:
        found = [
            i
            for i, h in enumerate(sheet.header)
            if i != key_index and normalize_header(h) in PARTICIPANT_COLUMN_HEADERS
        ]
        part_index = found[0] if found else None
    per_participant = {_column(sheet, name) for name in participant_attributes}
    planner = _Planner(session, sheet, key, key_index, part_index)
    planner.match_rows(create_participants)
    links = planner.links()

    attributes = {(a.name.casefold(), a.scope): a for a in session.scalars(select(Attribute))}
    stored = _existing_values(session)
    columns, values = [], []
    for c, header in enumerate(sheet.header):
        if c in (key_index, part_index):
            continue
        # An attribute known only per participant stays so without being listed again.
        known = {scope for name, scope in attributes if name == header.casefold()}
        to_participant = key == "participant" or c in per_participant or known == {AttributeScope.PARTICIPANT}
        scope = AttributeScope.PARTICIPANT if to_participant else AttributeScope.DOCUMENT
        attribute = attributes.get((header.casefold(), scope))
        column, offered = planner.column(c, scope, attribute)
        columns.append(column)
        for owner, given in offered.items():
            if len({v for _r, _t, v in given}) > 1:
                planner.conflicts.append(Conflict(owner, header, tuple((r, t) for r, t, _v in given)))
                continue
            previous = stored.get((attribute.id, owner.id)) if attribute and owner.id is not None else None
            values.append(PlannedValue(column.name, owner, given[0][2], previous, value_status(previous, given[0][2])))

    targets = [m.target for _i, m in planner.matched] + [link.participant for link in links] + [v.owner for v in values]
    new = dict.fromkeys(o.name for o in targets if o.scope is AttributeScope.PARTICIPANT and o.id is None)
    order = {name: i for i, name in enumerate(sheet.header)}
    return SheetPlan(
        path=sheet.path,
        key=key,
        key_column=sheet.header[key_index],
        participant_column=sheet.header[part_index] if part_index is not None else None,
        columns=tuple(columns),
        matched=tuple(m for _i, m in planner.matched),
        unmatched=tuple(planner.unmatched),
        ambiguous=tuple(planner.ambiguous),
        problems=tuple(sorted(planner.problems, key=lambda p: (p.row, order[p.column]))),
        conflicts=tuple(planner.conflicts),
        values=tuple(values),
        links=tuple(links),
        new_participants=tuple(new),
    )
