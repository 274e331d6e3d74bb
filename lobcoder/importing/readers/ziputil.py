"""Unpack zip-based documents (.docx, .odt) through the bounded reader, refusing DTDs.

Every member is read through :class:`~lobcoder.importing.safe_zip.SafeZip`,
which counts the bytes actually unpacked (headers may lie about sizes) and
refuses a zip bomb long before it fills the memory. XML parts are searched
whole for a document type declaration, piece by piece; a reader may parse the
document body as it is unpacked (``feeds``) instead of holding it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

from lobcoder.errors import FileProblem, ImportProblem
from lobcoder.i18n.said import Said, say
from lobcoder.importing.safe_zip import MB, SafeZip

# An interview in Word is a few MB unpacked; images included, far below these.
MAX_UNPACKED = 200 * MB
MAX_RATIO = 100  # bytes unpacked per byte of the file (real sizes, not the headers')
# The text of a document, in characters: as much as the largest text file
# accepted (100 MB), some 15,000 pages. Lean XML packs more into 200 MB.
MAX_TEXT = 100_000_000


def too_long(path: str | Path) -> ImportProblem:
    return ImportProblem(path, say("problem.too_long", millions=MAX_TEXT // 1_000_000))


_XML_PARTS = (".xml", ".rels")
_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")
_LONGEST_MARKER = max(len(marker) for marker in _MARKERS)


def unpack(
    data: bytes | None,
    path: str | Path,
    what: str | Said,
    *,
    kind: Said,
    keep: Callable[[str], bool] | None = None,
    feeds: Mapping[str, Callable[[bytes], None]] | None = None,
    prepare: Callable[[Mapping[str, bytes]], None] | None = None,
) -> dict[str, bytes]:
    """All file members of the document (name -> bytes), read within the limits.

    Every member is read through the bounded reader and every XML part
    searched whole for a DTD, piece by piece. ``data`` is the file's bytes,
    or None to read the file at ``path``. Only members that ``keep`` accepts
    (default: all) are kept; the others map to ``b""``. Each piece of a member
    named in ``feeds`` (any case) is handed to its function as it is read, and
    that member is not kept either: a long document body is parsed as it is
    unpacked, never held whole. Members with a feed are read after all the
    others, and ``prepare`` (if given) sees the kept members first: the
    body's parser can use the parts it depends on (a .docx's list
    definitions), wherever they lie in the zip.

    Args:
        what: how to name the expected kind of file in a message, e.g.
            "a valid Word document (.docx)".
        kind: the kind of file as the researcher knows it, for a file that
            is no zip at all or a damaged one: ``say("problem.kind.docx")``
            gives "is not a Word document (.docx), or it is damaged".

    Raises:
        ImportProblem: not a zip archive, a damaged one, one that unpacks to
            an unreasonable size, or an XML part that declares a DTD.
    """
    feeds = {name.casefold(): feed for name, feed in (feeds or {}).items()}
    try:
        archive = SafeZip(
            path, max_total=MAX_UNPACKED, max_member=MAX_UNPACKED, max_ratio=MAX_RATIO, data=data, kind=kind
        )
    except ImportProblem:
        raise  # no zip, or a damaged one: SafeZip named the kind of file already
    except FileProblem as exc:
        raise ImportProblem(path, say("problem.not_a", what=what, reason=exc.wording)) from exc
    members: dict[str, bytes] = {}
    with archive:
        others = [name for name in archive.names() if name.casefold() not in feeds]
        fed = [name for name in archive.names() if name.casefold() in feeds]
        for name in others + fed:
            if prepare is not None and fed and name == fed[0]:
                prepare(members)
            feed = feeds.get(name.casefold())
            kept = feed is None and (keep is None or keep(name))
            xml = name.lower().endswith(_XML_PARTS)
            pieces: list[bytes] = []
            tail = b""
            try:
                for chunk in archive.chunks(name):
                    if xml and any(marker in tail + chunk[: len(marker)] or marker in chunk for marker in _MARKERS):
                        raise ImportProblem(path, say("problem.xml_doctype", name=name))
                    tail = chunk[-_LONGEST_MARKER:]
                    if kept:
                        pieces.append(chunk)
                    if feed is not None:
                        feed(chunk)
            except FileProblem as exc:
                raise ImportProblem(path, exc.wording) from exc
            members[name] = b"".join(pieces)
    return members


def repack(members: dict[str, bytes]) -> bytes:
    """The checked members as a new, uncompressed zip (for libraries that want a zip file)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()
