"""Repair step ``mojibake``: undo mis-decodings span by span, only where the text gets less bad.

What it undoes (the "true" encoding of the bytes, then the codec they were wrongly read with):

=================  ====================================  ===========================
damage             looks like                            undone by
=================  ====================================  ===========================
GBK as Latin-1     ``·¢²¼`` (also cp1252, and the        Latin-1/cp1252 → bytes → GBK
                   "UTF-8 where valid, else Latin-1"
                   reading: ``Ìṩ``, ``Һѹ``)
UTF-8 as Latin-1   ``æ–°é—»`` (also cp1252, and twice)  Latin-1/cp1252 → bytes → UTF-8
UTF-8 as GBK       ``鍙戝竷``, ``涓枃``, ``銆``         GBK → bytes → UTF-8
Big5 as GBK        ``瞅露笰チ惠―暗ゅ彻``                  GBK → bytes → Big5 (traditional)
=================  ====================================  ===========================

Invariants:
- Clean text never changes: a fast test (:func:`suspicious`: one regex search for a Latin-1 pair
  or odd GBK symbols, then one search of the text's GBK bytes for UTF-8 sequences) must pass
  before anything else runs, and a candidate repair is kept only if it lowers the badness of
  :mod:`qtext._repair._badness` clearly (:func:`~qtext._repair._badness.better_by`).
- Spans never cross whitespace (no multi-byte character of UTF-8, GBK or Big5 contains a byte
  0x00-0x20), so a wrong guess cannot spread beyond one run of non-space text.
- Bytes that were lost (U+FFFD, a dropped trailing byte as in ``銆`` at the end of a line) are
  restored only when the evidence leaves one candidate (``。`` at the end of a line, ``月``
  after a digit, the one punctuation mark or common character the known bytes allow, the one
  frequent word a candidate makes with a neighbour: ``E5 ?? 91`` + 展 → 发展); otherwise a
  visible U+FFFD stays and the change's note names the known bytes.

>>> from qtext._config import RepairConfig
>>> [c.replacement for c in find_changes("发布时间：·¢²¼", RepairConfig())]
['发布']
>>> [c.replacement for c in find_changes("鏂伴椈鍙戝竷", RepairConfig())]
['新闻发布']
"""

from __future__ import annotations

import contextlib
import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from pathlib import Path

from .._config import RepairConfig
from .._once import once
from ._badness import better_by, clearly_better, cost, han_cost
from ._edits import Change, Trigger

__all__ = ["find_changes", "suspicious", "trigger"]

# --- character sets -----------------------------------------------------------------------------

#: What bytes 0x80-0x9F become when read as Windows-1252 (the five undefined ones stay C1 controls).
_CP1252_HIGH = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xA0))
#: the cp1252 characters that are not also plain Chinese punctuation
_CP1252_SPECIAL = "".join(c for c in _CP1252_HIGH if ord(c) > 0xFF)
_TO_CP1252 = {c: i + 0x80 for i, c in enumerate(_CP1252_HIGH)}
#: str.translate table: cp1252 specials → the Latin-1 character of the same byte
_CP1252_AS_LATIN1 = {ord(c): chr(b) for c, b in _TO_CP1252.items() if ord(c) > 0xFF}

#: Latin-side mojibake alphabet: Latin-1 upper half, cp1252 specials, and what GBK byte pairs
#: become under a "UTF-8 where valid, else Latin-1" reading (two- and three-byte UTF-8 outside
#: the common CJK blocks).
_LATIN_ALPHA = (
    "\x80-\xff"
    + re.escape(_CP1252_SPECIAL)
    + "\u0100-\u07ff\u0800-\u1fff\u3400-\u4dbf\ua000-\ud7af\ue000-\uf8ff\ufb00-\ufeff\ufffd"
)
#: a run of Latin-side mojibake: no whitespace inside; ASCII may sit between (GBK trail bytes
#: 0x40-0x7E, digits and letters of the original), and one ASCII trail byte may end it. In a
#: "bridged" run a single character of U+2000-U+9FFF may also sit between two of the alphabet:
#: three GBK bytes that happened to form UTF-8 (E5 A1 A2 → 塢) under a "UTF-8 where valid"
#: reading; bridged runs are only read whole when that reading shows elsewhere in them.
_BRIDGE = "[\u2000-\u9fff\uff00-\uffef]"
# (_LATIN_SPAN is one greedy class backing off to the run's last alphabet character: the same
# matches as repeating "ASCII, then an alphabet character", for a fraction of the engine's work;
# _BRIDGED_SPAN takes a run of alphabet characters at once before trying the general step,
# which reaches the same end: tests/test_repair_triggers.py checks both against the plain forms)
_LATIN_SPAN = re.compile(f"[{_LATIN_ALPHA}](?:[{_LATIN_ALPHA}\\x21-\\x7e]*[{_LATIN_ALPHA}])?[\\x40-\\x7e]?")
_BRIDGED_SPAN = re.compile(
    f"[{_LATIN_ALPHA}](?:[{_LATIN_ALPHA}]+|[\\x21-\\x7e]*(?:{_BRIDGE}[\\x21-\\x7e]*)?[{_LATIN_ALPHA}])*"
    "[\\x40-\\x7e]?"
)
#: characters only a "UTF-8 where valid" reading produces (not Latin-1, not cp1252)
_SLOPPY = re.compile(
    "[\u0100-\u0151\u0154-\u015f\u0162-\u0177\u0179-\u017c\u017f-\u0191\u0193-\u02c5"
    "\u02c7-\u02db\u02dd-\u1fff\u3400-\u4dbf\ua000-\ud7af\ue000-\uf8ff\ufb00-\ufeff]"
)
_CJK = re.compile("[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff5e]")
_BRIDGE_RE = re.compile(_BRIDGE)
#: a bridge character that is not also of the Latin-side alphabet (the class first, so the
#: search scans for it fast; the lookbehind then tests the one character it matched)
_BRIDGE_ONLY = re.compile(f"{_BRIDGE}(?<![{_LATIN_ALPHA}])")
_NBSP_RUN = re.compile("\xa0{2,}")
_BEYOND_LATIN1 = re.compile("[^\x00-\xff]")
#: Latin-side characters that are also Chinese punctuation (cheap in _badness)
_CHEAP = re.compile("[“”‘’—…·]")

