"""The frozen records qtext returns, and their JSON form.

Invariants:
- every ``start``/``end`` refers to ``Document.text`` (the repaired text), and
  ``text[start:end] == span.text`` for every span-like record;
- ``Document.repair`` maps those offsets back to the raw input (``repair.to_raw``);
- ``to_dict()`` returns JSON-ready data only (str, int, float, bool, None, list, dict) and
  carries ``"schema": "qtext.document/1"``.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from ._repair import Repair

__all__ = [
    "DROP_REASONS",
    "SCHEMA",
    "DateMention",
    "Dateline",
    "Document",
    "Dropped",
    "Entity",
    "Event",
    "Extraction",
    "Official",
    "OfficialTitle",
    "Organisation",
    "Page",
    "Place",
    "Quote",
    "Removed",
    "Span",
    "Summary",
    "Token",
    "TokenList",
]

SCHEMA = "qtext.document/1"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Document.text``: a paragraph, a sentence, a mention."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Token:
    """A word from :func:`qtext.segment`, with its part-of-speech tag (jieba's tag set)."""

    text: str
    start: int
    end: int
    pos: str = "x"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "pos": self.pos}


class TokenList(Sequence[Token]):
    """An immutable sequence of :class:`Token` stored as columns over the text.

    A page has thousands of tokens; keeping their offsets in two ``array``s and their tags in one
    tuple (instead of one object each) makes a :class:`Document` small to keep and cheap to send
    between processes (``analyze_many``). A ``Token`` is built when it is looked at.

    >>> tl = TokenList.of("王勇出席", [Token("王勇", 0, 2, "nr"), Token("出席", 2, 4, "v")])
    >>> tl[1], len(tl), list(tl) == [Token("王勇", 0, 2, "nr"), Token("出席", 2, 4, "v")]
    (Token(text='出席', start=2, end=4, pos='v'), 2, True)
    """

    __slots__ = ("_ends", "_pos", "_starts", "_text")

    def __init__(self, text: str, starts: array[int], ends: array[int], pos: tuple[str, ...]) -> None:
        if not (len(starts) == len(ends) == len(pos)):
            raise ValueError("TokenList columns differ in length")
        self._text, self._starts, self._ends, self._pos = text, starts, ends, pos

    @classmethod
    def of(cls, text: str, tokens: Iterable[Token]) -> TokenList:
        toks = tokens if isinstance(tokens, (list, tuple)) else list(tokens)
        return cls(text, array("i", [t.start for t in toks]), array("i", [t.end for t in toks]),
                   tuple(t.pos for t in toks))

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> TokenList: ...

    def __getitem__(self, index: int | slice) -> Token | TokenList:
        if isinstance(index, slice):
            return TokenList(self._text, self._starts[index], self._ends[index], self._pos[index])
        s, e = self._starts[index], self._ends[index]
        return Token(self._text[s:e], s, e, self._pos[index])

    def __iter__(self) -> Iterator[Token]:
        text = self._text
        for s, e, p in zip(self._starts, self._ends, self._pos, strict=True):
            yield Token(text[s:e], s, e, p)

    def to_dicts(self) -> list[dict[str, Any]]:
        """``[t.to_dict() for t in self]``, without building the ``Token`` objects.

        >>> TokenList.of("王勇", [Token("王勇", 0, 2, "nr")]).to_dicts()
        [{'text': '王勇', 'start': 0, 'end': 2, 'pos': 'nr'}]
        """
        text = self._text
        return [{"text": text[s:e], "start": s, "end": e, "pos": p}
                for s, e, p in zip(self._starts, self._ends, self._pos, strict=True)]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TokenList):
            return (self._starts, self._ends, self._pos) == (other._starts, other._ends, other._pos) and (
                self._text == other._text or list(self) == list(other))
        if isinstance(other, (tuple, list)):
            return list(self) == list(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((bytes(self._starts), bytes(self._ends), self._pos))

    def __repr__(self) -> str:
        return f"TokenList({list(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (TokenList, (self._text, self._starts, self._ends, self._pos))


@dataclass(frozen=True, slots=True)
class Dateline:
    """``新华社上海9月15日电`` → agency 新华社, place 上海, date 2017-09-15 (resolved)."""

    agency: str | None = None
    place: str | None = None
    date: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"agency": self.agency, "place": self.place, "date": self.date, "text": self.text}


