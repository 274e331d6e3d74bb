"""Every unit where two coders differ, with both coders' codings there, for the disagreement browser."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from lobcoder.agreement.compute import coder_ids
from lobcoder.agreement.overlap import DEFAULT_THRESHOLD, matched
from lobcoder.agreement.units import AgreementUnit, count_units, select_codings
from lobcoder.analysis.dataset import Dataset

Span = tuple[int, int]


@dataclass(frozen=True)
class Disagreement:
    """A code in a unit ``[start, end)`` of a document that one coder applied and the other did not.

    ``first`` and ``second`` are the two coders' codings of the code that
    touch the unit, as (start, end) in the document; one of them is empty
    except with segment overlap, where both may have codings that do not
    overlap enough.
    """

    code_id: int
    code: str
    code_index: int
    document_id: int
    document: str
    start: int
    end: int
    first: tuple[Span, ...]
    second: tuple[Span, ...]


def disagreements(
    dataset: Dataset,
    coders: Sequence[str],
    unit: AgreementUnit = "sentence",
    documents: Sequence[int] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[Disagreement]:
    """The disagreements between two coders, by document, position and code (see :class:`Disagreement`)."""
    ids = coder_ids(dataset, coders)[:2]
    selection = select_codings(dataset, ids, documents)
    codings = dataset.codings
    if unit == "overlap":
        found = matched(dataset, selection, 1, 2, threshold)
        loose = selection.rows[~found]
        places = np.column_stack(
            [codings.code[loose], codings.document[loose], codings.start[loose], codings.end[loose]]
        )
    else:
        counts = count_units(dataset, selection, unit)
        both_rate = np.isin(counts.located_unit[:, 0], selection.documents[selection.raters == 3])
        differ = both_rate & np.isin(counts.located_mask & 3, (1, 2))
        places = np.column_stack([counts.located_code[differ], counts.located_unit[differ]])
    spans: dict[tuple[int, int, int], list[Span]] = defaultdict(list)
    for row, bit in zip(selection.rows.tolist(), selection.bits.tolist(), strict=True):
        key = (int(codings.document[row]), int(codings.code[row]), bit)
        spans[key].append((int(codings.start[row]), int(codings.end[row])))
    result = []
    for code, document, start, end in places.tolist():

        def touching(
            bit: int, code: int = code, document: int = document, start: int = start, end: int = end
        ) -> tuple[Span, ...]:
            return tuple(sorted(s for s in spans[(document, code, bit)] if s[0] < end and s[1] > start))

        node, info = dataset.codes[code], dataset.documents[document]
        result.append(Disagreement(node.id, node.name, code, info.id, info.name, start, end, touching(1), touching(2)))
    result.sort(key=lambda d: (d.document.casefold(), d.document_id, d.start, d.code_index, d.end))
    return result
