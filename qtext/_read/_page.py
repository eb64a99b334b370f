"""Lines → header / title / metadata / body / footer.

How the body is found (structure and text density, no site's strings):

1. every line is classed: ``meta`` (labelled fields, :mod:`._meta`), ``breadcrumb``
   (``当前位置：首页 > 新闻``), ``nav`` (a row of short menu items), ``furniture`` (a short line
   made of share/print/login/previous-next/copyright/credit words), ``site`` (``name http://…``),
   or ``text``;
2. each line gets a weight: running text (a line that ends like a sentence, a clause or a
   lead-in, holds a whole sentence, is a bracketed or photo credit, a list item, or is long)
   weighs its number of Han characters; any other text line (titles, headings, captions)
   weighs minus a quarter of its length; meta/furniture/nav/breadcrumb/site lines weigh -60
   (a bare date line right after running text, as under a letter, only -3);
3. the body is the run of lines with the greatest total weight (Kadane's maximum subarray, one
   pass); in page text it is then widened over short lines set tight against it and indented
   like its paragraphs (``　　核心阅读``), and a headline set apart by a blank line at its top is
   taken off; inside it, non-text lines are left out of the paragraphs.

The title is, for HTML, the line that shows ``<h1>``/``og:title``/``<title>`` (without a site
suffix), else the nearest title-like line above the meta line (the line above it too when they
are set tight, a deck under a title), else the first of the title-like lines just above the
body. Subtitles are the title-like lines between title and body (in HTML only those that are
``h2``–``h4`` or subtitle elements).

Header fields: the order of precedence for each field is a labelled line between the title and
the body (nearest the body first) > a labelled line below the body > a labelled line above the
title > HTML ``<meta>``/``<time>`` > other evidence (an unlabelled date line, the HTML document's
title). ``published`` is the ISO date only (``2019-10-01``): the gold readings compare dates,
and a time of day is not kept. Fields a page does not show are None/empty, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .._config import ReadConfig
from .._document import Dropped, Page, Removed, Span
from ._dateline import find_dateline
from ._meta import (
    MetaLine,
    breadcrumb_words,
    credit_words,
    furniture_words,
    other_labels,
    parse_date,
    parse_meta_line,
)

__all__ = ["read_page"]

_STRIP = " \t\r\f\v\u3000\xa0\ufeff\u200b\u200c\u200d\u2060"
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SENTENCE_END = frozenset("。！？!?…")
_CLOSERS = "”’）)」』》】\"'"
# the whitespace before a separator is matched only from the start of its run: a leading \s*
# tried from every position of a long blank run was quadratic (found by fuzzing)
_CRUMB_SEP = re.compile(r"(?:(?<!\s)\s+)?(?:>>|>|＞|»|›|→|〉|>)\s*")
_BULLETS = frozenset("●○■□◆◇▲△▶►•·★☆※")
_CREDIT_END = re.compile(r"(?:摄|供图|绘|制图|发)\s*(?:[）)]|[（(][^（()）]{1,12}[）)])?$")
_HOME_WORDS = frozenset(("首页", "主页", "网站首页", "返回首页", "home"))
_SITE_RE = re.compile(r"^(?P<site>[^\s:：]{2,30})\s+(?P<url>https?://\S+)$")
_URL_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_COPYRIGHT_RE = re.compile(r"copyright|©|\(c\)|icp[备证]|公网安备|版权所有|all rights reserved", re.I)
_NAV_SPLIT = re.compile(r"\s*[|｜]\s*|[ \xa0]{2,}|\s*\u3000\s*|\s+/\s+")
# (a match never starts inside a run of white space, as the leftmost one starts at the run's
# start; saying so keeps a long run that no separator follows from being rescanned per character)
_TITLE_SUFFIX = re.compile(r"(?:(?<!\s)|(?!\s))\s*(?:[_|｜]|\s[-–—]+\s|[-–—]{2,})\s*")
_END_RE = re.compile(r"^[^\w]*(?:the)?end[^\w]*$|^[-—–=·*]*[（(]?完[）)]?[-—–=·*]*$", re.I)
#: leftovers of broken markup at a line's edges: pcms-style=\"font-L\">  …  " />
_JUNK_HEAD = re.compile(r"^[^\n<>]{0,60}?=\\*\"[^\n<>\"]{0,40}\\*\"\s*/?>")
_JUNK_TAIL = re.compile(r"\\*\"\s*/?>$")
_HARD = -60
_TIME_LABEL_RE = re.compile(r"^[【\[（(]?(?:时间|日期)\s*[:：]\s*\d")

_KINDS_OUT = frozenset(("meta", "furniture", "nav", "breadcrumb", "site", "blank"))


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    start: int
    end: int
    kind: str
    han: int
    meta: MetaLine | None = None

    @property
    def bodyish(self) -> bool:
        return self.kind == "text" and _is_bodyish(self.text, self.han)


def _is_bodyish(s: str, han: int) -> bool:
    """Whether a line reads like running text rather than a heading, title or menu: it ends like a
    sentence (``。！？…``, a closing quote after one, ``，；：`` of a cut or lead-in line), holds a
    whole sentence, is a bracketed credit, or is long."""
    if s[0] in "（(" and s[-1] in "）)" and han >= 2:
        return True  # a credit in brackets: （龙恩泽）, （新华社北京10月3日电）
    if han < 4:
        return False
    t = s.rstrip(_CLOSERS)
    if t and t[-1] in _SENTENCE_END:
        return True
    if s[0] in _BULLETS and han >= 8:
        return True  # a list item of the article: ●2019年营商环境改革力度更大
    if _CREDIT_END.search(s):
        return True  # a photo or chart credit: 新华社记者 张三 摄, 制图：李栋（新华社发）
    if s[-1] in "，,；;：:":
        return True  # a cut line, or a lead-in / salutation (女士们，先生们，  同志们，朋友们：)
    if han >= 15 and any(c in _SENTENCE_END for c in s[:-1]):
        return True
    return han >= 60


def _is_furniture(s: str) -> bool:
    compact = "".join(s.split())
    if len(compact) > 60:
        return False
    if _COPYRIGHT_RE.search(compact) and not (compact[-1] in _SENTENCE_END and len(compact) > 30):
        return True
    if any(w in compact for w in credit_words()) or _END_RE.match(compact):
        return True
    words = furniture_words()
    head = compact.lstrip("【[［〔(（<《")
    if any(head.startswith(w) and head[len(w):len(w) + 1] in (":", "：") for w in other_labels()):
        return True  # 标签：国庆 招待会, 校对：张三
    rest = compact
    hit = False
    for w in words:
        if w in rest:
            if head.startswith(w) and len(head) > len(w) and head[len(w)] in ":：】]］〕)）":
                return True  # 上一篇：…, 【字体：大 中 小】, 【打印本页】
            rest = rest.replace(w, "")
            hit = True
    if not hit:
        return False
    left = len(_HAN_RE.findall(rest))
    return left <= max(2, len(_HAN_RE.findall(compact)) // 3)


def _breadcrumb(s: str) -> tuple[str, ...] | None:
    compact = s.strip()
    for w in breadcrumb_words():
        i = compact.find(w)
        if 0 <= i <= 2:
            rest = compact[i + len(w):].lstrip(" ：:是为")
            items = [x.strip(" ：:") for x in _CRUMB_SEP.split(rest)]
            items = [x for x in items if x]
            if items and all(len(x) <= 40 for x in items):
                return tuple(items)
    parts = [x.strip() for x in _CRUMB_SEP.split(compact)]
    if len(parts) < 2 or any(c in _SENTENCE_END for c in compact) or len(compact) > 120:
        return None
    # 首页 > 新闻 > 正文; the last item may be the article's (long) title; two items need a home
    if all(0 < len(x) <= 12 for x in parts[:-1]) and 0 < len(parts[-1]) <= 60 and (
            len(parts) >= 3 or parts[0].lower() in _HOME_WORDS):
        return tuple(parts)
    return None


def _is_nav(s: str) -> bool:
    """A row of menu items: ``首页 | 新闻 | 政务``, ``首页　新闻　财经``, ``首页 新闻 图片 视频 专题``."""
    if any(c in s for c in "。！？，"):
        return False
    items = [x for x in _NAV_SPLIT.split(s.strip()) if x]
    if len(items) >= 3 and all(len(x) <= 8 for x in items):
        return True
    words = s.split()
    return len(words) >= 5 and all(len(x) <= 4 for x in words)


def _headline_first(text: str, first: _Line, nxt: _Line, after_meta: bool = False) -> bool:
    """Whether the first text line of a page, where the body starts, is its headline: short, not
    holding a sentence (``。``), not ending like a clause or lead-in, and set apart by a blank line
    or by the paragraphs' indentation (the headline flush left, the text under it indented), or
    standing right under the page's meta line (``after_meta``) with no other text above."""
    s = first.text
    if first.kind != "text" or len(s) > 40 or "。" in s or s[-1] in "，,；;：:、":
        return False
    if text.count("\n", first.end, nxt.start) >= 2 or after_meta:
        return True
    below = _indent(text, nxt)
    return not _indent(text, first) and ("\u3000" in below or len(below) >= 2)


