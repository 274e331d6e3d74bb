"""Developer tool: extract, compile and check the interface translations.

Usage (from a source checkout, with the project's virtualenv; an installed lobcoder refuses)::

    python -m lobcoder.gui.translations_tool update   # source strings -> .ts files
    python -m lobcoder.gui.translations_tool release  # .ts files -> .qm files (shipped)
    python -m lobcoder.gui.translations_tool check    # list what is untranslated; exit 1 if any

The usual round after adding or changing strings in ``lobcoder/gui``:

1. ``update`` runs ``pyside6-lupdate`` over every ``.py`` file under
   ``lobcoder/gui`` (recursively) into the top-level ``resources/translations/lobcoder_nl.ts``
   and, with ``-pluralonly``, ``lobcoder_en.ts``. Existing translations are
   kept; new strings arrive marked unfinished. English plural forms of sources
   written as ``"%n segment(s)"`` or ``"%n match(es)"`` are filled in
   automatically, and so are the English words for Qt's own buttons
   (``standard_buttons.ENGLISH``: "Cancel" -> "&Cancel").
2. Translate the unfinished Dutch messages: in Qt Linguist
   (``pyside6-linguist resources/translations/lobcoder_nl.ts``) or in a text
   editor (write the text in ``<translation>`` and delete
   ``type="unfinished"``). Keep every ``{0}``/``%n`` placeholder and give
   menu texts an ``&`` shortcut. Use the project's vocabulary: code = code,
   coding = codering, memo = memo, participant = deelnemer, speaker = spreker,
   turn = beurt, import = importeren.
3. ``check`` lists what is still unfinished, placeholders that do not match,
   and strings lupdate could not place (see below); it exits 1 if anything is
   wrong, so CI can run it.
4. ``release`` compiles the ``.qm`` files. Commit the ``.ts`` and ``.qm``
   files together: the ``.qm`` files are what the application loads.

Strings are found only in the forms lupdate understands: ``self.tr("...")``
inside a class (the class name is the context), ``self.tr("%n file(s)", "",
n)`` for plurals, and ``QCoreApplication.translate("Context", "...")``. Do not
alias the function (``tr = QCoreApplication.translate``): lupdate then reads
the context as the text, and ``check`` reports those messages as misplaced.
Never build the text itself with an f-string; use ``.format()`` after
``tr()``.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lobcoder.util.shipped import checkout_folder

GUI_FOLDER = Path(__file__).resolve().parent
# The checkout's top-level resources/translations (a developer tool: it edits the source tree).
TRANSLATIONS = GUI_FOLDER.parents[1] / "resources" / "translations"
SOURCE_LANGUAGE = "en"
TARGET_LANGUAGES = ("nl",)

_PLACEHOLDER = re.compile(r"\{\d*\}|%n|%L?\d")
_ACCELERATOR = re.compile(r"&(?!&)\S")
_PLURAL_SUFFIX = re.compile(r"\((e?s)\)")


class ToolError(Exception):
    """A tool is missing or failed; the message says what to do."""


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"lobcoder_{language}.ts"


def qm_file(language: str) -> Path:
    return TRANSLATIONS / f"lobcoder_{language}.qm"


def find_tool(name: str) -> list[str]:
    """The command for ``pyside6-<name>``: next to Python, on PATH, or in PySide6's folder."""
    suffix = ".exe" if os.name == "nt" else ""
    scripts = Path(sys.executable).parent
    for candidate in (scripts / f"pyside6-{name}{suffix}", scripts / f"pyside6-{name}"):
        if candidate.is_file():
            return [str(candidate)]
    found = shutil.which(f"pyside6-{name}")
    if found:
        return [found]
    try:
        import PySide6
    except ImportError as exc:
        raise ToolError("PySide6 is not installed in this Python") from exc
    package = Path(PySide6.__file__).parent
    for candidate in (package / f"{name}{suffix}", package / "Qt" / "libexec" / f"{name}{suffix}"):
        if candidate.is_file():
            return [str(candidate)]
    raise ToolError(f"cannot find pyside6-{name}; install PySide6 (it ships the Linguist tools)")


