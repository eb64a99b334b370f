"""Events: names, aliases, generic mentions, editions, dates, places, organisers, meetings."""

from __future__ import annotations

from qtext._document import Dateline, Event, Official, Page, Span
from qtext._extract._dates import find_dates
from qtext._extract._events import find_events


def _page(text: str, *, title: str | None = None, place: str = "杭州", date: str = "2018-06-20") -> Page:
    start = text.find("\n") + 1 if title else 0
    return Page(title=title, dateline=Dateline(place=place, date=date, start=start, end=start),
                paragraphs=tuple(Span(p, text.find(p), text.find(p) + len(p))
                                 for p in text[start:].split("\n") if p))


def _events(text: str, page: Page, officials: tuple[Official, ...] = ()) -> list[Event]:
    return find_events(text, page, (), officials, (), (), find_dates(text, page))


def _official(text: str, name: str) -> Official:
    spans = []
    i = text.find(name)
    while i >= 0:
        spans.append(Span(name, i, i + len(name)))
        i = text.find(name, i + 1)
    return Official(name, mentions=tuple(spans))


FORUM = ("第三届长江（武汉）发展论坛举行\n"
         "长江（武汉）发展论坛19日在武汉开幕，本届论坛由湖北省人民政府和某某大学主办，"
         "主题是“绿色 共享”。来自12个国家和地区的500多人参加论坛。\n"
         "据介绍，本届论坛是第三届长江发展论坛，首届为长江（重庆）发展论坛，于2015年10月在重庆举行。")


def test_conference_with_edition_date_place_organisers_theme_and_counts() -> None:
    page = _page(FORUM, title="第三届长江（武汉）发展论坛举行")
    first = _events(FORUM, page)[0]
    assert first.name == "第三届长江（武汉）发展论坛"
    assert set(first.aliases) == {"长江（武汉）发展论坛", "第三届长江发展论坛"}
    assert (first.type, first.edition, first.date, first.place) == ("forum", 3, "2018-06-19", "武汉")
    assert first.organisers == ("湖北省人民政府", "某某大学")
    assert first.theme == "绿色 共享"
    assert first.participants == {"countries_and_regions": 12, "people": 500}


def test_a_differently_placed_edition_is_another_event() -> None:
    events = _events(FORUM, _page(FORUM, title="第三届长江（武汉）发展论坛举行"))
    assert [(e.name, e.edition, e.date, e.place) for e in events] == [
        ("第三届长江（武汉）发展论坛", 3, "2018-06-19", "武汉"),
        ("长江（重庆）发展论坛", 1, "2015-10", "重庆"),
    ]


def test_generic_mentions_are_linked_not_reported() -> None:
    text = "全省科技创新大会20日召开。大会听取了报告。本次大会还表彰了先进。"
    events = _events(text, _page(text))
    assert [e.name for e in events] == ["全省科技创新大会"]
    assert [m.text for m in events[0].mentions] == ["全省科技创新大会", "大会", "大会"]


def test_place_names_ending_in_an_event_noun_are_not_events() -> None:
    text = "座谈会在人民大会堂举行，会议室里坐满了人。"
    assert _events(text, _page(text)) == []


def test_session_named_by_ordinal_and_its_plenary() -> None:
    text = "十四届省人大常委会第五次会议20日在杭州举行第一次全体会议。"
    events = _events(text, _page(text))
    assert [(e.name, e.type, e.edition, e.date) for e in events] == [
        ("十四届省人大常委会第五次会议", "session", 5, "2018-06-20"),
        ("第一次全体会议", "session", 1, "2018-06-20"),
    ]


def test_event_name_starts_after_the_clause_verb() -> None:
    text = "省长张三出席2018年世界互联网博览会开幕式并致辞。"
    names = [e.name for e in _events(text, _page(text))]
    assert names == ["2018年世界互联网博览会开幕式", "2018年世界互联网博览会"]


def test_meetings_one_per_guest_with_host_date_and_place() -> None:
    text = "国务院副总理张三19日在钓鱼台国宾馆分别会见甲国外长阿巴斯和乙国总理马丁。"
    offs = (_official(text, "张三"), _official(text, "阿巴斯"), _official(text, "马丁"))
    events = _events(text, _page(text), offs)
    assert [(e.name, e.type, e.date, e.place, e.participants["named"]) for e in events] == [
        ("张三会见甲国外长阿巴斯", "meeting", "2018-06-19", "钓鱼台国宾馆", ["张三", "阿巴斯"]),
        ("张三会见乙国总理马丁", "meeting", "2018-06-19", "钓鱼台国宾馆", ["张三", "马丁"]),
    ]
    assert events[0].aliases == ("会见阿巴斯", "张三会见阿巴斯")