def _menu_like(s: str) -> bool:
    words = s.split()
    return len(words) >= 3 and all(len(x) <= 4 for x in words)


def _empty_time_line(s: str, meta: MetaLine) -> bool:
    """``时间：10月15日至20日`` in a notice: a time label followed by a time that is no calendar
    date, and nothing else — the article's own line, not the page's metadata."""
    fields = [meta.get(f) for f in ("published", "updated", "source", "author", "editor", "views")]
    return (meta.labels == 1 and all(v is None for v in fields) and not meta.bare_date
            and _TIME_LABEL_RE.match(s) is not None)


def _split_lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        s = raw.strip(_STRIP)
        if s:
            start = pos + raw.index(s)
            out.append(_classify(s, start))
        pos += len(raw) + 1
    return out


def _classify(s: str, start: int) -> _Line:
    end = start + len(s)
    han = len(_HAN_RE.findall(s))
    meta = parse_meta_line(s) if len(s) <= 160 else None  # a meta line is short
    if (meta is not None and len(s) <= 160 and (meta.coverage >= 0.6 or meta.bare_date)
            and meta.first_label <= 4  # not 记者： deep inside a bracketed credit
            and not (meta.coverage < 0.9 and s[-1] in _SENTENCE_END and han > 30)
            and not _empty_time_line(s, meta)):
        return _Line(s, start, end, "meta", han, meta)
    if _SITE_RE.match(s) or _URL_RE.match(s):
        return _Line(s, start, end, "site", han)
    if _breadcrumb(s) is not None and not any(c in s for c in "。！？"):
        return _Line(s, start, end, "breadcrumb", han)
    if _is_furniture(s):
        return _Line(s, start, end, "furniture", han)
    if _is_nav(s):
        return _Line(s, start, end, "nav", han)
    return _Line(s, start, end, "text", han, meta)


