"""Open zip-based documents (.docx, .odt) only after checking they are no zip bomb."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from lobcoder.errors import ImportProblem

MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
# Small members may compress extremely well (a run of spaces) without harm;
# only judge the ratio of members large enough to matter.
_RATIO_CHECK_FROM_BYTES = 1024 * 1024
_PROLOG_BYTES = 64 * 1024


def open_checked_zip(data: bytes, path: str | Path, what: str) -> zipfile.ZipFile:
    """Open ``data`` as a zip archive that is safe to unpack.

    The sizes checked are those declared in the archive; :mod:`zipfile` never
    unpacks more than a member declares, so a lying header cannot get past.

    Args:
        what: how to name the expected kind of file in a message, e.g.
            "a valid Word document (.docx)".

    Raises:
        ImportProblem: not a zip archive, a damaged one, or one that would
            unpack to an unreasonable size.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise ImportProblem(path, f"is not {what}: {_reason(exc)}") from exc
    try:
        check_zip_sizes(archive, path)
    except ImportProblem:
        archive.close()
        raise
    return archive


def check_zip_sizes(archive: zipfile.ZipFile, path: str | Path) -> None:
    """Refuse an archive whose declared content is too large or too compressed."""
    total = 0
    for member in archive.infolist():
        total += member.file_size
        if total > MAX_UNCOMPRESSED_BYTES:
            raise ImportProblem(
                path,
                f"looks like a zip bomb: it would unpack to more than {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB",
            )
        if member.file_size >= _RATIO_CHECK_FROM_BYTES:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > MAX_COMPRESSION_RATIO:
                raise ImportProblem(
                    path,
                    f"looks like a zip bomb: '{member.filename}' is compressed "
                    f"{ratio:.0f} to 1 (the limit is {MAX_COMPRESSION_RATIO} to 1)",
                )


def refuse_doctypes(archive: zipfile.ZipFile, path: str | Path) -> None:
    """Refuse XML parts that declare a DTD.

    Office files never carry one, and a DTD is how entity-expansion attacks
    ("billion laughs") get in; refusing it up front gives a clear message
    instead of a parser error. Only the prolog is read.
    """
    for member in archive.infolist():
        if not member.filename.endswith((".xml", ".rels")):
            continue
        try:
            with archive.open(member) as stream:
                head = stream.read(_PROLOG_BYTES)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError):
            continue  # reported as damage when the part is actually needed
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise ImportProblem(
                path,
                f"contains an XML document type declaration in {member.filename}, which is refused for safety",
            )


def read_member(archive: zipfile.ZipFile, name: str, path: str | Path, what: str) -> bytes:
    """Read one member, naming a missing or damaged member in plain words."""
    try:
        return archive.read(name)
    except KeyError as exc:
        raise ImportProblem(path, f"is not {what}: it has no {name}") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        # NotImplementedError: a compression method zipfile does not know.
        raise ImportProblem(path, f"is not {what}: {name} is damaged ({_reason(exc)})") from exc


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
