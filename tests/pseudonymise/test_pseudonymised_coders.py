"""Pseudonymised exports name no coder: every format says ``Coder 1``/``Codeur 1``, the key file says who."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from lobcoder.__main__ import main
from lobcoder.pseudonymise.apply import Replacer
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.export_copy import pseudonymised_copy
from lobcoder.pseudonymise.keyfile import read_key
from lobcoder.pseudonymise.termlist import Decision
from lobcoder.storage.models import Coder, Memo
from lobcoder.storage.project import ProjectStore

CODERS = ("Fenna", "Sander")


def text_of(path: Path) -> str:
    """Everything a reader of the file could see: the members of a zip (docx, xlsx, qdpx) or the bytes."""
    if path.suffix in (".docx", ".xlsx", ".qdpx"):
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return path.read_bytes().decode("utf-8", "replace")


def exports(project: Path, out: Path, *extra: str) -> dict[str, str]:
    """Every export of the project (with ``extra`` options), each file's visible text by its name."""
    out.mkdir()
    runs = [
        *(["report", "quotes", str(project), "--out", str(out / f"quotes.{kind}")] for kind in ("docx", "xlsx", "csv")),
        ["report", "quotes", str(project), "--out", str(out / "quotes.json"), "--coder", "Fenna", "--coder", "sander"],
        ["report", "frequencies", str(project), "--out", str(out / "freq.docx"), "--coder", "Fenna"],
        *(["agreement", str(project), "--out", str(out / f"agreement.{kind}")] for kind in ("docx", "xlsx", "csv")),
        ["transcripts", str(project), "--out", str(out / "t"), "--format", "docx"],
        ["project", "export", str(project), "--out", str(out / "project.qdpx")],
        ["codebook", "export", str(project), "--out", str(out / "codebook.md"), "--counts"],
    ]
    for args in runs:
        assert main([*args, *extra]) == 0, args
    return {p.name: text_of(p) for p in out.rglob("*") if p.is_file()}


@pytest.fixture
def signed(decided: Path) -> Path:
    """The decided demo with a memo that names both coders."""
    with ProjectStore.open(decided) as store, store.transaction() as session:
        session.add(Memo(title="Overleg Fenna", text="Fenna en Sander bespreken de code later."))
    return decided


def test_no_pseudonymised_export_names_a_coder(signed: Path, tmp_path: Path) -> None:
    plain = exports(signed, tmp_path / "plain")
    assert "Fenna" in plain["quotes.csv"] and "Sander" in plain["agreement.csv"]  # the check below can fail
    files = exports(signed, tmp_path / "pseudo", "--pseudonymise", "--language", "nl")
    assert len(files) == len(plain) > 10
    named = {name: [c for c in CODERS if c in text] for name, text in files.items()}
    assert not {name: found for name, found in named.items() if found}
    for name in ("quotes.docx", "quotes.xlsx", "quotes.csv", "agreement.docx", "agreement.csv"):
        assert "Codeur 1" in files[name], name
    # The coder filter names the coders as the researcher knows them; the file says which numbers they are.
    table = json.loads(files["quotes.json"])[0]
    column = table["columns"].index("Codeur")
    assert {row["values"][column] for row in table["rows"]} == {"Codeur 1", "Codeur 2", "Codeur 1, Codeur 2"}
    assert "Codeurs: Codeur 1" in files["freq.docx"]


def test_the_pseudonymised_copy_names_coders_by_number_and_the_key_says_who(signed: Path, tmp_path: Path) -> None:
    copy, key = tmp_path / "copy.lobcoder", tmp_path / "key.json"
    assert main(["pseudonymise", "apply", str(signed), "--out", str(copy), "--key", str(key)]) == 0
    with ProjectStore.open(copy) as store, store.read() as session:
        assert [c.name for c in session.query(Coder).order_by(Coder.id)] == ["Coder 1", "Coder 2"]
        memo = session.query(Memo).filter(Memo.text.like("%bespreken de code later%")).one()
        assert (memo.title, memo.text) == ("Overleg Coder 1", "Coder 1 en Coder 2 bespreken de code later.")
    raw = copy.read_bytes()
    assert not [c for c in CODERS if c.encode() in raw]
    fields = [(f["original"], f["pseudonym"]) for f in read_key(key)["fields"] if f["field"] == "coders.name"]
    assert fields == [("Fenna", "Coder 1"), ("Sander", "Coder 2")]


def test_in_prose_only_a_capitalised_coder_name_is_replaced_and_an_accepted_term_goes_first() -> None:
    replacer = Replacer([Decision("Fenna", Category.PERSON, "Interviewer 1")])
    in_memos = replacer.with_names({"Fenna": "Coder 1", "Sander": "Coder 2", "coder": "Coder 3"})
    memo = "Sander en Fenna: de tweede coder kijkt, sander niet."
    assert in_memos.prose(memo) == "Coder 2 en Interviewer 1: de tweede coder kijkt, sander niet."
    assert in_memos.label("lob sander, coder fenna") == "lob Coder 2, coder Interviewer 1"  # a name: any case


def test_a_coder_named_like_an_attribute_value_leaves_the_value_alone(decided: Path, tmp_path: Path) -> None:
    """A login name such as ``docent`` is also the role ``docent``: the filter keeps the value, --coder renames."""
    with ProjectStore.open(decided) as store, store.transaction() as session:
        session.query(Coder).filter(Coder.name == "Fenna").one().name = "docent"
    with ProjectStore.open(decided) as store, pseudonymised_copy(store) as copy:
        assert (copy.label("docent"), copy.coder("docent"), copy.coder("Docent")) == ("docent", "Coder 1", "Coder 1")
        assert copy.label("ROC Veenstroom") == "School A" and copy.coder("Sander") == "Coder 2"
    out = tmp_path / "quotes.json"
    args = ["report", "quotes", str(decided), "--filter", "role=docent", "--coder", "docent", "--pseudonymise"]
    assert main([*args, "--out", str(out)]) == 0
    table = json.loads(out.read_text("utf-8"))[0]
    column = table["columns"].index("Coder")
    assert table["rows"] and {row["values"][column] for row in table["rows"]} <= {"Coder 1", "Coder 1, Coder 2"}
