"""Lazy, cached loaders for the gazetteer-type dictionaries (places, countries, surnames …).

Invariants:
- nothing is read at import time; each loader reads its file on first call and caches the
  result for the life of the process (``functools.lru_cache``);
- results are immutable: tuples of frozen records, ``frozenset`` or read-only mappings.

>>> from qtext import _lexicon
>>> [p.name for p in _lexicon.places_by_name()["莱芜市"] if p.level == 2][0]
'莱芜市'
>>> _lexicon.country("荷兰").capital
'阿姆斯特丹'
>>> _lexicon.translit_score("米尔扎耶夫")
1.0
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ._once import once
from ._resources import read_rows, read_table

__all__ = [
    "Country",
    "Place",
    "PlaceAlias",
    "Surname",
    "WorldCity",
    "countries",
    "country",
    "idf",
    "idf_median",
    "place_aliases",
    "places",
    "places_by_code",
    "places_by_name",
    "surnames",
    "translit_chars",
    "translit_score",
    "world_cities",
]


@dataclass(frozen=True, slots=True)
class Place:
    """One row of ``places_cn.tsv``: a PRC division, current (``valid_to == ""``) or former."""

    code: str
    name: str
    level: int  # 1 province, 2 prefecture, 3 county
    parent: str
    type: str
    short: str
    valid_from: str
    valid_to: str

    @property
    def current(self) -> bool:
        return not self.valid_to


@dataclass(frozen=True, slots=True)
class PlaceAlias:
    """One row of ``places_cn_alias.tsv`` (context-only abbreviations such as 沪, 穗, 乌市)."""

    alias: str
    name: str
    code: str
    kind: str
    source: str


@dataclass(frozen=True, slots=True)
class Country:
    """One row of ``countries.tsv``; ``abbr`` is context-only (中美, 访俄)."""

    name: str
    full: str
    capital: str
    iso: str
    continent: str
    cldr_name: str
    former: str
    cities: tuple[str, ...]
    abbr: str
    abbr_note: str


@dataclass(frozen=True, slots=True)
class Surname:
    surname: str
    rank: int | None  # modern frequency rank (1-100) when known
    source: str


@once
def places() -> tuple[Place, ...]:
    """All rows of ``places_cn.tsv`` (current and former divisions)."""
    return tuple(
        Place(r[0], r[1], int(r[2]), r[3], r[4], r[5], r[6], r[7]) for r in read_rows("places_cn.tsv")
    )


@once
def places_by_code() -> Mapping[str, Place]:
    """Current divisions by 6-digit code."""
    return MappingProxyType({p.code: p for p in places() if p.current})


@once
def places_by_name() -> Mapping[str, tuple[Place, ...]]:
    """Divisions (current first, then former) by official name and by short name."""
    out: dict[str, list[Place]] = {}
    for p in sorted(places(), key=lambda p: (not p.current, p.level)):
        out.setdefault(p.name, []).append(p)
        if p.short != p.name:
            out.setdefault(p.short, []).append(p)
    return MappingProxyType({k: tuple(v) for k, v in out.items()})


@once
def place_aliases() -> tuple[PlaceAlias, ...]:
    return tuple(PlaceAlias(*r[:5]) for r in read_rows("places_cn_alias.tsv"))


@once
def countries() -> tuple[Country, ...]:
    _, rows = read_table("countries.tsv")
    return tuple(
        Country(
            r["name"], r["full"], r["capital"], r["iso"], r["continent"], r["cldr_name"], r["former"],
            tuple(c for c in r["cities"].split("/") if c), r["abbr"], r["abbr_note"],
        )
        for r in rows
    )


@once
def _countries_by_name() -> Mapping[str, Country]:
    out: dict[str, Country] = {}
    for c in countries():
        for key in (c.full, c.cldr_name, c.former, c.name):
            if key:
                out[key] = c
    return MappingProxyType(out)


def country(name: str) -> Country | None:
    """A country by short, full, CLDR or former name (``荷兰``, ``荷兰王国``, ``马其顿``)."""
    return _countries_by_name().get(name)


@dataclass(frozen=True, slots=True)
class WorldCity:
    """One row of ``world_cities.tsv``: a city outside China and its country."""

    city: str
    iso: str
    country: str
    capital: bool
    tz: str


@once
def world_cities() -> Mapping[str, WorldCity]:
    """Cities outside China by Chinese name (基辅 → UA)."""
    return MappingProxyType(
        {r[0]: WorldCity(r[0], r[1], r[2], r[3] == "capital", r[4]) for r in read_rows("world_cities.tsv")}
    )


@once
def surnames() -> tuple[Surname, ...]:
    return tuple(Surname(r[0], int(r[2]) if r[2] else None, r[3]) for r in read_rows("surnames.tsv"))


@once
def translit_chars() -> Mapping[str, int]:
    """Characters typical of transliterated foreign names → in how many known names they occur."""
    return MappingProxyType({r[0]: int(r[1]) for r in read_rows("translit_chars.tsv")})


def translit_score(word: str) -> float:
    """Share of the Han characters of ``word`` that are transliteration characters (0.0–1.0).

    Name separators (``·``) are ignored. ``米尔扎耶夫`` → 1.0, ``经济发展`` → 0.25.
    """
    chars = [c for c in word if "\u4e00" <= c <= "\u9fff"]
    if not chars:
        return 0.0
    table = translit_chars()
    return sum(1 for c in chars if c in table) / len(chars)


@once
def idf() -> Mapping[str, float]:
    """jieba 0.42.1's inverse document frequencies (word → idf)."""
    return MappingProxyType({r[0]: float(r[1]) for r in read_rows("idf.tsv")})


_MEDIAN = re.compile(r"median idf = ([0-9.]+)")


@once
def idf_median() -> float:
    """The median idf, stated in ``idf.tsv``'s header: the value for words the table lacks."""
    from ._resources import dictionary_path

    with dictionary_path("idf.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                break
            m = _MEDIAN.search(line)
            if m:
                return float(m.group(1))
    values = sorted(idf().values())
    return values[len(values) // 2]
