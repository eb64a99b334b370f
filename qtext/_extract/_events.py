"""Events: conferences, sessions, forums, meetings, receptions, ceremonies, exhibitions, visits.

How an event is found:
- an event noun from ``dictionaries/event_nouns.tsv`` (大会, 会议, 论坛, 招待会, 仪式 …) ends a
  mention; its name is the name-like run just before it (CJK, digits, ``（…）``, ``“…”``), cut
  after the last clause word (出席, 举行, 在, 是 …), a day-precise date, or a count (``5个``);
- a mention with nothing specific left (``大会``, ``本次大会``, ``分会场会议``) is *generic*: it
  is linked to the event it refers to (the latest one with the same noun or type), never
  reported on its own;
- mentions with the same core (edition, year and parenthesised place dropped) or where one
  is an abbreviation of the other (``世园会`` of ``世界园艺博览会``) are merged into one event;
- rows typed ``body`` (立法会, 人民代表大会) and organisations' names are never events; a congress
  (代表大会) needs its ordinal;
- ``X会见Y`` is a ``meeting`` and ``X同Y会谈`` is ``talks`` (one per guest: ``分别会见A、B``),
  named ``X会见<Y as written>`` with ``participants["named"] = [X, Y]``; X is the first person of
  the clause outside the reporter's note and not a possessor (习近平特使王岐山 → 王岐山);
  ``X对Y进行…访问`` is a visit (type ``other``);
- attributes come from each mention's sentence: the date (a :class:`DateMention` right after
  the mention, else the last one before it in the sentence, shared by coordinated events),
  the place (``在上海召开``, ``在人民大会堂举行……``, ``（上海）``, a place inside the name, else
  the dateline's place for an event of the lead), organisers (``由A和B主办``), the theme
  (``主题是“…”``), counts of participants (``680多人``, ``37个国家和地区``) and the people
  who chair, attend or address it (``participants["named"]``); an event in a sentence that
  starts ``会谈后，`` takes the talks' date and place.

Invariants: every mention span slices back to ``text``; work is linear in the text (one regex
pass for nouns, bounded look-back of at most ``_MAX_NAME`` characters per mention, bisection
over dates, people and mentions, a bounded window of events searched for aliases).

>>> from qtext._document import Dateline, Page
>>> from qtext._extract._dates import find_dates
>>> text = "新华社上海9月15日电 第二届中国质量（上海）大会15日在上海召开。本次大会由质检总局主办。"
>>> page = Page(dateline=Dateline(place="上海", date="2017-09-15"))
>>> ev = find_events(text, page, (), (), (), (), find_dates(text, page))[0]
>>> ev.name, ev.type, ev.edition, ev.date, ev.place, ev.organisers
('第二届中国质量（上海）大会', 'conference', 2, '2017-09-15', '上海', ('质检总局',))
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from .._document import DateMention, Entity, Event, Official, Organisation, Page, Place, Span
from .._once import once
from .._resources import read_rows
from ._dates import parse_cn_number
from ._vocab import region_names, title_words

__all__ = ["find_events"]

_MAX_NAME = 40  # longest event name looked back over
_MERGE_WINDOW = 30  # events searched for an alias besides those with the same core
_MAX_GUESTS = 12  # guests read after one 会见
_CONJUNCTIONS = frozenset({"和", "及", "与", "、", "以及", "暨"})
# 会谈后，两国领导人共同出席了……仪式: an event right after a meeting shares its date and place
_AFTER_MEETING = re.compile(r"(?:会见|会谈|会晤|会后|会议)(?:结束)?后[，,]")

# --- data ----------------------------------------------------------------------------------------


@once
def _nouns() -> tuple[dict[str, str], re.Pattern[str]]:
    table = {row[0]: row[1] for row in read_rows("event_nouns.tsv") if len(row) >= 2 and row[0]}
    names = sorted((n for n in table if n not in _MEETING_VERBS), key=len, reverse=True)
    # body rows stay in the pattern so that the longer body name wins over the event noun in it
    pattern = re.compile("|".join(map(re.escape, names)) if names else r"(?!x)x")
    return table, pattern


def _title_words() -> tuple[str, ...]:
    return title_words()


_MEETING_VERBS = {"会见": "meeting", "会晤": "meeting", "会谈": "talks"}

# what may not follow an event noun when it names a place or a body, not an event
_NOT_AFTER = ("堂", "室", "厅", "馆", "中心", "场馆", "办公室", "成员",
              "常务委员会", "常委会", "代表", "委员会")
# clause words after which an event name starts (cut the look-back after the last one)
_CUT_WORDS = ("出席了", "出席", "参加了", "参加", "举行了", "举行",
              "召开了", "召开", "举办了", "举办", "主持", "主办",
              "承办", "开幕", "观看", "来华", "前来", "以及",
              "并在", "期间", "作为", "通过", "审议", "听取",
              "致信", "贺信", "介绍", "宣布", "祝愿", "获得",
              "打破", "担任", "列席", "提请", "聚焦", "播放",
              "撰文", "宣读", "致辞", "见证", "参观", "迎接",
              "亮相", "走进", "来到", "抵达", "结束", "离开",
              "返回", "回顾", "关注", "报道", "表示", "指出",
              "强调", "参与", "筹办", "办好", "他们", "我们",
              "大家", "已经", "正在", "将于", "一场", "一届",
              "在", "于", "是", "为", "了", "并", "等", "即",
              "由", "赴", "至", "到", "对", "让", "受", "继",
              "致", "他", "其", "向", "将", "从", "据", "和",
              "与", "同", "及", "的", "包括", "落实", "贯彻",
              "学习", "传达", "围绕", "启动", "迎来", "召集",
              "看完", "开完", "办完", "主题的", "为题的", "着", "以",
              "完", "拍摄", "看看", "观摩", "支持", "欢迎", "希望",
              "期待", "祝贺", "推动", "报名", "应", "看")
# clause words that may sit *inside* a name (和 in 国家勋章和国家荣誉称号颁授仪式, 的 in …工作的…研讨会)
# are cut only when the text around them reads as a clause, not a name; see _cut
_SOFT_CUT = frozenset({"和", "与", "同", "及", "的"})
_DETERMINERS = ("本次", "此次", "这次", "本届", "此届", "上届",
                "下届", "这届", "下一届", "上一届", "历届", "每届",
                "每年", "历次", "首次", "多次", "多届", "该",
                "这一", "这个", "那次", "这", "此", "今年的",
                "上述", "各", "全体", "一次", "一系列", "系列")
_GENERIC = ("分会场", "平行", "专题", "相关", "有关", "各类",
            "各种", "各项", "多场", "大型", "盛大", "隆重",
            "热烈", "重要", "主", "分", "本", "全", "大会",
            "会议", "开幕", "闭幕", "视频", "电视电话", "上午",
            "下午", "晚上", "当天", "当日", "今天", "昨天",
            "期间", "综合性", "国际性", "全国性", "世界性",
            "区域性", "规模", "最高", "规格", "高", "的",
            "一场", "一次", "次", "届", "党员", "支部", "各界",
            "领导人")
# the cut words by first character, as indexes into _CUT_WORDS: _cut looks only at the words that
# can occur in its run, in _CUT_WORDS order (a run is short; the list is long)
_CUT_BY_FIRST: dict[str, tuple[int, ...]] = {}
for _i, _w in enumerate(_CUT_WORDS):
    _CUT_BY_FIRST[_w[0]] = (*_CUT_BY_FIRST.get(_w[0], ()), _i)
_DETERMINER_FIRST = frozenset(d[0] for d in _DETERMINERS)
_GENERIC_LONGEST_FIRST = tuple(sorted(_GENERIC, key=len, reverse=True))
_ORDINAL = (r"(?:第[〇○零一二三四五六七八九十百两\d]+(?:届|次|个)|首届"
            r"|[一二三四五六七八九十百\d]+(?:届|次)(?=[^\d]))")
_ORDINAL_RE = re.compile(_ORDINAL)
_ORDINAL_NUM = re.compile(r"第?([〇○零一二三四五六七八九十百两\d]+)(?:届|次|个)|(首)届")
_EDITION_BEFORE = re.compile(r"(第[〇○零一二三四五六七八九十百两\d]+届|首届)(?:为|是)$")
_YEAR_PREFIX = re.compile(r"^(?:19|20)\d{2}年(?:度)?")
_PAREN = re.compile(r"[（(]([^（）()]{1,12})[）)]")
_SENT_END = "。！？!?\n"
_CLAUSE_END = "。！？!?\n，,；;：:"
_PLACE_RE = re.compile(
    r"在([^，。；：、“”\s,;:同与]{1,20}?)(?:隆重|盛大|分别|正式|顺利|胜利)?"
    r"(?:举行|召开|举办|开幕|闭幕|揭幕|启幕|拉开帷幕|落下帷幕|落幕|开展|进行)")
# 在人民大会堂会见/出席……: the place of what the verb governs, right after it
_PLACE_BEFORE_RE = re.compile(
    r"在([^，。；：、“”\s,;:同与]{1,20}?)(?:隆重|盛大|分别|亲切|正式|共同)?"
    r"(?:举行|召开|举办|会见|会谈|会晤|出席|参加|主持|观看|同[^，。；]{1,20}?会谈)(?:了)?$")
_ORGANISER_RE = re.compile(r"由([^，。；：\s]{2,60}?)(?:共同|联合)?(?:主办|承办|举办|发起|组织|召开)")
_THEME_RE = re.compile(r"(?:主题(?:是|为|：|:)\s*“([^”]{1,60})”|以“([^”]{1,60})”为主题)")
_COUNT_RE = re.compile(  # (?<!\d): a count starts where its digits start (else each digit rescans the run)
    r"(?<!\d)(\d+(?:\.\d+)?)(万)?(?:多|余)?(?:(个)?(国家和地区|国家|地区)|(?:位|名|人|人次)(?!民))")
_SPLIT_ORGS = re.compile(r"、|和|与|以及|及|，|,")
_SHORT_PLACES = {"京": "北京", "沪": "上海", "津": "天津", "渝": "重庆", "穗": "广州", "蓉": "成都"}
_VISIT_RE = re.compile(
    r"(?:对|赴|到)([^，。；：、\s]{1,12}?)进行(?:了)?(?:为期[^，。；]{1,6}的)?"
    r"((?:国事|正式|友好|工作|正式友好|国事|私人|访问)?访问)")


T = TypeVar("T")


class _ByStart(Generic[T]):
    """Items sorted by start offset, with the ones starting in ``[lo, hi)`` found by bisection."""

    def __init__(self, items: Sequence[T], key: Callable[[T], int]) -> None:
        self.items = sorted(items, key=key)
        self.starts = [key(x) for x in self.items]

    def within(self, lo: int, hi: int) -> list[T]:
        return self.items[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]

    def __bool__(self) -> bool:
        return bool(self.items)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch in "〇○"


def _is_name_char(ch: str) -> bool:
    return _is_cjk(ch) or ch.isdigit() or ("A" <= ch <= "Z") or ("a" <= ch <= "z") or ch in "·—－-"


# --- mentions ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Mention:
    name: str
    noun: str
    type: str
    start: int
    end: int
    edition: int | None
    core: str
    paren: str | None
    generic: bool
    sentence: tuple[int, int]


@dataclass(slots=True)
class _Ev:
    mentions: list[_Mention]
    type: str
    edition: int | None = None
    date: str | None = None
    place: str | None = None
    organisers: list[str] = field(default_factory=list)
    theme: str | None = None
    participants: dict[str, Any] = field(default_factory=dict)
    name: str | None = None
    aliases: list[str] = field(default_factory=list)
    core: str = ""
    paren: str | None = None


def _regions(text: str, page: Page) -> list[tuple[int, int]]:
    """Where events are looked for: the title (when the text holds it) and the body paragraphs."""
    regions: list[tuple[int, int]] = []
    first = page.paragraphs[0].start if page.paragraphs else len(text)
    for head in (page.title, *page.subtitles):
        if head:
            i = text.find(head, 0, first if page.paragraphs else len(text))
            if i >= 0:
                regions.append((i, i + len(head)))
    if page.paragraphs:
        regions += [(p.start, p.end) for p in page.paragraphs]
    else:
        regions.append((0, len(text)))
    regions.sort()
    merged: list[tuple[int, int]] = []
    for s, e in regions:
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


_SENT_END_RE = re.compile("[。！？!?\n]")


def _sentence_of(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence around ``pos`` inside ``[lo, hi)``, at most 400 characters each way."""
    floor = max(lo, pos - 400)
    s = max(floor, *(text.rfind(c, floor, pos) + 1 for c in _SENT_END))
    m = _SENT_END_RE.search(text, pos, min(hi, pos + 400))
    e = m.start() if m else min(hi, pos + 400)
    return s, min(hi, e + 1)


