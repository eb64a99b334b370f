"""Officials: one record per person, with every title the article gives them.

The mentions of a sentence are read as chains::

    [ORG|PLACE]* TITLE ( (、|兼|和|及) [ORG|PLACE]* TITLE )* PERSON ( 、 PERSON )*

- ``质检总局局长支树平``: (局长, 质检总局);
- ``乌兹别克斯坦副总理兼农业水利部部长米尔扎耶夫``: (副总理, 乌兹别克斯坦), (部长, 农业水利部);
- ``质检总局党组成员、国家标准委主任田世宏``: each title keeps its own organisation; a title
  without one takes the organisation of the title before it in the chain;
- ``记者李锋、王慧``, ``副委员长王晨、曹建明``: the titles go to every name of the list;
- ``奥利总理``: a title right after a name, with no name after it, belongs to that name;
- a person named without a title (``栗战书、汪洋出席``) is an official with no titles, and every
  mention of a name (``王勇指出``) is linked to the same record.

>>> from qtext._extract._mentions import find_mentions
>>> from qtext._extract._officials import build_officials
>>> text = "质检总局局长支树平主持。"
>>> officials = build_officials(text, find_mentions(text, []))
>>> [(o.name, [(t.title, t.organisation) for t in o.titles]) for o in officials]
[('支树平', [('局长', '质检总局')])]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .._document import Official, OfficialTitle, Span
from ._mentions import Mention

__all__ = ["build_officials", "chain_gap"]

_JOIN = frozenset({"、", "兼", "和", "及", "、兼", "兼任", "，兼"})
_ACRONYM_GAP = re.compile(r"[（(][A-Za-z][A-Za-z0-9&\-. ]{0,15}[)）]")


def chain_gap(gap: str) -> str:
    """How two neighbouring mentions are linked: ``adjacent``, ``joined`` or ``broken``."""
    if gap == "" or _ACRONYM_GAP.fullmatch(gap):
        return "adjacent"
    if gap in _JOIN:
        return "joined"
    return "broken"


def _add_title(titles: list[OfficialTitle], new: OfficialTitle) -> None:
    for i, t in enumerate(titles):
        if t.title == new.title:
            if t.organisation is None and new.organisation is not None:
                titles[i] = new
                return
            if new.organisation is None or new.organisation == t.organisation:
                return
            continue  # the same title in another body (主任委员 of two committees)
        # 习近平主席 after 国家主席习近平: the bare title adds nothing
        if new.organisation is None and t.title.endswith(new.title):
            return
    titles.append(new)


def build_officials(text: str, mentions: Sequence[Mention]) -> list[Official]:
    """One :class:`Official` per person found in ``mentions`` (sorted, non-overlapping)."""
    titles_of: dict[str, list[OfficialTitle]] = {}
    spans_of: dict[str, list[Span]] = {}
    chain: list[OfficialTitle] = []
    list_titles: list[OfficialTitle] = []
    org: Mention | None = None  # organisation/place right before the current position
    prev: Mention | None = None
    cursor = -1
    ms = list(mentions)
    for idx, m in enumerate(ms):
        link = chain_gap(text[cursor : m.start]) if cursor >= 0 else "broken"
        if m.label in ("ORG", "PLACE"):
            if link == "adjacent" and org is not None and prev is not None and prev.end == org.end:
                org = Mention(org.text + text[org.end : m.start] + m.text, "ORG", org.start, m.end)
            else:
                if link == "broken":
                    chain = []
                org = m
            list_titles = []
        elif m.label == "TITLE":
            nxt = ms[idx + 1] if idx + 1 < len(ms) else None
            name_follows = nxt is not None and nxt.label == "PERSON" and nxt.start == m.end
            chain_follows = (
                nxt is not None and nxt.label in ("TITLE", "ORG", "PLACE") and text[m.end : nxt.start] == "、"
            )
            if (
                not name_follows
                and not chain_follows
                and prev is not None
                and prev.label == "PERSON"
                and link == "adjacent"
                and not chain
            ):
                # 奥利总理, 普拉昌达主席
                _add_title(titles_of[prev.text], OfficialTitle(m.text, None))
                cursor, prev = m.end, m
                org = None
                continue
            own = (
                org.text
                if org is not None and prev is not None and prev.end == org.end and link == "adjacent"
                else None
            )
            if link == "broken" or (prev is not None and prev.label == "PERSON" and link != "adjacent"):
                chain = []
            if own is None and chain and link == "joined":
                own = chain[-1].organisation
            elif (
                own is None
                and not chain
                and (link == "joined" or text[cursor : m.start] == "，")
                and prev is not None
                and prev.label == "PERSON"
                and list_titles
            ):
                # 行政长官崔世安、候任行政长官贺一诚; 国王西哈莫尼和太后莫尼列;
                # 常委会副委员长王晨、曹建明，秘书长杨振武
                own = list_titles[-1].organisation
            chain.append(OfficialTitle(m.text, own))
            org = None
            list_titles = []
        else:  # PERSON
            titles_of.setdefault(m.text, [])
            spans_of.setdefault(m.text, []).append(Span(m.text, m.start, m.end))
            given: list[OfficialTitle] = []
            if link == "adjacent" and chain and prev is not None and prev.label == "TITLE":
                given = chain
                list_titles = chain
            elif (
                link == "joined"
                and prev is not None
                and prev.label == "PERSON"
                and text[cursor : m.start] == "、"
            ):
                given = list_titles
            else:
                list_titles = []
            for t in given:
                _add_title(titles_of[m.text], t)
            chain = []
            org = None
        cursor, prev = m.end, m
    return [Official(_clean_name(name), tuple(titles_of[name]), tuple(spans_of[name])) for name in spans_of]


def _clean_name(name: str) -> str:
    """The name as it should read: a separator lost as ``？`` is the middle dot again."""
    return name.replace("？", "·").replace("?", "·") if len(name) > 2 else name
