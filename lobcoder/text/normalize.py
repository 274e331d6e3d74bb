"""Normalise imported text into the form that is stored and never changes afterwards."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\u0085|\x0b|\x0c")
# C0 control characters other than tab and the line breaks above, and DEL.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
REPLACEMENT = "\ufffd"
_HASH_PIECE = 1 << 20


def replace_controls(text: str) -> str:
    """Replace each control character (NUL, ESC, DEL...) by U+FFFD, one for one.

    Replacing rather than removing keeps every position in ``text`` valid, so a
    REFI-QDA source's selections still point at the same characters. A NUL
    must never be stored: SQLite's ``length()`` stops at it.
    """
    return _CONTROLS.sub(REPLACEMENT, text)


def normalize_text(text: str) -> str:
    """Return the canonical stored form of ``text``.

    Strips byte-order marks, turns every line-break convention (CRLF, CR,
    Unicode line and paragraph separators, form feeds) into ``\\n`` and composes
    Unicode to NFC, and replaces other control characters by U+FFFD
    (:func:`replace_controls`). Nothing else changes: a source's own offsets (REFI-QDA
    exports) stay meaningful. Offsets are only ever taken over the result, so
    what happens here is part of the project format.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\ufeff", "")
    text = _LINE_BREAKS.sub("\n", text)
    text = replace_controls(text)
    text = unicodedata.normalize("NFC", text)
    return text


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text, used to detect duplicate imports."""
    digest = hashlib.sha256()
    for start in range(0, len(text), _HASH_PIECE):  # no UTF-8 copy of a long text at once
        digest.update(text[start : start + _HASH_PIECE].encode("utf-8"))
    return digest.hexdigest()


def is_normalized(text: str) -> bool:
    """True if ``text`` is already in stored form (cheap: no copy for clean text)."""
    return (
        not text.startswith("\ufeff")
        and "\ufeff" not in text
        and _LINE_BREAKS.search(text) is None
        and _CONTROLS.search(text) is None
        and unicodedata.is_normalized("NFC", text)
    )