def _run_start(text: str, end: int, lo: int) -> int:
    """Scan back from ``end`` over a name-like run: CJK, digits, ``“…”``, ``《…》``, inner ``（…）``."""
    i = end
    limit = max(lo, end - _MAX_NAME)
    while i > limit:
        ch = text[i - 1]
        if _is_name_char(ch):
            i -= 1
            continue
        if ch in "”》":
            opener = "“" if ch == "”" else "《"
            j = text.rfind(opener, limit, i - 1)
            if j < 0 or any(c in "。；，\n" for c in text[j:i]):
                break
            i = j
            continue
        if ch in "）)":
            j = max(text.rfind("（", limit, i - 1), text.rfind("(", limit, i - 1))
            inner = text[j + 1:i - 1] if j >= 0 else ""
            if (j <= limit or not inner or any(c in "，。；：、 " for c in inner)
                    or inner.startswith(("记者", "通讯员", "本报", "新华社"))
                    or not _is_name_char(text[j - 1])):
                break
            i = j
            continue
        break
    return i


def _cut(run: str, noun: str, date_ends: Sequence[int], run_start: int) -> str:
    """Cut a look-back run after its last clause word, day-precise date or count (``date_ends`` sorted)."""
    best = 0
    quoted = [(q.start(), q.end()) for q in re.finditer(r"“[^”]*”|《[^》]*》", run)]
    lo_i = bisect.bisect_right(date_ends, run_start)
    hi_i = bisect.bisect_right(date_ends, run_start + len(run))
    for d_end in date_ends[lo_i:hi_i]:  # day dates inside the run: the name starts after them
        rel = d_end - run_start
        if 0 < rel <= len(run) and not any(qs < rel < qe for qs, qe in quoted):
            best = max(best, rel)
    full = run + noun
    for m in _COUNT_CUT.finditer(full):
        if m.end() <= len(run) and not any(qs < m.start() < qe for qs, qe in quoted):
            best = max(best, m.end())
    present = {i for ch in set(run) for i in _CUT_BY_FIRST.get(ch, ())}
    for w in (_CUT_WORDS[i] for i in sorted(present)):  # the words of _CUT_WORDS that can occur in run
        k = run.rfind(w)
        while k >= 0 and k + len(w) > best:
            after = k + len(w)
            ok = not any(qs < k < qe for qs, qe in quoted)
            if ok and len(w) == 1 and not _single_cut_ok(run, k):
                ok = False
            if ok and w in _SOFT_CUT:
                rest = run[after:]
                if w == "的" and (rest.startswith(("第", "首届")) or _YEAR_PREFIX.match(rest)):
                    pass  # ……的第九届北京香山论坛: the name starts after 的
                elif w == "的" and rest and _is_generic_name(rest + noun, noun):
                    return rest  # 最高规格的大型综合性运动会: a description, not a name
                elif w != "的" and _ends_with_noun(run[:k]):
                    pass  # A论坛和B博览会: two events
                elif w == "及" and "的" in run[:k]:
                    pass  # 习主席的重要讲话及国庆阅兵: a phrase, then the event
                elif len(run[:k]) >= 2 and len(rest) >= 2:
                    ok = False  # A和B仪式 / X的Y研讨会: 和/的 inside a name
            if ok:
                best = max(best, after)
                break
            k = run.rfind(w, 0, k)
    # ……的关于十三届全国人大二次会议: a function word right before an ordinal starts the name
    for fm in _BEFORE_ORDINAL.finditer(run, best):
        best = max(best, fm.end())
    name = run[best:]
    while name[:1] in ("的", "和", "及", "与"):
        name = name[1:]
    return name


