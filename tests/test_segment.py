"""qtext.segment: exact offsets, whole names, the post-pass rules, and jieba's globals left alone."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import qtext
from qtext import _segment


def words(text: str) -> list[str]:
    return [t.text for t in qtext.segment(text)]


def assert_exact(text: str) -> None:
    tokens = qtext.segment(text)
    assert "".join(t.text for t in tokens) == text
    pos = 0
    for t in tokens:
        assert (t.start, t.end) == (pos, pos + len(t.text))
        assert text[t.start : t.end] == t.text
        assert t.text and t.pos
        pos = t.end


def test_tokens_rebuild_text_with_whitespace_and_newlines() -> None:
    text = "  国务委员王勇\r\n出席大会。\n\n\tGDP增长 3.5%　全角空格 emoji😀 ｗｗｗ。"
    assert_exact(text)
    assert words("a\r\nb") == ["a", "\r\n", "b"]
    assert words("北京  上海\n\n天津") == ["北京", "  ", "上海", "\n\n", "天津"]  # one token per run
    assert words("") == []


ALPHABET = list("国务委员王勇出席局长米尔扎耶夫·—…12.%０９年月日 \n\r\tab○二")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=40))
def test_tokens_rebuild_any_text(text: str) -> None:
    assert_exact(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30))
def test_tokens_rebuild_arbitrary_unicode(text: str) -> None:
    assert_exact(text)


def test_tokens_equal_constructor_made_tokens() -> None:
    tokens = qtext.segment("北京举行会议")
    t = qtext.Token
    expected = [t("北京", 0, 2, "ns"), t("举行", 2, 4, "v"), t("会议", 4, 6, "n")]
    assert tokens == expected
    assert all(type(t) is qtext.Token for t in tokens)
    assert hash(tokens[0]) == hash(qtext.Token("北京", 0, 2, "ns"))
    with pytest.raises(AttributeError):
        tokens[0].text = "x"  # type: ignore[misc]


def test_segment_decodes_bytes_and_rejects_other_types_with_a_hint() -> None:
    assert [t.text for t in qtext.segment("北京".encode())] == ["北京"]
    with pytest.raises(qtext.InputError, match="expects str or bytes, got int"):
        qtext.segment(42)  # type: ignore[arg-type]


def test_place_and_country_names_stay_whole() -> None:
    assert "乌兹别克斯坦" in words("乌兹别克斯坦标准局局长出席")
    assert "莫力达瓦达斡尔族自治旗" in words("莫力达瓦达斡尔族自治旗位于内蒙古")
    assert "错那市" in words("西藏错那市今年")


def test_numbers_dates_and_percentages_are_one_token() -> None:
    assert words("增长６．５％。") == ["增长", "６．５％", "。"]
    assert words("2017年12月31日电") == ["2017年", "12月", "31日", "电"]
    assert words("二○○一年新年") == ["二○○一年", "新年"]
    assert words("共3.5万") == ["共", "3.5万"]
    assert words("投资1000万元") == ["投资", "1000万元"]
    assert words("第3.") == ["第", "3", "."]  # a trailing point is not part of the number
    assert words("晴－9℃") == ["晴", "－9", "℃"]  # a sign joins its number …
    assert words("3-5人") == ["3", "-", "5", "人"]  # … a range dash does not


def test_joined_tokens_stay_bounded_on_pathological_runs() -> None:
    for text in ("１" * 5000, "—" * 5000, "ｗ" * 5000, "米尔·" * 2000, "二○" * 2000):
        tokens = qtext.segment(text)
        assert "".join(t.text for t in tokens) == text
        assert max(len(t.text) for t in tokens) <= 64 + 2


def test_dashes_ellipses_and_full_width_latin_runs_are_one_token() -> None:
    assert words("——……") == ["——", "……"]
    assert words("ｗｗｗ。") == ["ｗｗｗ", "。"]


def test_transliterated_names_are_joined() -> None:
    assert "米尔扎耶夫·阿齐兹" in words("局长米尔扎耶夫·阿齐兹说")
    assert "威廉姆斯" in words("威廉姆斯和特洛伊。")
    tokens = {t.text: t.pos for t in qtext.segment("局长米尔扎耶夫·阿齐兹说")}
    assert tokens["米尔扎耶夫·阿齐兹"] == "nrt"
    assert words("中国·北京") == ["中国", "·", "北京"]  # a dot between ordinary words stays apart


def test_compounds_ending_in_a_title_are_cut_before_the_title() -> None:
    assert words("本报记者报道") == ["本报", "记者", "报道"]
    assert words("协会会长")[-1] == "会长"
    assert words("研究处处长")[-2:] == ["处", "处长"]
    assert words("指导部副主任") == ["指导", "部", "副主任"]
    assert words("部长会议") == ["部长", "会议"]  # a title that begins a compound
    assert "国务委员" in words("国务委员王勇")  # a title itself is never cut


def test_function_characters_glued_to_unknown_names_are_cut_off() -> None:
    model = _segment._get_model(None)
    assert "为" in model.edge_chars and "王" not in model.edge_chars
    assert words("张连志为天津") == ["张连志", "为", "天津"]
    assert words("将郭庆祥告上法庭")[:3] == ["将", "郭庆祥", "告"]


def test_parts_of_speech_come_from_jiebas_dictionary_and_simple_rules() -> None:
    tags = {t.text: t.pos for t in qtext.segment("北京举行会议，GDP增长3.5%")}
    assert tags["北京"] == "ns"
    assert tags["举行"] == "v"
    assert tags["GDP"] == "eng"
    assert tags["3.5%"] == "m"
    assert tags["会议"] == "n"  # the most common tag is not stored per word, but still reported
    assert _segment._DEFAULT_TAG not in _segment._get_model(None).tags.values()


def test_tokenizer_is_built_once_and_shared_between_threads() -> None:
    results: list[list[str]] = []

    def work() -> None:
        results.append(words("国务委员王勇出席大会"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and all(r == results[0] for r in results)
    assert _segment.tokenizer() is _segment.tokenizer()


def test_cache_dir_round_trip(tmp_path: Path) -> None:
    first = _segment._build(str(tmp_path))
    files = list(tmp_path.iterdir())
    assert [f.name for f in files] == [_segment._cache_name()]
    second = _segment._build(str(tmp_path))
    assert second.pf == first.pf and second.tags == first.tags
    files[0].write_bytes(b"not cache data")  # a damaged cache is ignored, not trusted
    third = _segment._build(str(tmp_path))
    assert third.pf == first.pf


def test_jieba_globals_untouched_and_nothing_written_to_tmp(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    code = textwrap.dedent(
        """
        import jieba, qtext
        before = dict(jieba.dt.FREQ)
        tokens = qtext.segment("乌兹别克斯坦标准局局长米尔扎耶夫说")
        assert "".join(t.text for t in tokens) == "乌兹别克斯坦标准局局长米尔扎耶夫说"
        assert jieba.dt.initialized is False, "jieba.dt was initialised"
        assert jieba.dt.FREQ == before, "jieba.dt.FREQ changed"
        tok = qtext._segment.tokenizer()
        assert tok is not jieba.dt and tok.lcut("和安县位于新疆") == ["和安县", "位于", "新疆"]
        print("ok")
        """
    )
    env = dict(os.environ, TMPDIR=str(scratch), TEMP=str(scratch), TMP=str(scratch))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
    assert list(scratch.iterdir()) == []


def test_latin_runs_split_before_a_year_or_decimal_and_around_vs() -> None:
    assert words("三星WCG2011总决赛") == ["三星", "WCG", "2011", "总决赛"]
    assert words("eswc2009grandfinal")[:3] == ["eswc", "2009", "grandfinal"]
    assert words("Infi1.25") == ["Infi", "1.25"]
    assert words("沙尔克04vs拜仁") == ["沙尔克", "04", "vs", "拜仁"]
    assert words("vsac米兰") == ["vs", "ac", "米兰"]
    assert words("MP3和G20") == ["MP3", "和", "G20"]  # letters with digits but no year stay whole
    assert words("2011年") == ["2011年"]


def test_frequent_word_glued_to_a_name_is_cut_off() -> None:
    assert words("但梁大伟提醒") == ["但", "梁大伟", "提醒"]  # the word after it is a dictionary name
    assert words("以春丽为主角") == ["以", "春丽", "为", "主角"]
    assert words("对加拉塔萨雷获胜") == ["对", "加拉塔萨雷", "获胜"]
    assert words("于海显然") == ["于海", "显然"]  # 于 is a common surname: left alone
    assert words("正是从费耶诺德辗转") == ["正是", "从", "费耶诺德", "辗转"]  # 从: a rare one


def test_roles_and_titles_are_cut_from_the_compounds_they_end_or_begin() -> None:
    assert words("全班学生") == ["全班", "学生"]
    assert words("女演员") == ["女", "演员"]  # a one-character modifier (tag a/b) before a title
    assert words("客服热线") == ["客服", "热线"]
    assert words("大学生") == ["大学生"]  # 大学 is a word: 大 is no modifier here
    assert words("小学生") == ["小学生"]


def test_hmm_words_running_past_a_name_or_organisation_are_cut() -> None:
    assert words("元，郭菲算得上")[2:4] == ["郭菲", "算"]  # 算得 is a word: 算 starts it
    assert words("执行局和联邦海关局等。")[-3:] == ["局", "等", "。"]  # 局 ends an organisation
    assert words("李晓林说") == ["李晓林", "说"]


def test_frequent_character_after_an_unknown_two_character_name_is_its_own_word() -> None:
    assert words("切尔西在欧冠中也")[2:4] == ["欧冠", "中"]


def test_a_title_that_names_its_body_keeps_the_body_boundary() -> None:
    assert words("全国政协委员张三")[:2] == ["全国政协", "委员"]
    assert words("国务委员王勇") == ["国务委员", "王勇"]  # 国务 is no organisation


def test_name_end_the_hmm_put_with_a_frequent_word_goes_back_to_the_name() -> None:
    assert words("母亲，金钟仁去审问")[2:4] == ["金钟仁", "去"]


def test_a_proper_name_keeps_its_boundary_before_a_league_or_prize() -> None:
    assert words("两队在德甲联赛") == ["两队", "在", "德甲", "联赛"]
    assert words("赢得奥斯卡奖提名") == ["赢得", "奥斯卡", "奖", "提名"]
    assert words("中国队") == ["中国队"]  # a team keeps its name whole


def test_an_organisation_suffix_keeps_its_boundary_after_a_common_word() -> None:
    assert words("当地政府或有关") == ["当地", "政府", "或", "有关"]
    assert words("北京大学") == ["北京大学"]  # a name before the suffix: kept whole
    assert words("招商银行") == ["招商银行"]  # banks, companies, schools: not government bodies
    assert words("本场专家组均")[1:3] == ["专家", "组"]
    assert words("秘书处") == ["秘书处"]


def test_a_unit_character_before_a_title_is_its_own_word() -> None:
    assert words("了校领导集体")[1:3] == ["校", "领导"]  # 校 ends organisation names (学校)
    assert words("英国女间谍") == ["英国", "女", "间谍"]


def test_surname_split_off_by_the_dictionary_takes_back_its_given_name() -> None:
    assert words("？”于海问。") == ["？", "”", "于海", "问", "。"]


def test_a_ministry_title_keeps_the_ministry_field_apart() -> None:
    # 国防部 is a body, so 国防部长 is the field and the minister's title
    assert words("美国国防部长称") == ["美国", "国防", "部长", "称"]


def test_a_title_prefix_is_its_own_word_before_a_title() -> None:
    assert words("的首席经济学家表示")[1:3] == ["首席", "经济学家"]


def test_a_football_club_short_name_is_one_word() -> None:
    assert words("主场打热刺")[-1] == "热刺"


def test_an_attribute_word_before_a_title_is_its_own_word() -> None:
    assert words("特约记者报道")[:2] == ["特约", "记者"]
    assert words("主任委员") == ["主任委员"]  # a title before a title: one title


def test_an_armed_force_at_the_head_of_a_compound_is_its_own_word() -> None:
    assert words("美国海军基地") == ["美国", "海军", "基地"]
