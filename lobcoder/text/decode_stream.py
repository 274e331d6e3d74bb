"""Decode and normalise a text file piece by piece, in bounded memory.

:func:`decode_file` gives what ``normalize_text(decode_bytes(data)[0])`` gives
for the whole file (same encoding, same text, same refusals), but reads the
file in pieces: memory holds the normalised pieces as UTF-8 and, at the end,
the joined text (:func:`~lobcoder.text.builder.join`), never the file's bytes,
the raw decoded text and the normalised copies at once. The file is read more than once (a
scan for zero bytes, then decoding; Windows-1252 is checked before it is
used), which is cheap next to holding it. :func:`decode_pieces` hands the
pieces to readers that build their text themselves (subtitles).

Only the statistical detector for legacy encodings sees a sample (the first
:data:`DETECTOR_SAMPLE` bytes), and only when strict UTF-8 and a plausible
Windows-1252 reading both fail; for files up to that size it sees everything,
as :func:`~lobcoder.text.decode.decode_bytes` does.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from lobcoder.errors import ImportProblem
from lobcoder.text.builder import join
from lobcoder.text.decode import (
    _BINARY,
    _BOMS,
    _CONTROL,
    _LONG_NON_ASCII_RUN,
    _MAX_CONTROL_SHARE,
    _NON_ASCII,
    _WESTERN,
    plausible_western_chars,
)
from lobcoder.text.normalize import normalize_text

CHUNK = 1 << 20
DETECTOR_SAMPLE = 2 << 20

Chunks = Callable[[], Iterable[bytes]]


def file_chunks(path: Path, size: int = CHUNK) -> Chunks:
    """A re-startable reader of ``path`` in pieces of ``size`` bytes."""

    def read() -> Iterator[bytes]:
        with path.open("rb") as handle:
            while chunk := handle.read(size):
                yield chunk

    return read


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


def _decoded(chunks: Chunks, encoding: str) -> Iterator[str]:
    """The text in pieces ending at line ends; UnicodeDecodeError as ``bytes.decode`` raises it."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    lines = _Lines()
    for chunk in chunks():
        if piece := lines.feed(decoder.decode(chunk)):
            yield piece
    if piece := lines.feed(decoder.decode(b"", final=True)) + lines.end():
        yield piece


def _check(path: str | Path, chunks: Chunks, encoding: str) -> None:
    """Decode and check as ``decode_bytes`` does, in a pass of its own, so that
    binary data is refused before any normalised text is kept."""
    length = controls = 0
    blank, nul = True, False
    for piece in _decoded(chunks, encoding):
        nul = nul or "\x00" in piece
        length += len(piece)
        controls += _CONTROL.subn("", piece)[1]  # counted in C, without a match object each
        blank = blank and piece.isspace()
    if blank:
        raise ImportProblem(path, "is empty")
    if nul or controls > _MAX_CONTROL_SHARE * length:
        raise ImportProblem(path, _BINARY)


def decode_pieces(
    path: str | Path, chunks: Chunks | None = None, *, normalise: bool = True
) -> tuple[Iterator[str], str]:
    """The normalised text in pieces that end at line ends, and the encoding found.

    Everything that can refuse the file (see :func:`decode_file`) happens
    before this returns; ``"".join`` of the pieces is :func:`decode_file`'s text
    (with ``normalise=False``: the decoded text as ``decode_bytes`` gives it).
    """
    path = Path(path)
    chunks = chunks or file_chunks(path)
    encoding = _encoding(path, chunks)
    pieces = _decoded(chunks, encoding)
    return ((normalize_text(piece) for piece in pieces) if normalise else pieces), encoding


def decode_file(path: str | Path, chunks: Chunks | None = None) -> tuple[str, str]:
    """Decode and normalise a text file; return the text and the encoding found.

    Raises:
        ImportProblem: the file is empty, whitespace only or binary data, or
            starts with a byte-order mark but does not decode.
    """
    pieces, encoding = decode_pieces(path, chunks)
    return join(pieces), encoding


def _encoding(path: Path, chunks: Chunks) -> str:
    """The encoding the whole file decodes in, checked (see :func:`decode_file`)."""
    head = _head(chunks)
    if not head:
        raise ImportProblem(path, "is empty")
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            try:
                _check(path, chunks, encoding)
            except UnicodeDecodeError as exc:
                name = encoding.replace("-sig", "").upper()
                raise ImportProblem(path, f"starts like a {name} text file but is damaged ({exc.reason})") from exc
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
    encoding = _legacy(path, chunks)
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


def _legacy(path: Path, chunks: Chunks) -> str:
    """Windows-1252 if it reads plausibly, else the detector's pick on a sample."""
    if _plausible_cp1252(chunks):
        return "cp1252"
    sample = bytearray()
    for chunk in chunks():
        sample += chunk[: DETECTOR_SAMPLE - len(sample)]
        if len(sample) >= DETECTOR_SAMPLE:
            break
    best = from_bytes(bytes(sample)).best()
    detected = codecs.lookup(best.encoding).name if best is not None else None
    if detected in _WESTERN and _decodes(chunks, "cp1252"):
        return "cp1252"
    if detected is None or detected.startswith(("utf-16", "utf-32")):
        raise ImportProblem(path, _BINARY)
    return detected


def _decodes(chunks: Chunks, encoding: str) -> bool:
    try:
        for _ in _decoded(chunks, encoding):
            pass
    except UnicodeDecodeError:
        return False
    return True


def _plausible_cp1252(chunks: Chunks) -> bool:
    """Whether the whole file decodes as Windows-1252 into plausible Western text."""
    seen: set[str] = set()
    try:
        for piece in _decoded(chunks, "cp1252"):
            if _LONG_NON_ASCII_RUN.search(piece):
                return False
            seen.update(_NON_ASCII.findall(piece))
    except UnicodeDecodeError:
        return False
    return plausible_western_chars(seen)
