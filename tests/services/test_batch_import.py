"""Batch import: a report per file, progress, cancel, duplicates, all-or-nothing files."""

from __future__ import annotations

from pathlib import Path

import docx
from sqlalchemy import text as sql

from lobcoder.search.fulltext import search
from lobcoder.services.batch_import import collect_files, import_files
from lobcoder.services.documents import get_document, list_documents, list_speakers, project_info
from lobcoder.storage.project import ProjectStore


def _write_transcripts(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"Docent{n:02d}_w1.txt"
        path.write_text(
            f"I: Vraag {n}?\nDocent{n:02d}: Antwoord {n} over coördinatie.\nI: Dank u.\nDocent{n:02d}: Graag.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def test_folders_are_expanded_to_supported_files_skipping_hidden_and_lock_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _write_transcripts(folder, 2)
    (folder / "sub").mkdir()
    (folder / "sub" / "Extra.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n", encoding="utf-8")
    (folder / "~$Docent00_w1.docx").write_bytes(b"lock")
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    (folder / "audio.mp3").write_bytes(b"ID3")
    explicit = tmp_path / "notes.xyz"
    explicit.write_text("x", encoding="utf-8")
    names = [p.name for p in collect_files([folder, explicit])]
    assert names == ["Docent00_w1.txt", "Docent01_w1.txt", "Extra.vtt", "notes.xyz"]


def test_progress_is_reported_for_every_file(store: ProjectStore, tmp_path: Path) -> None:
    paths = _write_transcripts(tmp_path / "in", 3)
    seen: list[tuple[int, int, str]] = []
    report = import_files(store, [tmp_path / "in"], progress=lambda d, t, f: seen.append((d, t, f)))
    assert [r.status for r in report.results] == ["imported"] * 3
    assert seen == [(0, 3, str(paths[0])), (1, 3, str(paths[1])), (2, 3, str(paths[2])), (3, 3, "")]


def test_cancelling_keeps_finished_files_and_lists_the_rest(store: ProjectStore, tmp_path: Path) -> None:
    paths = _write_transcripts(tmp_path / "in", 4)
    calls = {"n": 0}

    def cancel_after_two() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    report = import_files(store, paths, cancelled=cancel_after_two)
    assert report.cancelled
    assert [r.document for r in report.imported] == ["Docent00_w1", "Docent01_w1"]
    assert report.not_started == (str(paths[2]), str(paths[3]))
    with store.read() as session:
        assert [d.name for d in list_documents(session)] == ["Docent00_w1", "Docent01_w1"]


def test_one_bad_file_is_reported_and_the_others_import(store: ProjectStore, tmp_path: Path) -> None:
    paths = _write_transcripts(tmp_path / "in", 2)
    broken = tmp_path / "in" / "Kapot.docx"
    broken.write_bytes(b"PK\x03\x04garbage")
    empty = tmp_path / "in" / "Leeg.txt"
    empty.write_bytes(b"")
    report = import_files(store, [tmp_path / "in"])
    failed = {Path(r.path).name: r.message for r in report.failed}
    assert set(failed) == {"Kapot.docx", "Leeg.txt"}
    assert "is not a Word document (.docx), or it is damaged" in failed["Kapot.docx"]
    assert failed["Leeg.txt"] == "is empty"
    assert len(report.imported) == len(paths)


def test_duplicates_by_content_are_skipped_even_under_another_name(store: ProjectStore, tmp_path: Path) -> None:
    original = tmp_path / "Docent01_w1.docx"
    document = docx.Document()
    document.add_paragraph("I: Hoe gaat het?")
    document.add_paragraph("Anna: Goed, dank je. 😀")
    document.save(original)
    copy = tmp_path / "kopie.txt"
    copy.write_text("I: Hoe gaat het?\r\nAnna: Goed, dank je. 😀", encoding="utf-8-sig")
    report = import_files(store, [original, copy])
    assert [r.status for r in report.results] == ["imported", "duplicate"]
    assert report.duplicates[0].message == "same text as document 'Docent01_w1'"


def test_same_name_from_two_folders_gets_a_distinct_name(store: ProjectStore, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "Interview.txt").write_text("Eerste tekst.", encoding="utf-8")
    (tmp_path / "b" / "Interview.txt").write_text("Tweede tekst.", encoding="utf-8")
    report = import_files(store, [tmp_path / "a", tmp_path / "b"])
    assert [r.document for r in report.imported] == ["Interview", "Interview (2)"]


_FAIL_SECOND_SQLITE = (
    "CREATE TRIGGER fail_second BEFORE INSERT ON speaker_turns "
    "WHEN (SELECT name FROM documents WHERE id = NEW.document_id) = 'Docent01_w1' "
    "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
)
_FAIL_SECOND_SERVER = (
    "CREATE FUNCTION fail_second() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF (SELECT name FROM documents WHERE id = NEW.document_id) = 'Docent01_w1' THEN RAISE EXCEPTION 'disk full'; "
    "END IF; RETURN NEW; END $$",
    "CREATE TRIGGER fail_second BEFORE INSERT ON speaker_turns FOR EACH ROW EXECUTE FUNCTION fail_second()",
)


def test_a_failure_while_storing_a_file_leaves_no_trace_of_it(store: ProjectStore, tmp_path: Path) -> None:
    paths = _write_transcripts(tmp_path / "in", 3)
    # A real database-level failure halfway through storing the second file:
    # its document row is inserted, then inserting its turns fails.
    on_file = store.engine.dialect.name == "sqlite"
    with store.transaction() as session:
        for statement in (_FAIL_SECOND_SQLITE,) if on_file else _FAIL_SECOND_SERVER:
            session.execute(sql(statement))
    try:
        report = import_files(store, paths)
    finally:
        with store.transaction() as session:  # a server database outlives the test
            session.execute(sql("DROP TRIGGER fail_second" + ("" if on_file else " ON speaker_turns")))
            if not on_file:
                session.execute(sql("DROP FUNCTION fail_second()"))
    assert [r.status for r in report.results] == ["imported", "failed", "imported"]
    message = report.failed[0].message
    assert message is not None and "disk full" in message and "\n" not in message  # one line on both
    with store.read() as session:
        assert [d.name for d in list_documents(session)] == ["Docent00_w1", "Docent02_w1"]
        assert project_info(session).turns == 8
        assert {h.document_name for h in search(session, "coordinatie").hits} == {"Docent00_w1", "Docent02_w1"}
        assert session.execute(sql("SELECT count(*) FROM document_fts")).scalar() == 2


def test_imported_turns_point_at_the_speech(store: ProjectStore, tmp_path: Path) -> None:
    paths = _write_transcripts(tmp_path / "in", 1)
    import_files(store, paths)
    with store.read() as session:
        view = get_document(session, "Docent00_w1")
    speech = [view.text[t.start : t.end] for t in view.turns]
    assert speech == ["Vraag 0?", "Antwoord 0 over coördinatie.", "Dank u.", "Graag."]
    assert [t.is_interviewer for t in view.turns] == [True, False, True, False]


def test_the_report_names_the_speakers_stored_and_a_blank_label_names_none(store: ProjectStore, tmp_path: Path) -> None:
    # A subtitle cue "[ ]: ..." names no speaker (it once gave one named "", reported as "speakers: , Anna"):
    # neither stored nor reported.
    path = tmp_path / "Blank.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\n[ ]: hallo daar\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\n[Anna]: goedemorgen\n\n"
        "3\n00:00:05,000 --> 00:00:06,000\nzonder spreker\n\n",
        encoding="utf-8",
    )
    (result,) = import_files(store, [path]).results
    with store.read() as session:
        stored = [s.name for s in list_speakers(session)]
    assert result.status == "imported"
    assert result.speakers == ("Anna",) and stored == ["Anna"]
