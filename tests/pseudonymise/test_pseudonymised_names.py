"""Document and file names in a pseudonymised copy read naturally and never hold an accepted term."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, update

from lobcoder.__main__ import main
from lobcoder.pseudonymise.apply import Replacer
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.export_copy import project_shared_stem, pseudonymised_copy
from lobcoder.pseudonymise.keyfile import read_key
from lobcoder.pseudonymise.termlist import Decision
from lobcoder.storage.models import Document
from lobcoder.storage.project import ProjectStore

REPLACER = Replacer(
    [
        Decision("Marieke", Category.PERSON, "Docent 1"),
        Decision("ROC Veenstroom", Category.SCHOOL, "School A"),
        Decision("Bo", Category.PERSON, "Student 4"),
    ]
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("docent1_marieke_ronde1", "docent1_ronde1"),  # the name already says who: the term goes
        ("ronde1-marieke-docent1", "ronde1-docent1"),
        ("interview_marieke_2023", "interview_docent_1_2023"),  # the pseudonym in the name's spelling
        ("Interview Marieke ronde 1", "Interview Docent 1 ronde 1"),
        ("Marieke (ROC Veenstroom)", "Docent 1 (School A)"),
        ("roc_veenstroom_docent1", "school_a_docent1"),  # a term of two words, written with _
        ("MariekeJansen_r1", "Document 7"),  # no word boundary: no match, so no name at all
        ("interview_bo_2", "interview_student_4_2"),
        ("boterham", "boterham"),  # a short term is only looked for as a word
        ("docent1_ronde1", "docent1_ronde1"),
        ("Marieke", "Docent 1"),  # one word is not a file name: the pseudonym as written
    ],
)
def test_a_document_name_reads_naturally_and_holds_no_term(name: str, expected: str) -> None:
    assert REPLACER.document_name(name, 7) == expected


def test_the_copy_names_documents_and_files_without_the_participant(decided: Path, tmp_path: Path) -> None:
    with ProjectStore.open(decided) as store, store.transaction() as session:
        session.execute(
            update(Document).where(Document.name == "docent3_samira_ronde3").values(name="SamiraBakker_ronde3")
        )
    copy, key = tmp_path / "copy.lobcoder", tmp_path / "key.json"
    assert main(["pseudonymise", "apply", str(decided), "--out", str(copy), "--key", str(key)]) == 0
    with ProjectStore.open(copy) as store, store.read() as session:
        rows = session.execute(select(Document.name, Document.original_filename).order_by(Document.name)).all()
    names = [name for name, _file in rows]
    assert names == [
        "Document 5",
        "contactpersoon1_ronde2",
        "docent1_ronde1",
        "docent1_ronde3",
        "docent2_joost_ronde1",  # Joost's decision is rejected
        "teamleider1_ronde2",
    ]
    assert [file for _name, file in rows] == [f"{name}.txt" for name in names]
    renamed = {f["original"]: f["pseudonym"] for f in read_key(key)["fields"] if f["field"] == "documents.name"}
    assert renamed["SamiraBakker_ronde3"] == "Document 5" and renamed["docent1_marieke_ronde1"] == "docent1_ronde1"
    # An export by document name takes the name the researcher knows; the files carry the new names.
    out = tmp_path / "t"
    args = ["transcripts", str(decided), "--out", str(out), "--format", "txt", "--pseudonymise"]
    assert main(args) == 0
    assert sorted(p.name for p in out.iterdir()) == [f"{name}.txt" for name in names]
    agreement = tmp_path / "agreement.csv"
    args = ["agreement", str(decided), "--documents", "SamiraBakker_ronde3", "docent1_marieke_ronde1"]
    assert main([*args, "--out", str(agreement), "--pseudonymise"]) == 0


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("ROC_Veenstroom_LOB", "School_A_LOB"),
        ("lob-marieke", "lob-docent-1"),
        ("MariekeLOB", "project"),
        ("lob", "lob"),
    ],
)
def test_the_name_suggested_for_a_shared_file_holds_no_term(decided: Path, stem: str, expected: str) -> None:
    path = decided.with_name(f"{stem}.lobcoder")
    decided.rename(path)
    with ProjectStore.open(path) as store:
        assert project_shared_stem(store) == expected


def test_a_name_that_stays_keeps_it_and_the_key_names_what_the_copy_holds(decided: Path, tmp_path: Path) -> None:
    """A document already called what another becomes keeps its name; the other takes ``(2)``, in key and copy."""
    with ProjectStore.open(decided) as store, store.transaction() as session:
        session.execute(update(Document).where(Document.name == "docent2_joost_ronde1").values(name="docent1_ronde1"))
    copy, key = tmp_path / "copy.lobcoder", tmp_path / "key.json"
    assert main(["pseudonymise", "apply", str(decided), "--out", str(copy), "--key", str(key)]) == 0
    with ProjectStore.open(copy) as store, store.read() as session:
        names = dict(session.execute(select(Document.guid, Document.name)).all())
    with ProjectStore.open(decided) as store, store.read() as session:
        before = {name: names[guid] for guid, name in session.execute(select(Document.guid, Document.name))}
    assert before["docent1_ronde1"] == "docent1_ronde1"
    assert before["docent1_marieke_ronde1"] == "docent1_ronde1 (2)"
    written = read_key(key)
    renamed = {f["original"]: f["pseudonym"] for f in written["fields"] if f["field"] == "documents.name"}
    assert {old: new for old, new in before.items() if old != new} == renamed
    named = {p["guid"]: p["name"] for p in written["positions"] if p["location"] == "document"}
    assert all(names[guid] == name for guid, name in named.items()) and len(named) == 6
    # A document chosen by name in a pseudonymised export is the one the researcher means.
    with ProjectStore.open(decided) as store, pseudonymised_copy(store) as pseudo:
        assert pseudo.label("docent1_marieke_ronde1") == "docent1_ronde1 (2)"
        assert pseudo.label("docent1_ronde1") == "docent1_ronde1"


def test_a_file_name_keeps_only_an_extension_lobcoder_reads(decided: Path, tmp_path: Path) -> None:
    """``interview M.Jansen`` (a label from a REFI-QDA project) has no extension: ``.Jansen`` must not travel."""
    files = {"docent1_marieke_ronde1": "interview M.Jansen", "docent1_marieke_ronde3": "Marieke ronde 3.DOCX"}
    with ProjectStore.open(decided) as store, store.transaction() as session:
        for name, file in files.items():
            session.execute(update(Document).where(Document.name == name).values(original_filename=file))
    copy, key = tmp_path / "copy.lobcoder", tmp_path / "key.json"
    assert main(["pseudonymise", "apply", str(decided), "--out", str(copy), "--key", str(key)]) == 0
    with ProjectStore.open(copy) as store, store.read() as session:
        files = dict(session.execute(select(Document.name, Document.original_filename)).all())
    assert files["docent1_ronde1"] == "docent1_ronde1"
    assert files["docent1_ronde3"] == "docent1_ronde3.DOCX" and files["teamleider1_ronde2"] == "teamleider1_ronde2.txt"
    assert b"Jansen" not in copy.read_bytes()
