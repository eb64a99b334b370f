"""Finding many words at once in one pass over the text (no per-word rescans, no huge alternations).

A regex alternation of the words a page itself produced (every person found, every alias
defined) costs time proportional to the text *times* the number of words, and one
``re.finditer`` per word costs the same; on a long page with thousands of names that is
quadratic. These scans jump from one possible first character to the next with one
character-class search and then look up each distinct word length in a set, so their time is
linear in the text (times the number of distinct lengths, which is small).

>>> longest_matches("王勇和王勇军出席", ["王勇", "王勇军"])
[(0, 2), (3, 6)]
>>> all_matches("沪质协和质协", ["沪质协", "质协"])
{'沪质协': [0], '质协': [1, 4]}
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

__all__ = ["Spans", "all_matches", "longest_matches"]


def _prepare(words: Iterable[str]) -> tuple[set[str], list[int], re.Pattern[str]] | None:
    wordset = {w for w in words if w}
    if not wordset:
        return None
    lengths = sorted({len(w) for w in wordset}, reverse=True)
    first = re.compile("[" + "".join(re.escape(c) for c in sorted({w[0] for w in wordset})) + "]")
    return wordset, lengths, first


def longest_matches(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of the leftmost-longest, non-overlapping occurrences of ``words`` in ``text``: what
    ``re.finditer`` of the alternation of the words, longest first, finds."""
    prep = _prepare(words)
    if prep is None:
        return []
    wordset, lengths, first = prep
    out: list[tuple[int, int]] = []
    search = first.search
    n = len(text)
    pos = 0
    while True:
        c = search(text, pos)
        if c is None:
            return out
        p = c.start()
        for k in lengths:
            if p + k <= n and text[p:p + k] in wordset:
                out.append((p, p + k))
                pos = p + k
                break
        else:
            pos = p + 1


def all_matches(text: str, words: Iterable[str]) -> dict[str, list[int]]:
    """Each word → the starts of its non-overlapping occurrences, left to right (what
    ``re.finditer(re.escape(word), text)`` finds for that word alone); words never found are absent."""
    prep = _prepare(words)
    if prep is None:
        return {}
    wordset, lengths, first = prep
    out: dict[str, list[int]] = {}
    free: dict[str, int] = {}  # word → the first position where it may start again
    search = first.search
    n = len(text)
    pos = 0
    while True:
        c = search(text, pos)
        if c is None:
            return out
        p = c.start()
        for k in lengths:
            if p + k > n:
                continue
            w = text[p:p + k]
            if w in wordset and free.get(w, 0) <= p:
                out.setdefault(w, []).append(p)
                free[w] = p + k
        pos = p + 1


class Spans:
    """Spans ``(s, e)`` (``s <= e``) asked three questions in O(log n) each, not one scan per question.

    >>> sp = Spans([(2, 6), (10, 12)])
    >>> sp.covers(3, 6), sp.covers(5, 8), sp.ends_inside(4), sp.ends_inside(6), sp.inside(9, 12)
    (True, False, True, False, True)
    >>> sp.overlaps(6, 10), sp.overlaps(5, 7)
    (False, True)
    """

    __slots__ = ("_max_end", "_min_end", "_starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self._starts = [s for s, _ in spans]
        self._max_end: list[int] = []  # max end of spans[:k + 1]
        top = -1
        for _, e in spans:
            top = max(top, e)
            self._max_end.append(top)
        self._min_end = [0] * len(spans)  # min end of spans[k:]
        low = 1 << 62
        for k in range(len(spans) - 1, -1, -1):
            low = min(low, spans[k][1])
            self._min_end[k] = low

    def covers(self, start: int, end: int) -> bool:
        """Some span has ``s <= start`` and ``end <= e``."""
        k = bisect.bisect_right(self._starts, start)
        return k > 0 and self._max_end[k - 1] >= end

    def ends_inside(self, pos: int) -> bool:
        """Some span has ``s < pos < e``."""
        k = bisect.bisect_left(self._starts, pos)
        return k > 0 and self._max_end[k - 1] > pos

    def inside(self, start: int, end: int) -> bool:
        """Some span has ``start <= s`` and ``e <= end``."""
        k = bisect.bisect_left(self._starts, start)
        return k < len(self._min_end) and self._min_end[k] <= end

    def overlaps(self, start: int, end: int) -> bool:
        """Some span has ``s < end`` and ``start < e``."""
        k = bisect.bisect_left(self._starts, end)
        return k > 0 and self._max_end[k - 1] > start
