"""Linear time, checked by counting work (never by the clock; speed is `benchmarks/bench_linear.py`)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest

import qtext
from qtext._config import RepairConfig
from qtext._extract._scan import Spans, all_matches, longest_matches
from qtext._repair import _typeset


class _CountingPattern:
    """A stand-in for a compiled regex that adds up how many characters its searches may scan."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scanned = 0
        self.calls = 0

    def _count(self, text: str, pos: int, endpos: int | None) -> None:
        self.calls += 1
        self.scanned += (len(text) if endpos is None else min(endpos, len(text))) - pos

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        self._count(text, pos, endpos)
        return self.pattern.search(text, pos, len(text) if endpos is None else endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        self._count(text, pos, endpos)
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)


@pytest.mark.parametrize("depth", [50, 2000])
def test_nested_ascii_parentheses_look_at_each_character_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch, depth: int
) -> None:
    counting = _CountingPattern(_typeset._HAN_RE)
    monkeypatch.setattr(_typeset, "_HAN_RE", counting)
    text = "(" * depth + "质量" + ")" * depth
    changes = _typeset.find_changes(text, RepairConfig())
    assert len(changes) == 2 * depth  # every pair has Han inside: all become full-width
    assert counting.scanned <= 3 * len(text)  # one search per pair would scan depth² characters


def test_nested_ascii_parentheses_repair_to_full_width() -> None:
    assert qtext.repair("(" * 30 + "质量" + ")" * 30).text == "（" * 30 + "质量" + "）" * 30


def _word(rng: random.Random, alphabet: str, longest: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, longest)))