_BEFORE_ORDINAL = re.compile(
    r"(?:(?<!党)的|关于|对于|对|在|于)(?=第[〇一二三四五六七八九十百\d]+[届次]|首届|[一二三四五六七八九十]+届)")
_COUNT_CUT = re.compile(r"(?<!第)[\d一二三四五六七八九十两几多]+(?:个|场|项|次(?!会议|全体|常务))(?!国家)")
# single-character cut words, and the neighbours that make them part of a longer word
_SINGLE_NOT = {
    "在": ("存现正所实自内外潜", "于内场"), "于": ("关对由等属位处致基鉴终至善勇乐敢急过易便", ""),
    "是": ("于但就还只要总凡正倒更可硬却也", "否"), "为": ("作成因认行以称视较更尤最广极", "期"),
    "了": ("为除", "解"), "等": ("平同相对均", "级待"), "即": ("立随", "将使便"), "由": ("自理经缘", ""),
    "至": ("乃甚以", "今少关"), "到": ("达受得感遇提做", ""), "将": ("", "军领士"), "从": ("", "事而"),
    "据": ("根数依证占", ""), "向": ("方面导意倾走志动", ""), "对": ("面针相绝应反核", "外话象接口"),
    "并": ("合兼吞", ""), "致": ("一导以所极大细", "力辞"), "受": ("接享感承遭", ""), "让": ("转出", ""),
    "和": ("平温缓柔共总调", ""), "与": ("参给赋", "会"), "同": ("共协会合相不等", "志时样意步期"),
    "及": ("以涉普危波提来", "时"), "的": ("目", "确"), "继": ("相后承", "续承"), "赴": ("", ""),
    "他": ("其", "国乡"), "其": ("尤与极", "他实中次"), "着": ("随接沿顺本朝意", "力手重眼"),
    "以": ("可所予加难得用足借据", "及后前来上下外内往为"), "完": ("", "成善整全美备"),
    "应": ("响适反相供答理对", "急用对该当有"), "看": ("观查收察好难", "望法守待"),
}


