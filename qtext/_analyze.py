"""``qtext.analyze``: repair → read → segment → extract → summarise, one direction."""

from __future__ import annotations

from typing import Any

from ._config import DEFAULT, Config
from ._document import Document
from ._errors import InputError
from ._extract import extract
from ._read import html_to_text, is_html, read_page, split_sentences
from ._repair import _bytes, repair
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
    if isinstance(raw, (bytes, bytearray, memoryview)):
        text, encoding, _ = _bytes.decode(bytes(raw), cfg.repair)
        raw_text: str = text
    elif isinstance(raw, str):
        raw_text = raw
        encoding = None
    else:
        raise InputError(f"qtext expects str or bytes, got {type(raw).__name__}; decode or str() the value first")

    html_meta: dict[str, Any] | None = None
    html_mode = cfg.read.html if cfg.read.html is not None else is_html(raw_text)
    if html_mode:
        raw_text, html_meta = html_to_text(raw_text)

    rep = repair(raw_text if encoding is None else raw, cfg.repair) if not html_mode else repair(raw_text, cfg.repair)
    text = rep.text
    page = read_page(text, html_meta=html_meta, config=cfg.read)
    sentences = tuple(s for p in page.paragraphs for s in split_sentences(text, p.start, p.end))
    tokens = tuple(segment(text))
    extraction = extract(text, page, tokens, cfg.extract)
    summary = summarise(text, page, sentences, tokens, extraction, cfg.summary) if cfg.summary.enabled else None
    return Document(
        text=text,
        repair=rep,
        page=page,
        sentences=sentences,
        tokens=tokens,
        extraction=extraction,
        id=id,
        **({"summary": summary} if summary is not None else {}),
    )
