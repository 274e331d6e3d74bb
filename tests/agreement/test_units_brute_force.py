"""Random codings by three coders, overlapping and nested: every unit and pair against a brute-force count."""

from __future__ import annotations

import random

import krippendorff
import numpy as np
import pytest

from lobcoder.agreement.compute import agreement
from lobcoder.analysis.dataset import load_dataset
from lobcoder.analysis.units import paragraphs, sentences
from lobcoder.importing.extracted import Turn
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore

TEXTS = {
    "a": "I: Vraag een. Nog iets?\nR: Antwoord een. Twee zinnen hier! En drie.\n\nI: Vraag twee.\nR: Kort.",
    "b": "R: Alleen een respondent. Die praat lang. Heel lang.\nI: Ok.\nR: Ja. Nee. Misschien.",
}
CODERS = ("Anna", "Bram", "Carla")
CODES = ("X", "Y", "Z")


def turns_of(text: str) -> list[Turn]:
    found, start = [], 0
    for line in text.split("\n"):
        if ": " in line:
            found.append(Turn(line.split(":")[0], start, start + line.index(": ") + 2, start + len(line)))
        start += len(line) + 1
    return found


@pytest.fixture(scope="module")
def random_project(tmp_path_factory):  # type: ignore[no-untyped-def]
    rng = random.Random(5)
    path = tmp_path_factory.mktemp("random") / "random.lobcoder"
    spans: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
    with ProjectStore.create(path) as store, store.transaction() as session:
        documents = {name: add_document(session, name, text, turns_of(text)).id for name, text in TEXTS.items()}
        codes = {name: create_code(session, name).id for name in CODES}
        for coder in CODERS:
            for name, text in TEXTS.items():
                for _ in range(rng.randint(2, 6)):  # overlapping and nested codings of one coder included
                    start = rng.randrange(len(text) - 1)
                    end = rng.randint(start + 1, min(len(text), start + 30))
                    code = rng.choice(CODES)
                    add_coding(session, documents[name], codes[code], start, end, coder=coder)
                    spans.setdefault((coder, name, code), []).append((start, end))
    with ProjectStore.open(path) as store, store.read() as session:
        dataset = load_dataset(session)
    return dataset, spans


def units(text: str, unit: str) -> list[tuple[int, int]]:
    if unit == "character":
        return [(i, i + 1) for i in range(len(text))]
    if unit == "document":
        return [(0, len(text))]
    if unit == "turn":
        return [(t.label_start, t.end) for t in turns_of(text)]
    found = sentences(text) if unit == "sentence" else paragraphs(text)
    return list(zip(found.starts, found.ends, strict=True))


def vector(spans, coder: str, code: str, unit: str) -> np.ndarray:  # type: ignore[no-untyped-def]
    values = []
    for name, text in TEXTS.items():
        mine = spans.get((coder, name, code), [])
        values += [int(any(s < ue and e > us for s, e in mine)) for us, ue in units(text, unit)]
    return np.array(values)


@pytest.mark.parametrize("unit", ["sentence", "turn", "paragraph", "document", "character"])
def test_every_pair_and_the_group_equal_brute_force(random_project, unit: str) -> None:  # type: ignore[no-untyped-def]
    dataset, spans = random_project
    result = agreement(dataset, list(CODERS), unit, intervals=False)
    for table in result.tables[:-1]:
        first, second = table.coders
        for row in table.rows:
            a, b = vector(spans, first, row.label, unit), vector(spans, second, row.label, unit)
            assert row.counts == (np.sum((a == 0) & (b == 0)), np.sum(a > b), np.sum(b > a), np.sum(a & b))
    group = result.tables[-1]
    for row in group.rows:
        data = np.stack([vector(spans, c, row.label, unit) for c in CODERS]).astype(float)
        if len(np.unique(data)) > 1:
            expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
            assert row.values["alpha"] == pytest.approx(expected, abs=1e-9)
