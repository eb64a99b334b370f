"""Quotes: speaker, verb and content of reported speech."""

from __future__ import annotations

from qtext._document import Official, Page, Quote, Span
from qtext._extract._quotes import find_quotes


def _official(text: str, name: str, *short: str) -> Official:
    spans = []
    for form in (name, *short):
        i = text.find(form)
        while i >= 0:
            if not any(s.start <= i < s.end for s in spans):
                spans.append(Span(form, i, i + len(form)))
            i = text.find(form, i + 1)
    return Official(name, mentions=tuple(sorted(spans, key=lambda s: s.start)))


def _paragraphs(text: str) -> Page:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append(Span(line, pos, pos + len(line)))
        pos += len(line) + 1
    return Page(paragraphs=tuple(spans))


def _quotes(text: str, *officials: Official) -> list[tuple[str | None, str | None, str]]:
    return [(q.speaker, q.verb, q.text) for q in find_quotes(text, _paragraphs(text), officials, ())]


def test_verb_then_comma_runs_to_the_end_of_the_paragraph() -> None:
    text = "市长赵六表示，城市要更绿。公园要更多。\n下一段。"
    assert _quotes(text, _official(text, "赵六")) == [("赵六", "表示", "城市要更绿。公园要更多。")]


def test_two_speakers_in_one_paragraph_split_the_content() -> None:
    text = "赵六指出，要抓落实。钱七强调，要重实效。"
    assert _quotes(text, _official(text, "赵六"), _official(text, "钱七")) == [
        ("赵六", "指出", "要抓落实。"), ("钱七", "强调", "要重实效。")]


def test_adverbs_between_speaker_and_verb() -> None:
    text = "赵六在讲话中还强调，必须守住底线。"
    assert _quotes(text, _official(text, "赵六")) == [("赵六", "强调", "必须守住底线。")]


def test_pronoun_resolves_to_the_last_person() -> None:
    text = "赵六出席会议。\n他说，明年会更好。"
    assert _quotes(text, _official(text, "赵六")) == [("赵六", "说", "明年会更好。")]


def test_short_mention_gives_the_full_name() -> None:
    text = "欧阳明出席。欧阳表示，这是好事。"
    official = Official("欧阳明", mentions=(Span("欧阳明", 0, 3), Span("欧阳", 6, 8)))
    assert _quotes(text, official) == [("欧阳明", "表示", "这是好事。")]


def test_colon_and_quotation_marks_keep_the_inside() -> None:
    text = "赵六说：“我们有信心。”随后离开。"
    assert _quotes(text, _official(text, "赵六")) == [("赵六", "说", "我们有信心。")]


def test_quotation_before_the_speaker() -> None:
    text = "“这里的变化真大。”钱七说。"
    assert _quotes(text, _official(text, "钱七")) == [("钱七", "说", "这里的变化真大。")]


def test_speaker_colon_quotation() -> None:
    text = "钱七：“欢迎大家。”"
    assert _quotes(text, _official(text, "钱七")) == [("钱七", None, "欢迎大家。")]


def test_verb_without_comma_is_not_a_quote() -> None:
    text = "赵六对成果表示赞赏。"
    assert _quotes(text, _official(text, "赵六")) == []


def test_without_officials_a_name_after_a_title_is_the_speaker() -> None:
    text = "某某公司董事长孙八介绍，产量翻了一番。"
    assert _quotes(text) == [("孙八", "介绍", "产量翻了一番。")]


def test_non_person_subjects_are_not_speakers() -> None:
    text = "会议指出，要加强管理。"
    assert _quotes(text) == []


def test_spans_slice_back() -> None:
    text = "赵六表示，好。“很好。”钱七说。"
    for q in find_quotes(text, _paragraphs(text), (_official(text, "赵六"), _official(text, "钱七")), ()):
        assert isinstance(q, Quote)
        assert text[q.start:q.end] == q.text
