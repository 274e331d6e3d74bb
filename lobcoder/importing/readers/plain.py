"""Read plain-text files (.txt) in whatever encoding they were saved."""

from __future__ import annotations

from pathlib import Path

from lobcoder.importing.extracted import ExtractedText
from lobcoder.text.decode import decode_bytes
from lobcoder.text.decode_stream import decode_file
from lobcoder.text.normalize import normalize_text


def read_plain(data: bytes, path: Path, fmt: str = "txt") -> ExtractedText:
    """Decode the bytes, recording the encoding so a wrong guess can be
    traced when someone reports odd characters."""
    text, encoding = decode_bytes(data, path)
    return ExtractedText(text=normalize_text(text), format=fmt, encoding=encoding)


def read_plain_file(path: Path, fmt: str = "txt") -> ExtractedText:
    """:func:`read_plain` for a ``.txt`` or Markdown file, decoded and normalised
    piece by piece from disk (bounded memory for long transcripts; the same text)."""
    text, encoding = decode_file(path)
    return ExtractedText(text=text, format=fmt, encoding=encoding)
