"""A hand-built Document with every kind of record, for tests of views (HTML, pandas, schema).

Built by hand so those tests do not depend on how well the extractors currently do.
"""

from __future__ import annotations

from qtext import (
    Dateline,
    DateMention,
    Document,
    Entity,
    Event,
    Extraction,
    Official,
    OfficialTitle,
    Organisation,
    Page,
    Place,
    Quote,
    Repair,
    Span,
    Summary,
    Token,
)

TITLE = "第五届西湖数字论坛开幕"
BODY = ("本报杭州3月8日电 第五届西湖数字论坛8日在杭州开幕，浙江省副省长李华出席开幕式并致辞。"
        "论坛由浙江省人民政府主办，与会代表学习了《数字经济促进条例》。")
TEXT = TITLE + "\n" + BODY


def span(word: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return Span(word, start, start + len(word))


def rich_document(doc_id: str | None = "hz-1", title: str = TITLE) -> Document:
    body = Span(BODY, len(TITLE) + 1, len(TEXT))
    forum, person, gov = span("第五届西湖数字论坛", 1), span("李华"), span("浙江省人民政府")
    ex = Extraction(
        entities=(
            Entity("浙江省副省长", "TITLE", *_pos("浙江省副省长")),
            Entity("李华", "PERSON", person.start, person.end),
            Entity("杭州", "PLACE", *_pos("杭州", 1)),
            Entity("8日", "DATE", *_pos("8日", 1)),
            Entity(forum.text, "EVENT", forum.start, forum.end),
            Entity(gov.text, "ORG", gov.start, gov.end),
            Entity("《数字经济促进条例》", "DOCUMENT", *_pos("《数字经济促进条例》")),
        ),
        officials=(Official("李华", (OfficialTitle("副省长", "浙江省"),), (person,)),),
        organisations=(Organisation("浙江省人民政府", ("浙江省政府",), None, "government", (gov,)),),
        places=(Place("杭州", "city", "330100", (span("杭州", 1),)),),
        dates=(DateMention("8日", "2021-03-08", *_pos("8日", 1)),),
        events=(Event("第五届西湖数字论坛", ("论坛",), "forum", 5, "2021-03-08", "杭州", ("浙江省人民政府",),
                      None, {"count": None}, (forum,)),),
        quotes=(Quote("李华", "致辞", "致辞", *_pos("致辞")),),
        documents=(span("《数字经济促进条例》"),),
    )
    page = Page(title=title, site="本报", published="2021-03-08", source="本报", author="记者",
                dateline=Dateline("本报", "杭州", "2021-03-08", "本报杭州3月8日电",
                                  *_pos("本报杭州3月8日电")),
                paragraphs=(body,), url="https://news.example.org/a/1.html")
    summary = Summary(headline=title, lead=BODY[:20], what="第五届西湖数字论坛开幕", when="2021-03-08",
                      where="杭州", who=("李华",), organisations=("浙江省人民政府",),
                      key_points=("浙江省副省长李华出席开幕式并致辞。",), keywords=("论坛", "数字"),
                      sentences=(BODY.split("。")[0] + "。",))
    return Document(text=TEXT, repair=Repair(text=TEXT, raw=TEXT), page=page,
                    sentences=(body,), tokens=(Token(TITLE, 0, len(TITLE), "n"),), extraction=ex,
                    summary=summary, id=doc_id)


def _pos(word: str, nth: int = 0) -> tuple[int, int]:
    s = span(word, nth)
    return s.start, s.end
