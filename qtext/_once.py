"""``@once``: a zero-argument loader built at most once per process, even under a thread race.

``functools.lru_cache`` keeps its own table consistent across threads, but when several threads
call a cached function before its first result is stored, each of them runs the function: a
dictionary read and parsed eight times by eight threads starting together. ``once`` keeps the
``lru_cache`` fast path (a C-level hit once built) and puts a lock around the first build, so
the others wait for it and share its result.

>>> calls = []
>>> @once
... def table() -> dict[str, int]:
...     calls.append(1)
...     return {"国": 1}
>>> table() is table(), len(calls)
(True, 1)
>>> table.cache_clear(); _ = table(); len(calls)   # cleared: built again on next use
2
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import TypeVar

__all__ = ["once"]

T = TypeVar("T")


def once(fn: Callable[[], T]) -> functools._lru_cache_wrapper[T]:
    """Decorate a zero-argument loader: built on first call, under a lock, then cached."""
    lock = threading.Lock()
    built: list[T] = []

    @functools.lru_cache(maxsize=1)
    @functools.wraps(fn)
    def cached() -> T:
        with lock:
            if not built:
                built.append(fn())
            return built[0]

    lru_clear = cached.cache_clear

    def cache_clear() -> None:
        with lock:
            built.clear()
            lru_clear()

    cached.__dict__["cache_clear"] = cache_clear  # the next call builds again
    return cached
