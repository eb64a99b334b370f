"""Reading a page: HTML → lines, lines → title/metadata/body, sentences (placeholder)."""

from __future__ import annotations

from typing import Any

from .._config import ReadConfig
from .._document import Page, Span

__all__ = ["html_to_text", "is_html", "read_page", "split_sentences"]


def is_html(text: str) -> bool:
    """Whether ``text`` looks like HTML markup rather than page text."""
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in text)


def html_to_text(markup: str) -> tuple[str, dict[str, Any]]:
    """Turn HTML into page text (one block per line) and metadata from <title>/<meta>/<time>."""
    raise NotImplementedError


def read_page(text: str, *, html_meta: dict[str, Any] | None = None, config: ReadConfig | None = None) -> Page:
    """Read title, metadata and body paragraphs from repaired page text."""
    paragraphs = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            paragraphs.append(Span(stripped, start, start + len(stripped)))
        pos += len(line) + 1
    return Page(paragraphs=tuple(paragraphs))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split ``text[start:end]`` into sentences (offsets into ``text``)."""
    end = len(text) if end is None else end
    out = []
    s = start
    for i in range(start, end):
        if text[i] in "。！？；":
            if text[s:i + 1].strip():
                out.append(Span(text[s:i + 1], s, i + 1))
            s = i + 1
    if s < end and text[s:end].strip():
        out.append(Span(text[s:end], s, end))
    return out
