"""``qtext.analyze``: repair → read → segment → extract → summarise, one direction."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ._config import DEFAULT, Config
from ._document import Document, TokenList
from ._errors import InputError, check_page
from ._extract import extract
from ._read import html_to_text, is_html, read_page, split_sentences
from ._repair import _bytes, _repair_decoded, repair
from ._segment import segment
from ._summary import summarise

__all__ = ["analyze"]


def analyze(raw: str | bytes, config: Config | None = None, *, id: str | None = None) -> Document:
    """Repair a page, read it, and extract its facts.

    ``raw`` is page text or HTML, as ``str`` or ``bytes``; a bare article or a single sentence
    is all body. HTML is detected (or forced with ``Config(read=ReadConfig(html=True))``).

    >>> import qtext
    >>> doc = qtext.analyze("新華社上海9月15日電 國務(wù)委員王勇出席大會。")
    >>> doc.text
    '新华社上海9月15日电 国务委员王勇出席大会。'
    """
    cfg = config or DEFAULT
    if type(raw) is not str:
        raw = check_page(raw, "analyze")  # bytearray/memoryview → bytes; wrong types → InputError
    text_in, encoding, via, losses = _input_text(raw, cfg)
    html_meta: dict[str, Any] | None = None
    html_mode = cfg.read.html if cfg.read.html is not None else is_html(text_in)
    if html_mode:
        text_in, html_meta = html_to_text(text_in)
        html_meta = _repair_meta(html_meta, cfg)
    if via == "decoder" and not html_mode and not isinstance(raw, str):
        if cfg.repair.decode:  # decoded once; the decode step's edits stay on record
            rep = _repair_decoded(text_in, encoding, losses, cfg.repair)
        else:
            rep = repair(bytes(raw), cfg.repair)
    else:
        rep = repair(text_in, cfg.repair)
        if encoding is not None:
            rep = dataclasses.replace(rep, encoding=encoding)
    text = rep.text
    page = read_page(text, html_meta=html_meta, config=cfg.read)
    sentences = tuple(s for p in page.paragraphs for s in split_sentences(text, p.start, p.end))
    tokens = tuple(segment(text, cfg))
    extraction = extract(text, page, tokens, cfg.extract)
    summary = (
        summarise(text, page, sentences, tokens, extraction, cfg.summary) if cfg.summary.enabled else None
    )
    return Document(
        text=text,
        repair=rep,
        page=page,
        sentences=sentences,
        tokens=TokenList.of(text, tokens),
        extraction=extraction,
        id=id,
        **({"summary": summary} if summary is not None else {}),
    )


_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,20})""", re.I)
_META_REPAIRED = ("title", "h1", "og_title", "site", "author", "source", "description")


def _input_text(raw: object, cfg: Config) -> tuple[str, str | None, str, list[tuple[int, int, str]]]:
    """``(text, encoding, via, losses)``: str passes through (via ``str``); bytes are decoded by the repair
    step's decoder (via ``decoder``), and when that decoder loses bytes of a page that declares its
    charset in a ``<meta>``, the declared charset is tried too, strictly: it is used (via
    ``declared``) only when it decodes every byte.
    """
    if isinstance(raw, str):
        return raw, None, "str", []
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        raise InputError(
            f"qtext expects str or bytes, got {type(raw).__name__}; decode or str() the value first"
        )
    data = bytes(raw)
    text, encoding, losses = _bytes.decode(data, cfg.repair)
    if losses and not cfg.repair.encoding:
        m = _CHARSET_RE.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii").lower()
            if declared in ("gbk", "gb2312", "gb_2312-80", "x-gbk"):
                declared = "gb18030"
            try:
                return data.decode(declared), declared, "declared", []
            except (LookupError, UnicodeError):  # UnicodeError: charset="undefined"
                pass
    return text, encoding, "decoder", losses


def _repair_meta(meta: dict[str, Any], cfg: Config) -> dict[str, Any]:
    """HTML metadata strings get the same repair as the page text (traditional → simplified …)."""
    out = dict(meta)
    for key in _META_REPAIRED:
        value = out.get(key)
        if isinstance(value, str) and value:
            out[key] = repair(value, cfg.repair).text
    return out
