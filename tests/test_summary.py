"""The structured summary: what, when, where, who, key points, keywords, sentences."""

from __future__ import annotations

from qtext._config import SummaryConfig
from qtext._document import (
    Dateline,
    Event,
    Extraction,
    Official,
    OfficialTitle,
    Page,
    Quote,
    Span,
    Summary,
)
from qtext._segment import segment
from qtext._summary import summarise

TEXT = ("绿色发展论坛举行\n"
        "本报杭州6月19日电（记者甲乙）第三届绿色发展论坛19日在杭州开幕，省长张三出席并致辞。\n"
        "张三表示，绿色发展是必由之路。\n"
        "论坛期间，与会代表围绕绿色金融、绿色能源等议题展开讨论。")
TITLE = "绿色发展论坛举行"


def _span(s: str) -> Span:
    i = TEXT.index(s)
    return Span(s, i, i + len(s))


def _doc(events: tuple[Event, ...] = (), config: SummaryConfig | None = None) -> Summary:
    paras = tuple(_span(p) for p in TEXT.split("\n")[1:])
    sentences = (
        _span("本报杭州6月19日电（记者甲乙）第三届绿色发展论坛19日在杭州开幕，省长张三出席并致辞。"),
        _span("张三表示，绿色发展是必由之路。"),
        _span("论坛期间，与会代表围绕绿色金融、绿色能源等议题展开讨论。"),
    )
    dl_end = TEXT.index("电") + 1
    dateline = Dateline(place="杭州", date="2018-06-19", start=paras[0].start, end=dl_end)
    page = Page(title=TITLE, dateline=dateline, paragraphs=paras, published="2018-06-20")
    zhang = Official("张三", (OfficialTitle("省长"),), (_span("张三"),))
    reporter = Official("甲乙", (OfficialTitle("记者"),), (_span("甲乙"),))
    quote = Quote("张三", "表示", "绿色发展是必由之路。", 0, 0)
    ex = Extraction(officials=(reporter, zhang), events=events, quotes=(quote,))
    return summarise(TEXT, page, sentences, segment(TEXT), ex, config)


FORUM = Event("第三届绿色发展论坛", aliases=("绿色发展论坛",), type="forum", edition=3, date="2018-06-19",
              place="杭州", mentions=(Span("绿色发展论坛", 0, 6),))


def test_what_when_where_from_the_main_event() -> None:
    s = _doc((FORUM,))
    assert (s.headline, s.what, s.when, s.where) == (TITLE, "第三届绿色发展论坛", "2018-06-19", "杭州")


def test_without_events_the_lead_clause_and_the_dateline() -> None:
    s = _doc()
    assert s.lead == "第三届绿色发展论坛19日在杭州开幕，省长张三出席并致辞。"
    assert (s.what, s.when, s.where) == ("第三届绿色发展论坛19日在杭州开幕", "2018-06-19", "杭州")


def test_who_ranks_the_lead_person_and_leaves_out_reporters() -> None:
    assert _doc((FORUM,)).who == ("张三",)


def test_key_points_lead_then_each_speaker() -> None:
    assert _doc((FORUM,)).key_points == ("第三届绿色发展论坛19日在杭州开幕", "张三表示：绿色发展是必由之路")


def test_keywords_skip_numbers_and_function_words() -> None:
    s = _doc((FORUM,))
    assert "绿色" in s.keywords
    assert all(not any(c.isdigit() for c in k) and len(k) >= 2 for k in s.keywords)
    assert len(s.keywords) <= 10


def test_extractive_sentences_in_article_order() -> None:
    s = _doc((FORUM,), SummaryConfig(sentences=2))
    assert len(s.sentences) == 2
    order = [TEXT.index(x) if x in TEXT else -1 for x in s.sentences]
    assert order == sorted(order)
    assert s.sentences[0].startswith("第三届绿色发展论坛")


def test_meetings_with_one_host_are_joined() -> None:
    def meeting(guest: str, start: int) -> Event:
        return Event(f"张三会见{guest}", type="meeting", date="2018-06-19", place="杭州",
                     participants={"named": ["张三", guest]}, mentions=(Span("会见", start, start + 2),))

    page = Page(title="张三会见外宾")
    ex = Extraction(events=(meeting("甲", 10), meeting("乙", 20)))
    s = summarise("x" * 40, page, (), (), ex)
    assert s.what == "张三会见甲、乙"


def test_empty_page() -> None:
    s = summarise("", Page(), (), (), Extraction())
    assert s == Summary()
