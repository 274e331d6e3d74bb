"""Speaker detection on the generated corpora: every file read and its turns found as an import does; wrong files listed.

Two corpora, each for several seeds, written to a temporary folder:

- ``workflow_corpus.py`` (half scale by default): case notes must get no
  speaker; ``.docx``/``.txt`` interviews exactly ``Interviewer`` and
  ``Docent``/``Contactpersoon``; ``.vtt``/``.srt`` exactly their two display names.
- ``corpus.py`` (.docx): exactly ``I`` and the respondent's label (a first
  name or a numbered role, ``Anna``, ``Docent07``); and the same transcripts
  as .txt with the labels in other forms (``--forms``): ``Interviewer (I):``
  then ``I:``, and ``Anna – words`` (see :func:`form_cases`).

A file is *wrong* when the set of speakers of its turns differs from the
expected one. Exits with 1 when any file is wrong.

    python benchmarks/speaker_detection.py
    python benchmarks/speaker_detection.py --workflow-seeds 7,11 --corpus-seeds 42,7 --corpus-documents 120
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

import corpus
import workflow_corpus

from lobcoder.importing.file_preview import turns_of
from lobcoder.importing.readers import read_file
from lobcoder.importing.speakers import SpeakerPattern


def _speakers(path: Path) -> set[str]:
    return {turn.speaker or "" for turn in turns_of(read_file(path), SpeakerPattern())}


def _check(cases: Iterable[tuple[Path, set[str]]]) -> tuple[int, list[str]]:
    count, wrong = 0, []
    for path, expected in cases:
        count += 1
        found = _speakers(path)
        if found != expected:
            wrong.append(f"{path.name}: expected {sorted(expected)}, found {sorted(found)}")
    return count, wrong


def workflow_cases(folder: Path, seed: int, scale: float) -> list[tuple[Path, set[str]]]:
    sources = workflow_corpus.plan(seed, scale)
    paths = workflow_corpus.write(folder, sources)
    cases = []
    for source, path in zip(sources, paths, strict=True):
        if not source.respondent:
            expected: set[str] = set()
        elif path.suffix in (".vtt", ".srt"):
            expected = {source.interviewer, source.respondent}
        else:
            expected = {label for label, _ in source.turns}
        cases.append((path, expected))
    return cases


def corpus_cases(folder: Path, seed: int, documents: int, words: int) -> list[tuple[Path, set[str]]]:
    transcripts = corpus.generate(documents, words, seed)
    paths = corpus.write_corpus(folder, transcripts, "docx")
    return [(path, {"I", t.speaker}) for t, path in zip(transcripts, paths, strict=True)]


def form_cases(folder: Path, seed: int, documents: int, words: int, form: str) -> list[tuple[Path, set[str]]]:
    """``corpus.py``'s transcripts as .txt with other label forms.

    ``alias``: the first turn of each side ``Interviewer (I):`` and
    ``Anna (A):``, then ``I:`` and ``A:`` (expected: Interviewer and the
    respondent); ``dash``: ``I - words`` and ``Anna – words`` (hyphen for the
    interviewer, en dash for the respondent).
    """
    transcripts = corpus.generate(documents, words, seed)
    folder.mkdir(parents=True, exist_ok=True)
    cases = []
    for t in transcripts:
        short = t.speaker[0]
        lines = []
        seen: set[str] = set()
        for line in t.lines:
            label, speech = line.split(": ", 1)
            if form == "dash":
                lines.append(f"{label} {'-' if label == 'I' else '–'} {speech}")
                continue
            alias = "I" if label == "I" else short
            if label in seen:
                lines.append(f"{alias}: {speech}")
            else:
                seen.add(label)
                lines.append(f"{'Interviewer' if label == 'I' else label} ({alias}): {speech}")
        path = folder / f"{t.name}_{form}.txt"
        path.write_text("\n".join((t.title, *t.preamble)) + "\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
        cases.append((path, {"Interviewer" if form == "alias" else "I", t.speaker}))
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workflow-seeds", default="7,11")
    parser.add_argument("--scale", type=float, default=0.5, help="share of the workflow study (default 0.5)")
    parser.add_argument("--corpus-seeds", default="42,7")
    parser.add_argument("--corpus-documents", type=int, default=120)
    parser.add_argument("--corpus-words", type=int, default=2000)
    parser.add_argument("--forms", default="alias,dash", help="other label forms to check (alias, dash; '' for none)")
    args = parser.parse_args(argv)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="lobcoder-speakers-") as tmp:
        runs = [
            (f"workflow_corpus seed {seed}", lambda f, s=int(seed): workflow_cases(f, s, args.scale))
            for seed in args.workflow_seeds.split(",")
            if seed
        ]
        runs += [
            (
                f"corpus seed {seed}",
                lambda f, s=int(seed): corpus_cases(f, s, args.corpus_documents, args.corpus_words),
            )
            for seed in args.corpus_seeds.split(",")
            if seed
        ]
        runs += [
            (
                f"corpus seed {seed}, {form} labels",
                lambda f, s=int(seed), form=form: form_cases(f, s, args.corpus_documents, args.corpus_words, form),
            )
            for seed in args.corpus_seeds.split(",")
            if seed
            for form in args.forms.split(",")
            if form
        ]
        for number, (name, make) in enumerate(runs):
            folder = Path(tmp) / str(number)
            cases = make(folder)
            began = time.perf_counter()
            count, wrong = _check(cases)
            print(f"{name}: {count} files, {len(wrong)} wrong ({time.perf_counter() - began:.1f} s)", flush=True)
            for line in wrong[:20]:
                print("  " + line)
            failures += len(wrong)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
