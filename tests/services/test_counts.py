"""Counts read by aggregate queries: coded share, codings per document and per code, stored lengths."""

from __future__ import annotations

import random

from sqlalchemy import select

from lobcoder.services.codes import code_counts, create_code
from lobcoder.services.codings import add_coding, coded_share, coding_counts, covered_characters
from lobcoder.services.documents import add_document, list_documents, project_info
from lobcoder.storage.models import Document
from lobcoder.storage.project import ProjectStore


def test_covered_characters_is_the_union_of_overlapping_codings(store: ProjectStore) -> None:
    rng = random.Random(11)
    texts = ["a" * 500, "b 😀 " * 90, "c" * 40]
    expected: dict[int, int] = {}
    with store.transaction() as session:
        codes = [create_code(session, f"Code {n}").id for n in range(3)]
        for number, text in enumerate(texts):
            ref = add_document(session, f"D{number}", text)
            covered: set[int] = set()
            for _ in range(60 if number < 2 else 0):
                start = rng.randrange(len(text) - 1)
                end = rng.randint(start + 1, min(len(text), start + 40))
                add_coding(session, ref.id, rng.choice(codes), start, end)
                covered.update(range(start, end))
            if covered:
                expected[ref.id] = len(covered)
        # Same span twice, nested spans, touching spans.
        ref = add_document(session, "D3", "x" * 100)
        for start, end in ((10, 20), (10, 20), (12, 15), (20, 30), (50, 60)):
            add_coding(session, ref.id, codes[0], start, end)
        expected[ref.id] = 30
    with store.read() as session:
        assert covered_characters(session) == expected
        assert covered_characters(session, [ref.id]) == {ref.id: 30}
        shares = coded_share(session)
        assert len(shares) == 4 and shares[ref.id] == 0.3
        assert coding_counts(session, [ref.id]) == {ref.id: 5}
        assert code_counts(session, [codes[0]])[codes[0]][0] >= 5


def test_document_length_is_stored_in_code_points_and_follows_the_text(store: ProjectStore) -> None:
    text = "Eén 😀 keer"
    with store.transaction() as session:
        ref = add_document(session, "D", text)
    with store.read() as session:
        assert [d.characters for d in list_documents(session)] == [len(text)] == [10]
        assert project_info(session).characters == 10
    with store.transaction() as session:
        document = session.get(Document, ref.id)
        assert document is not None
        document.text = "kort"  # e.g. a later pseudonymisation: the length keeps up
    with store.read() as session:
        assert session.scalar(select(Document.length)) == 4
