"""Repair step ``typeset``: width, punctuation and whitespace as PRC typesetting has them.

Rules (each one local, decided from the neighbouring characters of the same line):

- Invisible characters go: zero-width space/joiners (U+200B–U+200D), word joiner (U+2060), BOM
  (U+FEFF) and soft hyphen (U+00AD). A no-break space (U+00A0) becomes a plain space: pages use it
  as a real word space (``北京9月30日电\u00a0\u00a0（记者…）``, ``《奋斗吧\u00a0中华儿女》``), and
  deleting it would join a dateline to its text.
- Ideographic-space (U+3000) indentation at the start of a line is removed, and so is trailing
  white space at the end of a line. Line breaks are never touched (paragraphs matter downstream).
- Full-width ASCII letters, digits and symbols become ASCII (``２００２年`` → ``2002年``,
  ``ＩＴ`` → ``IT``), except the full-width punctuation Chinese uses: ``，：；？！（）`` and ``～``.
- In Chinese context, ASCII ``, : ; ? !`` become ``，：；？！``: the nearest character on either
  side, skipping spaces, digits, brackets, quotes and punctuation this step converts (at most 16
  characters away), is a Han character or CJK punctuation. A colon between two digits (``10:30``,
  ``1:0``) and a thousands comma (``3,500``) stay, and so does anything inside ASCII-only
  surroundings (URLs, e-mail addresses, English phrases). ``.`` is never changed. An ``;`` that
  ends an HTML entity (``&#21271;``) is left for the html step.
- On a line with Han text, a pair of ASCII parentheses becomes ``（）`` (``组织(ISO)主席`` →
  ``组织（ISO）主席``) unless it sits inside English: an ASCII letter or digit right before it,
  English text or the line end right after it, and no Han inside. A pair of straight double
  quotes around text containing Han becomes ``“”``, single quotes ``‘’``.
- The context never counts characters this step itself changes, so one pass is final (the step
  is idempotent).

>>> from qtext import RepairConfig
>>> from qtext._repair._edits import apply_changes
>>> fix = lambda s: apply_changes(s, find_changes(s, RepairConfig()), "typeset")[0]
>>> fix("\\u3000\\u3000投入１.４亿元,比分3:1,共3,500人(ISO)。")
'投入1.4亿元，比分3:1，共3,500人（ISO）。'
>>> fix("发布时间:2017-09-19 作者: 来源:网站 http://a.cn/?x=1")
'发布时间：2017-09-19 作者： 来源：网站 http://a.cn/?x=1'
"""

from __future__ import annotations

import bisect
import re

from .._config import RepairConfig
from ._attach import attach_deletions
from ._edits import Change, Trigger, new_change

