"""Inputs the fuzzer (``fuzz/fuzz_qtext.py``) found, kept as regression tests.

Each test names what the fuzzer reported and checks the property that broke, on a small input
written here (the same shape, smaller sizes)."""

from __future__ import annotations

import qtext
from qtext import _segment


def test_long_run_of_one_character_is_segmented_in_linear_pieces() -> None:
    # fuzz: segment("中" * 51_643) took 19 s; jieba's Viterbi copies its path at every character,
    # so qtext hands it runs of at most _HMM_MAX characters
    seen: list[int] = []

    def fake_cut(buf: str) -> list[str]:
        seen.append(len(buf))
        return list(buf)

    memo = _segment._memo_hmm(fake_cut)
    run = "國" * (3 * _segment._HMM_MAX + 5)
    assert "".join(memo(run)) == run
    assert seen == [_segment._HMM_MAX] * 3 + [5]


def test_long_run_of_one_character_rebuilds_the_text() -> None:
    text = "中" * 20_000
    tokens = qtext.segment(text)
    assert "".join(t.text for t in tokens) == text
    assert tokens[-1].end == 20_000


def test_a_deletion_swallowed_by_a_later_replacement_has_an_ordered_span() -> None:
    # fuzz: '中:<!-- x -->  ' gave the html edit clean span 2:1 (typeset then replaced ':  ' by '：')
    r = qtext.repair("中:<!-- x -->  ")
    assert r.text == "中："
    spans = [(e.step, e.raw_start, e.raw_end, e.clean_start, e.clean_end) for e in r.edits]
    assert spans == [("html", 2, 12, 1, 2), ("typeset", 1, 14, 1, 2)]


def test_a_page_declaring_the_undefined_codec_is_still_read() -> None:
    # found while fuzzing declared charsets: Python's "undefined" codec raises UnicodeError (not
    # UnicodeDecodeError) on every decode, which escaped from repair, segment and analyze
    page = '<html><head><meta charset="undefined"></head><body><p>质量大会</p></body></html>'
    data = page.encode("utf-8") + b"\xff"
    assert qtext.repair(data).raw == page + "\ufffd"
    assert "".join(t.text for t in qtext.segment(data)) == page + "\ufffd"
    assert qtext.analyze(data).text == "质量大会"


def test_html_with_control_characters_and_surrogates_is_read() -> None:
    # fuzz: a page read as HTML with a control character in a text node next to a dropped
    # element raised lxml's "All strings must be XML compatible" ValueError
    html = qtext.Config(read=qtext.ReadConfig(html=True))
    doc = qtext.analyze("<p>国务\x01院<script>x</script>总理\x00出席</p>", html)
    assert doc.text == "国务院总理出席"
    doc = qtext.analyze("<html><body><p>质量\ud800大会<style>a</style>召开</p></body></html>", html)
    assert doc.text == "质量\ufffd大会召开"


def test_breadcrumb_separator_split_is_linear_on_a_long_blank_run() -> None:
    # fuzz: a line of 38,000 spaces took over 10 s in the breadcrumb check: the separator pattern
    # began with \s*, tried again from every position of the run
    from qtext._read._page import _CRUMB_SEP

    assert _CRUMB_SEP.split("首页 > 新闻 >> 正文") == ["首页", "新闻", "正文"]
    assert _CRUMB_SEP.split("a  > > b\t＞c") == ["a", "", "b", "c"]
    line = "首页" + " " * 200_000 + "新闻"
    assert _CRUMB_SEP.split(line) == [line]
    assert qtext.analyze(line).text == line
