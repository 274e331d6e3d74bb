"""Unpack zip-based documents (.docx, .odt) through the bounded reader, refusing DTDs.

Every member is read through :class:`~lobcoder.importing.safe_zip.SafeZip`,
which counts the bytes actually unpacked (headers may lie about sizes) and
refuses a zip bomb long before it fills the memory. XML parts are searched
whole for a document type declaration.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lobcoder.errors import FileProblem, ImportProblem
from lobcoder.importing.safe_zip import MB, SafeZip

# An interview in Word is a few MB unpacked; images included, far below these.
MAX_UNPACKED = 200 * MB
MAX_RATIO = 100  # bytes unpacked per byte of the file (real sizes, not the headers')
_XML_PARTS = (".xml", ".rels")
_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")


def unpack(data: bytes, path: str | Path, what: str) -> dict[str, bytes]:
    """All file members of the document ``data`` (name -> bytes), read within the limits.

    Args:
        what: how to name the expected kind of file in a message, e.g.
            "a valid Word document (.docx)".

    Raises:
        ImportProblem: not a zip archive, a damaged one, one that unpacks to
            an unreasonable size, or an XML part that declares a DTD.
    """
    try:
        archive = SafeZip(path, max_total=MAX_UNPACKED, max_member=MAX_UNPACKED, max_ratio=MAX_RATIO, data=data)
    except FileProblem as exc:
        raise ImportProblem(path, f"is not {what}: {exc.problem}") from exc
    members: dict[str, bytes] = {}
    with archive:
        for name in archive.names():
            try:
                content = archive.read(name)
            except FileProblem as exc:
                raise ImportProblem(path, exc.problem) from exc
            if name.lower().endswith(_XML_PARTS) and any(marker in content for marker in _MARKERS):
                raise ImportProblem(
                    path, f"contains an XML document type declaration in {name}, which is refused for safety"
                )
            members[name] = content
    return members


def repack(members: dict[str, bytes]) -> bytes:
    """The checked members as a new, uncompressed zip (for libraries that want a zip file)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def member(members: dict[str, bytes], name: str, path: str | Path, what: str) -> bytes:
    """One member by name (any case), naming a missing one in plain words."""
    wanted = name.casefold()
    for key, content in members.items():
        if key.casefold() == wanted:
            return content
    raise ImportProblem(path, f"is not {what}: it has no {name}")
