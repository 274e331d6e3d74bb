"""Choose the documents for a second coder: named ones, or a seeded stratified random sample.

The sample is reproducible: the same project, percentage, attribute and seed
always give the same documents, so the methods chapter can state the seed.
Strata get their share of the sample by the largest-remainder method (each
stratum ``n_s * k / N`` documents, rounded so the total is exactly ``k``);
documents without a value for the attribute form a stratum of their own.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.errors import NotFoundError, Refused
from lobcoder.i18n.said import say
from lobcoder.participants.links import all_document_attributes
from lobcoder.storage.models import Attribute, Document


@dataclass(frozen=True)
class Chosen:
    document_id: int
    name: str
    stratum: str = ""


def sample_size(total: int, percent: float) -> int:
    """``percent`` of ``total`` documents, rounded half up, at least one when both are positive."""
    if not 0 < percent <= 100:
        raise Refused(say("sample.percent", percent=f"{percent:g}"))
    return max(1, math.floor(total * percent / 100 + 0.5)) if total else 0


def allocate(sizes: dict[str, int], k: int) -> dict[str, int]:
    """Split ``k`` over strata in proportion to their ``sizes`` (largest remainder, ties by name)."""
    total = sum(sizes.values())
    if not total:
        return {}
    quotas = {s: n * k / total for s, n in sizes.items()}
    result = {s: math.floor(q) for s, q in quotas.items()}
    rest = k - sum(result.values())
    for stratum in sorted(quotas, key=lambda s: (-(quotas[s] - result[s]), s))[:rest]:
        result[stratum] += 1
    return result


def copy_candidates(session: Session) -> tuple[list[tuple[int, str]], list[str]]:
    """(document id, name) sorted by name, and the attribute names a sample can be stratified by."""
    rows = session.execute(select(Document.id, Document.name))
    documents = sorted(((doc_id, name) for doc_id, name in rows), key=lambda d: d[1].casefold())
    attributes = list(dict.fromkeys(session.scalars(select(Attribute.name).order_by(Attribute.position, Attribute.id))))
    return documents, attributes


def choose_named(session: Session, names: Sequence[str]) -> list[Chosen]:
    """The documents called ``names``, in that order.

    Raises:
        NotFoundError: a name is not a document of this project (the message names it).
    """
    rows = dict(session.execute(select(Document.name, Document.id)).all())
    missing = [name for name in names if name not in rows]
    if missing:
        raise NotFoundError(say("problem.not_found.document", name=missing[0]))
    return [Chosen(rows[name], name) for name in dict.fromkeys(names)]


def choose_sample(session: Session, percent: float, stratify: str | None = None, seed: int = 1) -> list[Chosen]:
    """A seeded random ``percent`` % of the documents, stratified by the attribute ``stratify``.

    Raises:
        NotFoundError: no attribute has the name ``stratify``.
        Refused: ``percent`` is not in (0, 100] (a ValueError too).
    """
    return sample_with_strata(session, percent, stratify, seed)[0]


def sample_with_strata(
    session: Session, percent: float, stratify: str | None = None, seed: int = 1
) -> tuple[list[Chosen], list[str]]:
    """:func:`choose_sample` and the strata (values; "" for no value) the sample has no document from.

    A small sample of few documents can leave strata out: then the sample is
    not stratified as asked, which the caller should say.
    """
    documents = sorted(session.execute(select(Document.id, Document.name)).all(), key=lambda row: row.name)
    k = sample_size(len(documents), percent)
    values: dict[int, dict[str, object]] = {}
    if stratify:
        if session.scalar(select(Attribute.id).where(Attribute.name == stratify).limit(1)) is None:
            raise NotFoundError(say("problem.not_found.attribute", name=stratify))
        values = all_document_attributes(session)
    strata: dict[str, list[Chosen]] = {}
    for doc_id, name in documents:
        value = values.get(doc_id, {}).get(stratify) if stratify else ""
        stratum = "" if value is None else str(value)
        strata.setdefault(stratum, []).append(Chosen(doc_id, name, stratum))
    shares = allocate({s: len(members) for s, members in strata.items()}, k)
    rng = random.Random(seed)
    chosen: list[Chosen] = []
    for stratum in sorted(strata):
        chosen += rng.sample(strata[stratum], shares[stratum])
    missed = [stratum for stratum in sorted(strata) if not shares[stratum]] if stratify else []
    return sorted(chosen, key=lambda c: c.name), missed
