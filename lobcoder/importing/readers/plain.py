"""Read plain-text files (.txt) in whatever encoding they were saved."""

from __future__ import annotations

from pathlib import Path

from lobcoder.importing.extracted import ExtractedText
from lobcoder.text.decode import decode_bytes
from lobcoder.text.normalize import normalize_text


def read_plain(data: bytes, path: Path, fmt: str = "txt") -> ExtractedText:
    """Decode the bytes, recording the encoding so a wrong guess can be
    traced when someone reports odd characters."""
    text, encoding = decode_bytes(data, path)
    return ExtractedText(text=normalize_text(text), format=fmt, encoding=encoding)