def _ends_with_noun(s: str) -> bool:
    table = _nouns()[0]
    return any(s.endswith(n) for n in table)


def _single_cut_ok(run: str, k: int) -> bool:
    w = run[k]
    prev_bad, next_bad = _SINGLE_NOT.get(w, ("", ""))
    if k > 0 and run[k - 1] in prev_bad:
        return False
    return not (k + 1 < len(run) and run[k + 1] in next_bad)


def _strip_determiners(name: str) -> str:
    if name[:1] not in _DETERMINER_FIRST:
        return name  # no determiner starts the name: none can be stripped
    changed = True
    while changed:
        changed = False
        for d in _DETERMINERS:
            if name.startswith(d) and len(name) > len(d):
                name = name[len(d):]
                changed = True
    return name


def _core(name: str) -> tuple[str, str | None]:
    """The name without edition, leading year and parenthesised place: what aliases share."""
    paren = None
    m = _PAREN.search(name)
    if m:
        paren = m.group(1)
        name = name[:m.start()] + name[m.end():]
    name = _YEAR_PREFIX.sub("", name)
    name = _ORDINAL_RE.sub("", name)
    name = name.replace("“", "").replace("”", "")
    for word in ("盛大", "隆重", "大型"):
        name = name.replace(word, "")
    for long, short in (("阅兵仪式", "阅兵"), ("阅兵式", "阅兵")):
        if name.endswith(long):
            name = name[: -len(long)] + short
    return name, paren


def _is_generic_name(name: str, noun: str) -> bool:
    rest = _strip_determiners(name)
    if _ORDINAL_RE.search(rest) and rest.startswith(("第", "首届")) and rest.endswith(noun):
        return False  # 第一次全体会议: named by its ordinal
    rest = _ORDINAL_RE.sub("", rest)
    rest = rest[: len(rest) - len(noun)] if rest.endswith(noun) else rest
    for g in _GENERIC_LONGEST_FIRST:
        if g in rest:
            rest = rest.replace(g, "")
    return len(rest) < 2


def _edition(name: str, noun: str) -> int | None:
    plenary = re.search(r"([一二三四五六七八九十]+)中全会$", name)
    if plenary:  # 十九届四中全会: the fourth plenary session
        return parse_cn_number(plenary.group(1))
    last = None
    for m in _ORDINAL_NUM.finditer(name):
        last = m
    if last is None:
        return None
    if last.group(2):
        return 1
    # an inner event noun after the ordinal belongs to another event (第七届运动会开幕式)
    tail = name[last.end(): len(name) - len(noun)]
    if _nouns()[1].search(tail):
        return None
    return parse_cn_number(last.group(1))


def _type_for(noun: str, name: str, table: dict[str, str]) -> str:
    t = table.get(noun, "other")
    if noun == "会议" and re.search(r"[一二三四五六七八九十\d]次会议$", name):
        return "session"
    if noun == "会议" and "常委会" in name:
        return "session"
    return t


def _name_facts(name: str, noun: str, pattern: re.Pattern[str], table: dict[str, str]
                ) -> tuple[str, bool, int | None, str, str | None, str]:
    """``(name, generic, edition, core, paren, type)`` of a mention named ``name`` (its look-back cut
    made): what depends on the name alone, not on the text around it."""
    # a sub-event named by its own ordinal: 第十四次会议第一次全体会议 → 第一次全体会议
    inner = None
    for im in pattern.finditer(name, 0, len(name) - len(noun)):
        inner = im
    if inner is not None and re.match(r"第[〇一二三四五六七八九十百\d]+次", name[inner.end():]):
        name = name[inner.end():]
    generic = _is_generic_name(name, noun)
    if generic:
        name = noun
    core, paren = _core(_strip_determiners(name))
    return name, generic, _edition(name, noun), core, paren, _type_for(noun, name, table)


def _noun_mentions(text: str, page: Page, regions: Sequence[tuple[int, int]],
                   dates: Sequence[DateMention]) -> list[_Mention]:
    table, pattern = _nouns()
    day_ends = sorted(d.end for d in dates
                      if (d.value and len(d.value.split("/")[0]) == 10) or d.text.endswith(("日", "号")))
    dl = page.dateline
    if dl is not None and dl.end is not None:
        day_ends = sorted([*day_ends, dl.end])
    out: list[_Mention] = []
    # a page that repeats a phrase (a list, a menu, a scraped page twice over) repeats its cuts
    cut_memo: dict[tuple[str, str], str] = {}
    facts_memo: dict[tuple[str, str], tuple[str, bool, int | None, str, str | None, str]] = {}
    for lo, hi in regions:
        for m in pattern.finditer(text, lo, hi):
            noun = m.group()
            m_end = m.end()
            if noun.endswith("会") and text.startswith("议", m_end):
                noun, m_end = "会议", m_end + 1  # 工作会议, 部署会议: the longer noun
            for back in (1, 2):  # 主题展|览 → 展览: a noun that starts inside this one and ends later
                if back < len(noun):
                    longer = pattern.match(text, m_end - back)
                    if longer is not None and longer.end() > m_end:
                        noun = text[m.start():longer.end()]
                        noun = longer.group() if noun not in table else noun
                        m_end = longer.end()
                        break
            if table.get(noun) == "body":
                continue  # 立法会, 人民代表大会: bodies named like events
            after = text[m_end: m_end + 4]
            if after.startswith(_NOT_AFTER):
                continue
            rs = _run_start(text, (m_end - len(noun)), lo)
            run = text[rs:(m_end - len(noun))]
            q = text.rfind("“", max(lo, m_end - _MAX_NAME - len(noun)), m_end - len(noun))
            if 0 <= q < rs and text.find("”", q, m_end) < 0 and text[rs - 1] in " \u3000":
                name = text[q + 1:m_end]  # inside a quotation: “为了和平  走向世界——……成就展”
            else:
                dated = bisect.bisect_right(day_ends, rs) != bisect.bisect_right(day_ends, rs + len(run))
                named = None if dated else cut_memo.get((run, noun))
                if named is None:
                    named = _cut(run, noun, day_ends, rs) + noun
                    bare = _strip_determiners(named)
                    if bare != named and not _is_generic_name(named, noun):
                        named = bare  # 此次中国—中东欧国家旅游合作高级别会议
                    if not dated:  # (without a date inside the run, the cut depends on the run alone)
                        cut_memo[run, noun] = named
                name = named
            facts = facts_memo.get((name, noun))
            if facts is None:
                facts = facts_memo[name, noun] = _name_facts(name, noun, pattern, table)
            name, generic, ed, core, paren, ntype = facts
            start = m_end - len(name)
            if ed is None:
                before = text[max(lo, start - 8):start]
                em = _EDITION_BEFORE.search(before)
                if em:
                    ed = _edition(em.group(1) + noun, noun)
            if ntype == "congress" and ed is None and not generic:
                continue  # 全国人民代表大会 as a body; a congress event carries its ordinal
            out.append(_Mention(name=name, noun=noun, type=ntype, start=start,
                                end=m_end, edition=ed, core=core, paren=paren, generic=generic,
                                sentence=_sentence_of(text, m_end - len(noun), lo, hi)))
    return out


