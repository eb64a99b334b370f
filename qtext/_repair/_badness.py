"""How implausible a piece of text is as Chinese news text: the "badness" the mojibake step minimises.

Invariants:
- ``cost(text)`` is a sum of per-character costs plus a few penalties for sequences that clean
  text almost never has; it is linear in ``len(text)`` and deterministic.
- A Han character costs ``log10(total / count)`` with its count from ``char_freq.tsv`` (jieba's
  word counts summed per character; traditional forms borrow their simplified form's count), so
  的 costs about 2.4, a common character 3–4, a rare one 5–6 and one jieba never saw 7.
- Every other character costs what its class in :data:`CHAR_CLASSES` says. The classes are data,
  each with the reason for its weight (the idea comes from ftfy's ``badness.py``); the first class
  that contains a character decides.

A repair is accepted only when it lowers the cost clearly (see :func:`clearly_better`).

>>> cost("发布") < cost("·¢²¼") and cost("发布") < cost("鍙戝竷")
True
>>> clearly_better("新闻", "æ–°é—»")
True
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .._once import once
from .._resources import read_rows

__all__ = ["CHAR_CLASSES", "CharClass", "better_by", "clearly_better", "cost", "han_cost"]


@dataclass(frozen=True, slots=True)
class CharClass:
    """A named set of characters (a regex class body) and what one of them costs."""

    name: str
    chars: str
    cost: float
    why: str


#: Character classes, first match wins. Costs are in the same unit as a Han character's
#: ``log10(total / count)``; a typical Chinese character costs 3–4.
CHAR_CLASSES: tuple[CharClass, ...] = (
    CharClass("space", r"\x20\t\n\r\u3000", 0.5, "whitespace separates, never mojibake by itself"),
    CharClass(
        "c0_control", r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f", 9.0, "control characters: bytes read wrongly"
    ),
    CharClass("ascii", r"\x21-\x7e", 1.0, "ASCII letters, digits and punctuation are plain text"),
    CharClass(
        "cjk_punct",
        "，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』—…·～℃",
        1.5,
        "the punctuation of Chinese text (and the degree sign ℃)",
    ),
    CharClass("fullwidth", r"\uff01-\uff5e", 3.0, "full-width ASCII: odd in clean text, normal in GBK"),
    CharClass("c1_control", r"\x80-\x9f", 9.0, "C1 controls only appear when bytes were read as Latin-1"),
    CharClass("latin1_common", "°·×÷±§é", 3.0, "symbols and letters real Chinese text does use"),
    CharClass(
        "latin1_symbol",
        r"\xa0-\xbf",
        5.0,
        "¡¢£¤¥¦§¨©ª«¬ etc.: every GBK byte A1-BF read as Latin-1 becomes one of these",
    ),
    CharClass("latin1_letter", r"\xc0-\xff", 4.0, "accented letters: fine inside Latin words, odd alone"),
    CharClass(
        "cp1252_special",
        "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2020\u2021\u2022"
        "\u2030\u2039\u203a\u20ac\u2122\u201a\u201e\u2013",
        6.0,
        "what bytes 80-9F become in Windows-1252: the mark of UTF-8 or GBK read as cp1252",
    ),
    CharClass("latin_extended", r"\u0100-\u024f", 4.5, "pinyin tone letters live here (ā ǎ ǚ)"),
    CharClass("modifier_ipa", r"\u0250-\u02ff", 7.0, "IPA and modifier letters: mojibake of GBK pairs"),
    CharClass("combining", r"\u0300-\u036f", 8.0, "a combining mark on its own is mojibake"),
    CharClass("greek_cyrillic", r"\u0370-\u04ff", 6.0, "in GBK these are rows A6/A7: Big5 read as GBK"),
    CharClass("other_2byte", r"\u0500-\u07ff", 8.0, "Armenian..N'Ko: GBK bytes read as UTF-8"),
    CharClass("rare_3byte", r"\u0800-\u1fff", 8.0, "scripts Chinese news does not use"),
    CharClass("general_punct", r"\u2000-\u206f", 4.0, "″‖‥: GBK row A1 symbols rarely used"),
    CharClass("enclosed", r"\u2460-\u24ff\u2160-\u217f", 3.0, "①② and Ⅰ Ⅱ: used in Chinese lists"),
    CharClass("symbols", r"\u2070-\u2bff", 5.0, "arrows, maths, box drawing: GBK rows A1/A9"),
    CharClass("cjk_symbols", r"\u3000-\u303f", 3.5, "CJK punctuation beyond the common set"),
    CharClass("kana", r"\u3040-\u30ff", 5.0, "kana: GBK rows A4/A5, where Big5 read as GBK lands"),
    CharClass("zhuyin", r"\u3100-\u312f", 7.0, "bopomofo: GBK row A8"),
    CharClass("cjk_ext_a", r"\u3400-\u4dbf", 8.0, "CJK extension A: rare characters"),
    CharClass("hangul", r"\u1100-\u11ff\u3130-\u318f\uac00-\ud7af", 6.0, "Korean in Chinese news is rare"),
    CharClass("private_use", r"\ue000-\uf8ff", 10.0, "private use: user-defined GBK/Big5 areas"),
    CharClass("cjk_compat", r"\uf900-\ufaff\ufe10-\ufe6f", 7.0, "compatibility and vertical forms"),
    CharClass("replacement", "\ufffd", 3.0, "a lost character, marked: costs what a typical one does"),
    CharClass("halfwidth_other", r"\uff61-\uffef", 7.0, "half-width kana and Hangul"),
)

#: the Latin-1 upper half's symbols and the cp1252 specials: what continuation bytes become
_HIGH_SYMBOL = (
    r"[\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2020-\u2022\u2030"
    r"\u2039\u203a\u20ac\u2122\u201a\u201e]"
)

#: Sequences clean text almost never has: (regex, cost per match, why).
BAD_SEQUENCES: tuple[tuple[str, float, str], ...] = (
    (_HIGH_SYMBOL + "{2}",
     2.0, "two symbols from the Latin-1/cp1252 upper half in a row"),
    (r"[\xc0-\xff][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2020-\u2022"
     r"\u2030\u2039\u203a\u20ac\u2122\u201a\u201e\u2013\u2014\u2018\u2019\u201c\u201d\u2026]",
     2.0, "an accented capital or lead byte followed by a continuation-byte symbol: UTF-8 read as Latin-1"),
    (r"[\u4e00-\u9fff][\u3040-\u30ff][\u4e00-\u9fff]", 2.0, "one kana between two Han: Big5 read as GBK"),
    (r"[\u0370-\u04ff\u2500-\u257f][\u4e00-\u9fff]|[\u4e00-\u9fff][\u0370-\u04ff\u2500-\u257f]",
     2.0, "Greek, Cyrillic or box drawing touching Han"),
)

_HAN = re.compile(r"[\u4e00-\u9fff\uf900-\ufaff]")
_UNSEEN_HAN = 7.0
#: for each bad sequence (in BAD_SEQUENCES' order): a character class every match holds as its
#: first or second character, and the regex. The class is searched first (a fast scan that
#: tries nothing at a Han character), and only from one character before its first hit can a
#: match start, so the count of matches is the same as over the whole text.
_GATES = (_HIGH_SYMBOL, r"[\xc0-\xff]", r"[\u3040-\u30ff]", r"[\u0370-\u04ff\u2500-\u257f]")
_BAD_GATED: tuple[tuple[re.Pattern[str], re.Pattern[str], float], ...] = tuple(
    (re.compile(gate), re.compile(p), c) for gate, (p, c, _) in zip(_GATES, BAD_SEQUENCES, strict=True)
)
#: all the gates' characters: without one, no sequence penalty applies (Chinese text, even with
#: its “”—… punctuation, has none)
_BAD_TRIGGER = re.compile("[" + "".join(gate[1:-1] for gate in _GATES) + "]")
_CLASS_RES = tuple((re.compile(f"[{c.chars}]"), c.cost) for c in CHAR_CLASSES)
_OTHER = 6.0


@once
def _han_costs() -> dict[str, float]:
    total = 0
    rows = []
    for row in read_rows("char_freq.tsv"):
        n = int(row[1])
        rows.append((row[0], n))
        if len(row) < 3 or not row[2]:
            total += n
    return {ch: min(_UNSEEN_HAN, math.log10(total / n)) for ch, n in rows}


def han_cost(ch: str) -> float:
    """The cost of one Han character (7.0 when the frequency table has never seen it)."""
    return _han_costs().get(ch, _UNSEEN_HAN)


class _CostTable(dict[str, float]):
    """Character → cost, filled on first sight of a character (Han costs preloaded)."""

    def __missing__(self, ch: str) -> float:
        c = self[ch] = _char_cost(ch)
        return c


@once
def _cost_cache() -> _CostTable:
    return _CostTable(_han_costs())


def _char_cost(ch: str) -> float:
    if _HAN.match(ch):
        return _UNSEEN_HAN
    for rx, c in _CLASS_RES:
        if rx.match(ch):
            return c
    return _OTHER


def cost(text: str) -> float:
    """The badness of ``text``: per-character costs plus penalties for bad sequences.

    >>> cost("") == 0.0
    True
    """
    total = sum(map(_cost_cache().__getitem__, text))
    if _BAD_TRIGGER.search(text) is not None:
        for gate, rx, c in _BAD_GATED:
            hit = gate.search(text)
            if hit is not None:
                total += c * len(rx.findall(text, max(0, hit.start() - 1)))
    return total


#: A repair must lower the cost by at least this share of the damaged text's cost...
MIN_GAIN_SHARE = 0.25
#: ...and by at least this much in absolute terms.
MIN_GAIN = 3.0


def clearly_better(after: str, before: str, *, context: str = "") -> bool:
    """True if ``after`` is clearly less bad than ``before`` (``context`` is added to both)."""
    return better_by(cost(before + context), cost(after + context))


def better_by(before: float, after: float) -> bool:
    """True if a cost of ``after`` is clearly below a cost of ``before`` (see the two constants)."""
    return before - after >= max(MIN_GAIN, MIN_GAIN_SHARE * before)
