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
  敍 → 叙, taken from where ``hk2s`` and ``tw2s`` differ) and variant forms (below), then
  qtext's phrase fixes (``dictionaries/phrase_fixes.tsv``: 瞭 → 了, 藉 → 借 except in real words)
  are applied, and corner quotes become PRC quotes (「」 → “”, 『』 → ‘’) unless the text has PRC
  quotes “” of its own (a converter that wrote corner quotes replaced all of them; a page that
  mixes both uses its corner quotes on purpose, e.g. in a title). A converted line is one change
  (offsets inside it map position by position; ``Repair.edits`` lists its changed runs).
- In any other line only the traditional-only characters themselves are converted (a stray 國 in
  simplified text), so 乾隆, 著作, 瞭望, 藉口 or 於 in a simplified name stay as written.
- In every line, variant forms that OpenCC keeps (寜 → 宁, 喫 → 吃; ``dictionaries/variants.tsv``)
  become the standard simplified form.
- Never converted: a line with Japanese kana or other odd GBK symbols, a conversion that would
  write characters outside GBK (OpenCC maps rare names such as 周輖 or the simplified term 二噁英
  to extension characters), and a line whose converted characters come out rarer on average
  under the mojibake step's character costs (UTF-8 read as GBK looks like rare traditional
  text; converting it would only hide it; only lines that fail the mojibake step's cheap test
  :func:`~qtext._repair._mojibake.suspicious` are costed).
- Fast path: one search for a traditional-only character or variant; clean simplified text
  returns ``[]``.

>>> from qtext import RepairConfig
>>> [(c.start, c.end, c.replacement) for c in find_changes("中國質量大會", RepairConfig())]
[(0, 6, '中国质量大会')]
>>> find_changes("乾隆年间的著作", RepairConfig())
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import repeat

from .._config import RepairConfig
from .._once import once
from .._resources import read_rows
from . import _mojibake
from ._edits import Change, Trigger

__all__ = ["find_changes", "is_traditional_only", "to_simplified", "trigger"]

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
#: what str.splitlines splits at
_LINE_BREAK_RE = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
#: mean cost increase per converted character above which a line is taken for mojibake: on the
#: development data converting real traditional text raised it by at most 0.02, converting
#: UTF-8-as-GBK mojibake mostly by 0.3-2.0
_GARBLED_COST = 0.15
_GARBLED_SAMPLE = 16
_GARBLED_CHUNK = 48
_NOTE_LINE = "traditional → simplified (OpenCC tw2s + phrase fixes)"
_NOTE_STRAY = "stray traditional character in simplified text"
_NOTE_VARIANT = "variant form → standard simplified form (dictionaries/variants.tsv)"


@dataclass(frozen=True, slots=True)
class _Tables:
    trad_only: frozenset[str]
    simp_only: frozenset[str]
    trad_re: re.Pattern[str]
    simp_re: re.Pattern[str]
    hk_re: re.Pattern[str]
    hk_variants: dict[int, str]
    variants: dict[str, str]
    any_chars: str
    any_re: re.Pattern[str]
    pre_map: dict[int, str]
    pre_re: re.Pattern[str]
    fix_re: re.Pattern[str] | None
    fixes: dict[str, str]
    tw2s: object
    t2s: object


@once
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
    return f"[{_mojibake._ranges(chars)}]"


