"""Read plain-text files (.txt) in whatever encoding they were saved."""

from __future__ import annotations

from pathlib import Path

from lobcoder.importing.extracted import ExtractedText
from lobcoder.text.decode_stream import decode_file


def read_plain_file(path: Path, fmt: str = "txt") -> ExtractedText:
    """A ``.txt`` or Markdown file, decoded and normalised piece by piece from
    disk (bounded memory for long transcripts), recording the encoding so a
    wrong guess can be traced when someone reports odd characters."""
    text, encoding = decode_file(path)
    return ExtractedText(text=text, format=fmt, encoding=encoding)