#: Why a piece of the page is not in the body (``Dropped.reason``, ``Removed.reason``):
#: ``title`` the title and deck lines (read into ``Page.title``/``subtitles``); ``metadata``
#: labelled fields, date lines, site/URL lines, the HTML ``<head>``; ``navigation`` breadcrumbs,
#: menus, link lists; ``boilerplate`` share/print/copyright/credit/end-mark lines, ads, comment
#: boxes, related links, form controls; ``header``/``footer`` other lines above/below the body
#: (and HTML ``<footer>`` blocks); ``markup`` scripts, styles and leftovers of broken markup;
#: ``annotation`` ruby annotations (``<rt>``/``<rp>``).
DROP_REASONS = ("title", "metadata", "navigation", "boilerplate", "header", "footer", "markup",
                "annotation")


@dataclass(frozen=True, slots=True)
class Dropped:
    """A stretch of ``Document.text`` left out of the body paragraphs, and why (``DROP_REASONS``).

    >>> import qtext
    >>> doc = qtext.analyze("大会在京举行\\n\\n来源：新华社\\n\\n　　大会1日在京举行，代表出席。\\n分享到：")
    >>> [(d.text, d.reason) for d in doc.page.dropped]
    [('大会在京举行', 'title'), ('来源：新华社', 'metadata'), ('分享到：', 'boilerplate')]
    """

    text: str
    start: int
    end: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Removed:
    """An HTML element taken out before the page text was made (so not in ``Document.text``):
    its text (white space collapsed) and why (``DROP_REASONS``). Only elements whose text holds
    a Han character are kept on record."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Page:
    """What reading the page found: metadata fields and the body's paragraphs."""

    title: str | None = None
    subtitles: tuple[str, ...] = ()
    site: str | None = None
    url: str | None = None
    breadcrumb: tuple[str, ...] = ()
    published: str | None = None
    author: str | None = None
    source: str | None = None
    editor: str | None = None
    views: int | None = None
    dateline: Dateline | None = None
    paragraphs: tuple[Span, ...] = ()
    is_html: bool = False
    notes: tuple[str, ...] = ()  # what the reader noticed (e.g. "no body found")
    #: every non-blank stretch of the text outside ``paragraphs``, with why (in text order)
    dropped: tuple[Dropped, ...] = ()
    #: HTML elements with Han text taken out before reading (scripts, nav, footer, furniture …)
    removed: tuple[Removed, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A mention: ``label`` is PERSON, TITLE, ORG, PLACE, DATE, EVENT or DOCUMENT."""

    text: str
    label: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "label": self.label, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class OfficialTitle:
    title: str
    organisation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "organisation": self.organisation}


@dataclass(frozen=True, slots=True)
class Official:
    """One person, every title the article gives them, and every mention."""

    name: str
    titles: tuple[OfficialTitle, ...] = ()
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "titles": [t.to_dict() for t in self.titles],
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Organisation:
    """One body with every name the article uses for it."""

    name: str
    aliases: tuple[str, ...] = ()
    abbreviation: str | None = None
    type: str = "other"
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "abbreviation": self.abbreviation,
            "type": self.type,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    type: str = "other"  # country, province, city, county, other
    code: str | None = None
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "code": self.code,
                "mentions": [m.to_dict() for m in self.mentions]}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date in the text; ``value`` is ISO (``2017-09-15``, ``2014-09``, ``2017``) or None."""

    text: str
    value: str | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Event:
    """A conference, session, meeting, forum, ceremony, exhibition …"""

    name: str
    aliases: tuple[str, ...] = ()
    type: str = "other"
    edition: int | None = None
    date: str | None = None
    place: str | None = None
    organisers: tuple[str, ...] = ()
    theme: str | None = None
    participants: dict[str, Any] = field(default_factory=dict)
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "type": self.type,
            "edition": self.edition,
            "date": self.date,
            "place": self.place,
            "organisers": list(self.organisers),
            "theme": self.theme,
            "participants": dict(self.participants),
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what: ``X表示……`` or ``X：“……”``."""

    speaker: str | None
    verb: str | None
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "verb": self.verb, "text": self.text,
                "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extractors found (filled by ``qtext._extract``)."""

    entities: tuple[Entity, ...] = ()
    officials: tuple[Official, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateMention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    documents: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Summary:
    """One structured record per article: what, when, where, who, key points."""

    headline: str | None = None
    lead: str | None = None
    what: str | None = None
    when: str | None = None
    where: str | None = None
    who: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    key_points: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    sentences: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "headline": self.headline,
            "lead": self.lead,
            "what": self.what,
            "when": self.when,
            "where": self.where,
            "who": list(self.who),
            "organisations": list(self.organisations),
            "key_points": list(self.key_points),
            "keywords": list(self.keywords),
            "sentences": list(self.sentences),
        }


@dataclass(frozen=True, slots=True)
class Document:
    """What :func:`qtext.analyze` returns: the repaired text, the page read, the facts found.

    >>> import qtext
    >>> doc = qtext.analyze("国务委员王勇出席大会。")
    >>> doc.text
    '国务委员王勇出席大会。'
    >>> doc.to_dict()["schema"]
    'qtext.document/1'
    """

    text: str
    repair: Repair
    page: Page
    sentences: tuple[Span, ...] = ()
    tokens: Sequence[Token] = ()  # a TokenList when made by analyze
    extraction: Extraction = field(default_factory=Extraction)
    summary: Summary = field(default_factory=Summary)
    id: str | None = None

    # convenient views -------------------------------------------------------------------
    @property
    def title(self) -> str | None:
        return self.page.title

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p.text for p in self.page.paragraphs)

    @property
    def officials(self) -> tuple[Official, ...]:
        return self.extraction.officials

    @property
    def organisations(self) -> tuple[Organisation, ...]:
        return self.extraction.organisations

    @property
    def events(self) -> tuple[Event, ...]:
        return self.extraction.events

    @property
    def entities(self) -> tuple[Entity, ...]:
        return self.extraction.entities

    def account(self) -> tuple[tuple[int, int, str], ...]:
        """Where every non-blank part of ``text`` went: ``(start, end, part)`` in text order,
        ``part`` being ``"body"`` (a paragraph) or a ``Dropped.reason`` (``DROP_REASONS``).
        The parts do not overlap, and every character outside them is white space.

        >>> import qtext
        >>> qtext.analyze("大会在京举行\\n\\n来源：新华社\\n\\n　　大会1日在京举行，代表出席。").account()
        ((0, 6, 'title'), (8, 14, 'metadata'), (16, 30, 'body'))
        """
        parts = [(p.start, p.end, "body") for p in self.page.paragraphs]
        parts += [(d.start, d.end, d.reason) for d in self.page.dropped]
        parts.sort()
        return tuple(parts)

    def to_dict(self, *, tokens: bool = True) -> dict[str, Any]:
        """JSON-ready data (``schema`` ``qtext.document/1``); ``tokens=False`` leaves tokens out."""
        p = self.page
        ex = self.extraction
        return {
            "schema": SCHEMA,
            "id": self.id,
            "title": p.title,
            "subtitles": list(p.subtitles),
            "site": p.site,
            "url": p.url,
            "breadcrumb": list(p.breadcrumb),
            "published": p.published,
            "author": p.author,
            "source": p.source,
            "editor": p.editor,
            "views": p.views,
            "dateline": p.dateline.to_dict() if p.dateline else None,
            "text": self.text,
            "paragraphs": [s.text for s in p.paragraphs],
            "paragraph_spans": [[s.start, s.end] for s in p.paragraphs],
            "sentences": [s.to_dict() for s in self.sentences],
            "tokens": _token_dicts(self.tokens) if tokens else [],
            "entities": [e.to_dict() for e in ex.entities],
            "officials": [o.to_dict() for o in ex.officials],
            "organisations": [o.to_dict() for o in ex.organisations],
            "places": [x.to_dict() for x in ex.places],
            "dates": [x.to_dict() for x in ex.dates],
            "events": [x.to_dict() for x in ex.events],
            "quotes": [x.to_dict() for x in ex.quotes],
            "documents": [x.text for x in ex.documents],
            "summary": self.summary.to_dict(),
            "repair": {"encoding": self.repair.encoding,
                       "edits": sum(len(layer) for layer in self.repair.layers),
                       "changed": self.repair.changed},
            "notes": list(p.notes),
        }

    def _repr_html_(self) -> str:
        from ._render import render_fragment

        return render_fragment(self)


def _token_dicts(tokens: Sequence[Token]) -> list[dict[str, Any]]:
    """The tokens as dicts; a :class:`TokenList` makes them straight from its columns."""
    if isinstance(tokens, TokenList):
        return tokens.to_dicts()
    return [t.to_dict() for t in tokens]
