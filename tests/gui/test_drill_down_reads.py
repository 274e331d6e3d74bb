"""The co-occurrence drill-down reads each document of the cell once, and lists what it lists with every text loaded."""

from __future__ import annotations

import pytest

from lobcoder.analysis.cooccurrence import cooccurrence
from lobcoder.analysis.dataset import Dataset, load_dataset
from lobcoder.gui.analysis.cooccurrence_tab import DRILL_DOWN_TEXTS, ListedPassage, find_passages
from lobcoder.gui.analysis.tab import with_documents
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


def _drilled(store: ProjectStore, lean: Dataset, work: object, keep_characters: int) -> tuple[list[ListedPassage], int]:
    def counted(documents: Dataset) -> tuple[list[ListedPassage], int]:
        found = work(documents)  # type: ignore[operator]
        assert documents.source is not None
        return found, documents.source.reads

    return with_documents(store, lean, counted, keep_characters)


@pytest.mark.parametrize(
    ("unit", "documents"),
    # Units within a text are found in every document with a coding of either code; the seventh
    # interview, A without B, is then read too, and by participant it is one of Anna's passages.
    [("overlap", 6), ("sentence", 7), ("paragraph", 7), ("document", 6), ("participant", 7)],
)
def test_each_document_of_the_cell_is_read_once(store: ProjectStore, unit: str, documents: int) -> None:
    a, b = _project(store)
    with store.read() as session:
        full = load_dataset(session)
        lean = load_dataset(session, texts=False, turns=False)
    result = cooccurrence(full, unit=unit)  # type: ignore[arg-type]
    expected = find_passages(full, result, a, b)
    assert len({p.passage.document_id for p in expected}) >= 6
    found, reads = _drilled(store, lean, lambda d: find_passages(d, result, a, b), DRILL_DOWN_TEXTS)
    assert found == expected
    assert reads == documents
    # Texts too long to keep together: the same passages, read as often as needed, never more than two held.
    found, reads = _drilled(store, lean, lambda d: find_passages(d, result, a, b), 1)
    assert found == expected
    assert reads >= documents
