"""A message kept as its catalogue key and values, to be worded later in any language.

An error raised deep in the core does not know who will read it: the CLI and
the log want English, the GUI the interface language. The raise site says
*what* went wrong as ``say("problem.empty")`` or
``say("problem.not_a", what=say("problem.what.docx"), reason=reason)``; the
error keeps that :class:`Said` and words it when asked (:meth:`Said.text`).
Values that are themselves :class:`Said` are worded in the same language;
any other value (a file name, a reason from the operating system or a
library) is shown as it comes.
"""

from __future__ import annotations

from typing import NamedTuple

from lobcoder.i18n import CATALOGUE, LANGUAGES, message


class Said(NamedTuple):
    """A catalogue key and the values for its placeholders."""

    key: str
    values: tuple[tuple[str, object], ...]

    def text(self, language: str = "en") -> str:
        """The message in ``language`` (``"en"`` or ``"nl"``), nested messages included."""
        return message(
            self.key,
            language if language in LANGUAGES else "en",
            **{name: _worded(value, language) for name, value in self.values},
        )

    def __str__(self) -> str:
        return self.text("en")


def say(key: str, /, **values: object) -> Said:
    """A message to word later; raises KeyError at once for a key the catalogue lacks."""
    if key not in CATALOGUE:
        raise KeyError(key)
    return Said(key, tuple(values.items()))


def _worded(value: object, language: str) -> object:
    return value.text(language) if isinstance(value, Said) else value
