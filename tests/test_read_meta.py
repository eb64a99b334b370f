"""Labelled metadata fields in their many printed forms (qtext._read._meta)."""

import pytest

from qtext._read._meta import parse_date, parse_meta_line


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("发布时间：2017-09-19", "published", "2017-09-19"),
        ("发布时间:2017-09-19 作者: 来源:国家质检总局 浏览:1412", "source", "国家质检总局"),
        ("发布时间:2017-09-19 作者: 来源:国家质检总局 浏览:1412", "views", 1412),
        ("时间：2019-10-01  来源：人民日报  点击数：6596", "views", 6596),
        ("日期：2020年3月5日", "published", "2020-03-05"),
        ("信息来源：市场监管局", "source", "市场监管局"),
        ("文章来源: 青石日报", "source", "青石日报"),
        ("作者：李 华", "author", "李华"),
        ("记者：王小明", "author", "王小明"),
        ("编辑：赵六", "editor", "赵六"),
        ("责任编辑：郑一帆", "editor", "郑一帆"),
        ("（责任编辑：周雁）", "editor", "周雁"),
        ("浏览：88", "views", 88),
        ("阅读:7928次", "views", 7928),
        ("浏览次数：1,204", "views", 1204),
        ("【来源】新华网【作者】张三", "source", "新华网"),
        ("【来源】新华网【作者】张三", "author", "张三"),
        ("2019-10-01 10:32:15　来源:人民日报　作者:张晓东　阅读:7928次", "published", "2019-10-01"),
        ("2019-10-01 10:32:15　来源:人民日报　作者:张晓东　阅读:7928次", "author", "张晓东"),
        ("时间：None  来源：搜狐 (gongyi.sohu.com)  点击数：26024", "published", None),
        ("时间：None  来源：搜狐 (gongyi.sohu.com)  点击数：26024", "source", "搜狐 (gongyi.sohu.com)"),
        ("2020-11-23 10:22:14  出处：快科技 作者：宪瑞 编辑：宪瑞   人气： 5380 次", "source", "快科技"),
        ("2020-11-23 10:22:14  出处：快科技 作者：宪瑞 编辑：宪瑞   人气： 5380 次", "views", 5380),
        ("发布于 2019-09-26 07:19:52", "published", "2019-09-26"),
        ("编辑|王五", "editor", "王五"),
    ],
)
def test_labelled_field_is_read(line, field, value):
    meta = parse_meta_line(line)
    assert meta is not None
    assert meta.get(field) == value


def test_empty_label_gives_none_not_the_next_field():
    meta = parse_meta_line("作者: 来源:国家质检总局")
    assert meta is not None
    assert (meta.author, meta.source) == (None, "国家质检总局")


def test_sentence_without_label_is_not_meta():
    assert parse_meta_line("大会在上海召开，代表出席。") is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2019年10月1日", "2019-10-01"),
        ("2019/3/7 8:00", "2019-03-07"),
        ("2021-02-18T07:02:10+08:00", "2021-02-18"),
        ("20191001", "2019-10-01"),
        ("2019-13-01", None),
        ("None", None),
        (None, None),
    ],
)
def test_dates_become_iso(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("【发布时间：2019-10-01】【来源：青石日报】【作者：林小禾】", "source", "青石日报"),
        ("【发布时间：2019-10-01】【来源：青石日报】【作者：林小禾】", "author", "林小禾"),
        ("2019-10-01 10:00 | 来源：青石日报 | 阅读 7928", "views", 7928),
        ("青石日报  2019-10-01", "source", "青石日报"),
        ("青石日报  2019-10-01", "published", "2019-10-01"),
        ("来源：人民日报 审核：张三 责编：李四", "source", "人民日报"),
        ("来源：人民日报 审核：张三 责编：李四", "editor", "李四"),
        ("发布时间：2021-01-05 来源：青石日报 字号：[大] [中] [小] [打印]", "source", "青石日报"),
        ("浏览(1204)", "views", 1204),
        ("阅读量：1.2w", "views", 12000),
        ("来源：[新华网] 作者：(张三)", "source", "新华网"),
        ("来源：[新华网] 作者：(张三)", "author", "张三"),
        ("来源：新华网（北京）", "source", "新华网（北京）"),
    ],
)
def test_fields_in_brackets_without_colon_or_label(line, field, value):
    meta = parse_meta_line(line)
    assert meta is not None
    assert meta.get(field) == value
