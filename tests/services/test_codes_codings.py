"""The code tree, codings and their queries as views and reports use them."""

from __future__ import annotations

import pytest

from lobcoder.services.codes import count_subtree, create_code, list_codes, move_code, update_code
from lobcoder.services.codings import add_coding, coded_share, codings_for_document, segments
from lobcoder.services.documents import add_document
from lobcoder.services.memos import MemoTarget, get_memo, set_memo
from lobcoder.storage.project import ProjectStore

TEXT = "I: Vraag 😀?\nAnna: Wij leren samen. De visie is van iedereen."


def test_tree_order_depth_and_counts(store: ProjectStore) -> None:
    with store.transaction() as session:
        doc = add_document(session, "D1", TEXT)
        other = add_document(session, "D2", "Nog een tekst over visie.")
        leren = create_code(session, "Collectief leren")
        samen = create_code(session, "Samen oefenen", leren.id)
        visie = create_code(session, "Visie", position=0)
        add_coding(session, doc.id, samen.id, 19, 31)
        add_coding(session, doc.id, visie.id, 32, 58)
        add_coding(session, other.id, visie.id, 19, 24)
    with store.read() as session:
        codes = list_codes(session)
    assert [(c.name, c.depth, c.codings, c.documents) for c in codes] == [
        ("Visie", 0, 2, 2),
        ("Collectief leren", 0, 0, 0),
        ("Samen oefenen", 1, 1, 1),
    ]
    assert len({c.color for c in codes}) == 3


def test_names_are_unique_among_siblings_and_moves_cannot_create_cycles(store: ProjectStore) -> None:
    with store.transaction() as session:
        leren = create_code(session, "Collectief leren")
        child = create_code(session, "Samen", leren.id)
        create_code(session, "Samen")  # same name at another level is fine
        with pytest.raises(ValueError, match="already a code named"):
            create_code(session, "collectief  LEREN")
        with pytest.raises(ValueError, match="into itself"):
            move_code(session, leren.id, child.id, 0)
        with pytest.raises(ValueError, match="needs a name"):
            update_code(session, child.id, name="  ")


def test_codings_are_checked_against_the_text_and_listed_in_order(store: ProjectStore) -> None:
    with store.transaction() as session:
        doc = add_document(session, "D1", TEXT)
        code = create_code(session, "Visie")
        with pytest.raises(ValueError, match="outside the document"):
            add_coding(session, doc.id, code.id, 10, len(TEXT) + 1)
        with pytest.raises(ValueError, match="empty"):
            add_coding(session, doc.id, code.id, 5, 5)
        leren, visie = TEXT.index("leren samen."), TEXT.index("De visie")
        second = add_coding(session, doc.id, code.id, visie, len(TEXT), coder="Fenna")
        add_coding(session, doc.id, code.id, leren, leren + 12, coder="Sander")
        set_memo(session, MemoTarget("coding", second.id), "Gedeelde visie")
    with store.read() as session:
        views = codings_for_document(session, doc.id)
        assert [(v.start, v.coder, v.memo) for v in views] == [
            (leren, "Sander", ""),
            (visie, "Fenna", "Gedeelde visie"),
        ]
        found = segments(session, [code.id])
        assert [s.text for s in found] == ["leren samen.", "De visie is van iedereen."]
        assert get_memo(session, MemoTarget("coding", second.id)) == "Gedeelde visie"


def test_coded_share_counts_overlaps_once(store: ProjectStore) -> None:
    with store.transaction() as session:
        doc = add_document(session, "D1", "x" * 100)
        empty = add_document(session, "D2", "y" * 10)
        code = create_code(session, "C")
        add_coding(session, doc.id, code.id, 0, 20)
        add_coding(session, doc.id, code.id, 10, 30)
        add_coding(session, doc.id, code.id, 50, 60)
    with store.read() as session:
        share = coded_share(session)
        assert share[doc.id] == pytest.approx(0.4)
        assert share[empty.id] == 0.0
        assert count_subtree(session, code.id) == (1, 3)
