"""Names in a pseudonymised copy that are not found by the terms: coders, and document and file names.

Coders are colleagues a reader could recognise, so every coder becomes
``Coder <n>`` (Dutch ``Codeur <n>``), numbered in the order they joined the
project: the same person has the same number in every table, quote and
.qdpx user of one export. The key file holds the mapping.

A document name is usually built like a file name (``docent1_marieke_ronde1``);
splicing the pseudonym in verbatim gave ``docent1_Docent 1_ronde1``. Here the
pseudonym takes the name's spelling (``_`` for spaces, lower case where the
original was), and is left out where the name already says it
(``docent1_marieke_ronde1`` -> ``docent1_ronde1``). A name that would still
hold an accepted term (``MariekeJansen_r1``: no word boundary, so no match)
becomes the neutral ``Document <n>``; the key file says which it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.i18n import message
from lobcoder.pseudonymise.remap import Remapper, Replacement
from lobcoder.storage.models import Coder

_SEPARATORS = "_-."
_MIN_HIDDEN = 3  # shorter terms (``Bo``) are too common inside other words to be looked for there


def coder_pseudonyms(session: Session, language: str = "en") -> dict[str, str]:
    """Every coder's name -> ``Coder <n>``, by the order the coders were added."""
    names = session.scalars(select(Coder.name).order_by(Coder.id))
    return {name: message("pseudonym.coder", language, number=n) for n, name in enumerate(names, 1)}


def neutral_document_name(number: int, language: str = "en") -> str:
    return message("pseudonym.document", language, number=number)


def styled_name(name: str, found: Iterable[Replacement]) -> str:
    """``name`` with each replacement written in the name's own style (see the module docstring)."""
    filelike = not any(c.isspace() for c in name) and any(c in _SEPARATORS for c in name)
    kept: list[Replacement] = []
    for r in found:
        before, after = name[: r.start], name[r.end :]
        new = r.new
        if filelike:
            separator = next((c for c in (before[-1:], after[:1]) if c and c in _SEPARATORS), "_")
            new = separator.join(new.split())
            if name[r.start : r.end].islower():
                new = new.lower()
            if _squashed(new) in (_squashed(_token(before, last=True)), _squashed(_token(after, last=False))):
                # the name already says it: drop the term and one separator next to it
                if before[-1:] in _SEPARATORS and before:
                    kept.append(Replacement(r.start - 1, r.end, ""))
                elif after[:1] in _SEPARATORS and after:
                    kept.append(Replacement(r.start, r.end + 1, ""))
                else:
                    kept.append(Replacement(r.start, r.end, ""))
                continue
        kept.append(Replacement(r.start, r.end, new))
    return Remapper(name, _disjoint(kept)).text


def hidden_forms(terms: Iterable[str]) -> frozenset[str]:
    """The terms as :func:`still_holds` looks for them; made once for all the names of a copy."""
    return frozenset(_squashed(t) for t in terms if len(t) >= _MIN_HIDDEN)


def still_holds(name: str, hidden: frozenset[str]) -> bool:
    """Whether a term of ``hidden`` (:func:`hidden_forms`) still hides in ``name``, also inside a word
    (``MariekeJansen``)."""
    squashed = _squashed(name)
    return any(t in squashed for t in hidden)


def _token(text: str, *, last: bool) -> str:
    """The word next to a separator at the end (``last``) or start of ``text``."""
    if last:
        if not text or text[-1] not in _SEPARATORS:
            return ""
        return re.split(f"[{re.escape(_SEPARATORS)}]", text[:-1])[-1]
    if not text or text[0] not in _SEPARATORS:
        return ""
    return re.split(f"[{re.escape(_SEPARATORS)}]", text[1:])[0]


def _squashed(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _disjoint(replacements: list[Replacement]) -> list[Replacement]:
    """Widened replacements (a separator taken along) may touch their neighbour: keep the first of two overlaps."""
    out: list[Replacement] = []
    for r in sorted(replacements, key=lambda r: r.start):
        if out and r.start < out[-1].end:
            continue
        out.append(r)
    return out
