"""Write the shareable research codebook files: ``python -m lobcoder.codebook.generate [OUTDIR]``.

For each language a REFI-QDA ``.qdc`` (for ATLAS.ti, MAXQDA, NVivo,
QualCoder), a Word ``.docx`` appendix and a Markdown ``.md``, plus a README
that lists them. Without OUTDIR the files go to ``codebooks/`` in the
source checkout. Output depends only on ``resources/codebook/lob_codebook.json`` and the
lobcoder version (in the ``.qdc`` origin), so regenerating an unchanged
codebook rewrites identical files.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from lobcoder.codebook.builtin import LANGUAGES, Language, load_builtin_codebook, load_builtin_info
from lobcoder.codebook.export_docx import export_codebook_docx
from lobcoder.codebook.export_markdown import export_codebook_markdown
from lobcoder.errors import LobcoderError
from lobcoder.refi.qdc import write_qdc
from lobcoder.storage.atomic_file import write_atomically

STEM = "lob_codebook"
KINDS = ("qdc", "docx", "md")
README = "README.md"


def default_outdir() -> Path | None:
    """``codebooks/`` beside ``pyproject.toml`` when running from a source checkout, else None."""
    root = Path(__file__).resolve().parents[2]
    return root / "codebooks" if (root / "pyproject.toml").is_file() else None


def file_name(language: Language, kind: str) -> str:
    return f"{STEM}_{language}.{kind}"


def readme_text() -> str:
    """The README listing the generated files; it changes only when the codebook does."""
    nl, en = load_builtin_info("nl"), load_builtin_info("en")
    count = load_builtin_codebook("nl").count()
    themes = ", ".join(code.name for code in load_builtin_codebook("en").codes)
    rows = {
        "qdc": "REFI-QDA codebook: import into ATLAS.ti, MAXQDA, NVivo, QualCoder or lobcoder (`lobcoder codebook import`)",
        "docx": "Word codebook for a thesis appendix: one table per theme",
        "md": "Markdown codebook: overview table and every code with all its fields",
    }
    lines = [
        "# The LOB research codebook",
        "",
        f"*{en.title}* / *{nl.title}*, version of {en.date.isoformat()}: {count} codes in four themes ({themes}).",
        "",
        en.description,
        "",
        "| file | language | what |",
        "|---|---|---|",
    ]
    for kind in KINDS:
        for language in LANGUAGES:
            label = "Dutch" if language == "nl" else "English"
            lines.append(f"| [`{file_name(language, kind)}`]({file_name(language, kind)}) | {label} | {rows[kind]} |")
    lines += [
        "",
        "Both languages give each code the same GUID, so projects coded with the Dutch and the English",
        "codebook can be compared and merged code by code. The English version keeps the Dutch keywords",
        "(the transcripts are Dutch) and adds English ones. In the `.qdc` files the definition, inclusion",
        "and exclusion criteria, examples and keywords are written as labelled paragraphs in each code's",
        "description, so other programs show them as text and lobcoder reads them back as fields.",
        "",
        "A new project can start with this codebook: File → New project from research codebook in the app, "
        "or `lobcoder new PROJECT --codebook nl` (or `en`) on the command line.",
        "",
        "These files are generated from `resources/codebook/lob_codebook.json`; do not edit them by hand.",
        "After changing the JSON, regenerate them with:",
        "",
        "```",
        "python -m lobcoder.codebook.generate",
        "```",
        "",
    ]
    return "\n".join(lines)


def generate(outdir: Path) -> list[Path]:
    """Write all codebook files into ``outdir`` (made if missing); the paths written."""
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for language in LANGUAGES:
        codebook = load_builtin_codebook(language)
        info = load_builtin_info(language)
        qdc, docx, md = (outdir / file_name(language, kind) for kind in KINDS)
        write_qdc(codebook, qdc, language=language)
        export_codebook_docx(codebook, docx, language=language, title=info.title, intro=info.description, day=info.date)
        export_codebook_markdown(
            codebook, md, language=language, title=info.title, intro=info.description, day=info.date
        )
        written += [qdc, docx, md]
    readme = outdir / README
    text = readme_text().encode("utf-8")
    write_atomically(readme, lambda stream: stream.write(text))
    written.append(readme)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lobcoder.codebook.generate", description=__doc__.splitlines()[0])
    parser.add_argument(
        "outdir", nargs="?", type=Path, help="where to write the files (default: codebooks/ in the checkout)"
    )
    args = parser.parse_args(argv)
    outdir = args.outdir or default_outdir()
    if outdir is None:
        parser.error("not running from a source checkout; give OUTDIR")
    try:
        written = generate(outdir)
    except (LobcoderError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
