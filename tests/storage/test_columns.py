"""Integer columns read in one pass: the same rows, in the same order, as a plain SELECT."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import text

from lobcoder.storage.columns import concatenated_columns, fetched_columns, integer_columns
from lobcoder.storage.dialect import dialect_name
from lobcoder.storage.models import Code, Coder, Coding, Document
from lobcoder.storage.project import ProjectStore

EXPRESSIONS = ("id", "document_id", "code_id", "coalesce(coder_id, -1)", "start", '"end"')


def _fill(store: ProjectStore, codings: int) -> None:
    with store.transaction() as session:
        document = Document(name="Interview", text="x" * 5000, length=5000, content_hash="x")
        codes = [Code(name=f"Code {n}", color="#1f77b4", position=n) for n in range(3)]
        coder = Coder(name="Fenna")
        session.add_all([document, *codes, coder])
        session.flush()
        for n in range(codings):
            start = (n * 37) % 4000
            session.add(
                Coding(
                    document_id=document.id,
                    code_id=codes[n % 3].id,
                    coder_id=coder.id if n % 4 else None,  # some codings have no coder: -1
                    start=start,
                    end=start + 1 + n % 900,
                )
            )


def _plain(store: ProjectStore) -> list[list[int]]:
    with store.read() as session:
        rows = session.execute(text(f"SELECT {', '.join(EXPRESSIONS)} FROM codings")).all()
    return [list(column) for column in zip(*rows, strict=True)] if rows else [[] for _ in EXPRESSIONS]


@pytest.mark.parametrize("codings", [0, 1, 250])
def test_columns_are_the_rows_of_a_plain_select(store: ProjectStore, codings: int) -> None:
    _fill(store, codings)
    expected = _plain(store)
    assert len(expected[0]) == codings
    if codings > 1:
        assert -1 in expected[3] and max(expected[5]) > 900  # NULL coders and multi-digit values are in play
    with store.read() as session:
        columns = integer_columns(session, "codings", EXPRESSIONS)
        cursor = session.connection().connection.cursor()
        fetched = fetched_columns(cursor, "codings", EXPRESSIONS)  # the path other databases take
        on_file = dialect_name(session) == "sqlite"
        concatenated = concatenated_columns(cursor, "codings", EXPRESSIONS) if on_file else fetched
    for found in (columns, concatenated, fetched):
        assert [column.dtype for column in found] == [np.dtype(np.int64)] * len(EXPRESSIONS)
        assert [column.tolist() for column in found] == expected


@pytest.mark.project_file("group_concat is SQLite's")
def test_a_null_would_shift_rows_and_is_refused(store: ProjectStore) -> None:
    _fill(store, 8)
    with store.read() as session:
        cursor = session.connection().connection.cursor()
        with pytest.raises(ValueError, match="codings held NULL"):
            concatenated_columns(cursor, "codings", ("id", "coder_id"))
