"""What each coder coded over a passage: every code, for showing a disagreement with the other codes around it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np

from lobcoder.analysis.dataset import Dataset

Place = tuple[int, int, int]  # (document id, start, end)


class CodedSpan(NamedTuple):
    """One coding touching a passage: where it is in the document and its code."""

    start: int
    end: int
    code_id: int
    code: str
    color: str


def codings_over(
    dataset: Dataset, coders: Sequence[int], places: Iterable[Place]
) -> dict[Place, tuple[tuple[CodedSpan, ...], ...]]:
    """For each place, every coding by each of ``coders`` (coder ids, in order) that overlaps it, by position."""
    wanted = set(places)
    documents = {dataset.documents[i].id: i for i in range(len(dataset.documents))}
    codings = dataset.codings
    positions = {coder: place for place, coder in enumerate(coders)}
    rows: dict[tuple[int, int], list[int]] = defaultdict(list)
    needed = {documents[document] for document, _start, _end in wanted if document in documents}
    # Only the codings of the documents and coders asked for, not every coding of the project.
    selected = np.flatnonzero(np.isin(codings.document, list(needed)) & np.isin(codings.coder, list(positions)))
    for row, document, coder in zip(
        selected.tolist(), codings.document[selected].tolist(), codings.coder[selected].tolist(), strict=True
    ):
        rows[(document, positions[coder])].append(row)
    result = {}
    for place in wanted:
        document, start, end = place
        index = documents.get(document, -1)
        per_coder = []
        for position in range(len(coders)):
            spans = []
            for row in rows.get((index, position), []):
                s, e = int(codings.start[row]), int(codings.end[row])
                if s < end and e > start:
                    node = dataset.codes[int(codings.code[row])]
                    spans.append(CodedSpan(s, e, node.id, node.name, node.color))
            per_coder.append(tuple(sorted(spans)))
        result[place] = tuple(per_coder)
    return result
