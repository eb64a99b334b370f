"""The encoding half of ``qtext.repair``: bytes decoding, mojibake, HTML leftovers.

Sentences here are written for these tests; damaged forms are made by encoding and decoding
them the wrong way, exactly as a mis-configured scraper would.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import qtext
from qtext._config import RepairConfig
from qtext._repair import _badness, _bytes, _html, _mojibake
from qtext._repair._edits import Change, apply_changes

CFG = RepairConfig()
CASES = json.loads((Path(__file__).parent / "cases" / "repair_encoding.json").read_text(encoding="utf-8"))

SENTENCES = [
    "市政府今天上午召开新闻发布会，介绍今年经济运行情况。",
    "记者从交通运输部获悉，春运期间全国铁路发送旅客超过三亿人次。",
    "该公司负责人表示，将继续加大研发投入，提升产品质量。",
    "2023年5月18日，第三届数字论坛在杭州开幕。",
    "“我们要把好事办好，”他说。",
    "参加比赛的有小彦、小明和小红。",  # 彦、= D1 E5 A1 A2: E5 A1 A2 is UTF-8 for 塢
]

MUST_NOT_CHANGE = [
    "日本の首都は東京です。今日はいい天気ですね。",
    "ソフトバンクグループの孫正義会長兼社長",
    "这些生僻字：犇、骉、鱻、羴、猋、靐、龘、齉、赟、堃、喆、昇。",
    "气温在25°C左右，面积3×4米，约翰·史密斯出席。",
    "质量（zhì liàng）的拼音是zhìliàng，发展（fāzhǎn）。",
    "法国总统马克龙与Hélène Carrère d'Encausse会面，Café au lait。",
    "Müller und Søren aus Zürich, naïve façade, Œuvre — “quoted” … ‘single’",
    "温度−5℃～3℃，湿度≤80%，①②③，Ⅰ、Ⅱ，§12，±0.5，÷2",
    "若a<b且b>c，则a<c；x>5时y<3。《人民日报》〈评论〉",
    "俄语Россия（俄罗斯）和希腊语Ελλάδα（希腊）。",
    "國務院總理出席會議並發表重要講話，強調要堅持穩中求進。",
    "价格：￥１２０元，ＡＢＣ公司。",
    "ÀÁÂ are letters; ×÷ are signs; ¥100 and £50 and €30.",
    "한국어 텍스트와 中文混合。",
    "“……”——“！？”“”『』「」【】〔〕",
    "A&B公司、AT&T、R&D部门。",
]


def encoding_steps(text: str) -> str:
    """Run only this half's steps (mojibake, html) until nothing changes."""
    for _ in range(3):
        before = text
        for step in (_mojibake.find_changes, _html.find_changes):
            text, _ = apply_changes(text, step(text, CFG), "test")
        if text == before:
            break
    return text


