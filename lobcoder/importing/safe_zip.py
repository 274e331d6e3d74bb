"""Read untrusted zip files (.qdpx, .docx, .odt) safely, and write zips atomically.

A .qdpx or a Word file comes from another person's computer. Its member names may try to
escape the target folder ("zip slip"), a member may be a symlink, and a few
kilobytes may unpack to gigabytes ("zip bomb"). Every member is checked when
the archive is opened, and sizes are counted while decompressing: the sizes in
the zip headers are written by the sender and are not trusted. The ratio of
the bytes actually unpacked to the real size of the archive is checked too,
so a header that overstates a member's packed size gains nothing.
"""

from __future__ import annotations

import io
import lzma
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import IO, Literal

from lobcoder.errors import FileProblem, ImportProblem
from lobcoder.i18n.said import Said, say
from lobcoder.storage.atomic_file import atomic_stream

MB = 1024 * 1024
MAX_TOTAL = 2048 * MB
MAX_MEMBER = 500 * MB
MAX_RATIO = 200
MAX_MEMBERS = 100_000
# Below this many decompressed bytes the ratio is not checked: small, very
# regular members (an XML file of repeated elements) compress well and are harmless.
RATIO_FLOOR = 1 * MB
CHUNK = 1 * MB

_DRIVE = re.compile(r"^[A-Za-z]:")


def normalise_name(name: str) -> str | None:
    """A member name with forward slashes and no ``.`` parts; None if it is unsafe.

    Unsafe: absolute (``/x``, ``\\x``), a drive letter (``C:x``), or a ``..`` part.
    """
    cleaned = name.replace("\\", "/")
    if cleaned.startswith("/") or _DRIVE.match(cleaned) or "\x00" in cleaned:
        return None
    parts = [part for part in cleaned.split("/") if part not in ("", ".")]
    if any(part == ".." for part in parts):
        return None
    return "/".join(parts)


def _mb(size: int) -> str:
    return f"{size / MB:.0f} MB"


