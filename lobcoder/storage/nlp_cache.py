"""The project's NLP cache: what is worked out from a text, kept by the text's content hash and a kind.

One table (``nlp_cache``) holds every kind: the suggestions' parses and
vocabulary counts (``suggest/cache.py``, ``suggest/vocabulary.py``) and the
word frequencies' per-document counts (``analysis/words.py``). A row is
keyed by ``(content_hash, pipeline)``; ``pipeline`` names the kind and the
version of whatever made the data, so a new version simply misses the old
rows. Rows are never updated: the same input gives the same data.

Keys start with the text's content hash: a key is the hash itself, or (a
kind that keeps several rows per text, such as the word counts of a code's
passages) 64 characters of which the first :data:`TEXT_PREFIX` are the
hash's. Rows no one can read again are pruned in the short write
transaction that saves new ones, and when a document is deleted:

* rows a save replaces (:func:`save_cached`'s ``replacing``: key prefixes
  such as "this text's counts of this code's passages", whose passages changed);
* rows of older versions of the kind saved (:func:`save_cached`): kinds are
  named so that two versions differ only in their numbers (``tokenizer 1`` /
  ``tokenizer 2``, ``lemma rules 3; cache format 2``), so a row whose kind
  differs from the one saved only in lower numbers can never be read again
  by this install (a newer install's rows stay: a project may be shared);
* rows of texts no document holds any more (deleted, or edited: a new text
  has a new hash), by :func:`prune`, in the transaction that deletes
  documents and when :class:`CacheRows` saves (the word counts the Words tab
  and ``report words`` keep). Documents are deleted by a copy for a second
  coder (``teamwork.copy``: the documents not chosen; a blind copy also drops
  the rows worked out from codings) and by ``services.documents.delete_document``
  (no GUI or CLI command deletes a document yet). :func:`save_cached` alone
  keeps rows of any hash (the suggestions save the texts they read).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from lobcoder.errors import StorageProblem
from lobcoder.storage.bulk import insert_ignoring_duplicates
from lobcoder.storage.models import Document, NlpCache, utcnow
from lobcoder.storage.project import ProjectStore

TEXT_PREFIX = 32  # the characters of a key that name its text (the first half of a SHA-256 hex digest)
SLOT = TEXT_PREFIX + 8  # the characters of a scoped key that name its text and what it is of (its slot)
_NUMBER = re.compile(r"\d+")


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


def save_cached(session: Session, pipeline: str, entries: Mapping[str, bytes], replacing: Iterable[str] = ()) -> None:
    """Add cache rows; a row another worker wrote meanwhile is kept (same input, same data).

    Rows of ``pipeline`` whose key starts with one of ``replacing`` are
    deleted first, and rows of other versions of ``pipeline`` after.
    """
    by_length: dict[int, list[str]] = {}
    for prefix in sorted(set(replacing)):
        by_length.setdefault(len(prefix), []).append(prefix)
    for length, prefixes in by_length.items():
        for chunk in range(0, len(prefixes), 500):  # SQLite's limit on bound parameters
            session.execute(
                delete(NlpCache).where(
                    NlpCache.pipeline == pipeline,
                    func.substr(NlpCache.content_hash, 1, length).in_(prefixes[chunk : chunk + 500]),
                )
            )
    for content_hash, data in sorted(entries.items()):
        session.execute(
            insert_ignoring_duplicates(session, NlpCache).values(
                content_hash=content_hash, pipeline=pipeline, data=data, created_at=utcnow()
            )
        )
    _prune_versions(session, pipeline)


def _prune_versions(session: Session, saved: str) -> int:
    """Delete the rows of older versions of the kind ``saved`` (see the module docstring); the number deleted.

    Older: each number no higher than the saved kind's. A newer version's
    rows stay, so two installs that share a project (an older command line
    beside a newer app) do not delete each other's rows on every save.
    """
    shape, numbers = _NUMBER.sub("#", saved), _numbers(saved)
    kinds = session.scalars(select(NlpCache.pipeline).distinct()).all()
    stale = [
        kind
        for kind in kinds
        if kind != saved
        and _NUMBER.sub("#", kind) == shape
        and all(old <= new for old, new in zip(_numbers(kind), numbers, strict=True))
    ]
    if not stale:
        return 0
    return int(session.execute(delete(NlpCache).where(NlpCache.pipeline.in_(stale))).rowcount or 0)  # type: ignore[attr-defined]


def _numbers(kind: str) -> list[int]:
    return [int(number) for number in _NUMBER.findall(kind)]


def prune(session: Session, *, scoped: bool = True) -> int:
    """Delete the rows of texts no document holds; the number deleted.

    With ``scoped=False`` every row whose key is not a text's hash goes too:
    the rows worked out from codings and interviewer stretches (the word
    counts of a code's passages), which a blind copy must not carry.
    One statement over the cache table's keys and the documents' hash index
    (no text, no data read): milliseconds for a study's cache.
    """
    if not scoped:
        held = select(Document.content_hash)
        return int(session.execute(delete(NlpCache).where(NlpCache.content_hash.not_in(held))).rowcount or 0)  # type: ignore[attr-defined]
    text = func.substr(NlpCache.content_hash, 1, TEXT_PREFIX)
    held = select(func.substr(Document.content_hash, 1, TEXT_PREFIX))
    return int(session.execute(delete(NlpCache).where(text.not_in(held))).rowcount or 0)  # type: ignore[attr-defined]


class CacheRows:
    """One kind of row of a project's NLP cache, read and written in sessions of their own (any thread)."""

    def __init__(self, store: ProjectStore, pipeline: str) -> None:
        self.store, self.pipeline = store, pipeline

    def load(self, hashes: Iterable[str]) -> dict[str, bytes]:
        with self.store.read() as session:
            return load_cached(session, self.pipeline, hashes)

    def save(self, entries: Mapping[str, bytes], replacing: Iterable[str] = ()) -> bool:
        """Keep ``entries`` and prune (:func:`save_cached`, :func:`prune`) in one short write transaction of its own.

        False, keeping nothing, when the project cannot be written (read-only,
        locked): a cache is an aid, a project that cannot keep it is still read.
        """
        if not entries or self.store.read_only:
            return False
        try:
            with self.store.transaction() as session:
                save_cached(session, self.pipeline, entries, replacing)
                prune(session)
        except StorageProblem:
            return False
        return True
