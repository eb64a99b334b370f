"""People and their titles: chains, lists, bylines, later mentions (small written fixtures)."""

from __future__ import annotations

import qtext
from qtext._document import Extraction, Page, Token
from qtext._extract import extract
from qtext._extract._mentions import find_mentions


def _extract(text: str) -> Extraction:
    return extract(text, Page(), qtext.segment(text))


def _people(text: str) -> dict[str, list[tuple[str, str | None]]]:
    return {o.name: [(t.title, t.organisation) for t in o.titles] for o in _extract(text).officials}


def test_org_title_name_gives_title_with_organisation():
    assert _people("质检总局局长支树平主持会议。") == {"支树平": [("局长", "质检总局")]}


def test_title_then_name_without_organisation():
    assert _people("国务委员王勇出席大会。") == {"王勇": [("国务委员", None)]}


def test_prefixed_title_is_composed():
    assert _people("质检总局副局长陈钢主持闭幕式。") == {"陈钢": [("副局长", "质检总局")]}


def test_chain_with_jian_keeps_each_organisation():
    text = "乌兹别克斯坦副总理兼农业水利部部长米尔扎耶夫致辞。"
    assert _people(text) == {"米尔扎耶夫": [("副总理", "乌兹别克斯坦"), ("部长", "农业水利部")]}


def test_shared_chain_with_dunhao():
    text = "质检总局党组成员、国家标准委主任田世宏出席会议。"
    assert _people(text) == {"田世宏": [("党组成员", "质检总局"), ("主任", "国家标准委")]}


def test_three_titles_for_one_leader():
    text = "中共中央总书记、国家主席、中央军委主席习近平发表讲话。"
    assert _people(text) == {
        "习近平": [("总书记", "中共中央"), ("国家主席", "中共中央"), ("主席", "中央军委")]
    }


def test_foreign_name_with_middle_dot():
    text = "美国质量学会首席执行官威廉姆·特洛伊等在开幕式作主旨演讲。"
    assert _people(text) == {"威廉姆·特洛伊": [("首席执行官", "美国质量学会")]}


def test_byline_title_goes_to_every_reporter():
    assert _people("（记者李锋、王慧）") == {"李锋": [("记者", None)], "王慧": [("记者", None)]}


def test_later_mentions_join_the_same_record():
    ex = _extract("国务委员王勇出席大会。王勇指出，质量是关键。")
    (wang,) = ex.officials
    assert [(m.start, m.end) for m in wang.mentions] == [(4, 6), (11, 13)]


def test_name_before_title():
    assert _people("会议由奥利总理主持。") == {"奥利": [("总理", None)]}


def test_not_officials():
    names = set(_people("新华社上海9月15日电 中国政府高度重视质量，大会强调质量。"))
    assert names.isdisjoint({"中国政府", "大会", "质量", "新华社"})


def test_person_entities_have_offsets_into_the_text():
    text = "国务委员王勇出席大会。"
    ents = [
        (e.text, e.label, e.start, e.end) for e in _extract(text).entities if e.label in ("PERSON", "TITLE")
    ]
    assert ents == [("国务委员", "TITLE", 0, 4), ("王勇", "PERSON", 4, 6)]


def test_name_list_without_titles():
    text = "李克强主持招待会，栗战书、汪洋、王沪宁出席。"
    assert _people(text) == {"李克强": [], "栗战书": [], "汪洋": [], "王沪宁": []}


def test_surname_before_title():
    assert _people("王部长说，要抓好落实。") == {"王": [("部长", None)]}


def test_title_after_list_takes_the_body_of_the_list():
    text = "全国人大常委会副委员长王晨、曹建明，秘书长杨振武出席会议。"
    assert _people(text) == {
        "王晨": [("副委员长", "全国人大常委会")],
        "曹建明": [("副委员长", "全国人大常委会")],
        "杨振武": [("秘书长", "全国人大常委会")],
    }


def _entities(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in _extract(text).entities if e.label in ("PERSON", "ORG", "PLACE")]


def test_common_word_tagged_as_name_is_not_a_person():
    # jieba's dictionary tags 顾客 nr; its given part 客 is not name-like
    assert _entities("稳定市场，就要掌握顾客的需求。") == []


def test_name_like_word_before_speech_verb_is_a_person():
    assert _entities("刘玲玲指出，贷款要审慎。") == [("刘玲玲", "PERSON")]


def test_transliterated_team_in_league_text_is_an_organisation():
    ents = _entities("拉齐奥vs热那亚，拉齐奥主场不败。")
    assert [e for e in ents if e[0] == "拉齐奥"] == [("拉齐奥", "ORG"), ("拉齐奥", "ORG")]


def test_transliterated_name_after_a_title_stays_a_person_in_sports_text():
    assert _entities("记者拉齐奥说，主场的气氛很好。") == [("拉齐奥", "PERSON")]


def _toks(*parts: tuple[str, str]) -> list[Token]:
    out, pos = [], 0
    for text, tag in parts:
        out.append(Token(text, pos, pos + len(text), tag))
        pos += len(text)
    return out


def test_three_character_token_with_name_like_given_name_is_a_person_whatever_its_tag():
    toks = _toks(("研究", "v"), ("李永春", "n"), ("的", "uj"), ("作品", "n"))
    found = find_mentions("研究李永春的作品", toks)
    assert [(m.text, m.label) for m in found] == [("李永春", "PERSON")]


def test_three_character_common_word_led_by_a_surname_is_not_a_person():
    toks = _toks(("遭遇", "v"), ("高新区", "n"), ("的", "uj"), ("问题", "n"))
    assert [m for m in find_mentions("遭遇高新区的问题", toks) if m.label == "PERSON"] == []


def test_transliterated_name_after_zai_is_a_place():
    assert _entities("网球队昨天在杜塞尔多夫战胜对手。") == [("杜塞尔多夫", "PLACE")]


def test_words_jieba_tags_as_names_need_context():
    assert _entities("这里的世界，蓝天、白云、远山都很美。") == []


def test_name_after_zai_with_a_form_of_address_stays_a_person():
    assert _entities("他第一次见到毛泽东同志是在那一年。") == [("毛泽东", "PERSON")]


def test_name_cut_before_its_third_character_is_completed():
    toks = _toks(("张耀", "nr"), ("真", "d"), ("说", "v"), ("，", "x"), ("会展", "vn"), ("很多", "m"))
    found = find_mentions("张耀真说，会展很多", toks)
    assert [(m.text, m.label) for m in found] == [("张耀真", "PERSON")]


def test_doctrine_names_its_person():
    assert _entities("学习马克思主义，坚持社会主义道路。") == [("马克思", "PERSON")]


def test_latin_name_after_a_title_is_a_person():
    ex = _extract("游戏的设计师KenRolston介绍了新作。")
    assert [(e.text, e.label) for e in ex.entities if e.label == "PERSON"] == [("KenRolston", "PERSON")]


def test_latin_name_before_a_speech_verb_is_a_person_but_an_acronym_is_not():
    assert _entities("Svensson表示，新作今年发行。CEO表示同意。") == [("Svensson", "PERSON")]


def test_transliterated_word_before_a_noun_is_not_a_person():
    toks = _toks(("根据", "p"), ("凯利", "nrt"), ("指数", "n"), ("计算", "v"))
    assert [m for m in find_mentions("根据凯利指数计算", toks) if m.label == "PERSON"] == []


def test_surname_with_a_form_of_address_before_a_speech_verb_is_not_a_full_name():
    assert ("张先生", "PERSON") not in _entities("张先生表示，价格还会上涨。")
