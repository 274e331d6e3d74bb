"""A document looked up by name: the exact name first, else the one name equal to it in any case."""

from __future__ import annotations

import pytest

from lobcoder.errors import NotFoundError
from lobcoder.services.documents import add_document, get_document
from lobcoder.storage.project import ProjectStore


def test_a_name_in_another_case_finds_the_document_folded_as_codes_and_participants_are(store: ProjectStore) -> None:
    with store.transaction() as session:
        add_document(session, "Straße_w1", "I: Waar woon je?\nAnna: In de Straße.\n")
        add_document(session, "Émile_w1", "I: En jij?\nÉmile: Verderop.\n")
    with store.read() as session:
        assert get_document(session, "STRASSE_W1").name == "Straße_w1"  # casefold: ß is ss
        assert get_document(session, "straße_w1").name == "Straße_w1"
        assert get_document(session, "émile_w1").name == "Émile_w1"
        with pytest.raises(NotFoundError, match="Strasse_w2"):
            get_document(session, "Strasse_w2")


def test_two_names_equal_in_any_case_find_neither_unless_the_name_is_exact(store: ProjectStore) -> None:
    with store.transaction() as session:
        add_document(session, "Strasse", "Eerste tekst.")
        add_document(session, "STRASSE", "Tweede tekst.")
    with store.read() as session:
        assert get_document(session, "STRASSE").text == "Tweede tekst."
        with pytest.raises(NotFoundError):
            get_document(session, "straße")
