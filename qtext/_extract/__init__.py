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

from collections.abc import Sequence
from typing import Any

from .._config import ExtractConfig
from .._document import Extraction, Page, Token
from ._dates import find_dates
from ._entities import build_entities, find_documents
from ._events import find_events
from ._mentions import Mention, find_mentions
from ._officials import build_officials
from ._organisations import alias_mentions, build_organisations
from ._places import build_places
from ._quotes import find_quotes
from ._scan import Spans

__all__ = ["body_mentions", "extract"]


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


def body_mentions(
    text: str, page: Page, tokens: Sequence[Token]
) -> tuple[list[Mention], list[Mention], list[Any]]:
    """The body's mentions: ``(all of them, those records are built from, the 《…》 documents)``.

    Names inside 《…》 and the person a doctrine is named after (马克思 of 马克思主义) are
    entities, but not people or bodies the page reports on, so the second list leaves them out.
    """
    mentions = find_mentions(text, tokens)
    extra = alias_mentions(text, mentions)
    if extra:
        taken = Spans([(m.start, m.end) for m in mentions])
        mentions = sorted(mentions + [a for a in extra if not taken.overlaps(a.start, a.end)],
                          key=lambda m: m.start)
    ranges = _body_ranges(text, page)
    all_mentions = _in_body(mentions, ranges)
    documents = find_documents(text)
    reported = _outside(all_mentions, [(d.start, d.end) for d in documents])
    reported = [m for m in reported if m.source != "doctrine"]
    documents = [d for d in documents if _in_body([Mention(d.text, "DOCUMENT", d.start, d.end)], ranges)]
    return all_mentions, reported, documents


def extract(
    text: str, page: Page, tokens: Sequence[Token], config: ExtractConfig | None = None
) -> Extraction:
    """Find the entities, officials, organisations, places, dates, events and quotes of a page."""
    cfg = config or ExtractConfig()
    all_mentions, mentions, documents = body_mentions(text, page, tokens)
    officials = build_officials(text, mentions) if cfg.officials else []
    organisations = build_organisations(text, mentions) if cfg.organisations else []
    places = build_places(mentions) if cfg.places else []
    dates: list[Any] = list(find_dates(text, page)) if cfg.dates else []
    entity_list = build_entities(all_mentions, documents, dates)
    events: list[Any] = []
    if cfg.events:
        events = list(find_events(text, page, entity_list, officials, organisations, places, dates))
    quotes: list[Any] = list(find_quotes(text, page, officials, entity_list)) if cfg.quotes else []
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
