"""A respondent label that occurs once (``Docent:``) still starts its own turn after import."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import lobcoder.cli.main as cli_main
from lobcoder.services.batch_import import import_files
from lobcoder.services.codes import create_code
from lobcoder.services.codings import add_coding
from lobcoder.storage.models import Document
from lobcoder.storage.project import ProjectStore


def _run(*args: str | Path) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        try:
            code = cli_main.main([str(a) for a in args])
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue()


def test_once_only_docent_answer_survives_leaving_out_interviewer_turns(tmp_path: Path) -> None:
    source = tmp_path / "Docent07_w1.txt"
    source.write_text("Interviewer: Hoe gaat het?\nDocent: Goed, we werken samen aan LOB.\n", encoding="utf-8")
    path = tmp_path / "p.lobcoder"
    with ProjectStore.create(path) as store:
        report = import_files(store, [source])
        assert report.imported[0].speakers == ("Interviewer", "Docent")
        with store.transaction() as session:
            doc = session.query(Document).one()
            answer = "we werken samen aan LOB"
            start = doc.text.index(answer)
            add_coding(session, doc.id, create_code(session, "Samenwerking").id, start, start + len(answer))
    code, out = _run("report", "frequencies", path, "--exclude-interviewer", "--format", "json")
    assert code == 0
    rows = {row["label"]: row["values"] for row in json.loads(out)["rows"]}
    assert rows["Samenwerking"][:2] == [1, 1]  # the answer is the teacher's, not the interviewer's


def test_a_name_the_project_already_has_counts_once(tmp_path: Path) -> None:
    first = tmp_path / "Marieke_w1.txt"
    first.write_text("I: Hoe gaat het?\nMarieke: Goed.\nI: En verder?\nMarieke: Prima.\n", encoding="utf-8")
    second = tmp_path / "Marieke_w2.txt"
    second.write_text("I: Wat is er veranderd?\nMarieke: We werken nu samen.\n", encoding="utf-8")
    prose = tmp_path / "Notities.txt"
    prose.write_text("I: Nog iets?\nWat ik nog kwijt wil: dank.\n", encoding="utf-8")
    path = tmp_path / "p.lobcoder"
    with ProjectStore.create(path):
        pass
    assert _run("import", path, first)[0] == 0
    # Marieke answers once in wave 2: the project knows her, so her answer is her own turn.
    code, out = _run("import", path, second, prose, "--json")
    assert code == 0
    speakers = {Path(r["path"]).name: r["speakers"] for r in json.loads(out)["files"]}
    assert speakers == {"Marieke_w2.txt": ["I", "Marieke"], "Notities.txt": ["I"]}


def test_a_one_turn_speaker_of_an_earlier_file_is_not_trusted_in_the_next(tmp_path: Path) -> None:
    path = tmp_path / "p.lobcoder"
    with ProjectStore.create(path):
        pass
    # Wave 1 was imported with "minimum turns 1" (Sanne answers once), which also let a heading in.
    first = tmp_path / "Sanne_w1.txt"
    first.write_text(
        "Achtergrond: gesprek in de mediatheek\nI: Wat wil je later worden?\nSanne: Verpleegkundige.\n",
        encoding="utf-8",
    )
    code, out = _run("import", path, first, "--min-speaker-turns", "1", "--json")
    assert code == 0
    assert json.loads(out)["files"][0]["speakers"] == ["Achtergrond", "I", "Sanne"]
    # Wave 2 with the default minimum: "Achtergrond" had a one-line turn in one file only, so it is no
    # known speaker; Marieke, who answered twice in wave 1 of her own, is.
    marieke = tmp_path / "Marieke_w1.txt"
    marieke.write_text("I: Hoe gaat het?\nMarieke: Goed.\nI: En verder?\nMarieke: Prima.\n", encoding="utf-8")
    assert _run("import", path, marieke)[0] == 0
    second = tmp_path / "Marieke_w2.txt"
    second.write_text(
        "Achtergrond: gesprek op stage\nI: Wat is er veranderd?\nMarieke: We werken nu samen.\n", encoding="utf-8"
    )
    code, out = _run("import", path, second, "--preview")
    assert "line 1: not a speaker: Achtergrond: occurs only once" in out
    code, out = _run("import", path, second, "--json")
    assert code == 0
    assert json.loads(out)["files"][0]["speakers"] == ["I", "Marieke"]
