"""HTML views of a Document (placeholder)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._document import Document

__all__ = ["render_fragment", "render_html"]


def render_fragment(doc: Document) -> str:
    return f"<div class='qtext'><h3>{html.escape(doc.page.title or '')}</h3></div>"


def render_html(doc: Document) -> str:
    return "<!doctype html><meta charset='utf-8'>" + render_fragment(doc)
