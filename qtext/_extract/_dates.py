"""Dates in news text, resolved to ISO values against the page's own date.

Invariants:
- every :class:`DateMention` slices back: ``text[m.start:m.end] == m.text``;
- ``value`` is ISO: ``2017-09-15`` (day), ``2014-09`` (month), ``2017`` (year), a range
  ``2017-11-27/2017-11-29``, or ``None`` when the text names no resolvable date (``日前``,
  ``近日``, or a month/day when the page gives no anchor date);
- the anchor is ``page.dateline.date``, else ``page.published``; ``当日``/``当天``/``同日`` take
  the last day-precise date mentioned before them (else the anchor), ``次日`` the day after it;
- one left-to-right regex pass: linear in the length of the text.

>>> from qtext._document import Dateline, Page
>>> page = Page(dateline=Dateline(date="2017-09-15"))
>>> [(m.text, m.value) for m in find_dates("大会15日在上海召开，于2014年9月在北京举行。", page)]
[('15日', '2017-09-15'), ('2014年9月', '2014-09')]
"""

from __future__ import annotations

import datetime as _dt
import re

from .._document import DateMention, Page

__all__ = ["anchor_date", "find_dates", "parse_cn_number"]

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def parse_cn_number(s: str) -> int | None:
    """``"14"`` → 14, ``"十四"`` → 14, ``"二十"`` → 20, ``"二○○一"`` → 2001; None if not a number.

    >>> [parse_cn_number(x) for x in ("十四", "二十九", "二○○一", "百", "一百零五", "x")]
    [14, 29, 2001, 100, 105, None]
    """
    s = s.translate(_FULLWIDTH_DIGITS)
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if all(c in _CN_DIGITS for c in s):  # digit by digit: 二○○一
        n = 0
        for c in s:
            n = n * 10 + _CN_DIGITS[c]
        return n
    total = section = 0
    digit: int | None = None
    for c in s:
        if c in _CN_DIGITS:
            digit = _CN_DIGITS[c]
        elif c in _CN_UNITS:
            unit = _CN_UNITS[c]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section = 0
            else:
                section += (1 if digit is None else digit) * unit
            digit = None
        else:
            return None
    return total + section + (digit or 0)


def anchor_date(page: Page | None) -> _dt.date | None:
    """The day the article speaks from: the dateline's date, else the publication date."""
    if page is None:
        return None
    for value in ((page.dateline.date if page.dateline else None), page.published):
        d = _to_date(value)
        if d is not None:
            return d
    return None


def _to_date(value: str | None) -> _dt.date | None:
    if not value:
        return None
    m = re.match(r"\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})", value)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


# --- the pattern -------------------------------------------------------------------------------

_Y = r"(?:[12][0-9]{3}|[一二][〇○零Ｏ一二三四五六七八九]{3})"
_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DN = r"(?:3[01]|[12][0-9]|0?[1-9])"
_DC = r"(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_PART = r"(?:上午|下午|中午|晚上|晚间|傍晚|凌晨|早上|早晨|夜间|晚|早|夜)"
_NOT_DAY_AFTER = r"(?![元游内均])"


def _date_part(tag: str) -> str:
    """One date: year-month-day, year-month, year, month-day, month, or a bare day number."""
    return (
        rf"(?:(?P<{tag}rel>今年|去年|前年|明年)?"
        rf"(?:(?P<{tag}y>{_Y})年)?"
        rf"(?:(?P<{tag}m>{_M})月份?)?"
        rf"(?:(?P<{tag}d>{_DN}|(?<=月){_DC})(?P<{tag}hao>日|号){_NOT_DAY_AFTER})?)"
    )


_REL_DAY = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "前日": -2,
            "明天": 1, "明日": 1, "后天": 2}
_SAME_DAY = ("当天", "当日", "同日", "同一天", "是日", "当晚")
_NEXT_DAY = ("次日", "翌日", "第二天")
_VAGUE = ("日前", "近日", "近期")
_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}

_PATTERN = re.compile(
    r"(?P<iso>(?<![0-9])(?:19|20)[0-9]{2}(?P<sep>[-/.])(?:1[0-2]|0?[1-9])(?P=sep)(?:3[01]|[12][0-9]|0?[1-9])(?![0-9]))"
    r"|(?P<week>(?:上|下|本|这)?(?:个)?(?:周|星期|礼拜)[一二三四五六日天])"
    r"|(?P<word>" + "|".join(sorted({*_REL_DAY, *_SAME_DAY, *_NEXT_DAY, *_VAGUE}, key=len, reverse=True))
    + r")"
    r"|(?:(?<![0-9])(?=[0-9])|(?<![0-9〇○零一二三四五六七八九十])(?=今年|去年|前年|明年|[〇○零一二三四五六七八九十]))"
    r"(?P<abs>" + _date_part("a") + rf"{_PART}?"
    r"(?:(?P<sep2>至|到|—|–|-|~|～)" + _date_part("b") + rf"{_PART}?)?)"
)


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def _valid(y: int, m: int, d: int) -> bool:
    try:
        _dt.date(y, m, d)
    except ValueError:
        return False
    return True


