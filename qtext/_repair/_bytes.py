"""Repair step ``decode``: bytes → text, choosing the encoding by evidence.

The evidence, strongest first (the first that settles it wins):

1. ``RepairConfig.encoding``: the caller knows; it is used as given (GBK names mean GB18030).
   A name Python does not know is ignored, and the evidence below decides.
2. A byte-order mark: UTF-8, UTF-16 LE/BE, UTF-32 LE/BE.
3. Strict UTF-8: it almost never decodes text in another encoding by accident, while GB18030
   decodes most UTF-8 bytes without error (pages that declare gb2312 but are UTF-8 exist).
4. A declared charset in HTML-looking bytes (``<meta charset=gbk>`` or
   ``<meta http-equiv="Content-Type" content="text/html; charset=gb2312">``), if it decodes
   every byte.
5. UTF-16 without a BOM, when every other byte is zero in ASCII-heavy text.
6. GB18030, Big5 (cp950, then Big5-HKSCS), UTF-8 and, for an even number of bytes, UTF-16
   LE/BE without a BOM: the candidate whose text has the lowest badness (``_badness.cost``,
   each run of undecodable bytes adding ``LOSS_COST``) wins.

Invariants: ``decode`` never raises on any ``bytes``; every undecodable run of bytes becomes one
U+FFFD in the text, reported in ``losses`` as ``(start, end, note)`` with the bytes in hex.

>>> from qtext._config import RepairConfig
>>> decode("中文".encode("gbk"), RepairConfig())[:2]
('中文', 'gb18030')
>>> decode(b"\\xe4\\xb8\\xad\\xe3\\x80", RepairConfig())
('中\\ufffd', 'utf-8', [(1, 2, 'undecodable bytes E3 80 (utf-8)')])
"""

from __future__ import annotations

import codecs
import re

from .._config import RepairConfig
from ._badness import cost

__all__ = ["decode"]

Loss = tuple[int, int, str]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: what web pages call their encodings → the codec qtext decodes them with (supersets win)
ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "gb_2312-80": "gb18030",
    "euc-cn": "gb18030",
    "gb18030": "gb18030",
    "big5": "cp950",
    "big-5": "cp950",
    "x-x-big5": "cp950",
    "cp950": "cp950",
    "big5-hkscs": "big5hkscs",
    "utf8": "utf-8",
    "utf-8": "utf-8",
}

_HTMLISH = re.compile(rb"<(?:!doctype|html|head|meta|body|title)\b", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,20})""", re.IGNORECASE)
_ESCAPED = re.compile("[\udc80-\udcff]+")
#: how many bytes the badness contest decodes, and how many of their non-ASCII characters it judges
_SAMPLE_BYTES = 60000
_SAMPLE_CHARS = 6000
_PLAIN_ASCII = re.compile(r"[\t\n\r\x20-\x7e]+")
#: what one run of undecodable bytes costs in the contest (a common Chinese character costs ~3)
LOSS_COST = 8.0


def _codec(name: str) -> str | None:
    """The Python codec for an encoding name, or None if Python knows no such encoding."""
    key = name.strip().lower().replace("_", "-")
    if key in ALIASES:
        return ALIASES[key]
    key2 = name.strip().lower()
    if key2 in ALIASES:
        return ALIASES[key2]
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode_lossy(raw: bytes, codec: str) -> tuple[str, list[Loss]]:
    """Decode, turning each run of undecodable bytes into one U+FFFD reported as a loss."""
    try:
        text = raw.decode(codec, errors="surrogateescape")
    except UnicodeDecodeError:  # codecs that cannot escape (UTF-16/32): plain replacement
        text = raw.decode(codec, errors="replace")
        return text, [(i, i + 1, f"undecodable bytes ({codec})") for i, c in enumerate(text) if c == "\ufffd"]
    if not _ESCAPED.search(text):
        return text, []
    parts: list[str] = []
    losses: list[Loss] = []
    pos = 0
    out_len = 0
    for m in _ESCAPED.finditer(text):
        parts.append(text[pos : m.start()])
        out_len += m.start() - pos
        bad = bytes(ord(c) - 0xDC00 for c in m.group())
        shown = " ".join(f"{b:02X}" for b in bad[:16]) + (" …" if len(bad) > 16 else "")
        losses.append((out_len, out_len + 1, f"undecodable bytes {shown} ({codec})"))
        parts.append("\ufffd")
        out_len += 1
        pos = m.end()
    parts.append(text[pos:])
    return "".join(parts), losses


def _strict(raw: bytes, codec: str) -> str | None:
    try:
        return raw.decode(codec)
    except (UnicodeError, LookupError):  # UnicodeError: a page may declare charset="undefined"
        return None


def _declared(raw: bytes) -> str | None:
    head = raw[:4096]
    if not _HTMLISH.search(head):
        return None
    m = _CHARSET.search(head)
    if not m:
        return None
    return _codec(m.group(1).decode("ascii"))


def _utf16_guess(raw: bytes) -> str | None:
    sample = raw[:4000]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode(raw: bytes, config: RepairConfig) -> tuple[str, str, list[Loss]]:
    """Decode ``raw``; return ``(text, encoding, losses)``.

    ``losses`` lists ``(start, end, note)`` spans of ``text`` that stand for undecodable bytes
    (each is U+FFFD in ``text``); they are recorded as edits of the ``decode`` step.
    """
    raw = bytes(raw)
    forced = _codec(config.encoding) if config.encoding else None
    if forced:
        text, losses = _decode_lossy(raw, forced)
        return text, forced, losses
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            text, losses = _decode_lossy(raw[len(bom) :], codec)
            return text, codec, losses
    if not raw:
        return "", "utf-8", []
    text_u = _strict(raw, "utf-8")
    if text_u is not None:
        return text_u, "utf-8", []
    declared = _declared(raw)
    if declared:
        text_d = _strict(raw, declared)
        if text_d is not None:
            return text_d, declared, []
    utf16 = _utf16_guess(raw)
    if utf16:
        text, losses = _decode_lossy(raw, utf16)
        return text, utf16, losses
    # the contest: the least bad text, each run of lost bytes counting as a very bad character
    sample_raw = raw[:_SAMPLE_BYTES]
    best: tuple[float, str] | None = None
    contest = ["gb18030", "cp950", "big5hkscs", "utf-8"]
    if len(raw) % 2 == 0:
        contest += ["utf-16-le", "utf-16-be"]
    for codec in contest:
        text, losses = _decode_lossy(sample_raw, codec)
        if len(sample_raw) < len(raw) and losses and losses[-1][1] == len(text):
            losses = losses[:-1]  # a character cut by the sample's end is no evidence
        # plain ASCII reads the same in every candidate: judge the rest (a bounded sample)
        score = cost(_PLAIN_ASCII.sub("", text)[:_SAMPLE_CHARS]) + LOSS_COST * len(losses)
        if best is None or score < best[0]:
            best = (score, codec)
    assert best is not None
    text, losses = _decode_lossy(raw, best[1])
    return text, best[1], losses
