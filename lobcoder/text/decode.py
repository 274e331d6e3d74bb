"""Turn the bytes of a plain-text file into text by detecting its encoding.

One rule, :func:`encoding_of`, over a re-startable source of byte pieces, so
that a file read in pieces (:mod:`lobcoder.text.decode_stream`) and bytes in
memory (:func:`decode_bytes`) get the same encoding and the same refusals.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from lobcoder.errors import ImportProblem
from lobcoder.i18n.said import say

# Longest BOMs first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Single-byte encodings a detector reports for Western European text; for a
# Dutch file any of them almost always means Windows-1252 in practice.
_WESTERN = frozenset(
    codecs.lookup(name).name
    for name in (
        "ascii",
        "latin_1",
        "iso8859_2",
        "iso8859_3",
        "iso8859_4",
        "iso8859_9",
        "iso8859_10",
        "iso8859_13",
        "iso8859_14",
        "iso8859_15",
        "iso8859_16",
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "cp1258",
        "cp437",
        "cp850",
        "cp858",
        "cp860",
        "cp863",
        "cp865",
        "mac_roman",
        "mac_latin2",
        "mac_iceland",
        "mac_turkish",
        "hp_roman8",
    )
)

# Non-ASCII characters that Dutch (and other Western) text typed in a
# Windows editor plausibly contains when read as Windows-1252.
_WESTERN_PUNCTUATION = frozenset("‘’‚“”„€–—…•«»°§·¨´¸£¥©®™¹²³½¼¾¡¿ªº±µ¶\xa0\xad")
_LONG_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{4,}")

# Control characters (category Cc) except tab, line feed, carriage return, form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_MAX_CONTROL_SHARE = 0.05
_BINARY = say("problem.binary")

# The statistical detector for legacy encodings sees at most this many bytes of a file read in pieces.
DETECTOR_SAMPLE = 2 << 20

Chunks = Callable[[], Iterable[bytes]]


def decode_bytes(data: bytes, path: str | Path) -> tuple[str, str]:
    """Decode ``data`` and name the encoding that was found (see :func:`encoding_of`).

    The returned encoding is a Python codec name such that
    ``data.decode(encoding)`` gives back the returned text.

    Raises:
        ImportProblem: the input is empty, whitespace only, or binary data, or
            starts with a byte-order mark but does not decode.
    """
    encoding = encoding_of(path, lambda: (data,), sample=len(data))
    return data.decode(encoding), encoding


def encoding_of(path: str | Path, chunks: Chunks, sample: int = DETECTOR_SAMPLE) -> str:
    """The encoding all of ``chunks()`` decodes in, checked; refuses what is no text.

    The order goes from certain to less certain: a byte-order mark, then
    BOM-less UTF-16 recognised by its zero bytes, then strict UTF-8 (which
    random legacy text almost never passes), then Windows-1252 if it reads as
    plausible Western text, and only then a statistical detector, which sees
    the first ``sample`` bytes. Whatever the encoding, the decoded text is
    then refused if it is blank ("is empty") or binary data (zero characters,
    or more than 5 % control characters), in that order.

    Raises:
        ImportProblem: the input is empty, whitespace only, or binary data, or
            starts with a byte-order mark but does not decode.
    """
    head = _head(chunks)
    if not head:
        raise ImportProblem(path, say("problem.empty"))
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            try:
                _check(path, chunks, encoding)
            except UnicodeDecodeError as exc:
                name = encoding.replace("-sig", "").upper()
                raise ImportProblem(path, say("problem.damaged_bom", name=name, reason=exc.reason)) from exc
            return encoding
    if any(b"\x00" in chunk for chunk in chunks()):
        utf16 = _utf16_without_bom(chunks)
        if utf16 is None:
            raise ImportProblem(path, _BINARY)
        try:
            _check(path, chunks, utf16)
        except UnicodeDecodeError as exc:
            raise ImportProblem(path, _BINARY) from exc
        return utf16
    try:
        _check(path, chunks, "utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _legacy(path, chunks, sample)
    try:
        _check(path, chunks, encoding)
    except UnicodeDecodeError as exc:
        raise ImportProblem(path, _BINARY) from exc
    return encoding


def _head(chunks: Chunks) -> bytes:
    """The first bytes, enough for any byte-order mark."""
    head = b""
    for chunk in chunks():
        head += chunk
        if len(head) >= 4:
            break
    return head


def _utf16_without_bom(chunks: Chunks) -> str | None:
    """UTF-16 recognised by its zero bytes, counted over the whole file."""
    size = zero_even = zero_odd = 0
    for chunk in chunks():
        first, second = chunk[0::2].count(0), chunk[1::2].count(0)
        if size % 2:  # this chunk starts at an odd position in the file
            first, second = second, first
        zero_even += first
        zero_odd += second
        size += len(chunk)
    if size % 2:
        return None
    pairs = size // 2
    if zero_odd >= 0.3 * pairs and zero_even <= 0.02 * pairs:
        return "utf-16-le"
    if zero_even >= 0.3 * pairs and zero_odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _legacy(path: str | Path, chunks: Chunks, sample: int) -> str:
    """Pick an 8-bit (or legacy multi-byte) encoding, leaning to Windows-1252.

    Detectors need evidence; for a short Dutch line such as "één" they happily
    report Big5. So Windows-1252 wins when reading the bytes as Windows-1252
    gives nothing but plausible Western characters, or when the detector (on
    the first ``sample`` bytes) names a Western single-byte encoding.
    """
    plausible = _plausible_cp1252(chunks)
    if plausible:
        return "cp1252"
    head = bytearray()
    for chunk in chunks():
        head += chunk[: sample - len(head)]
        if len(head) >= sample:
            break
    best = from_bytes(bytes(head)).best()
    detected = codecs.lookup(best.encoding).name if best is not None else None
    if detected in _WESTERN and plausible is not None:
        return "cp1252"
    if detected is None or detected.startswith(("utf-16", "utf-32")):
        # Without zero bytes the data is no UTF-16/32 text, whatever the detector says.
        raise ImportProblem(path, _BINARY)
    return detected


def _plausible_cp1252(chunks: Chunks) -> bool | None:
    """Whether the whole file decodes as Windows-1252 into plausible Western text; None: it does not decode.

    One pass: past the first implausible piece the rest is only decoded, to tell False from None.
    """
    seen: set[str] = set()
    plausible = True
    try:
        for piece in decoded(chunks, "cp1252"):
            if plausible and _LONG_NON_ASCII_RUN.search(piece):
                plausible = False
            elif plausible:
                seen.update(_NON_ASCII.findall(piece))
    except UnicodeDecodeError:
        return None
    return plausible and plausible_western_chars(seen)


def plausible_western_chars(chars: set[str]) -> bool:
    """Whether these non-ASCII characters are all letters or Western punctuation."""
    for char in chars:
        if char in _WESTERN_PUNCTUATION:
            continue
        if unicodedata.category(char).startswith("L") and char != "ƒ":
            continue
        return False
    return True


class _Lines:
    """Cut decoded text at line ends, so that no line break (CR LF) or
    combining sequence is split between two pieces."""

    def __init__(self) -> None:
        self.carry: list[str] = []

    def feed(self, text: str) -> str:
        cut = max(text.rfind("\n"), text.rfind("\r", 0, len(text) - 1)) + 1
        if cut == 0:
            self.carry.append(text)
            return ""
        out = "".join([*self.carry, text[:cut]])
        self.carry = [text[cut:]] if cut < len(text) else []
        return out

    def end(self) -> str:
        out = "".join(self.carry)
        self.carry = []
        return out


def decoded(chunks: Chunks, encoding: str) -> Iterator[str]:
    """The text in pieces ending at line ends; UnicodeDecodeError as ``bytes.decode`` raises it."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    lines = _Lines()
    for chunk in chunks():
        if piece := lines.feed(decoder.decode(chunk)):
            yield piece
    if piece := lines.feed(decoder.decode(b"", final=True)) + lines.end():
        yield piece


def _check(path: str | Path, chunks: Chunks, encoding: str) -> None:
    """Decode and check in a pass of its own, so that binary data is refused
    before any (normalised) text is kept."""
    length = controls = 0
    blank, nul = True, False
    for piece in decoded(chunks, encoding):
        nul = nul or "\x00" in piece
        length += len(piece)
        controls += _CONTROL.subn("", piece)[1]  # counted in C, without a match object each
        blank = blank and piece.isspace()
    if blank:
        raise ImportProblem(path, say("problem.empty"))
    if nul or controls > _MAX_CONTROL_SHARE * length:
        raise ImportProblem(path, _BINARY)
