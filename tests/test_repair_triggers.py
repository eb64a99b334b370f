"""The repair fast paths: step triggers, the one-scan "nothing to do" test, and regexes rewritten
for speed, each checked against the slower definition it replaces."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import qtext
from qtext._repair import _DEFAULT, STEPS, TRIGGERS, _mojibake, _quiet_test
from qtext._repair._badness import BAD_SEQUENCES, cost
from qtext._repair._edits import apply_changes

# pieces that fire each step (and pieces that only look like it), mixed with clean text
PIECES = [
    "質", "(zhì)", "（zhì）", "（ISO）", "(ISO)", "國", "們", "(men)", "?", "？", "\ufffd", "?jiǎng)",
    "威廉姆", "特洛伊", "·", "11", "16", "事故", ",", ":", ";", "!", '"', "'", "１２", "ＡＢ",
    "\u3000", "\u200b", "\u00a0", " ", "\t", "\n", "\r\n", "瞭", "著", "乾隆", "「", "」", "发展", "。",
    "，", "a", "&#21271;", "&amp;", "<br>", "</p>", "x<5", "·¢²¼", "æ–°é—»", "鍙戝竷", "涓枃",
    "瞅露笰", "×", "°", "岚", "璇", "ア", "Ω", "─", "€", "\ud800", "寜", "喫", "\xe9t\xe9",
]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts)
def test_a_step_changes_nothing_in_a_text_its_trigger_is_quiet_on(text):
    for name, fn in STEPS:
        if TRIGGERS[name]().quiet(text):
            assert fn(text, _DEFAULT) == [], name


def _repair_without_fast_paths(text: str) -> str:
    """Every step, round after round, until a round changes nothing (no triggers consulted)."""
    for _ in range(_DEFAULT.max_rounds):
        before = text
        for name, fn in STEPS:
            changes = fn(text, _DEFAULT)
            if changes:
                text = apply_changes(text, changes, name)[0]
        if text == before:
            break
    return text


@SETTINGS
@given(texts)
def test_repair_gives_the_text_the_steps_give_without_fast_paths(text):
    if re.search("[\ud800-\udfff]", text):
        text = text.encode("utf-8", "replace").decode("utf-8")  # (surrogates: a decode edit first)
    assert qtext.repair(text).text == _repair_without_fast_paths(text)


def test_clean_text_is_passed_through_after_one_scan():
    quiet = _quiet_test(tuple(name for name, _ in STEPS))
    assert quiet("已经干净的简体中文，没有问题。2017年9月，“质量”与（发展）。")
    r = qtext.repair("已经干净的简体中文。")
    assert (r.text, r.changed, r.edits) == ("已经干净的简体中文。", False, ())


def test_each_kind_of_damage_wakes_the_one_scan_test():
    quiet = _quiet_test(tuple(name for name, _ in STEPS))
    for text in ["·¢²¼", "鍙戝竷", "國家", "寜静", "&lt;", "<br>", "質(zhì)", "质（zhì）", "威廉姆?特洛伊",
                 "\ufffd", "２０", "a,b", "\u3000正文", "行尾 \n", "行尾\t", "\u200b", "\ud800"]:
        assert not quiet(text), text


def test_the_one_scan_test_covers_only_enabled_steps():
    assert _quiet_test(("html", "lost"))("國家,发展")
    assert not _quiet_test(("html", "lost"))("國家?发展")


@SETTINGS
@given(st.text(alphabet=st.sampled_from("·¢²¼æ–°é—»鍙戝竷 中文ア Ω─€é×a1!@~\x7f\n"), max_size=40))
def test_latin_span_regex_matches_its_repeated_group_definition(text):
    reference = re.compile(
        f"[{_mojibake._LATIN_ALPHA}](?:[\\x21-\\x7e]*[{_mojibake._LATIN_ALPHA}])*[\\x40-\\x7e]?"
    )
    assert [m.span() for m in _mojibake._LATIN_SPAN.finditer(text)] == [
        m.span() for m in reference.finditer(text)
    ]


@SETTINGS
@given(st.text(alphabet=st.sampled_from("中文·¢²¼æ–°é—»アΩ─é×\x80\x95a "), max_size=40))
def test_cost_counts_every_bad_sequence_as_a_whole_text_search_does(text):
    total = sum(cost(ch) for ch in text)
    total += sum(c * len(re.findall(p, text)) for p, c, _ in BAD_SEQUENCES)
    assert abs(cost(text) - total) < 1e-9


def test_cost_of_kana_and_greek_among_han():
    # 中ア中 and 中Ω: one penalty each, on top of the characters' own costs
    assert round(cost("中ア中") - 2 * cost("中") - cost("ア"), 9) == 2.0
    assert round(cost("中Ω") - cost("中") - cost("Ω"), 9) == 2.0


@SETTINGS
@given(st.lists(st.sampled_from(["?", "？", "\ufffd", "(", "（", ")", "）", "质", " ", "zhì", "liàng",
                                  "men", "ISO", "Z1", "'", "·", "-"]), max_size=14).map("".join))
def test_ruby_annotation_regex_matches_its_class_first_definition(text):
    from qtext._repair import _ruby

    reference = re.compile(rf"(?P<lead>[?？][(（]?|\ufffd[(（]|[(（]) ?(?P<py>{_ruby._PINYIN})[)）]")
    assert [(m.span(), m.group("lead"), m.group("py")) for m in _ruby._ANNOTATION.finditer(text)] == [
        (m.span(), m.group("lead"), m.group("py")) for m in reference.finditer(text)
    ]


def test_lost_date_is_searched_only_where_a_digit_mark_digit_occurs():
    from qtext._repair import _lost

    changes = _lost.find_changes("发生在11?16的事故与2?3号", _DEFAULT)
    assert [(c.start, c.end, c.replacement) for c in changes] == [(5, 6, "·"), (13, 14, "·")]
    assert _lost.find_changes("你好吗？我很好。", _DEFAULT) == []


def test_layers_and_repairs_built_through_slots_equal_the_dataclass_built_ones():
    import pickle

    from qtext._repair import Repair, _new_repair
    from qtext._repair._edits import Layer, _new_layer

    fields = ("convert", (0,), (1,), (0,), (1,), ("國",), ("国",), ("traditional",))
    assert _new_layer(*fields) == Layer(*fields)
    assert [getattr(_new_layer(*fields), f) for f in Layer.__slots__] == list(fields)
    r = qtext.repair("國(guó)家")
    built = Repair(r.text, r.raw, r.encoding, r.layers)
    fast = _new_repair(r.text, r.raw, r.encoding, r.layers)
    assert fast == built and fast.layers == built.layers and fast.edits == built.edits
    assert pickle.loads(pickle.dumps(fast)).edits == r.edits
    assert [(e.raw_start, e.raw_end, e.before, e.after) for e in r.edits] == [
        (0, 6, "國(guó)", "國"), (0, 6, "國", "国")
    ]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("·æā㐀–“中─！a!~@Z \n\x7f\xa0\ufffd€"), max_size=16))
def test_bridged_span_regex_matches_its_one_step_definition(text):
    # alphabet-only (·æā), alphabet and bridge (㐀–“€), bridge-only (中─！), ASCII, space, others
    alpha = _mojibake._LATIN_ALPHA
    reference = re.compile(
        f"[{alpha}](?:[\\x21-\\x7e]*(?:{_mojibake._BRIDGE}[\\x21-\\x7e]*)?[{alpha}])*[\\x40-\\x7e]?"
    )
    assert [m.span() for m in _mojibake._BRIDGED_SPAN.finditer(text)] == [
        m.span() for m in reference.finditer(text)
    ]