class SafeZip:
    """A zip archive opened for reading with every member checked.

    Names are looked up case-insensitively and with either slash style, since
    exporters write ``Sources/``, ``sources/`` or ``sources\\``.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        kind: Said,
        max_total: int = MAX_TOTAL,
        max_member: int = MAX_MEMBER,
        max_ratio: float = MAX_RATIO,
        max_members: int = MAX_MEMBERS,
        data: bytes | None = None,
    ) -> None:
        """Open the zip file at ``path``, or ``data`` already read from it (``path`` then names it).

        ``kind`` is what the file should be as the researcher knows it
        (``say("problem.kind.docx")``): a file that is no zip at all, or a
        damaged one, is an :class:`ImportProblem` "is not a Word document
        (.docx), or it is damaged" instead of "is not a zip archive" (that a
        .docx is a zip is no business of hers).
        """
        self.path = Path(path)
        self.max_total = max_total
        self.max_member = max_member
        self.max_ratio = max_ratio
        self.max_members = max_members
        self.total_read = 0
        try:
            self.archive_size = len(data) if data is not None else self.path.stat().st_size
            self._zip = zipfile.ZipFile(io.BytesIO(data) if data is not None else self.path)
        except FileNotFoundError:
            raise FileProblem(self.path, say("problem.zip.not_found")) from None
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
            # Not a zip, or a damaged one: Python's words for why ("File is not a zip file")
            # mean nothing to the researcher; they stay in the exception chain for the log.
            raise ImportProblem(self.path, say("problem.not_or_damaged", what=kind)) from error
        except OSError as error:
            raise FileProblem(self.path, say("problem.zip.unreadable", reason=error.strerror or error)) from None
        try:
            self._members = self._check_members()
        except BaseException:
            self._zip.close()
            raise

    @classmethod
    def open(cls, path: str | Path, max_member_bytes: int | None = None, *, kind: Said, **limits: float) -> SafeZip:
        """Open ``path``; ``max_member_bytes`` (None: the default) caps each member; ``kind`` as for the class."""
        if max_member_bytes is not None:
            limits["max_member"] = max_member_bytes
        return cls(path, kind=kind, **limits)  # type: ignore[arg-type]

    def _refuse(self, problem: Said) -> FileProblem:
        return FileProblem(self.path, problem)

    def _check_members(self) -> dict[str, zipfile.ZipInfo]:
        infos = self._zip.infolist()
        if len(infos) > self.max_members:
            raise self._refuse(say("problem.zip.too_many", count=len(infos), limit=self.max_members))
        members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            name = normalise_name(info.filename)
            if name is None:
                raise self._refuse(say("problem.zip.outside", name=info.filename))
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise self._refuse(say("problem.zip.symlink", name=info.filename))
            if info.flag_bits & 0x1:
                raise self._refuse(say("problem.zip.encrypted", name=info.filename))
            if info.is_dir() or not name:
                continue
            key = name.casefold()
            if key in members:
                raise self._refuse(say("problem.zip.same_name", first=members[key].filename, second=info.filename))
            if info.file_size > self.max_member:
                raise self._refuse(say("problem.zip.member_too_large", name=info.filename, size=_mb(self.max_member)))
            members[key] = info
        return members

    # -- looking up ---------------------------------------------------------

    def names(self) -> list[str]:
        """The file members (no folders), normalised to forward slashes, in archive order."""
        return [normalise_name(info.filename) or "" for info in self._members.values()]

    def member(self, name: str) -> zipfile.ZipInfo | None:
        """The member called ``name`` in any case and slash style, or None."""
        key = normalise_name(name)
        return self._members.get(key.casefold()) if key else None

    def find(self, name: str) -> str | None:
        """The normalised name of the member called ``name`` (any case, any slash), or None."""
        info = self.member(name)
        return normalise_name(info.filename) if info is not None else None

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.member(name) is not None

    # -- reading ------------------------------------------------------------

    def _chunks(self, name: str) -> Iterator[bytes]:
        info = self.member(name)
        if info is None:
            raise self._refuse(say("problem.zip.no_member", name=name))
        label = info.filename
        size = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    self.total_read += len(chunk)
                    if size > self.max_member:
                        raise self._refuse(say("problem.zip.member_unpacks_to", name=label, size=_mb(self.max_member)))
                    if size > RATIO_FLOOR and size > self.max_ratio * max(info.compress_size, 1):
                        raise self._refuse(say("problem.zip.member_ratio", name=label, ratio=f"{self.max_ratio:g}"))
                    if self.total_read > self.max_total:
                        raise self._refuse(say("problem.zip.total", size=_mb(self.max_total)))
                    if self.total_read > RATIO_FLOOR and self.total_read > self.max_ratio * self.archive_size:
                        raise self._refuse(say("problem.zip.ratio", ratio=f"{self.max_ratio:g}"))
                    yield chunk
        except (
            zipfile.BadZipFile,
            zlib.error,
            lzma.LZMAError,
            EOFError,
            NotImplementedError,
            RuntimeError,
            # A bad bzip2 stream raises a bare OSError; an end-of-archive record
            # pointing past the directory makes zipfile seek before the start.
            OSError,
            ValueError,
        ) as error:
            reason = str(error).strip().splitlines()[0] if str(error).strip() else say("problem.zip.ends_early")
            raise self._refuse(say("problem.zip.damaged_member", name=label, reason=reason)) from None

    def chunks(self, name: str) -> Iterator[bytes]:
        """The bytes of member ``name`` in pieces of up to 1 MB, within the size and ratio limits."""
        return self._chunks(name)

    def read(self, name: str) -> bytes:
        """The bytes of member ``name``, within the size and ratio limits."""
        return b"".join(self._chunks(name))

    def extract_to(self, folder: str | Path) -> list[Path]:
        """Write every file member under ``folder`` (never outside it); the paths written."""
        root = Path(folder).resolve()
        written: list[Path] = []
        for name in self.names():
            target = (root / name).resolve()
            if not target.is_relative_to(root) or target == root:
                raise self._refuse(say("problem.zip.write_outside", name=name, root=root))
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as out:
                for chunk in self._chunks(name):
                    out.write(chunk)
            written.append(target)
        return written

    # -- closing ------------------------------------------------------------

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def write_zip(path: str | Path, members: Mapping[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> None:
    """Write ``members`` (name -> bytes) as a zip at ``path``, all or nothing (see :func:`writing_zip`)."""
    with writing_zip(path, compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


@contextmanager
def writing_zip(path: str | Path, compression: int = zipfile.ZIP_DEFLATED) -> Iterator[zipfile.ZipFile]:
    """A zip to write member by member (so nothing need be held in memory), appearing at ``path`` all or nothing.

    Written through :func:`lobcoder.storage.atomic_file.atomic_stream`: a
    crash, a cancel or a full disk never leaves half a file under the real
    name, and a file that cannot be written is a ``FileProblem`` worded as for
    every other export. Member names are checked as they are written.
    """
    with atomic_stream(path) as raw:
        with _CheckedZipFile(raw, "w", compression=compression, allowZip64=True) as archive:
            yield archive


class _CheckedZipFile(zipfile.ZipFile):
    """Refuses member names that could escape a folder when the zip is unpacked."""

    def open(
        self, name: str | zipfile.ZipInfo, mode: Literal["r", "w"] = "r", pwd: bytes | None = None, **kwargs: bool
    ) -> IO[bytes]:
        if mode == "w":
            filename = name.filename if isinstance(name, zipfile.ZipInfo) else name
            if not filename or normalise_name(filename) != filename.replace("\\", "/").strip("/"):
                raise ValueError(f"unsafe zip member name {filename!r}")
        return super().open(name, mode, pwd, **kwargs)
