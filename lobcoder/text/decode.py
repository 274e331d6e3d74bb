"""Turn the bytes of a plain-text file into text by detecting its encoding."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from lobcoder.errors import ImportProblem

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
_BINARY = "is not a text file (it looks like binary data)"


def decode_bytes(data: bytes, path: str | Path) -> tuple[str, str]:
    """Decode ``data`` and name the encoding that was found.

    The order goes from certain to less certain: a byte-order mark, then strict
    UTF-8 (which random legacy text almost never passes), then BOM-less UTF-16
    recognised by its zero bytes, and only then a statistical detector. The
    returned encoding is a Python codec name such that ``data.decode(encoding)``
    gives back the returned text.

    Raises:
        ImportProblem: the input is empty, whitespace only, or binary data.
    """
    if not data:
        raise ImportProblem(path, "is empty")
    text, encoding = _decode(data, path)
    if not text.strip():
        raise ImportProblem(path, "is empty")
    if _looks_binary(text):
        raise ImportProblem(path, _BINARY)
    return text, encoding


def _decode(data: bytes, path: str | Path) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                name = encoding.replace("-sig", "").upper()
                raise ImportProblem(path, f"starts like a {name} text file but is damaged ({exc.reason})") from exc
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise ImportProblem(path, _BINARY)
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _legacy(data, path)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Recognise UTF-16 by its zero bytes: mostly Latin text has a zero in
    every other byte, all on the same side of each pair."""
    if len(data) % 2:
        return None
    pairs = len(data) // 2
    zero_even = data[0::2].count(0)
    zero_odd = data[1::2].count(0)
    if zero_odd >= 0.3 * pairs and zero_even <= 0.02 * pairs:
        encoding = "utf-16-le"
    elif zero_even >= 0.3 * pairs and zero_odd <= 0.02 * pairs:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _legacy(data: bytes, path: str | Path) -> tuple[str, str]:
    """Pick an 8-bit (or legacy multi-byte) encoding, leaning to Windows-1252.

    Detectors need evidence; for a short Dutch line such as "één" they happily
    report Big5. So Windows-1252 wins whenever the detector names a Western
    single-byte encoding, or when reading the bytes as Windows-1252 gives
    nothing but plausible Western characters.
    """
    try:
        cp1252: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        cp1252 = None
    best = from_bytes(data).best()
    detected = codecs.lookup(best.encoding).name if best is not None else None
    if cp1252 is not None and (detected in _WESTERN or _plausible_western(cp1252)):
        return cp1252, "cp1252"
    if detected is None or detected.startswith(("utf-16", "utf-32")):
        # Without zero bytes the data is no UTF-16/32 text, whatever the detector says.
        raise ImportProblem(path, _BINARY)
    try:
        return data.decode(detected), detected
    except UnicodeDecodeError as exc:
        raise ImportProblem(path, _BINARY) from exc


def _plausible_western(text: str) -> bool:
    if _LONG_NON_ASCII_RUN.search(text):
        return False
    return plausible_western_chars(set(_NON_ASCII.findall(text)))


def plausible_western_chars(chars: set[str]) -> bool:
    """Whether these non-ASCII characters are all letters or Western punctuation."""
    for char in chars:
        if char in _WESTERN_PUNCTUATION:
            continue
        if unicodedata.category(char).startswith("L") and char != "ƒ":
            continue
        return False
    return True


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    controls = sum(1 for _ in _CONTROL.finditer(text))
    return controls > _MAX_CONTROL_SHARE * len(text)
