"""Argument parsing and dispatch for the headless subcommands.

Subcommand modules import the heavy layers (SQLAlchemy, numpy, analysis,
reports), so they are imported only when their command runs: the top-level
parser lists every command from :data:`COMMANDS` with a one-line help, and
the chosen command's module then registers its real parser. ``--version`` and
``--help`` import none of them. To add a command: a module with
``register(commands)`` and a line per command name in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from lobcoder import __version__
from lobcoder.cli.output import error
from lobcoder.cli.usage_language import language_asked, usage_messages_in
from lobcoder.errors import LobcoderError

EXIT_OK = 0
EXIT_PARTIAL = 1  # the command ran, but some input was rejected (see its report)
EXIT_ERROR = 2

# command -> (module in lobcoder.cli that registers it, help shown in `lobcoder --help`)
COMMANDS: dict[str, tuple[str, str]] = {
    "new": ("project", "create an empty project file"),
    "info": ("project", "counts of documents, turns, codes and codings"),
    "import": ("importing", "import transcripts (files or folders) and/or an attribute sheet"),
    "search": ("documents", "full-text search with keyword-in-context results"),
    "show": ("documents", "a document's text with its speaker turns"),
    "participants": ("documents", "participants with their documents and attributes"),
    "speakers": ("documents", "list speakers; rename, merge, mark interviewers, code their turns"),
    "documents": ("document_removal", "rename a document, or remove documents (after a backup)"),
    "codebook": ("exchange", "export or import a codebook (.qdc, .docx, .md)"),
    "project": ("exchange", "export or import a whole project (.qdpx)"),
    "report": ("report", "code frequencies, co-occurrence, crosstabs, quotes and word frequencies"),
    "suggest": ("suggest", "suggest codes for a document's sentences and turns"),
    "evaluate-suggestions": ("suggest", "cross-validated precision/recall/F1 of suggestions on your codings"),
    "nlp-info": ("suggest", "which Dutch language pipeline is active, and how to get a better one"),
    "team": ("team", "copy the project for a second coder, or merge a coder's copy back"),
    "pseudonymise": ("pseudonymise", "find personal data and write a pseudonymised copy with codings kept"),
    "transcripts": ("transcripts", "write the transcripts as .docx or .txt files (optionally pseudonymised)"),
    "agreement": ("agreement", "inter-coder agreement per code (kappa, alpha, AC1) between coders"),
    "backup": ("backup", "list, make or restore the project's automatic backups"),
}

WINDOW_HELP = """the window:
  lobcoder                      open the window (File -> New project / Open project)
  lobcoder PROJECT.lobcoder     open a project
  lobcoder --demo               open the demo project, created on first use in your data folder
                                (Linux ~/.local/share/lobcoder, macOS ~/Library/Application Support/lobcoder,
                                Windows %APPDATA%\\lobcoder)
  lobcoder screenshot PROJECT --out window.png
                                render the window offscreen to a PNG (see lobcoder screenshot --help)
"""


def _register(commands: argparse._SubParsersAction, module: str) -> None:
    importlib.import_module(f"lobcoder.cli.{module}").register(commands)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; the module of ``command`` registers its real arguments, other commands stay listed.

    Without ``command`` every module is imported and registered (for tests and docs).
    """
    parser = argparse.ArgumentParser(
        prog="lobcoder",
        description="Qualitative coding of interview transcripts. "
        "Without arguments lobcoder opens its window; with a subcommand it works headless.",
        epilog=WINDOW_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"lobcoder {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    if command is None:
        for module in dict.fromkeys(module for module, _help in COMMANDS.values()):
            _register(commands, module)
        return parser
    if command in COMMANDS:
        _register(commands, COMMANDS[command][0])
    for name, (_module, help_text) in COMMANDS.items():
        if name not in commands.choices:
            commands.add_parser(name, help=help_text)
    return parser


def _command_of(argv: Sequence[str]) -> str:
    """The subcommand named in ``argv`` (the first word that is not an option), or ''."""
    return next((arg for arg in argv if not arg.startswith("-")), "")


def run_cli(argv: Sequence[str]) -> int:
    command = _command_of(argv)
    parser = build_parser(command)
    # A usage error of `... --language nl` is worded in Dutch (transcripts: --language is the proofing language).
    with usage_messages_in("en" if command == "transcripts" else language_asked(argv)):
        args = parser.parse_args(list(argv))
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_ERROR
    try:
        return int(args.handler(args))
    except LobcoderError as exc:
        error(exc.text(getattr(args, "language", "en")))  # a command with --language words its errors in it
        return EXIT_ERROR
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except BrokenPipeError:
        # Output piped into `head` and friends: stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        from lobcoder.storage.failures import explain  # here, not at the top: --version stays fast

        # The error boundary: trouble with files (read-only, disk full, damaged,
        # locked, a broken archive) gets one line; only a bug shows a traceback.
        problem = explain(exc, getattr(args, "project", None) or getattr(args, "out", None))
        if problem is None:
            raise
        error(problem.text(getattr(args, "language", "en")))
        return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    return run_cli(sys.argv[1:] if argv is None else argv)
