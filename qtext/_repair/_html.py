"""Repair step ``html``: HTML entities and stray tags left in text.

- Entities, named or numeric, also escaped twice (``&amp;ldquo;``), become their characters:
  ``&#20013;`` → ``中``, ``&ldquo;`` → ``“``, ``&amp;`` → ``&``. ``&nbsp;`` becomes a plain
  space (the typeset step then keeps or drops it as PRC typesetting has it). Entities that name
  no character (``&#0;``, ``&foo;``) stay as they are.
- Tags of HTML's vocabulary become a newline when they break a line or a block (``<br>``,
  ``<p>``, ``</div>``…) and disappear otherwise (``</span>``, ``<font color=red>``). A run of
  tags and the whitespace between them becomes one change. Tags that could be maths (``a<b>c``,
  ``<i>``, ``<p>`` with no attributes) are only removed when the text holds unambiguous HTML too.
- ``<`` and ``>`` used as comparison (``x<5``, ``a < b``) and ``《》`` are never touched: a tag
  needs a known tag name right after ``<`` and no ``<``/``>``/newline inside.

>>> from qtext._config import RepairConfig
>>> [tuple(c[:3]) for c in find_changes("云&#21335;&ldquo;西电&rdquo;<br/>x<5", RepairConfig())]
[(1, 9, '南'), (9, 16, '“'), (18, 25, '”'), (25, 30, '\\n')]
"""

from __future__ import annotations

import functools
import html
import re

from .._config import RepairConfig
from ._edits import Change, Trigger, new_change

__all__ = ["find_changes", "trigger"]

#: tags that end a line or a block: they leave a newline behind
BLOCK_TAGS = (
    "address", "article", "aside", "blockquote", "br", "center", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul",
)
#: inline tags: they leave nothing behind
INLINE_TAGS = (
    "a", "abbr", "b", "big", "cite", "code", "del", "em", "font", "i", "img", "ins", "kbd", "label",
    "mark", "q", "s", "small", "span", "strike", "strong", "sub", "sup", "tt", "u", "var", "wbr",
)
#: tags short enough to be maths or a placeholder when bare (``a<b>c``): removed only with evidence
AMBIGUOUS = frozenset(["a", "b", "i", "p", "q", "s", "u", "em"])

_NAMES = "|".join(sorted(BLOCK_TAGS + INLINE_TAGS, key=lambda t: (-len(t), t)))
_TAG = rf"<(/?)({_NAMES})(?![\w-])(?:\s[^<>\n]{{0,400}}?)?\s*/?>|<!--[^\n]{{0,400}}?-->"
_ENTITY = r"&(?:amp;)*(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[a-zA-Z][a-zA-Z0-9]{1,31};)"
_BLOCK = frozenset(BLOCK_TAGS)

_PRECHECK = re.compile(r"&(?:#|[a-zA-Z]{2,})|<[/!a-zA-Z]")
_FIND = re.compile(
    rf"(?P<entity>{_ENTITY})|(?P<tags>(?:{_TAG})(?:[ \t\r\n]*(?:{_TAG}))*)",
    re.IGNORECASE,
)
_ONE_TAG = re.compile(_TAG, re.IGNORECASE)
#: unambiguous HTML: a closing tag, a tag with attributes, or a tag no one writes by accident
_EVIDENCE = re.compile(
    rf"</({_NAMES})\s*>|<({_NAMES})\s+[a-zA-Z-]+\s*=|<(br|div|span|font|img|strong|table|td|tr|li|h[1-6])\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)
def _entity(raw: str) -> str | None:
    """The text an entity stands for, or None when it names nothing."""
    inner = raw
    while inner.lower().startswith("&amp;") and len(inner) > 5:
        inner = "&" + inner[5:]
    if inner == "&":
        return "&"
    if not inner.endswith(";"):
        inner += ";"
    if inner.lower() in ("&nbsp;", "&#160;", "&#xa0;"):
        return " "
    out = html.unescape(inner)
    if out == inner or "\ufffd" in out or not out:
        return None
    if any(ord(c) < 0x20 and c not in "\t\n" for c in out):
        return None
    return out


def trigger() -> Trigger:
    """An entity starts with ``&`` and a tag with ``<``: without either, nothing to do."""
    return Trigger("&<")


def find_changes(text: str, config: RepairConfig) -> list[Change]:
    """Return the changes this step makes to ``text`` (sorted, non-overlapping)."""
    if _PRECHECK.search(text) is None:
        return []
    evidence: bool | None = None
    out: list[Change] = []
    for m in _FIND.finditer(text):
        if m.group("entity") is not None:
            rep = _entity(m.group())
            if rep is not None:
                out.append(new_change(Change, (m.start(), m.end(), rep, "HTML entity")))
            continue
        tags = list(_ONE_TAG.finditer(m.group()))
        names = {(t.group(2) or "").lower() for t in tags}
        if names <= AMBIGUOUS and all(t.group(0).endswith(f"{t.group(2)}>") for t in tags if t.group(2)):
            if evidence is None:
                evidence = _EVIDENCE.search(text) is not None
            if not evidence:
                continue
        s, e = m.span()
        block = any(n in _BLOCK for n in names)
        # a block tag breaks the line, unless the text already breaks or ends there
        newline = block and s > 0 and e < len(text) and text[s - 1] != "\n" and text[e] != "\n"
        out.append(Change(s, e, "\n" if newline else "", "stray HTML tag"))
    return out