_TRAILS = bytes(range(0x40, 0x7F)) + bytes(range(0x80, 0xFF))


@once
def _two_byte_codes() -> tuple[tuple[int, str], ...]:
    """Every two-byte GB18030 code (lead 81-FE, trail 40-7E/80-FE) and its character, decoded
    in one call (every such code is assigned; GBK's user-defined ones become private use)."""
    out: list[tuple[int, str]] = []
    row = bytearray(2 * len(_TRAILS))
    row[1::2] = _TRAILS
    for lead in range(0x81, 0xFF):
        row[0::2] = bytes([lead]) * len(_TRAILS)
        chars = row.decode("gb18030")
        out.extend(zip([(lead << 8) | t for t in _TRAILS], chars, strict=True))
    return tuple(out)


@once
def _han_span_re() -> re.Pattern[str]:
    """Han-side mojibake: runs of characters GBK/GB18030 writes with two bytes (plus € for byte
    80 and U+FFFD for a lost byte), ASCII allowed inside, never whitespace."""
    chars = [ch for _, ch in _two_byte_codes() if ord(ch) >= 0x80] + ["\u20ac", "\ufffd"]
    cls = "[" + _ranges(chars) + "]"
    return re.compile(f"{cls}(?:[\\x21-\\x7e]*{cls})*")


#: Characters of GBK rows A4-A9 (kana, Greek, Cyrillic, zhuyin, box drawing), odd GBK symbols
#: and U+FFFD: in Chinese text they are evidence of mojibake when they touch Han characters.
_ODD_GBK = (
    "\u3040-\u30ff\u0391-\u03c9\u0401-\u0451\u3105-\u3129\u2500-\u257f\u2033\u2032\u2016\u2225"
    "\ufe30-\ufe4f\ufffd\u20ac\u3220-\u3229\u2474-\u249b\u00a4\u00a8\ue000-\uf8ff"
)

#: a Han character counts as "rare" (evidence of Han-side mojibake) when it costs at least this
_RARE_HAN_COST = 4.5


@once
def _rare_set() -> frozenset[str]:
    """Rare Han characters whose GBK bytes could be part of UTF-8 or Big5 bytes: evidence of
    Han-side mojibake when several sit together."""
    from ._badness import _han_costs

    costs = _han_costs()
    rare: set[str] = set()
    for code, ch in _two_byte_codes():
        if costs.get(ch, 99.0) < _RARE_HAN_COST or not "\u4e00" <= ch <= "\u9fff":
            continue
        lead, trail = code >> 8, code & 0xFF
        if (
            (0xE4 <= lead <= 0xE9 and 0x80 <= trail <= 0xBF)
            or (0x80 <= lead <= 0xBF and 0xE4 <= trail <= 0xE9)
            or (0x80 <= lead <= 0xBF and 0x80 <= trail <= 0xBF)
            # Big5 pairs with a trail byte 40-7E land in GBK/4, which GB2312 text never uses
            or (0xA4 <= lead <= 0xF9 and 0x40 <= trail <= 0x7E)
        ):
            rare.add(ch)
    return frozenset(rare)


def _ranges(chars: Iterable[str]) -> str:
    cps = sorted({ord(c) for c in chars})
    out: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        out.append(chr(cps[i]) if i == j else f"{chr(cps[i])}-{chr(cps[j])}")
        i = j + 1
    return "".join(out)


_LATIN_PAIR = re.compile(f"[\\xa1-\\xff][\\x80-\\xff{re.escape(_CP1252_SPECIAL)}]")
_ODD_PAIR = re.compile(f"[{_ODD_GBK}][^\\x00-\\x20]{{0,4}}[{_ODD_GBK}]")
_ODD = re.compile(f"[{_ODD_GBK}]")


def _suspicious(text: str) -> bool:
    """The fast test that clean text fails: a Latin-1 pair (Latin side), or the Han-side test."""
    return _LATIN_PAIR.search(text) is not None or _han_suspicious(text)


def _han_suspicious(text: str) -> bool:
    """Two odd GBK symbols close together or one among rare characters (Big5 read as GBK), or two
    three-byte UTF-8 sequences in a row among the GBK bytes of the text (UTF-8 read as GBK)."""
    if text.isascii():
        return False
    odd = _ODD.search(text)
    if odd is not None:  # (a pair starts with an odd symbol: no search without one)
        if _ODD_PAIR.search(text, odd.start()) is not None:
            return True
        n_odd = len(_ODD.findall(text, odd.start()))
        if n_odd >= 3 or n_odd + sum(map(_rare_set().__contains__, text)) >= 3:
            return True
    # every LCCLCC holds a character whose GBK bytes are "LC" (the first L is a lead byte, or the
    # second one is): without one, the bytes need not be looked at
    if _lc_re().search(text) is None:
        return False
    return _SEED_SHAPE in text.encode("gbk", errors="ignore").translate(_BYTE_SHAPES)


