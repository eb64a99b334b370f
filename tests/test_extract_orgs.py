"""Organisations, places and documents (small written fixtures)."""

from __future__ import annotations

import qtext
from qtext._document import Extraction, Page
from qtext._extract import extract


def _extract(text: str) -> Extraction:
    return extract(text, Page(), qtext.segment(text))


def test_short_and_long_names_are_one_record():
    ex = _extract("国家质检总局发布通知。质检总局要求各地落实。")
    assert [(o.name, o.aliases, o.type) for o in ex.organisations] == [
        ("国家质检总局", ("质检总局",), "government")
    ]


def test_acronym_in_brackets_is_the_abbreviation():
    ex = _extract("国际标准化组织（ISO）发布新标准。")
    assert [(o.name, o.abbreviation, o.type) for o in ex.organisations] == [
        ("国际标准化组织", "ISO", "international")
    ]


def test_alias_defined_in_the_text():
    text = "中国质量认证中心（以下简称“认证中心”）成立。认证中心表示，将扩大服务。"
    ex = _extract(text)
    org = next(o for o in ex.organisations if o.name == "中国质量认证中心")
    assert org.aliases == ("认证中心",)
    assert len(org.mentions) == 3


def test_unknown_organisations_by_suffix():
    ex = _extract("此次大会由上海市人民政府主办，荷兰基础设施与环境部派员参加。")
    assert {o.name for o in ex.organisations} == {"上海市人民政府", "荷兰基础设施与环境部"}


def test_generic_bodies_are_not_organisations():
    ex = _extract("中国愿与世界各国和国际组织一道，有关行业协会也参加。")
    assert [o.name for o in ex.organisations] == []


def test_places_outside_organisation_names():
    ex = _extract("大会在上海召开，上海市人民政府主办，来自荷兰、美国的代表出席。")
    assert [(p.name, p.type) for p in ex.places] == [
        ("上海", "city"),
        ("荷兰", "country"),
        ("美国", "country"),
    ]


def test_documents_in_book_title_marks():
    text = "副市长在闭幕式上发布《上海质量宣言》。"
    ex = _extract(text)
    assert [(d.text, d.start, d.end) for d in ex.documents] == [("上海质量宣言", 11, 17)]
    assert ("上海质量宣言", "DOCUMENT") in [(e.text, e.label) for e in ex.entities]


def test_country_abbreviations_only_in_compounds():
    ex = _extract("中美关系发展良好。美丽的风景。")
    assert [(e.text, e.start) for e in ex.entities if e.label == "PLACE"] == [("中", 0), ("美", 1)]


def test_country_before_ministry_is_one_organisation_entity():
    ents = [(e.text, e.label) for e in _extract("美国财政部长鲁宾在会上发言。").entities]
    assert ents == [("美国财政部", "ORG"), ("鲁宾", "PERSON")]


def test_body_before_body_is_one_organisation_entity():
    ents = [(e.text, e.label) for e in _extract("特别是联合国安理会的成员。").entities if e.label == "ORG"]
    assert ents == [("联合国安理会", "ORG")]


def test_place_inside_a_longer_word_is_not_a_place():
    # the segmenter reads 发展中国家 as one word: 中国 is not mentioned
    assert [e.text for e in _extract("发展中国家的排放量在增加。").entities if e.label == "PLACE"] == []


def _orgs(text: str) -> list[str]:
    return [e.text for e in _extract(text).entities if e.label == "ORG"]


def test_international_federation_is_named_despite_its_generic_head():
    assert _orgs("而国际游泳联合会规定，对于初犯者禁赛。") == ["国际游泳联合会"]


def test_generic_head_still_makes_an_association_generic():
    assert _orgs("有关行业协会要加强自律。") == []


def test_jieba_organisation_ending_in_party_is_an_organisation():
    assert _orgs("合执政三党之一的社民党对内阁决定表示反对。") == ["社民党", "内阁"]


def _places(text: str) -> list[str]:
    return [e.text for e in _extract(text).entities if e.label == "PLACE"]


def test_name_before_village_or_township_is_a_place():
    assert _places("书房村的农家乐、龙泉乡的观光果园都很有名。") == ["书房村", "龙泉乡"]


def test_generic_settlement_words_are_not_places():
    assert _places("建设新农村和小城镇，大城市也要发展。") == []
