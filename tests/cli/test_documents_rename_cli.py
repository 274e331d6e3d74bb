"""``lobcoder documents rename``: the new name is listed and searched under, codings stay; a taken name is refused."""

from __future__ import annotations

from pathlib import Path

from tests.cli.running import run
from tests.services.test_document_removal import build


def test_rename_keeps_codings_and_search(tmp_path: Path) -> None:
    project = build(tmp_path)
    code, out, _ = run("documents", "rename", project, "verkeerd", "  Boodschappen  2024 ")
    assert code == 0 and out.strip() == "Renamed ‘Verkeerd’ to ‘Boodschappen 2024’."
    listed = run("show", project)[1].splitlines()
    assert listed[0] == "Boodschappen 2024 [P-Verkeerd]: 90 characters, 2 turns, 2 codings"  # its participant stays
    assert not [line for line in listed if line.startswith("Verkeerd")]
    assert "Boodschappen 2024" in run("search", project, "aardappelen")[1]
    assert "aardappelen" in run("show", project, "boodschappen 2024")[1]


def test_a_name_taken_in_another_case_is_refused_in_dutch(tmp_path: Path) -> None:
    project = build(tmp_path)
    code, out, err = run("documents", "rename", project, "Verkeerd", "STUDENT01", "--language", "nl")
    assert code != 0 and out == ""
    assert "er bestaat al een document met de naam 'STUDENT01'" in err
    assert run("show", project)[1].splitlines()[-1].startswith("Verkeerd [")
    code, out, err = run("documents", "rename", project, "Verkeerd", "   ", "--language", "nl")
    assert code != 0 and "de naam van een document mag niet leeg zijn" in err
    assert run("show", project)[1].splitlines()[-1].startswith("Verkeerd [")


def test_a_second_coders_copy_made_before_the_rename_merges_onto_the_renamed_document(tmp_path: Path) -> None:
    from sqlalchemy import select

    from lobcoder.services.codings import add_coding
    from lobcoder.storage.models import Code, Coder, Coding, Document
    from lobcoder.storage.project import ProjectStore

    project = build(tmp_path)
    copy = tmp_path / "chris.lobcoder"
    assert run("team", "copy", project, "--out", copy)[0] == 0
    with ProjectStore.open(copy) as theirs, theirs.transaction() as session:
        document = session.scalars(select(Document).where(Document.name == "Verkeerd")).one()
        code = session.scalars(select(Code).where(Code.name == "Keuze")).one()
        add_coding(session, document.id, code.id, 0, 12, coder="Chris")
    assert run("documents", "rename", project, "Verkeerd", "Boodschappen")[0] == 0

    code, out, _ = run("team", "merge", project, copy)

    assert code == 0, out
    with ProjectStore.open(project) as ours, ours.read() as session:
        rows = session.execute(
            select(Document.name, Coding.start, Coding.end)
            .join(Coding, Coding.document_id == Document.id)
            .join(Coder, Coding.coder_id == Coder.id)
            .where(Coder.name == "Chris")
        ).all()
    assert [tuple(r) for r in rows] == [("Boodschappen", 0, 12)]