@once
def _lc_re() -> re.Pattern[str]:
    """Characters whose GBK bytes are a UTF-8 lead (E0-EF) and a continuation byte (80-BF)."""
    return re.compile(f"[{_lc_chars()}]")


@once
def _lc_chars() -> str:
    """:func:`_lc_re`'s characters as a class body."""
    chars: list[str] = []
    for lead in range(0xE0, 0xF0):
        for trail in range(0x80, 0xC0):
            code = bytes((lead, trail))
            try:
                ch = code.decode("gbk")
            except UnicodeDecodeError:
                continue
            if ch.encode("gbk") == code:
                chars.append(ch)
    return _ranges(chars)


def trigger() -> Trigger:
    """What :func:`find_changes` needs before it looks further: a Latin-1 pair (Latin side), or
    an odd GBK symbol or a character of :func:`_lc_re` (the Han-side test needs one of them)."""
    return Trigger(_ODD_GBK + _lc_chars(), (_LATIN_PAIR,))


def suspicious(text: str) -> bool:
    """Whether ``text`` may hold mojibake this step could undo (cheap; False for clean text)."""
    return bool(text) and _suspicious(text)


def _evidence(span: str) -> int:
    """How many characters of ``span`` are odd GBK symbols or rare Han characters."""
    rare = _rare_set()
    return len(_ODD.findall(span)) + sum(map(rare.__contains__, span))


# --- Latin side: Latin-1 / cp1252 text that was really UTF-8 or GBK bytes ------------------------


def _latin_bytes(span: str) -> bytes | None:
    """The bytes a Latin-1/cp1252 reading turned into ``span`` (None if some char has none)."""
    try:
        return span.encode("latin-1")
    except UnicodeEncodeError:
        pass
    try:
        return span.encode("cp1252")
    except UnicodeEncodeError:
        pass
    try:
        return span.translate(_CP1252_AS_LATIN1).encode("latin-1")
    except UnicodeEncodeError:
        return None


def _byte_forms(ch: str) -> list[tuple[bytes, float]]:
    """The bytes ``ch`` may stand for under a Latin-1/cp1252 or "UTF-8 where valid" reading,
    each with a small penalty (the UTF-8 form of a Latin-1 character is the less likely one)."""
    o = ord(ch)
    if o < 0x80:
        return [(bytes([o]), 0.0)]
    forms: list[tuple[bytes, float]] = []
    if o < 0x100:
        forms.append((bytes([o]), 0.0))
    elif ch in _TO_CP1252:
        forms.append((bytes([_TO_CP1252[ch]]), 0.0))
    if 0x80 <= o < 0xD800 or 0xE000 <= o < 0xF900 or 0xFB00 <= o < 0xFFF0:
        forms.append((ch.encode("utf-8"), 0.5 if forms else 0.0))
    return forms


_INVALID = 10.0


@functools.cache
def _pair_cost(lead: int, trail: int) -> float:
    try:
        ch = bytes([lead, trail]).decode("gbk")
    except UnicodeDecodeError:
        return _INVALID
    return cost(ch)


def _sloppy_gbk_bytes(span: str) -> bytes | None:
    """Bytes for a "UTF-8 where valid, else Latin-1/cp1252" reading of GBK bytes.

    Each character has one or two byte forms; a Viterbi search over GBK's lead/trail structure
    picks the forms whose GBK characters cost least (see ``_badness``), invalid bytes costing
    ``_INVALID``. States are "no lead byte pending" (-1) or the pending lead byte.
    """
    inf = float("inf")
    cur: dict[int, float] = {-1: 0.0}
    layers: list[dict[int, tuple[int, bytes]]] = []
    for ch in span:
        forms = _byte_forms(ch)
        if not forms:
            return None
        nxt: dict[int, float] = {}
        back: dict[int, tuple[int, bytes]] = {}
        for st, c0 in cur.items():
            for form, pen in forms:
                c = c0 + pen
                p = st
                for b in form:
                    if p >= 0:
                        if 0x40 <= b <= 0xFE and b != 0x7F:
                            c += _pair_cost(p, b)
                            p = -1
                            continue
                        c += _INVALID
                        p = -1
                    if b < 0x80:
                        c += 1.0
                    elif 0x81 <= b <= 0xFE:
                        p = b
                    else:
                        c += _INVALID
                if c < nxt.get(p, inf):
                    nxt[p] = c
                    back[p] = (st, form)
        layers.append(back)
        cur = nxt
    st = min(cur, key=lambda k: cur[k] + (_INVALID if k >= 0 else 0.0))
    picked: list[bytes] = []
    for back in reversed(layers):
        prev, form = back[st]
        picked.append(form)
        st = prev
    return b"".join(reversed(picked))


