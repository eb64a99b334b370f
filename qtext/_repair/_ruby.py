"""Repair step ``ruby``: flattened ruby pinyin (``質(zhì)量`` → ``質量``).

Pages that showed pinyin above characters often lose the markup and print it inline after the
character. An annotation is removed only when it is a reading of the character(s) just before it:

- Shapes: ``質(zhì)``, ``質（zhì）``, ``質(zhi4)``, toneless ``們(men)``, and word-level
  ``質量(zhì liàng)`` / ``質量(zhìliàng)`` (n syllables after n Han characters). The annotation must
  follow the character directly: ``拼音 (pīnyīn)`` with a space, as language-teaching text writes
  it, stays.
- Readings come from pypinyin's character table with all heteronyms, for the character and for
  its OpenCC t2s simplified form (traditional pages carry the annotations). Tones are compared
  exactly when the annotation has one (a mark or a digit; ``5`` = neutral) and ignored when it has
  none. Annotations whose syllables are a reading only with a different tone stay: on the
  development data every flattened annotation matched with its tone, while a tone mismatch is
  what real parenthesised pinyin in teaching text looks like.
- ``(ISO)``, ``(上海)``, ``(图片)`` or ``(下)`` are not pinyin or not a reading, and stay.
- A lost character: ``要?jiǎng)?chuàng)新`` (``講(`` and ``創(`` each collapsed into ``?``) or
  ``�(jīng)``, with a toned syllable (a bare ``?a)`` is a question mark before a list label).
  Candidates are the characters with that reading that form a word with a neighbour in jieba's
  dictionary (an own ``jieba.Tokenizer``'s word list, read in memory). The best one is restored
  when the local text with it is at least 20 times likelier, under jieba's unigram word model,
  than with any rival (会议 against 会意 and 一代 in ``会?yì)代表``); otherwise the annotation is
  replaced by ``�`` and the note says which reading was lost, so the gap stays visible.

>>> from qtext import RepairConfig
>>> [(c.start, c.end, c.replacement) for c in find_changes("質(zhì)量(ISO)", RepairConfig())]
[(0, 6, '質')]
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from .._config import RepairConfig
from .._once import once
from ._edits import Change, Trigger, new_change

__all__ = ["find_changes", "readings", "trigger"]

_LETTER = "a-zA-Z\u00c0-\u024f\u0251\u0261\u1e00-\u1eff"
#: what an annotation starts with: a parenthesis (or a lost character's ``?``) before a letter,
#: or U+FFFD before a parenthesis (two searches: each starts with a class the engine scans fast)
_PRECHECK = re.compile(rf"[(（?？] ?[{_LETTER}]")
_PRECHECK_LOST = re.compile("\ufffd[(（]")
_PINYIN = rf"[{_LETTER}][{_LETTER}\u0300-\u036f1-5' \u00b7-]{{0,59}}"
#: (every alternative of ``lead`` starts with one literal character, so the regex engine scans for
#: those five characters fast instead of trying each alternative at every position)
_ANNOTATION = re.compile(rf"(?P<lead>\?[(（]?|？[(（]?|\ufffd[(（]|\(|（) ?(?P<py>{_PINYIN})[)）]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_SPLIT = re.compile(r"[\s'\u00b7-]+")
_MAX_SYLLABLES = 8
#: a restored character must form a word at least this many times as frequent as any rival's
_DOMINANCE = 20

Syllable = tuple[str, int | None]  # (base with ü as v, tone 1-4, 0 neutral, None unmarked)


@functools.lru_cache(maxsize=8192)
def _normalise(piece: str) -> Syllable | None:
    """``'zhì'`` → ``('zhi', 4)``; ``'lü4'`` → ``('lv', 4)``; ``'men'`` → ``('men', None)``."""
    tone: int | None = None
    if piece and piece[-1] in "12345":
        tone = int(piece[-1]) % 5
        piece = piece[:-1]
    base: list[str] = []
    # pinyin fonts write ɑ (U+0251) and ɡ (U+0261) for a and g
    for ch in unicodedata.normalize("NFD", piece.lower().replace("\u0251", "a").replace("\u0261", "g")):
        if ch in _TONE_MARKS:
            if tone is not None:
                return None
            tone = _TONE_MARKS[ch]
        elif ch == "\u0308":
            if not base or base[-1] != "u":
                return None
            base[-1] = "v"
        elif "a" <= ch <= "z":
            base.append(ch)
        else:
            return None
    if not base:
        return None
    return "".join(base), tone


@once
def _table() -> dict[int, str]:
    """pypinyin's character table (``pypinyin/pinyin_dict.py``), loaded from its file without
    importing the pypinyin package (whose ``__init__`` loads much more and costs ~0.15 s)."""
    import importlib.util

    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(spec.submodule_search_locations[0]) / "pinyin_dict.py"
    mod_spec = importlib.util.spec_from_file_location("qtext._repair._pinyin_dict", path)
    if mod_spec is None or mod_spec.loader is None:
        from pypinyin.pinyin_dict import pinyin_dict

        return dict(pinyin_dict)
    module = importlib.util.module_from_spec(mod_spec)
    mod_spec.loader.exec_module(module)
    table: dict[int, str] = module.pinyin_dict
    return table


#: tone-marked vowels → plain (ü → v), for listing the syllables pypinyin knows
_PLAIN = str.maketrans(
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ",
    "aaaaeeeeiiiioooouuuuvvvvvnnnm",
)


@once
def _valid_bases() -> frozenset[str]:
    """Every toneless syllable of pypinyin's character table (ü written v)."""
    readings: set[str] = set()
    for value in set(_table().values()):  # few distinct values: translate each reading once
        readings.update(value.split(","))
    plain = {r.translate(_PLAIN) for r in readings}
    return frozenset(b for b in plain if b.isascii() and b.isalpha())


