"""A few hundred seeded, mutated files of every format: refused in one line or read cleanly, never a traceback.

The mutator and the outcome check live in ``benchmarks/fuzz.py``, which runs
thousands of cases on purpose (figures in docs/BENCHMARKS.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import fuzz  # noqa: E402


def test_mutated_files_never_crash_an_importer(tmp_path: Path) -> None:
    crashes: list[str] = []
    outcomes = fuzz.fuzz(270, seed=15, folder=tmp_path, on_crash=lambda case, outcome: crashes.append(outcome))
    assert crashes == []
    formats = {fmt for fmt, _ in outcomes}
    assert formats == {".txt", ".md", ".html", ".rtf", ".vtt", ".srt", ".docx", ".odt", ".qdpx"}
    # The mutations are strong enough to be refused and mild enough to be read.
    assert outcomes[(".qdpx", "refused")] > 0 and outcomes[(".qdpx", "accepted")] > 0
    assert outcomes[(".docx", "refused")] > 0 and outcomes[(".docx", "accepted")] > 0


def test_a_control_character_in_a_file_is_read_cleanly(tmp_path: Path) -> None:
    # (A NUL makes a .txt look binary, so it is refused; .rtf NULs are tested in test_read_rtf.)
    case = tmp_path / "escape.txt"
    case.write_bytes(b"Anna: ja\x1b[0m nee, dat was een goed gesprek met mijn mentor over de stage.\x7f\n" * 20)
    assert fuzz.run_case(case, tmp_path) == "accepted"