@pytest.mark.parametrize("seed", range(4))
def test_longest_matches_finds_what_the_longest_first_alternation_finds(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "王勇军中国质量]\\-^"
    for _ in range(300):
        words = {_word(rng, alphabet, 4) for _ in range(rng.randint(1, 6))}
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
        assert longest_matches(text, words) == [(m.start(), m.end()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("seed", range(4))
def test_all_matches_finds_what_one_finditer_per_word_finds(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "沪质协会中国a"
    for _ in range(300):
        words = {_word(rng, alphabet, 3) for _ in range(rng.randint(1, 5))}
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        expected = {w: [m.start() for m in re.finditer(re.escape(w), text)] for w in words}
        assert all_matches(text, words) == {w: s for w, s in expected.items() if s}


def test_scans_with_no_words_find_nothing() -> None:
    assert longest_matches("王勇", []) == []
    assert all_matches("王勇", [""]) == {}


def test_longest_matches_tries_each_candidate_once_per_word_length() -> None:
    # 300 distinct three-character names; the scan slices at most (distinct lengths) per candidate
    names = [a + b + c for a in "王李张" for b in "伟芳娜敏静丽强磊军洋" for c in "明华平刚红玲燕春菊凤"]
    text = "、".join(names)
    assert longest_matches(text, names) == [(4 * k, 4 * k + 3) for k in range(len(names))]


@pytest.mark.parametrize("seed", range(3))
def test_spans_answers_as_a_scan_of_every_span_would(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(400):
        spans = [(a, a + rng.randint(0, 6)) for a in (rng.randint(0, 30) for _ in range(rng.randint(0, 6)))]
        index = Spans(list(spans))
        for _ in range(15):
            a = rng.randint(0, 35)
            b = a + rng.randint(0, 8)
            assert index.covers(a, b) == any(s <= a and b <= e for s, e in spans)
            assert index.inside(a, b) == any(a <= s and e <= b for s, e in spans)
            assert index.ends_inside(b) == any(s < b < e for s, e in spans)
            assert index.overlaps(a, b) == any(s < b and a < e for s, e in spans)


def test_an_alias_defined_twice_is_one_mention_at_each_use() -> None:
    text = ("上海市质量协会（以下简称“沪质协”）发布通知。"
            "上海市质量协会（以下简称“沪质协”）表示，沪质协将加强监管。")
    doc = qtext.analyze(text)
    org = doc.extraction.organisations[0]
    assert (org.name, org.aliases) == ("上海市质量协会", ("沪质协",))
    assert [(m.text, m.start) for m in org.mentions] == [
        ("上海市质量协会", 0), ("沪质协", 13), ("上海市质量协会", 23), ("沪质协", 36), ("沪质协", 44)]
    assert [(e.text, e.start) for e in doc.extraction.entities if e.text == "沪质协"] == [
        ("沪质协", 13), ("沪质协", 36), ("沪质协", 44)]


def test_a_page_of_many_different_names_finds_each_later_mention() -> None:
    givens = "伟芳娜敏静丽强磊军洋"
    names = [s + g + h for s in "王李张刘" for g in givens for h in "明华平"]
    text = "".join(f"市委书记{n}出席会议。" for n in names) + "".join(f"{n}表示，" for n in names[:5])
    doc = qtext.analyze(text)
    counts: dict[str, int] = {}
    for e in doc.extraction.entities:
        if e.label == "PERSON":
            counts[e.text] = counts.get(e.text, 0) + 1
    assert len(counts) == len(names) == 120
    assert [counts[n] for n in names[:6]] == [2, 2, 2, 2, 2, 1]  # the five named again, twice each


# --- read: the rewritten patterns find what the plain ones find ---------------------------------

_READ_PIECES = ["<script>", "<SCRIPT a=1>", "</script>", "</Script >", "<style>", "</style>", "<!--", "-->",
                "<", ">", "a", "中", "<p>", "<scripts>", "\n", " ", "<br/>", "</p >", "<div class=x>"]


@pytest.mark.parametrize("seed", range(3))
def test_crude_tag_stripping_removes_what_the_plain_regexes_remove(seed: int) -> None:
    from qtext._read import _html

    scripts = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.I | re.S)
    rng = random.Random(seed)
    for _ in range(2000):
        t = "".join(rng.choice(_READ_PIECES) for _ in range(rng.randint(0, 14)))
        assert _html._drop_scripts(t) == scripts.sub("", t)
        assert _html._sub_tags(_html._ANY_TAG_RE, "", t) == _html._ANY_TAG_RE.sub("", t)
        assert _html._sub_tags(_html._BLOCK_TAG_RE, "\n", t) == _html._BLOCK_TAG_RE.sub("\n", t)


def test_unclosed_script_openers_search_for_a_closer_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from qtext._read import _html

    counting = _CountingPattern(_html._CLOSER["script"])
    monkeypatch.setitem(_html._CLOSER, "script", counting)
    assert _html._drop_scripts("<script>x" * 1000 + "<!--" * 1000) == "<script>x" * 1000 + "<!--" * 1000
    assert counting.calls == 1


@pytest.mark.parametrize("seed", range(3))
def test_title_suffix_and_junk_tail_find_what_the_plain_regexes_find(seed: int) -> None:
    from qtext._read import _page

    title_suffix = re.compile(r"\s*(?:[_|｜]|\s[-–—]+\s|[-–—]{2,})\s*")
    rng = random.Random(seed)
    alphabet = ["\\", '"', " ", "\n", "/", ">", "a", "中", "\t", "_", "|", "-", "—", "–", "｜", "\u3000"]
    for _ in range(3000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        s = rng.randint(0, len(t))
        e = rng.randint(s, len(t))
        m = _page._JUNK_TAIL.search(t, s, e)
        assert _page._junk_tail(t, s, e) == (m.start() if m else None)
        assert _page._TITLE_SUFFIX.split(t) == title_suffix.split(t)


def test_a_title_with_a_long_space_run_keeps_its_first_part() -> None:
    from qtext._read import _page

    assert _page._title_part("质量大会" + " " * 5000 + "开幕_新华网") == "质量大会" + " " * 5000 + "开幕"


@pytest.mark.parametrize("seed", range(2))
def test_views_and_count_patterns_match_as_their_plain_forms(seed: int) -> None:
    from qtext._extract import _events
    from qtext._read import _meta

    views = re.compile(r"\s*[（(]?\s*\d[\d,]*(?:\.\d+)?\s*[万wW]?\s*[）)]?\s*(?:次|人次|人)?")
    count = re.compile(_events._COUNT_RE.pattern.replace("(?<!\\d)", "", 1))
    rng = random.Random(seed)
    alphabet = [*" \t（()）1234,.万wW次人x民个", "人次", "国家和地区", "\u3000"]
    for _ in range(5000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        a, b = views.match(t), _meta._VIEWS_RE.match(t)
        assert (a and a.group()) == (b and b.group())
        assert [m.groups() for m in count.finditer(t)] == [m.groups() for m in _events._COUNT_RE.finditer(t)]
