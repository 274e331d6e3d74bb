"""Each coder's codings over a passage, every code, on a real project."""

from __future__ import annotations

from pathlib import Path

from lobcoder.agreement.compute import coder_ids
from lobcoder.analysis.dataset import load_dataset
from lobcoder.analysis.unit_codings import CodedSpan, codings_over
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.services.documents import add_document
from lobcoder.storage.project import ProjectStore

TEXT = "Eerste zin. Tweede zin. Derde zin."


def test_codings_over_lists_each_coders_codings_that_overlap_the_passage(tmp_path: Path) -> None:
    with ProjectStore.create(tmp_path / "p.lobcoder") as store:
        with store.transaction() as session:
            first = add_document(session, "een", TEXT).id
            second = add_document(session, "twee", TEXT).id
            formal = create_code(session, "Formeel", color="#1f77b4").id
            informal = create_code(session, "Informeel", color="#d62728").id
            add_coding(session, first, formal, 12, 23, coder="Anna")
            add_coding(session, first, informal, 0, 11, coder="Bram")  # ends where the passage starts: not over it
            add_coding(session, first, informal, 15, 34, coder="Bram")
            add_coding(session, first, formal, 20, 23, coder="Carla")  # a third coder: not asked for
            add_coding(session, second, informal, 12, 23, coder="Bram")  # the same place in another document
        with store.read() as session:
            dataset = load_dataset(session)
    found = codings_over(dataset, coder_ids(dataset, ["Anna", "Bram"]), [(first, 12, 23), (second, 0, 11)])
    assert found[(first, 12, 23)] == (
        (CodedSpan(12, 23, formal, "Formeel", "#1f77b4"),),
        (CodedSpan(15, 34, informal, "Informeel", "#d62728"),),
    )
    assert found[(second, 0, 11)] == ((), ())
    # Coders come back in the order asked.
    swapped = codings_over(dataset, coder_ids(dataset, ["Bram", "Anna"]), [(first, 12, 23)])
    assert swapped[(first, 12, 23)] == tuple(reversed(found[(first, 12, 23)]))
