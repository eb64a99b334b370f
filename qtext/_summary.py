"""One structured record per article: what, when, where, who, key points, keywords, sentences.

How each field is chosen:
- ``headline``: the page title; ``lead``: the first body sentence without its dateline and
  reporter note (``新华社上海9月15日电``, ``（记者张烁）``);
- ``what``: the main event — the event the headline names first (a meeting when the headline's
  verb is 会见/会谈, written ``李克强会见A、B、C`` when the lead reports several), else the first
  event of the lead sentence; with no event, the lead's main clause;
- ``when``: the main event's date, else the dateline's date, else the publication date;
- ``where``: the main event's place when it is a place name or a short venue (``人民大会堂``),
  else the place name it starts with (``北京人民大会堂`` → 北京), else the dateline's place;
- ``who``: officials ranked by role in the article: named in the lead sentence or headline,
  taking part in the main event, quoted, then by mention count and title rank (at most 10);
- ``organisations``: organisations by mention count (at most 5);
- ``key_points``: the lead's main clause, then the first point of each quoted speaker
  (``王勇强调：提高供给质量是……``), at most 5;
- ``keywords``: TF-IDF over the body's tokens with ``dictionaries/idf.tsv`` (unknown words get
  the median idf); punctuation, numbers, function words and single characters are skipped;
- ``sentences``: the ``config.sentences`` body sentences with the highest keyword weight (the
  lead favoured), in article order.

Linear in the number of tokens and sentences; the idf table loads once per process.

>>> from qtext._document import Dateline, Page, Span
>>> text = "新华社上海9月15日电 大会15日在上海召开。"
>>> page = Page(title="大会召开", dateline=Dateline(place="上海", date="2017-09-15", end=11),
...             paragraphs=(Span(text, 0, len(text)),))
>>> s = summarise(text, page, (Span(text, 0, len(text)),), (), Extraction())
>>> s.when, s.where, s.lead
('2017-09-15', '上海', '大会15日在上海召开。')
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from . import _lexicon
from ._config import SummaryConfig
from ._document import Event, Extraction, Official, Page, Span, Summary, Token
from ._extract._vocab import place_names, title_ranks

__all__ = ["summarise"]

_KEEP_POS_PREFIX = ("n", "v", "a", "j", "l", "i", "eng", "nz", "vn", "s")
_SKIP_POS = frozenset({"x", "m", "mq", "q", "u", "uj", "ul", "uz", "ug", "uv", "ud", "p", "c", "d", "r", "rr",
                       "rz", "f", "t", "tg", "y", "e", "o", "zg", "df", "dg", "w", "k", "h", "b"})
_STOPWORDS = frozenset(
    ["表示", "指出", "强调", "认为", "进行", "开展", "一个", "没有", "可以", "已经", "目前", "通过", "提出",
     "实现", "要求", "工作", "问题", "方面", "有关", "相关", "就是", "还是", "记者", "本报", "新华社", "日电",
     "今年", "去年", "同时", "以及", "其中", "方式", "情况", "之一", "成为", "他们", "我们", "出席", "参加",
     "举行", "召开", "主持", "介绍", "不断", "进一步", "共同", "积极", "重要", "坚持", "推动", "加强"])
_DATELINE_RE = re.compile(
    r"^\s*(?:据)?[^\s，。（(]{0,12}?(?:\d{1,2}月)?\d{1,2}日(?:电|讯)\s*(?:[（(][^）)]{0,30}[）)])?\s*"
    r"|^\s*[（(][^）)]{0,30}[）)]\s*")
_VENUE_MAX = 6
_ADVERBIAL = re.compile(r"[\d月日至到年上下午晚]+|应.*邀请|近日|日前|当天|据悉"
                        r"|在.*(?:之际|时|期间|前夕|以来)")
_MEETING_TYPES = ("meeting", "talks")
_NOT_NEWSMAKERS = frozenset({"记者", "通讯员", "编辑", "责任编辑", "摄影", "实习生", "特约记者"})


def _idf() -> tuple[Mapping[str, float], float]:
    """``dictionaries/idf.tsv`` (word → idf) and its median, the idf of unknown words."""
    return _lexicon.idf(), _lexicon.idf_median()


def _title_ranks() -> dict[str, int]:
    return title_ranks()


def _gazetteer() -> frozenset[str]:
    return place_names()


# --- helpers -------------------------------------------------------------------------------------


def _strip_dateline(s: str) -> str:
    prev = None
    while prev != s:
        prev = s
        s = _DATELINE_RE.sub("", s, count=1)
    return s.strip()


def _lead(text: str, page: Page, sentences: Sequence[Span]) -> tuple[Span | None, str | None]:
    if not sentences:
        return None, None
    first = sentences[0]
    s = first.text
    if page.dateline is not None and page.dateline.end is not None and first.start <= page.dateline.end:
        cut = page.dateline.end - first.start
        s = s[cut:] if 0 <= cut <= len(s) else s
    s = _strip_dateline(s)
    if not s and len(sentences) > 1:
        return sentences[1], _strip_dateline(sentences[1].text)
    return first, s or None


def _main_clause(lead: str | None) -> str | None:
    if not lead:
        return None
    body = lead.rstrip("。！？!?")
    clauses = [c for c in re.split(r"[，,；;]", body) if c]
    # skip leading adverbials: 10月21日至22日， / 应……邀请， / 近日，
    for c in clauses:
        if len(c) >= 6 and not _ADVERBIAL.fullmatch(c):
            return c
    return clauses[0] if clauses else None


def _main_event(page: Page, lead_span: Span | None, events: Sequence[Event]) -> Event | None:
    if not events:
        return None
    title = page.title or ""
    best: tuple[int, int] | None = None
    chosen: Event | None = None
    for i, ev in enumerate(events):
        pos = -1
        if ev.type in _MEETING_TYPES:
            verb = "会谈" if ev.type == "talks" else "会见"
            pos = title.find(verb)
            if pos < 0:
                pos = title.find("会晤")
        else:
            for n in (ev.name, *ev.aliases):
                k = title.find(n) if n else -1
                if k >= 0 and (pos < 0 or k + len(n) < pos):
                    pos = k + len(n)
        if pos >= 0 and (best is None or (pos, i) < best):
            best = (pos, i)
            chosen = ev
    if chosen is not None:
        return chosen
    return _first_event_in([lead_span] if lead_span is not None else [], events)


def _first_event_in(spans: Sequence[Span], events: Sequence[Event]) -> Event | None:
    for span in spans:
        inside = [ev for ev in events if any(span.start <= m.start < span.end for m in ev.mentions)]
        if inside:
            return min(inside, key=lambda e: min(m.start for m in e.mentions
                                                 if span.start <= m.start < span.end))
    return None


def _what(main: Event | None, events: Sequence[Event], lead_clause: str | None) -> str | None:
    if main is None:
        return lead_clause
    if main.type in _MEETING_TYPES:
        named = main.participants.get("named") or []
        host = named[0] if len(named) == 2 else None
        if host:
            same = [e for e in events if e.type == main.type and e.date == main.date
                    and (e.participants.get("named") or [None])[0] == host]
            guests = [e.participants["named"][-1] for e in same
                      if len(e.participants.get("named") or []) == 2]
            if len(guests) > 1:
                verb = "同" if main.type == "talks" else "会见"
                tail = "会谈" if main.type == "talks" else ""
                return f"{host}{verb}{'、'.join(dict.fromkeys(guests))}{tail}"
    return main.name


def _where(main: Event | None, page: Page, place_names: set[str]) -> str | None:
    gazetteer = _gazetteer()
    place = main.place if main is not None else None
    if place:
        if place in place_names or place in gazetteer or len(place) <= _VENUE_MAX:
            return place
        for k in range(min(len(place), 8), 1, -1):
            if place[:k] in place_names or place[:k] in gazetteer:
                return place[:k]
        return place
    if page.dateline is not None and page.dateline.place:
        return page.dateline.place
    return None


def _when(main: Event | None, page: Page, events: Sequence[Event]) -> str | None:
    if main is not None and main.date:
        return main.date
    if main is None and page.paragraphs:
        # no main event: the first dated event of the lead paragraph
        dated = [e for e in events if e.date]
        ev = _first_event_in(page.paragraphs[:1], dated)
        if ev is not None:
            return ev.date
    if page.dateline is not None and page.dateline.date:
        return page.dateline.date
    if page.published:
        m = re.match(r"\d{4}-\d{2}-\d{2}", page.published)
        return m.group() if m else page.published
    return None


def _who(officials: Sequence[Official], page: Page, lead_span: Span | None, main: Event | None,
         extraction: Extraction) -> tuple[str, ...]:
    if not officials:
        return ()
    quoted = Counter(q.speaker for q in extraction.quotes if q.speaker)
    named = set((main.participants.get("named") or []) if main is not None else [])
    title = page.title or ""
    ranks = _title_ranks()
    scored = []
    first = page.paragraphs[0] if page.paragraphs else None
    for i, o in enumerate(officials):
        if o.titles and all(t.title in _NOT_NEWSMAKERS for t in o.titles):
            continue  # the reporter of 本报北京电（记者彭波）
        score = 0.0
        if lead_span is not None and any(lead_span.start <= m.start < lead_span.end for m in o.mentions):
            score += 100
        elif first is not None and any(first.start <= m.start < first.end for m in o.mentions):
            score += 50
        if o.name and o.name in title:
            score += 60
        if o.name in named:
            score += 40
        score += 8 * min(quoted.get(o.name, 0), 5)
        score += min(len(o.mentions), 10)
        best_rank = min((ranks.get(t.title, 9) for t in o.titles), default=9)
        score += (9 - best_rank) * 0.5
        scored.append((-score, i, o.name))
    scored.sort()
    return tuple(dict.fromkeys(name for _, _, name in scored))[:10]


@functools.lru_cache(maxsize=65536)
def _eligible(word: str, pos: str) -> bool:
    """Whether a token may be a keyword: a content word of two or more characters, no digits."""
    if len(word) < 2 or pos in _SKIP_POS or word in _STOPWORDS:
        return False
    if not pos.startswith(_KEEP_POS_PREFIX) or any(c.isdigit() for c in word):
        return False
    return any("\u4e00" <= c <= "\u9fff" or c.isalpha() for c in word)


def _keywords(tokens: Sequence[Token], ranges: Sequence[tuple[int, int]], k: int
              ) -> tuple[list[str], dict[str, float]]:
    idf, median = _idf()
    tf: Counter[str] = Counter()
    ri = 0
    n_ranges = len(ranges)
    for t in tokens:
        if len(t.text) < 2:
            continue
        while ri < n_ranges and ranges[ri][1] <= t.start:
            ri += 1
        if ri >= n_ranges:
            break
        if t.start >= ranges[ri][0] and _eligible(t.text, t.pos):
            tf[t.text] += 1
    total = sum(tf.values()) or 1
    weights = {w: (n / total) * idf.get(w, median) for w, n in tf.items()}
    ranked = sorted(weights, key=lambda w: (-weights[w], w))
    return ranked[:k], weights


def _extractive(sentences: Sequence[Span], tokens: Sequence[Token], weights: dict[str, float], n: int,
                lead_span: Span | None) -> tuple[str, ...]:
    if n <= 0 or not sentences:
        return ()
    scores = [0.0] * len(sentences)
    si = 0
    n_sent = len(sentences)
    for t in tokens:
        w = weights.get(t.text)
        if w is None:
            continue
        while si < n_sent and sentences[si].end <= t.start:
            si += 1
        if si >= n_sent:
            break
        if t.start >= sentences[si].start:
            scores[si] += w
    ranked = []
    for i, s in enumerate(sentences):
        length = max(len(s.text), 1)
        score = scores[i] / math.sqrt(length)
        if lead_span is not None and s.start == lead_span.start:
            score *= 2.0
        if length < 8:
            score *= 0.3
        ranked.append((-score, i))
    ranked.sort()
    keep = sorted(i for _, i in ranked[:n])
    out: list[str] = []
    for i in keep:
        sent = sentences[i].text
        if lead_span is not None and sentences[i].start == lead_span.start:
            sent = _strip_dateline(sent) or sent
        out.append(sent)
    return tuple(out)


def _key_points(lead_clause: str | None, extraction: Extraction) -> tuple[str, ...]:
    points: list[str] = []
    if lead_clause:
        points.append(lead_clause)
    seen: set[str] = set()
    for q in extraction.quotes:
        if not q.speaker or q.speaker in seen:
            continue
        seen.add(q.speaker)
        first = re.split(r"[。！？；!?;]", q.text, maxsplit=1)[0]
        first = re.split(r"[，,]", first)[0] if len(first) > 40 else first
        if len(first) >= 4:
            points.append(f"{q.speaker}{q.verb or '说'}：{first}")
        if len(points) >= 5:
            break
    return tuple(points[:5])


# --- the summary ---------------------------------------------------------------------------------


def summarise(text: str, page: Page, sentences: Sequence[Span], tokens: Sequence[Token],
              extraction: Extraction, config: SummaryConfig | None = None) -> Summary:
    """The structured summary of an analysed page (see the module doc for each field)."""
    cfg = config or SummaryConfig()
    lead_span, lead = _lead(text, page, sentences)
    lead_clause = _main_clause(lead)
    main = _main_event(page, lead_span, extraction.events)
    places = {p.name for p in extraction.places}
    ranges = [(p.start, p.end) for p in page.paragraphs] or [(0, len(text))]
    keywords, weights = _keywords(tokens, ranges, cfg.keywords)
    orgs = sorted(extraction.organisations, key=lambda o: -len(o.mentions))
    return Summary(
        headline=page.title,
        lead=lead,
        what=_what(main, extraction.events, lead_clause),
        when=_when(main, page, extraction.events),
        where=_where(main, page, places),
        who=_who(extraction.officials, page, lead_span, main, extraction),
        organisations=tuple(o.name for o in orgs[:5]),
        key_points=_key_points(lead_clause, extraction),
        keywords=tuple(keywords),
        sentences=_extractive(sentences, tokens, weights, cfg.sentences, lead_span),
    )
