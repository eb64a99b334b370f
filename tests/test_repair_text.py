"""The text steps of ``qtext.repair``: ruby, convert, lost, typeset (small written fixtures)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import qtext
from qtext import RepairConfig
from qtext._repair import _convert, _lost, _ruby, _typeset
from qtext._repair._edits import Change, apply_changes
from qtext._resources import dictionary_path, read_rows

CFG = RepairConfig()
SHARED = Path(__file__).resolve().parents[2] / "shared"


def run(step, text: str) -> str:
    return apply_changes(text, step.find_changes(text, CFG), step.__name__)[0]


# --- ruby ---------------------------------------------------------------------------------------


def test_ruby_removed_when_pinyin_is_a_reading():
    assert run(_ruby, "質(zhì)量") == "質量"
    assert _ruby.find_changes("質(zhì)量", CFG) == [Change(0, 6, "質", "ruby pinyin (zhi4) of 質 removed")]


def test_ruby_heteronym_readings_count():
    # 行 is xíng or háng; 長 is cháng or zhǎng
    assert run(_ruby, "銀行(háng)行(xíng)長(zhǎng)") == "銀行行長"


def test_ruby_kept_when_pinyin_is_not_a_reading():
    assert _ruby.find_changes("山(shuǐ)很高", CFG) == []


def test_ruby_kept_when_tone_differs():
    assert _ruby.find_changes("質(zhí)量", CFG) == []


def test_ruby_kept_for_acronyms_and_han_in_parentheses():
    for text in ("國際標準化組織(ISO)主席", "中國質量(上海)大會", "（圖片）", "左(下)"):
        assert _ruby.find_changes(text, CFG) == []


def test_ruby_kept_in_language_teaching_text():
    assert _ruby.find_changes("拼音 (pīnyīn) 是注音方法", CFG) == []


def test_ruby_word_level_annotation_removed():
    assert run(_ruby, "質量(zhì liàng)好") == "質量好"
    assert run(_ruby, "質量（zhìliàng）好") == "質量好"


def test_ruby_tone_digits_and_toneless():
    assert run(_ruby, "製(zhi4)藥(yao4)們(men)綠(lv4)") == "製藥們綠"


def test_ruby_lost_character_restored_from_reading_and_word():
    changes = _ruby.find_changes("他在會上?jiǎng)話", CFG)
    assert [(c.start, c.end, c.replacement) for c in changes] == [(4, 11, "讲")]
    assert changes[0].note == "lost character restored from its ruby pinyin jiang3"


def test_ruby_lost_character_marked_when_ambiguous():
    changes = _ruby.find_changes("要?jiǎng)大", CFG)
    assert [(c.start, c.end, c.replacement) for c in changes] == [(1, 8, "\ufffd")]
    assert "jiang3" in changes[0].note and "could not be told" in changes[0].note


def test_ruby_question_mark_before_list_label_stays():
    assert _ruby.find_changes("首都是哪里?a)北京 b)上海", CFG) == []


def test_ruby_font_letters_and_inner_spaces():
    assert run(_ruby, "發(fɑ̄)展國( ɡuó )家") == "發展國家"


def test_ruby_readings_include_simplified_form():
    assert ("zhi", 4) in _ruby.readings("質")
    assert ("guo", 2) in _ruby.readings("國")


# --- convert ------------------------------------------------------------------------------------


def test_convert_traditional_line():
    assert run(_convert, "隨著經濟發展，臺灣同胞來訪。") == "随着经济发展，台湾同胞来访。"


def test_convert_changes_one_line_at_once_and_edits_are_per_run_of_characters():
    changes = _convert.find_changes("中國質量大會\n新聞", CFG)
    assert [(c.start, c.end, c.replacement) for c in changes] == [(0, 7, "中国质量大会\n"), (7, 9, "新闻")]
    r = qtext.repair("中國質量大會")
    assert [(e.raw_start, e.raw_end, e.before, e.after) for e in r.edits] == [
        (1, 3, "國質", "国质"),
        (5, 6, "會", "会"),
    ]
    assert [r.to_raw(i) for i in range(7)] == [0, 1, 2, 3, 4, 5, 6]


def test_convert_leaves_simplified_text_alone():
    for text in ("乾隆年间的著作", "他以此为借口，覆盖全国。", "于是瞭望塔上的人笑了", "什么"):
        assert _convert.find_changes(text, CFG) == []


def test_convert_stray_traditional_character_only():
    assert run(_convert, "乾隆年间关于國家的著作") == "乾隆年间关于国家的著作"


def test_convert_never_produces_characters_outside_gbk():
    # OpenCC maps 噁 to an extension character; 二噁英 is the simplified term
    assert _convert.find_changes("焚烧产生二噁英", CFG) == []


def test_convert_phrase_fixes_for_hanziconv_output():
    assert run(_convert, "舉行瞭會議，值得藉鑒，登上瞭望塔") == "举行了会议，值得借鉴，登上瞭望塔"


def test_convert_zhu_words_keep_zhu_and_durative_becomes_zhe():
    assert run(_convert, "讀原著，隨著時代，成績卓著") == "读原著，随着时代，成绩卓著"


def test_convert_hong_kong_variants():
    assert run(_convert, "衞生署敍述") == "卫生署叙述"


def test_convert_corner_quotes_in_traditional_text():
    assert run(_convert, "他說：「我們來了。」") == "他说：“我们来了。”"


def test_convert_keeps_mojibake_lines():
    # UTF-8 read as GBK: converting it would only make the mojibake step's job harder
    garbled = "會計報表分析是財務工作的基礎".encode().decode("gbk", errors="replace")
    assert _convert.find_changes(garbled, CFG) == []


def test_convert_judges_line_by_line():
    text = "简体的第一行，关于国家\n繁體的第二行，關於國家"
    assert run(_convert, text) == "简体的第一行，关于国家\n繁体的第二行，关于国家"


def test_traditional_only_characters():
    assert _convert.is_traditional_only("國")
    assert not _convert.is_traditional_only("乾")
    assert not _convert.is_traditional_only("国")


# --- lost ---------------------------------------------------------------------------------------


def test_lost_separator_in_transliterated_name():
    assert run(_lost, "美国质量学会首席执行官威廉姆?特洛伊等") == "美国质量学会首席执行官威廉姆·特洛伊等"
    assert run(_lost, "他会见了本?阿里先生") == "他会见了本·阿里先生"
    assert run(_lost, "他会见了米哈伊尔？卡西亚诺夫") == "他会见了米哈伊尔·卡西亚诺夫"


def test_lost_separator_in_month_day_name():
    assert run(_lost, "调查2008年的5?12事件") == "调查2008年的5·12事件"


def test_lost_question_marks_stay():
    for text in ("你知道吗?我不知道", "为什么?因为下雨", "在哪里?里面", "如何激发内力?安徽在探索",
                 "还不是轻轻松松？多年来"):
        assert _lost.find_changes(text, CFG) == []


def test_lost_replacement_character_reported_not_guessed():
    changes = _lost.find_changes("会计分\ufffd方法", CFG)
    assert changes == [Change(3, 4, "\ufffd", "lost character (U+FFFD) in Han text: left as is")]
    r = qtext.repair("会计分\ufffd方法")
    assert r.text == "会计分\ufffd方法"
    assert [(e.step, e.before, e.after) for e in r.edits] == [("lost", "\ufffd", "\ufffd")]


# --- typeset ------------------------------------------------------------------------------------


def test_typeset_fullwidth_ascii_to_ascii():
    assert run(_typeset, "２００２年投入１.４亿，ＩＴ业") == "2002年投入1.4亿，IT业"


def test_typeset_keeps_chinese_fullwidth_punctuation():
    text = "他说：“好！”（完）？；、《书》～"
    assert _typeset.find_changes(text, CFG) == []


def test_typeset_ascii_punctuation_in_chinese_context():
    assert run(_typeset, "他说:好,我们走;你呢?好!") == "他说：好，我们走；你呢？好！"


def test_typeset_numbers_times_urls_stay():
    assert run(_typeset, "共3,500人,比分1:0,10:30开始") == "共3,500人，比分1:0，10:30开始"
    assert _typeset.find_changes("网址 http://a.cn/x?id=1&b=2 邮箱 a@b.cn", CFG) == []
    assert _typeset.find_changes("把http://或者https:// 开头的地址", CFG) == []


def test_typeset_parentheses_and_quotes():
    assert run(_typeset, '国际标准化组织(ISO)主席说"质量第一"') == "国际标准化组织（ISO）主席说“质量第一”"
    assert run(_typeset, "(比较Python与Go语言)") == "（比较Python与Go语言）"


def test_typeset_english_untouched():
    text = 'He said: "Hello, world!" (really) don\'t'
    assert _typeset.find_changes(text, CFG) == []


def test_typeset_whitespace():
    text = "\u3000\u3000第一段\u200b内容\ufeff。 \t\n\u3000第二段\u00a0内容\u00a0ok\u2060"
    assert run(_typeset, text) == "第一段内容。\n第二段 内容 ok"


def test_typeset_keeps_newlines_and_blank_lines():
    text = "第一段。\n\n第二段。\r\n第三段。"
    assert _typeset.find_changes(text, CFG) == []


def test_typeset_html_entity_semicolon_left_for_html_step():
    assert run(_typeset, "云&#21335;省") == "云&#21335;省"


# --- the whole repair ---------------------------------------------------------------------------


def test_repair_all_text_steps_together():
    raw = "  新華社上海9月15日電 中國質(zhì)量(上海)大會15日召開,國務(wù)委員出席。"
    r = qtext.repair(raw)
    assert r.text == "  新华社上海9月15日电 中国质量（上海）大会15日召开，国务委员出席。"
    # the clean '量' maps back to the raw '量'
    i = r.text.index("量")
    assert r.raw[r.to_raw(i)] == "量"


def test_phrase_fixes_dictionary_is_sorted_and_unique():
    for name in ("phrase_fixes.tsv", "repair_translit_chars.tsv"):
        lines = dictionary_path(name).read_text(encoding="utf-8").splitlines()
        body = [ln for ln in lines if not ln.startswith("#")][1:]
        assert body == sorted(body)
        keys = [ln.split("\t")[0] for ln in body]
        assert len(keys) == len(set(keys))


@pytest.mark.skipif(not (SHARED / "seed").is_dir(), reason="needs ../shared beside the repository")
def test_seed_page_repair_gold():
    seed = SHARED / "seed" / "quality-conference-2017.txt"
    gold = json.loads((SHARED / "seed" / "quality-conference-2017.gold.json").read_text(encoding="utf-8"))
    text = qtext.repair(seed.read_text(encoding="utf-8")).text
    for s in gold["repair"]["must_contain"]:
        assert s in text
    for s in gold["repair"]["must_not_contain"]:
        assert s not in text


# --- reported bugs ------------------------------------------------------------------------------


def test_corner_quotes_become_prc_quotes_in_a_converted_text_without_prc_quotes():
    assert qtext.repair("「結束過去，開闢未來」").text == "“结束过去，开辟未来”"


def test_corner_quotes_stay_when_the_text_has_prc_quotes_of_its_own():
    text = "「20年後誰來養活中國？」\n“當你老了，兩鬢斑白。”"
    assert qtext.repair(text).text == "「20年后谁来养活中国？」\n“当你老了，两鬓斑白。”"


def test_corner_quotes_stay_in_simplified_text():
    assert qtext.repair("「20年后谁来养活中国？」").changed is False


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("歸寜", "归宁"),
        ("中国寜夏回族自治区", "中国宁夏回族自治区"),
        ("他喫了饭，畧作休息", "他吃了饭，略作休息"),
    ],
)
def test_variant_forms_become_standard_simplified(text, want):
    assert qtext.repair(text).text == want


def test_variant_form_edit_is_recorded():
    r = qtext.repair("宁静，寜静")
    assert [(e.raw_start, e.raw_end, e.before, e.after, e.step) for e in r.edits] == [
        (3, 4, "寜", "宁", "convert")
    ]


def test_surname_ning_stays():
    assert qtext.repair("甯先生来访").changed is False


def test_variants_table_keys_are_left_alone_by_opencc():
    import opencc

    rows = list(read_rows("variants.tsv"))
    conv = opencc.OpenCC("t2s")
    assert len(rows) >= 30
    for variant, standard, _note in rows:
        assert conv.convert(variant) == variant
        assert len(standard) == 1 and standard != variant


def test_ascii_question_mark_between_han_without_question_word_is_reported_not_guessed():
    r = qtext.repair("工人?厂长")
    assert r.text == "工人？厂长"
    assert [e.step for e in r.edits if e.before == e.after] == ["lost"]
    assert "not guessed" in r.edits[0].note
    assert all(e.step != "lost" for e in qtext.repair("你去吗?我不去").edits)
