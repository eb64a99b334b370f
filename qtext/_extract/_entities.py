"""Entities: every mention as ``{text, label, start, end}``, and 《…》 documents.

>>> [(d.text, d.start) for d in find_documents("发布《上海质量宣言》。")]
[('上海质量宣言', 3)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .._document import DateMention, Entity, Event, Span
from ._knowledge import lexicon
from ._mentions import Mention

__all__ = ["build_entities", "find_documents"]

_DOC = re.compile(r"《([^《》\n]{1,80})》")


def find_documents(text: str) -> list[Span]:
    """The titles between 《 and 》 (laws, documents, books, newspapers), without the brackets."""
    return [Span(m.group(1), m.start(1), m.end(1)) for m in _DOC.finditer(text)]


def _government_of(name: str) -> str | None:
    """The country of ``X政府`` / ``X新政府``, else None."""
    for tail in ("新政府", "政府"):
        if name.endswith(tail) and len(name) > len(tail):
            return name[: -len(tail)]
    return None


def _join_bodies(ents: list[Entity]) -> list[Entity]:
    """A place or body written right before a body names one organisation: ``美国`` + ``财政部``
    → ``美国财政部``, ``联合国`` + ``安理会`` → ``联合国安理会`` (news NER corpora tag the full name)."""
    ents = sorted(ents, key=lambda e: (e.start, -e.end))
    out: list[Entity] = []
    for e in ents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and e.label == "ORG"
            and prev.label in ("PLACE", "ORG")
            and prev.end == e.start
            and not (prev.label == "PLACE" and len(prev.text) == 1)
        ):
            out[-1] = Entity(prev.text + e.text, "ORG", prev.start, e.end)
            continue
        out.append(e)
    return out


def build_entities(
    mentions: Sequence[Mention],
    documents: Sequence[Span] = (),
    dates: Sequence[DateMention] = (),
    events: Sequence[Event] = (),
) -> list[Entity]:
    places = lexicon().places
    out = []
    for m in mentions:
        head = _government_of(m.text) if m.label == "ORG" else None
        if head is not None and head in places:
            # 美国政府: news corpora (People's Daily) tag the country, not "X government"
            out.append(Entity(head, "PLACE", m.start, m.start + len(head)))
        elif (
            m.label == "TITLE"
            and len(m.text) >= 4
            and m.text.endswith("部长")
            and not m.text.startswith("副")
        ):
            # 外交部长: the ministry is the entity (外交部 + 长), as news NER corpora tag it
            out.append(Entity(m.text[:-1], "ORG", m.start, m.end - 1))
        else:
            out.append(Entity(m.text, m.label, m.start, m.end))
    out = _join_bodies(out)
    out += [Entity(d.text, "DOCUMENT", d.start, d.end) for d in documents]
    out += [Entity(d.text, "DATE", d.start, d.end) for d in dates]
    seen: set[tuple[int, int]] = set()
    for ev in events:
        spans: Iterable[Span] = ev.mentions
        for s in spans:
            if (s.start, s.end) not in seen:
                seen.add((s.start, s.end))
                out.append(Entity(s.text, "EVENT", s.start, s.end))
    out.sort(key=lambda e: (e.start, -e.end, e.label))
    return out