_UTF8_RUN = re.compile(
    rb"(?:[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2})+"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _utf8_pieces(span: str) -> list[tuple[int, int, str]] | None:
    """Decode the Latin-1/cp1252 bytes of ``span`` as UTF-8 where that works: (start, end, text)
    pieces relative to ``span`` (one byte per character), repeated for doubly encoded text."""
    data = _latin_bytes(span)
    if data is None:
        return None
    pieces: list[tuple[int, int, str]] = []
    if _NON_ASCII.search(span):
        try:
            whole = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            s, e = 0, len(data)
            while data[s] < 0x80:
                s += 1
            while data[e - 1] < 0x80:
                e -= 1
            return [(s, e, _deeper(whole[s : len(whole) - (len(data) - e)]))]
    for m in _UTF8_RUN.finditer(data):
        s, e = m.span()
        chunk = m.group()
        # trim ASCII at the edges: it decodes to itself
        while s < e and data[s] < 0x80:
            s += 1
        while e > s and data[e - 1] < 0x80:
            e -= 1
        if s >= e:
            continue
        del chunk
        pieces.append((s, e, _deeper(data[s:e].decode("utf-8"))))
    return pieces


def _deeper(text: str) -> str:
    """Undo further rounds of UTF-8-read-as-Latin-1 while the whole text still decodes."""
    for _ in range(2):
        if text.isascii() or _CJK.search(text) is not None:
            break  # nothing left to undo, or already Chinese
        again = _latin_bytes(text)
        if again is None:
            break
        try:
            deeper = again.decode("utf-8")
        except UnicodeDecodeError:
            break
        if deeper == text:
            break
        text = deeper
    return text


def _two_cjk(text: str) -> bool:
    """Whether ``text`` holds at least two Chinese characters or punctuation marks (two searches,
    no list of every match)."""
    first = _CJK.search(text)
    return first is not None and _CJK.search(text, first.end()) is not None


def _strip_edges(span: str, new: str) -> tuple[int, int]:
    """How many characters at the start and at the end ``span`` and ``new`` share."""
    a = 0
    n = min(len(span), len(new))
    while a < n and span[a] == new[a]:
        a += 1
    b = 0
    while b < n - a and span[-1 - b] == new[-1 - b]:
        b += 1
    return a, b


#: the bytes Windows-1252 leaves undefined: a cp1252 reader that replaced them wrote U+FFFD
_CP1252_HOLES = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])


def _latin_lossy_candidate(span: str) -> tuple[str, str] | None:
    """UTF-8 read as cp1252 by a reader that replaced the five undefined bytes with U+FFFD."""
    data = _latin_bytes(span.replace("\ufffd", "\xff"))
    if data is None:
        return None
    runs = _decode_utf8_lossy(data, False, "", _CP1252_HOLES)
    if not runs:
        return None
    parts: list[str] = []
    notes: list[str] = []
    pos = 0
    for s, e, txt, note in runs:
        parts += [span[pos:s], txt]
        if note:
            notes.append(note)
        pos = e
    parts.append(span[pos:])
    return "".join(parts), "; ".join(["UTF-8 bytes read as cp1252, undefined bytes replaced", *notes])


def _latin_candidates(span: str) -> list[tuple[str, str]]:
    """Readings of a Latin-side span: (text, note), cheapest checks first."""
    if "\ufffd" in span:
        lossy = _latin_lossy_candidate(span)
        return [lossy] if lossy is not None else []
    data = _latin_bytes(span)
    gbk: str | None = None
    utf: str | None = None
    if data is not None:
        # (try/except rather than contextlib.suppress: this runs for every span, and the
        # context manager costs more than the decoding)
        try:
            utf = _deeper(data.decode("utf-8"))
        except UnicodeDecodeError:
            utf = None
        # a whole span that reads as UTF-8 Chinese is settled (chance never makes that)
        if utf is None or not _two_cjk(utf):
            try:
                gbk = data.decode("gbk")
            except UnicodeDecodeError:
                gbk = None
    out: list[tuple[str, str]] = []
    if utf is not None:
        out.append((utf, "UTF-8 bytes read as Latin-1/cp1252"))
    if gbk is not None:
        out.append((gbk, "GBK bytes read as Latin-1/cp1252"))
    if out:
        return out
    # neither reading works for the whole span: UTF-8 piece by piece, and the slow GBK search
    pieces = _utf8_pieces(span)
    covered = 0
    if pieces:
        parts: list[str] = []
        pos = 0
        for s, e, t in pieces:
            parts.append(span[pos:s])
            parts.append(t)
            pos = e
            covered += e - s
        parts.append(span[pos:])
        out.append(("".join(parts), "UTF-8 bytes read as Latin-1/cp1252"))
    if 2 * covered < len(span):
        raw = _sloppy_gbk_bytes(span)
        if raw is not None:
            with contextlib.suppress(UnicodeDecodeError):
                out.append((raw.decode("gb18030"), "GBK bytes read as Latin-1/cp1252"))
    return out


def _latin_spans(text: str) -> Iterator[re.Match[str]]:
    """Latin-side runs: bridged ones where the "UTF-8 where valid" reading shows, plain ones else.
    Two or more no-break spaces in a row end a run like whitespace: as bytes (A0 A0) they would
    only be rare characters in GBK or UTF-8, while pages use them for spacing all the time."""
    pos = 0
    if "\xa0\xa0" in text:
        for gap in _NBSP_RUN.finditer(text):
            yield from _plain_or_bridged(text, pos, gap.start())
            pos = gap.end()
    yield from _plain_or_bridged(text, pos, len(text))


