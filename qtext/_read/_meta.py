"""Labelled metadata fields: ``发布时间：2017-09-19 作者： 来源：国家质检总局 浏览：1412``.

A *meta line* is a short line made mostly of labelled fields (``label：value`` with a full- or
half-width colon, or ``【label】value``), possibly starting with a bare date/time. Several fields
may share a line; a value runs to the next label, a wide gap (two spaces, an ideographic space,
a tab or ``|``) or the end of the line. The labels and the furniture words live in
``dictionaries/meta_labels.tsv``.

>>> f = parse_meta_line("发布时间:2017-09-19 作者: 来源:国家质检总局 浏览:1412")
>>> (f.published, f.author, f.source, f.views)
('2017-09-19', None, '国家质检总局', 1412)
>>> parse_meta_line("2019-10-01 10:32:15　来源：人民日报　作者：李 华　阅读：7928次").author
'李华'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .._once import once
from .._resources import read_rows

__all__ = [
    "MetaLine",
    "breadcrumb_words",
    "credit_words",
    "furniture_words",
    "label_fields",
    "other_labels",
    "parse_date",
    "parse_meta_line",
]

META_FIELDS = ("published", "updated", "source", "author", "editor", "views")


@once
def label_fields() -> dict[str, str]:
    """``{label: field}`` from ``meta_labels.tsv`` (loaded once, on first use)."""
    return {row[0]: row[1] for row in read_rows("meta_labels.tsv") if len(row) >= 2}


@once
def furniture_words() -> tuple[str, ...]:
    """Labels of page furniture (share, print, previous/next, copyright …), longest first."""
    words = [k for k, v in label_fields().items() if v == "furniture"]
    return tuple(sorted(words, key=len, reverse=True))


@once
def other_labels() -> tuple[str, ...]:
    """Labels read only to end a value (校对, 标签 …): a short line they open is furniture."""
    return tuple(sorted((k for k, v in label_fields().items() if v == "other"), key=len, reverse=True))


@once
def credit_words() -> tuple[str, ...]:
    """Words that make a short line a credit or disclaimer (转载请注明, 如有侵权 …)."""
    return tuple(sorted((k for k, v in label_fields().items() if v == "credit"), key=len, reverse=True))


@once
def breadcrumb_words() -> tuple[str, ...]:
    words = [k for k, v in label_fields().items() if v == "breadcrumb"]
    return tuple(sorted(words, key=len, reverse=True))


def _trie_pattern(words: list[str]) -> str:
    """An alternation of ``words`` as a trie (``发(?:布(?:时间|日期)|表时间)``): the regex engine
    then tries one branch per character instead of every word at every position."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if optional:
            return "(?:" + body + ")?" if len(alts) == 1 else body[:-1] + ")?"
        return body

    return "(?:" + emit(trie) + ")"


@once
def _label_re() -> re.Pattern[str]:
    # furniture labels (字号：, 分享到：, [打印]) and read-only ones (校对：) are read too: they end
    # the value before them; the regex engine's backtracking makes the longest label win
    fields = label_fields()
    keys = [k for k, v in fields.items() if v in META_FIELDS or v in ("furniture", "other")]
    counts = [k for k, v in fields.items() if v == "views"]
    alt, views = _trie_pattern(keys), _trie_pattern(counts)
    # the characters a match can start with, checked first: one class test per position instead of
    # every alternative's (five times faster over a page's lines; the same matches)
    first = "".join(sorted({"【", "[", "〔", "［"} | {k[0] for k in (*keys, *counts) if k}))
    # 【来源】value | [来源]value | 来源：value | 来源:value | 编辑|value | 阅读 7928
    return re.compile(
        "(?=[" + re.escape(first) + "])"
        rf"(?:[【\[〔［]\s*(?P<b>{alt})\s*[】\]〕］][:：]?|(?P<c>{alt})(?:[ \t]*[:：]|[|｜](?=\S))"
        rf"|(?P<c2>{views})(?=[ \t]*[（(]?\d))"  # a count needs no colon: 阅读 7928, 浏览(1204)
    )


