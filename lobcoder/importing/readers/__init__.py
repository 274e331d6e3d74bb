"""One module per source format; :func:`read_file` picks the reader by extension and content."""

from __future__ import annotations

import dataclasses
import errno
import re
import stat
from collections.abc import Callable
from functools import partial
from pathlib import Path

from lobcoder.errors import ImportProblem, UnsupportedFormat
from lobcoder.i18n.said import say
from lobcoder.importing.extracted import ExtractedText
from lobcoder.importing.readers.docx import read_docx_file
from lobcoder.importing.readers.markup import read_html_file
from lobcoder.importing.readers.odt import read_odt_file
from lobcoder.importing.readers.pdf import read_pdf
from lobcoder.importing.readers.plain import read_plain_file
from lobcoder.importing.readers.rtf import read_rtf_file
from lobcoder.importing.readers.subtitles import read_subtitles_file
from lobcoder.importing.readers.whisper_json import read_whisper_json
from lobcoder.importing.service_transcripts import recognise
from lobcoder.text.normalize import normalize_text

__all__ = ["MAX_FILE_BYTES", "SUPPORTED_EXTENSIONS", "read_file"]

MAX_FILE_BYTES = 100 * 1024 * 1024
_SNIFF_BYTES = 4096

Reader = Callable[[Path], ExtractedText]

# extension -> (name of the format in messages, reader). Most formats are
# read from the file in pieces, never held whole (bounded memory for long
# transcripts); PDF and Whisper JSON need their whole bytes.
_READERS: dict[str, tuple[str, Reader]] = {
    ".txt": ("plain text", read_plain_file),
    ".md": ("Markdown", partial(read_plain_file, fmt="md")),
    ".markdown": ("Markdown", partial(read_plain_file, fmt="md")),
    ".html": ("HTML", read_html_file),
    ".htm": ("HTML", read_html_file),
    ".docx": ("a Word document (.docx)", read_docx_file),
    ".odt": ("an OpenDocument text (.odt)", read_odt_file),
    ".rtf": ("RTF", read_rtf_file),  # read whole, but its bytes let go before striprtf runs
    ".pdf": ("PDF", lambda path: read_pdf(_read_bytes(path), path)),
    ".vtt": ("WebVTT subtitles", partial(read_subtitles_file, fmt="vtt")),
    ".srt": ("SRT subtitles", partial(read_subtitles_file, fmt="srt")),
    ".json": ("a Whisper transcript (.json)", lambda path: read_whisper_json(_read_bytes(path), path)),
}

# Plain-text files that are really subtitles or Whisper JSON (a transcript
# saved or renamed as .txt) are read as what they contain.
_SRT_START = re.compile(rb"^\s*\d+[ \t]*\r?\n[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->")
_JSON_START = re.compile(rb'^\s*\{.*"segments"\s*:', re.DOTALL)

SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(_READERS)


def read_file(path: str | Path) -> ExtractedText:
    """Read one source file into normalised text.

    Every failure a user can cause (a missing, unreadable, oversized, corrupt
    or unsupported file) and every surprise inside a third-party parser comes
    out as :class:`~lobcoder.errors.ImportProblem`, so a batch import can
    report the file and go on with the next.
    """
    path = Path(path)
    size = _check_file(path)
    extension = path.suffix.lower()
    if extension not in _READERS:
        supported = ", ".join(SUPPORTED_EXTENSIONS)
        if extension:
            raise UnsupportedFormat(path, say("problem.unsupported_type", extension=extension, supported=supported))
        raise UnsupportedFormat(path, say("problem.no_extension", supported=supported))
    if size > MAX_FILE_BYTES:
        raise ImportProblem(
            path,
            say("problem.too_large", size=f"{size / 1024 / 1024:.1f}", limit=f"{MAX_FILE_BYTES / 1024 / 1024:g}"),
        )
    if size == 0:
        raise ImportProblem(path, say("problem.empty"))
    kind = _sniff(_read_bytes(path, _SNIFF_BYTES)) if extension == ".txt" else extension
    label, reader = _READERS[kind]
    try:
        result = reader(path)
    except ImportProblem:
        raise
    except RecursionError as exc:
        raise ImportProblem(path, say("problem.nested_too_deeply", label=label)) from exc
    except OSError as exc:
        raise _read_problem(path, exc) from exc
    except Exception as exc:  # parsers raise anything at all on odd input
        raise ImportProblem(path, say("problem.unreadable_as", label=label, reason=_reason(exc))) from exc
    text = normalize_text(result.text)
    if result.turns is not None and text != result.text:
        raise ImportProblem(path, say("problem.turns_mismatch", label=label))
    if not text or text.isspace():  # (not strip(): that copies a long text)
        raise ImportProblem(path, say("problem.no_text"))
    return recognise(dataclasses.replace(result, text=text))


def _sniff(data: bytes) -> str:
    """The reader a ``.txt`` file's content asks for (other extensions are trusted)."""
    head = data[:_SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf")
    if head.lstrip().startswith(b"WEBVTT"):
        return ".vtt"
    if _SRT_START.match(head):
        return ".srt"
    if _JSON_START.match(head):
        return ".json"
    return ".txt"


def _check_file(path: Path) -> int:
    """Return the size of a regular file, or say in plain words why it is none."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise ImportProblem(path, say("problem.does_not_exist")) from exc
    except PermissionError as exc:
        raise ImportProblem(path, say("problem.permission_denied")) from exc
    except OSError as exc:
        raise ImportProblem(path, say("problem.cannot_read", reason=exc.strerror or exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise ImportProblem(path, say("problem.is_folder"))
    if not stat.S_ISREG(info.st_mode):
        raise ImportProblem(path, say("problem.not_regular"))
    return info.st_size


def _read_bytes(path: Path, limit: int = -1) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(limit)
    except OSError as exc:
        raise _read_problem(path, exc) from exc


def _read_problem(path: Path, exc: OSError) -> ImportProblem:
    if isinstance(exc, PermissionError):
        return ImportProblem(path, say("problem.permission_denied"))
    if isinstance(exc, FileNotFoundError):
        return ImportProblem(path, say("problem.disappeared"))
    if exc.errno == errno.EISDIR:
        return ImportProblem(path, say("problem.is_folder"))
    return ImportProblem(path, say("problem.cannot_read", reason=exc.strerror or exc))


def _reason(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    reason = lines[0] if lines else type(exc).__name__
    return reason if len(reason) <= 200 else reason[:197] + "..."