@once
def _t2s() -> object:
    import opencc

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=8192)
def readings(ch: str) -> frozenset[Syllable]:
    """All readings of a character and of its simplified form, as ``(base, tone)``.

    >>> sorted(readings("們"))
    [('men', 0), ('men', 2), ('men', 4)]
    """
    table = _table()
    forms = {ch}
    simp: str = _t2s().convert(ch)  # type: ignore[attr-defined]
    if len(simp) == 1:
        forms.add(simp)
    out: set[Syllable] = set()
    for form in forms:
        value = table.get(ord(form))
        if not value:
            continue
        for r in value.split(","):
            s = _normalise(r)
            if s is not None:
                out.add((s[0], s[1] if s[1] is not None else 0))
    return frozenset(out)


@functools.lru_cache(maxsize=4096)
def _syllables(py: str) -> tuple[Syllable, ...] | None:
    """Split an annotation into syllables, or None if it is not pinyin."""
    valid = _valid_bases()
    out: list[Syllable] = []
    for token in _SPLIT.split(py.strip()):
        if not token:
            continue
        whole = _normalise(token)
        if whole is not None and whole[0] in valid:
            out.append(whole)
            continue
        split = _split_joined(token, valid)
        if split is None:
            return None
        out.extend(split)
        if len(out) > _MAX_SYLLABLES:
            return None
    return tuple(out) or None