def sloppy_cp1252(data: bytes) -> str:
    """Windows-1252 as browsers read it: the five undefined bytes pass through as C1 controls."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def utf8_else_latin1(data: bytes) -> str:
    """A decoder that reads valid UTF-8 sequences as UTF-8 and every other byte as Latin-1."""
    out: list[str] = []
    i = 0
    while i < len(data):
        for n in (3, 2):
            try:
                ch = data[i : i + n].decode("utf-8")
            except UnicodeDecodeError:
                continue
            if len(ch) == 1 and ord(ch) >= 0x80:
                out.append(ch)
                i += n
                break
        else:
            out.append(chr(data[i]))
            i += 1
    return "".join(out)


def windows_gbk(data: bytes) -> str:
    """GBK as a Windows-style reader shows it (byte 80 is €, user-defined codes are private-use
    characters as in GB18030), unreadable bytes as U+FFFD."""
    out: list[str] = []
    i = 0
    while i < len(data):
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
            continue
        if b == 0x80:
            out.append("\u20ac")
            i += 1
            continue
        for n in (2, 4):
            try:
                out.append(data[i : i + n].decode("gb18030"))
            except UnicodeDecodeError:
                continue
            i += n
            break
        else:
            out.append("\ufffd")
            i += 1
    return "".join(out)


DAMAGES = {
    "gbk_as_latin1": lambda s: s.encode("gbk").decode("latin-1"),
    "gbk_as_cp1252": lambda s: sloppy_cp1252(s.encode("gbk")),
    "gbk_as_utf8_else_latin1": lambda s: utf8_else_latin1(s.encode("gbk")),
    "utf8_as_latin1": lambda s: s.encode("utf-8").decode("latin-1"),
    "utf8_as_cp1252": lambda s: sloppy_cp1252(s.encode("utf-8")),
    "utf8_as_latin1_twice": lambda s: s.encode("utf-8").decode("latin-1").encode("utf-8").decode("latin-1"),
    "utf8_as_gbk": lambda s: windows_gbk(s.encode("utf-8")),
}


# --- golden cases ------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[f"{k}-{c['kind']}" for k, c in enumerate(CASES)])
def test_golden_case_repairs_to_its_clean_text(case):
    assert qtext.repair(case["damaged"]).text == case["clean"]


@pytest.mark.parametrize("case", CASES, ids=[f"{k}-{c['kind']}" for k, c in enumerate(CASES)])
def test_golden_clean_text_is_a_fixed_point(case):
    assert encoding_steps(case["clean"]) == case["clean"]


def test_golden_cases_cover_every_encoding_damage_kind():
    kinds = {c["kind"] for c in CASES}
    assert {
        "gbk_as_latin1",
        "gbk_as_cp1252",
        "utf8_as_latin1",
        "utf8_as_cp1252",
        "mixed_mojibake",
        "utf8_as_gbk",
        "big5_as_gbk",
        "entities",
        "none",
    } <= kinds


# --- mojibake --------------------------------------------------------------------------------


@pytest.mark.parametrize("damage", sorted(DAMAGES))
@pytest.mark.parametrize("sentence", SENTENCES)
def test_mojibake_is_undone(damage, sentence):
    damaged = DAMAGES[damage](sentence)
    assert damaged != sentence
    assert encoding_steps(damaged) == sentence


@pytest.mark.parametrize("text", MUST_NOT_CHANGE)
def test_clean_text_never_changes(text):
    assert _mojibake.find_changes(text, CFG) == []
    assert encoding_steps(text) == text


def test_mixed_span_is_fixed_and_the_clean_text_around_it_kept():
    clean_a, hurt, clean_b = "记者从交通运输部获悉，", "春运期间全国铁路", "发送旅客超过三亿人次。"
    text = clean_a + hurt.encode("utf-8").decode("latin-1") + clean_b
    changes = _mojibake.find_changes(text, CFG)
    assert [(c.start, c.replacement) for c in changes] == [(len(clean_a), hurt)]
    assert changes[0].note == "UTF-8 bytes read as Latin-1/cp1252"


def test_gbk_read_as_latin1_note_and_span():
    changes = _mojibake.find_changes("发布时间：·¢²¼", CFG)
    assert changes == [Change(5, 9, "发布", "GBK bytes read as Latin-1/cp1252")]


def test_utf8_read_as_gbk_keeps_the_ruby_pinyin_it_hid():
    # 財務(wù): UTF-8 bytes of traditional text with ruby pinyin, read as GBK
    damaged = "財務(wù)分析".encode().decode("gb18030")
    assert damaged == "璨″嫏(w霉)鍒嗘瀽"
    assert encoding_steps(damaged) == "財務(wù)分析"


def test_gbk_bytes_that_formed_utf8_are_bridged():
    damaged = utf8_else_latin1("参加比赛的有小彦、小明和小红。".encode("gbk"))
    assert "塢" in damaged
    assert encoding_steps(damaged) == "参加比赛的有小彦、小明和小红。"


def test_no_break_spaces_read_as_gbk_join_the_run():
    damaged = windows_gbk("——李云鹤\xa0\xa0".encode())
    assert damaged.endswith("聽聽")
    assert encoding_steps(damaged) == "——李云鹤\xa0\xa0"


def test_big5_read_as_gbk_gives_back_the_traditional_text():
    damaged = "圍繞農民需求做文章".encode("big5").decode("gbk")
    assert encoding_steps(damaged) == "圍繞農民需求做文章"


def test_full_stop_that_lost_its_last_byte_is_completed_at_the_end_of_a_line():
    data = "进入第四阶段。".encode()[:-1]  # 。 = E3 80 82 lost 82
    damaged = data.decode("gb18030", errors="ignore") + "\n下一行"
    assert "銆\n" in damaged
    changes = _mojibake.find_changes(damaged, CFG)
    assert len(changes) == 1
    assert changes[0].replacement == "进入第四阶段。"
    assert "E3 80 ?? completed as 。" in changes[0].note


def test_month_that_lost_its_last_byte_after_a_digit_is_completed():
    data = "2024年12月召开".encode().replace("月".encode(), "月".encode()[:2])
    damaged = data.decode("gb18030", errors="ignore")
    assert encoding_steps(damaged) == "2024年12月召开"


def test_lost_byte_is_completed_by_the_word_it_makes():
    damaged = "免费开放日".encode().decode("gbk", errors="replace")  # 开 = E5 BC 80: 80 lost
    assert damaged == "鍏嶈垂寮\ufffd鏀炬棩"
    changes = _mojibake.find_changes(damaged, CFG)
    assert apply_changes(damaged, changes, "t")[0] == "免费开放日"
    assert "E5 BC ?? completed as 开: the one word it makes with a neighbour" in changes[0].note


def test_unrecoverable_lost_byte_stays_visible_and_is_named_in_the_note():
    damaged = "一、开展".encode().decode("gbk", errors="replace")  # 一 = E4 B8 80: 80 lost
    changes = _mojibake.find_changes(damaged, CFG)
    assert apply_changes(damaged, changes, "t")[0] == "\ufffd、开\ufffd"
    assert "E4 B8 ?? unrecoverable" in changes[0].note


def test_cp1252_reader_that_replaced_undefined_bytes():
    damaged = "社会发展".encode().decode("cp1252", errors="replace")  # 发 = E5 8F 91: 8F
    assert "\ufffd" in damaged
    assert encoding_steps(damaged) == "社会发展"


def test_changes_are_sorted_and_do_not_overlap():
    text = "甲" + "中文".encode().decode("latin-1") + "乙·¢²¼丙" + "新闻".encode().decode("gb18030")
    changes = _mojibake.find_changes(text, CFG)
    assert [c.replacement for c in changes] == ["中文", "发布", "新闻"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(changes))


# --- html --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("云&#21335;&#x653f;府", "云南政府"),
        ("&ldquo;西电东送&rdquo;", "“西电东送”"),
        ("&amp;ldquo;好&amp;rdquo;", "“好”"),
        ("AT&amp;T", "AT&T"),
        ("价格&nbsp;100元", "价格 100元"),
        ("<p>第一段。</p><p>第二段。</p>", "第一段。\n第二段。"),
        ("记者<span class=\"name\">张三</span>报道<br/>正文", "记者张三报道\n正文"),
        ("<!-- 广告 -->正文<img src=\"a.jpg\" />", "正文"),
        ("<b>加粗</b>文字", "加粗文字"),
    ],
)
def test_html_leftovers_are_removed(text, clean):
    assert encoding_steps(text) == clean


@pytest.mark.parametrize(
    "text",
    ["若a<b>c，则x<5", "a<p且p>b", "《人民日报》", "x < y > z", "&#0;与&foo;", "A&B公司", "1<2"],
)
def test_html_look_alikes_are_kept(text):
    assert _html.find_changes(text, CFG) == []


# --- decode ------------------------------------------------------------------------------------

TEXT = "国务院总理出席大会，发表重要讲话。"
TRAD = "國務院總理出席大會，發表重要講話。"


@pytest.mark.parametrize(
    ("raw", "text", "encoding"),
    [
        (TEXT.encode("utf-8"), TEXT, "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT, "utf-8"),
        (TEXT.encode("utf-16"), TEXT, "utf-16-le"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), TEXT, "utf-16-be"),
        (TEXT.encode("utf-16-le"), TEXT, "utf-16-le"),
        (TEXT.encode("gbk"), TEXT, "gb18030"),
        (TRAD.encode("gbk"), TRAD, "gb18030"),
        (TRAD.encode("big5"), TRAD, "cp950"),
        (b"", "", "utf-8"),
    ],
)
def test_decode_chooses_the_encoding_by_evidence(raw, text, encoding):
    assert _bytes.decode(raw, CFG) == (text, encoding, [])


def test_decode_reads_a_declared_charset():
    raw = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>'
    raw += "<p>短</p>".encode("gbk")
    text, encoding, losses = _bytes.decode(raw, CFG)
    assert encoding == "gb18030" and text.endswith("<p>短</p>") and losses == []


def test_decode_prefers_valid_utf8_over_a_wrong_declaration():
    raw = b'<html><head><meta charset="gb2312"></head><p>' + TEXT.encode("utf-8") + b"</p>"
    text, encoding, losses = _bytes.decode(raw, CFG)
    assert (encoding, losses) == ("utf-8", []) and TEXT in text


def test_decode_reports_undecodable_bytes_as_losses():
    text, encoding, losses = _bytes.decode("中文".encode() + b"\xe3\x80" + b"abc", CFG)
    assert (text, encoding) == ("中文\ufffdabc", "utf-8")
    assert losses == [(2, 3, "undecodable bytes E3 80 (utf-8)")]


def test_forced_encoding_is_used():
    raw = TEXT.encode("gbk")
    assert _bytes.decode(raw, CFG.replace(encoding="GBK"))[:2] == (TEXT, "gb18030")
    text, encoding, losses = _bytes.decode(raw, CFG.replace(encoding="utf-8"))
    assert encoding == "utf-8" and losses and all(text[s:e] == "\ufffd" for s, e, _ in losses)


def test_repair_of_bytes_records_the_encoding():
    r = qtext.repair(TRAD.encode("big5"))
    assert r.encoding == "cp950"
    assert r.text == TEXT.replace("，", "，")


# --- badness ----------------------------------------------------------------------------------


def test_badness_prefers_chinese_over_its_mojibake():
    for s in SENTENCES:
        for damage in DAMAGES.values():
            assert _badness.cost(s) < _badness.cost(damage(s))


def test_badness_classes_are_documented_data():
    names = [c.name for c in _badness.CHAR_CLASSES]
    assert len(names) == len(set(names))
    assert all(c.why and c.cost > 0 for c in _badness.CHAR_CLASSES)
    assert _badness.han_cost("的") < _badness.han_cost("鍙") < _badness.han_cost("\u9fa5") + 1


# --- properties --------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200))
def test_repair_never_raises_on_bytes(raw):
    r = qtext.repair(raw)
    assert isinstance(r.text, str)
    text, _, losses = _bytes.decode(raw, CFG)
    assert all(text[s:e] == "\ufffd" for s, e, _ in losses)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120))
def test_repair_never_raises_on_text_and_changes_are_well_formed(text):
    for step in (_mojibake.find_changes, _html.find_changes):
        changes = step(text, CFG)
        assert all(0 <= c.start <= c.end <= len(text) for c in changes)
        assert all(a.end <= b.start for a, b in itertools.pairwise(changes))
    assert isinstance(qtext.repair(text).text, str)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SENTENCES), st.sampled_from(sorted(DAMAGES)), st.text("中文，。 ", max_size=8))
def test_damage_inside_clean_text_is_undone(sentence, damage, around):
    hurt = DAMAGES[damage](sentence)
    assume("\ufffd" not in hurt)  # bytes the damage itself lost cannot all come back
    damaged = around + hurt + around
    assert encoding_steps(damaged) == around + sentence + around


# --- reported bugs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "发布\xa0\xa0\xa0\xa0时间 Ã©",  # a Latin-1 pair elsewhere wakes the Latin side up
        "\xa0\xa0 Ã© \xa0\xa0\xa0\xa0",
        "标题\xa0\xa0正文，Ã©tÃ©",
    ],
)
def test_no_break_space_runs_are_never_read_as_gbk(text):
    changes = _mojibake.find_changes(text, CFG)
    assert all("\xa0" not in text[c.start : c.end] for c in changes)
    assert "牋" not in qtext.repair(text).text


def test_gbk_mojibake_next_to_no_break_spaces_is_still_undone():
    damaged = "发布".encode("gbk").decode("latin-1") + "\xa0\xa0正文"
    assert qtext.repair(damaged).text == "发布  正文"


def test_repair_decoded_matches_repair_of_bytes():
    from qtext._repair import _repair_decoded

    data = "國務院發布通知\n".encode() + b"\xff" + "新闻".encode()
    text, encoding, losses = _bytes.decode(data, CFG)
    via_bytes = qtext.repair(data)
    decoded = _repair_decoded(text, encoding, losses, CFG)
    assert decoded.text == via_bytes.text == "国务院发布通知\n\ufffd新闻"
    assert decoded.encoding == via_bytes.encoding
    assert [e.to_dict() for e in decoded.edits] == [e.to_dict() for e in via_bytes.edits]


def _seed_shape_by_bytes(text: str) -> bool:
    """The Han-side byte test written out: two three-byte UTF-8 shapes in the text's GBK bytes."""
    return _mojibake._SEED_SHAPE in text.encode("gbk", errors="ignore").translate(_mojibake._BYTE_SHAPES)


