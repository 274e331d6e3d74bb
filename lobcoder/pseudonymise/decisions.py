"""Pseudonymisation decisions stored in the project, so a review can stop and resume."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.matcher import entity_key
from lobcoder.pseudonymise.termlist import Decision
from lobcoder.storage.models import PseudonymDecision


def load_decisions(session: Session) -> list[Decision]:
    rows = sorted(session.scalars(select(PseudonymDecision)), key=lambda r: (r.term.casefold(), r.id))
    return [Decision(r.term, Category.parse(r.category), r.pseudonym, r.accepted) for r in rows]


def save_decisions(session: Session, decisions: Sequence[Decision], *, replace_all: bool = False) -> int:
    """Insert or update one row per term (by its key); ``replace_all`` first forgets every other term."""
    if replace_all:
        session.execute(delete(PseudonymDecision))
    existing = {r.term_key: r for r in session.scalars(select(PseudonymDecision))}
    for d in decisions:
        key = entity_key(d.term)
        row = existing.get(key)
        if row is None:
            row = PseudonymDecision(term_key=key)
            session.add(row)
            existing[key] = row
        row.term, row.category, row.pseudonym, row.accepted = d.term, d.category.value, d.pseudonym, d.accepted
    session.flush()
    return len(decisions)
