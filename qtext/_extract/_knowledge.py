"""The dictionaries the extractors read, loaded lazily once per process.

Invariants:
- nothing is read at import time; :func:`lexicon` builds everything on first use, under a lock,
  and keeps it for the life of the process (read-only afterwards, so threads may share it);
- dictionaries owned by other parts of qtext (places, countries, surnames, transliteration
  characters) are optional here: a missing file leaves that part of the lexicon empty instead of
  failing, and the extractors fall back on jieba's part-of-speech evidence;
- every dictionary scan is one compiled regular expression built from a trie of the keys, so a
  scan is a single left-to-right pass that takes the longest key at each place.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from .._errors import DictionaryError
from .._resources import read_table

__all__ = ["ABBR_VERBS", "Lexicon", "OrgInfo", "PlaceInfo", "TrieScanner", "lexicon", "trie_regex"]


@dataclass(frozen=True, slots=True)
class OrgInfo:
    """A known organisation: a stable key, its official name, type and English acronym."""

    key: str
    full: str
    type: str
    acronym: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    """A known place: a stable key (code or country name), its usual name and type."""

    key: str
    name: str
    type: str  # country, province, city, county, other


@dataclass(frozen=True, slots=True)
class Lexicon:
    titles: dict[str, tuple[str, int]]  # bare title → (kind, rank)
    prefixes: frozenset[str]
    orgs: dict[str, OrgInfo]  # every name, short form and acronym → the body
    suffixes: dict[str, str]  # organisation suffix → type
    max_suffix: int
    suffix_last: frozenset[str]  # last characters of the suffixes (a quick first test)
    places: dict[str, PlaceInfo]  # full and short names → place
    abbrs: dict[str, PlaceInfo]  # one-character abbreviations (美, 俄, 京, 沪), for compounds only
    abbr_pairs: re.Pattern[str]  # two abbreviations, or a verb and one (中美, 访华): candidates
    abbr_one: re.Pattern[str]  # one abbreviation before 方 or a title (中方, 俄总统): candidates
    surnames: frozenset[str]  # single-character surnames
    surnames2: frozenset[str]  # two-character surnames
    common_surnames: frozenset[str]  # the frequent ones (modern top 100 + well-known)
    translit: frozenset[str]
    given: dict[str, float]  # given-name character → name-likeness (log-ratio, > 0 name-like)
    nr_words: frozenset[str]  # two-character words jieba's dictionary tags nr (mostly not names)
    speech_verbs: tuple[str, ...]
    scan: TrieScanner  # titles (with prefixes), organisations and places in one pass
    kinds: dict[str, str]  # matched key → "TITLE" / "ORG" / "PLACE"


def trie_regex(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, the longest one at a given place.

    >>> re.fullmatch(trie_regex(["部长", "部", "副部长"]), "副部长") is not None
    True
    >>> re.match(trie_regex(["上海", "上海市"]), "上海市长").group()
    '上海市'
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg,unused-ignore]
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg,unused-ignore]
        ends = "" in node
        alts = []
        singles = []
        for ch in sorted(k for k in node if k):
            sub = build(node[ch])
            if sub:
                alts.append(re.escape(ch) + sub)
            else:
                singles.append(re.escape(ch))
        if singles:
            alts.append(singles[0] if len(singles) == 1 else "[" + "".join(singles) + "]")
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            if len(alts) == 1 and (len(body) == 1 or (body.startswith("[") and body.endswith("]"))):
                return body + "?"
            return "(?:" + body + ")?"
        return body

    return build(trie)


class TrieScanner:
    """Longest dictionary match at a place, and leftmost-longest matches over a text.

    One small trie regex per first character: a scan jumps from candidate to candidate with a
    character-class search, then tries only the keys that start with that character.

    >>> s = TrieScanner(["上海", "上海市", "市长"])
    >>> [(m.group(), m.start()) for m in s.finditer("上海市长应勇")]
    [('上海市', 0)]
    >>> s.match("应勇市长", 2).group()
    '市长'
    """

    __slots__ = ("_by_first", "_first")

    def __init__(self, words: Iterable[str]) -> None:
        groups: dict[str, list[str]] = {}
        for w in words:
            if w:
                groups.setdefault(w[0], []).append(w)
        self._by_first = {ch: re.compile(trie_regex(ws)) for ch, ws in groups.items()}
        self._first = re.compile("[" + "".join(re.escape(c) for c in sorted(groups)) + "]")

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        if pos >= len(text):
            return None
        sub = self._by_first.get(text[pos])
        return sub.match(text, pos) if sub is not None else None

    def finditer(self, text: str) -> Iterable[re.Match[str]]:
        pos = 0
        search = self._first.search
        by_first = self._by_first
        while True:
            c = search(text, pos)
            if c is None:
                return
            p = c.start()
            m = by_first[text[p]].match(text, p)
            if m is not None:
                yield m
                pos = m.end()
            else:
                pos = p + 1


_lock = threading.Lock()
_lexicon: Lexicon | None = None


def _table(name: str) -> tuple[dict[str, str], ...]:
    try:
        return read_table(name)[1]
    except DictionaryError:
        return ()


# Used only when surnames.tsv is missing: the modern top surnames.
_FALLBACK_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕"
    "丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武"
    "钱戴严莫孔向常汤康易乔赖文施洪辛柯庄满应栗艾万鄂佟杭岳裴尤祝"
)
# Well-known surnames outside the modern top 100 that news names often carry.
_EXTRA_COMMON = "栗汪尤蔡卢许应支韩郝吉艾沈杨冷皮袁焦邝谭吴谷"


# The one-character abbreviations (简称) of the provinces, as listed in the Ministry of Civil
# Affairs' 行政区划简册 (public facts). Used only inside compounds (京津, 青藏, 来京).
_PROVINCE_ABBR = {
    "北京市": "京",
    "天津市": "津",
    "上海市": "沪",
    "重庆市": "渝",
    "河北省": "冀",
    "山西省": "晋",
    "内蒙古自治区": "蒙",
    "辽宁省": "辽",
    "吉林省": "吉",
    "黑龙江省": "黑",
    "江苏省": "苏",
    "浙江省": "浙",
    "安徽省": "皖",
    "福建省": "闽",
    "江西省": "赣",
    "山东省": "鲁",
    "河南省": "豫",
    "湖北省": "鄂",
    "湖南省": "湘",
    "广东省": "粤",
    "广西壮族自治区": "桂",
    "海南省": "琼",
    "四川省": "川",
    "贵州省": "黔",
    "云南省": "滇",
    "西藏自治区": "藏",
    "陕西省": "陕",
    "甘肃省": "甘",
    "青海省": "青",
    "宁夏回族自治区": "宁",
    "新疆维吾尔自治区": "新",
    "香港特别行政区": "港",
    "澳门特别行政区": "澳",
    "台湾省": "台",
}


# Continents, world regions and China's traditional regions (geographic facts; not in the
# division or country tables). Matched like any place name.
_REGIONS = (
    "亚洲 欧洲 非洲 美洲 北美洲 南美洲 大洋洲 南极洲 北美 南美 拉美 拉丁美洲 中东 近东 远东 东亚 南亚 "
    "东南亚 中亚 西亚 北非 东非 西非 南部非洲 东欧 西欧 北欧 南欧 中欧 亚太 欧亚 加勒比 "
    "华北 华东 华南 华中 东北 西北 西南 江南 中原 岭南 关中 江淮 塞北 "
    "地球 月球 火星 太平洋 大西洋 印度洋 北冰洋 地中海 渤海 黄海 东海 南海"
)

#: Verbs that take a one-character place abbreviation as object: 访华, 来京, 驻美.
ABBR_VERBS = "访来赴驻在对侵援旅抵返离进出"


def _abbr_pairs(abbrs: dict[str, PlaceInfo]) -> re.Pattern[str]:
    cls = "[" + "".join(re.escape(c) for c in sorted(abbrs)) + "]" if abbrs else "(?!)"
    return re.compile(f"(?:{cls}|[{ABBR_VERBS}]){cls}")


def _abbr_one(abbrs: dict[str, PlaceInfo]) -> re.Pattern[str]:
    cls = "[" + "".join(re.escape(c) for c in sorted(abbrs)) + "]" if abbrs else "(?!)"
    return re.compile(cls)


def _load() -> Lexicon:
    titles: dict[str, tuple[str, int]] = {}
    for row in _table("titles.tsv"):
        try:
            rank = int(row.get("rank") or 9)
        except ValueError:
            rank = 9
        titles[row["title"]] = (row.get("kind") or "other", rank)
    prefixes = frozenset(r["prefix"] for r in _table("title_prefixes.tsv"))

    orgs: dict[str, OrgInfo] = {}
    for row in _table("orgs_cn.tsv"):
        oinfo = OrgInfo(row["id"], row["full"], row.get("kind") or "other", row.get("abbr") or None)
        for name in [row["full"], *(row.get("short") or "").split("|")]:
            if name and name not in orgs:
                orgs[name] = oinfo
    for row in _table("orgs_intl.tsv"):
        acr = row.get("acronym") or None
        oinfo = OrgInfo("intl:" + row["full"], row["full"], row.get("kind") or "international", acr)
        for name in [row["full"], *(row.get("short") or "").split("|")]:
            if name and name not in orgs:
                orgs[name] = oinfo
    suffixes = {r["suffix"]: r.get("type") or "other" for r in _table("org_suffixes.tsv")}

    places: dict[str, PlaceInfo] = {}
    abbrs: dict[str, PlaceInfo] = {}
    for row in _table("countries.tsv"):
        name = row.get("name") or ""
        if not name:
            continue
        info = PlaceInfo("country:" + name, name, "country")
        ab = row.get("abbr") or ""
        if len(ab) == 1 and ab not in abbrs:
            abbrs[ab] = info
        elif len(ab) >= 2 and ab not in places:
            places[ab] = info  # 印尼
        for n in (name, row.get("full") or "", row.get("cldr_name") or "", row.get("former") or ""):
            if len(n) >= 2 and n not in places:
                places[n] = info
        for city in (row.get("capital") or "", *(row.get("cities") or "").split("/")):
            if len(city) >= 2 and city not in places:
                places[city] = PlaceInfo("city:" + city, city, "city")
    for row in _table("world_cities.tsv"):
        city = row.get("city") or ""
        if len(city) >= 2 and city not in places:
            places[city] = PlaceInfo("city:" + city, city, "city")
    level_type = {"1": "province", "2": "city", "3": "county"}
    for row in _table("places_cn.tsv"):
        name = row.get("name") or ""
        if not name:
            continue
        typ = level_type.get(row.get("level") or "", "other")
        if row.get("type") == "直辖市":
            typ = "city"
        info = PlaceInfo(row.get("code") or name, name, typ)
        short = row.get("short") or ""
        # historical names and current ones alike; a current unit wins a shared name
        cur = places.get(name)
        if cur is None or (not row.get("valid_to") and cur.type != "country"):
            places[name] = info
        if len(short) >= 2 and typ in ("province", "city") and short not in places:
            places[short] = info
        if typ == "province" and name in _PROVINCE_ABBR and _PROVINCE_ABBR[name] not in abbrs:
            abbrs[_PROVINCE_ABBR[name]] = info
    for region in _REGIONS.split():
        places.setdefault(region, PlaceInfo("region:" + region, region, "other"))
    if "中国" in places:
        abbrs.setdefault("中", places["中国"])
        abbrs.setdefault("华", places["中国"])
    # surnames
    surnames: set[str] = set()
    surnames2: set[str] = set()
    common: set[str] = set(_EXTRA_COMMON)
    rows = _table("surnames.tsv")
    for row in rows:
        s = row.get("surname") or ""
        if len(s) == 1:
            surnames.add(s)
            if row.get("rank_or_freq"):
                common.add(s)
        elif len(s) == 2:
            surnames2.add(s)
    if not rows:
        surnames.update(_FALLBACK_SURNAMES)
        common.update(_FALLBACK_SURNAMES)
        surnames2.update(("欧阳", "司马", "上官", "诸葛", "东方", "慕容", "令狐", "皇甫", "尉迟", "公孙"))
    surnames.update(_EXTRA_COMMON)
    # place-name syllables and the person-name supplement the repair step uses, together
    translit = {r.get("char", "") for r in _table("translit_chars.tsv")}
    translit |= {r.get("char", "") for r in _table("repair_translit_chars.tsv")}
    translit.discard("")
    given: dict[str, float] = {}
    for row in _table("given_name_chars.tsv"):
        try:
            given[row.get("char") or ""] = float(row.get("score") or "")
        except ValueError:
            continue
    given.pop("", None)
    nr_words = frozenset(r.get("word") or "" for r in _table("name_tagged_words.tsv")) - {""}
    verbs = tuple(sorted((r.get("verb") or "" for r in _table("speech_verbs.tsv")), key=len, reverse=True))

    kinds: dict[str, str] = {}
    for p in places:
        kinds[p] = "PLACE"
    for t in titles:
        kinds[t] = "TITLE"
        for p in prefixes:
            kinds[p + t] = "TITLE"
            if p in ("原", "前", "时任", "新任", "现任", "候任", "新当选", "首任", "卸任"):
                for q in ("副", "常务副", "代理", "第一副", "执行"):
                    kinds[p + q + t] = "TITLE"
    for o in orgs:
        kinds[o] = "ORG"
    scan = TrieScanner(kinds)
    return Lexicon(
        titles=titles,
        prefixes=prefixes,
        orgs=orgs,
        suffixes=suffixes,
        max_suffix=max((len(s) for s in suffixes), default=0),
        suffix_last=frozenset(s[-1] for s in suffixes),
        places=places,
        abbrs=abbrs,
        abbr_pairs=_abbr_pairs(abbrs),
        abbr_one=_abbr_one(abbrs),
        surnames=frozenset(surnames),
        surnames2=frozenset(surnames2),
        common_surnames=frozenset(common & surnames),
        translit=frozenset(translit),
        given=given,
        nr_words=nr_words,
        speech_verbs=verbs,
        scan=scan,
        kinds=kinds,
    )


def lexicon() -> Lexicon:
    """The extractors' dictionaries, built on first use and cached for the process."""
    global _lexicon
    if _lexicon is None:
        with _lock:
            if _lexicon is None:
                _lexicon = _load()
    return _lexicon
