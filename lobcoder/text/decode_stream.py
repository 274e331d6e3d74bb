"""Decode and normalise a text file piece by piece, in bounded memory.

:func:`decode_file` gives what ``normalize_text(decode_bytes(data)[0])`` gives
for the whole file (same encoding, same text, same refusals: both follow
:func:`~lobcoder.text.decode.encoding_of`), but reads the file in pieces:
memory holds the normalised pieces as UTF-8 and, at the end, the joined text
(:func:`~lobcoder.text.builder.join`), never the file's bytes, the raw decoded
text and the normalised copies at once. The file is read more than once (a
scan for zero bytes, then decoding; Windows-1252 is checked before it is
used), which is cheap next to holding it. :func:`decode_pieces` hands the
pieces to readers that build their text themselves (subtitles).

Only the statistical detector for legacy encodings sees a sample (the first
:data:`~lobcoder.text.decode.DETECTOR_SAMPLE` bytes), and only when strict
UTF-8 and a plausible Windows-1252 reading both fail; for files up to that
size it sees everything, as it does for ``decode_bytes``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lobcoder.text.builder import join
from lobcoder.text.decode import Chunks, decoded, encoding_of
from lobcoder.text.normalize import normalize_text

CHUNK = 1 << 20


def file_chunks(path: Path, size: int = CHUNK) -> Chunks:
    """A re-startable reader of ``path`` in pieces of ``size`` bytes."""

    def read() -> Iterator[bytes]:
        with path.open("rb") as handle:
            while chunk := handle.read(size):
                yield chunk

    return read


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
    encoding = encoding_of(path, chunks)
    pieces = decoded(chunks, encoding)
    return ((normalize_text(piece) for piece in pieces) if normalise else pieces), encoding


def decode_file(path: str | Path, chunks: Chunks | None = None) -> tuple[str, str]:
    """Decode and normalise a text file; return the text and the encoding found.

    Raises:
        ImportProblem: the file is empty, whitespace only or binary data, or
            starts with a byte-order mark but does not decode.
    """
    pieces, encoding = decode_pieces(path, chunks)
    return join(pieces), encoding