def _weight(line: _Line) -> int:
    if line.kind != "text":
        return _HARD
    if line.bodyish:
        return line.han
    return -max(1, len(line.text) // 4)


def _weights(lines: list[_Line]) -> list[int]:
    """Each line's weight (see the module notes), with one look back: a bare date line right after
    running text (a letter's date, under its signature) is a small step, not a wall."""
    ws = [_weight(ln) for ln in lines]
    for i, ln in enumerate(lines):
        if ln.kind != "meta" or ln.meta is None or ln.meta.labels or i == 0:
            continue
        prev = lines[i - 1]
        if prev.kind == "text" and len(prev.text) <= 12 and i >= 2:
            prev = lines[i - 2]  # the signature line under a letter
        if prev.kind == "text" and prev.bodyish and prev.han >= 30:
            ws[i] = -3
    return ws


def _best_run(lines: list[_Line]) -> tuple[int, int] | None:
    """Indices [a, b] of the maximum-weight run of lines (None when no line weighs > 0)."""
    best = 0
    best_ab: tuple[int, int] | None = None
    cur = 0
    cur_a = 0
    for i, w in enumerate(_weights(lines)):
        if cur <= 0:
            cur, cur_a = w, i
        else:
            cur += w
        if cur > best:
            best, best_ab = cur, (cur_a, i)
    return best_ab


def _gap(text: str, upper: _Line, lower: _Line) -> bool:
    """Whether a blank line separates two lines."""
    return text.count("\n", upper.end, lower.start) >= 2


def _indent(text: str, line: _Line) -> str:
    return text[text.rfind("\n", 0, line.start) + 1:line.start]


def _title_above(lines: list[_Line], k: int) -> bool:
    """Whether a title-like line stands above the meta line ``k`` (so the lines under it are not
    the title)."""
    for ln in reversed(lines[max(0, k - 3):k]):
        if _title_like(ln):
            return True
        if ln.kind != "meta":
            return False
    return False


def _extend(text: str, lines: list[_Line], a: int, b: int) -> tuple[int, int]:
    """Widen the body of page text over short lines set tight against it (no blank line between)
    that are indented like its paragraphs (``　　核心阅读``, ``　　这是直面挑战的铿锵宣示——``,
    ``　　本期统筹：杨烁壁``). Without indentation: upward over at most three lines only when a
    meta line closes the run above, downward over at most two short lines."""
    indent = _indent(text, lines[a])
    indented = "\u3000" in indent or len(indent) >= 2

    def fits(ln: _Line) -> bool:
        return ln.kind == "text" and (_indent(text, ln) == indent if indented else len(ln.text) <= 30)

    i = a
    while (i > 0 and lines[i - 1].kind == "text" and not _gap(text, lines[i - 1], lines[i])
           and (_indent(text, lines[i - 1]) == indent if indented else a - i < 3)):
        i -= 1
    if i < a and (indented or (i > 0 and lines[i - 1].kind == "meta" and _title_above(lines, i - 1))):
        a = i
    j = b
    while j + 1 < len(lines) and j - b < 3 and fits(lines[j + 1]) and not _gap(text, lines[j], lines[j + 1]):
        j += 1
    if j > b and (indented or j - b <= 2):
        b = j
    # a signed notice or letter ends with its date: 全国人民代表大会常务委员会 / 2019年10月26日
    nxt = lines[b + 1].meta if b + 1 < len(lines) and lines[b + 1].kind == "meta" else None
    if (nxt is not None and not nxt.labels and lines[b].kind == "text" and not lines[b].bodyish
            and len(lines[b].text) <= 20 and not _gap(text, lines[b], lines[b + 1])):
        b += 1
    return a, b


def _norm(s: str) -> str:
    return "".join(s.split()).lower()


def _title_like(line: _Line) -> bool:
    s = line.text
    if line.kind != "text":
        return False
    n = len("".join(s.split()))
    return 4 <= n <= 90 and line.han >= 3 and s[-1] not in "。，,；;" and line.han * 2 >= n - 4


def _title_part(title: str) -> str:
    parts = [p for p in _TITLE_SUFFIX.split(title) if p.strip()]
    return parts[0].strip() if parts else title.strip()


def _h1_fits(meta: dict[str, Any]) -> bool:
    """Whether the first ``<h1>`` is the article's title rather than, say, the site's logo: it
    agrees with ``og:title``/``<title>`` (one contains the other), or there is nothing to check."""
    h1 = _norm(str(meta.get("h1") or ""))
    if not h1:
        return False
    others = [_norm(str(meta[k])) for k in ("og_title", "title") if meta.get(k)]
    return not others or any(h1 in o or o in h1 for o in others)


def _title_candidates(meta: dict[str, Any]) -> list[str]:
    out: list[str] = []
    if _h1_fits(meta):
        out.append(str(meta["h1"]).strip())
    for key in ("og_title", "title"):
        v = meta.get(key)
        if isinstance(v, str) and v.strip():
            out.append(v.strip())
            if key == "title":
                out.append(_title_part(v))
    return out


def _fallback_title(meta: dict[str, Any]) -> str | None:
    """The HTML's own title when no line of the page shows it: a fitting h1 > og:title > <title>
    (its first part, before a ``_site`` / ``| site`` / `` - site`` suffix)."""
    if _h1_fits(meta):
        return str(meta["h1"]).strip()
    v = meta.get("og_title")
    if isinstance(v, str) and v.strip():
        return v.strip()
    v = meta.get("title")
    if isinstance(v, str) and v.strip():
        return _title_part(v)
    return None


def _find_html_title(header: list[_Line], cands: list[str]) -> int | None:
    normed = [_norm(c) for c in cands if _norm(c)]
    for i in range(len(header) - 1, -1, -1):
        line = header[i]
        if line.kind not in ("text", "nav"):
            continue
        n = _norm(line.text)
        if len(n) < 4:
            continue
        for c in normed:
            if n == c or (c.startswith(n) and (len(n) * 2 >= len(c) or c[len(n)] in "-_|｜—–·")):
                return i  # the whole title, or its part before a site suffix (标题-某某网)
            if n.startswith(c) and len(c) * 3 >= len(n) * 2:
                return i
    return None


def _junk_tail(text: str, s: int, e: int) -> int | None:
    """Where ``_JUNK_TAIL.search(text, s, e)`` would match, read back from the end (the search
    rescans a run of backslashes from each of them).

    >>> t = 'ab\\\\" />'
    >>> _junk_tail(t, 0, len(t)), _JUNK_TAIL.search(t).start()
    (2, 2)
    """
    j = e - 1 if e > s and text[e - 1] == "\n" else e  # $ also matches before a final newline
    if j <= s or text[j - 1] != ">":
        return None
    j -= 1
    if j > s and text[j - 1] == "/":
        j -= 1
    while j > s and text[j - 1].isspace():
        j -= 1
    if j <= s or text[j - 1] != '"':
        return None
    j -= 1
    while j > s and text[j - 1] == "\\":
        j -= 1
    return j


def _paragraph(text: str, line: _Line) -> Span | None:
    """The line as a paragraph, without leftovers of broken markup at its edges."""
    s, e = line.start, line.end
    m = _JUNK_HEAD.match(line.text)
    if m:
        s += m.end()
    k = _junk_tail(text, s, e)
    if k is not None:
        e = k
    s, e = _stripped(text, s, e)
    return Span(text[s:e], s, e) if s < e else None


def _stripped(text: str, s: int, e: int) -> tuple[int, int]:
    """``(s, e)`` narrowed past the ``_STRIP`` characters at both ends of ``text[s:e]``."""
    while s < e and text[s] in _STRIP:
        s += 1
    while e > s and text[e - 1] in _STRIP:
        e -= 1
    return s, e


def _merge_fields(metas: list[MetaLine]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for m in metas:
        for name in ("published", "source", "author", "editor", "views", "updated"):
            v = m.get(name)
            if v is not None and fields.get(name) is None:
                fields[name] = v
    return fields


def read_page(
    text: str, *, html_meta: dict[str, Any] | None = None, config: ReadConfig | None = None
) -> Page:
    """Read title, metadata and body paragraphs from repaired page text.

    >>> page = read_page("示例网 http://www.example.cn/\\n当前位置：首页 > 新闻\\n\\n大会在京举行\\n\\n"
    ...     "发布时间：2019-10-02 来源：新华社 浏览：25\\n\\n"
    ...     "　　新华社北京10月1日电 大会1日在京举行，代表出席。\\n"
    ...     "　　会议指出，要加强合作。\\n分享到：\\n责任编辑：王五")
    >>> page.title, page.site, page.breadcrumb, page.published, page.source, page.views, page.editor
    ('大会在京举行', '示例网', ('首页', '新闻'), '2019-10-02', '新华社', 25, '王五')
    >>> [p.text for p in page.paragraphs], page.dateline.date
    (['新华社北京10月1日电 大会1日在京举行，代表出席。', '会议指出，要加强合作。'], '2019-10-01')
    """
    cfg = config or ReadConfig()
    meta = dict(html_meta or {})
    is_html = bool(html_meta is not None)
    lines = _split_lines(text)
    notes: list[str] = []
    run = _best_run(lines)
    if run is not None:
        a, b = run
        body_chars = sum(line.han for line in lines[a:b + 1] if line.kind == "text")
        if body_chars < cfg.min_body_chars and len(lines) > b - a + 1:
            # too little text to call a body when the page has other lines: still keep it
            notes.append("short body")
        if not is_html:
            a, b = _extend(text, lines, a, b)
        if (not is_html and b > a and all(ln.kind != "text" for ln in lines[:a])
                and _headline_first(text, lines[a], lines[a + 1], a > 0 and lines[a - 1].kind == "meta")):
            a += 1  # the page's text opens with its headline, set apart by a blank line
    elif any(ln.kind == "text" for ln in lines) and not any(ln.kind == "meta" for ln in lines):
        a, b = 0, len(lines) - 1  # no running text anywhere: a bare snippet is all body
        notes.append("no running text: every text line taken as body")
    else:
        a, b = len(lines), len(lines) - 1
        notes.append("no body found")
    header = lines[:a]
    # inside the body a bare date line is the article's own (a letter's date), not page metadata
    body_idx = [k for k, ln in enumerate(lines[a:b + 1], a) if ln.kind not in _KINDS_OUT
                or (ln.kind == "meta" and ln.meta is not None and not ln.meta.labels and a < k <= b)]
    body_paras = [_paragraph(text, lines[k]) for k in body_idx]
    paragraphs = tuple(sp for sp in body_paras if sp is not None)

    # -- title and subtitles --------------------------------------------------------------
    title: str | None = None
    subtitles: list[str] = []
    title_idx: int | None = None
    subtitle_idx: list[int] = []
    if is_html:
        cands = _title_candidates(meta)
        title_idx = _find_html_title(header, cands)
        if title_idx is None and cands:
            title = _fallback_title(meta)
    metas_above = [i for i, ln in enumerate(header) if ln.kind == "meta"]
    if title_idx is None and title is None and header:
        anchor = metas_above[-1] if metas_above and len(header) - metas_above[-1] <= 6 else None
        if anchor is not None:
            for i in range(anchor - 1, max(-1, anchor - 4), -1):
                if _title_like(header[i]):
                    title_idx = i
                    break
                if header[i].kind != "text":
                    break
            # a deck line set right under the title (no blank line between): the title is above it
            if (title_idx is not None and title_idx > 0 and _title_like(header[title_idx - 1])
                    and not _menu_like(header[title_idx - 1].text)
                    and len(_CRUMB_SEP.split(header[title_idx - 1].text)) == 1
                    and text.count("\n", header[title_idx - 1].end, header[title_idx].start) < 2):
                title_idx -= 1
        if title_idx is None:
            block: list[int] = []
            for i in range(len(header) - 1, -1, -1):
                if header[i].kind == "meta":
                    continue
                if not _title_like(header[i]) or len(block) == 3:
                    break
                block.append(i)
            if block:
                title_idx = block[-1]
    if title_idx is not None:
        title = header[title_idx].text
        # in HTML a deck line must come from a heading or a subtitle element
        heads = {_norm(str(h)) for h in meta.get("subheads", ())} if is_html else None
        for k, ln in enumerate(header[title_idx + 1:], title_idx + 1):
            if (ln.kind == "text" and _title_like(ln) and ln.han >= 6 and len(subtitles) < 3
                    and (heads is None or _norm(ln.text) in heads)):
                subtitles.append(ln.text)
                subtitle_idx.append(k)
    if title is not None:
        title = title.strip(_STRIP)

    # -- labelled fields ------------------------------------------------------------------
    start_meta = title_idx if title_idx is not None else 0
    above = [(i, header[i].meta) for i in reversed(metas_above)]
    near = [ml for i, ml in above if ml is not None and i >= start_meta]
    # above the title only labelled lines count (a bare date up there is often today's date)
    far = [ml for i, ml in above if ml is not None and i < start_meta and ml.labels]
    below = [ln.meta for ln in lines[a:] if ln.kind == "meta" and ln.meta is not None and ln.meta.labels]
    fields = _merge_fields(near)
    for name, v in _merge_fields([m for m in below if m is not None]).items():
        if fields.get(name) is None and name in ("source", "author", "editor", "views", "published"):
            fields[name] = v
    for name, v in _merge_fields(far).items():
        if fields.get(name) is None and name in ("published", "source", "author", "views"):
            fields[name] = v
    published = fields.get("published")
    source = fields.get("source")
    author = fields.get("author")
    if published is None and meta.get("published"):
        published = parse_date(str(meta["published"]))
    if source is None and isinstance(meta.get("source"), str):
        source = meta["source"].strip() or None
    if author is None and isinstance(meta.get("author"), str):
        # sites often put their own name in <meta name="author">: only a name the page prints
        # above the body (and not the site's) is taken
        cand = meta["author"].strip()
        if 2 <= len(cand) <= 20 and cand != meta.get("site") and any(
                cand in ln.text and ln.kind in ("meta", "text") and len(ln.text) <= 60 for ln in header
                if ln is not (header[title_idx] if title_idx is not None else None)):
            author = cand

    # -- site, url, breadcrumb ---------------------------------------------------------------
    site: str | None = None
    url: str | None = None
    breadcrumb: tuple[str, ...] = ()
    for ln in header:
        if ln.kind == "site" and site is None and url is None:
            m = _SITE_RE.match(ln.text)
            if m:
                site, url = m["site"], m["url"]
            else:
                url = ln.text
        elif ln.kind == "breadcrumb" and not breadcrumb:
            breadcrumb = _breadcrumb(ln.text) or ()
    if site is None and isinstance(meta.get("site"), str):
        site = meta["site"].strip() or None
    if url is None and isinstance(meta.get("url"), str):
        url = meta["url"].strip() or None

    dateline = find_dateline(text, paragraphs[0].start, published) if paragraphs else None
    if not paragraphs:
        notes.append("no paragraphs")
    return Page(
        title=title or None,
        subtitles=tuple(subtitles),
        site=site,
        url=url,
        breadcrumb=breadcrumb,
        published=published,
        author=author,
        source=source,
        editor=fields.get("editor"),
        views=fields.get("views"),
        dateline=dateline,
        paragraphs=paragraphs,
        is_html=is_html,
        notes=tuple(dict.fromkeys(notes)),
        dropped=_dropped(text, lines, a, dict(zip(body_idx, body_paras, strict=True)),
                         [title_idx, *subtitle_idx] if title_idx is not None else []),
        removed=_removed(meta.get("dropped")),
    )


_REASONS = {"meta": "metadata", "site": "metadata", "breadcrumb": "navigation", "nav": "navigation",
            "furniture": "boilerplate"}


def _dropped(text: str, lines: list[_Line], a: int, body: dict[int, Span | None],
             titles: list[int]) -> tuple[Dropped, ...]:
    """Every non-blank stretch of ``text`` outside the paragraphs, with why: the title and deck
    lines, non-text lines by their kind, other text lines above/below the body (header/footer),
    and leftovers of broken markup cut off a paragraph's edges (``a``: the body's first line).
    One pass over the lines."""
    out: list[Dropped] = []
    for k, ln in enumerate(lines):
        if k in body:
            para = body[k]
            if para is None:
                out.append(Dropped(ln.text, ln.start, ln.end, "markup"))
                continue
            for s0, e0 in ((ln.start, para.start), (para.end, ln.end)):
                s, e = _stripped(text, s0, e0)
                if s < e:
                    out.append(Dropped(text[s:e], s, e, "markup"))
            continue
        if ln.kind in _REASONS:
            reason = _REASONS[ln.kind]
        elif k in titles:
            reason = "title"
        else:
            reason = "header" if k < a else "footer"
        out.append(Dropped(ln.text, ln.start, ln.end, reason))
    out.sort(key=lambda d: d.start)
    return tuple(out)


def _removed(items: Any) -> tuple[Removed, ...]:
    """The HTML elements ``html_to_text`` took out (``meta["dropped"]``: ``(reason, text)`` pairs)."""
    if not items:
        return ()
    return tuple(Removed(str(t), str(r)) for r, t in items)