def _split_joined(token: str, valid: frozenset[str]) -> list[Syllable] | None:
    """Split a joined word such as ``zhìliàng`` into the fewest valid syllables."""
    n = len(token)
    if n > 48:
        return None
    best: list[list[Syllable] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        prev = best[i]
        if prev is None:
            continue
        for j in range(i + 1, min(n, i + 8) + 1):
            s = _normalise(token[i:j])
            if s is None or s[0] not in valid:
                continue
            cand = [*prev, s]
            cur = best[j]
            if cur is None or len(cand) < len(cur):
                best[j] = cand
    return best[n]


def _matches(ch: str, syl: Syllable) -> bool:
    base, tone = syl
    rs = readings(ch)
    if tone is None:
        return any(b == base for b, _ in rs)
    return (base, tone) in rs


def _show(syls: Iterable[Syllable]) -> str:
    return " ".join(b + (str(t) if t is not None else "") for b, t in syls)


@once
def _prefix_dict() -> tuple[dict[str, int], float]:
    """jieba's prefix dictionary (words with counts, prefixes with 0) and log of the total.

    Read from jieba's bundled ``dict.txt`` by an own ``Tokenizer`` in memory (no cache file)."""
    import jieba

    tk = jieba.Tokenizer()
    with tk.get_dict_file() as fh:
        freq, total = tk.gen_pfdict(fh)
    return freq, math.log(total)


def _words() -> dict[str, int]:
    return _prefix_dict()[0]


def _logprob(s: str) -> float:
    """Log probability of the best segmentation of ``s`` under jieba's unigram word model."""
    freq, logtotal = _prefix_dict()
    n = len(s)
    route = [0.0] * (n + 1)
    for i in range(n - 1, -1, -1):
        best = -math.inf
        j = i
        frag = s[i]
        while j < n and frag in freq:
            f = freq[frag]
            if f or j == i:
                best = max(best, math.log(f or 1) - logtotal + route[j + 1])
            j += 1
            frag = s[i : j + 1]
        if best == -math.inf:
            best = -logtotal + route[i + 1]
        route[i] = best
    return route[0]


@once
def _by_reading() -> dict[Syllable, tuple[str, ...]]:
    """Common characters (those of jieba's words) by reading."""
    chars: set[str] = set()
    for w in _words():
        chars.update(w)
    index: dict[Syllable, list[str]] = {}
    for ch in chars:
        if not _HAN.match(ch):
            continue
        for r in readings(ch):
            index.setdefault(r, []).append(ch)
    return {k: tuple(sorted(v)) for k, v in index.items()}


def _han_prefix(s: str) -> int:
    n = 0
    while n < len(s) and _HAN.match(s[n]):
        n += 1
    return n


def _han_suffix(s: str) -> int:
    n = 0
    while n < len(s) and _HAN.match(s[len(s) - 1 - n]):
        n += 1
    return n


def _restore(text: str, before: int, after: int, syl: Syllable, lost_next: bool) -> str | None:
    """The one character with reading ``syl`` that forms a word with its neighbours, if any."""
    base, tone = syl
    index = _by_reading()
    if tone is None:
        cands = {c for (b, _), cs in index.items() if b == base for c in cs}
    else:
        cands = set(index.get((base, tone), ()))
    if not cands:
        return None
    words = _words()
    conv = _t2s()
    left_text: str = conv.convert(text[max(0, before - 4) : before])  # type: ignore[attr-defined]
    right_text: str = "" if lost_next else conv.convert(text[after : after + 4])  # type: ignore[attr-defined]
    left = left_text[len(left_text) - _han_suffix(left_text) :]
    right = right_text[: _han_prefix(right_text)]
    scored: list[tuple[float, str]] = []
    for c in sorted(cands):
        forms = (left[-1:] + c, left[-2:] + c, c + right[:1], c + right[:2])
        if any(len(f) > 1 and words.get(f, 0) > 0 for f in forms):
            scored.append((_logprob(left + c + right), c))
    if not scored:
        return None
    scored.sort(reverse=True)
    if len(scored) == 1 or scored[0][0] - scored[1][0] >= math.log(_DOMINANCE):
        return scored[0][1]
    return None


@functools.lru_cache(maxsize=16384)
def _single(ch: str, py: str) -> str | None:
    """The note for removing ``(py)`` after ``ch``, or None when it is not a reading of it."""
    syls = _syllables(py)
    if syls is None or len(syls) != 1 or not _HAN.match(ch) or not _matches(ch, syls[0]):
        return None
    return _note(py, ch)


@functools.lru_cache(maxsize=4096)
def _note(py: str, chars: str) -> str:
    return f"ruby pinyin ({_show(_syllables(py) or ())}) of {chars} removed"


def trigger() -> Trigger:
    """``_PRECHECK`` as characters (``(``, ``?``, ``？``, U+FFFD) and, for the full-width
    parenthesis that clean Chinese text is full of, the parenthesis before a letter."""
    return Trigger("(?？\ufffd", (re.compile(f"（ ?[{_LETTER}]"),))


def find_changes(text: str, config: RepairConfig) -> list[Change]:
    """Return the changes this step makes to ``text`` (sorted, non-overlapping)."""
    if _PRECHECK.search(text) is None and _PRECHECK_LOST.search(text) is None:
        return []
    changes: list[Change] = []
    for m in _ANNOTATION.finditer(text):
        lead, py = m.group("lead", "py")
        start, end = m.span()
        if lead[0] in "(（":
            if start == 0:
                continue
            if changes and changes[-1][1] == start and changes[-1][2]:  # (end, replacement)
                # a repeated annotation right after a removed one: 質(zhì)(zhì)
                prev = changes[-1]
                if prev.replacement == "\ufffd" or _single(prev.replacement[-1], py) is not None:
                    changes[-1] = Change(prev.start, end, prev.replacement, prev.note)
                continue
            ch = text[start - 1]
            note = _single(ch, py)
            if note is not None:
                # the deletion is attached to its character, so offsets map back (see _attach)
                changes.append(new_change(Change, (start - 1, end, ch, note)))
                continue
            syls = _syllables(py)
            if syls is None or len(syls) < 2 or start < len(syls):
                continue
            chars = text[start - len(syls) : start]
            if all(_HAN.match(c) for c in chars) and all(
                _matches(c, s) for c, s in zip(chars, syls, strict=True)
            ):
                changes.append(Change(start - 1, end, chars[-1], _note(py, chars)))
            continue
        syls = _syllables(py)
        if syls is None:
            continue
        # a lost character (and its opening parenthesis) before the pinyin; the pinyin must carry
        # a tone, so a question mark before a list label (什么?a)北京 b)上海) stays
        if len(syls) != 1 or syls[0][1] is None:
            continue
        lost_next = end < len(text) and text[end] in "?？\ufffd"
        restored = _restore(text, start, end, syls[0], lost_next)
        if restored is not None:
            changes.append(
                Change(start, end, restored, f"lost character restored from its ruby pinyin {_show(syls)}")
            )
        else:
            changes.append(
                Change(
                    start,
                    end,
                    "\ufffd",
                    f"lost character read {_show(syls)} could not be told from context: marked �",
                )
            )
    return changes
