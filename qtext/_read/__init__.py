"""Reading a page: HTML → lines (:mod:`._html`), lines → title/metadata/body (:mod:`._page`,
:mod:`._meta`, :mod:`._dateline`), body → sentences (:mod:`._sentences`)."""

from __future__ import annotations

from ._html import html_to_text, is_html
from ._page import read_page
from ._sentences import split_sentences

__all__ = ["html_to_text", "is_html", "read_page", "split_sentences"]