def gui_sources() -> list[Path]:
    """Every Python file of the GUI package, in a stable order."""
    return sorted(p for p in GUI_FOLDER.rglob("*.py") if "__pycache__" not in p.parts)


def _run(command: Sequence[str]) -> str:
    result = subprocess.run(list(command), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise ToolError(f"{Path(command[0]).name} failed:\n{result.stdout}{result.stderr}")
    return result.stdout + result.stderr


def _lupdate(ts: Path, language: str, *extra: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        listing = Path(folder) / "sources.lst"
        listing.write_text("\n".join(str(p) for p in gui_sources()) + "\n", encoding="utf-8")
        command = [*find_tool("lupdate"), f"@{listing}", "-locations", "relative", "-no-obsolete"]
        command += ["-source-language", SOURCE_LANGUAGE, "-target-language", language, *extra, "-ts", str(ts)]
        return _run(command)


def english_plurals(source: str) -> tuple[str, str] | None:
    """``"%n file(s)"`` -> ``("%n file", "%n files")`` (also "(es)"); None without either."""
    if _PLURAL_SUFFIX.search(source) is None:
        return None
    return _PLURAL_SUFFIX.sub("", source), _PLURAL_SUFFIX.sub(r"\1", source)


def fill_english_plurals(ts: Path) -> int:
    """Fill the empty plural forms of an English .ts; returns how many messages changed."""
    tree = ET.parse(ts)
    changed = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        forms = translation.findall("numerusform") if translation is not None else []
        plurals = english_plurals(message.findtext("source") or "")
        if translation is None or len(forms) != 2 or plurals is None:
            continue
        # Fill empty forms, and finish forms lupdate copied from the same text elsewhere;
        # never touch forms someone wrote by hand.
        current = tuple(f.text or "" for f in forms)
        if current not in (("", ""), plurals) or (current == plurals and "type" not in translation.attrib):
            continue
        for form, text in zip(forms, plurals, strict=True):
            form.text = text
        translation.attrib.pop("type", None)
        changed += 1
    if changed:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return changed


def update() -> list[str]:
    """Extract the strings into the .ts files; returns lupdate's summary lines."""
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    report = []
    for language in TARGET_LANGUAGES:
        output = _lupdate(ts_file(language), language)
        report += [f"{ts_file(language).name}: {line.strip()}" for line in output.splitlines() if "Found" in line]
    english = ts_file(SOURCE_LANGUAGE)
    _lupdate(english, SOURCE_LANGUAGE, "-pluralonly")
    if fill_english_plurals(english):
        _lupdate(english, SOURCE_LANGUAGE, "-pluralonly")  # lupdate rewrites the file in its own layout
    add_english_words(english)  # after lupdate, which keeps only plurals in the English file
    return report


def add_english_words(ts: Path) -> None:
    """Append the English words for Qt's own buttons (with their Alt letters) to the English .ts."""
    from xml.sax.saxutils import escape

    from lobcoder.gui.standard_buttons import ENGLISH

    contexts: dict[str, list[str]] = {}
    for (context, source), words in ENGLISH.items():
        contexts.setdefault(context, []).append(
            f"    <message>\n        <source>{escape(source)}</source>\n"
            f"        <translation>{escape(words)}</translation>\n    </message>\n"
        )
    block = "".join(
        f"<context>\n    <name>{name}</name>\n{''.join(messages)}</context>\n" for name, messages in contexts.items()
    )
    text = ts.read_text(encoding="utf-8")
    ts.write_text(text.replace("</TS>", block + "</TS>", 1), encoding="utf-8")


def release(folder: Path = TRANSLATIONS, ts_files: Sequence[Path] | None = None) -> list[Path]:
    """Compile each .ts into a .qm in ``folder`` (the shipped folder by default)."""
    written = []
    for ts in ts_files or sorted(TRANSLATIONS.glob("lobcoder_*.ts")):
        qm = folder / ts.with_suffix(".qm").name
        _run([*find_tool("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)])
        written.append(qm)
    return written


@dataclass(frozen=True)
class Problem:
    context: str
    source: str
    issue: str

    def __str__(self) -> str:
        source = self.source if len(self.source) <= 70 else self.source[:67] + "..."
        return f"[{self.context or '?'}] {source!r}: {self.issue}"


def _placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def _message_problems(context: str, message: ET.Element) -> list[Problem]:
    source = message.findtext("source") or ""
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("obsolete", "vanished"):
        return []

    def problem(issue: str) -> Problem:
        return Problem(context, source, issue)

    if not context:
        text = message.findtext("comment") or source
        return [
            Problem(
                context,
                text,
                "lupdate read the call without a context, so it is never translated; "
                'call QCoreApplication.translate("Context", ...) directly, not through an alias',
            )
        ]
    plural = message.get("numerus") == "yes"
    texts = [f.text or "" for f in translation.findall("numerusform")] if plural else [translation.text or ""]
    if translation.get("type") == "unfinished" or not all(t.strip() for t in texts):
        return [problem("not translated yet" if not any(texts) else "translation unfinished")]
    found = []
    expected = [p for p in _placeholders(source) if p != "%n"] if plural else _placeholders(source)
    for text in texts:
        got = [p for p in _placeholders(text) if p != "%n"] if plural else _placeholders(text)
        if got != expected:
            found.append(problem(f"placeholders {got} do not match the source's {expected}"))
            break
    if _ACCELERATOR.search(source) and not all(_ACCELERATOR.search(t) for t in texts):
        found.append(problem("the source has an & shortcut, the translation has none"))
    return found


def check_ts(ts: Path) -> list[Problem]:
    """Everything in a target-language .ts that would show untranslated or wrong."""
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            problems += _message_problems(name, message)
    return problems


def stale_qm_files() -> list[Path]:
    """Shipped .qm files that differ from what ``release`` would compile now (or are missing)."""
    sources = sorted(TRANSLATIONS.glob("lobcoder_*.ts"))
    with tempfile.TemporaryDirectory() as folder:
        fresh = release(Path(folder), sources)
        return [
            qm_file(ts.stem.removeprefix("lobcoder_"))
            for ts, new in zip(sources, fresh, strict=True)
            if not qm_file(ts.stem.removeprefix("lobcoder_")).is_file()
            or not filecmp.cmp(new, qm_file(ts.stem.removeprefix("lobcoder_")), shallow=False)
        ]


def check() -> list[str]:
    """Problems as lines to print; empty when every target language is complete."""
    lines = []
    for language in TARGET_LANGUAGES:
        ts = ts_file(language)
        if not ts.is_file():
            lines.append(f"{ts.name}: missing; run 'update'")
            continue
        lines += [f"{ts.name}: {p}" for p in check_ts(ts)]
    lines += [f"{qm.name}: out of date with its .ts; run 'release'" for qm in stale_qm_files()]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m lobcoder.gui.translations_tool",
        description="Extract (update), compile (release) and check the interface translations.",
    )
    parser.add_argument("command", choices=["update", "release", "check"])
    args = parser.parse_args(argv)
    if checkout_folder() is None:  # installed: TRANSLATIONS would point into site-packages
        print(
            "translations_tool: error: it edits the .ts files of a source checkout; run it from one "
            "(PYTHONPATH=<checkout> or an editable install)",
            file=sys.stderr,
        )
        return 2
    try:
        if args.command == "update":
            for line in update():
                print(line)
            print("Now translate the unfinished messages, then run 'check' and 'release'.")
            return 0
        if args.command == "release":
            for qm in release():
                print(f"wrote {qm.relative_to(GUI_FOLDER.parent.parent)}")
            return 0
        problems = check()
    except ToolError as exc:
        print(f"translations_tool: error: {exc}", file=sys.stderr)
        return 2
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} problem(s).", file=sys.stderr)
        return 1
    print("All translations complete.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
