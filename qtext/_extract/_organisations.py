"""Organisations: one record per body, with every name the article uses for it.

- names of one body are joined through the dictionaries (``国家质检总局`` and ``质检总局`` are
  both 国家质量监督检验检疫总局);
- ``国际标准化组织（ISO）`` gives the abbreviation ISO; ``（以下简称“国家标准委”）`` gives an
  alias, and later uses of the alias are mentions of the same body;
- an unknown body written once with its country and once without (``乌兹别克斯坦农业水利部``,
  ``农业水利部``) is one record.

>>> from qtext._extract._mentions import find_mentions
>>> text = "国际标准化组织（ISO）主席张晓刚出席。"
>>> [(o.name, o.abbreviation, o.type) for o in build_organisations(text, find_mentions(text, []))]
[('国际标准化组织', 'ISO', 'international')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .._document import Organisation, Span
from ._knowledge import Lexicon, lexicon
from ._mentions import Mention
from ._scan import all_matches

__all__ = ["alias_mentions", "build_organisations"]

_ACRONYM = re.compile(r"[（(]([A-Z][A-Za-z0-9&\-.]{1,15})[)）]")
_ALIAS = re.compile(r"[（(](?:以下)?(?:简称|下称)[“\"「‘]?([^”\"」’（）()，,。]{2,16})[”\"」’]?[)）]")
_TYPES = frozenset(
    {
        "government",
        "party",
        "legislature",
        "international",
        "company",
        "media",
        "association",
        "education",
        "other",
    }
)


def alias_mentions(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions of aliases the article defines (``（以下简称“X”）``), at every later use.

    An alias defined twice (the same sentence repeated on a page) is the first definer's, once
    per place: not one mention per definition at every use.
    """
    definers: dict[str, Mention] = {}
    for m in mentions:
        if m.label != "ORG":
            continue
        a = _ALIAS.match(text, m.end)
        if a is not None:
            definers.setdefault(a.group(1), m)
    if not definers:
        return []
    found = all_matches(text, definers)  # one pass for every alias
    out: list[Mention] = []
    for alias, m in definers.items():
        key = m.key or "org:" + m.text
        out.extend(Mention(alias, "ORG", s, s + len(alias), key, m.type, "alias")
                   for s in found.get(alias, ()))
    return out


def _strip_place(name: str, lex: Lexicon) -> str | None:
    for k in range(min(len(name) - 2, 8), 1, -1):
        if name[:k] in lex.places:
            return name[k:]
    return None


def build_organisations(
    text: str, mentions: Sequence[Mention], lex: Lexicon | None = None
) -> list[Organisation]:
    lex = lex or lexicon()
    orgs = [m for m in mentions if m.label == "ORG" and m.source != "bare"]
    texts = {m.text for m in orgs}
    groups: dict[str, list[Mention]] = {}
    for m in orgs:
        key = m.key or "org:" + m.text
        if key.startswith("org:"):
            rest = _strip_place(m.text, lex)
            if rest and rest in texts and rest in lex.orgs:
                key = lex.orgs[rest].key
            elif rest and rest in texts:
                key = "org:" + rest
        groups.setdefault(key, []).append(m)
    out: list[Organisation] = []
    for ms in groups.values():
        names: list[str] = []
        for m in ms:
            if m.text not in names:
                names.append(m.text)
        abbr: str | None = None
        for m in ms:
            a = _ACRONYM.match(text, m.end)
            if a is not None:
                abbr = a.group(1)
                break
        info = lex.orgs.get(ms[0].text)
        if abbr is None and info is not None and info.acronym and info.acronym in text:
            abbr = info.acronym
        ascii_names = [n for n in names if n.isascii()]
        if abbr is None and ascii_names:
            abbr = ascii_names[0]
        han = [n for n in names if not n.isascii()] or names
        name = max(han, key=len)
        typ = next((m.type for m in ms if m.type in _TYPES), "other")
        out.append(
            Organisation(
                name=name,
                aliases=tuple(n for n in names if n != name and n != abbr),
                abbreviation=abbr,
                type=typ or "other",
                mentions=tuple(Span(m.text, m.start, m.end) for m in ms),
            )
        )
    return out