__all__ = ["find_changes", "trigger"]

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
#: full-width forms that become ASCII: all of U+FF01–U+FF5E except ！（），：；？～
_FULL = r"\uff02-\uff07\uff0a\uff0b\uff0d-\uff19\uff1c-\uff1e\uff20-\uff5d"
_PUNCT = r",:;?!()\"'"
#: the characters the step may change or needs (any ideographic space: indentation is one)...
_TRIGGER_CHARS = f"\u00a0\u00ad\u200b-\u200d\u2060\ufeff{_FULL}{_PUNCT}\u3000"
_PRECHECK = re.compile(f"[{_TRIGGER_CHARS}]")
#: ...and white space at a line end: without either, the step has nothing to do
_TRAILING = re.compile(r"[ \t](?:$|\r)", re.MULTILINE)
_CANDIDATE = re.compile(rf"[\n\u00a0\u00ad\u200b-\u200d\u2060\ufeff{_FULL}{_PUNCT}]")
_INDENT = re.compile(r"^[ \t\u00a0]*\u3000[ \t\u00a0\u3000]*", re.MULTILINE)
_WHITE = " \t\u3000\u00a0"
_EOL = re.compile("[\r\n]")
_SIMPLE = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_ENTITY_END = re.compile(r"&#?[0-9A-Za-z]{1,10};$")
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _is_cjk(ch: str) -> bool:
    """Han characters and the punctuation of Chinese text."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x3000 <= o <= 0x303F
        or o in (0xFF01, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF5E)
        or 0x2014 <= o <= 0x201D
        or o in (0x2026, 0x00B7)
    )


def _is_digit(ch: str) -> bool:
    return "0" <= ch <= "9" or "\uff10" <= ch <= "\uff19"


#: skipped when looking for the context of ``, : ; ? !``: numbers, spaces, brackets and quotes in
#: both widths, and the punctuation this step converts (so its own output never changes a
#: decision: the step is idempotent)
_NUMERIC = frozenset("0123456789.%:/-+ \t\u00a0()（）\"'“”‘’,，:：;；?？!！")
_REACH = 16


def _chinese_around(text: str, i: int) -> bool:
    """The nearest character on the line before or after ``i`` that is not part of a number or
    a space (looking at most 16 characters away) is Han or CJK punctuation."""
    j = i - 1
    while j >= 0 and i - j <= _REACH and text[j] in _NUMERIC:
        j -= 1
    if j >= 0 and i - j <= _REACH and text[j] != "\n" and _is_cjk(text[j]):
        return True
    n = len(text)
    j = i + 1
    while j < n and j - i <= _REACH and text[j] in _NUMERIC:
        j += 1
    return j < n and j - i <= _REACH and _is_cjk(text[j])


def _between_digits(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and _is_digit(text[i - 1]) and _is_digit(text[i + 1])


def _thousands(text: str, i: int) -> bool:
    """A comma inside a number: a digit before it and exactly three digits after it (3,500)."""
    if not (_between_digits(text, i) and i + 3 < len(text) + 1):
        return False
    if not all(_is_digit(c) for c in text[i + 1 : i + 4]) or len(text[i + 1 : i + 4]) < 3:
        return False
    return i + 4 >= len(text) or not _is_digit(text[i + 4])


def _english_before(text: str, o: int) -> bool:
    j = o - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j >= 0 and text[j].isascii() and (text[j].isalnum() or text[j] in "._-/@")


def _english_after(text: str, c: int) -> bool:
    j = c + 1
    n = len(text)
    while j < n and text[j] in " \t\u00a0":
        j += 1
    if j >= n or text[j] in "\r\n":
        return True
    ch = text[j]
    # ASCII punctuation and the full-width forms this step itself makes of it count alike, so
    # the decision does not change once a neighbouring comma has been typeset (idempotence)
    return (ch.isascii() and (ch.isalnum() or ch in ".,;:!?")) or ch in "，；：？！"


def _pair_changes(text: str, opens: list[tuple[int, int]], single: dict[int, tuple[str, str]]) -> None:
    """Decide the ASCII parenthesis pairs ``(open, close)`` of one line that contains Han text:
    each becomes full-width unless it sits inside English (``see Fig. (1).``): an ASCII letter or
    digit right before it, English text or the line end right after it, and no Han inside."""
    han: list[int] | None = None
    if len(opens) > 8:  # nested pairs would search the same text again and again: index the Han once
        han = [m.start() for m in _HAN_RE.finditer(text, min(o for o, _ in opens), max(c for _, c in opens))]
    for o, c in opens:
        if han is None:
            han_inside = _HAN_RE.search(text, o + 1, c) is not None
        else:
            k = bisect.bisect_right(han, o)
            han_inside = k < len(han) and han[k] < c
        if not han_inside and _english_before(text, o) and _english_after(text, c):
            continue
        single[o] = ("（", "ASCII parenthesis in Chinese text")
        single[c] = ("）", "ASCII parenthesis in Chinese text")


def _quote_changes(text: str, quotes: list[int], ch: str, single: dict[int, tuple[str, str]]) -> None:
    """Pair straight quotes of one line in order; a pair around Han text becomes curly."""
    left, right = ("“", "”") if ch == '"' else ("‘", "’")
    for k in range(0, len(quotes) - 1, 2):
        o, c = quotes[k], quotes[k + 1]
        if _HAN_RE.search(text, o + 1, c) is None:
            continue
        if ch == "'" and o + 1 < len(text) and text[o + 1].isascii() and text[o + 1].isalpha():
            continue  # an English apostrophe, not a quote
        single[o] = (left, "straight quote in Chinese text")
        single[c] = (right, "straight quote in Chinese text")


def trigger() -> Trigger:
    """``_PRECHECK``'s characters and the white space at a line end (``_TRAILING``)."""
    return Trigger(_TRIGGER_CHARS, (_TRAILING,))


