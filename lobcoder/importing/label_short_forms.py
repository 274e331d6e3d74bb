"""Short forms in brackets that name a speaker ("Interviewer (I):", then "I:"), found before the labels are read."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lobcoder.importing.header_block import line_end
from lobcoder.importing.speaker_patterns import DEFAULT_LABEL


@dataclass
class ShortForms:
    """The short forms in brackets of a text ("Interviewer (I):"), found before its labels are read.

    ``names``: a short form and the names it was given to. One given to two
    names ("Anna (A):", "Ahmed (A):") names neither: a bare "A:" stays "A".
    ``used``: the short forms a bare label used (filled while labels are read).
    """

    names: dict[str, set[str]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def speaker(self, label: str) -> str:
        """The name a bare label's short form stands for, or the label itself (unknown or given twice)."""
        names = self.names.get(label)
        if names is None:
            return label
        self.used.add(label)
        return next(iter(names)) if len(names) == 1 else label

    def shared(self) -> Iterator[tuple[str, list[str]]]:
        """Each short form a bare label used that was given to two or more names, with those names sorted."""
        for form in sorted(self.used):
            if len(self.names[form]) > 1:
                yield form, sorted(self.names[form])

    def declared(self) -> frozenset[str]:
        """The names whose short form also labels a turn: a speaker even when the full name opens one turn."""
        return frozenset(name for form in self.used for name in self.names[form])


# A short form in brackets followed as in a label: a colon, a tab, a time, "**" or a dash ("(mbo) op" is prose).
_BRACKETED_FORM = re.compile(r"\([^\W\d_][^\W_]{0,4}\.?\)(?=[ \t]*[:\t\[(*]|[ ]+[-\u2013\u2014][ ])")


def short_forms(text: str) -> ShortForms:
    """A cheap pre-scan: the labels on the lines with a short form in brackets, so that a label used
    before its name is given ("I: Welkom." above "Interviewer (I):") names that speaker too."""
    forms = ShortForms()
    pos = 0
    while (found := _BRACKETED_FORM.search(text, pos)) is not None:
        line_start = text.rfind("\n", 0, found.start()) + 1
        m = DEFAULT_LABEL.match(text, line_start)
        if m is not None and m.group("alias") is not None:
            speaker, alias = " ".join(m.group("speaker").split()), m.group("alias")
            if alias[0].casefold() == speaker[0].casefold():
                forms.names.setdefault(alias, set()).add(speaker)
        pos = line_end(text, found.end()) + 1
    return forms
