"""A bounded, thread-safe store of the most recently used values.

``functools.lru_cache`` keys on a function's arguments; the caches of the
core key on a content hash while the value is worked out from something
else (a text read only when it is not kept), and some must drop a project's
older entries when a newer one comes. This holds the values, the caller
decides when to work one out: the work runs outside the lock, so threads that
ask for different keys never wait for each other's work.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BoundedCache(Generic[K, V]):
    """The ``size`` values used last, by key; the least recently used goes first."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._values: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        """The value kept for ``key`` (now the most recently used), or None."""
        with self._lock:
            found = self._values.get(key)
            if found is not None:
                self._values.move_to_end(key)
            return found

    def put(self, key: K, value: V, replaces: Callable[[K], bool] | None = None) -> None:
        """Keep ``value`` for ``key``, first dropping every kept key for which ``replaces`` is true."""
        with self._lock:
            if replaces is not None:
                for old in [k for k in self._values if replaces(k)]:
                    del self._values[old]
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self._size:
                self._values.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._values)
