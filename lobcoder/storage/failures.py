"""Turn errors from SQLite, the operating system and archive readers into plain one-line messages.

The CLI and the GUI each have one error boundary; both ask :func:`explain`
what an unexpected exception means for the user. Only errors that come from
the world outside lobcoder are explained (a read-only folder, a full disk, a
damaged or locked file, a broken archive, a name taken or a row deleted
meanwhile elsewhere: ``storage/clashes.py``); anything else is a bug and is
left to surface as one.
"""

from __future__ import annotations

import errno
import lzma
import sqlite3
import zipfile
import zlib
from pathlib import Path

from sqlalchemy.exc import DBAPIError, OperationalError

from lobcoder.errors import FileProblem, LobcoderError, StorageProblem
from lobcoder.i18n.said import say
from lobcoder.storage.clashes import clash

READ_ONLY = say("problem.read_only")
DISK_FULL = say("problem.disk_full")
DAMAGED = say("problem.damaged_project")
LOCKED = say("problem.locked")

_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def first_line(error: BaseException) -> str:
    """The first non-empty line of an error's message (lxml and SQLAlchemy write several)."""
    for line in str(error).splitlines():
        if line.strip():
            return line.strip()
    return type(error).__name__


def _sqlite(error: sqlite3.Error, path: str | Path) -> StorageProblem | None:
    name = getattr(error, "sqlite_errorname", "") or ""
    message = first_line(error).lower()
    if isinstance(error, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError):
        return None  # a bug in lobcoder, not trouble with the file
    if name.startswith("SQLITE_READONLY") or "readonly database" in message or name == "SQLITE_PERM":
        return StorageProblem(path, StorageProblem.READ_ONLY, READ_ONLY)
    if name == "SQLITE_FULL" or "disk is full" in message:
        return StorageProblem(path, StorageProblem.DISK_FULL, DISK_FULL)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in message:
        return StorageProblem(path, StorageProblem.LOCKED, LOCKED)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in message or "not a database" in message:
        return StorageProblem(path, StorageProblem.DAMAGED, DAMAGED)
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in message:
        return StorageProblem(
            path,
            StorageProblem.UNREADABLE,
            say("problem.disk_io"),
        )
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in message:
        return StorageProblem(path, StorageProblem.UNREADABLE, say("problem.cannot_open"))
    if isinstance(error, sqlite3.OperationalError | sqlite3.DatabaseError):
        return StorageProblem(path, StorageProblem.UNREADABLE, say("problem.could_not_use", reason=first_line(error)))
    return None


def _os(error: OSError, path: str | Path | None) -> FileProblem:
    named = error.filename if isinstance(error.filename, str | Path) else path
    where = named if named is not None else "file"
    if error.errno in _READ_ONLY_ERRNOS:
        return StorageProblem(where, StorageProblem.READ_ONLY, say("problem.read_only_or_denied"))
    if error.errno in _FULL_ERRNOS:
        return StorageProblem(where, StorageProblem.DISK_FULL, DISK_FULL)
    if error.errno == errno.ENOENT:
        return FileProblem(where, say("problem.no_such_file_or_folder"))
    if error.errno is None:
        # bz2 and gzip raise bare OSErrors for damaged compressed data.
        return FileProblem(where, say("problem.damaged_compressed", reason=first_line(error)))
    return FileProblem(where, say("problem.read_or_write", reason=error.strerror or first_line(error)))


def explain(error: BaseException, path: str | Path | None = None) -> LobcoderError | None:
    """The user-facing form of ``error`` met while working on ``path``; None for a bug.

    ``path`` names the file when the error itself does not (SQLite errors never do).
    """
    if isinstance(error, LobcoderError):
        return error
    found = clash(error)  # a name taken or a row gone meanwhile; None for any other error
    if found is not None:
        return found
    if isinstance(error, OperationalError) and not isinstance(error.orig, sqlite3.Error):
        # A database server's driver (docs/POSTGRESQL.md): unreachable, connection lost, shut down.
        reason = first_line(error.orig) if isinstance(error.orig, BaseException) else first_line(error)
        if getattr(error.orig, "sqlstate", None) != "55P03":
            return StorageProblem(
                path or "database", StorageProblem.UNREADABLE, say("problem.could_not_use", reason=reason)
            )
    if isinstance(error, DBAPIError) and isinstance(error.orig, BaseException):
        return explain(error.orig, path)
    where = path if path is not None else "file"
    if isinstance(error, sqlite3.Error):
        return _sqlite(error, where)
    if getattr(error, "sqlstate", None) == "55P03":  # PostgreSQL lock_not_available: another writer (storage/server.py)
        return StorageProblem(where, StorageProblem.LOCKED, LOCKED)
    if isinstance(error, zipfile.BadZipFile | zipfile.LargeZipFile | zlib.error | lzma.LZMAError | EOFError):
        return FileProblem(where, say("problem.damaged_archive", reason=first_line(error)))
    if isinstance(error, OSError):
        return _os(error, path)
    if isinstance(error, MemoryError):
        return FileProblem(where, say("problem.out_of_memory"))
    if type(error).__module__.startswith("lxml"):
        return FileProblem(where, say("problem.bad_xml", reason=first_line(error)))
    return None


def naming(error: BaseException, path: str | Path) -> BaseException:
    """``error`` explained for ``path``: a problem met on a hidden temporary file names the file the user chose."""
    problem = explain(error, path)
    if isinstance(problem, StorageProblem) and problem.path != str(path):
        return StorageProblem(path, problem.kind, problem.wording)
    return problem if problem is not None else error
