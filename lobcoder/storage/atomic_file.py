"""Files written whole or not at all: exports, codebooks, reports.

Core code of any layer writes its output files through here (refi and
reports may not import each other), so every export fails the same way: a
one-line FileProblem naming the file, and any earlier file left as it was.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from lobcoder.errors import FileProblem
from lobcoder.i18n.said import say


def write_atomically(path: str | Path, write: Callable[[IO[bytes]], object]) -> Path:
    """Write a file through ``write(stream)`` so that it appears whole or not at all (see :func:`atomic_stream`).

    Raises:
        FileProblem: the file cannot be written (no such folder, no permission,
            a folder of that name, the file is locked by another program...).
    """
    with atomic_stream(path) as stream:
        write(stream)
    return Path(path)


@contextmanager
def atomic_stream(path: str | Path) -> Iterator[IO[bytes]]:
    """A stream to write a file through while the block runs; the file appears whole when it ends, or not at all.

    The bytes go to a temporary file in the same folder, which replaces
    ``path`` only when the block ends without an error (after an fsync); a
    failed or cancelled export leaves any earlier file as it was. The
    temporary file is created with the usual permissions (umask). An
    ``OSError`` in the block becomes a :class:`FileProblem` naming ``path``.
    """
    target = Path(path)
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as error:
        raise FileProblem(target, say("problem.cannot_write", reason=error.strerror or error)) from error
    try:
        with os.fdopen(descriptor, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise FileProblem(target, say("problem.cannot_write", reason=error.strerror or error)) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
