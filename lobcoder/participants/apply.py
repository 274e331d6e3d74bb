"""Apply a planned attribute sheet inside the caller's transaction."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lobcoder.i18n.said import Said, say
from lobcoder.participants.links import find_participant, stored_value
from lobcoder.participants.plan_model import ApplyResult, ColumnPlan, Owner, PlanOutdated, SheetPlan, value_status
from lobcoder.participants.value_types import Value
from lobcoder.storage.models import Attribute, AttributeScope, AttributeValue, Document, Participant


def _fill(row: AttributeValue, value: Value) -> None:
    """Store ``value`` in the one column its type uses, clearing the others."""
    row.number_value = value if isinstance(value, float) else None
    row.date_value = value if isinstance(value, date) else None
    row.text_value = value if isinstance(value, str) else None


class _Writer:
    """Resolves the plan's names to rows of the current project, creating what is new."""

    def __init__(self, session: Session, plan: SheetPlan) -> None:
        self.session, self.plan = session, plan
        self.participants: dict[Owner, Participant] = {}
        self.attributes = {(a.name.casefold(), a.scope): a for a in session.scalars(select(Attribute))}
        self.created_participants: list[str] = []
        self.created_attributes: list[str] = []

    def outdated(self, what: Said) -> PlanOutdated:
        return PlanOutdated(self.plan.path, say("problem.sheet.outdated", what=what))

    def participant(self, owner: Owner) -> Participant:
        if owner not in self.participants:
            found = (
                self.session.get(Participant, owner.id)
                if owner.id is not None
                else find_participant(self.session, owner.name)
            )
            if found is None and owner.id is not None:
                raise self.outdated(say("problem.sheet.participant_deleted", name=owner.name))
            if found is None:
                found = Participant(name=owner.name)
                self.session.add(found)
                self.session.flush()
                self.created_participants.append(owner.name)
            self.participants[owner] = found
        return self.participants[owner]

    def attribute(self, column: ColumnPlan) -> Attribute:
        attribute = self.attributes.get((column.name.casefold(), column.scope))
        if attribute is None:
            last = self.session.scalar(select(func.max(Attribute.position)))
            attribute = Attribute(
                name=column.name,
                type=column.type,
                scope=column.scope,
                position=(last if last is not None else -1) + 1,
            )
            self.session.add(attribute)
            self.session.flush()
            self.attributes[(column.name.casefold(), column.scope)] = attribute
            self.created_attributes.append(column.name)
        elif attribute.type is not column.type:
            raise self.outdated(
                say("problem.sheet.attribute_retyped", name=column.name, type=say(f"note.type.{attribute.type.value}"))
            )
        return attribute


def apply_plan(session: Session, plan: SheetPlan) -> ApplyResult:
    """Write what ``plan`` accepted into the caller's session.

    The caller's ``store.transaction()`` makes the import all or nothing: if a
    planned document has been deleted meanwhile, :class:`PlanOutdated` is
    raised and nothing of the sheet is kept.
    """
    writer = _Writer(session, plan)
    documents = [m.target for m in plan.matched if m.target.scope is AttributeScope.DOCUMENT]
    ids = {d.id for d in documents}
    present = {d.id: d for d in session.scalars(select(Document).where(Document.id.in_(ids)))}
    if missing := [d.name for d in documents if d.id not in present]:
        number = "one" if len(missing) == 1 else "many"
        raise writer.outdated(say(f"problem.sheet.documents_deleted.{number}", names=", ".join(map(repr, missing))))
    for match in plan.matched:
        if match.target.scope is AttributeScope.PARTICIPANT:
            writer.participant(match.target)
    links_set = 0
    for link in plan.links:
        participant = writer.participant(link.participant)
        document = present[link.document.id or 0]
        if document.participant_id != participant.id:
            document.participant_id = participant.id
            links_set += 1
    counts = {"added": 0, "changed": 0, "unchanged": 0}
    columns = {(c.name, c.scope): c for c in plan.columns}
    for column in plan.columns:
        writer.attribute(column)
    for planned in plan.values:
        attribute = writer.attribute(columns[(planned.column, planned.owner.scope)])
        if planned.owner.scope is AttributeScope.DOCUMENT:
            owner = {"document_id": planned.owner.id}
        else:
            owner = {"participant_id": writer.participant(planned.owner).id}
        row = session.scalar(select(AttributeValue).filter_by(attribute_id=attribute.id, **owner))
        if row is None:
            row = AttributeValue(attribute_id=attribute.id, **owner)
            session.add(row)
        status = value_status(stored_value(row, attribute.type), planned.value)
        counts[status] += 1
        if status != "unchanged":
            _fill(row, planned.value)
    session.flush()
    created = tuple(writer.created_attributes), tuple(writer.created_participants)
    return ApplyResult(*created, links_set, counts["added"], counts["changed"], counts["unchanged"])
