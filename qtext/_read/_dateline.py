"""Datelines at the head of a news body: ``新华社上海9月15日电``, ``本报北京9月30日电``,
``据新华社银川电``, ``本报讯``, ``中新网上海9月15日电``.

The agency is a known one (``agency`` rows of ``dictionaries/meta_labels.tsv``) or a short name
ending in 社/网/报/台; the place is what lies between the agency and the date (or ``电``); the
month/day date is completed with the year of the page's own publication date (the previous year
when the dateline's month is later than the publication month, as for a 12月31日电 story
published in January). ``本报`` / ``本网`` are kept as the agency ("this paper").

>>> d = find_dateline("新华社上海9月15日电 中国质量大会15日召开。", 0, published="2017-09-19")
>>> (d.agency, d.place, d.date, d.text)
('新华社', '上海', '2017-09-15', '新华社上海9月15日电')
>>> d = find_dateline("据新华社银川电 记者从……", 0)
>>> (d.agency, d.place, d.date)
('新华社', '银川', None)
"""

from __future__ import annotations

import re

from .._document import Dateline
from .._once import once
from ._meta import label_fields

__all__ = ["find_dateline"]

_HAN = r"\u3400-\u9fff"


@once
def _dateline_re() -> re.Pattern[str]:
    agencies = sorted((k for k, v in label_fields().items() if v == "agency"), key=len, reverse=True)
    known = "|".join(re.escape(a) for a in agencies)
    generic = rf"[{_HAN}]{{1,6}}?(?:通讯社|社|网|报|台)"
    return re.compile(
        rf"[（(【\[]?(?P<ju>据)?(?P<agency>{known}|{generic})"
        rf"(?:(?P<place>[{_HAN}·]{{2,10}}?)\s*)?"
        rf"(?P<date>(?:(?P<year>\d{{4}})年)?(?:(?P<month>\d{{1,2}})月)?(?P<day>\d{{1,2}})日)?"
        r"\s*(?P<kind>电|讯|消息)(?:[）)】\]])?"
    )


def _resolve(year: str | None, month: str | None, day: str | None, published: str | None) -> str | None:
    if not day:
        return None
    d = int(day)
    if year and month:
        return f"{int(year):04d}-{int(month):02d}-{d:02d}"
    if not published or len(published) < 10:
        return None
    py, pm = int(published[:4]), int(published[5:7])
    if month:
        m = int(month)
        y = py - 1 if m > pm + 1 else py  # a December story published in January
    else:
        m, y = pm, py
        if d > int(published[8:10]) + 1:  # "15日电" published on the 2nd: the previous month
            m -= 1
            if m == 0:
                m, y = 12, py - 1
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def find_dateline(text: str, start: int, published: str | None = None) -> Dateline | None:
    """The dateline at ``text[start:]`` (the first body paragraph), or None.

    >>> find_dateline("本报北京9月30日电  （记者张烁）招待会……", 0, "2019-10-01").date
    '2019-09-30'
    >>> find_dateline("本报讯（记者 李四）昨天……", 0).agency
    '本报'
    >>> find_dateline("国务委员王勇出席大会。", 0) is None
    True
    """
    m = _dateline_re().match(text, start, min(len(text), start + 40))
    if not m:
        return None
    agency, place = m["agency"], m["place"]
    kind = m["kind"]
    if kind == "消息" and not place and not m["date"] and agency not in label_fields():
        return None
    if kind == "讯" and agency not in label_fields() and not m["date"]:
        return None
    if agency not in label_fields() and not (m["date"] or m["ju"]):
        return None  # a generic name needs a date or 据 to be a dateline (not "某报电")
    date = _resolve(m["year"], m["month"], m["day"], published)
    s, e = m.start(), m.end()
    return Dateline(agency=agency, place=place or None, date=date, text=text[s:e], start=s, end=e)
