"""A quotes report picked before reading texts equals the one built from every quote, and reads only what it shows."""

from __future__ import annotations

import random

import pytest

from lobcoder.analysis.dataset import document_reader, load_dataset
from lobcoder.analysis.filters import AnalysisFilter
from lobcoder.analysis.quote_report import picked_quote_report, quote_report
from lobcoder.analysis.quotes import quotes
from lobcoder.storage.project import ProjectStore

from .fixtures import Project, add_codes, add_text, code

_WORDS = "ja nee stage mentor coördinatie één loopbaan 😀 gesprek keuze twijfel".split()


def _build(store: ProjectStore, seed: int) -> Project:
    """Twelve documents (some sharing a participant, some without one), a code tree and 360 codings, some on one span."""
    rng = random.Random(seed)
    project = Project()
    with store.transaction() as session:
        add_codes(session, project, {"Stage": None, "Begeleiding": "Stage", "Keuze": None, "Twijfel": "Keuze"})
        for number in range(12):
            lines = [
                f"{rng.choice(['I', 'Anna', 'Bram'])}: " + " ".join(rng.choices(_WORDS, k=rng.randint(3, 30)))
                for _ in range(rng.randint(5, 25))
            ]
            text = "\n\n".join(lines) + "\n"
            participant = rng.choice(["Anna", "Bram", "Cas", None])
            add_text(session, project, f"interview {number:02d}", text, participant)
        made = []
        for label in range(300):
            document = f"interview {rng.randrange(12):02d}"
            length = len(project.texts[document])
            start = rng.randrange(length - 1)
            end = rng.randint(start + 1, min(length, start + 200))
            made.append((document, (start, end)))
            code(session, project, f"c{label}", document, rng.choice(list(project.codes)), (start, end))
        for label in range(60):  # a second coder on the same spans: with the same code or another (one quote each)
            document, span = rng.choice(made)
            code(session, project, f"s{label}", document, rng.choice(list(project.codes)), span, coder="Sander")
    return project


@pytest.mark.parametrize("rule", ["spread", "longest", "random"])
def test_picking_first_gives_the_same_report(store: ProjectStore, rule: str) -> None:
    project = _build(store, seed=15)
    with store.read() as session:
        full = load_dataset(session)
        bare = load_dataset(session, texts=False, turns=False)
        read: list[int] = []
        reader = document_reader(session)

        def counting(document_id: int) -> tuple[str, tuple[object, ...]]:
            read.append(document_id)
            return reader(document_id)  # type: ignore[return-value]

        for per_code, rollup, context in [(None, False, 0), (3, True, 2), (1, False, 5), (40, True, 0)]:
            flt = AnalysisFilter(codes=set(project.codes.values()))
            expected = quote_report(
                quotes(full, flt, rollup=rollup, context=context),
                per_code=per_code,
                rule=rule,  # type: ignore[arg-type]
                seed=4,
                context=context,
            )
            read.clear()
            picked = picked_quote_report(
                bare,
                flt,
                rollup=rollup,
                context=context,
                per_code=per_code,
                rule=rule,
                seed=4,
                documents=counting,  # type: ignore[arg-type]
            )
            assert picked == expected
            shown = {q.document_id for group in expected.groups for q in group.quotes}
            assert sorted(read) == sorted(shown)  # each shown document read once, no other
            assert all(group.total >= len(group.quotes) for group in picked.groups)
        # Without a reader the data set's own texts are used.
        assert picked_quote_report(full, flt, per_code=2, rule=rule) == quote_report(  # type: ignore[arg-type]
            quotes(full, flt),
            per_code=2,
            rule=rule,  # type: ignore[arg-type]
        )