def _is_abbreviation(short: str, long: str) -> bool:
    """``世园会`` abbreviates ``世界园艺博览会``: same last char, the short one a subsequence."""
    if len(short) < 3 or len(short) >= len(long) or short[-1] != long[-1]:
        return False
    it = iter(long)
    return all(c in it for c in short)


def _compatible(ev: _Ev, m: _Mention) -> bool:
    if ev.type in ("meeting", "talks", "visit"):
        return False
    if m.edition is not None and ev.edition is not None and m.edition != ev.edition:
        return False
    if m.paren and ev.paren and m.paren != ev.paren:
        return False
    a, b = m.core, ev.core
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) >= 4 and long.endswith(short):
        return True
    if _is_abbreviation(short, long):
        return True
    # 北京世界园艺博览会 = 2019年中国北京世界园艺博览会
    return len(short) >= 5 and short in long and long.endswith(m.noun) and short.endswith(m.noun)


# --- attributes ----------------------------------------------------------------------------------


def _window(m: _Mention, mentions_after: Sequence[_Mention]) -> tuple[int, int]:
    """From the mention to its sentence end, stopping at the next specific event mention."""
    end = m.sentence[1]
    for o in mentions_after:
        if o.start >= m.end and not o.generic and o.start < end:
            end = o.start
            break
    return m.end, end


def _clause_start(text: str, pos: int, lo: int) -> int:
    s = pos
    while s > lo and text[s - 1] not in _CLAUSE_END and pos - s < 200:
        s -= 1
    return s


def _find_place(text: str, s: int, e: int, places: Sequence[Place]) -> str | None:
    pm = _PLACE_RE.search(text, s, e)
    if pm and pm.start() - s <= 14 and _plausible_place(pm.group(1), places):
        return _expand_place(text, pm.group(1), pm.start())
    return None


_VERBS_NOT_IN_PLACE = ("会见", "出席", "参加", "主持", "举行", "来华", "分别", "会谈")


def _place_before(text: str, s: int, e: int) -> str | None:
    pm = _PLACE_BEFORE_RE.search(text[s:e])
    if pm and not any(v in pm.group(1) for v in _VERBS_NOT_IN_PLACE) and _plausible_place(pm.group(1), ()):
        return _expand_place(text, pm.group(1), s + pm.start())
    return None


_VENUE_SUFFIXES = ("堂", "馆", "厅", "中心", "宾馆", "饭店", "酒店", "广场", "会场", "体育场",
                   "大厦", "市", "省", "县", "区", "镇", "乡", "村", "国", "港", "站", "园",
                   "院", "校", "湖", "山", "岛", "城", "楼", "宫", "所", "基地", "总部", "部",
                   "办", "局", "厂", "场", "台", "州", "湾", "街", "路", "府")


def _plausible_place(place: str, places: Sequence[Place]) -> bool:
    """A place or venue, not a clause caught by 在……举行 (在场外国专家应邀出席, 这里)."""
    if not place or place in ("这里", "那里", "此", "其间", "当地", "现场", "会上", "线上", "线下"):
        return False
    if place.startswith(("场", "于", "这", "那", "此")) or any(c in place for c in "及和其的、"):
        return False
    if any(p.name == place or place.startswith(p.name) for p in places):
        return True
    if place in _SHORT_PLACES or (place.startswith(tuple(_SHORT_PLACES)) and len(place) <= 2):
        return True
    if place.endswith(_VENUE_SUFFIXES):
        return True
    known = _gazetteer()
    if any(place[:k] in known for k in range(min(len(place), 8), 1, -1)):
        return True
    return 1 <= len(place) <= 4


def _expand_place(text: str, place: str, pos: int) -> str:
    """``京`` → 北京; a one-character abbreviation (``在哈出席``) → the listed name it starts (哈萨克斯坦)."""
    if place in _SHORT_PLACES:
        return _SHORT_PLACES[place]
    if len(place) == 1:
        s = max(0, pos - 200)
        for m in re.finditer(re.escape(place) + r"[\u4e00-\u9fff]{1,6}?(?=[、，和及]|$)", text[s:pos]):
            return m.group()
    return place


def _gazetteer() -> frozenset[str]:
    """Province/city names and countries, for places inside event names (北京香山论坛)."""
    return region_names()


_HOME_NAMES = frozenset({"中国", "中华人民共和国", "共和国", "新中国", "中华"})


def _place_in_name(name: str, places: Sequence[Place]) -> str | None:
    known = {p.name for p in places} | _gazetteer()
    best: tuple[int, int, str] | None = None
    for i in range(len(name)):
        for j in range(min(len(name), i + 8), i + 1, -1):
            w = name[i:j]
            if w in known and w not in _HOME_NAMES and not name.startswith("合作", j):
                best = (i, j, w)
                break
        if best is not None:
            break
    return best[2] if best else None


def _organisers(segment: str, organisations: Sequence[Organisation]) -> list[str]:
    om = _ORGANISER_RE.search(segment)
    if not om:
        return []
    body = om.group(1)
    found: list[tuple[int, str]] = []
    for org in organisations:
        for n in (org.name, *org.aliases, *((org.abbreviation,) if org.abbreviation else ())):
            k = body.find(n) if n else -1
            if k >= 0:
                found.append((k, n))
                break
    if found:
        return [n for _, n in sorted(found)]
    return [p for p in (x.strip() for x in _SPLIT_ORGS.split(body)) if 2 <= len(p) <= 30]