_DATE_RE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)\s*日?"
)
_COMPACT_DATE_RE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)")
_TIME_RE = re.compile(r"\d{1,2}[:：时]\d{1,2}(?:[:：分]\d{1,2}秒?|分)?")
_LEAD_DATE_RE = re.compile(
    r"^\s*(?:(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)(?:\s*(?:\d{1,2}:\d{2}(?::\d{2})?))?"
)
# (white space, then an optional bracket with its own white space: not two adjacent \s* around an
# optional bracket, which a run of spaces with no digit after it tries in every split)
_VIEWS_RE = re.compile(r"\s*(?:[（(]\s*)?\d[\d,]*(?:\.\d+)?\s*[万wW]?\s*[）)]?\s*(?:次|人次|人)?")
_GAP_RE = re.compile(r"[ \xa0]{2,}|[\u3000\t|｜]")
_BARE_SOURCE_RE = re.compile(r"^[\u3400-\u9fff][\u3400-\u9fff·－\-]{1,11}$")
_NOT_SOURCE_RE = re.compile(r"星期|周[一二三四五六日天]|发布|发表|更新|今天|日期|时间|农历|阴历|[于在]$")
_PADDED_NAME_RE = re.compile(r"^([\u3400-\u9fff])[ \u3000\xa0]+([\u3400-\u9fff])$")  # 李 华 → 李华
_BYLINE_RE = re.compile(
    r"^[□■●◆▲\s]*(?:(?:本报记者|本台记者|本刊记者|本网记者|特约记者)\s*[/／|｜]?"
    r"|(?:记者|通讯员|撰文|文字|文)(?:\s*[/／|｜]|\s+))\s*"  # 记者 张三, 文/李四 (not 记者手记)
    r"(?P<names>[\u3400-\u9fff·]{2,5}(?:[ \u3000、，,]+[\u3400-\u9fff·]{2,5}){0,3})\s*$"
)
_EMPTY_VALUES = frozenset({"none", "null", "undefined", "nan", "-", "--", "—", "无", "暂无", "未知"})
_TRIM = " \t\u3000\xa0:：,，;；|｜/·-—"
_PAIRS = {"(": ")", "（": "）", "[": "]", "【": "】", "〔": "〕", "［": "］"}


def _strip_value(v: str) -> str:
    """Strip separators, and brackets left unbalanced by the line (``（责任编辑：周雁）``)."""
    while True:
        v = v.strip(_TRIM).rstrip("".join(_PAIRS))  # an opening bracket at the end starts the next field
        if v and v[0] in _PAIRS and _PAIRS[v[0]] not in v:
            v = v[1:]
        elif v and v[-1] in _PAIRS.values() and not any(o in v for o, c in _PAIRS.items() if c == v[-1]):
            v = v[:-1]
        elif len(v) > 2 and v[0] in _PAIRS and v[-1] == _PAIRS[v[0]] and v.count(v[0]) == 1:
            v = v[1:-1]  # 来源：[新华网]
        else:
            return v


def parse_date(value: str | None) -> str | None:
    """The first calendar date in ``value`` as ISO ``YYYY-MM-DD``, or None.

    >>> parse_date("2019年10月1日 10:32"), parse_date("2021-02-18T07:02:10+08:00"), parse_date("None")
    ('2019-10-01', '2021-02-18', None)
    """
    if not value:
        return None
    for rx in (_DATE_RE, _COMPACT_DATE_RE):
        m = rx.search(value)
        if m:
            y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


@dataclass(frozen=True, slots=True)
class MetaLine:
    """The fields read from one line, and how much of the line they explain (0..1)."""

    published: str | None = None
    updated: str | None = None
    source: str | None = None
    author: str | None = None
    editor: str | None = None
    views: int | None = None
    labels: int = 0  # how many labels the line has
    coverage: float = 0.0
    bare_date: bool = False  # the line starts with an unlabelled date
    first_label: int = 0  # where the first label starts (a label deep inside a line is a credit)

    def get(self, name: str) -> str | int | None:
        value: str | int | None = getattr(self, name)
        return value


def _clean_value(field: str, raw: str) -> str | int | None:
    v = _strip_value(raw)
    if not v or v.lower() in _EMPTY_VALUES:
        return None
    if field in ("published", "updated"):
        return parse_date(v)
    if field == "views":
        m = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*([万wW])?", v)
        if not m:
            return None
        n = float(m.group(1).replace(",", ""))
        return round(n * 10000) if m.group(2) else int(n)
    v = _PADDED_NAME_RE.sub(r"\1\2", v)
    if field in ("author", "editor") and len(v) > 40:
        return None
    return v


