"""README.md's command lines against the command line's real parsers.

Every ``lobcoder ...`` line in README (code blocks and inline code) must name
commands and options that exist, every ``--option`` in its prose must be one of
some command, and every command and option must be named
somewhere in README, so a renamed option or a new one nobody documented fails
here rather than in a researcher's terminal.
"""

from __future__ import annotations

import argparse
import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest

from lobcoder.cli.main import build_parser
from lobcoder.gui.screenshot import build_parser as screenshot_parser

README = Path(__file__).resolve().parents[1] / "README.md"

# Options of `lobcoder` itself, outside argparse (lobcoder/__main__.py).
WINDOW_OPTIONS = {"--demo"}


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {option for action in parser._actions for option in action.option_strings}


def _cli() -> argparse.ArgumentParser:
    parser = build_parser()
    _subcommands(parser)  # make sure the subparsers exist
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            action.choices["screenshot"] = screenshot_parser()
    return parser


def _every_parser(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for name, sub in _subcommands(parser).items():
        yield from _every_parser(sub, (*path, name))


def readme_command_lines(text: str) -> list[list[str]]:
    """The words after ``lobcoder`` of each command line README shows (Windows blocks left out)."""
    lines: list[str] = []
    for language, body in re.findall(r"```(\w*)\n(.*?)```", text, flags=re.S):
        if language != "bat":
            lines += body.replace("\\\n", " ").splitlines()
    prose = re.sub(r"```.*?```", "", text, flags=re.S)
    lines += [" ".join(span.split()) for span in re.findall(r"`([^`]+)`", prose)]
    commands = []
    for line in lines:
        try:
            words = shlex.split(line, comments=True)
        except ValueError:  # an unbalanced quote in prose: not a command line
            continue
        while words:
            if words[0] in ("lobcoder", ".venv/bin/lobcoder"):
                rest = words[1:]
                end = rest.index("&&") if "&&" in rest else len(rest)
                commands.append([word.strip("[]") for word in rest[:end]])
                words = rest[end:]
            else:
                words = words[1:]
    return commands


def command_problems(words: list[str], cli: argparse.ArgumentParser) -> list[str]:
    """What in ``lobcoder WORDS`` the parsers do not know (empty when all is known)."""
    problems = []
    parser, path = cli, ["lobcoder"]
    choosing = True  # the next plain word names a subcommand
    for word in words:
        if word.startswith("--"):
            option = word.split("=", 1)[0]
            if option not in _options(parser) and not (path == ["lobcoder"] and option in WINDOW_OPTIONS):
                problems.append(f"{' '.join(path)}: no option {option}")
            continue
        commands = _subcommands(parser)
        if not choosing or not commands or word.startswith("-"):
            continue
        if path == ["lobcoder"] and word.endswith(".lobcoder") or word.isupper():
            break  # `lobcoder PROJECT.lobcoder` opens the window; `lobcoder COMMAND --help` is a pattern
        names = word.split("|")  # `backup list|create|restore`
        unknown = [name for name in names if name not in commands]
        if unknown:
            problems.append(f"{' '.join(path)}: no command {', '.join(unknown)}")
            break
        parser, path = commands[names[0]], [*path, names[0]]
        choosing = bool(_subcommands(parser))
    return problems


def test_readme_shows_lobcoder_commands() -> None:
    # Guards the parsing below: a README that the extraction misses would pass every check.
    commands = readme_command_lines(README.read_text(encoding="utf-8"))
    named = {words[0] for words in commands if words}
    assert {"new", "import", "report", "agreement", "team", "pseudonymise", "backup", "screenshot"} <= named
    assert len(commands) > 60


@pytest.mark.parametrize(
    "words",
    readme_command_lines(README.read_text(encoding="utf-8")),
    ids=lambda words: " ".join(words)[:60],
)
def test_readme_command_exists(words: list[str]) -> None:
    assert command_problems(words, _cli()) == []


def test_a_wrong_option_or_command_is_caught() -> None:
    cli = _cli()
    text = "```sh\nlobcoder report quotes P.lobcoder --per-code 3 --pick-by spread\n```\n`lobcoder team split P`\n"
    found = [command_problems(words, cli) for words in readme_command_lines(text)]
    assert found == [["lobcoder report quotes: no option --pick-by"], ["lobcoder team: no command split"]]


def test_every_command_and_option_is_in_readme() -> None:
    text = README.read_text(encoding="utf-8")
    missing = []
    for path, parser in _every_parser(_cli()):
        if path and not re.search(rf"(?<![\w-]){re.escape(path[-1])}(?![\w-])", text):
            missing.append(" ".join(path))
        for option in sorted(_options(parser) - {"-h", "--help"}):
            if not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text):
                missing.append(f"{' '.join(('lobcoder', *path))} {option}")
    assert missing == []


def test_every_option_readme_names_exists() -> None:
    # Options in prose ("Report options shared by all four tables: `--filter ATTR=VALUE` ...") name no command.
    known = set().union(*(_options(parser) for _path, parser in _every_parser(_cli()))) | WINDOW_OPTIONS
    named = set(re.findall(r"(?<![\w-])--[a-z][\w-]*", README.read_text(encoding="utf-8")))
    assert sorted(named - known) == []
