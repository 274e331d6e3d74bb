"""Where else a name hides in a project, and what the copy and the leak check do there.

Memo titles (a lower-case ``marieke`` is not replaced, as in a text, so the
check must list it) and the words left out of the word frequencies (the
Words report prints them in its notes).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from lobcoder.__main__ import main
from lobcoder.pseudonymise.apply import apply_pseudonyms
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.decisions import load_decisions, save_decisions
from lobcoder.pseudonymise.export_copy import accepted_decisions
from lobcoder.pseudonymise.leak_check import describe
from lobcoder.pseudonymise.termlist import Decision
from lobcoder.pseudonymise.written_text import written_texts
from lobcoder.services.documents import add_document
from lobcoder.services.left_out_words import left_out_words, set_left_out_words
from lobcoder.storage.models import Memo
from lobcoder.storage.project import ProjectStore


def test_a_left_out_name_goes_from_the_copy_and_from_a_words_report(decided: Path, tmp_path: Path) -> None:
    with ProjectStore.open(decided) as store, store.transaction() as session:
        set_left_out_words(session, ["marieke", "wil", "eigenlijk"])
    with ProjectStore.open(decided) as store:
        with store.read() as session:
            decisions = load_decisions(session)
        result = apply_pseudonyms(store, decisions, tmp_path / "copy.lobcoder", tmp_path / "key.json")
    with ProjectStore.open(result.path) as copy, copy.read() as session:
        assert left_out_words(session) == ("eigenlijk", "wil")
    report = tmp_path / "woorden.docx"
    assert main(["report", "words", str(decided), "--pseudonymise", "--out", str(report)]) == 0
    written = "\n".join(text for _, text in written_texts([report]))
    assert "eigenlijk, wil" in written and "marieke" not in written.casefold()
    plain = tmp_path / "woorden_plain.docx"
    assert main(["report", "words", str(decided), "--out", str(plain)]) == 0
    # the note names them when not pseudonymised
    assert "eigenlijk, marieke, wil" in "\n".join(text for _, text in written_texts([plain]))


def test_a_name_left_in_a_memo_title_is_listed(decided: Path, tmp_path: Path) -> None:
    with ProjectStore.open(decided) as store, store.transaction() as session:
        memo = session.scalars(select(Memo).order_by(Memo.id)).first()
        assert memo is not None
        memo.title = "gesprek met marieke"  # lower case: not replaced, as in a text
        memo_id = memo.id
    with ProjectStore.open(decided) as store:
        with store.read() as session:
            decisions = load_decisions(session)
        result = apply_pseudonyms(store, decisions, tmp_path / "copy.lobcoder", tmp_path / "key.json")
    (leak,) = [leak for leak in result.leaks if leak.form == "Marieke"]
    assert ("memo_title", str(memo_id)) in leak.fields, leak  # which memo: the researcher need not search
    assert f"title of memo {memo_id}" in describe(leak)
    assert f"titel van memo {memo_id}" in describe(leak, "nl")
    with ProjectStore.open(result.path) as copy, copy.read() as session:
        assert session.get(Memo, memo_id).title == "gesprek met marieke"  # type: ignore[union-attr]


def test_a_left_out_name_the_texts_write_as_a_word_stays_left_out_in_a_words_report(tmp_path: Path) -> None:
    # the project writes "roos" mostly in lower case, so the name Roos is also a word: the copy keeps the
    # left-out "roos", and the report on the copy leaves out the same words
    path = tmp_path / "roos.lobcoder"
    text = "Roos zei het. Een roos is rood, de roos bloeit, elke roos ruikt eigenlijk goed.\n"
    with ProjectStore.create(path) as store, store.transaction() as session:
        add_document(session, "student1_ronde1", text)
        save_decisions(session, [Decision("Roos", Category.PERSON, "Leerling 1")])
        set_left_out_words(session, ["roos", "eigenlijk"])
    with ProjectStore.open(path) as store:
        result = apply_pseudonyms(store, accepted_decisions(store), tmp_path / "copy.lobcoder", tmp_path / "key.json")
    with ProjectStore.open(result.path) as copy, copy.read() as session:
        assert left_out_words(session) == ("eigenlijk", "roos")
    report = tmp_path / "woorden.docx"
    assert main(["report", "words", str(path), "--pseudonymise", "--out", str(report)]) == 0
    assert "eigenlijk, roos" in "\n".join(text for _, text in written_texts([report]))
