"""A name longer than the project allows is refused with the same words in a project file and on a server.

SQLite would store it; PostgreSQL's ``varchar`` would refuse it with a
database error (docs/POSTGRESQL.md). Run on a server with
``pytest --project-on=postgresql``.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from lobcoder.errors import Refused
from lobcoder.services.codes import create_code, list_codes, update_code
from lobcoder.services.documents import add_document, list_documents
from lobcoder.storage.project import ProjectStore

LONG = "Loopbaanbegeleiding door de mentor " * 9  # 315 characters, with the trailing space trimmed: 314


def test_a_code_name_past_300_characters_is_refused_and_nothing_is_stored(store: ProjectStore) -> None:
    with pytest.raises(Refused) as refused:
        with store.transaction() as session:
            create_code(session, "Mentor")
            create_code(session, LONG)
    assert refused.value.text("en") == (
        "the name of a code may be at most 300 characters; this one has 314 "
        "('Loopbaanbegeleiding door de mentor Loopb…'); nothing was changed"
    )
    assert refused.value.text("nl").startswith(
        "de naam van een code mag hoogstens 300 tekens lang zijn; deze heeft er 314"
    )
    with store.read() as session:
        assert list_codes(session) == []  # "Mentor" went with the refused action
    with store.transaction() as session:
        create_code(session, "é" * 300)  # exactly the limit: stored whole, counted in code points
    with store.read() as session:
        assert [len(code.name) for code in list_codes(session)] == [300]


def test_renaming_a_code_or_naming_a_document_past_the_limit_keeps_the_old_name(store: ProjectStore) -> None:
    with store.transaction() as session:
        code = create_code(session, "Mentor")
        add_document(session, "Anna_w1", "Anna: Ja.", [])
    with pytest.raises(Refused, match="the name of a code may be at most 300"):
        with store.transaction() as session:
            update_code(session, code.id, name="é" * 301)
    with pytest.raises(Refused, match="the name of a document may be at most 300"):
        with store.transaction() as session:
            add_document(session, "ü" * 301, "Bram: Nee.", [])
    with store.read() as session:
        assert [c.name for c in list_codes(session)] == ["Mentor"]
        assert [d.name for d in list_documents(session)] == ["Anna_w1"]


@pytest.mark.project_file("only SQLite can hold a name that is too long")
def test_a_name_stored_too_long_in_an_old_project_file_stays_editable(store: ProjectStore) -> None:
    with store.transaction() as session:
        code = create_code(session, "Mentor")
        session.execute(text("UPDATE codes SET name = :name WHERE id = :id"), {"name": LONG, "id": code.id})
    with store.transaction() as session:
        update_code(session, code.id, color="#123456")  # not its name: allowed
    with store.read() as session:
        assert [(c.name, c.color) for c in list_codes(session)] == [(LONG, "#123456")]


def test_a_second_document_with_a_name_at_the_limit_gets_a_number_that_fits(store: ProjectStore) -> None:
    name = "é" * 300
    with store.transaction() as session:
        add_document(session, name, "Anna: Ja.", [])
    with store.transaction() as session:
        add_document(session, name, "Bram: Nee.", [])
    with store.read() as session:
        names = {d.name for d in list_documents(session)}
    assert names == {name, "é" * 296 + " (2)"}
