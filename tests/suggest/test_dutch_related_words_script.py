"""benchmarks/dutch_related_words.py: the Dutch related-word table pivoted through English (issue 10, eighth pass)."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "dutch_related_words.py"
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _number(value: int) -> str:
    text = ""
    while True:
        text = DIGITS[value % 64] + text
        value //= 64
        if not value:
            return text


def _dictd(folder: Path, name: str, entries: dict[str, str]) -> None:
    """A dictd dictionary as Debian's FreeDict packages ship it (an index and a gzip-readable .dict.dz)."""
    body, index = b"", []
    for headword, translations in entries.items():
        entry = f"{headword} /x/\n{translations}\n".encode()
        index.append(f"{headword}\t{_number(len(body))}\t{_number(len(entry))}")
        body += entry
    (folder / f"freedict-{name}.index").write_text("\n".join(index) + "\n", encoding="utf-8")
    (folder / f"freedict-{name}.dict.dz").write_bytes(gzip.compress(body, mtime=0))


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True)


def test_dutch_words_sharing_an_english_translation_become_partners_and_the_table_is_the_same_twice(
    tmp_path: Path,
) -> None:
    # The ligature ĳ, as FreeDict writes it, is read as "ij"; "1." numbers senses.
    _dictd(tmp_path, "nld-eng", {"beraad": "1. deliberation, consideration", "overweging": "consideration"})
    _dictd(tmp_path, "eng-nld", {"deliberation": "beraadslaging", "meeting": "bĳeenkomst, vergadering"})
    first, second = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    for out in (first, second):
        done = _run("build", "beraad", "vergadering", "--dictd", tmp_path, "--out", out)
        assert done.returncode == 0, done.stderr
    assert "beraad -> beraadslaging 1.00, overweging 1.00" in done.stdout
    assert "vergadering -> bijeenkomst 1.00" in done.stdout
    assert first.read_bytes() == second.read_bytes()
    lines = gzip.decompress(first.read_bytes()).decode("utf-8").splitlines()
    assert "beraad\tberaadslaging:1\toverweging:1" in lines


def test_without_the_debian_files_it_says_which_are_missing_and_builds_nothing(tmp_path: Path) -> None:
    out = tmp_path / "table.tsv.gz"
    done = _run("build", "--dictd", tmp_path / "none", "--out", out)
    assert done.returncode == 2
    assert "freedict-nld-eng.index" in done.stderr and "dict-freedict-nld-eng" in done.stderr
    assert not out.exists()
