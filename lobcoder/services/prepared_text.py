"""A text made ready to store before the write lock is taken.

Encoding a long transcript and hashing it take seconds for a 100 MB text;
done before the transaction, another window waits only for the writes
themselves. Holding bytes instead of the string also lets the importer drop
the string (two or four bytes a character in Python) before SQLite makes its
copies. The search index is made from the same bytes, a piece at a time
(``search/pieces.py``), so no folded copy of the whole text is held.
"""

from __future__ import annotations

from dataclasses import dataclass

from lobcoder.storage.bulk import utf8
from lobcoder.text.normalize import content_hash, is_normalized


@dataclass
class PreparedText:
    """A normalised text as UTF-8, its length and hash.

    :func:`~lobcoder.services.documents.add_document` consumes it: the buffer
    is released once written, so it can be stored once.
    """

    utf8: bytearray
    length: int
    digest: str

    def take(self, field: str) -> bytearray:
        """The buffer ``field`` ("utf8"), leaving an empty one behind."""
        data: bytearray = getattr(self, field)
        setattr(self, field, bytearray())
        return data


def prepare_text(text: str, name: str = "") -> PreparedText:
    """Check that ``text`` is normalised and make it ready to store.

    Raises:
        ValueError: the text is not in normalised form.
    """
    if not is_normalized(text):
        raise ValueError(f"the text of {name!r} is not normalised; pass it through normalize_text first")
    return PreparedText(utf8(text), len(text), content_hash(text))