class _Parts:
    __slots__ = ("d", "m", "y")

    def __init__(self, y: int | None, m: int | None, d: int | None) -> None:
        self.y, self.m, self.d = y, m, d

    def iso(self) -> str | None:
        if self.y is None:
            return None
        if self.m is None:
            return f"{self.y:04d}"
        if self.d is None:
            return f"{self.y:04d}-{self.m:02d}"
        if not _valid(self.y, self.m, self.d):
            return None
        return f"{self.y:04d}-{self.m:02d}-{self.d:02d}"


def _parts(match: re.Match[str], tag: str, anchor: _dt.date | None,
           base: _Parts | None = None) -> _Parts | None:
    """The (year, month, day) a matched date names, filling missing parts from ``base``/anchor."""
    ys, ms, ds, rel = (match.group(tag + k) for k in ("y", "m", "d", "rel"))
    if not (ys or ms or ds):
        if rel and anchor is not None and base is None:
            return _Parts(anchor.year + {"今年": 0, "去年": -1, "前年": -2, "明年": 1}[rel], None, None)
        return None
    if ds and match.group(tag + "hao") == "号" and not ms:
        return None  # "1号线", "15号文件": 号 is a day only after a month
    y = parse_cn_number(ys) if ys else None
    m = parse_cn_number(ms) if ms else None
    d = parse_cn_number(ds) if ds else None
    if y is None and rel:
        if anchor is None:
            return _Parts(None, m, d)
        y = anchor.year + {"今年": 0, "去年": -1, "前年": -2, "明年": 1}[rel]
    if base is not None:  # the end of a range inherits what it leaves out
        if y is None:
            y = base.y
            if m is None:
                m = base.m
        return _Parts(y, m, d)
    if y is None and anchor is not None:
        if m is not None:
            y = anchor.year
            if m > anchor.month + 3:  # "12月" in a January article: last year
                y -= 1
        elif d is not None:
            y, m = anchor.year, anchor.month
            if d > anchor.day + 3:  # "30日" in an article dated the 1st: last month
                y, m = _shift_month(y, m, -1)
    if y is None:
        return _Parts(None, m, d)
    return _Parts(y, m, d)


def find_dates(text: str, page: Page | None = None) -> list[DateMention]:
    """Every date the text mentions, in order, resolved against the page's date.

    >>> from qtext._document import Page
    >>> page = Page(published="2019-10-01")
    >>> [(m.text, m.value) for m in find_dates("11月27日至29日；30日晚；当日；二○○一年十月一日", page)]
    [('11月27日至29日', '2019-11-27/2019-11-29'), ('30日晚', '2019-09-30'), ('当日', '2019-09-30'), \
('二○○一年十月一日', '2001-10-01')]
    """
    anchor = anchor_date(page)
    scan = text.translate(_FULLWIDTH_DIGITS)  # same length: offsets stay valid
    out: list[DateMention] = []
    last_day: _dt.date | None = None  # the last day-precise date mentioned
    for match in _PATTERN.finditer(scan):
        start, end = match.span()
        value: str | None = None
        if match.group("iso"):
            d = _to_date(match.group("iso"))
            value = d.isoformat() if d else None
        elif match.group("week"):
            if anchor is None:
                value = None
            else:
                w = match.group("week")
                shift = {"上": -7, "下": 7}.get(w[0], 0)
                monday = anchor - _dt.timedelta(days=anchor.weekday())
                value = (monday + _dt.timedelta(days=shift + _WEEKDAY[w[-1]])).isoformat()
        elif match.group("word"):
            w = match.group("word")
            base = last_day or anchor
            if w in _REL_DAY and anchor is not None:
                value = (anchor + _dt.timedelta(days=_REL_DAY[w])).isoformat()
            elif w in _SAME_DAY and base is not None:
                value = base.isoformat()
            elif w in _NEXT_DAY and base is not None:
                value = (base + _dt.timedelta(days=1)).isoformat()
        else:
            a = _parts(match, "a", anchor)
            if a is None:
                continue
            if match.group("sep2"):
                b = _parts(match, "b", anchor, base=a)
                if b is None or (b.d is None and a.d is not None):
                    # "3日-5" or a lone separator: keep only the first date
                    end = match.start("sep2")
                    b = None
            else:
                b = None
            bare_day = not (match.group("ay") or match.group("am") or match.group("arel"))
            if bare_day and not _day_context_ok(scan, start, end):
                continue
            value = a.iso()
            if b is not None:
                bv = b.iso()
                value = f"{value}/{bv}" if value and bv else value
        if value and len(value) == 10:
            last_day = _dt.date.fromisoformat(value)
        elif value and "/" in value and len(value.split("/")[0]) == 10:
            last_day = _dt.date.fromisoformat(value.split("/")[0])
        out.append(DateMention(text=text[start:end], value=value, start=start, end=end))
    return out


def _day_context_ok(scan: str, start: int, end: int) -> bool:
    """A bare ``15日`` is a date unless it reads as a count (``第3日``, ``5日游``)."""
    before = scan[start - 1] if start > 0 else ""
    return before not in "第数每前后近"
