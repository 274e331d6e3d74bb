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


def read_rtf_file(path: Path) -> ExtractedText:
    """Extract the text, leaving out what striprtf treats as destinations
    (headers, footers, footnotes, comments, pictures).

    ``\\'xx`` escapes are decoded in the document's code page (``\\ansicpg``,
    Windows-1252 when none is given), so "één" written as ``\\'e9\\'e9n``
    reads correctly. Table cells come out separated by "|" as striprtf
    writes them. The file's bytes are let go once they are decoded (striprtf
    works on the whole text: the bytes need not be held as well).
    """
    return _extracted(*_decoded(path.read_bytes(), path))


def _decoded(data: bytes, path: Path) -> tuple[str, str]:
    """The RTF source as text, and its code page."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if not data.lstrip().startswith(b"{\\rtf"):
        raise ImportProblem(path, say("problem.rtf.invalid"))
    codepage = _codepage(data)
    return _source_text(data, codepage), codepage


def _extracted(source: str, codepage: str) -> ExtractedText:
    text: str = rtf_to_text(source, encoding=codepage, errors="replace")
    text = _join_surrogates(text)
    warnings: tuple[Said, ...] = ()
    if "\ufffd" in text:
        warnings = (say("warning.rtf.replaced", codepage=codepage),)
    return ExtractedText(text=normalize_text(text), format="rtf", warnings=warnings)


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