def _counts(segment: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for cm in _COUNT_RE.finditer(segment):
        n = float(cm.group(1)) * (10000 if cm.group(2) else 1)
        kind = cm.group(4)
        if kind:
            key = {"国家和地区": "countries_and_regions", "国家": "countries", "地区": "regions"}[kind]
        else:
            key = "people"
        out.setdefault(key, int(n))
    return out


# --- meetings and visits -------------------------------------------------------------------------


def _subjects(text: str, persons: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Persons that can be a clause's subject: not a possessor (习近平特使王岐山, 习近平的)."""
    return [p for p in persons if not text.startswith(("特使", "的", "主席特使", "总统特使"), p[1])]


def _person_spans(officials: Sequence[Official], entities: Sequence[Entity]) -> list[tuple[int, int, str]]:
    spans = [(sp.start, sp.end, o.name) for o in officials for sp in o.mentions]
    spans += [(e.start, e.end, e.text) for e in entities if e.label == "PERSON"]
    spans.sort()
    return spans


def _guest_name(item: str, persons: _ByStart[tuple[int, int, str]], base: int) -> str | None:
    inside = [p for p in persons.within(base, base + len(item)) if p[1] <= base + len(item)]
    if inside:
        return inside[-1][2]
    if persons:
        return None  # people are known and none is named here (会见……及其亲属)
    best = -1
    for t in _title_words():
        k = item.rfind(t)
        if k >= 0 and k + len(t) > best:
            best = k + len(t)
    rest = item[best:] if best >= 0 else item
    rest = rest.strip("　 ")
    if 2 <= len(rest) <= 8 and all(_is_cjk(c) or c == "·" for c in rest):
        return rest
    return None


def _in_parens(text: str, lo: int, pos: int) -> bool:
    """Whether ``pos`` sits inside an unclosed （…） opened after ``lo`` (the reporter's note)."""
    k = max(text.rfind("（", lo, pos), text.rfind("(", lo, pos))
    if k < 0:
        return False
    return max(text.rfind("）", k, pos), text.rfind(")", k, pos)) < 0


def _meetings(text: str, regions: Sequence[tuple[int, int]], persons: _ByStart[tuple[int, int, str]],
              subjects: _ByStart[tuple[int, int, str]], dates: _ByStart[DateMention],
              page: Page) -> list[_Ev]:
    verbs = re.compile("|".join(_MEETING_VERBS))
    out: list[_Ev] = []
    by_guest: dict[tuple[str, str], _Ev] = {}
    last_host: str | None = None
    body_start = page.paragraphs[0].start if page.paragraphs else 0
    for lo, hi in regions:
        for vm in verbs.finditer(text, lo, hi):
            verb = vm.group()
            kind = _MEETING_VERBS[verb]
            if text[vm.end(): vm.end() + 1] in ("厅", "室"):
                continue
            ss, se = _sentence_of(text, vm.start(), lo, hi)
            cs = _clause_start(text, vm.start(), lo)
            near = max(ss, vm.start() - 120)
            before_persons = [p for p in subjects.within(near, vm.start()) if p[1] <= vm.start()
                              and not _in_parens(text, ss, p[0])]
            items: list[tuple[str, int]] = []
            if kind == "talks":
                k = max(text.rfind("同", cs, vm.start()), text.rfind("与", cs, vm.start()))
                if k < 0:
                    continue
                seg = text[k + 1: vm.start()]
                if seg.endswith("举行"):
                    seg = seg[:-2]
                items = [(seg, k + 1)]
                before_persons = [p for p in before_persons if p[1] <= k]
            else:
                e = vm.end()
                if text.startswith("了", e):
                    e += 1
                ce = e
                while ce < hi and text[ce] not in _CLAUSE_END and ce - e < 150:
                    ce += 1
                obj = text[e:ce]
                for stop in ("时", "并", "一行"):
                    if obj.endswith(stop):
                        obj = obj[: -len(stop)]
                k = obj.rfind("的")
                base = e + (k + 1 if k >= 0 else 0)
                obj = obj[k + 1:] if k >= 0 else obj
                pos = base
                for part in re.split(r"(、|和|以及|及)", obj):
                    if part and part not in ("、", "和", "以及", "及"):
                        items.append((part, pos))
                    pos += len(part)
            in_clause = [p for p in before_persons if p[0] >= cs]
            pick = in_clause or before_persons
            host: str | None = pick[0][2] if pick else None
            if host is None and cs == ss and ss > body_start:
                host = last_host
            for item, ipos in items[:_MAX_GUESTS]:
                guest = _guest_name(item, persons, ipos)
                if not guest or guest == host:
                    continue
                key = (kind, guest)
                span = Span(text[vm.start():vm.end()], vm.start(), vm.end())
                # date and place: the clause before the verb (9日上午在人民大会堂会见)
                ds = [d for d in dates.within(ss, vm.start()) if d.end <= vm.start() and d.value]
                date = ds[-1].value if ds else None
                in_lead = bool(page.paragraphs) and page.paragraphs[0].start <= ss < page.paragraphs[0].end
                if date is None and in_lead and page.dateline is not None:
                    date = page.dateline.date
                place = _place_before(text, ss, vm.end())
                if key not in by_guest and (kind, item) in by_guest:
                    key = (kind, item)
                if key in by_guest:
                    old = by_guest[key]
                    old.mentions.append(_Mention(span.text, verb, kind, span.start, span.end, None,
                                                 "", None, True, (ss, se)))
                    old.date = old.date or date
                    old.place = old.place or place
                    if host and old.participants.get("named", [None])[0] != host:
                        old.participants["named"] = [host, guest]
                        old.name = (f"{host}同{item}会谈" if kind == "talks" else f"{host}{verb}{item}")
                    continue
                if kind == "talks":
                    name = f"{host}同{item}会谈" if host else f"同{item}会谈"
                    aliases = [f"同{guest}会谈"] + ([f"{host}同{guest}会谈"] if host else [])
                else:
                    name = f"{host}{verb}{item}" if host else f"{verb}{item}"
                    aliases = [f"{verb}{guest}"] + ([f"{host}{verb}{guest}"] if host else [])
                ev = _Ev(mentions=[_Mention(span.text, verb, kind, span.start, span.end, None, "", None,
                                            True, (ss, se))], type=kind)
                ev.name = name
                ev.aliases = [a for a in dict.fromkeys(aliases) if a != name]
                ev.participants = {"named": [x for x in (host, guest) if x]}
                ev.date, ev.place = date, place
                by_guest[key] = ev
                by_guest[(kind, item)] = ev
                out.append(ev)
            if host:
                last_host = host
    return out


def _visits(text: str, regions: Sequence[tuple[int, int]], subjects: _ByStart[tuple[int, int, str]],
            dates: _ByStart[DateMention]) -> list[_Ev]:
    out: list[_Ev] = []
    seen: dict[str, _Ev] = {}
    for lo, hi in regions:
        for vm in _VISIT_RE.finditer(text, lo, hi):
            place = vm.group(1)
            place = {"华": "中国"}.get(place, place)
            ss, se = _sentence_of(text, vm.start(), lo, hi)
            cs = _clause_start(text, vm.start(), ss)
            before = [p for p in subjects.within(max(ss, vm.start() - 120), vm.start()) if p[1] <= vm.start()
                      and not _in_parens(text, ss, p[0])]
            in_clause = [p for p in before if p[0] >= cs]
            pick = in_clause or before
            host = pick[0][2] if pick else None
            span = Span(vm.group(), vm.start(), vm.end())
            m = _Mention(span.text, "访问", "other", span.start, span.end, None, "", None, True, (ss, se))
            key = f"{host}|{place}"
            if key in seen:
                seen[key].mentions.append(m)
                continue
            ev = _Ev(mentions=[m], type="other")
            kind = vm.group(2)
            ev.name = f"{host}对{place}进行{kind}" if host else f"对{place}进行{kind}"
            ev.aliases = [f"{host}访问{place}" if host else f"访问{place}"]
            if kind != "访问":
                ev.aliases.append(kind)
            ev.place = place
            ev.participants = {"named": [host]} if host else {}
            ds = [d for d in dates.within(ss, vm.start()) if d.end <= vm.start() and d.value]
            ev.date = ds[-1].value if ds else None
            seen[key] = ev
            out.append(ev)
    return out


# --- the extractor -------------------------------------------------------------------------------


def find_events(text: str, page: Page, entities: Sequence[Entity], officials: Sequence[Official],
                organisations: Sequence[Organisation], places: Sequence[Place],
                dates: Sequence[DateMention]) -> list[Event]:
    """Events the article reports, with their names, aliases and attributes (see module doc)."""
    regions = _regions(text, page)
    if not regions:
        return []
    mentions = _noun_mentions(text, page, regions, dates)
    events: list[_Ev] = []
    by_core: dict[str, list[_Ev]] = {}
    attached: set[int] = set()
    last_by_noun: dict[str, _Ev] = {}
    last_by_type: dict[str, _Ev] = {}
    first_by_type: dict[str, _Ev] = {}  # the first event of each type and of each first noun,
    first_by_noun: dict[str, _Ev] = {}  # instead of a scan of all events per generic mention
    for m in mentions:
        target: _Ev | None = None
        if m.generic:
            target = last_by_noun.get(m.noun) or last_by_type.get(m.type)
            if target is None:
                # a generic mention before its event (标题: 大会……): link to the first later one
                target = first_by_type.get(m.type)
            if target is None:
                continue
            target.mentions.append(m)
            attached.add(id(m))
        else:
            recent = events[-_MERGE_WINDOW:]
            exact = by_core.get(m.core)
            candidates = [*reversed(recent), *(exact or [])]
            for ev in candidates:
                if (ev.type == m.type or ev.mentions[0].noun == m.noun) and _compatible(ev, m):
                    target = ev
                    break
            if target is None:
                target = _Ev(mentions=[m], type=m.type, core=m.core, paren=m.paren, edition=m.edition)
                events.append(target)
                first_by_type.setdefault(m.type, target)
                first_by_noun.setdefault(m.noun, target)
                by_core.setdefault(m.core, []).append(target)
            else:
                target.mentions.append(m)
                if target.edition is None:
                    target.edition = m.edition
                if target.paren is None:
                    target.paren = m.paren
                if len(m.core) > len(target.core):
                    target.core = m.core
        last_by_noun[m.noun] = target
        last_by_type[m.type] = target
    # generic mentions seen before any named event of their kind: attach them now
    for m in mentions:
        if m.generic and id(m) not in attached:
            target = first_by_noun.get(m.noun)
            if target is not None:
                target.mentions.append(m)

    person_list = _person_spans(officials, entities)
    persons = _ByStart(person_list, key=lambda p: p[0])
    subjects = _ByStart(_subjects(text, person_list), key=lambda p: p[0])
    by_date = _ByStart(list(dates), key=lambda d: d.start)
    meetings = _meetings(text, regions, persons, subjects, by_date, page)
    visits = _visits(text, regions, subjects, by_date)

    org_names = {n for o in organisations for n in (o.name, *o.aliases) if n}
    if org_names:
        events = [ev for ev in events if not all(m.generic or m.name in org_names for m in ev.mentions)]
    all_mentions = _ByStart(mentions, key=lambda x: x.start)
    first_para = page.paragraphs[0] if page.paragraphs else None
    for ev in events:
        ev.mentions.sort(key=lambda x: x.start)
        _fill(text, ev, all_mentions, by_date, places, organisations, page, first_para)
        named = _named_participants(text, ev, persons)
        if named:
            ev.participants["named"] = named
    meeting_starts = [x.mentions[0].start for x in meetings]
    in_order = meeting_starts == sorted(meeting_starts)
    for ev in events:
        if ev.date is None or ev.place is None:
            m0 = ev.mentions[0]
            am = _AFTER_MEETING.match(text, m0.sentence[0])
            if not am:
                continue
            if in_order:  # the last meeting that starts before the event, by bisection
                k = bisect.bisect_left(meeting_starts, m0.start)
                prior = meetings[k - 1:k]
            else:
                prior = [x for x in meetings if x.mentions[0].start < m0.start]
            if prior:
                ev.date = ev.date or prior[-1].date
                ev.place = ev.place or prior[-1].place
    visits_by_host: dict[str | None, list[_Ev]] = {}
    for v in visits:
        visits_by_host.setdefault((v.participants.get("named") or [None])[0], []).append(v)
    for mt in meetings:
        # a meeting during a visit, with no place of its own, takes the visit's place
        if mt.place is None:
            host = (mt.participants.get("named") or [None])[0]
            hosts_visits = visits_by_host.get(host, [])
            if host and len(hosts_visits) == 1:
                mt.place = hosts_visits[0].place
    result = [*events, *meetings, *visits]
    result.sort(key=lambda e: (e.mentions[0].start, -len(e.name or e.mentions[0].name)))
    return [_to_event(ev) for ev in result]


def _fill(text: str, ev: _Ev, all_mentions: _ByStart[_Mention], dates: _ByStart[DateMention],
          places: Sequence[Place], organisations: Sequence[Organisation], page: Page,
          first_para: Span | None) -> None:
    fallback_place: str | None = None
    title_end = first_para.start if first_para is not None else 0
    # body mentions first: a title's 在京 is less precise than the lead's 在人民大会堂
    for m in sorted(ev.mentions, key=lambda x: (x.start < title_end, x.start)):
        ws, we = _window(m, all_mentions.within(m.end, m.sentence[1]))
        ss = m.sentence[0]
        if ev.date is None:
            fwd = [d for d in dates.within(ws, min(we, ws + 15)) if d.end <= we and d.value]
            if fwd:
                ev.date = fwd[0].value
            elif not m.generic:
                # a mention coordinated with this one (A论坛和B博览会开幕式) shares its date
                between = [o.end for o in all_mentions.within(ss, m.start) if o.end <= m.start
                           and not o.generic and text[o.end:m.start] not in _CONJUNCTIONS]
                floor = max(between, default=ss)
                back = [d for d in dates.within(floor, m.start) if d.end <= m.start and d.value]
                if back:
                    ev.date = back[-1].value
        if ev.place is None:
            ev.place = _find_place(text, ws, we, places)
            if ev.place is None and not m.generic and fallback_place is None:
                fallback_place = _place_before(text, max(ss, m.start - 40), m.start)
        seg = text[m.sentence[0]:m.sentence[1]]
        if not ev.organisers:
            ev.organisers = _organisers(text[m.start:m.sentence[1]] if not m.generic else seg, organisations)
        if ev.theme is None:
            tm = _THEME_RE.search(text, m.sentence[0], m.sentence[1])
            if tm and (m.generic or tm.start() < m.start or tm.start() - m.end < 30):
                ev.theme = tm.group(1) or tm.group(2)
        if re.search(r"参加|出席|参会|与会|到会", seg):
            for k, v in _counts(text[m.sentence[0]:m.sentence[1]]).items():
                ev.participants.setdefault(k, v)
    if ev.place is None and ev.paren and _is_placeish(ev.paren, places):
        ev.place = ev.paren
    if ev.place is None:
        ev.place = fallback_place
    if ev.place is None:
        names = [m.name for m in ev.mentions if not m.generic]
        ev.place = next((p for p in (_place_in_name(n, places) for n in names) if p), None)
    in_lead = first_para is not None and any(
        first_para.start <= m.start < first_para.end for m in ev.mentions)
    if _AFTER_MEETING.match(text, ev.mentions[0].sentence[0]):
        in_lead = False  # 会谈后，……: the meeting's date and place come later
    if in_lead and page.dateline is not None:
        if ev.place is None and page.dateline.place:
            ev.place = _SHORT_PLACES.get(page.dateline.place, page.dateline.place)
        if ev.date is None and page.dateline.date:
            lead_mentions = [m for m in ev.mentions if first_para is not None and m.start < first_para.end]
            if lead_mentions and lead_mentions[0].start - first_para.start < 120:  # type: ignore[union-attr]
                ev.date = page.dateline.date


_ROLE_RE = re.compile(r"[^，。；：、\s]{0,6}?(?:主持|出席|致辞|讲话|宣读|作主旨演讲|发表|发言|作报告)")


def _named_participants(text: str, ev: _Ev, by_start: _ByStart[tuple[int, int, str]]) -> list[str]:
    """People who chair, attend or address the event in the sentences that mention it."""
    sentences = sorted({m.sentence for m in ev.mentions})
    out: list[str] = []
    persons, starts = by_start.items, by_start.starts
    for ss, se in sentences:
        j = bisect.bisect_left(starts, ss)  # the first person at or after the sentence
        while j < len(persons) and persons[j][1] <= se:
            s, e, name = persons[j]
            if _ROLE_RE.match(text, e, se) and not _in_parens(text, ss, s) and name not in out:
                out.append(name)
            j += 1
    return out


def _is_placeish(s: str, places: Sequence[Place]) -> bool:
    if any(p.name == s for p in places):
        return True
    return 2 <= len(s) <= 6 and all(_is_cjk(c) for c in s)


def _to_event(ev: _Ev) -> Event:
    names = [m.name for m in ev.mentions if not m.generic]
    if ev.name is None and not names:
        names = [ev.mentions[0].name]
    if ev.name is None:
        # the fullest form: with an edition and a parenthesised place if any mention has them
        best = max(names, key=lambda n: (bool(_ORDINAL_RE.search(n)) + bool(_PAREN.search(n)), len(n)))
        if ev.edition is not None and not _ORDINAL_RE.search(best):
            prefix = next((mm.group() for n in names for mm in [_ORDINAL_RE.match(n)] if mm), None)
            if prefix:
                best = prefix + best
        ev.name = best
    aliases = list(dict.fromkeys([*ev.aliases, *(n for n in names if n != ev.name)]))
    spans = tuple(Span(m.name, m.start, m.end) for m in ev.mentions)
    return Event(
        name=ev.name,
        aliases=tuple(a for a in aliases if a != ev.name),
        type=ev.type,
        edition=ev.edition,
        date=ev.date,
        place=ev.place,
        organisers=tuple(ev.organisers),
        theme=ev.theme,
        participants=dict(ev.participants),
        mentions=spans,
    )
