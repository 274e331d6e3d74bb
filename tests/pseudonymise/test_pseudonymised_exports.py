"""Exports that apply the stored decisions: transcripts, reports and .qdpx with none of the accepted originals."""

from __future__ import annotations

import hashlib
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from sqlalchemy import select

from lobcoder.__main__ import main
from lobcoder.errors import Cancelled
from lobcoder.pseudonymise.apply import apply_pseudonyms
from lobcoder.pseudonymise.categories import Category
from lobcoder.pseudonymise.decisions import load_decisions, save_decisions
from lobcoder.pseudonymise.export_copy import NoAcceptedDecisions, pseudonymised_copy, write_export
from lobcoder.pseudonymise.termlist import Decision
from lobcoder.refi.qdpx_export import export_qdpx
from lobcoder.refi.qdpx_import import import_qdpx
from lobcoder.reports.transcripts import export_transcripts
from lobcoder.storage.models import Code, Coding, Document
from lobcoder.storage.project import ProjectStore

ORIGINALS = ("Marieke", "Joost", "Samira", "Ruud", "Annelies", "ROC Veenstroom", "Meerwijk", "Karin")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([document.core_properties.title or "", *(p.text for p in document.paragraphs), *cells])


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if "pseudo-export" in p.name]


def test_pseudonymised_transcripts_hold_no_accepted_original(decided: Path, tmp_path: Path) -> None:
    before = sha256(decided)
    with ProjectStore.open(decided) as store:
        plain = export_transcripts(store, tmp_path / "plain", "txt")
        with pseudonymised_copy(store) as copy:
            assert copy.label("ROC Veenstroom") == "School A"
            words = export_transcripts(copy.store, tmp_path / "word", "docx", language="nl")
            texts = export_transcripts(copy.store, tmp_path / "text", "txt")
    assert sha256(decided) == before and leftovers(decided.parent) == []
    assert len(words) == len(texts) == len(plain) == 6
    original = "\n".join(p.read_text("utf-8") for p in plain)
    assert all(name in original for name in ORIGINALS)  # the check below can fail
    for exported in ("\n".join(docx_text(p) for p in words), "\n".join(p.read_text("utf-8") for p in texts)):
        assert not [name for name in ORIGINALS if name != "Joost" and name in exported]
        assert "Docent 1" in exported and "School A" in exported and "[datum]" in exported
        assert "Joost" in exported  # rejected decisions are not applied
    assert not any("Marieke" in p.name for p in words)
    # Speaker labels are bold in Word: the pseudonym of the label, not the original.
    bold = {r.text for p in words for par in docx.Document(str(p)).paragraphs for r in par.runs if r.bold}
    assert any(label.startswith("Docent 1") for label in bold)


def test_pseudonymised_qdpx_round_trip_keeps_codings_on_the_pseudonymised_passages(
    decided: Path, tmp_path: Path
) -> None:
    before = sha256(decided)
    qdpx = tmp_path / "shared.qdpx"
    with ProjectStore.open(decided) as store:
        with pseudonymised_copy(store) as copy:
            export_qdpx(copy.store, qdpx)
        reference = tmp_path / "pseudo.lobcoder"
        with store.read() as session:
            decisions = load_decisions(session)
        apply_pseudonyms(store, decisions, reference, tmp_path / "key.json")
    assert sha256(decided) == before and leftovers(decided.parent) == []
    with zipfile.ZipFile(qdpx) as archive:
        content = b"".join(archive.read(name) for name in archive.namelist()).decode("utf-8", "replace")
    assert not [name for name in ORIGINALS if name != "Joost" and name in content]
    imported = tmp_path / "imported.lobcoder"
    import_qdpx(qdpx, imported)

    def coded(path: Path) -> Counter[tuple[str, str, str]]:
        with ProjectStore.open(path) as project, project.read() as session:
            rows = session.execute(
                select(Document.name, Code.name, Document.text, Coding.start, Coding.end)
                .join(Coding, Coding.document_id == Document.id)
                .join(Code, Code.id == Coding.code_id)
            )
            return Counter((doc, code, text[start:end]) for doc, code, text, start, end in rows)

    expected = coded(reference)
    assert len(expected) > 50
    assert coded(imported) == expected
    pseudonyms = {d.pseudonym for d in decisions if d.accepted}
    assert any(p in passage for _doc, _code, passage in expected for p in pseudonyms)  # some codings held names


