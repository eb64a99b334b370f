"""Dates: ISO values resolved against the page's dateline or publication date."""

from __future__ import annotations

from qtext._document import Dateline, Page
from qtext._extract._dates import find_dates, parse_cn_number

PAGE = Page(dateline=Dateline(date="2018-06-20"), published="2018-06-21")


def _values(text: str, page: Page = PAGE) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in find_dates(text, page)]


def test_bare_day_takes_month_and_year_of_the_dateline() -> None:
    assert _values("论坛20日在杭州开幕。") == [("20日", "2018-06-20")]


def test_bare_day_after_the_anchor_day_belongs_to_the_previous_month() -> None:
    assert _values("展会于28日闭幕。") == [("28日", "2018-05-28")]


def test_year_month_and_year_alone() -> None:
    assert _values("首届活动于2012年5月举行，2016年又办了一届。") == [
        ("2012年5月", "2012-05"), ("2016年", "2016")]


def test_month_day_with_time_of_day() -> None:
    assert _values("6月19日晚，晚会举行。") == [("6月19日晚", "2018-06-19")]


def test_same_day_words_follow_the_last_day_mentioned() -> None:
    assert _values("会议18日召开，当天还举行了签约仪式，次日闭幕。") == [
        ("18日", "2018-06-18"), ("当天", "2018-06-18"), ("次日", "2018-06-19")]


def test_relative_days_use_the_anchor() -> None:
    assert _values("昨天和今天，明日") == [
        ("昨天", "2018-06-19"), ("今天", "2018-06-20"), ("明日", "2018-06-21")]


def test_last_week_weekday() -> None:
    # 2018-06-20 is a Wednesday; the Friday of the week before is 2018-06-15
    assert _values("上周五") == [("上周五", "2018-06-15")]


def test_vague_words_have_no_value() -> None:
    assert _values("近日，日前") == [("近日", None), ("日前", None)]


def test_chinese_numerals() -> None:
    assert _values("一九九七年七月一日") == [("一九九七年七月一日", "1997-07-01")]


def test_day_range_inherits_month() -> None:
    assert _values("博览会7月5日至10日举办。") == [("7月5日至10日", "2018-07-05/2018-07-10")]


def test_counts_and_currency_are_not_dates() -> None:
    assert _values("三亚5日游花费3000日元，第3日返回，1号线") == []


def test_no_anchor_leaves_partial_dates_unresolved() -> None:
    assert _values("9月20日", Page()) == [("9月20日", None)]


def test_spans_slice_back_to_the_text() -> None:
    text = "ＡＢ１０月１日，2018年国庆"
    for m in find_dates(text, PAGE):
        assert text[m.start:m.end] == m.text


def test_parse_cn_number() -> None:
    numbers = ("十", "十九", "三十一", "二〇一八", "一百二十")
    assert [parse_cn_number(x) for x in numbers] == [10, 19, 31, 2018, 120]


def test_a_month_far_after_the_anchor_month_is_last_year() -> None:
    assert _values("12月") == [("12月", "2017-12")]