def parse_meta_line(line: str) -> MetaLine | None:
    """Read the labelled fields of ``line``; None when it has no metadata label.

    >>> parse_meta_line("时间：None  来源：搜狐 (gongyi.sohu.com)  点击数：26024").source
    '搜狐 (gongyi.sohu.com)'
    >>> parse_meta_line("（责任编辑：周雁）").editor
    '周雁'
    >>> parse_meta_line("【来源】新华网【作者】张三").author
    '张三'
    >>> parse_meta_line("2019年10月01日 10:32  新华网").source
    '新华网'
    >>> parse_meta_line("本报记者 王小明").author
    '王小明'
    """
    if len(line) > 300:
        return None
    labels = label_fields()
    matches = list(_label_re().finditer(line))
    if not any(labels[_label_of(m)] in META_FIELDS for m in matches):
        byline = _BYLINE_RE.match(line) if len(line) <= 30 else None
        if byline:  # 本报记者 张三 / 文/李四
            return MetaLine(author=byline["names"].strip(), labels=1, coverage=1.0)
        if matches:
            return None
        # a bare date line: 2019-10-01, 发布于 2019-09-26 07:19:52, 2019年10月1日 星期二
        d = _DATE_RE.search(line)
        if d is None or len(line) > 40:
            return None
        t = _TIME_RE.match(line, d.end()) or _TIME_RE.match(line, d.end() + 1)
        before, after = line[: d.start()].strip(), line[(t.end() if t else d.end()):].strip()
        source = None
        other = (after if not before else before if not after else "").strip(" ·•|｜/-—–")
        if other and _BARE_SOURCE_RE.match(other) and not _NOT_SOURCE_RE.search(other):
            source = other  # 2019年10月01日 10:32 新华网 / 人民日报 2019-10-01 (unlabelled source)
        elif len("".join((before + after).split())) > 6:
            return None
        return MetaLine(published=parse_date(d.group()), source=source, coverage=1.0, bare_date=True)
    fields: dict[str, str | int | None] = {}
    explained = 0
    lead = _LEAD_DATE_RE.match(line[: matches[0].start()])
    bare = False
    if lead:
        fields["published"] = parse_date(lead.group())
        explained += len(lead.group().strip())
        bare = True
    for k, m in enumerate(matches):
        field = labels[_label_of(m)]
        stop = matches[k + 1].start() if k + 1 < len(matches) else len(line)
        value = line[m.end():stop]
        lead_ws = len(value) - len(value.lstrip(" \t\u3000\xa0"))
        gap = _GAP_RE.search(value, lead_ws)
        if gap:
            value = value[: gap.start()]
        if field in ("published", "updated"):
            d = _DATE_RE.search(value)
            if d:
                t = _TIME_RE.match(value, d.end()) or _TIME_RE.match(value, d.end() + 1)
                value = value[: (t.end() if t else d.end())]
        elif field == "views":
            n = _VIEWS_RE.match(value)
            value = n.group() if n else ""
        elif field in ("source", "author", "editor"):
            d = _DATE_RE.search(value)
            if d and value[: d.start()].strip():  # 来源：青石日报 2021-10-09 — the date is not the source
                fields.setdefault("published", parse_date(d.group()))
                explained += len(d.group())
                value = value[: d.start()]
        explained += len(m.group()) + len(value.strip())
        if field in META_FIELDS and fields.get(field) is None:
            fields[field] = _clean_value(field, value)
    body = len("".join(line.split()))
    coverage = min(1.0, explained / body) if body else 0.0
    kept = {k: v for k, v in fields.items() if k in META_FIELDS}
    n_labels = sum(1 for m in matches if labels[_label_of(m)] in META_FIELDS)
    first = 0 if bare else matches[0].start()
    return MetaLine(**kept, labels=n_labels, coverage=coverage, bare_date=bare,  # type: ignore[arg-type]
                    first_label=first)


def _label_of(m: re.Match[str]) -> str:
    return re.sub(r"\s", "", m["b"] or m["c"] or m["c2"])
