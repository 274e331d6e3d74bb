"""The option groups ``lobcoder report`` kinds share: which documents and codings count, and where the table goes."""

from __future__ import annotations

import argparse
from pathlib import Path

from lobcoder.cli.pseudonymised import add_flag

FORMATS = ("docx", "xlsx", "csv", "json")
Group = argparse._ArgumentGroup


def add_filter_options(cmd: argparse.ArgumentParser, *, coder_help: str, interviewer_help: str) -> Group:
    """The "filter" group with ``--filter``, ``--coder`` and ``--exclude-interviewer``; the kind adds its code options.

    The help of ``--coder`` and ``--exclude-interviewer`` is the kind's own: a
    code report leaves out codings, ``report words`` leaves out text.
    """
    group = cmd.add_argument_group("filter")
    group.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="ATTR=VALUE",
        help="only documents with this attribute value; repeat for more values (one attribute: any of them)",
    )
    group.add_argument("--coder", action="append", metavar="NAME", help=coder_help)
    group.add_argument("--exclude-interviewer", action="store_true", help=interviewer_help)
    return group


def add_rollup(container: argparse.ArgumentParser | Group, *, default: bool, help_text: str) -> None:
    """``--rollup`` / ``--no-rollup``: a code with its sub-codes."""
    container.add_argument("--rollup", action=argparse.BooleanOptionalAction, default=default, help=help_text)


def add_output_options(cmd: argparse.ArgumentParser, *, chart: bool) -> Group:
    """The "output" group: ``--format``, ``--out``, ``--language``, ``--chart`` if the kind draws one, ``--pseudonymise``."""
    output = cmd.add_argument_group("output")
    output.add_argument("--format", choices=FORMATS, help="docx, xlsx, csv or json (default: from --out, else text)")
    output.add_argument("--out", type=Path, metavar="FILE", help="write the table to this file")
    output.add_argument("--language", choices=("en", "nl"), default="en", help="numbers and words in files and text")
    if chart:
        output.add_argument("--chart", action="store_true", help="Word: add a bar chart under a frequency table")
    else:
        cmd.set_defaults(chart=False)
    add_flag(output)
    return output


def positive(text: str) -> int:
    """A whole number of 1 or more (an argparse ``type``)."""
    value = count(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def count(text: str) -> int:
    """A whole number of 0 or more (an argparse ``type``)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value