def find_changes(text: str, config: RepairConfig) -> list[Change]:
    """Return the changes this step makes to ``text`` (sorted, non-overlapping)."""
    if _PRECHECK.search(text) is None and _TRAILING.search(text) is None:
        return []
    spans: list[Change] = []
    if "\u3000" in text:  # (an indentation needs one; the search tries every position)
        for m in _INDENT.finditer(text):
            spans.append(Change(m.start(), m.end(), "", "ideographic-space indentation removed"))
    n = len(text)
    # the white run (if any) that ends at each line end: scanned back from the line ends
    for e in [*(m.start() for m in _EOL.finditer(text)), n]:
        j = e
        while j > 0 and text[j - 1] in _WHITE:
            j -= 1
        if j < e:
            spans.append(Change(j, e, "", "trailing white space removed"))
    single: dict[int, tuple[str, str]] = {}
    parens: list[int] = []
    pairs: list[tuple[int, int]] = []
    dquotes: list[int] = []
    squotes: list[int] = []

    line_start = 0

    def end_line(line_end: int) -> None:
        if pairs:
            if _HAN_RE.search(text, line_start, line_end) is not None:
                _pair_changes(text, pairs, single)
            pairs.clear()
        parens.clear()
        if len(dquotes) > 1:
            _quote_changes(text, dquotes, '"', single)
        if len(squotes) > 1:
            _quote_changes(text, squotes, "'", single)
        dquotes.clear()
        squotes.clear()

    for m in _CANDIDATE.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == "\n":
            end_line(i)
            line_start = i + 1
        elif ch in _INVISIBLE:
            single[i] = ("", f"invisible U+{ord(ch):04X} removed")
        elif ch == "\u00a0":
            single[i] = (" ", "no-break space → space")
        elif "\uff01" <= ch <= "\uff5e":
            single[i] = (chr(ord(ch) - 0xFEE0), "full-width ASCII → ASCII")
        elif ch in _SIMPLE:
            if ch == ":" and (_between_digits(text, i) or text.startswith("//", i + 1)):
                continue  # 10:30, 1:0, https://
            if ch == "," and _thousands(text, i):
                continue
            if ch == ";" and _ENTITY_END.search(text, max(0, i - 12), i + 1) is not None:
                continue  # the end of an HTML entity (&#21271;), left for the html step
            if _chinese_around(text, i):
                single[i] = (_SIMPLE[ch], "ASCII punctuation in Chinese text")
        elif ch == "(":
            parens.append(i)
        elif ch == ")":
            if parens:
                pairs.append((parens.pop(), i))
        elif ch == '"':
            dquotes.append(i)
        elif ch == "'":
            squotes.append(i)
    end_line(len(text))

    changes: list[Change] = []
    spans.sort()
    si = 0
    for i in sorted(single):
        while si < len(spans) and spans[si].end <= i:
            changes.append(spans[si])
            si += 1
        if si < len(spans) and spans[si].start <= i:
            continue  # inside a removed span
        rep, note = single[i]
        changes.append(new_change(Change, (i, i + 1, rep, note)))
    changes.extend(spans[si:])
    # spans may overlap each other only for an all-white line: keep the first
    out: list[Change] = []
    end = -1
    for c in changes:
        if c.start < end:
            continue
        out.append(c)
        end = c.end
    return attach_deletions(text, out)
