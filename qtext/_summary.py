"""Structured summaries (placeholder)."""

from __future__ import annotations

from collections.abc import Sequence

from ._config import SummaryConfig
from ._document import Extraction, Page, Span, Summary, Token

__all__ = ["summarise"]


def summarise(text: str, page: Page, sentences: Sequence[Span], tokens: Sequence[Token],
              extraction: Extraction, config: SummaryConfig | None = None) -> Summary:
    return Summary(headline=page.title)
