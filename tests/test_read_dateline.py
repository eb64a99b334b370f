"""Datelines at the head of the body (qtext._read._dateline)."""

import pytest

from qtext._read._dateline import find_dateline


@pytest.mark.parametrize(
    ("text", "published", "agency", "place", "date"),
    [
        ("新华社上海9月15日电 大会召开。", "2017-09-19", "新华社", "上海", "2017-09-15"),
        ("本报北京9月30日电  （记者张烁）招待会举行。", "2019-10-01", "本报", "北京", "2019-09-30"),
        ("据新华社银川电 记者获悉……", None, "新华社", "银川", None),
        ("新华社华盛顿12月31日电 消息。", "2020-01-02", "新华社", "华盛顿", "2019-12-31"),
        ("中新网杭州5日电 当地举行活动。", "2021-03-06", "中新网", "杭州", "2021-03-05"),
        ("本报讯（记者 李四）昨天……", "2021-03-06", "本报", None, None),
    ],
)
def test_dateline_fields(text, published, agency, place, date):
    d = find_dateline(text, 0, published)
    assert d is not None
    assert (d.agency, d.place, d.date) == (agency, place, date)
    assert text[d.start:d.end] == d.text


def test_plain_sentence_has_no_dateline():
    assert find_dateline("国务委员王勇出席大会并致辞。", 0, "2017-09-19") is None
