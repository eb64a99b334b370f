"""Chinese sentence splitting with offsets (qtext._read._sentences)."""

from qtext._read import split_sentences


def _texts(text, start=0, end=None):
    spans = split_sentences(text, start, end)
    for s in spans:
        assert text[s.start:s.end] == s.text
    return [s.text for s in spans]


def test_sentences_end_at_chinese_end_marks():
    assert _texts("大会开幕。代表发言！你去吗？好；走。") == [
        "大会开幕。", "代表发言！", "你去吗？", "好；", "走。"
    ]


def test_closing_quote_stays_with_its_sentence():
    assert _texts("他说：“我们到了。”大家笑了。") == ["他说：“我们到了。”", "大家笑了。"]
    assert _texts("他说：“我们到了。走吧！”") == ["他说：“我们到了。走吧！”"]


def test_quote_inside_a_going_sentence_does_not_end_it():
    assert _texts("他说“好。”，然后走了。") == ["他说“好。”，然后走了。"]


def test_quote_closing_after_end_mark_then_new_sentence():
    assert _texts("“我们到了。” 大家笑了。") == ["“我们到了。”", "大家笑了。"]


def test_no_split_inside_book_title_or_brackets():
    assert _texts("他读了《一。二！》这本书。（注：见上。）再见。") == [
        "他读了《一。二！》这本书。", "（注：见上。）再见。"
    ]


def test_repeated_marks_and_ellipsis_stay_together():
    assert _texts("真的吗？！当然……走吧!") == ["真的吗？！", "当然……", "走吧!"]


def test_offsets_inside_a_larger_text_and_trailing_fragment():
    text = "标题\n　　第一句。第二句没有句号"
    start = text.index("第")
    spans = split_sentences(text, start, len(text))
    assert [(s.text, s.start, s.end) for s in spans] == [
        ("第一句。", start, start + 4),
        ("第二句没有句号", start + 4, len(text)),
    ]


def test_unclosed_bracket_does_not_swallow_the_paragraph():
    text = "（" + "长" * 500 + "。后面一句。"
    assert _texts(text)[-1] == "后面一句。"


def test_ascii_question_mark_inside_a_url_is_not_an_end():
    assert _texts("详见http://example.cn/a?id=1页面。好!") == ["详见http://example.cn/a?id=1页面。", "好!"]