def test_talks_without_officials_fall_back_to_the_name_after_a_title() -> None:
    text = "李四20日在日内瓦同丙国总统卡洛斯会谈。"
    (talks,) = _events(text, _page(text))
    assert (talks.name, talks.type, talks.place) == ("同丙国总统卡洛斯会谈", "talks", "日内瓦")
    assert talks.participants == {"named": ["卡洛斯"]}


def test_visit() -> None:
    text = "国家副主席张三18日至21日对丁国进行国事访问。"
    (visit,) = _events(text, _page(text), (_official(text, "张三"),))
    assert (visit.name, visit.type, visit.date, visit.place) == (
        "张三对丁国进行国事访问", "other", "2018-06-18/2018-06-21", "丁国")
    assert visit.aliases == ("张三访问丁国", "国事访问")


def test_empty_inputs() -> None:
    assert find_events("", Page(), (), (), (), (), ()) == []


def test_mention_spans_slice_back() -> None:
    page = _page(FORUM, title="第三届长江（武汉）发展论坛举行")
    for e in _events(FORUM, page):
        for m in e.mentions:
            assert FORUM[m.start:m.end] == m.text


def test_bodies_named_like_events_are_not_events() -> None:
    text = "特区立法会议员李四表示支持。全国人民代表大会常务委员会作出决定。"
    assert _events(text, _page(text)) == []


def test_a_possessor_is_not_the_host() -> None:
    text = "国家主席张三特使、国家副主席李四20日在某国首都会见某国总统王五。"
    offs = tuple(_official(text, n) for n in ("张三", "李四", "王五"))
    (meeting,) = _events(text, _page(text), offs)
    assert meeting.name == "李四会见某国总统王五"
    assert meeting.participants == {"named": ["李四", "王五"]}


def test_cut_words_inside_a_quotation_are_kept() -> None:
    text = "“为了明天  共创未来”主题展览开幕。"
    names = [e.name for e in _events(text, _page(text))]
    assert names == ["“为了明天  共创未来”主题展览"]


def test_spans_slice_back_on_any_text() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = list("第二届中国（上海）大会论坛会议会见会谈访问对进行国事"
                    "在召开举行15日9月年“”，。、和的张三王五")

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=60))
    def check(text: str) -> None:
        page = Page(dateline=Dateline(date="2018-06-20"), paragraphs=(Span(text, 0, len(text)),))
        offs = (_official(text, "张三"), _official(text, "王五"))
        for ev in _events(text, page, offs):
            for m in ev.mentions:
                assert text[m.start:m.end] == m.text
        for d in find_dates(text, page):
            assert text[d.start:d.end] == d.text

    check()


def test_an_event_after_talks_shares_their_date_and_place() -> None:
    text = "张三19日在日内瓦同丙国总统卡洛斯会谈。会谈后，两人共同出席了合作文件签字仪式。"
    offs = (_official(text, "张三"), _official(text, "卡洛斯"))
    events = _events(text, _page(text), offs)
    assert [(e.name, e.date, e.place) for e in events] == [
        ("张三同丙国总统卡洛斯会谈", "2018-06-19", "日内瓦"),
        ("合作文件签字仪式", "2018-06-19", "日内瓦"),
    ]


def test_coordinated_events_share_the_date() -> None:
    text = "今年5月，他出席了第二届海洋论坛和国际航运博览会开幕式。"
    events = _events(text, _page(text))
    assert [(e.name, e.date) for e in events] == [
        ("第二届海洋论坛", "2018-05"), ("国际航运博览会开幕式", "2018-05"), ("国际航运博览会", "2018-05")]


def test_plenary_session_edition_and_names_with_yu() -> None:
    text = "会议传达了党的十九届四中全会精神。2016年召开的全国卫生与健康大会提出了目标。"
    events = _events(text, _page(text))
    assert [(e.name, e.type, e.edition) for e in events] == [
        ("党的十九届四中全会", "session", 4), ("全国卫生与健康大会", "conference", None)]
