"""Places: one record per place named on its own (not inside an organisation's name).

>>> from qtext._extract._mentions import find_mentions
>>> [(p.name, p.type) for p in build_places(find_mentions("代表团抵达荷兰。", []))]
[('荷兰', 'country')]
"""

from __future__ import annotations

from collections.abc import Sequence

from .._document import Place, Span
from ._mentions import Mention

__all__ = ["build_places"]


def build_places(mentions: Sequence[Mention]) -> list[Place]:
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.label == "PLACE":
            groups.setdefault(m.key or "place:" + m.text, []).append(m)
    out = []
    for key, ms in groups.items():
        code = key if key[:1].isdigit() else None
        out.append(
            Place(ms[0].text, ms[0].type or "other", code, tuple(Span(m.text, m.start, m.end) for m in ms))
        )
    return out