@once
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
    variants = {row[0]: row[1] for row in read_rows("variants.tsv") if len(row) >= 2}
    any_chars = _mojibake._ranges(trad_f | frozenset(variants))
    pre_map = {**hk_variants, **{ord(k): v for k, v in variants.items()}}
    return _Tables(
        trad_only=trad_f,
        simp_only=frozenset(simp),
        trad_re=re.compile(_char_class(trad_f)),
        simp_re=re.compile(_char_class(frozenset(simp))),
        hk_re=re.compile(_char_class(frozenset(chr(k) for k in hk_variants))),
        hk_variants=hk_variants,
        variants=variants,
        any_chars=any_chars,
        any_re=re.compile(f"[{any_chars}]"),
        pre_map=pre_map,
        pre_re=re.compile(_char_class(frozenset(chr(k) for k in pre_map))),
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


def _convert_line(line: str, tab: _Tables, quotes: bool) -> str:
    """Convert one traditional line as a whole (length-preserving in practice)."""
    # (each map is applied only where its search finds something: most lines need neither)
    pre = line.translate(tab.pre_map) if tab.pre_re.search(line) is not None else line
    out: str = tab.tw2s.convert(pre)  # type: ignore[attr-defined]
    if tab.fix_re is not None and tab.fix_re.search(out) is not None:
        fixes = tab.fixes
        out = tab.fix_re.sub(lambda m: fixes[m.group(0)], out)
    if quotes and _QUOTES_RE.search(out) is not None:
        out = out.translate(_QUOTES)
    if len(out) == len(line) and _KEEP_RE.search(line) is not None:
        out = "".join(o if c not in _KEEP else c for c, o in zip(line, out, strict=True))
    return out


def _looks_garbled(line: str, new: str) -> bool:
    """Mojibake the mojibake step left alone (UTF-8 read as GBK looks like rare traditional
    text): converting it makes the changed characters rarer on average under the mojibake step's
    character-cost model, while converting real traditional text costs nothing. The two are far
    apart, so the line's first chunks holding ``_GARBLED_SAMPLE`` changed characters decide.
    ``line`` and ``new`` have equal lengths; unchanged characters cancel out of the cost
    difference, so each chunk is summed whole (C-level ``map``, no per-character Python loop)."""
    from ._badness import _UNSEEN_HAN, _han_costs

    get = _han_costs().get
    unseen = repeat(_UNSEEN_HAN)
    n = 0
    delta = 0.0
    for lo in range(0, len(line), _GARBLED_CHUNK):
        old_part, new_part = line[lo : lo + _GARBLED_CHUNK], new[lo : lo + _GARBLED_CHUNK]
        n += sum(map(str.__ne__, old_part, new_part))
        delta += sum(map(get, new_part, unseen)) - sum(map(get, old_part, unseen))
        if n >= _GARBLED_SAMPLE:
            break
    return n > 0 and delta > _GARBLED_COST * n


def to_simplified(text: str) -> str:
    """The text with every traditional line converted (the step's result, as a plain string).

    >>> to_simplified("看瞭報告，隨著時代發展")
    '看了报告，随着时代发展'
    """
    from ._edits import apply_changes

    return apply_changes(text, find_changes(text, RepairConfig()), "convert")[0]


def _mostly_traditional(line: str, tab: _Tables) -> bool:
    """More traditional-only characters than simplified-only ones (counted only as far as needed:
    simplified-only characters are rare, so one search usually decides)."""
    n_simp = len(tab.simp_re.findall(line))
    if n_simp == 0:
        return tab.trad_re.search(line) is not None
    return any(k >= n_simp for k, _m in enumerate(tab.trad_re.finditer(line)))


def _line_changes(line: str, offset: int, tab: _Tables, quotes: bool, out: list[Change]) -> None:
    if _mostly_traditional(line, tab):
        new = _convert_line(line, tab, quotes)
        if new == line:
            return
        if len(new) != len(line):
            out.append(Change(offset, offset + len(line), new, _NOTE_LINE))
            return
        if len(_ODD_RE.findall(line)) >= 2:
            return  # kana, box drawing...: Japanese or mojibake, not traditional text
        if not _in_gbk(new) and not _in_gbk("".join(b for a, b in zip(line, new, strict=True) if a != b)):
            return  # OpenCC produced characters outside GBK: garbled text, not traditional text
        if _mojibake.suspicious(line) and _looks_garbled(line, new):
            return  # (garbled text always fails the mojibake step's cheap test; clean text passes)
        # one change for the whole line: offsets inside it map position by position, and
        # Repair.edits reports its runs of changed characters
        out.append(Change(offset, offset + len(line), new, _NOTE_LINE))
        return
    # a mostly simplified line: convert only the traditional-only characters, each in its word,
    # and variant forms
    conv = tab.t2s
    variants = tab.variants
    for m in tab.any_re.finditer(line):
        i = m.start()
        ch = line[i]
        var = variants.get(ch)
        if var is not None:
            out.append(Change(offset + i, offset + i + 1, var, _NOTE_VARIANT))
            continue
        lo, hi = max(0, i - 2), min(len(line), i + 3)
        window = line[lo:hi].translate(tab.hk_variants)
        new_window: str = conv.convert(window)  # type: ignore[attr-defined]
        rep = new_window[i - lo] if len(new_window) == len(window) else conv.convert(ch)  # type: ignore[attr-defined]
        if rep != ch and _in_gbk(rep):
            out.append(Change(offset + i, offset + i + 1, rep, _NOTE_STRAY))


def trigger() -> Trigger:
    """A traditional-only character or a variant form (``any_re``, the step's fast path)."""
    return Trigger(_tables().any_chars)


def find_changes(text: str, config: RepairConfig) -> list[Change]:
    """Return the changes this step makes to ``text`` (sorted, non-overlapping)."""
    tab = _tables()
    any_re = tab.any_re
    if any_re.search(text) is None:
        return []
    # a converter that wrote corner quotes replaced every PRC quote; a text that has PRC quotes
    # of its own uses its corner quotes on purpose (a title in 「」), and they stay
    quotes = "“" not in text and "”" not in text
    changes: list[Change] = []
    if _LINE_BREAK_RE.search(text) is None:
        _line_changes(text, 0, tab, quotes, changes)
        return changes
    pos = 0
    for line in text.splitlines(keepends=True):
        if any_re.search(line) is not None:
            _line_changes(line, pos, tab, quotes, changes)
        pos += len(line)
    return changes
