"""Random codes and codings over an imported corpus, for analysis benchmarks."""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

import vocabulary as V
from sqlalchemy import select

from lobcoder.storage.models import Code, Coder, Coding, Document, Speaker, SpeakerTurn
from lobcoder.storage.project import ProjectStore


@dataclass(frozen=True)
class CodingSummary:
    codes: int
    codings: int
    overlapping: int  # codings whose span overlaps another coding in the same document


_CODE_ASPECTS = (
    "Ervaringen",
    "Knelpunten",
    "Kansen",
    "Rol docent",
    "Rol student",
    "Organisatie",
    "Voorbeelden",
    "Wensen",
    "Beleid",
    "Coördinatie",
    "Samen leren",
    "Communicatie",
)
_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf")
_SENTENCE = re.compile(r"\S[^.!?\n]*(?:[.!?]+[’”]?|$)")


def _code_tree(count: int, rng: random.Random) -> list[Code]:
    """About one top-level theme per five codes; the rest are children or grandchildren."""
    codes: list[Code] = []
    taken: dict[int, set[str]] = {}
    for index in range(count):
        parent = None if index < max(1, count // 5) else rng.choice(codes[: max(1, len(codes) // 2)])
        base = V.TOPICS[index % len(V.TOPICS)] if parent is None else rng.choice(_CODE_ASPECTS)
        names = taken.setdefault(id(parent), set())
        name = base[0].upper() + base[1:]
        for n in itertools.count(2):
            if name not in names:
                break
            name = f"{base[0].upper() + base[1:]} {n}"
        names.add(name)
        codes.append(Code(name=name, parent=parent, position=len(names) - 1, color=rng.choice(_COLORS)))
    return codes


def populate_codings(store: ProjectStore, codes: int = 60, codings: int = 5000, seed: int = 42) -> CodingSummary:
    """Add a code tree and ``codings`` codings of 1-3 respondent sentences, in one transaction.

    About one coding in six starts inside the sentences of an earlier one, with
    a code drawn anew, so overlaps occur as they do when several themes are
    coded on one passage. Spans start at a sentence's first character and end
    after its punctuation, as a person selecting sentences would.
    """
    rng = random.Random(seed)
    with store.transaction() as session:
        turns = session.execute(
            select(SpeakerTurn.document_id, SpeakerTurn.start, SpeakerTurn.end)
            .join(Speaker, Speaker.id == SpeakerTurn.speaker_id)
            .where(Speaker.is_interviewer.is_(False))
            .order_by(SpeakerTurn.id)
        ).all()
        if not turns:
            raise ValueError("the project has no respondent turns to code; import documents first")
        texts = dict(session.execute(select(Document.id, Document.text)).all())
        tree = _code_tree(codes, rng)
        coder = Coder(name=f"benchmark-{seed}")
        session.add_all([coder, *tree])
        session.flush()
        sentences: dict[int, list[tuple[int, int]]] = {}
        picks: list[tuple[int, int]] = []
        rows: list[Coding] = []
        while len(rows) < codings:
            if picks and rng.random() < 1 / 6:
                turn, first = rng.choice(picks)
                first += rng.randint(0, 2)
            else:
                turn, first = rng.randrange(len(turns)), -1
            document_id, turn_start, turn_end = turns[turn]
            if turn not in sentences:
                found = _SENTENCE.finditer(texts[document_id], turn_start, turn_end)
                sentences[turn] = [m.span() for m in found]
            spans = sentences[turn]
            if not spans:
                continue
            first = rng.randrange(len(spans)) if first < 0 else min(first, len(spans) - 1)
            last = min(len(spans), first + rng.randint(1, 3)) - 1
            picks.append((turn, first))
            rows.append(
                Coding(
                    document_id=document_id,
                    code_id=rng.choice(tree).id,
                    coder_id=coder.id,
                    start=spans[first][0],
                    end=spans[last][1],
                )
            )
        session.add_all(rows)
    return CodingSummary(len(tree), len(rows), _overlapping(rows))


def _overlapping(rows: Sequence[Coding]) -> int:
    by_document: dict[int, list[tuple[int, int]]] = {}
    for row in rows:
        by_document.setdefault(row.document_id, []).append((row.start, row.end))
    count = 0
    for spans in by_document.values():
        spans.sort()
        reach = -1
        for i, (start, end) in enumerate(spans):
            overlaps_before = start < reach
            overlaps_after = i + 1 < len(spans) and spans[i + 1][0] < end
            count += overlaps_before or overlaps_after
            reach = max(reach, end)
    return count
