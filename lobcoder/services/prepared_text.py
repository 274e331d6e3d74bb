"""A text made ready to store before the write lock is taken.

Encoding a long transcript and hashing it take seconds for a 100 MB text;
done before the transaction, another window waits only for the writes
themselves. Holding bytes instead of the string also lets the importer drop
the string (two or four bytes a character in Python) before SQLite makes its
copies. The search index is made from the same bytes, a piece at a time
(``search/pieces.py``), so no folded copy of the whole text is held.
An importer that holds the text only to store it spools the UTF-8 aside
(:func:`spool_text`), lets the string go and then reads the bytes back. The
spool of a long text is a file beside the project, never in the system's
temporary folder: an interview must not leave the folder the researcher keeps
it in.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from lobcoder.storage.bulk import utf8
from lobcoder.storage.leftovers import spool_file
from lobcoder.text.normalize import content_hash, is_normalized

_PIECE = 1 << 20  # characters encoded at a time
_SPOOL_IN_MEMORY = 1 << 20  # bytes kept in memory before the spool becomes a file beside the project


@dataclass
class PreparedText:
    """A normalised text as UTF-8, its length and hash.

    :func:`~lobcoder.services.documents.add_document` consumes it: the buffer
    is released once written, so it can be stored once.
    """

    utf8: bytearray
    length: int
    digest: str

    def take_utf8(self) -> bytearray:
        """The UTF-8 buffer, leaving an empty one behind."""
        data, self.utf8 = self.utf8, bytearray()
        return data


def _check_normalized(text: str, name: str) -> None:
    if not is_normalized(text):
        raise ValueError(f"the text of {name!r} is not normalised; pass it through normalize_text first")


def prepare_text(text: str, name: str = "") -> PreparedText:
    """Check that ``text`` is normalised and make it ready to store.

    Raises:
        ValueError: the text is not in normalised form.
    """
    _check_normalized(text, name)
    return PreparedText(utf8(text), len(text), content_hash(text))


class SpooledText:
    """A normalised text's UTF-8 written aside, its length and hash (see :func:`spool_text`).

    The UTF-8 waits in a temporary file (in memory while it is short) until
    :meth:`prepared` reads it back: the caller lets go of the ``str`` in
    between, so a long text is never held as a ``str`` and as UTF-8 at once
    after it was read. The file is in the project's folder (see
    :func:`spool_text`) and is gone when closed.
    """

    def __init__(
        self, spool: IO[bytes] | None, size: int, length: int, digest: str, data: bytearray | None = None
    ) -> None:
        self._spool = spool
        self._data = data  # the UTF-8 itself when no spool could be written (a full disk)
        self.size = size
        self.length = length
        self.digest = digest

    def prepared(self) -> PreparedText:
        """The text as :func:`prepare_text` gives it (once: the spool is closed)."""
        if self._data is not None:
            data, self._data = self._data, None
            return PreparedText(data, self.length, self.digest)
        if self._spool is None:
            raise RuntimeError("the spooled text was already taken")
        spool, self._spool = self._spool, None
        with spool:
            data = bytearray(self.size)  # exactly the size: no growth, no second copy
            view = memoryview(data)
            spool.seek(0)
            done = 0
            while done < self.size:
                read = spool.readinto(view[done:])  # type: ignore[attr-defined]
                if not read:
                    raise OSError("the spooled text was cut short")
                done += read
            view.release()
        return PreparedText(data, self.length, self.digest)

    def close(self) -> None:
        self._data = None
        if self._spool is not None:
            self._spool.close()
            self._spool = None


def spool_text(text: str, name: str = "", beside: str | Path | None = None) -> SpooledText:
    """:func:`prepare_text` with the UTF-8 set aside until :meth:`SpooledText.prepared`.

    The bytes, length and hash are exactly :func:`prepare_text`'s. A text
    longer than a megabyte is spooled to a file in the folder of the project
    ``beside`` (None: the system's temporary folder), under a hidden name
    (:func:`~lobcoder.storage.leftovers.spool_prefix`). Where the system can, the file has no name at all
    and is gone even after a kill (Linux: ``O_TMPFILE``; macOS: removed as
    soon as it is made; Windows: deleted on close by the system); otherwise
    the next opening of the project removes it. When the folder cannot be
    written, the UTF-8 is held in memory instead.

    Raises:
        ValueError: the text is not in normalised form.
    """
    _check_normalized(text, name)
    spool = spool_file(_SPOOL_IN_MEMORY, beside)
    digest = hashlib.sha256()
    size = 0
    try:
        for start in range(0, len(text), _PIECE):
            piece = text[start : start + _PIECE].encode("utf-8")
            digest.update(piece)
            spool.write(piece)
            size += len(piece)
        spool.flush()
    except OSError:  # no room for the spool, or a folder it may not be written in: hold the UTF-8 in memory
        spool.close()
        data = utf8(text)
        return SpooledText(None, len(data), len(text), content_hash(text), data)
    except BaseException:
        spool.close()
        raise
    return SpooledText(spool, size, len(text), digest.hexdigest())
