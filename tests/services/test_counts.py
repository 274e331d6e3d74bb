"""Counts read by aggregate queries: coded share, codings per document and per code, stored lengths."""

from __future__ import annotations

import random

from sqlalchemy import select

from lobcoder.services.codes import code_counts, create_code
from lobcoder.services.codings import add_coding, coded_share, coding_counts
from lobcoder.services.documents import add_document, list_documents, project_info
from lobcoder.storage.coverage import covered_characters
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


def test_stored_coverage_follows_every_kind_of_coding_change(store: ProjectStore) -> None:
    """Kept per change (apply, resize, recode, remove, undo, delete a code, bulk insert) and equal to a full measure."""
    from sqlalchemy import insert

    from lobcoder.editing.code_commands import DeleteCode
    from lobcoder.editing.coding_commands import RemoveCodings, ResizeCoding, apply_code
    from lobcoder.storage.models import Coding

    rng = random.Random(3)
    with store.transaction() as session:
        docs = [add_document(session, f"D{n}", "woord " * 200).id for n in range(3)]
        codes = [create_code(session, f"Code {n}") for n in range(3)]
        guids = [c.guid for c in codes]

    def check() -> None:
        with store.read() as session:
            stored = {d: covered for d, covered in session.execute(select(Document.id, Document.covered))}
            assert stored == {d: covered_characters(session).get(d, 0) for d in docs}

    undo = []
    for _ in range(40):
        start = rng.randrange(1100)
        command = apply_code(rng.choice(docs), rng.choice(guids), [(start, start + rng.randint(1, 90))], None)
        with store.transaction() as session:
            undo.append(command.apply(session))
        check()
    with store.read() as session:
        some = list(session.scalars(select(Coding.guid).order_by(Coding.id).limit(6)))  # not among undo[-5:]
    for guid in some[:3]:
        with store.transaction() as session:
            ResizeCoding(guid, 5, 400).apply(session)
        check()
    with store.transaction() as session:
        RemoveCodings(some[3:]).apply(session)
    check()
    for command in reversed(undo[-5:]):
        with store.transaction() as session:
            command.apply(session)
        check()
    with store.transaction() as session:
        DeleteCode(guids[0]).apply(session)
    check()
    with store.transaction() as session:
        session.execute(insert(Coding), [{"document_id": docs[1], "code_id": codes[1].id, "start": 0, "end": 700}])
    check()
