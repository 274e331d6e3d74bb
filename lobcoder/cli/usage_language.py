"""argparse's own messages (usage errors) in Dutch when a command runs with ``--language nl``.

argparse words its messages with ``gettext.gettext`` under the process's
current gettext domain and the locale of the environment, so a catalogue
installed the gettext way would have to change global state (the domain,
``LANGUAGE``). Instead, while the arguments are parsed, argparse's own two
lookups are pointed at a :class:`gettext.NullTranslations` that holds the
Dutch below, and put back afterwards: no .mo file to compile, no dependency.
Those two are argparse's private module names (``from gettext import gettext
as _, ngettext``; checked in the sources of Python 3.11, 3.13 and CPython's
main branch, 3.14+). A Python whose argparse lacks them is left untouched: its
messages stay English, nothing breaks.
The ``--language`` asked for is read from the raw arguments, since the
usage error to be worded may be the very reason they cannot be parsed.

Worded: the usage line and the errors a user can make on the command line.
Not worded: ``--help`` (the parsers, and with them their help texts and
section titles, are built before this applies; they stay English, as the
options' own help does) and the ``PROG: error:`` prefix, which stays as
lobcoder's own errors print it.
"""

from __future__ import annotations

import argparse
import gettext
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

# argparse's message (Python 3.11-3.13) -> Dutch; placeholders kept as argparse fills them in.
DUTCH: dict[str, str] = {
    "usage: ": "gebruik: ",
    "the following arguments are required: %s": "deze argumenten zijn verplicht: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde voor %(type)s: %(value)r",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht ten minste één waarde",
    "not allowed with argument %s": "niet toegestaan samen met %s",
    "one of the arguments %s is required": "een van de argumenten %s is verplicht",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "ignored explicit argument %r": "waarde %r genegeerd",
    "unexpected option string: %s": "onverwachte optie: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "onbekende opdracht %(parser_name)r (keuzes: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    # lobcoder's own addition to a usage error (cli/report.py)
    "(see %s --help)": "(zie %s --help)",
}
DUTCH_PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("expected %s argument", "expected %s arguments"): ("verwacht %s waarde", "verwacht %s waarden"),
}


class _Dutch(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return DUTCH.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        one, more = DUTCH_PLURALS.get((msgid1, msgid2), (msgid1, msgid2))
        return one if n == 1 else more


def language_asked(argv: Sequence[str]) -> str:
    """The value of ``--language`` (or an abbreviation argparse accepts, like ``--lang``) in ``argv``; "en" if none."""
    for number, arg in enumerate(argv):
        if arg == "--":
            break
        option, has_value, value = arg.partition("=")
        if len(option) < 4 or not "--language".startswith(option):  # argparse takes --la, --lang... as well
            continue
        if has_value:
            return value
        if number + 1 < len(argv):
            return argv[number + 1]
    return "en"


_LOOKUPS = ("_", "ngettext")  # argparse's module-level gettext lookups (private names)


def usage_words(text: str) -> str:
    """``text`` (a key of :data:`DUTCH`) in the language usage errors are being worded in (for a parser's own error)."""
    lookup = getattr(argparse, "_", None)
    return str(lookup(text)) if callable(lookup) else text


@contextmanager
def usage_messages_in(language: str) -> Iterator[None]:
    """While the block runs, argparse words its messages in ``language`` (Dutch or, otherwise, English).

    English too when this Python's argparse does not look its messages up by the names patched here.
    """
    saved = [getattr(argparse, name, None) for name in _LOOKUPS]
    if language != "nl" or not all(callable(lookup) for lookup in saved):
        yield
        return
    dutch = _Dutch()
    for name, lookup in zip(_LOOKUPS, (dutch.gettext, dutch.ngettext), strict=True):
        setattr(argparse, name, lookup)
    try:
        yield
    finally:
        for name, original in zip(_LOOKUPS, saved, strict=True):
            setattr(argparse, name, original)
