"""The co-occurrence drill-down reads each document of the cell once, and lists what it lists with every text loaded."""

from __future__ import annotations

import pytest

from lobcoder.analysis.cooccurrence import cooccurrence
from lobcoder.analysis.dataset import DocumentSource, load_dataset
from lobcoder.analysis.drill_down import passages
from lobcoder.participants.links import set_participant
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore

PARAGRAPH = "Wij praten over de stage. De mentor helpt bij de keuze.\n\nDaarna volgt het gesprek over de loopbaan.\n\n"


def _project(store: ProjectStore) -> tuple[int, int]:
    """Six interviews of two participants, each with codes A and B together in two paragraphs; a seventh with A only."""
    with store.transaction() as session:
        a, b = create_code(session, "A").id, create_code(session, "B").id
        for n in range(7):
            text = PARAGRAPH * 4
            document = add_document(session, f"Interview {n}", text).id
            set_participant(session, document, ["Anna", "Bram"][n % 2])
            for paragraph in (0, 2):
                start = paragraph * len(PARAGRAPH)
                add_coding(session, document, a, start, start + 25)
                if n < 6:
                    add_coding(session, document, b, start + 10, start + 54)
    return a, b


@pytest.mark.parametrize(
    ("unit", "reads"),
    # Only the six interviews with both codes are read; by participant the seventh, A without B, is one
    # of Anna's passages.
    [("overlap", 6), ("sentence", 6), ("paragraph", 6), ("document", 6), ("participant", 7)],
)
def test_each_document_of_the_cell_is_read_once(store: ProjectStore, unit: str, reads: int) -> None:
    a, b = _project(store)
    with store.read() as session:
        full = load_dataset(session)
        result = cooccurrence(full, unit=unit)  # type: ignore[arg-type]
        expected = passages(full, result, a, b)
        assert len({p.document_id for p in expected}) >= 6
        # One text at a time is all the drill-down holds: with nothing kept between documents, none is read twice.
        source = DocumentSource(session, keep=1)
        found = passages(load_dataset(session, texts=False, turns=False).reading(source), result, a, b)
    assert found == expected
    assert source.reads == reads
    assert [p.paragraph for p in found[:2]] == ([1, 5] if unit in ("overlap", "sentence", "paragraph") else [1, 1])
