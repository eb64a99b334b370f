"""Invariants of ``qtext.repair`` on generated input (hypothesis, modest example counts)."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import qtext

# text built from the pieces the repair steps look at, so the steps actually fire
PIECES = [
    "質", "(zhì)", "量", "（liàng）", "國", "(guó)", "們", "(men)", "?", "？", "\ufffd", "jiǎng)",
    "威廉姆", "特洛伊", "·", "11", "16", "事故", ",", ":", ";", "!", "(", ")", '"', "'",
    "ISO", "１２", "ＡＢ", "\u3000", "\u200b", "\ufeff", "\u00a0", " ", "\n", "\r\n", "瞭", "藉",
    "著", "乾隆", "「", "」", "隨著", "发展", "。", "，", "a", "3,500", "10:30", "&#21271;",
    "http://a.cn/?x=1",
]
damaged = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=60), damaged)

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.one_of(any_text, st.binary(max_size=80)))
def test_repair_never_raises(raw):
    r = qtext.repair(raw)
    assert isinstance(r.text, str)


@SETTINGS
@given(any_text)
def test_repair_is_idempotent(raw):
    once = qtext.repair(raw).text
    assert qtext.repair(once).text == once


def _covered(r: qtext.Repair) -> list[bool]:
    """Which clean offsets lie inside the clean span of some edit."""
    inside = [False] * (len(r.text) + 1)
    for e in r.edits:
        for k in range(e.clean_start, max(e.clean_end, e.clean_start + 1)):
            if k < len(inside):
                inside[k] = True
    return inside


@SETTINGS
@given(any_text)
def test_offsets_map_back_to_raw(raw):
    r = qtext.repair(raw)
    for e in r.edits:
        rs, re_ = r.raw_span(e.clean_start, e.clean_end)
        assert 0 <= rs <= re_ <= len(r.raw)
        assert 0 <= e.raw_start <= e.raw_end <= len(r.raw)
    inside = _covered(r)
    for i, ch in enumerate(r.text):
        if not inside[i]:
            j = r.to_raw(i)
            assert r.raw[j] == ch, (i, j)


def test_offsets_of_unchanged_text_after_ruby_and_conversion():
    r = qtext.repair("中國質(zhì)量大會(huì)在上海召開")
    assert r.text == "中国质量大会在上海召开"
    for word in ("量", "在上海"):
        i = r.text.index(word)
        s, e = r.raw_span(i, i + len(word))
        assert r.raw[s:e] == word


def _time(text: str, repeat: int = 3) -> float:
    """Best CPU time of a few runs (CPU time: a run preempted on a busy machine is not slower)."""
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        qtext.repair(text)
        best = min(best, time.process_time() - t)
    return best


def test_time_grows_roughly_linearly():
    unit = "據新華社電,國務(wù)委員威廉姆?特洛伊出席(ISO)大會\u200b。２０１７年\n"
    qtext.repair(unit)  # load tables
    small = _time(unit * 40)
    large = _time(unit * 320)
    assert large / small < 20  # 8x the text; a sanity check against quadratic behaviour


def test_a_step_never_runs_twice_on_the_same_text(monkeypatch):
    import qtext._repair as rep

    seen: list[tuple[str, str]] = []

    def spy(name, fn):
        def wrapped(text, cfg):
            seen.append((name, text))
            return fn(text, cfg)

        return wrapped

    monkeypatch.setattr(rep, "STEPS", tuple((name, spy(name, fn)) for name, fn in rep.STEPS))
    cfg = qtext.RepairConfig(max_rounds=3)  # not the default object: the step list is rebuilt
    text = "發布時間：2017年9月15日 質(zhì)量 ·¢²¼ &amp; 国?务"
    assert qtext.repair(text, cfg).text == qtext.repair(text).text
    assert len(seen) == len(set(seen))
    assert {name for name, _ in seen} == {name for name, _ in rep.STEPS}