def _plain_or_bridged(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    if _BRIDGE_ONLY.search(text, start, end) is None:
        # every bridge character here is also of the alphabet: the bridged runs are the plain ones
        yield from _LATIN_SPAN.finditer(text, start, end)
        return
    for m in _BRIDGED_SPAN.finditer(text, start, end):
        span = m.group()
        if _BRIDGE_RE.search(span) is None or _SLOPPY.search(span) is not None:
            yield m
        else:
            yield from _LATIN_SPAN.finditer(text, m.start(), m.end())


def _latin_changes(text: str) -> list[Change]:
    out: list[Change] = []
    for m in _latin_spans(text):
        span = m.group()
        # evidence: two or more non-ASCII characters, Latin-1 ones at least as many as the
        # "UTF-8 where valid" ones (a Greek or Cyrillic word alone is not mojibake)
        n_ascii = len(span.encode("ascii", "ignore"))
        n_high = len(span) - n_ascii
        n_latin1 = len(span.encode("latin-1", "ignore")) - n_ascii
        if n_latin1 == 0 or n_high < 2:
            continue
        if span.count("\xa0") == n_high:
            continue  # no-break spaces (and ASCII) only: page spacing, never GBK bytes
        if n_high > n_latin1 and len(_SLOPPY.findall(span)) > n_latin1:
            continue
        cands = [
            (t, why)
            for t, why in _latin_candidates(span)
            # a GBK reading must give at least two characters of Chinese text
            if not why.startswith("GBK") or _two_cjk(t)
        ]
        if not cands:
            continue
        s0, e0 = m.span()
        ctx_b = text[s0 - 1 : s0]
        ctx_a = text[e0 : e0 + 1]
        # a cheap lower bound of the span's cost: every non-space character costs at least 1,
        # every non-ASCII one of the Latin-side alphabet at least 3, except the Chinese
        # punctuation among them (“”‘’—…·: 1.5; see _badness.CHAR_CLASSES)
        ctx = ctx_b + ctx_a
        bound = len(span) + 2 * n_high - 1.5 * len(_CHEAP.findall(span)) + cost(ctx)
        best, best_cost, note = span, float("inf"), ""
        for cand, why in cands:
            if cand == span:
                continue
            c = cost(ctx_b + cand + ctx_a)
            if c < best_cost:
                best, best_cost, note = cand, c, why
        if best != span and not better_by(bound, best_cost):
            before = cost(ctx_b + span + ctx_a)
            if not better_by(before, best_cost):
                best = span
        if best != span:
            a, b = _strip_edges(span, best)
            out.append(Change(s0 + a, e0 - b, best[a : len(best) - b], note))
    return out


# --- Han side: GBK text that was really UTF-8 or Big5 bytes ----------------------------------------

_SENTENCE_END = frozenset("。")
_DATE_UNITS = frozenset("年月日时分秒号")
_PUNCT = frozenset("，。、；：？！“”‘’（）《》—…")


def _fits(ch: str, pattern: bytes) -> bool:
    """Whether ``ch``'s UTF-8 form matches ``pattern`` (0xFF = any byte)."""
    b = ch.encode("utf-8")
    return len(b) == len(pattern) and all(p in (0xFF, x) for p, x in zip(pattern, b, strict=False))


def _complete(
    pattern: bytes, prev: str, at_line_end: bool, allowed: bytes | None = None
) -> tuple[str, str]:
    """Fill a UTF-8 character that lost bytes (0xFF in ``pattern``): (text, note).

    (Of ``prev`` only whether it is a digit matters: the answers are remembered per pattern, of
    which there are few, see :func:`_complete_pattern`.)
    """
    return _complete_pattern(pattern, prev.isdigit(), at_line_end, allowed)


@functools.lru_cache(maxsize=4096)
def _complete_pattern(
    pattern: bytes, after_digit: bool, at_line_end: bool, allowed: bytes | None
) -> tuple[str, str]:
    """:func:`_complete` after a digit or not.

    Only three kinds of evidence are trusted: at the end of a line the one sentence-ending mark
    the known bytes allow (``E3 80 ??`` → ``。``); after a digit the one date or time unit they
    allow (``E6 9C ??`` → ``月``); with two bytes known, the one common punctuation mark they
    allow (``E2 ?? 9D`` → ``”``). When the lost bytes can only be a few values (``allowed``: the
    five bytes Windows-1252 cannot show), the one common character among the few candidates is
    taken too (its cost at least 1.5 below every other's: thirty times as frequent). Anything
    else stays a visible U+FFFD.
    """
    known = " ".join("??" if b == 0xFF else f"{b:02X}" for b in pattern)
    if allowed is not None and pattern.count(0xFF) == 1 and len(pattern) >= 3:
        k = pattern.index(0xFF)
        cands: list[str] = []
        for b in allowed:
            with contextlib.suppress(UnicodeDecodeError):
                cands.append((pattern[:k] + bytes([b]) + pattern[k + 1 :]).decode("utf-8"))
        ranked = sorted((cost(c), c) for c in cands)
        if ranked and ranked[0][0] < _RARE_HAN_COST and all(c >= ranked[0][0] + 1.5 for c, _ in ranked[1:]):
            best = ranked[0][1]
            return best, f"lost byte: {known} completed as {best}, the one common character of {len(cands)}"
    if at_line_end:
        ends = [c for c in _SENTENCE_END if _fits(c, pattern)]
        if len(ends) == 1:
            return ends[0], f"lost byte: {known} completed as {ends[0]} at the end of a line"
    if after_digit:
        units = [c for c in _DATE_UNITS if _fits(c, pattern)]
        if len(units) == 1:
            return units[0], f"lost byte: {known} completed as {units[0]} after a number"
    if sum(1 for b in pattern if b != 0xFF) >= 2:
        marks = [c for c in _PUNCT if _fits(c, pattern)]
        if len(marks) == 1:
            return marks[0], f"lost byte: {known} completed as {marks[0]}, the only punctuation mark it fits"
    return "\ufffd", f"lost byte: {known} unrecoverable"


def _gbk_span_bytes(span: str) -> tuple[bytes, list[int]] | None:
    """GBK bytes of ``span`` (U+FFFD → a 0xFF marker, € → 0x80) and each character's byte start."""
    out = bytearray()
    starts: list[int] = []
    for ch in span:
        starts.append(len(out))
        o = ord(ch)
        if o < 0x80:
            out.append(o)
        elif ch == "\ufffd":
            out.append(0xFF)
        elif ch == "\u20ac":
            out.append(0x80)
        else:
            try:
                out += ch.encode("gbk")
            except UnicodeEncodeError:
                try:
                    two = ch.encode("gb18030")
                except UnicodeEncodeError:
                    return None
                if len(two) != 2:
                    return None
                out += two
    starts.append(len(out))
    return bytes(out), starts


#: two three-byte UTF-8 sequences in a row (0xFF = a lost byte): without one, GBK bytes are
#: not UTF-8 worth decoding (clean GBK text rarely has even one)
_UTF8_SEED = re.compile(rb"(?:[\xe0-\xef][\x80-\xbf\xff][\x80-\xbf\xff]){2}")
#: the same test as a substring search: bytes mapped to L (E0-EF), C (80-BF, FF) or "." first
_BYTE_SHAPES = bytes(
    ord("L") if 0xE0 <= b <= 0xEF else ord("C") if 0x80 <= b <= 0xBF or b == 0xFF else ord(".")
    for b in range(256)
)
_SEED_SHAPE = b"LCCLCC"

_Piece = tuple[int, int, str, str, bool]  # byte start, byte end, text, note, good evidence


def _trim(pieces: list[_Piece]) -> list[_Piece]:
    """Drop the pieces before the first and after the last good one (accidental 2-byte reads
    and lost bytes at the edges of a run are not evidence of anything)."""
    good = [k for k, p in enumerate(pieces) if p[4]]
    if not good:
        return []
    start, end = good[0], good[-1] + 1
    # no-break spaces (C2 A0, shown as 聽 by GBK) next to the run belong to it
    while start > 0 and pieces[start - 1][2] == "\xa0":
        start -= 1
    while end < len(pieces) and pieces[end][2] == "\xa0":
        end += 1
    # lost characters that run to the end of the span stay: nothing after them to misread
    tail = pieces[end:]
    if tail and all(p[2] == "\ufffd" and p[3].startswith("lost byte:") for p in tail):
        end = len(pieces)
    return pieces[start:end]


@functools.lru_cache(maxsize=4096)
def _candidates(pattern: bytes, allowed: bytes | None) -> tuple[str, ...]:
    """The characters a UTF-8 pattern with one lost byte (0xFF) may have been."""
    if pattern.count(0xFF) != 1:
        return ()
    k = pattern.index(0xFF)
    values = allowed if allowed is not None else bytes(range(0x80, 0xC0))
    out: list[str] = []
    for b in values:
        try:
            out.append((pattern[:k] + bytes([b]) + pattern[k + 1 :]).decode("utf-8"))
        except UnicodeDecodeError:
            continue
    return tuple(out)


@once
def _two_char_words() -> dict[str, int]:
    """Two-character words of jieba's dictionary (the installed package's ``dict.txt``) with their
    counts: the evidence for choosing a lost character by its neighbour. Read on first need."""
    import importlib.util

    spec = importlib.util.find_spec("jieba")  # found, not imported (importing jieba is slow)
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(spec.submodule_search_locations[0]) / "dict.txt"
    # lines are "word count tag"; a two-character word's line starts with two non-space characters
    rows = _DICT_TWO_CHAR.findall("\n" + path.read_text(encoding="utf-8"))
    return {word: n for word, count in rows if (n := int(count)) >= _MIN_WORD_COUNT}


#: (searched for from a newline, which the regex engine finds fast; counts below 10 never count)
_DICT_TWO_CHAR = re.compile(r"\n([^ \n][^ \n]) ([0-9]{2,}) ")
@once
def _word_ends() -> tuple[frozenset[str], frozenset[str]]:
    """The first and the second characters of the two-character words."""
    words = _two_char_words()
    return frozenset(w[0] for w in words), frozenset(w[1] for w in words)


#: a two-character word must be at least this frequent in jieba's dictionary to count as evidence
_MIN_WORD_COUNT = 20
#: when any of 64 bytes may have been lost: the word's count floor and lead over the next word
_WIDE_FLOOR = 1000
_WIDE_RATIO = 30


def _by_words(pieces: list[_Piece], data: bytes, allowed: bytes | None) -> list[_Piece]:
    """Fill lost characters whose one-byte-short candidates make exactly one word with a
    neighbouring character (``E5 ?? 91`` before 展 → 发: 发展; 向展, 卑展 are no words), or one
    word at least ten times as frequent as any other they make."""
    out = list(pieces)
    for k, p in enumerate(pieces):
        if p[2] != "\ufffd" or not p[3].startswith("lost byte:"):
            continue
        pattern = data[p[0] : p[1]]
        need = 1 if 0xC2 <= pattern[0] <= 0xDF else 2 if 0xE0 <= pattern[0] <= 0xEF else 0
        pattern = pattern + b"\xff" * (need + 1 - len(pattern))
        cands = _candidates(pattern, allowed)
        if not cands:
            continue
        before = out[k - 1][2] if k > 0 else ""
        after = pieces[k + 1][2] if k + 1 < len(pieces) else ""
        get = _two_char_words().get
        firsts, seconds = _word_ends()
        # only a neighbour that starts (ends) some word can make one
        if before not in firsts:
            before = ""
        if after not in seconds:
            after = ""
        if before and after:
            scored = [(n, c) for c in cands if (n := max(get(before + c, 0), get(c + after, 0)))]
        elif before:
            scored = [(n, c) for c in cands if (n := get(before + c, 0))]
        elif after:
            scored = [(n, c) for c in cands if (n := get(c + after, 0))]
        else:
            continue
        scored.sort(reverse=True)
        # with 64 candidates, chance words abound: demand a frequent word, far ahead of the next
        ratio, floor = (10, 0) if allowed is not None else (_WIDE_RATIO, _WIDE_FLOOR)
        if scored and scored[0][0] >= floor and (len(scored) == 1 or scored[0][0] >= ratio * scored[1][0]):
            c = scored[0][1]
            note = p[3].replace("unrecoverable", f"completed as {c}: the one word it makes with a neighbour")
            out[k] = (p[0], p[1], c, note, True)
    return out


def _decode_utf8_lossy(
    data: bytes, line_end: bool, prev: str = "", allowed: bytes | None = None
) -> list[tuple[int, int, str, str]]:
    """Runs of ``data`` that read as UTF-8, lost bytes included: (byte start, end, text, note).

    A 0xFF marker stands for one byte the first wrong decoding lost; a sequence cut short by an
    ASCII byte or the end of the span lost its remaining bytes. A run starts and ends with good
    evidence: a character of three or more bytes, or a lost one whose known bytes say a lot.
    """
    runs: list[tuple[int, int, str, str]] = []
    n = len(data)
    i = 0
    pieces: list[_Piece] = []

    def close() -> None:
        nonlocal pieces
        if not pieces:
            return  # (most bytes that break a run follow another one)
        if any(p[2] == "\ufffd" and p[3].startswith("lost byte:") for p in pieces):
            pieces = _by_words(pieces, data, allowed)
        kept = _trim(pieces)
        if kept:
            runs.append(
                (kept[0][0], kept[-1][1], "".join(p[2] for p in kept), "; ".join(p[3] for p in kept if p[3]))
            )
        pieces = []

    while i < n:
        b = data[i]
        if b < 0x80:
            pieces.append((i, i + 1, chr(b), "", False))
            i += 1
            continue
        need = 1 if 0xC2 <= b <= 0xDF else 2 if 0xE0 <= b <= 0xEF else 3 if 0xF0 <= b <= 0xF4 else 0
        if not need:
            # continuation bytes with no lead inside a run: the rest of a character whose first
            # bytes were lost (a GBK pair the first decoder could not read, and dropped)
            j = i
            while j < n and j < i + 3 and (0x80 <= data[j] <= 0xBF or data[j] == 0xFF):
                j += 1
            if any(p[4] for p in pieces) and j > i and (j >= n or not 0x80 <= data[j] <= 0xBF):
                shown = " ".join("??" if x == 0xFF else f"{x:02X}" for x in data[i:j])
                pieces.append((i, j, "\ufffd", f"lost bytes: ?? {shown} unrecoverable", False))
                i = j
                continue
            close()
            i += 1
            continue
        j = i + 1
        while j < n and j <= i + need and (0x80 <= data[j] <= 0xBF or data[j] == 0xFF):
            j += 1
        seq = data[i:j]
        if j == i + need + 1 and 0xFF not in seq:
            try:
                ch = seq.decode("utf-8")
            except UnicodeDecodeError:
                close()
                i += 1
                continue
            pieces.append((i, j, ch, "", need >= 2))
            i = j
            continue
        if need > 2:
            close()
            i += 1
            continue
        # lost bytes: 0xFF markers inside, or cut short
        pattern = seq + b"\xff" * (i + need + 1 - j)
        known = sum(1 for x in seq if x != 0xFF)
        prev_ch = pieces[-1][2] if pieces else prev if i == 0 else ""
        filled, note = _complete(pattern, prev_ch, j >= n and line_end, allowed)
        pieces.append((i, j, filled, note, filled != "\ufffd" or known >= 2))
        i = j
    close()
    return runs


def _han_utf8_candidate(span: str, line_end: bool, prev: str = "") -> tuple[str, str] | None:
    try:  # fast path: the whole span is UTF-8 read as GBK, nothing lost
        whole = span.encode("gbk").decode("utf-8")
    except UnicodeError:
        pass
    else:
        if whole != span and clearly_better(whole, span):
            return whole, "UTF-8 bytes read as GBK"
    if "\u20ac" not in span and "\ufffd" not in span:
        try:
            quick = span.encode("gbk")
        except UnicodeEncodeError:
            quick = None
        if quick is not None and _UTF8_SEED.search(quick) is None:
            return None
    enc = _gbk_span_bytes(span)
    if enc is None:
        return None
    data, starts = enc
    if _UTF8_SEED.search(data) is None:
        return None
    runs = _decode_utf8_lossy(data, line_end, prev)
    if not runs:
        return None
    parts: list[str] = []
    notes: list[str] = []
    pos = 0
    for bs, be, txt, note in runs:
        i0 = bisect_left(starts, bs)  # the first character boundary at or after the run
        i1 = bisect_right(starts, be) - 1  # the last one at or before its end
        if i1 <= i0:
            continue
        if starts[i0] != bs or starts[i1] != be:
            # the run starts or ends inside a GBK character: decode the whole characters alone
            sub = data[starts[i0] : starts[i1]]
            again = _decode_utf8_lossy(sub, line_end and i1 == len(span), span[i0 - 1] if i0 else prev)
            if len(again) != 1 or again[0][0] != 0 or again[0][1] != len(sub):
                continue
            txt, note = again[0][2], again[0][3]
        before = span[i0:i1]
        if txt == before:
            continue
        # evidence: decoded characters clearly outnumber the ones lost on the way
        lost = txt.count("\ufffd") - before.count("\ufffd")
        decoded = len(_NON_ASCII.findall(txt)) - txt.count("\ufffd")
        if decoded < 2 or lost * 2 > decoded:
            continue
        # judge each run on its own: clean text next to mojibake keeps its own characters
        if not clearly_better(txt, before):
            continue
        parts.append(span[pos:i0])
        parts.append(txt)
        if note:
            notes.append(note)
        pos = i1
    if not parts:
        return None
    parts.append(span[pos:])
    return "".join(parts), "; ".join(["UTF-8 bytes read as GBK", *notes])


@once
def _gbk_to_big5() -> dict[int, str]:
    """The character each 2-byte GBK code becomes when its bytes are read as Big5 (cp950)."""
    codes = _two_byte_codes()
    raw = bytearray(3 * len(codes))
    raw[0::3] = bytes(c >> 8 for c, _ in codes)
    raw[1::3] = bytes(c & 0xFF for c, _ in codes)
    raw[2::3] = b"\n" * len(codes)
    big5 = raw.decode("cp950", errors="replace").split("\n")[: len(codes)]
    table: dict[int, str] = {}
    for (_, g), b in zip(codes, big5, strict=True):
        if len(b) == 1 and b != "\ufffd" and not "\ue000" <= g <= "\uf8ff":
            table[ord(g)] = b
    return table


def _han_big5_candidate(span: str) -> str | None:
    table = _gbk_to_big5()
    out = span.translate(table)
    # every non-ASCII character must have come from a Big5 code
    if sum(1 for ch in span if ord(ch) >= 0x80 and ord(ch) not in table):
        return None
    return out


def _han_changes(text: str, taken: list[Change]) -> list[Change]:
    """Han-side changes in the parts of ``text`` the ``taken`` (Latin-side) changes left alone."""
    out: list[Change] = []
    k = 0
    for m in _han_span_re().finditer(text):
        while k < len(taken) and taken[k].end <= m.start():
            k += 1
        if k < len(taken) and taken[k].start < m.end():
            continue  # overlaps a Latin-side change
        span = m.group()
        if _BEYOND_LATIN1.search(span) is None:
            continue
        odd_hits = _evidence(span)
        if odd_hits < 2:
            continue
        e = m.end()
        line_end = e >= len(text) or text[e] in "\r\n" or (text[e].isspace() and "\n" in text[e : e + 3])
        best: tuple[str, str] | None = None
        utf = _han_utf8_candidate(span, line_end, text[m.start() - 1 : m.start()])
        big5 = _han_big5_candidate(span) if odd_hits >= 3 else None
        if utf is None and (big5 is None or big5 == span):
            continue
        best_cost = cost(span)
        if utf is not None:
            c = cost(utf[0])
            if c < best_cost:
                best, best_cost = utf, c
        # Big5 read as GBK leaves kana/Greek/box drawing and rare characters; demand several
        if odd_hits >= 3 and big5 is not None and big5 != span:
            c = cost(big5)
            if c < best_cost and clearly_better(big5, span) and _plausible_big5(big5, span):
                best, best_cost = (big5, "Big5 bytes read as GBK"), c
        if best is None:
            continue
        new, note = best
        a, b = 0, 0
        while a < min(len(span), len(new)) and span[a] == new[a]:
            a += 1
        while b < min(len(span), len(new)) - a and span[len(span) - 1 - b] == new[len(new) - 1 - b]:
            b += 1
        out.append(Change(m.start() + a, e - b, new[a : len(new) - b], note))
    return out


def _plausible_big5(new: str, old: str) -> bool:
    """Big5 output should be mostly ordinary Han characters (average cost well below the old)."""
    han = [c for c in new if "\u4e00" <= c <= "\u9fff"]
    if len(han) < 0.8 * len([c for c in new if ord(c) >= 0x80]):
        return False
    avg = sum(han_cost(c) for c in han) / max(1, len(han))
    return avg < 4.6


# --- the step --------------------------------------------------------------------------------------


def find_changes(text: str, config: RepairConfig) -> list[Change]:
    """Return the changes this step makes to ``text`` (sorted, non-overlapping)."""
    if not text:
        return []
    if _LATIN_PAIR.search(text) is None:  # Han side only (the test is not repeated)
        return _han_changes(text, []) if _han_suspicious(text) else []
    changes = _latin_changes(text)
    rest = text
    if changes:  # the Han side only looks at what the Latin side left alone
        parts, pos = [], 0
        for c in changes:
            parts += [text[pos : c.start], " "]
            pos = c.end
        parts.append(text[pos:])
        rest = "".join(parts)
    if not _han_suspicious(rest):
        return changes
    han = _han_changes(text, changes)
    return sorted(changes + han) if han else changes
