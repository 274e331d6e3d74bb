"""Read Rich Text Format (.rtf) documents with striprtf."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from striprtf.striprtf import rtf_to_text

from lobcoder.errors import ImportProblem
from lobcoder.i18n.said import Said, say
from lobcoder.importing.extracted import ExtractedText
from lobcoder.text.normalize import normalize_text

_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CHARSETS = ((rb"\mac", "mac_roman"), (rb"\pca", "cp850"), (rb"\pc", "cp437"))
# RTF caps a control word at 32 letters; a longer run after a backslash is damage or a hostile
# file, which striprtf would read as text one character per Python step (about 25 s for 50 MB).
_LONGEST_WORD = 32
_TOO_LONG_WORD = re.compile(rf"\\[a-zA-Z]{{{_LONGEST_WORD + 1}}}")
_BACKSLASHES_BEFORE_LONG_WORD = re.compile(rf"(?<!\\)(\\++)[a-zA-Z]{{{_LONGEST_WORD + 1}}}")


def read_rtf_file(path: Path) -> ExtractedText:
    """Extract the text, leaving out what striprtf treats as destinations
    (headers, footers, footnotes, comments, pictures).

    ``\\'xx`` escapes are decoded in the document's code page (``\\ansicpg``,
    Windows-1252 when none is given), so "één" written as ``\\'e9\\'e9n``
    reads correctly. A deletion under review (Word's and LibreOffice's
    ``{\\deleted ...}`` group) is left out and an insertion kept: the text
    as it reads with the changes accepted, as from .docx and .odt. Table
    cells are separated by a tab, as from .docx and .odt (striprtf writes
    "|"), so an interview laid out as a table keeps its speaker labels. The
    file's bytes are let go once they are decoded (striprtf works on the
    whole text: the bytes need not be held as well).
    """
    return _extracted(*_decoded(path.read_bytes(), path))


def _decoded(data: bytes, path: Path) -> tuple[str, str]:
    """The RTF source as text, and its code page."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if not data.lstrip().startswith(b"{\\rtf"):
        raise ImportProblem(path, say("problem.rtf.invalid"))
    codepage = _codepage(data)
    source = _source_text(data, codepage)
    if _has_too_long_word(source):
        raise ImportProblem(path, say("problem.rtf.long_word", letters=_LONGEST_WORD))
    return source, codepage


def _has_too_long_word(source: str) -> bool:
    """Whether a control word has more letters than RTF allows.

    Letters after an even run of backslashes follow an escaped backslash:
    they are text (``\\\\aaa``), not a control word.
    """
    if not _TOO_LONG_WORD.search(source):
        return False
    return any(len(match.group(1)) % 2 for match in _BACKSLASHES_BEFORE_LONG_WORD.finditer(source))


def _extracted(source: str, codepage: str) -> ExtractedText:
    text: str = rtf_to_text(_accepted(_unicode_in_range(source)), encoding=codepage, errors="replace")
    text = _join_surrogates(text)
    warnings: tuple[Said, ...] = ()
    if "\ufffd" in text:
        warnings = (say("warning.rtf.replaced", codepage=codepage),)
    return ExtractedText(text=normalize_text(text), format="rtf", warnings=warnings)


# Escaped characters (kept as they are), braces, and the control words that
# mark a deletion under review or end a table cell or row, with their delimiting space.
_TOKENS = re.compile(r"\\[\\{}]|[{}]|\\(deleted|nestcell|cell|row|bin)(-?\d+)?(?![a-zA-Z]) ?")
# What RTF writers put between a row's last cell and its end: control words (the row's
# definition again, a nested table's row end), destination marks, braces and line breaks, no text.
_NO_TEXT = re.compile(r"(?:\\[a-zA-Z]+-?\d*|\\\*|[{}\s])*+")


def _accepted(source: str) -> str:
    """The RTF without the groups of deleted revisions, and ``\\cell`` written as ``\\tab``.

    A ``\\deleted`` (not ``\\deleted0``) inside a group drops the rest of
    that group's content; the group's braces stay, so the nesting holds.
    The tabs at the end of a row (of its last cells, empty ones included,
    and of a nested table's last cell there) are left out, as a .docx row
    has none after its last cell; a tab outside a table stays. A file with
    binary data (``\\bin``, whose bytes may hold braces) is left as it is.
    """
    if "\\deleted" not in source and "cell" not in source:
        return source
    pieces: list[str] = []
    depth, dropping, kept = 0, 0, 0  # dropping: the depth of the deleted group, 0 when none
    trailing: list[int] = []  # the pieces ending in a cell's tab with no text after them yet
    for match in _TOKENS.finditer(source):
        token, word, arg = match.group(0), match.group(1), match.group(2)
        if word == "bin":
            return source
        if dropping:
            depth += token == "{"
            if token == "}":
                depth -= 1
                if depth < dropping:
                    pieces.append(token)
                    dropping, kept = 0, match.end()
            continue
        if token == "{" or token == "}":
            depth += 1 if token == "{" else -1
        elif word == "deleted" and arg in (None, "1") and depth >= 2:
            if trailing and not _NO_TEXT.fullmatch(source, kept, match.start()):
                trailing = []
            pieces.append(source[kept : match.start()])
            dropping = depth
        elif word in ("cell", "nestcell"):
            if trailing and not _NO_TEXT.fullmatch(source, kept, match.start()):
                trailing = []
            pieces.append(source[kept : match.start()] + "\\tab ")
            kept = match.end()
            trailing.append(len(pieces) - 1)
        elif word == "row" and trailing:
            if _NO_TEXT.fullmatch(source, kept, match.start()):
                for index in trailing:
                    pieces[index] = pieces[index].removesuffix("\\tab ")
            trailing = []
    pieces.append(source[kept:])
    return "".join(pieces)


# An escaped backslash (kept), or a \\uN escape with its number.
_UNICODE = re.compile(r"\\\\|\\u(-?\d+)")


def _unicode_in_range(source: str) -> str:
    """``\\uN`` escapes whose N is no signed 16-bit number written as U+FFFD (striprtf gives any N to chr())."""
    if "\\u" not in source:
        return source

    def fixed(match: re.Match[str]) -> str:
        number = match.group(1)
        if number is None or (len(number) <= 6 and -32768 <= int(number) <= 65535):
            return match.group(0)
        return "\\u65533"

    return _UNICODE.sub(fixed, source)


def _codepage(data: bytes) -> str:
    header = data[:4096]
    match = _CODEPAGE.search(header)
    if match:
        name = f"cp{int(match.group(1))}"
        try:
            return codecs.lookup(name).name
        except LookupError:
            pass
    for word, name in _CHARSETS:
        if re.search(re.escape(word) + rb"(?![a-z])", header):
            return name
    return "cp1252"


def _source_text(data: bytes, codepage: str) -> str:
    """RTF is 7-bit in principle; some writers put raw 8-bit text in it,
    either UTF-8 or in the document's code page."""
    try:
        return data.decode("ascii")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode(codepage, errors="replace")


def _join_surrogates(text: str) -> str:
    """``\\uNNNN`` escapes give characters outside the BMP (emoji) as two
    UTF-16 surrogates; striprtf leaves them as two separate code points."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
