"""The bounded cache keeps the values used last, drops a replaced key's kin, and may be shared between threads."""

from __future__ import annotations

import threading

from lobcoder.util.bounded_cache import BoundedCache


def test_the_least_recently_used_value_goes_first() -> None:
    kept: BoundedCache[str, int] = BoundedCache(2)
    kept.put("a", 1)
    kept.put("b", 2)
    assert kept.get("a") == 1  # now "b" is the least recently used
    kept.put("c", 3)
    assert (kept.get("a"), kept.get("b"), kept.get("c"), len(kept)) == (1, None, 3, 2)
    kept.clear()
    assert len(kept) == 0 and kept.get("a") is None


def test_a_new_value_can_replace_the_older_ones_of_its_project() -> None:
    kept: BoundedCache[tuple[str, str], str] = BoundedCache(4)
    kept.put(("p1", "v1"), "old")
    kept.put(("p2", "v1"), "other project")
    kept.put(("p1", "v2"), "new", replaces=lambda key: key[0] == "p1")
    assert kept.get(("p1", "v1")) is None
    assert (kept.get(("p1", "v2")), kept.get(("p2", "v1")), len(kept)) == ("new", "other project", 2)


def test_threads_sharing_it_keep_it_within_its_size() -> None:
    kept: BoundedCache[int, int] = BoundedCache(16)

    def work(offset: int) -> None:
        for n in range(2000):
            kept.put((offset + n) % 50, n)
            kept.get((offset + 3 * n) % 50)

    threads = [threading.Thread(target=work, args=(k * 7,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(kept) == 16
