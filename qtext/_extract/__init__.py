"""Extraction: entities, officials, organisations, places, dates, events, quotes (placeholder)."""

from __future__ import annotations

from collections.abc import Sequence

from .._config import ExtractConfig
from .._document import Extraction, Page, Token

__all__ = ["extract"]


def extract(text: str, page: Page, tokens: Sequence[Token], config: ExtractConfig | None = None) -> Extraction:
    return Extraction()