def test_cli_reports_and_project_export_with_pseudonymise(
    decided: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quotes, pseudo_quotes = tmp_path / "quotes.docx", tmp_path / "quotes-pseudo.docx"
    assert main(["report", "quotes", str(decided), "--out", str(quotes), "--language", "nl"]) == 0
    assert main(["report", "quotes", str(decided), "--out", str(pseudo_quotes), "--pseudonymise"]) == 0
    assert "Marieke" in docx_text(quotes) and "gepseudonimiseerd" not in docx_text(quotes)
    text = docx_text(pseudo_quotes)
    assert not [name for name in ORIGINALS if name != "Joost" and name in text] and "Docent 1" in text
    assert "Names and other personal data are pseudonymised." in text
    # A filter names the value as the researcher knows it; the report shows only its pseudonym.
    table = tmp_path / "table.docx"
    args = ["report", "frequencies", str(decided), "--filter", "school=ROC Veenstroom", "--by-document"]
    assert main([*args, "--out", str(table), "--pseudonymise"]) == 0
    text = docx_text(table)
    assert "School A" in text and "Veenstroom" not in text and "Marieke" not in text
    assert "personal data are pseudonymised" in text
    assert main(["transcripts", str(decided), "--out", str(tmp_path / "t"), "--format", "txt", "--pseudonymise"]) == 0
    assert main(["project", "export", str(decided), "--out", str(tmp_path / "p.qdpx"), "--pseudonymise"]) == 0
    assert "Pseudonymised with 9 accepted decisions" in capsys.readouterr().err
    assert leftovers(decided.parent) == []


def test_without_accepted_decisions_nothing_is_written(demo_copy: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "p.qdpx"
    assert main(["project", "export", str(demo_copy), "--out", str(out), "--pseudonymise"]) == 2
    assert "no accepted pseudonymisation decisions" in capsys.readouterr().err
    assert not out.exists()
    with ProjectStore.open(demo_copy) as store, pytest.raises(NoAcceptedDecisions):
        with pseudonymised_copy(store, [Decision("Marieke", Category.PERSON, "Docent 1", accepted=False)]):
            pass


def test_a_cancelled_copy_leaves_nothing_behind(decided: Path) -> None:
    with ProjectStore.open(decided) as store, pytest.raises(Cancelled):
        with pseudonymised_copy(store, cancelled=lambda: True):
            pass
    assert leftovers(decided.parent) == []


def test_write_export_reads_the_project_or_a_copy_that_never_outlives_the_writer(decided: Path) -> None:
    def names(store: ProjectStore, **progress: object) -> tuple[Path, set[str]]:
        with store.read() as session:
            return store.path, {text for (text,) in session.execute(select(Document.text))}

    with ProjectStore.open(decided) as store:
        path, plain = write_export(store, False, decided.parent, names)
        assert path == decided and leftovers(decided.parent) == []
        path, pseudo = write_export(store, True, decided.parent, names)
        assert path != decided and "pseudo-export" in path.name and not path.exists()
        assert any("Marieke" in t for t in plain) and not any("Marieke" in t for t in pseudo)

        def fails(store: ProjectStore, **progress: object) -> None:
            assert leftovers(decided.parent) != []
            raise OSError("disk full")

        with pytest.raises(OSError, match="disk full"):
            write_export(store, True, decided.parent, fails)
    assert leftovers(decided.parent) == []


def test_codebook_export_with_pseudonymise_replaces_in_definitions(decided: Path, tmp_path: Path) -> None:
    with ProjectStore.open(decided) as store, store.transaction() as session:
        save_decisions(session, [Decision("workshops", Category.OTHER, "[bijeenkomsten]")])
    plain, pseudo = tmp_path / "codeboek.docx", tmp_path / "codeboek-pseudo.docx"
    assert main(["codebook", "export", str(decided), "--out", str(plain), "--language", "nl"]) == 0
    assert main(["codebook", "export", str(decided), "--out", str(pseudo), "--pseudonymise"]) == 0
    assert "workshops" in docx_text(plain)
    text = docx_text(pseudo)
    assert "workshops" not in text and "[bijeenkomsten]" in text


def test_transcripts_never_overwrite_a_file(decided: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "bronnen"
    folder.mkdir()
    source = folder / "docent1_marieke_ronde1.txt"
    source.write_text("het bronbestand", "utf-8")
    assert main(["transcripts", str(decided), "--out", str(folder), "--format", "txt"]) == 2
    assert "docent1_marieke_ronde1.txt: already exists" in capsys.readouterr().err
    assert source.read_text("utf-8") == "het bronbestand" and len(list(folder.iterdir())) == 1


def test_quotes_as_json_name_the_pseudonymisation_once(
    decided: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "quotes.json"
    assert main(["report", "quotes", str(decided), "--out", str(out), "--pseudonymise"]) == 0
    assert out.read_text(encoding="utf-8").count("Names and other personal data are pseudonymised.") == 1
