"""Chinese-aware sentence splitting with offsets into the page text.

A sentence ends at ``。！？；…`` (and ASCII ``!?;``); closing quotes and brackets that follow
the end mark stay with the sentence, and a quote that closes right after an end mark ends the
sentence (unless punctuation shows the sentence goes on). Nothing is split inside ``《》``,
quotes or brackets, so a quoted speech of several sentences stays one sentence with its
speaker. One pass, linear time.
"""

from __future__ import annotations

from .._document import Span

__all__ = ["split_sentences"]

_ENDS = frozenset("。！？；!?;…")
_OPEN_TO_CLOSE = {
    "《": "》", "“": "”", "‘": "’", "（": "）", "(": ")", "「": "」", "『": "』",
    "【": "】", "〈": "〉", "[": "]", "［": "］", "〔": "〕",
}
_CLOSERS = frozenset(_OPEN_TO_CLOSE.values()) | {'"', "'"}
_QUOTE_CLOSERS = frozenset("”’」』\"'")
_CONTINUERS = frozenset("，、；：,;:）)》」』”’…—")
_SPACE = frozenset(" \t\r\n\u3000\xa0")
#: after an ASCII ``!?;`` these mean a URL, code or an entity, not a sentence end (``?id=1``)
_URLISH = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789=&_/%.-#")
_MAX_DEPTH = 8  # nesting deeper than this is not tracked
_MAX_INSIDE = 400  # characters after which an unclosed opener is treated as stray


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split ``text[start:end]`` into sentences; every span satisfies ``text[s.start:s.end] == s.text``.

    >>> [s.text for s in split_sentences("他说：“好。走吧！”大家笑了。《一。二》很好？")]
    ['他说：“好。走吧！”', '大家笑了。', '《一。二》很好？']
    >>> [s.text for s in split_sentences("他说：“我们到了”。他说“好。”，然后走了。")]
    ['他说：“我们到了”。', '他说“好。”，然后走了。']
    """
    end = len(text) if end is None else end
    out: list[Span] = []
    stack: list[tuple[str, int]] = []  # (expected closer, position of the opener)
    s = start
    i = start
    while i < end:
        c = text[i]
        if stack and i - stack[-1][1] > _MAX_INSIDE:
            stack.clear()  # an opener that never closed: stop protecting its contents
        if c in _OPEN_TO_CLOSE and len(stack) < _MAX_DEPTH:
            stack.append((_OPEN_TO_CLOSE[c], i))
        elif stack and c == stack[-1][0]:
            stack.pop()
        elif stack and c in _CLOSERS and any(c == x for x, _ in stack):
            while stack and stack[-1][0] != c:
                stack.pop()
            if stack:
                stack.pop()
        elif c in _ENDS and not stack and not (c in "!?;" and i + 1 < end and text[i + 1] in _URLISH):
            j = i + 1
            while j < end and (text[j] in _ENDS or text[j] in _CLOSERS):
                j += 1
            _emit(text, s, j, out)
            s = j
            i = j
            continue
        i += 1
        # a quote closed right after an end mark: the sentence ends with it unless the sentence
        # goes on (他说“好。”，然后走了)
        if (not stack and i < end and c in _QUOTE_CLOSERS and i - 1 > s and text[i - 2] in _ENDS
                and text[i] not in _CONTINUERS):
            _emit(text, s, i, out)
            s = i
    _emit(text, s, end, out)
    return out


def _emit(text: str, s: int, e: int, out: list[Span]) -> None:
    """Append ``text[s:e]`` trimmed of surrounding white space, if anything is left."""
    while s < e and text[s] in _SPACE:
        s += 1
    while e > s and text[e - 1] in _SPACE:
        e -= 1
    if s < e:
        out.append(Span(text[s:e], s, e))
