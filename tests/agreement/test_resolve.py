"""The disagreement list, and resolving a disagreement: undoable, for both coders or under a consensus coder."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from lobcoder.agreement.compute import agreement
from lobcoder.agreement.disagreements import disagreements
from lobcoder.analysis.dataset import load_dataset
from lobcoder.editing.resolve_commands import ResolveDisagreement
from lobcoder.storage.models import Code, Coder, Coding


def rows(store) -> set[tuple]:  # type: ignore[no-untyped-def]
    """Every coding with its GUID, coder and memo-free identity."""
    with store.read() as session:
        found = session.execute(
            select(Coding.guid, Coding.document_id, Code.name, Coder.name, Coding.start, Coding.end)
            .join(Code, Code.id == Coding.code_id)
            .join(Coder, Coder.id == Coding.coder_id)
        ).all()
    return {tuple(r) for r in found}


def spans_of(store, project, coder: str, code: str) -> list[str]:  # type: ignore[no-untyped-def]
    text = project.texts["int1"]
    return sorted(text[s:e] for _, d, c, who, s, e in rows(store) if who == coder and c == code and d == 1)


def test_disagreements_by_sentence_list_both_sides(team) -> None:  # type: ignore[no-untyped-def]
    project, dataset, _ = team
    found = disagreements(dataset, ["Anna", "Bram"], "sentence")
    text = project.texts["int1"]
    described = [(d.document, d.code, text[d.start : d.end] if d.document == "int1" else None) for d in found]
    assert described == [
        ("int1", "Mentor", "Dat was jammer."),
        ("int1", "Keuze", "R: Geen tijd."),
        ("int1", "Mentor", "Ze had veel studenten."),
        ("int2", "Toekomst", None),
        ("int2", "Toekomst", None),
    ]
    jammer = found[0]
    assert [text[s:e] for s, e in jammer.first] == ["Mijn mentor hielp niet. Dat was jammer."]
    assert jammer.second == ()
    # As many as the table's "only" cells.
    (table,) = agreement(dataset, ["Anna", "Bram"], "sentence").tables
    assert len(found) == table.pooled.counts[1] + table.pooled.counts[2]


def test_disagreements_by_overlap_are_the_unmatched_codings(team) -> None:  # type: ignore[no-untyped-def]
    project, dataset, _ = team
    found = disagreements(dataset, ["Anna", "Bram"], "overlap")
    text = project.texts["int1"]
    mentor = [d for d in found if d.code == "Mentor" and d.document == "int1"]
    assert [text[d.start : d.end] for d in mentor] == [
        "Mijn mentor hielp niet. Dat was jammer.",
        "Ze had veel studenten",
    ]
    assert [text[s:e] for s, e in mentor[0].second] == ["Mijn mentor hielp niet."]


@pytest.mark.parametrize(
    ("choice", "anna", "bram"),
    [
        # Bram's coding ends before the sentence: his new one stands apart (a blank lies between).
        ("first", ["Mijn mentor hielp niet. Dat was jammer."], ["Dat was jammer.", "Mijn mentor hielp niet."]),
        # Anna's coding keeps its part outside the sentence, without the blank before it.
        ("second", ["Mijn mentor hielp niet."], ["Mijn mentor hielp niet."]),
        ("neither", ["Mijn mentor hielp niet."], ["Mijn mentor hielp niet."]),
        ("both", ["Mijn mentor hielp niet. Dat was jammer."], ["Dat was jammer.", "Mijn mentor hielp niet."]),
    ],
)
def test_resolving_for_both_coders_is_undoable(team, choice: str, anna: list[str], bram: list[str]) -> None:  # type: ignore[no-untyped-def]
    project, dataset, store = team
    jammer = disagreements(dataset, ["Anna", "Bram"], "sentence")[0]
    before = rows(store)
    with store.read() as session:
        guid = session.scalar(select(Code.guid).where(Code.id == jammer.code_id))
    command = ResolveDisagreement(jammer.document_id, guid, jammer.start, jammer.end, "Anna", "Bram", choice)
    with store.transaction() as session:
        undo = command.apply(session)
    # Mentor in int1 for the "jammer" sentence now agrees; the other sentence of Anna's coding is kept.
    assert spans_of(store, project, "Anna", "Mentor") == sorted([*anna, "Ze had veel studenten"])
    assert spans_of(store, project, "Bram", "Mentor") == bram
    with store.read() as session:
        after = load_dataset(session)
    left = disagreements(after, ["Anna", "Bram"], "sentence")
    assert all(not (d.code == "Mentor" and d.start == jammer.start) for d in left)
    with store.transaction() as session:
        redo = undo.apply(session)
    assert rows(store) == before
    with store.transaction() as session:
        redo.apply(session)
    assert spans_of(store, project, "Bram", "Mentor") == bram


def test_resolving_under_a_consensus_coder_leaves_both_coders_alone(team) -> None:  # type: ignore[no-untyped-def]
    project, dataset, store = team
    jammer = disagreements(dataset, ["Anna", "Bram"], "sentence")[0]
    before = rows(store)
    with store.read() as session:
        guid = session.scalar(select(Code.guid).where(Code.id == jammer.code_id))
    command = ResolveDisagreement(
        jammer.document_id, guid, jammer.start, jammer.end, "Anna", "Bram", "first", consensus="Consensus"
    )
    with store.transaction() as session:
        undo = command.apply(session)
    added = rows(store) - before
    assert before <= rows(store)
    assert [(c, who, project.texts["int1"][s:e]) for _, _, c, who, s, e in added] == [
        ("Mentor", "Consensus", "Dat was jammer.")
    ]
    with store.transaction() as session:
        undo.apply(session)
    assert rows(store) == before


def test_a_memo_moves_with_the_coding_that_replaces_it_and_undo_brings_it_back(team) -> None:  # type: ignore[no-untyped-def]
    from lobcoder.services.memos import MemoTarget, get_memo, set_memo
    from lobcoder.storage.models import Memo

    project, dataset, store = team
    with store.transaction() as session:
        set_memo(session, MemoTarget("coding", project.codings["a2"]), "Twijfel: ook Visie?")
        memo_guid = session.scalar(select(Memo.guid))
        coding_guid = session.get(Coding, project.codings["a2"]).guid
    jammer = disagreements(dataset, ["Anna", "Bram"], "sentence")[0]
    with store.read() as session:
        guid = session.scalar(select(Code.guid).where(Code.id == jammer.code_id))
    command = ResolveDisagreement(jammer.document_id, guid, jammer.start, jammer.end, "Anna", "Bram", "second")
    with store.transaction() as session:
        undo = command.apply(session)
    with store.read() as session:
        memo = session.scalar(select(Memo))
        coding = session.get(Coding, memo.coding_id)
        text = project.texts["int1"]
        assert (memo.guid, memo.text) == (memo_guid, "Twijfel: ook Visie?")
        assert text[coding.start : coding.end] == "Mijn mentor hielp niet."  # Anna's coding, cut to outside the unit
    with store.transaction() as session:
        undo.apply(session)
    with store.read() as session:
        restored = session.scalar(select(Coding.id).where(Coding.guid == coding_guid))  # the same coding again
        assert get_memo(session, MemoTarget("coding", restored)) == "Twijfel: ook Visie?"
        assert session.scalar(select(Memo.guid)) == memo_guid


@pytest.mark.parametrize("consensus", [None, "Consensus"])
def test_recoding_puts_another_code_on_the_disputed_passage_undoably(team, consensus: str | None) -> None:  # type: ignore[no-untyped-def]
    project, dataset, store = team
    jammer = disagreements(dataset, ["Anna", "Bram"], "sentence")[0]
    before = rows(store)
    with store.read() as session:
        mentor = session.scalar(select(Code.guid).where(Code.name == "Mentor"))
        keuze = session.scalar(select(Code.guid).where(Code.name == "Keuze"))
    command = ResolveDisagreement(
        jammer.document_id, mentor, jammer.start, jammer.end, "Anna", "Bram", "recode", consensus, recode_to=keuze
    )
    with store.transaction() as session:
        undo = command.apply(session)
    after = rows(store)
    if consensus:  # both coders as they were; the consensus coder has only the new code there
        assert before <= after
        assert [(c, who, project.texts["int1"][s:e]) for _, _, c, who, s, e in after - before] == [
            ("Keuze", "Consensus", "Dat was jammer.")
        ]
    else:  # Mentor leaves the sentence for both; Keuze takes its place next to what they had of it
        assert spans_of(store, project, "Anna", "Mentor") == ["Mijn mentor hielp niet.", "Ze had veel studenten"]
        assert spans_of(store, project, "Bram", "Mentor") == ["Mijn mentor hielp niet."]
        assert spans_of(store, project, "Anna", "Keuze") == ["Dat was jammer.", "Ik koos zelf"]
        assert spans_of(store, project, "Bram", "Keuze") == ["Dat was jammer.", "Geen tijd", "Ik koos zelf."]
    with store.transaction() as session:
        redo = undo.apply(session)
    assert rows(store) == before
    with store.transaction() as session:
        redo.apply(session)
    assert {r[1:] for r in rows(store)} == {r[1:] for r in after}


def test_recoding_needs_another_code_and_changes_nothing_without_one(team) -> None:  # type: ignore[no-untyped-def]
    from lobcoder.errors import LobcoderError

    _, dataset, store = team
    jammer = disagreements(dataset, ["Anna", "Bram"], "sentence")[0]
    before = rows(store)
    with store.read() as session:
        mentor = session.scalar(select(Code.guid).where(Code.name == "Mentor"))
    for target in (None, mentor):
        command = ResolveDisagreement(
            jammer.document_id, mentor, jammer.start, jammer.end, "Anna", "Bram", "recode", recode_to=target
        )
        with pytest.raises(LobcoderError, match="another code"), store.transaction() as session:
            command.apply(session)
    assert rows(store) == before
