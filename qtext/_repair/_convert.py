"""Repair step ``convert``: traditional → simplified, never harming text that is already simplified.

How it decides (all tables are derived lazily, once per process, from the installed OpenCC):

- *Traditional-only* characters are those OpenCC ``t2s`` (or the Hong Kong variant table) changes
  and that the simplified character set GB 2312 does not contain (國, 發, 衞). Characters that
  OpenCC would change but GB 2312 has (乾, 於, 著, 瞭, 藉, 覆) are ordinary simplified characters
  too, so they are never evidence of traditional script.
- *Simplified-only* characters are those OpenCC ``s2t`` changes, that GB 2312 has and that ``t2s``
  leaves alone (国, 发, 么).
- The text is judged line by line. A line with more traditional-only characters than
  simplified-only ones is traditional: it is converted whole with OpenCC ``tw2s`` (which also
  handles 隨著 → 随着, 著力 → 着力; ``tw2s`` scored best of t2s/tw2s/hk2s/tw2sp on all three
  converters' output in the development data) after Hong Kong variants are normalised (衞 → 卫,
  敍 → 叙, taken from where ``hk2s`` and ``tw2s`` differ), then qtext's phrase fixes
  (``dictionaries/phrase_fixes.tsv``: 瞭 → 了, 藉 → 借 except in real words) are applied, and
  corner quotes become PRC quotes (「」 → “”, 『』 → ‘’).
- In any other line only the traditional-only characters themselves are converted (a stray 國 in
  simplified text), so 乾隆, 著作, 瞭望, 藉口 or 於 in a simplified name stay as written.
- Never converted: a line with Japanese kana or other odd GBK symbols, a conversion that would
  write characters outside GBK (OpenCC maps rare names such as 周輖 or the simplified term 二噁英
  to extension characters), and a line whose converted characters come out rarer on average
  under the mojibake step's character costs (UTF-8 read as GBK looks like rare traditional
  text; converting it would only hide it).
- Fast path: one search for a traditional-only character; clean simplified text returns ``[]``.

>>> from qtext import RepairConfig
>>> [(c.start, c.end, c.replacement) for c in find_changes("中國質量大會", RepairConfig())]
[(1, 3, '国质'), (5, 6, '会')]
>>> find_changes("乾隆年间的著作", RepairConfig())
[]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .._config import RepairConfig
from .._resources import read_rows
from ._edits import Change

__all__ = ["find_changes", "is_traditional_only", "to_simplified"]

_HAN_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})
_QUOTES_RE = re.compile("[「」『』]")
#: characters that mark a line as mojibake rather than traditional text (kana except ・, box
#: drawing, Greek/Cyrillic letters), see ``_mojibake``; U+FFFD (a lost byte) and private-use
#: characters (icon glyphs) are not counted
_ODD_RE = re.compile("[\u3040-\u30fa\u30fc-\u30ff\u2500-\u257f\u0391-\u03c9\u0401-\u0451]")
#: OpenCC's TWVariantsRev maps 么 → 幺, but 么 is the everyday simplified character (什么).
_KEEP = frozenset("么")
_KEEP_RE = re.compile("[么]")
#: mean cost increase per converted character above which a line is taken for mojibake: on the
#: development data converting real traditional text raised it by at most 0.02, converting
#: UTF-8-as-GBK mojibake mostly by 0.3-2.0
_GARBLED_COST = 0.15
_GARBLED_SAMPLE = 16


@dataclass(frozen=True, slots=True)
class _Tables:
    trad_only: frozenset[str]
    simp_only: frozenset[str]
    trad_re: re.Pattern[str]
    simp_re: re.Pattern[str]
    hk_re: re.Pattern[str]
    hk_variants: dict[int, str]
    fix_re: re.Pattern[str] | None
    fixes: dict[str, str]
    tw2s: object
    t2s: object


@functools.lru_cache(maxsize=1)
def _gb2312() -> frozenset[str]:
    """Every character of GB 2312 (rows 0xA1-0xF7, cells 0xA1-0xFE)."""
    out: set[str] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # an unassigned cell
    return frozenset(out)


def _in_gbk(text: str) -> bool:
    """OpenCC maps some rare characters (周輖, 二噁英) to Unicode extension characters that no
    Chinese page would use; such a conversion is not made."""
    try:
        text.encode("gbk")
    except UnicodeEncodeError:
        return False
    return True


def _char_class(chars: frozenset[str]) -> str:
    """A regex character class for a set of characters, with runs of code points as ranges."""
    cps = sorted(ord(c) for c in chars)
    parts: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        parts.append(chr(cps[i]) if i == j else f"{chr(cps[i])}-{chr(cps[j])}")
        i = j + 1
    return "[" + "".join(parts) + "]"


@functools.lru_cache(maxsize=1)
def _tables() -> _Tables:
    import opencc

    t2s = opencc.OpenCC("t2s")
    tw2s = opencc.OpenCC("tw2s")
    hk2s = opencc.OpenCC("hk2s")
    s2t = opencc.OpenCC("s2t")
    chars = [chr(c) for lo, hi in _HAN_RANGES for c in range(lo, hi)]
    joined = "\n".join(chars)
    by_t2s = t2s.convert(joined).split("\n")
    by_tw = tw2s.convert(joined).split("\n")
    by_hk = hk2s.convert(joined).split("\n")
    by_s2t = s2t.convert(joined).split("\n")
    hk_variants = {
        ord(c): h for c, tw, h in zip(chars, by_tw, by_hk, strict=True) if tw == c and h != c and len(h) == 1
    }
    trad: set[str] = set()
    simp: set[str] = set()
    gb2312 = _gb2312()
    for c, s, t in zip(chars, by_t2s, by_s2t, strict=True):
        gb = c in gb2312
        if (s != c or ord(c) in hk_variants) and not gb:
            trad.add(c)
        elif t != c and gb and s == c:
            simp.add(c)
    fixes = {row[0]: row[1] for row in read_rows("phrase_fixes.tsv") if len(row) >= 2}
    fix_re = (
        re.compile("|".join(re.escape(k) for k in sorted(fixes, key=len, reverse=True))) if fixes else None
    )
    trad_f = frozenset(trad)
    return _Tables(
        trad_only=trad_f,
        simp_only=frozenset(simp),
        trad_re=re.compile(_char_class(trad_f)),
        simp_re=re.compile(_char_class(frozenset(simp))),
        hk_re=re.compile(_char_class(frozenset(chr(k) for k in hk_variants))),
        hk_variants=hk_variants,
        fix_re=fix_re,
        fixes=fixes,
        tw2s=tw2s,
        t2s=t2s,
    )


def is_traditional_only(ch: str) -> bool:
    """True for a character only traditional script uses (國, 發); False for 乾, 著, 国.

    >>> is_traditional_only("國"), is_traditional_only("乾"), is_traditional_only("国")
    (True, False, False)
    """
    return ch in _tables().trad_only


def _convert_line(line: str, tab: _Tables) -> str:
    """Convert one traditional line as a whole (length-preserving in practice)."""
    pre = line.translate(tab.hk_variants) if tab.hk_re.search(line) else line
    out: str = tab.tw2s.convert(pre)  # type: ignore[attr-defined]
    if tab.fix_re is not None:
        fixes = tab.fixes
        out = tab.fix_re.sub(lambda m: fixes[m.group(0)], out)
    if _QUOTES_RE.search(out) is not None:
        out = out.translate(_QUOTES)
    if len(out) == len(line) and _KEEP_RE.search(line) is not None:
        out = "".join(o if c not in _KEEP else c for c, o in zip(line, out, strict=True))
    return out


def _looks_garbled(line: str, runs: list[Change], offset: int) -> bool:
    """Mojibake the mojibake step left alone (UTF-8 read as GBK looks like rare traditional
    text): converting it makes the changed characters rarer on average under the mojibake step's
    character-cost model, while converting real traditional text costs nothing. The two are far
    apart, so the first ``_GARBLED_SAMPLE`` converted characters decide."""
    from ._badness import han_cost

    old_parts: list[str] = []
    new_parts: list[str] = []
    n = 0
    for c in runs:
        old_parts.append(line[c.start - offset : c.end - offset])
        new_parts.append(c.replacement)
        n += c.end - c.start
        if n >= _GARBLED_SAMPLE:
            break
    if n == 0:
        return False
    delta = sum(map(han_cost, "".join(new_parts))) - sum(map(han_cost, "".join(old_parts)))
    return delta > _GARBLED_COST * n


def to_simplified(text: str) -> str:
    """The text with every traditional line converted (the step's result, as a plain string).

    >>> to_simplified("看瞭報告，隨著時代發展")
    '看了报告，随着时代发展'
    """
    from ._edits import apply_changes

    return apply_changes(text, find_changes(text, RepairConfig()), "convert")[0]


def _diff_runs(line: str, new: str, offset: int, note: str) -> list[Change]:
    """One change per maximal run of characters that differ between ``line`` and ``new``."""
    runs: list[Change] = []
    start = last = -2
    for i in [i for i, (a, b) in enumerate(zip(line, new, strict=True)) if a != b]:
        if i != last + 1:
            if start >= 0:
                runs.append(Change(offset + start, offset + last + 1, new[start : last + 1], note))
            start = i
        last = i
    if start >= 0:
        runs.append(Change(offset + start, offset + last + 1, new[start : last + 1], note))
    return runs


def _line_changes(line: str, offset: int, tab: _Tables, out: list[Change]) -> None:
    n_trad = len(tab.trad_re.findall(line))
    if n_trad == 0:
        return
    n_simp = len(tab.simp_re.findall(line))
    if n_trad > n_simp:
        new = _convert_line(line, tab)
        note = "traditional → simplified (OpenCC tw2s + phrase fixes)"
        if len(new) != len(line):
            out.append(Change(offset, offset + len(line), new, note))
            return
        if len(_ODD_RE.findall(line)) >= 2:
            return  # kana, box drawing...: Japanese or mojibake, not traditional text
        runs = _diff_runs(line, new, offset, note)
        if not _in_gbk("".join(c.replacement for c in runs)):
            return  # OpenCC produced characters outside GBK: garbled text, not traditional text
        if _looks_garbled(line, runs, offset):
            return
        out.extend(runs)
        return
    # a mostly simplified line: convert only the traditional-only characters, each in its word
    conv = tab.t2s
    note = "stray traditional character in simplified text"
    for m in tab.trad_re.finditer(line):
        i = m.start()
        lo, hi = max(0, i - 2), min(len(line), i + 3)
        window = line[lo:hi].translate(tab.hk_variants)
        new_window: str = conv.convert(window)  # type: ignore[attr-defined]
        rep = new_window[i - lo] if len(new_window) == len(window) else conv.convert(line[i])  # type: ignore[attr-defined]
        if rep != line[i] and _in_gbk(rep):
            out.append(Change(offset + i, offset + i + 1, rep, note))


def find_changes(text: str, config: RepairConfig) -> list[Change]:
    """Return the changes this step makes to ``text`` (sorted, non-overlapping)."""
    tab = _tables()
    if tab.trad_re.search(text) is None:
        return []
    changes: list[Change] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if tab.trad_re.search(line) is not None:
            _line_changes(line, pos, tab, changes)
        pos += len(line)
    return changes
