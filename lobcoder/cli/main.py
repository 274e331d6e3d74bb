"""Argument parsing and dispatch for the headless subcommands."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from lobcoder import __version__
from lobcoder.cli import documents, exchange, importing, project, report, suggest
from lobcoder.cli.output import error
from lobcoder.errors import LobcoderError

EXIT_OK = 0
EXIT_PARTIAL = 1  # the command ran, but some input was rejected (see its report)
EXIT_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lobcoder",
        description="Qualitative coding of interview transcripts. "
        "Without arguments lobcoder opens its window; with a subcommand it works headless.",
    )
    parser.add_argument("--version", action="version", version=f"lobcoder {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    project.register(commands)
    importing.register(commands)
    documents.register(commands)
    exchange.register(commands)
    report.register(commands)
    suggest.register(commands)
    return parser


def run_cli(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_ERROR
    try:
        return int(args.handler(args))
    except LobcoderError as exc:
        error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except BrokenPipeError:
        # Output piped into `head` and friends: stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    return run_cli(sys.argv[1:] if argv is None else argv)
