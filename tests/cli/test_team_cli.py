"""``lobcoder team copy`` and ``lobcoder team merge`` end to end on real project files."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from sqlalchemy import func, select

from lobcoder.__main__ import main
from lobcoder.storage.models import Coding, Document
from lobcoder.storage.project import ProjectStore
from tests.teamwork.helpers import WAVES, build_project, code_as


def run(*args: str | Path) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main([str(a) for a in args])
    return code, out.getvalue()


def count(path: Path, model: type) -> int:
    with ProjectStore.open(path) as store, store.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_copy_sample_then_merge_back(tmp_path: Path) -> None:
    build_project(tmp_path / "main.lobcoder").close()
    code, out = run(
        "team", "copy", tmp_path / "main.lobcoder", "--out", tmp_path / "ilse", "--sample", "50",
        "--stratify", "wave", "--seed", "3", "--qdpx",
    )  # fmt: skip
    assert code == 0, out
    assert "Wrote a blind copy to" in out and "2 documents, 4 codes" in out
    assert (tmp_path / "ilse.qdpx").is_file()
    assert count(tmp_path / "ilse.lobcoder", Document) == 2
    assert count(tmp_path / "ilse.lobcoder", Coding) == 0
    names = [line.strip() for line in out.splitlines() if line.startswith("  ")]
    with ProjectStore.open(tmp_path / "ilse.lobcoder") as copy:
        code_as(copy, "Ilse", names[0], "Keuze", "I:")
    before = count(tmp_path / "main.lobcoder", Coding)

    code, out = run("team", "merge", tmp_path / "main.lobcoder", tmp_path / "ilse.lobcoder", "--dry-run")
    assert code == 0 and "Codings: 1 to add, 0 already here, 0 left out" in out and "Dry run: nothing changed." in out
    assert count(tmp_path / "main.lobcoder", Coding) == before

    report = tmp_path / "merge.txt"
    code, out = run(
        "team", "merge", tmp_path / "main.lobcoder", tmp_path / "ilse.lobcoder", "--report", report,
        "--language", "nl",
    )  # fmt: skip
    assert code == 0 and "Coderingen: 1 toe te voegen" in out
    assert out.rstrip().endswith("Samengevoegd in main.lobcoder.") and "applied" not in out
    assert "Codeurs:" in report.read_text(encoding="utf-8")
    assert count(tmp_path / "main.lobcoder", Coding) == before + 1

    code, out = run("team", "merge", tmp_path / "main.lobcoder", tmp_path / "ilse.lobcoder", "--json")
    assert code == 0
    assert json.loads(out)["plan"]["codings"] == []  # merging twice adds nothing
    code, out = run("team", "merge", tmp_path / "main.lobcoder", tmp_path / "ilse.lobcoder", "--language", "nl")
    assert code == 0 and out.rstrip().endswith("Niets samen te voegen: alles staat al in main.lobcoder.")
    code, out = run(
        "team", "merge", tmp_path / "main.lobcoder", tmp_path / "ilse.lobcoder", "--dry-run", "--language", "nl"
    )  # fmt: skip
    assert code == 0 and out.rstrip().endswith("Proefdraai: er is niets veranderd.")


def test_copy_of_named_documents_with_codings_and_bad_names(tmp_path: Path) -> None:
    build_project(tmp_path / "main.lobcoder").close()
    code, out = run(
        "team", "copy", tmp_path / "main.lobcoder", "--out", tmp_path / "c.lobcoder",
        "--documents", "Interview 2", "--keep-codings",
    )  # fmt: skip
    assert code == 0 and "copy with codings" in out
    assert count(tmp_path / "c.lobcoder", Coding) == 2
    code, _ = run("team", "copy", tmp_path / "main.lobcoder", "--out", tmp_path / "d", "--documents", "Nope")
    assert code == 2 and not (tmp_path / "d.lobcoder").exists()


def test_a_stratified_sample_that_leaves_a_stratum_out_says_so(tmp_path: Path) -> None:
    build_project(tmp_path / "main.lobcoder").close()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["team", "copy", str(tmp_path / "main.lobcoder"), "--out", str(tmp_path / "one"),
                     "--sample", "25", "--stratify", "wave"])  # fmt: skip
    assert code == 0 and "1 document," in out.getvalue()
    with ProjectStore.open(tmp_path / "one.lobcoder") as copy, copy.read() as session:
        [name] = session.scalars(select(Document.name)).all()
    other = "2" if WAVES[name] == "1" else "1"
    assert f"a 25 % sample is 1 of 4 documents and has none with wave {other}:" in err.getvalue()
    err_50 = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err_50):
        main(["team", "copy", str(tmp_path / "main.lobcoder"), "--out", str(tmp_path / "two"), "--sample", "50",
              "--stratify", "wave"])  # fmt: skip
    assert "warning" not in err_50.getvalue()


def test_team_copy_speaks_the_language_asked_for(tmp_path: Path) -> None:
    """--language nl: the summary and the missed-strata warning in Dutch; without it, English as before."""
    build_project(tmp_path / "main.lobcoder").close()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["team", "copy", str(tmp_path / "main.lobcoder"), "--out", str(tmp_path / "een"),
                     "--sample", "25", "--stratify", "wave", "--qdpx", "--language", "nl"])  # fmt: skip
    assert code == 0
    assert f"Blinde kopie geschreven naar {tmp_path / 'een.lobcoder'}: 1 document, " in out.getvalue()
    assert f"Ook geschreven: {tmp_path / 'een.qdpx'}" in out.getvalue()
    assert "waarschuwing: een steekproef van 25 % is 1 van 4 documenten en heeft er geen met wave" in err.getvalue()
    assert "warning" not in err.getvalue() and "Wrote" not in out.getvalue()
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main(["team", "copy", str(tmp_path / "main.lobcoder"), "--out", str(tmp_path / "all"), "--keep-codings",
              "--language", "nl"])  # fmt: skip
    assert "Kopie met coderingen geschreven naar" in out.getvalue() and "4 documenten, " in out.getvalue()
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["team", "copy", str(tmp_path / "main.lobcoder"), "--out", str(tmp_path / "x"), "--stratify",
                     "wave", "--language", "nl"])  # fmt: skip
    assert code == 2 and err.getvalue() == "lobcoder: error: --stratify werkt alleen met --sample\n"
    code, english = run("team", "copy", tmp_path / "main.lobcoder", "--out", tmp_path / "en")
    assert code == 0 and english.startswith(f"Wrote a blind copy to {tmp_path / 'en.lobcoder'}: 4 documents, ")


def test_team_copy_words_a_sample_out_of_range_in_the_language_asked_for(tmp_path: Path) -> None:
    """--sample 150 is refused in one line (no traceback), in Dutch with --language nl; nothing is written."""
    build_project(tmp_path / "main.lobcoder").close()
    for language, words in (
        ("en", "the sample must be more than 0 and at most 100 %, not 150 %"),
        ("nl", "de steekproef moet meer dan 0 en hoogstens 100 % zijn, niet 150 %"),
    ):
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = main(["team", "copy", str(tmp_path / "main.lobcoder"), "--out", str(tmp_path / "x"),
                         "--sample", "150", "--language", language])  # fmt: skip
        assert code == 2 and err.getvalue() == f"lobcoder: error: {words}\n"
    assert not (tmp_path / "x.lobcoder").exists()
