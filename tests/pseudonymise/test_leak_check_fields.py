"""The leak check reads the labels of the copy too: speakers, attribute values, codes, document and file names."""

from __future__ import annotations

from pathlib import Path

import docx

from lobcoder.__main__ import main
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.decisions import save_decisions
from lobcoder.pseudonymise.termlist import Decision
from lobcoder.services.batch_import import import_files
from lobcoder.storage.models import Attribute, AttributeScope, AttributeType, AttributeValue, Code, Participant
from lobcoder.storage.project import ProjectStore

TRANSCRIPTS = {
    "marieke_ronde1": ["Interviewer: Waar werk je?", "Marieke de Vries: Op Meerwijk College, al tien jaar."],
    "docent1_ronde2": ["Interviewer: En nu?", "Marieke: Nog steeds daar, het gaat goed."],
}


def _project(tmp_path: Path) -> Path:
    """Two real transcripts; a teacher's school as a participant attribute, a code named after it."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, lines in TRANSCRIPTS.items():
        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        document.save(str(folder / f"{name}.docx"))
    path = tmp_path / "p.lobcoder"
    with ProjectStore.create(path) as store:
        assert [r.status for r in import_files(store, [folder]).results] == ["imported", "imported"]
        with store.transaction() as session:
            school = Attribute(name="school", type=AttributeType.TEXT, scope=AttributeScope.PARTICIPANT)
            first, second = Participant(name="Deelnemer A"), Participant(name="Deelnemer B")
            session.add_all([school, first, second])
            session.flush()
            session.add(AttributeValue(attribute_id=school.id, participant_id=first.id, text_value="Meerwijk College"))
            session.add(AttributeValue(attribute_id=school.id, participant_id=second.id, text_value="Meerwijk"))
            session.add(Code(name="Aanpak Meerwijk", examples="Marieke vertelt over de mentoruren"))
        with store.transaction() as session:  # typed in: no short form reviewed
            terms = [
                Decision("Marieke de Vries", Category.PERSON, "Docent 1"),
                Decision("Meerwijk College", Category.SCHOOL, "School B"),
            ]
            save_decisions(session, terms, replace_all=True)
    return path


def test_a_name_left_in_a_speaker_an_attribute_a_code_or_a_file_name_is_listed(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _project(tmp_path)
    out, key = tmp_path / "copy.lobcoder", tmp_path / "key.json"
    assert main(["pseudonymise", "apply", str(path), "--out", str(out), "--key", str(key)]) == 0
    err = capsys.readouterr().err
    lines = {line.split(" (")[0].strip(): line for line in err.splitlines() if line.startswith("  ")}
    assert set(lines) == {"Marieke", "Meerwijk"}
    marieke, meerwijk = lines["Marieke"], lines["Meerwijk"]
    # "Marieke:" in the second transcript, its speaker, the first transcript's name and file, the code's example
    assert "short form of Marieke de Vries): 5×, in docent1_ronde2" in marieke
    for where in ("speaker names", "document names", "file names", "code ‘Aanpak Meerwijk’"):
        assert where in marieke
    assert "attribute" not in marieke
    assert meerwijk.endswith("2×, in attribute ‘school’, code ‘Aanpak Meerwijk’")


def test_the_places_read_in_dutch(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _project(tmp_path)
    out, key = tmp_path / "copy.lobcoder", tmp_path / "key.json"
    assert main(["pseudonymise", "apply", str(path), "--out", str(out), "--key", str(key), "--language", "nl"]) == 0
    err = capsys.readouterr().err
    assert "  Meerwijk (korte vorm van Meerwijk College): 2×, in attribuut ‘school’, code ‘Aanpak Meerwijk’" in err
    assert "sprekersnamen" in err and "documentnamen" in err and "bestandsnamen" in err


def test_a_transcript_export_lists_only_what_its_transcripts_hold(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _project(tmp_path)
    assert main(["transcripts", str(path), "--out", str(tmp_path / "t"), "--format", "txt", "--pseudonymise"]) == 0
    listed = [line.strip() for line in capsys.readouterr().err.splitlines() if line.startswith("  ")]
    # "Marieke:" in the second transcript, the first one's name; not the speakers, attribute or code
    assert listed == ["Marieke (short form of Marieke de Vries): 2×, in docent1_ronde2, document names"]
    args = ["transcripts", str(path), "--out", str(tmp_path / "one"), "--document", "docent1_ronde2"]
    assert main([*args, "--format", "txt", "--pseudonymise"]) == 0
    listed = [line.strip() for line in capsys.readouterr().err.splitlines() if line.startswith("  ")]
    assert listed == ["Marieke (short form of Marieke de Vries): 1×, in docent1_ronde2"]


def test_the_name_of_what_a_command_writes_is_checked_too(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _project(tmp_path)
    out = tmp_path / "Meerwijk transcripten"
    assert main(["transcripts", str(path), "--out", str(out), "--format", "txt", "--pseudonymise"]) == 0
    err = capsys.readouterr().err
    assert "  Meerwijk (short form of Meerwijk College): 1×, in the exported file's name" in err


def test_the_name_of_a_pseudonymised_copy_is_checked_too(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _project(tmp_path)
    out, key = tmp_path / "Meerwijk_pseudo.lobcoder", tmp_path / "key.json"
    assert main(["pseudonymise", "apply", str(path), "--out", str(out), "--key", str(key)]) == 0
    err = capsys.readouterr().err
    shown = "3×, in attribute ‘school’, code ‘Aanpak Meerwijk’, the exported file's name"
    assert f"  Meerwijk (short form of Meerwijk College): {shown}" in err


def test_a_codebook_export_lists_only_what_is_left_in_its_codes(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _project(tmp_path)
    out = tmp_path / "codeboek.docx"
    assert main(["codebook", "export", str(path), "--out", str(out), "--pseudonymise"]) == 0
    err = capsys.readouterr().err
    lines = sorted(line.strip() for line in err.splitlines() if line.startswith("  "))
    # not the transcript, speaker, document, file name or attribute the codebook does not hold
    assert lines == [
        "Marieke (short form of Marieke de Vries): 1×, in code ‘Aanpak Meerwijk’",
        "Meerwijk (short form of Meerwijk College): 1×, in code ‘Aanpak Meerwijk’",
    ]


def test_the_scope_of_a_transcript_export_is_its_documents_texts_and_names() -> None:
    from lobcoder.pseudonymise.entities import Location
    from lobcoder.pseudonymise.leak_check import CODEBOOK, find_leaks, transcripts_scope

    decisions = [Decision("Marieke", Category.PERSON, "Docent 1")]
    texts = [
        (Location("document", 1, "marieke_ronde1"), "Marieke: ja."),
        (Location("document", 2, "docent1_ronde2"), "Docent 1: Marieke zei het."),
        (Location("memo", 3, "memo 3"), "Marieke belt terug."),
    ]
    labels = [
        (Location("document_name", 1, ""), "marieke_ronde1"),
        (Location("file_name", 1, ""), "marieke_ronde1.docx"),
        (Location("speaker", 1, ""), "Marieke"),
        (Location("code", 4, "Aanpak"), "Aanpak\nMarieke vertelt"),
        (Location("export_file", 0, ""), "Marieke transcripten"),
    ]

    def found(scope) -> tuple[int, tuple[str, ...], tuple[tuple[str, str], ...]]:  # type: ignore[no-untyped-def]
        (leak,) = find_leaks(texts, decisions, labels, scope)
        return leak.count, leak.places, leak.fields

    assert found(transcripts_scope([2])) == (2, ("docent1_ronde2",), (("export_file", ""),))
    assert found(transcripts_scope([1])) == (3, ("marieke_ronde1",), (("document_name", ""), ("export_file", "")))
    assert found(CODEBOOK) == (2, (), (("code", "Aanpak"), ("export_file", "")))
    assert found(transcripts_scope())[0] == 4
    assert find_leaks(texts, decisions, labels)[0].count == 8  # everything, by default
