"""Word lists the event, quote and summary extractors share, derived from the one lexicon.

Each is computed once per process from :func:`qtext._extract._knowledge.lexicon`, so no
dictionary file is read twice and a missing file fails loudly (``DictionaryError``) instead of
silently leaving an extractor without data.
"""

from __future__ import annotations

from .._once import once
from ._knowledge import lexicon

__all__ = ["place_names", "region_names", "speech_verbs", "title_ranks", "title_words"]


@once
def title_words() -> tuple[str, ...]:
    """Bare titles of two characters or more, longest first (for scanning back from a name)."""
    return tuple(sorted((t for t in lexicon().titles if len(t) >= 2), key=len, reverse=True))


@once
def title_ranks() -> dict[str, int]:
    """Title → rank (lower is more senior), for titles that have one."""
    return {t: rank for t, (_, rank) in lexicon().titles.items() if rank}


@once
def place_names() -> frozenset[str]:
    """Every known place name: PRC divisions (full and short), countries, world cities."""
    return frozenset(lexicon().places)


@once
def region_names() -> frozenset[str]:
    """Countries, provinces and prefecture-level cities (full and short names)."""
    return frozenset(n for n, p in lexicon().places.items() if p.type in ("country", "province", "city"))


@once
def speech_verbs() -> tuple[str, ...]:
    """Speech verbs (表示, 指出 …), longest first."""
    return tuple(sorted(lexicon().speech_verbs, key=len, reverse=True))