_SHAPE_CHARS = ["鍙", "戝", "竷", "涓", "枃", "新", "闻", "國", "a", " ", "é", "😀", "銆", "犲"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SHAPE_CHARS), max_size=12))
def test_han_side_prefilter_never_hides_the_byte_shape(chars):
    text = "".join(chars)
    if _seed_shape_by_bytes(text):
        assert _mojibake._lc_re().search(text) is not None
        assert _mojibake.suspicious(text)


def test_han_side_test_fires_on_utf8_read_as_gbk():
    damaged = "新闻发布会".encode().decode("gbk", errors="ignore")
    assert _seed_shape_by_bytes(damaged)
    assert _mojibake.suspicious(damaged)
    assert not _mojibake.suspicious("新闻发布会在北京举行")


def _latin_spans_reference(text: str) -> list[tuple[int, int]]:
    """The Latin-side runs as first written: bridged runs, re-split where no sloppy reading shows."""
    out: list[tuple[int, int]] = []
    for m in _mojibake._BRIDGED_SPAN.finditer(text):
        span = m.group()
        if _mojibake._BRIDGE_RE.search(span) is None or _mojibake._SLOPPY.search(span) is not None:
            out.append(m.span())
        else:
            out.extend(x.span() for x in _mojibake._LATIN_SPAN.finditer(text, m.start(), m.end()))
    return out


_LATIN_POOL = [*"ÃÂ©¢²¼æ–°é—»“”‘’…•™€ŠabXY1!? 中發塢\u3000ÀÌ·—\u3400\uff01\u0101"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LATIN_POOL), min_size=1, max_size=20))
def test_latin_runs_without_a_bridge_only_character_are_the_plain_runs(chars):
    text = "".join(chars)
    assert [m.span() for m in _mojibake._latin_spans(text)] == _latin_spans_reference(text)
