"""A long text's search index written in short transactions before the text itself is stored.

Indexing 100 MB of text takes seconds; in the import's own transaction that
is seconds in which another window's action waits for the write lock (and
fails after its 5 s busy timeout). :meth:`StagedIndex.stage` writes the pieces
(``search/pieces.py``) in transactions of a few megabytes each, as pieces of
no document: no search finds them. The import's transaction then claims them
for the new document with one ``UPDATE`` (:meth:`StagedIndex.claim`), so the
document appears with its whole index at once, or not at all.

A killed import leaves staged pieces that belong to nobody and that no
search sees; opening the project for writing removes those of processes that
no longer run (or that are older than a day), and so does the next import
before it stages its own (``storage/staged_pieces.py``).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from itertools import islice

from sqlalchemy import text
from sqlalchemy.orm import Session

from lobcoder.errors import Cancelled, LobcoderError
from lobcoder.i18n.said import say
from lobcoder.search.index import insert_pieces
from lobcoder.search.pieces import PIECE_BYTES, cut_pieces
from lobcoder.storage.project import ProjectStore
from lobcoder.storage.staged_pieces import now as _now
from lobcoder.storage.staged_pieces import remove_staged, remove_stale

# Pieces per staging transaction: 8 pieces of 512 KiB keep each one well under a second.
_PIECES_PER_TRANSACTION = 8
# Texts up to this size are indexed in the import's own transaction (a fraction of a second).
STAGE_ABOVE_BYTES = _PIECES_PER_TRANSACTION * PIECE_BYTES


class StagedIndexGone(LobcoderError):
    """The pieces staged for a text were removed before its document was stored."""


class StagedIndex:
    """The search index of one text that is about to be stored (UTF-8 bytes)."""

    piece_bytes: int | None = None  # search/pieces.py's size

    @staticmethod
    def worth_it(utf8: bytes | bytearray) -> bool:
        """Whether ``utf8`` is long enough to be indexed before its import's transaction."""
        return len(utf8) > STAGE_ABOVE_BYTES

    def __init__(self, utf8: bytes | bytearray) -> None:
        self.utf8 = utf8
        self.token = f"{os.getpid()}:{uuid.uuid4().hex}"
        self.pieces = 0

    def stage(self, store: ProjectStore, cancelled: Callable[[], bool] | None = None) -> None:
        """Index the text as pieces of no document, a few megabytes per transaction."""
        with store.transaction() as session:
            remove_stale(session)
        pieces = cut_pieces(self.utf8, self.piece_bytes)
        self.utf8 = b""  # the importer's buffer is not held here beyond this point
        try:
            while True:
                if cancelled is not None and cancelled():
                    raise Cancelled("import cancelled")
                batch = list(islice(pieces, _PIECES_PER_TRANSACTION))
                if not batch:
                    break
                with store.transaction() as session:
                    self.pieces += insert_pieces(session, None, batch, staging=self.token, staged_at=_now())
        except BaseException:
            self.discard(store)
            raise

    def claim(self, session: Session, document_id: int) -> None:
        """Give the staged pieces to ``document_id`` (in the transaction that stores the document).

        Raises:
            StagedIndexGone: some staged pieces are gone (removed as stale).
        """
        result = session.execute(
            text(
                "UPDATE search_pieces SET document_id = :document, staging = NULL, staged_at = NULL "
                "WHERE staging = :staging AND document_id IS NULL"
            ),
            {"document": document_id, "staging": self.token},
        )
        if result.rowcount != self.pieces:  # type: ignore[attr-defined]
            raise StagedIndexGone(say("problem.index_gone"))

    def discard(self, store: ProjectStore) -> None:
        """Remove what was staged (after a failed or duplicate import); errors are ignored."""
        if not self.pieces:
            return
        try:
            with store.transaction() as session:
                remove_staged(session, self.token)
        except Exception:  # noqa: BLE001 - the next import removes them as stale
            pass
        self.pieces = 0
