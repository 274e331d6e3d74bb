"""The project's NLP cache: what is worked out from a text, kept by the text's content hash and a kind.

One table (``nlp_cache``) holds every kind: the suggestions' parses and
vocabulary counts (``suggest/cache.py``, ``suggest/vocabulary.py``) and the
word frequencies' per-document counts (``analysis/words.py``). A row is
keyed by ``(content_hash, pipeline)``; ``pipeline`` names the kind and the
version of whatever made the data, so a new version simply misses the old
rows. Rows are never updated: the same input gives the same data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.errors import StorageProblem
from lobcoder.storage.bulk import insert_ignoring_duplicates
from lobcoder.storage.models import NlpCache, utcnow
from lobcoder.storage.project import ProjectStore


def load_cached(session: Session, pipeline: str, hashes: Iterable[str]) -> dict[str, bytes]:
    wanted = sorted(set(hashes))
    found: dict[str, bytes] = {}
    for chunk in range(0, len(wanted), 500):  # SQLite's limit on bound parameters
        rows = session.execute(
            select(NlpCache.content_hash, NlpCache.data).where(
                NlpCache.pipeline == pipeline, NlpCache.content_hash.in_(wanted[chunk : chunk + 500])
            )
        )
        found.update({h: bytes(d) for h, d in rows})
    return found


def save_cached(session: Session, pipeline: str, entries: Mapping[str, bytes]) -> None:
    """Add cache rows; a row another worker wrote meanwhile is kept (same input, same data)."""
    for content_hash, data in sorted(entries.items()):
        session.execute(
            insert_ignoring_duplicates(session, NlpCache).values(
                content_hash=content_hash, pipeline=pipeline, data=data, created_at=utcnow()
            )
        )


class CacheRows:
    """One kind of row of a project's NLP cache, read and written in sessions of their own (any thread)."""

    def __init__(self, store: ProjectStore, pipeline: str) -> None:
        self.store, self.pipeline = store, pipeline

    def load(self, hashes: Iterable[str]) -> dict[str, bytes]:
        with self.store.read() as session:
            return load_cached(session, self.pipeline, hashes)

    def save(self, entries: Mapping[str, bytes]) -> bool:
        """Keep ``entries``; False, keeping nothing, when the project cannot be written (read-only, locked).

        A cache is an aid: a project that cannot keep it is still read.
        """
        if not entries or self.store.read_only:
            return False
        try:
            with self.store.transaction() as session:
                save_cached(session, self.pipeline, entries)
        except StorageProblem:
            return False
        return True
