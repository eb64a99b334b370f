"""Extraction: who and which (people, titles, organisations, places), when, what and who said.

``extract`` reads the mentions of the page's body once (:mod:`._mentions`), builds officials,
organisations and places from them, and calls the date, event and quote finders
(:mod:`._dates`, :mod:`._events`, :mod:`._quotes`) when they are present.

>>> import qtext
>>> ex = qtext.analyze("国务委员王勇出席大会。").extraction
>>> [(o.name, [t.title for t in o.titles]) for o in ex.officials]
[('王勇', ['国务委员'])]
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any

from .._config import ExtractConfig
from .._document import Extraction, Page, Token
from ._entities import build_entities, find_documents
from ._mentions import Mention, find_mentions
from ._officials import build_officials
from ._organisations import alias_mentions, build_organisations
from ._places import build_places

__all__ = ["extract"]


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    """A finder from a sibling module, or None while that module does not exist yet."""
    try:
        mod = importlib.import_module(f"{__name__}.{module}")
    except ImportError:
        return None
    fn = getattr(mod, name, None)
    return fn if callable(fn) else None


def _body_ranges(text: str, page: Page) -> list[tuple[int, int]]:
    if page.paragraphs:
        return [(p.start, p.end) for p in page.paragraphs]
    return [(0, len(text))]


def _in_body(mentions: list[Mention], ranges: list[tuple[int, int]]) -> list[Mention]:
    if ranges == [(0, 0)] or not ranges:
        return mentions
    out = []
    k = 0
    ranges = sorted(ranges)
    for m in mentions:
        while k < len(ranges) and ranges[k][1] <= m.start:
            k += 1
        if k < len(ranges) and ranges[k][0] <= m.start and m.end <= ranges[k][1]:
            out.append(m)
    return out


def _outside(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """The mentions that are not inside any of ``spans`` (names inside 《…》 titles)."""
    if not spans:
        return mentions
    out = []
    k = 0
    for m in mentions:
        while k < len(spans) and spans[k][1] <= m.start:
            k += 1
        if k < len(spans) and spans[k][0] <= m.start and m.end <= spans[k][1]:
            continue
        out.append(m)
    return out


def extract(
    text: str, page: Page, tokens: Sequence[Token], config: ExtractConfig | None = None
) -> Extraction:
    """Find the entities, officials, organisations, places, dates, events and quotes of a page."""
    cfg = config or ExtractConfig()
    mentions = find_mentions(text, tokens)
    extra = alias_mentions(text, mentions)
    if extra:
        taken = [(m.start, m.end) for m in mentions]
        mentions = sorted(
            mentions + [a for a in extra if not any(s < a.end and a.start < e for s, e in taken)],
            key=lambda m: m.start,
        )
    mentions = _in_body(mentions, _body_ranges(text, page))
    documents = find_documents(text)
    all_mentions = mentions  # names inside 《…》 are entities, but not records
    mentions = _outside(mentions, [(d.start, d.end) for d in documents])
    # 马克思 of 马克思主义 is an entity, not a person the page reports on
    mentions = [m for m in mentions if m.source != "doctrine"]
    officials = build_officials(text, mentions) if cfg.officials else []
    organisations = build_organisations(text, mentions) if cfg.organisations else []
    places = build_places(mentions) if cfg.places else []
    documents = [
        d
        for d in documents
        if _in_body([Mention(d.text, "DOCUMENT", d.start, d.end)], _body_ranges(text, page))
    ]

    dates: list[Any] = []
    events: list[Any] = []
    quotes: list[Any] = []
    find_dates = _optional("_dates", "find_dates") if cfg.dates else None
    if find_dates is not None:
        dates = list(find_dates(text, page))
    entity_list = build_entities(all_mentions, documents, dates)
    find_events = _optional("_events", "find_events") if cfg.events else None
    if find_events is not None:
        events = list(find_events(text, page, entity_list, officials, organisations, places, dates))
    find_quotes = _optional("_quotes", "find_quotes") if cfg.quotes else None
    if find_quotes is not None:
        quotes = list(find_quotes(text, page, officials, entity_list))
    entities = build_entities(all_mentions, documents, dates, events) if cfg.entities else []
    return Extraction(
        entities=tuple(entities),
        officials=tuple(officials),
        organisations=tuple(organisations),
        places=tuple(places),
        dates=tuple(dates),
        events=tuple(events),
        quotes=tuple(quotes),
        documents=tuple(documents),
    )
