"""Mentions: the spans of text that name a person, a title, an organisation or a place.

How a text is read (each step one pass over the text or its tokens):

1. one scan with the dictionary trie (titles with their prefixes, known organisations,
   places), leftmost-longest;
2. unknown organisations: a token ending in an organisation suffix (部, 委员会, 学会, 公司 …),
   extended to the left over name-like tokens (nouns, places, 与) — ``荷兰基础设施与环境部``;
3. jieba evidence for what the dictionaries miss: ``nt`` organisations, ``ns`` places;
4. people: a name read right after a title (``局长支树平``), right before one
   (``奥利总理``), in a ``、`` list after another person, jieba's ``nr``/``nrt`` tokens,
   and every later occurrence of a name already found (``王勇指出``);
5. a Chinese-name model checks jieba's names: the given part must be made of name-like
   characters (``given_name_chars.tsv``, mean log-ratio score), and the two-character words
   jieba's dictionary tags ``nr`` (``name_tagged_words.tsv``: 顾客, 白云) need context (a title
   before, a speech verb or form of address after, a list with another name). The same model
   adds names before speech verbs (``刘玲玲指出``), three-character tokens whatever their tag
   (``李永春``), a third character the segmenter cut off (``张耀`` + ``真说``), Latin names after a
   title, and the person of a doctrine (``马克思主义``);
6. context relabels: transliterated "people" next to ``vs``/``主场``/``做客`` in a league text
   are teams (ORG), after ``在``/``到``/``位于`` places, before a place noun or a plain noun
   nothing; a name before 村/乡/镇/县/市 is a place (``书房村``).

The result is sorted and non-overlapping.

>>> from qtext._extract._mentions import find_mentions
>>> [(m.text, m.label) for m in find_mentions("国务委员王勇出席大会。", [])]
[('国务委员', 'TITLE'), ('王勇', 'PERSON')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .._document import Token
from .._segment import user_tagged
from ._knowledge import ABBR_VERBS, Lexicon, lexicon
from ._scan import Spans, longest_matches

__all__ = ["Mention", "find_mentions", "is_han"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A labelled span: ``label`` is PERSON, TITLE, ORG or PLACE; ``key`` ties names of one thing."""

    text: str
    label: str
    start: int
    end: int
    key: str | None = None
    type: str | None = None
    source: str = "dict"  # dict, suffix, pos, title, list, repeat, speaker, model, team, doctrine


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


_DOTS = "·・•‧"
_LOST_DOTS = "?？"  # a separator lost in transcoding (艾力更？依明巴海), accepted between Han runs
# Characters that cannot be part of a Chinese given name (function words, measure words …).
_NOT_GIVEN = frozenset(
    "的了是在和与等说也都就将已到及对为并又还被把向从给让于以之其这那我你他她它们个年日时"
    "分秒号届次位名项条家所上下里内来去过着吗呢吧啊呀而或但却则即因如若虽每各某该此"
    "本全共约近余多少几第一二三四五六七八九十百千万亿两某"
)
# Words that typically follow a name: when one starts right after surname + one character, the
# name has a one-character given name (应勇出席, 王毅会见).
_FOLLOW = (
    "出席",
    "主持",
    "表示",
    "指出",
    "强调",
    "说",
    "会见",
    "会谈",
    "致辞",
    "致信",
    "宣读",
    "讲话",
    "参加",
    "发表",
    "介绍",
    "认为",
    "告诉",
    "陪同",
    "率",
    "一行",
    "代表",
    "分别",
    "共同",
    "作",
    "在",
    "等",
    "和",
    "与",
    "同",
    "向",
    "对",
    "为",
    "是",
    "也",
    "还",
    "就",
    "将",
    "已",
    "到",
    "的",
    "致",
    "接受",
    "签署",
    "视察",
    "考察",
    "调研",
    "看望",
    "慰问",
    "听取",
    "回答",
    "提出",
    "希望",
    "要求",
    "当选",
    "担任",
    "任",
    "主席",
    "先生",
    "女士",
    "同志",
    "及",
    "以及",
    "称",
    "宣布",
    "此前",
    "日前",
    "今天",
    "昨天",
    "上午",
    "下午",
    "晚上",
    "抵达",
    "出发",
    "访问",
    "举行",
    "会晤",
    "通电话",
    "发来",
    "致电",
    "指示",
    "批示",
    "签名",
    "亲切",
    "热情",
    "高度",
    "积极",
    "首先",
    "随后",
    "最后",
    "并",
    "又",
    "都",
    "则",
    "说道",
    "透露",
    "坦言",
    "建议",
    "感谢",
    "祝贺",
    "欢迎",
    "赞赏",
    "带领",
    "领导",
    "看到",
    "来到",
    "走进",
    "前往",
)
_FOLLOW_SET = frozenset(_FOLLOW)
_FOLLOW_RE = re.compile("|".join(sorted(_FOLLOW, key=len, reverse=True)))
# Tokens that end in an organisation suffix but are not organisations.
_SUFFIX_STOP = frozenset(
    [
        "内部",
        "外部",
        "全部",
        "干部",
        "局部",
        "东部",
        "西部",
        "南部",
        "北部",
        "中部",
        "总部",
        "腹部",
        "头部",
        "胸部",
        "面部",
        "背部",
        "底部",
        "顶部",
        "当局",
        "格局",
        "布局",
        "大局",
        "结局",
        "全局",
        "时局",
        "开局",
        "棋局",
        "赛局",
        "骗局",
        "变局",
        "新局",
        "大厅",
        "客厅",
        "餐厅",
        "展厅",
        "前厅",
        "举办",
        "创办",
        "承办",
        "主办",
        "开办",
        "兴办",
        "督办",
        "包办",
        "查办",
        "申办",
        "合办",
        "协办",
        "代办",
        "怎么办",
        "签署",
        "部署",
        "公署",
        "冠军",
        "亚军",
        "季军",
        "将军",
        "大军",
        "全军",
        "参军",
        "核心",
        "重心",
        "圆心",
        "信心",
        "决心",
        "关心",
        "热心",
        "爱心",
        "用心",
        "社会",
        "机会",
        "大会",
        "晚会",
        "宴会",
        "年会",
        "例会",
        "峰会",
        "盛会",
        "都会",
        "开会",
        "国际组织",
        "基层组织",
        "党组织",
        "社会组织",
        "组织",
        "队",
        "论坛",
    ]
)
_SUFFIX_STOP_END = tuple(
    [
        "干部",
        "宴会厅",
        "会客厅",
        "休息厅",
        "音乐厅",
        "咖啡厅",
        "营业厅",
        "展览厅",
        "大厅",
        "西部",
        "东部",
        "南部",
        "北部",
        "中部",
        "全部",
        "内部",
        "外部",
        "局部",
        "党政军",
        "部署",
        "冠军",
        "大军",
        "将军",
        "骗局",
        "格局",
        "布局",
        "大局",
        "结局",
        "全局",
        "变局",
        "当局",
        "大会",
        "晚会",
        "宴会",
        "机会",
        "社会",
    ]
)
# Leading words that make a name generic (有关部门, 各国政府, 地方政府).
_GENERIC = frozenset(
    [
        "有关",
        "相关",
        "各",
        "各国",
        "各级",
        "各地",
        "该",
        "本",
        "这",
        "这些",
        "那",
        "此",
        "部分",
        "其他",
        "其它",
        "地方",
        "基层",
        "国内",
        "国外",
        "国际",
        "全球",
        "行业",
        "科研",
        "高等",
        "一些",
        "多家",
        "多个",
        "两国",
        "双方",
        "我国",
        "我们",
        "他们",
        "中外",
        "外国",
        "境外",
        "境内",
        "主管",
        "上级",
        "下级",
        "全国",
        "省级",
        "市级",
        "县级",
        "各类",
        "多国",
        "世界",
        "当地",
        "有关国家",
        "相应",
        "重点",
        "专业",
        "民营",
        "国有",
        "大型",
        "中小",
        "知名",
        "集团",
        "公司",
        "单位",
        "广大",
        "所在",
        "所属",
        "下属",
        "直属",
        "临时",
        "部门",
        "系统",
        "企业",
        "机关",
        "专门",
        "直辖市",
        "官方",
    ]
)
_FUNCTION_TAGS = frozenset({"c", "p", "u", "uj", "ul", "uz", "ug", "uv", "ud", "d", "r", "y", "e", "o"})
_WORD_TAGS = frozenset(
    {"v", "vd", "vn", "d", "a", "ad", "an", "c", "p", "m", "q", "r", "t", "f", "u", "i", "l"}
)
_GENERIC_HEADS = tuple(g for g in _GENERIC if len(g) > 1)
_ORG_TAGS = frozenset(
    {"n", "nz", "ns", "nt", "j", "vn", "b", "an", "ng", "l", "s", "nrt", "eng", "nr", "i", "a"}
)
_MAX_ORG = 24


def _tok_ok_in_org(t: Token) -> bool:
    if not t.text or not all(is_han(c) or c.isalnum() for c in t.text) or t.text in _FOLLOW_SET:
        return False
    return t.pos in _ORG_TAGS or (t.pos == "m" and t.text.startswith("第"))


def _org_like(name: str, lex: Lexicon) -> bool:
    """Ends in an organisation suffix after a stem that is not generic (党组织 is generic)."""
    suf = _suffix_of(name, lex)
    if suf is None or _stopped(name):
        return False
    stem = name[: len(name) - len(suf)]
    return len(stem) >= 2 and stem not in _GENERIC and not stem.startswith(_GENERIC_HEADS)


_FEDERATIONS = frozenset(["联合会", "委员会", "协会", "学会", "联盟", "总会", "理事会"])


def _named_body(word: str) -> bool:
    """A jieba ``nt`` word ending in 党, 社, 报 or 联 after a name that is not generic
    (社民党, 南通社, 武联; not 政党, 该社)."""
    stem = word[:-1]
    return (
        word[-1] in "党社报联"
        and len(stem) >= 2
        and stem not in _GENERIC
        and not stem.startswith(_GENERIC_HEADS)
        and stem not in ("执政", "在野", "反对", "政", "该", "本", "各", "报", "日", "晚")
    )


def _stopped(word: str) -> bool:
    return word in _SUFFIX_STOP or word.endswith(_SUFFIX_STOP_END)


def _suffix_of(word: str, lex: Lexicon) -> str | None:
    for k in range(min(len(word), lex.max_suffix), 0, -1):
        s = word[-k:]
        if s in lex.suffixes:
            return s
    return None


def _covering(spans: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int] | None:
    """The span (from a sorted, non-overlapping list) that contains ``pos``, if any."""
    k = bisect.bisect_right(starts, pos) - 1
    if k >= 0 and spans[k][0] <= pos < spans[k][1]:
        return spans[k]
    return None


class _Reader:
    """Reads the mentions of one text; all state lives in the instance."""

    def __init__(self, text: str, tokens: Sequence[Token], lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.tokens = list(tokens)
        self.tok_at: dict[int, Token] = {t.start: t for t in self.tokens}
        self.tok_end: dict[int, Token] = {t.end: t for t in self.tokens}
        self.tok_end_set = frozenset(self.tok_end)
        self.tok_starts = [t.start for t in self.tokens]

    def tokens_between(self, a: int, b: int) -> list[Token]:
        out = []
        pos = a
        while pos < b:
            tk = self.tok_at.get(pos)
            if tk is None:
                return []
            out.append(tk)
            pos = tk.end
        return out

    # ------------------------------------------------------------------ dictionary
    def dictionary(self) -> list[Mention]:
        text, lex = self.text, self.lex
        out: list[Mention] = []
        for m in lex.scan.finditer(text):
            s, e = m.span()
            word = m.group()
            label = lex.kinds[word]
            if label == "TITLE":
                # 委员会, 主席团, 代表团, 理事会: the title is the start of an organisation's name
                if self.starts_org_suffix(word, e):
                    continue
                out.append(Mention(word, "TITLE", s, e))
            elif label == "ORG":
                info = lex.orgs[word]
                out.append(Mention(word, "ORG", s, e, info.key, info.type))
            else:
                place = lex.places[word]
                if self.crossed(s, e):
                    continue  # 发展中国家, 其中国王: the segmenter reads a word across the place's edge
                # 上海市长: the place is 上海, the title 市长
                if len(word) > 2 and word[-1] in "市省县区州镇乡" and text[e - 1 : e + 1] in lex.titles:
                    short = word[:-1]
                    if short in lex.places:
                        out.append(Mention(short, "PLACE", s, e - 1, place.key, place.type))
                        tm = lex.scan.match(text, e - 1)
                        if tm and lex.kinds.get(tm.group()) == "TITLE":
                            out.append(Mention(tm.group(), "TITLE", e - 1, tm.end()))
                        continue
                out.append(Mention(word, "PLACE", s, e, place.key, place.type))
        # the title fix above may produce a title overlapping the next match: keep the first
        out.sort(key=lambda x: (x.start, -x.end))
        clean: list[Mention] = []
        for x in out:
            if clean and x.start < clean[-1].end:
                continue
            clean.append(x)
        return clean

    def crossed(self, s: int, e: int) -> bool:
        """A two-character-or-longer token starts before ``s`` and ends inside ``(s, e]`` or after,
        or starts inside ``(s, e)`` and ends after ``e`` (a word across one edge of the span)."""
        k = bisect.bisect_right(self.tok_starts, s) - 1
        if k >= 0 and self.tokens[k].start < s < self.tokens[k].end and len(self.tokens[k].text) >= 2:
            return True
        k = bisect.bisect_right(self.tok_starts, e - 1) - 1
        return k >= 0 and s < self.tokens[k].start < e < self.tokens[k].end and len(self.tokens[k].text) >= 2

    def starts_org_suffix(self, word: str, end: int) -> bool:
        """``委员`` + ``会``, ``主席`` + ``团``: the word runs into an organisation suffix."""
        for k in (1, 2):
            if end + k > len(self.text):
                break
            w2 = word + self.text[end : end + k]
            suf = _suffix_of(w2, self.lex)
            if suf is not None and len(suf) > k:
                return True
        return False

    # ------------------------------------------------------------------ unknown organisations
    def suffix_orgs(self, taken: list[Mention]) -> list[Mention]:
        lex, toks = self.lex, self.tokens
        spans = [(m.start, m.end) for m in taken]
        starts = [s for s, _ in spans]
        label_at = {m.start: m for m in taken}
        place_starts = {m.start for m in taken if m.label in ("PLACE", "ORG")}
        out: list[Mention] = []
        last_chars = lex.suffix_last
        for k, t in enumerate(toks):
            w = t.text
            if not w or w[-1] not in last_chars or _stopped(w):
                continue
            if t.pos in _NOT_ORG_END and not (t.pos == "nr" and len(w) >= 3 and w[-1] in "部局委厅署办"):
                continue  # (宣传部 tagged as a name by jieba is still a department)
            suf = _suffix_of(w, lex)
            if suf is None:
                continue
            cov = _covering(spans, starts, t.end - 1)
            if cov is not None:
                m = label_at[cov[0]]
                if (
                    m.label == "ORG"
                    and cov == (t.start, t.end)
                    and k > 0
                    and toks[k - 1].pos in ("n", "nz", "vn")
                ):
                    pass  # 农业 + 水利部: a longer name ending in a known short form
                elif m.label in ("ORG", "TITLE") or cov[1] > t.end:
                    continue
            start = t.start
            j = k - 1
            had_place = False
            while j >= 0 and t.end - toks[j].start <= _MAX_ORG:
                p = toks[j]
                c = _covering(spans, starts, p.start)
                is_place = (c is not None and label_at[c[0]].label == "PLACE") or p.pos == "ns"
                if c is not None and label_at[c[0]].label != "PLACE":
                    lead = label_at[c[0]]
                    if (
                        lead.label == "ORG"
                        and lead.type in ("party", "association")
                        and lead.end == start
                        and len(lead.text) <= 3
                    ):
                        start = lead.start  # 中共 + 河北省委, 共青团 + 衡阳市委
                    break
                if had_place and not is_place:
                    break  # 北京大兴…: places lead a name; nothing goes before them
                if (
                    p.text == "与"
                    and j > 0
                    and _tok_ok_in_org(toks[j - 1])
                    and _tok_ok_in_org(toks[j + 1])
                    and _suffix_of(toks[j - 1].text, lex) is None
                    and (len(suf) == 1 or j + 1 < k)
                ):
                    start = p.start
                    j -= 1
                    continue
                if not (
                    _tok_ok_in_org(p)
                    or (j == k - 1 and len(w) == len(suf) and p.pos == "v" and len(p.text) == 2)
                ):
                    break  # (参谋 + 局, 认证 + 中心: a verb may stand right before the suffix)
                had_place = had_place or is_place
                start = p.start
                j -= 1
            # the first word is a noun or a place, not a verb or an adjective (影响公司)
            while j + 1 < k and (
                (toks[j + 1].pos in _NOT_ORG_START and not toks[j + 1].text.startswith("第"))
                or toks[j + 1].text == "与"
                or toks[j + 1].text[0] in "我你他她它"  # 我同村委会
            ):
                j += 1
                start = toks[j + 1].start
            # drop generic leading words: 有关行业协会 → nothing; 各国政府 → nothing
            name = self.text[start : t.end]
            stem_start = start
            for jj in range(j + 1, k + 1):
                if toks[jj].text in _GENERIC and toks[jj].start == stem_start:
                    stem_start = toks[jj].end
                else:
                    break
            if stem_start != start and not (
                self.text[start:stem_start] in ("国际", "全国")
                and suf in _FEDERATIONS
                and t.end - len(suf) - stem_start >= 2
                and self.text[stem_start : t.end - len(suf)] not in _GENERIC
            ):
                continue  # a generic head makes the whole name generic (but 国际游泳联合会)
            stem = self.text[stem_start : t.end - len(suf)]
            if len(stem) < 2 or stem in _GENERIC:
                continue
            if name in lex.places or name in lex.titles:
                continue
            if suf in _NEEDS_PROPER and not any(
                tk.pos in _PROPER_TAGS or tk.start in place_starts for tk in toks[j + 1 : k + 1]
            ):
                continue  # 保险公司, 职业中学, 年度政府: a common noun, not a name
            typ = lex.suffixes[suf]
            out.append(Mention(name, "ORG", start, t.end, "org:" + name, typ, "suffix"))
        return out

    # ------------------------------------------------------------------ names
    def follow_at(self, i: int) -> bool:
        """A word that comes after a name starts at ``i`` (or the text ends / punctuation)."""
        if i >= len(self.text) or not is_han(self.text[i]):
            return True
        if _FOLLOW_RE.match(self.text, i):
            return True
        m = self.lex.scan.match(self.text, i)
        return bool(m and self.lex.kinds.get(m.group()) == "TITLE")

    def foreign_name(self, i: int, hint: bool = False) -> int | None:
        """End of a transliterated name starting at ``i`` (``米尔扎耶夫``, ``威廉姆·特洛伊``).

        Characters outside the transliteration table are taken when the name is written with
        a middle dot (``艾力更·依明巴海``) or the context says the person is foreign (``hint``).
        """
        text, tr = self.text, self.lex.translit
        n = len(text)
        # a dotted name: Han run, dot, Han run …
        k = i
        while k < n and is_han(text[k]) and k - i < 8:
            k += 1
        dotted = k < n - 1 and (text[k] in _DOTS or text[k] in _LOST_DOTS) and is_han(text[k + 1]) and k > i
        lenient = hint or dotted
        tk0 = self.tok_at.get(i)
        if (
            lenient
            and not dotted
            and tk0 is not None
            and len(tk0.text) >= 2
            and (tk0.pos in _WORD_TAGS or (tk0.pos in _PLAIN_WORD and len(tk0.text) == 2))
            and not all(c in tr for c in tk0.text)
        ):
            return None  # 总统致力于, 特使出席: a word, not a name
        if _FOLLOW_RE.match(text, i):
            return None
        j = i
        seg = 0
        while j < n and j - i < 30:
            ch = text[j]
            if (
                (ch in _DOTS or (ch in _LOST_DOTS and dotted))
                and j > i
                and j + 1 < n
                and is_han(text[j + 1])
                and is_han(text[j - 1])
            ):
                j += 1
                seg = 0
                lenient = True
                continue
            if not is_han(ch) or seg >= 7:
                break
            if ch not in tr and not (lenient and ch not in _NOT_GIVEN):
                break
            if (j > i and seg >= 2) or (j > i and seg >= 1 and text[j - 1] not in _DOTS):
                # cut where a title, a known name or a following word begins
                m = self.lex.scan.match(text, j)
                if (
                    m and m.end() - j >= 2 and (self.lex.kinds[m.group()] != "PLACE" or m.end() - j >= 3)
                ) or _FOLLOW_RE.match(text, j):
                    break  # (a two-character place inside a long name is part of it: 谢尔久科夫)
                tk = self.tok_at.get(j)
                if ch not in tr and tk is not None and len(tk.text) >= 2 and tk.pos in _WORD_TAGS:
                    break  # 班达里 + 邀请
            j += 1
            seg += 1
        while j > i and (text[j - 1] in _DOTS or text[j - 1] in _LOST_DOTS):
            j -= 1
        return j if j - i >= 2 else None

    def chinese_name(self, i: int, strict: bool) -> int | None:
        text, lex = self.text, self.lex
        n = len(text)
        if text[i : i + 2] in lex.surnames2:
            sl = 2
        elif text[i] in lex.surnames:
            sl = 1
        else:
            return None
        if strict and sl == 1 and text[i] not in lex.common_surnames:
            return None
        g = i + sl
        tok = self.tok_at.get(i)
        if tok is not None and tok.pos in _FUNCTION_TAGS:
            nx = self.tok_at.get(i + 1)
            if (
                not strict
                and len(tok.text) == 1
                and nx is not None
                and nx.pos in ("n", "nr", "nz", "ng")
                and len(nx.text) <= 2
                and self.follow_at(nx.end)
                and not self.follow_at(i + 1)
            ):
                return nx.end  # 分析师于丽娟告诉: the surname 于 read as a preposition
            return None  # 和, 于, 对 … used as words here
        if tok is not None and len(tok.text) > sl and tok.pos in _WORD_TAGS:
            return None  # the surname character starts an ordinary word (高度, 方向)
        if (
            not strict
            and sl == 1
            and g + 3 <= n
            and text[g] in lex.common_surnames
            and is_han(text[g + 2])
            and text[g + 1] not in _NOT_GIVEN
            and text[g + 2] not in _ADVERB_CHARS
            and not self.follow_at(g + 2)
            and self.follow_at(g + 3)
        ):
            return g + 3  # 朱叶玉如, 林郑月娥: husband's and own surname, then the given name
        if (
            tok is not None
            and tok.pos in ("nr", "nrfg")
            and sl < len(tok.text) <= sl + 2
            and all(is_han(c) for c in tok.text)
        ):
            e = tok.end
            if len(tok.text) == sl + 1 and e < n and is_han(text[e]):
                # 刘季 + 幸: jieba cut a three-character name after two
                nxt1 = self.tok_at.get(e)
                list_end = e + 1 >= n or (text[e + 1] in "、，。；" and text[e] not in "说讲称问道")
                if (
                    nxt1 is not None
                    and len(nxt1.text) == 1
                    and (
                        list_end
                        or (
                            (nxt1.pos not in _NOT_THIRD or (nxt1.pos == "v" and self.follow_at(e + 1)))
                            and text[e] not in _NOT_GIVEN
                            and text[e] not in _VERB_CHARS
                            and not self.follow_at(e)
                        )
                    )
                    and not _ADDRESS_RE.match(text, e + 1)
                ):
                    return e + 1
                if (
                    nxt1 is not None
                    and len(nxt1.text) == 2
                    and nxt1.text[1] in _VERB_CHARS
                    and text[e] not in _NOT_GIVEN
                    and not self.follow_at(e)
                ):
                    return e + 1  # 刘季 + 幸作: the third character went to the verb after it
            if len(tok.text) == sl + 2 and text[e - 1] in _VERB_CHARS and e < n and text[e] not in _LIST_END:
                return e - 1  # 周强作的报告: the verb 作 is not part of the name
            return e
        g = i + sl
        if g >= n or not is_han(text[g]) or text[g] in _NOT_GIVEN:
            return None

        if strict and tok is not None and tok.end > g + 1 and tok.pos not in ("nr", "nrfg", "nrt"):
            return None  # the surname character starts an ordinary word (高度, 方向)
        list_end = g + 2 >= n or text[g + 2] in _LIST_END
        if (
            g + 1 >= n
            or not is_han(text[g + 1])
            or ((text[g + 1] in _NOT_GIVEN or self.follow_at(g + 1)) and not list_end)
        ):
            return g + 1
        nxt = self.tok_at.get(g + 1)
        if nxt is not None and len(nxt.text) >= 2 and nxt.pos not in ("nr", "nrfg", "nrt", "ng"):
            return g + 1
        if strict and not self.follow_at(g + 2):
            return None
        return g + 2

    def name_at(self, i: int, *, strict: bool, foreign_hint: bool = False) -> int | None:
        text = self.text
        if i >= len(text) or not is_han(text[i]):
            return None
        m = self.lex.scan.match(text, i)
        if m and m.end() - i >= 2:
            return None  # a title, organisation or place, not a name
        tok = self.tok_at.get(i)
        fe = self.foreign_name(i, foreign_hint)
        if fe is not None and any(c in _DOTS or c in _LOST_DOTS for c in text[i:fe]):
            return fe
        if (
            fe is not None
            and foreign_hint
            and (tok is None or tok.pos not in ("nr", "nrfg") or tok.end != fe)
        ):
            return fe
        ce = self.chinese_name(i, strict)
        if (
            fe is not None
            and ce is not None
            and fe - i >= 4
            and fe > ce
            and self.tok_at.get(ce) is not None
            and self.tok_at[ce].pos == "nrt"
        ):
            return fe  # 谢尔久 + 科夫: jieba's pieces of one transliterated name
        if ce is not None and tok is not None and tok.pos in ("nr", "nrfg") and tok.end == ce:
            return ce
        if (
            ce is not None
            and tok is not None
            and tok.end == ce
            and tok.pos in _PLAIN_WORD
            and ce < len(text)
            and text[ce] not in "）)，。、；！？"
        ):
            ce = None  # 总统深情的话语: an ordinary word, not a name (but 记者马力）)
        if fe is not None and (
            (tok is not None and tok.pos == "nrt") or foreign_hint or fe - i >= 4 or ce is None
        ):
            if strict and fe - i < 3 and not (tok is not None and tok.pos == "nrt"):
                return None
            return fe
        return ce


def _overlaps(a: Mention, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    k = bisect.bisect_right(starts, a.end - 1) - 1
    return k >= 0 and spans[k][1] > a.start


def _near(mentions: Sequence[Mention], ends: list[int], p: Mention) -> list[Mention]:
    """The mentions overlapping ``p`` (``mentions`` sorted, non-overlapping; ``ends`` their ends)."""
    out = []
    k = bisect.bisect_left(ends, p.start + 1)
    while k < len(mentions) and mentions[k].start < p.end:
        out.append(mentions[k])
        k += 1
    return out


def _override(base: list[Mention], strong: list[Mention], labels: tuple[str, ...]) -> list[Mention]:
    """Add ``strong`` mentions, dropping the ``labels`` mentions that start inside them
    (李长春 over the place 长春, 魏凤和 over the shorter reading 魏凤)."""
    if not strong:
        return base
    strong = sorted(strong, key=lambda m: m.start)
    starts = [m.start for m in strong]
    drop: set[int] = set()
    for i, m in enumerate(base):
        k = bisect.bisect_right(starts, m.start) - 1
        if (
            k >= 0
            and strong[k].start <= m.start < strong[k].end
            and m.label in labels
            and (m.end <= strong[k].end)
            and (m.start, m.end) != (strong[k].start, strong[k].end)
            and (m.label != "PERSON" or m.start == strong[k].start)
        ):
            drop.add(i)
    return _merge([m for i, m in enumerate(base) if i not in drop], strong)


def _merge(base: list[Mention], extra: list[Mention]) -> list[Mention]:
    """Add ``extra`` mentions that overlap nothing in ``base``; return the sorted union."""
    spans = [(m.start, m.end) for m in base]  # base is sorted by start (every caller keeps it so)
    starts = [s for s, _ in spans]
    add: list[Mention] = []
    for m in sorted(extra, key=lambda m: (m.start, -m.end)):
        if _overlaps(m, spans, starts) or (add and add[-1].end > m.start):
            continue
        add.append(m)
    return sorted(base + add, key=lambda m: m.start)


_PLAIN_WORD = frozenset(
    {"n", "vn", "t", "v", "vd", "d", "a", "ad", "an", "c", "p", "m", "q", "r", "f", "u", "i", "l"}
)
_NOT_THIRD = frozenset({"v", "p", "c", "d", "u", "uj", "ul", "r", "m", "q", "f", "y", "vn"})
_PLACE_NEXT = frozenset("路街巷山岛湖寨村镇乡港湾桥峰江河")
# Suffixes of common nouns as much as of names: the name needs a proper noun or a place in it.
_NEEDS_PROPER = frozenset(
    [
        "公司",
        "有限公司",
        "股份有限公司",
        "分公司",
        "总公司",
        "集团",
        "中学",
        "小学",
        "学校",
        "大学",
        "学院",
        "幼儿园",
        "医院",
        "中心",
        "研究中心",
        "政府",
        "人民政府",
        "部队",
        "银行",
        "分行",
        "支行",
        "工厂",
        "制造厂",
        "基地",
        "代表团",
        "军",
        "联盟",
        "组织",
        "协会",
        "学会",
        "俱乐部",
    ]
)
_PROPER_TAGS = frozenset({"ns", "nt", "nz", "nr", "nrt", "nrfg", "j", "eng"})
_ADVERB_CHARS = frozenset("更也还就都又亦则便才曾已将正仍再均皆并")
_VERB_CHARS = frozenset("作受在说向对为和与等将也还就是到")
_LIST_END = frozenset("、，。；：）)")
_PLACE_ENDS = frozenset("省市县区镇乡村州旗盟岛江河湖峡湾港洲")
_NOT_PLACES = frozenset(
    [
        "城市",
        "大城市",
        "山区",
        "城镇",
        "山坡",
        "大街",
        "冰山",
        "外国",
        "大国",
        "南国",
        "东西",
        "南北",
        "欧美",
        "大陆",
        "新建",
        "治安",
        "来宾",
        "普及",
        "全国",
        "各地",
        "当地",
        "异地",
        "外地",
        "本地",
        "内地",
        "两岸",
        "海外",
        "国外",
        "国内",
        "境外",
        "沿海",
        "农村",
        "城乡",
        "边疆",
        "山村",
        "乡村",
        "小区",
        "社区",
        "街道",
        "郊区",
    ]
)
_BARE_ORGS = frozenset(
    [
        "市委",
        "县委",
        "省委",
        "区委",
        "镇委",
        "乡党委",
        "党委",
        "纪委",
        "足协",
        "团委",
        "村委会",
        "居委会",
        "国会",
        "议会",
        "参议院",
        "众议院",
        "内阁",
        "海军",
        "陆军",
        "空军",
        "办事处",
        "代表团",
        "党中央",
        "中央",
        "国务院",
    ]
) - {"中央"}
_NOT_ORG_END = frozenset({"v", "vd", "d", "p", "c", "u", "nr", "nrfg", "nrt", "a", "ad", "f", "i", "l"})
_NOT_ORG_START = frozenset({"v", "vd", "vn", "a", "ad", "l", "i", "m", "d", "an"})
_MARKED_TAGS = frozenset({"nt", "ns", "nr", "nrfg", "nrt"})
_NOUNISH = frozenset({"n", "nz", "vn", "a", "ng", "an", "j", "nt", "m", "q"})


def find_mentions(text: str, tokens: Sequence[Token], lex: Lexicon | None = None) -> list[Mention]:
    """Every person, title, organisation and place mention in ``text``, sorted, non-overlapping."""
    lex = lex or lexicon()
    r = _Reader(text, tokens, lex)
    dic = r.dictionary()
    # unknown organisations override the places they contain (美国质量学会)
    sorgs = r.suffix_orgs(dic)
    titles = Spans([(m.start, m.end) for m in dic if m.label == "TITLE"])
    sorgs = [o for o in sorgs if not titles.ends_inside(o.end) and not titles.inside(o.start, o.end)]
    orgs = Spans([(o.start, o.end) for o in sorgs])
    kept = [m for m in dic if not orgs.covers(m.start, m.end)]
    mentions = _merge(kept, sorgs)
    mentions = _foreign_bodies(mentions, lex)
    mentions = _teams(text, mentions)
    # jieba evidence
    pos_extra = []
    pos_places = []
    tokens = list(tokens)
    # the few tokens the passes below look at (one comprehension over all tokens)
    marked = [
        (k, t)
        for k, t in enumerate(tokens)
        if t.pos in _MARKED_TAGS or t.text in _BARE_ORGS or (len(t.text) == 2 and t.text[0] in "老小")
    ]
    for _k, t in marked:
        if (
            t.pos == "nt"
            and len(t.text) >= 2
            and all(is_han(c) for c in t.text)
            and (
                (len(t.text) >= 3 and (_org_like(t.text, lex) or _named_body(t.text)))
                or user_tagged(t.text, "nt")  # Config.user_dictionaries said so: no suffix needed
            )
        ):
            pos_extra.append(Mention(t.text, "ORG", t.start, t.end, "org:" + t.text, "other", "pos"))
        elif len(t.text) >= 2 and t.pos == "ns" and all(is_han(c) for c in t.text):
            name = t.text
            if name.endswith("地区") and len(name) > 3:
                name = name[:-2]  # 东北地区 → 东北
            if name in _NOT_PLACES or not (name[-1] in _PLACE_ENDS or name in lex.places or len(name) >= 3):
                continue
            pos_places.append(
                Mention(name, "PLACE", t.start, t.start + len(name), "place:" + name, "other", "pos")
            )
        elif t.text in _BARE_ORGS:
            pos_extra.append(Mention(t.text, "ORG", t.start, t.end, "bare:" + t.text, "other", "bare"))
    mentions = _merge(mentions, pos_extra)
    # people: after titles, before titles, in lists, jieba names
    people: list[Mention] = []
    title_ends = {m.end for m in mentions if m.label == "TITLE"}
    title_starts = {m.start for m in mentions if m.label == "TITLE"} | {
        r.tok_end[e].start for e in title_ends if e in r.tok_end
    }
    starts_taken = {m.start for m in mentions}
    for idx, m in enumerate(mentions):
        if m.label != "TITLE":
            continue
        if m.end not in starts_taken:
            foreign = lex.titles.get(_bare(m.text, lex), ("", 9))[0] == "foreign" or _foreign_before(
                mentions, idx, lex
            )
            e = r.name_at(m.end, strict=False, foreign_hint=foreign)
            if e is not None:
                people.append(Mention(text[m.end : e], "PERSON", m.end, e, source="title"))
        # a name right before the title: 奥利总理, 普拉昌达主席, 栗战书委员长
        b = m.start
        while b > 0 and is_han(text[b - 1]) and m.start - b <= 8:
            b -= 1
        # leading pronouns, prepositions and verbs are not part of the name (我同班达里总统)
        while b < m.start:
            tk = r.tok_at.get(b)
            if (
                tk is None
                or (tk.pos not in _FUNCTION_TAGS and tk.pos not in ("v", "p", "r"))
                or tk.end >= m.start
            ):
                break
            b = tk.end
        run = text[b : m.start]
        toks_ok = all(
            (
                tk.pos in ("nr", "nrt", "nrfg", "nz", "ng", "x")
                or (all(c in lex.translit for c in tk.text) and tk.pos not in _PLAIN_WORD)
            )
            for tk in r.tokens_between(b, m.start)
        )
        if (
            (b == 0 or not is_han(text[b - 1]) or b in r.tok_at)
            and 2 <= len(run) <= 8
            and b not in starts_taken
        ) and (
            r.chinese_name(b, True) == m.start
            or (
                toks_ok
                and len(run) >= 3
                and sum(c in lex.translit for c in run) >= 0.6 * len(run)
                and lex.scan.match(text, b) is None
            )
        ):
            people.append(Mention(run, "PERSON", b, m.start, source="title"))
        else:
            # 我同班达里总统: the transliterated tail of the run
            k = m.start
            while k > b and text[k - 1] in lex.translit:
                k -= 1
            if m.start - k >= 3 and k not in starts_taken and lex.scan.match(text, k) is None:
                people.append(Mention(text[k : m.start], "PERSON", k, m.start, source="title"))
        prev = r.tok_end.get(m.start)
        before = r.tok_end.get(prev.start) if prev is not None else None
        if (
            prev is not None
            and len(prev.text) >= 2
            and prev.start not in starts_taken
            and not (len(prev.text) == 2 and before is not None and before.pos in _NOUNISH | {"vn", "ns"})
            and (
                prev.pos in ("nr", "nrfg", "nrt")
                or (prev.pos in ("nz", "n") and all(c in lex.translit for c in prev.text))
            )
        ):
            people.append(Mention(prev.text, "PERSON", prev.start, prev.end, source="title"))
    mention_starts = {m.start for m in mentions}
    for m in mentions:
        # 王部长, 李老师: a surname alone before a title or a form of address
        if m.label == "TITLE" or _ADDRESS_RE.match(text, m.start):
            i = m.start - 1
            if (
                i >= 0
                and text[i] in lex.common_surnames
                and (
                    i == 0
                    or not is_han(text[i - 1])
                    or text[i - 1] in "老小"
                    or (i in r.tok_at and i - 1 in r.tok_end_set)
                )
            ):
                tok = r.tok_at.get(i)
                if tok is not None and len(tok.text) == 1:
                    people.append(Mention(text[i], "PERSON", i, i + 1, source="title"))
    for _k, t in marked:
        if (
            len(t.text) == 2
            and t.text[0] in "老小"
            and t.text[1] in lex.common_surnames
            and t.pos in ("nr", "n", "ng")
        ):
            people.append(Mention(t.text[1], "PERSON", t.start + 1, t.end, source="pos"))  # 老李
    for k, t in marked:
        if t.pos not in ("nr", "nrfg", "nrt"):
            continue
        prev_tok = tokens[k - 1] if k > 0 else None
        next_tok = tokens[k + 1] if k + 1 < len(tokens) else None
        w = t.text
        if w in lex.places or w in lex.orgs or w in lex.titles or w.endswith("姓"):
            continue  # 夏威夷, 尹姓
        if t.end < len(text) and text[t.end] in _PLACE_NEXT:
            continue  # 黄兴路, 杜鹃山, 苏梅岛: a place named after someone
        if t.end < len(text) and (text[t.end] in _DOTS or text[t.end : t.end + 4].count("·")):
            e = r.foreign_name(t.start)  # 艾力 + 更·依明巴海: a dotted name, read whole
            if e is not None and e > t.end:
                people.append(Mention(text[t.start : e], "PERSON", t.start, e, source="pos"))
            continue
        if not _name_like(w, t, r, title_ends):
            continue  # 顾客, 雷阵雨, 时表示: jieba's name tag on a word whose given part is not name-like
        cut = _NAME_TAIL.search(w)
        if cut is not None and (cut.start() >= 2 or w[0] in lex.common_surnames) and w[0] in lex.surnames:
            people.append(Mention(w[: cut.start()], "PERSON", t.start, t.start + cut.start(), source="pos"))
            continue  # 李老师, 邓小平理论: the name without the word after it
        if (
            t.pos in ("nr", "nrt")
            and all(c in lex.translit or c in _DOTS for c in w)
            and (w[0] not in lex.surnames or t.pos == "nrt")
        ):
            if t.start > 0 and (text[t.start - 1] in lex.translit or text[t.start - 1] in _DOTS):
                continue  # the middle of a longer name
            e = r.foreign_name(t.start)
            if e is not None and e >= t.end:
                people.append(Mention(text[t.start : e], "PERSON", t.start, e, source="pos"))  # 克林顿
            continue
        if t.pos == "nrfg" and len(t.text) >= 3 and t.text[0] in lex.surnames:
            people.append(Mention(t.text, "PERSON", t.start, t.end, source="pos"))  # 邓小平理论
            continue
        if (
            prev_tok is not None
            and len(t.text) < 3
            and (
                (prev_tok.pos in _NOUNISH and prev_tok.start not in title_starts)
                or prev_tok.pos in ("ns", "nt")
                or prev_tok.text == "的"
            )
        ):
            continue  # 大会贺信, 的贺信: a name does not follow a noun directly
        if (
            prev_tok is not None
            and next_tok is not None
            and prev_tok.text in '“"「‘'
            and next_tok.text in '”"」’'
        ):
            continue  # “陆联国”: a quoted word
        if (
            len(t.text) == 2
            and next_tok is not None
            and next_tok.pos in ("n", "vn")
            and next_tok.start not in mention_starts
            and not _FOLLOW_RE.match(text, next_tok.start)
        ):
            continue  # 杜绝质量: nor run straight into a plain noun
        if prev_tok is not None and prev_tok.pos in ("d", "a", "ad"):
            continue  # 更高水平
        if t.text in lex.places or t.text in lex.orgs or t.text in lex.titles:
            continue
        spoken = next_tok is not None and (r.follow_at(next_tok.end) or next_tok.end >= len(text))
        if (
            t.pos == "nr"
            and len(t.text) == 1
            and next_tok is not None
            and len(next_tok.text) <= 2
            and t.text in lex.common_surnames
            and (
                next_tok.pos == "nr"
                or (
                    next_tok.pos in ("nz", "ns", "a", "ng")
                    and all(is_han(c) for c in next_tok.text)
                    and spoken
                )
            )
        ):
            # 丁 + 薛祥; 曹 + 鹏飞和, 蔡 + 朝阳等: jieba cut the given name off as a word
            people.append(Mention(t.text + next_tok.text, "PERSON", t.start, next_tok.end, source="pos"))
        elif t.pos in ("nr", "nrfg") and 2 <= len(t.text) <= 4:
            e = r.chinese_name(t.start, True)
            if e is not None and t.end <= e <= t.end + 1:  # 张富 + 清同志: the name runs one further
                people.append(Mention(text[t.start : e], "PERSON", t.start, e, source="pos"))
            elif (
                e is None
                and len(t.text) == 3
                and t.text[0] in lex.surnames
                and t.text[-1] not in _NOT_NAME_END
                and _chinese_spelt(t.text, lex)
                and _given_score(t.text[1:], lex) >= _GIVEN_RARE_SURNAME
            ):
                # 果永毅: a rarer surname with a clearly name-like given name
                people.append(Mention(t.text, "PERSON", t.start, t.end, source="pos"))
        elif t.pos == "nrt" and len(t.text) >= 3 and all(c in lex.translit or c in _DOTS for c in t.text):
            people.append(Mention(t.text, "PERSON", t.start, t.end, source="pos"))
    mentions = _override(mentions, [p for p in people if p.source == "title"], ("PLACE",))  # 胡金华
    strong = [p for p in people if p.source == "pos" and len(p.text) >= 3]
    ends = [m.end for m in mentions]
    strong = [p for p in strong if not any(m.label != "PLACE" for m in _near(mentions, ends, p))]
    mentions = _override(mentions, strong, ("PLACE",))
    mentions = _merge(mentions, people)
    # lists: 记者李锋、王慧; 栗战书、汪洋、王沪宁
    more: list[Mention] = []
    taken = {(m.start, m.end) for m in mentions}
    starts_taken = {m.start for m in mentions}
    for m in list(mentions):
        if m.label != "PERSON":
            continue
        end = m.end
        while end < len(text) and text[end] == "、" and end + 1 not in starts_taken:
            e = r.name_at(end + 1, strict=True)
            if e is None or not (e >= len(text) or text[e] in "、，。；）)等和及" or r.follow_at(e)):
                break
            more.append(Mention(text[end + 1 : e], "PERSON", end + 1, e, source="list"))
            end = e
    mentions = _merge(mentions, more)
    del taken
    mentions = _override(mentions, _list_people(text, mentions, r), ("PERSON", "PLACE"))
    mentions = _merge(mentions, _speakers(text, r))
    mentions = _merge(mentions, _name_tokens(r))
    mentions = _sports_teams(text, mentions, lex)
    mentions = _places_not_people(text, mentions, r)
    mentions = _complete_names(text, mentions, r)
    mentions = _merge(mentions, _latin_names(text, mentions))
    mentions = _merge(mentions, _doctrine_names(r))
    # later mentions of every name found
    names = sorted({m.text for m in mentions if m.label == "PERSON"}, key=len, reverse=True)
    if names:  # one pass for all names (an alternation of thousands of names is quadratic)
        rep = [Mention(text[s:e], "PERSON", s, e, source="repeat") for s, e in longest_matches(text, names)]
        mentions = _override(mentions, rep, ("PERSON",))  # 朱叶玉如 over a later reading 朱叶玉
    mentions = _merge(mentions, pos_places)
    mentions = _override(mentions, _admin_places(r), ("PERSON",))
    title_starts_final = {m.start for m in mentions if m.label == "TITLE"}
    return _merge(mentions, _abbreviations(text, r, lex, title_starts_final))


_TEAM_RE = re.compile("(?:国家)?(?:男子|女子|男|女)?[\u4e00-\u9fff]{0,3}?队(?![员长伍列形])")
_ABBR_AFTER = frozenset("关两双合友贸边会首峰战对联建之三经人军铁高公航线等、")
_ABBR_VERB = frozenset(ABBR_VERBS)


def _teams(text: str, mentions: list[Mention]) -> list[Mention]:
    """中国队, 辽宁女队, 青岛海牛队: a place followed by a team is the team (an organisation)."""
    out: list[Mention] = []
    for i, m in enumerate(mentions):
        if m.label == "PLACE":
            t = _TEAM_RE.match(text, m.end)
            nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
            if t is not None and t.end() <= nxt:
                name = text[m.start : t.end()]
                out.append(Mention(name, "ORG", m.start, t.end(), "org:" + name, "other", "suffix"))
                continue
        out.append(m)
    return out


def _abbreviations(text: str, r: _Reader, lex: Lexicon, titles: set[int]) -> list[Mention]:
    """One-character place abbreviations inside compounds: 中美关系, 京津, 访华, 在京, 中方, 俄总统.

    ``titles`` holds the start of every title mention (俄 + 总统).
    """
    out: list[Mention] = []
    n = len(text)
    ab = lex.abbrs

    def add(k: int) -> None:
        c = text[k]
        out.append(Mention(c, "PLACE", k, k + 1, ab[c].key, ab[c].type, "abbr"))

    for x in lex.abbr_pairs.finditer(text):
        i = x.start()
        a = text[i]
        if a in ab and (i in r.tok_at or i == 0 or not is_han(text[i - 1]) or text[i - 1] in _ABBR_VERB):
            j = i + 2  # 中日韩: a run of abbreviations
            while j < n and text[j] in ab and j - i < 4:
                j += 1
            if j >= n or text[j] in _ABBR_AFTER or not is_han(text[j]) or j in titles:
                m = lex.scan.match(text, i)
                if m is None or m.end() - i < 2:
                    for k in range(i, j):
                        add(k)
                    continue
        if a in _ABBR_VERB:
            tok = r.tok_end.get(i + 2)
            single = r.tok_at.get(i + 1)
            if (tok is not None and tok.start == i) or (
                single is not None and single.end == i + 2 and single.pos in ("ns", "j")
            ):
                add(i + 1)  # 访华, 在京
    # 中方, 美方; 俄总统, 美国防部长 → 俄, 美
    for x in lex.abbr_one.finditer(text, 0, n - 1):
        k = x.start()
        c = text[k]
        at_boundary = k in r.tok_at or k == 0 or not is_han(text[k - 1])
        side = text[k + 1] == "方" and (k + 2 >= n or not is_han(text[k + 2]) or k + 2 in r.tok_at)
        if (
            c not in "东西南北"
            and at_boundary
            and (side or (k + 1 in titles and lex.scan.match(text, k) is None))
        ):
            add(k)
    return out


_NAME_TAIL = re.compile("(?:老师|师傅|先生|女士|同志|理论|思想|主义|老|总|大爷|大妈|阿姨)$")
_ADDRESS_RE = re.compile("老师|师傅|大爷|大妈|大娘|阿姨|先生|女士|同志|大姐|大哥|总(?=[，。、说表])")
_LIST_RE = re.compile("[\u4e00-\u9fff·？]{1,24}(?:、[\u4e00-\u9fff·？]{1,24})+")


_STRONG_FOLLOW = re.compile(
    "说|表示|指出|认为|强调|告诉|介绍|称|透露|坦言|回忆|笑|先生|女士|同志|等人|教授|博士|夫妇|本人|一行|(?:[，、]\\S{2,3}(?:、|和))"
)


def _given_score(given: str, lex: Lexicon) -> float:
    """How name-like a given name is: the mean of its characters' ``lex.given`` scores
    (unlisted characters −1)."""
    if not given:
        return -3.0
    return sum(lex.given.get(c, -1.0) for c in given) / len(given)


def _name_like(w: str, t: Token, r: _Reader, title_ends: set[int]) -> bool:
    """Whether a Chinese-looking ``nr`` token is a plausible name here.

    Its given part must be made of name-like characters (``lex.given``), more so for a
    two-character word with nothing around it saying it is a person; a title right before it or
    a speech verb or form of address right after it (``顾客说``) is enough on its own.
    """
    lex = r.lex
    if not lex.given or not all(is_han(c) for c in w) or len(w) > 4:
        return True
    if w[:2] in lex.surnames2 and len(w) >= 3:
        given = w[2:]
    elif w[0] in lex.surnames:
        given = w[1:]
    else:
        return True
    if not given or (all(c in lex.translit for c in w) and t.pos == "nrt"):
        return True
    if t.start in title_ends or _STRONG_FOLLOW.match(r.text, t.end):
        return True
    text = r.text
    if w in lex.nr_words:
        # 明白, 白云, 顾客: jieba tags the word nr; a person only next to another name in a list
        for k in (t.end, t.start - 1):
            if 0 <= k < len(text) and text[k] == "、":
                nb = r.tok_at.get(k + 1) if k == t.end else r.tok_end.get(k)
                if nb is not None and len(nb.text) == 3 and nb.pos in ("nr", "nrfg"):
                    return nb.text[0] in lex.surnames
        return False
    if (t.start > 0 and text[t.start - 1] == "、") or text[t.end : t.end + 1] == "、":
        return True  # an item of a 、-list (栗战书、汪洋、王沪宁)
        return True
    score = _given_score(given, lex)
    return score >= (_GIVEN_MIN2 if len(w) == 2 else _GIVEN_MIN)


_SPEAKER_RE = re.compile(
    "[\u4e00-\u9fff]{2,4}?(?=说|表示|指出|认为|强调|介绍|告诉|坦言|透露|称|回忆|解释|补充|建议|[：:])"
)
_SPEAKER_LEAD = frozenset({"c", "p", "d", "u", "uj", "ul", "r", "v", "x", "m", "t"})


def _speakers(text: str, r: _Reader) -> list[Mention]:
    """A Chinese name right before a speech verb or a colon (``刘玲玲指出``, ``宋晶晶：``).

    The name starts a clause (after punctuation, or after a function word or verb token) and
    ends where the verb's token starts; its given part must be name-like (``lex.given``).
    """
    lex = r.lex
    out: list[Mention] = []
    for tok in r.tokens:
        i = tok.start
        if not tok.text or not (tok.text[0] in lex.surnames or tok.text[:2] in lex.surnames2):
            continue
        if i > 0 and is_han(text[i - 1]):
            prev = r.tok_end.get(i)
            if prev is None or prev.pos not in _SPEAKER_LEAD or len(prev.text) > 2:
                continue
        m = _SPEAKER_RE.match(text, i)
        if m is None or m.end() not in r.tok_at:
            continue
        w = m.group()
        sl = 2 if w[:2] in lex.surnames2 and len(w) >= 3 else 1
        given = w[sl:]
        if not 1 <= len(given) <= 2 or any(c in _NOT_GIVEN for c in given) or not _chinese_spelt(w, lex):
            continue  # (邵老师表示, 张先生说: a surname and a form of address)
        known = lex.scan.match(text, i)
        if known is not None and known.end() - i >= 2:
            continue  # a title, organisation or place starts here
        if tok.pos in _PLAIN_WORD and len(tok.text) >= 2 and tok.end <= m.end() and tok.pos != "nr":
            continue  # 政府认为, 专家表示: an ordinary word
        if _given_score(given, lex) < (_GIVEN_MIN2 if len(given) == 1 else _GIVEN_MIN):
            continue
        out.append(Mention(w, "PERSON", i, m.end(), source="speaker"))
    return out


_SPORTS_RE = re.compile(
    "vs|VS|主场|客场|联赛|亚盘|盘口|赔率|足彩|欧冠|欧联|英超|意甲|德甲|西甲|法甲|荷甲|中超|主队|客队|让球|平手|胜赔"
)
_TEAM_BEFORE = re.compile("(?:vs|VS|对阵|做客|迎战|战胜|大胜|负于|不敌|击败|输给|客胜|主胜|对手|强攻|防平)$")
_TEAM_AFTER = re.compile(
    "vs|VS|队|主场|客场|主胜|客胜|主队|客队|本赛季|上轮|下轮|本轮|赢球|取胜|胜赔|主战|客战|客让|主让|让球|[0-9]"
)


def _sports_teams(text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """In a sports-betting or league text, a transliterated "person" next to ``vs``, ``主场``,
    ``客场``, ``做客`` … is a team (``拉齐奥vs热那亚``, ``做客汉诺威``); so is every other mention of
    that name in the text."""
    if not _SPORTS_RE.search(text):
        return mentions
    teams: set[str] = set()
    for m in mentions:
        if (
            m.label == "PERSON"
            and m.source != "title"
            and len(m.text) >= 2
            and all(c in lex.translit for c in m.text)
            and (_TEAM_AFTER.match(text, m.end) or _TEAM_BEFORE.search(text, max(0, m.start - 2), m.start))
        ):
            teams.add(m.text)
    if not teams:
        return mentions
    return [
        Mention(m.text, "ORG", m.start, m.end, "org:" + m.text, "other", "team")
        if m.label == "PERSON" and m.text in teams
        else m
        for m in mentions
    ]


def _name_tokens(r: _Reader) -> list[Mention]:
    """A three-character token that reads as a common surname and a name-like given name
    (``季红真``, ``果永毅``), whatever its tag: jieba's tags on unknown words are unreliable."""
    lex = r.lex
    out: list[Mention] = []
    for t in r.tokens:
        w = t.text
        if (
            len(w) != 3
            or w[0] not in lex.common_surnames
            or t.pos in ("ns", "nt", "nrt", "m", "eng", "x")
            or w[-1] in _NOT_NAME_END
            or not all(is_han(c) for c in w)
            or w in lex.kinds
            or any(c in _NOT_GIVEN for c in w[1:])
            or not _chinese_spelt(w, lex)
        ):
            continue
        if _given_score(w[1:], lex) >= _GIVEN_TOKEN:
            out.append(Mention(w, "PERSON", t.start, t.end, source="model"))
    return out


def _chinese_spelt(w: str, lex: Lexicon) -> bool:
    """Not spelt only with transliteration characters (桑德兰) and not a surname with a form of
    address or a title (邵老师, 李某, 王部长)."""
    return (
        not all(c in lex.translit for c in w)
        and "某" not in w
        and _NAME_TAIL.search(w) is None
        and _ADDRESS_RE.search(w) is None
        and w[1:] not in lex.kinds
        and w[2:] not in lex.kinds
    )


_NOT_NAME_END = _PLACE_ENDS | _PLACE_NEXT | frozenset("寺庙宫观派街路院馆园厂店楼台府阁坊场站")
_GIVEN_TOKEN = 0.8
_GIVEN_RARE_SURNAME = 1.0
_TO_PLACE = re.compile("在|到|去|赴|往|从|抵达|前往|来到|位于|飞往|途经|游览|访问|回到|登上|来自")
_NOT_PLACE_AFTER = re.compile(
    "看来|眼中|眼里|心中|身上|手中|面前|身边|手里|跟前|任|担任|执政|主政|领导|当政|的[时任心]|同志|先生|女士"
)
_PLACE_NOUN_AFTER = re.compile(
    "[岛湖山河港湾寺城镇村州省市县街路峰谷洞]|海滩|峡谷|公园|广场|城堡|火山|雨林|球场|体育场|大街|帝国|王国|机场|车站"
    "|酒店|饭店|之家|小镇|苗寨|地区|一带|附近|郊外|境内|当地|海域|平原|高原|沙漠|半岛|群岛"
)


_PLACE_LAST = frozenset("湖岛寺港湾寨庙宫")


def _places_not_people(text: str, mentions: list[Mention], r: _Reader) -> list[Mention]:
    """A name jieba tagged (no title, no list, no speech verb) read as a place by its context:
    a transliterated one right after the word 在/到/去/位于 … (``在杜塞尔多夫战胜``) is a place;
    one before a place noun (``陶波湖``, ``卡莱梅格丹城堡``) is dropped."""
    lex = r.lex
    out: list[Mention] = []
    for m in mentions:
        if m.label == "PERSON" and m.source == "pos":
            if _PLACE_NOUN_AFTER.match(text, m.end) or (len(m.text) >= 3 and m.text[-1] in _PLACE_LAST):
                continue
            prev = r.tok_end.get(m.start)
            if (
                prev is not None
                and _TO_PLACE.fullmatch(prev.text)
                and not _NOT_PLACE_AFTER.match(text, m.end)
                and all(c in lex.translit for c in m.text)
            ):
                out.append(Mention(m.text, "PLACE", m.start, m.end, "place:" + m.text, "other", "pos"))
                continue
            if (
                all(c in lex.translit for c in m.text)
                and m.end < len(text)
                and is_han(text[m.end])
                and not r.follow_at(m.end)
            ):
                continue  # 迪士尼宣布 passes, 凯利指数, 坎贝尔浓汤: a transliterated word before a noun
        out.append(m)
    return out


_ADMIN_END = frozenset("村乡镇县市")
_ADMIN_STEM_TAGS = frozenset({"n", "nz", "ns", "nr", "nrt", "j"})
_ADMIN_NOT_LEAD = frozenset("大小新全本该各我此这那每中城农乡山渔古重水")


def _admin_places(r: _Reader) -> list[Mention]:
    """A name followed by 村, 乡, 镇, 县 or 市 is a place (书房 + 村, 塔科马 + 市, 公明镇): the
    name is a noun or proper-noun token of two to four characters that is not generic."""
    lex = r.lex
    out: list[Mention] = []
    toks = r.tokens
    for k, t in enumerate(toks):
        w = t.text
        if not w or w[-1] not in _ADMIN_END or not all(is_han(c) for c in w):
            continue
        if len(w) == 1 and k > 0:
            p = toks[k - 1]
            stem, start = p.text, p.start
            ok = p.end == t.start and p.pos in _ADMIN_STEM_TAGS
        elif 3 <= len(w) <= 5:
            stem, start = w[:-1], t.start
            ok = t.pos in _ADMIN_STEM_TAGS
        else:
            continue
        name = stem + w[-1] if len(w) == 1 else w
        if (
            not ok
            or not 2 <= len(stem) <= 4
            or not all(is_han(c) for c in stem)
            or stem[0] in _ADMIN_NOT_LEAD
            or stem in _GENERIC
            or stem in _NOT_PLACES
            or name in _NOT_PLACES
            or name in lex.kinds
            or stem in lex.titles
            or (stem in lex.kinds and lex.kinds[stem] != "PLACE")
        ):
            continue
        out.append(Mention(name, "PLACE", start, t.end, "place:" + name, "other", "pos"))
    return out


_LATIN_NAME = re.compile("[A-Z][a-z]+(?:[A-Z][a-z]+){0,2}(?![A-Za-z0-9])")
_LATIN_SPEECH = re.compile("说|表示|指出|认为|强调|介绍|告诉|透露|称")


def _latin_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A capitalised Latin name right after a title (``设计师KenRolston``) or right before a
    speech verb (``Svensson表示``)."""
    out: list[Mention] = []
    for m in mentions:
        if m.label == "TITLE":
            x = _LATIN_NAME.match(text, m.end)
            if x is not None and len(x.group()) >= 3:
                out.append(Mention(x.group(), "PERSON", x.start(), x.end(), source="title"))
    for x in _LATIN_NAME.finditer(text):
        if (
            len(x.group()) >= 3
            and (x.start() == 0 or not text[x.start() - 1].isascii() or not text[x.start() - 1].isalnum())
            and _LATIN_SPEECH.match(text, x.end())
        ):
            out.append(Mention(x.group(), "PERSON", x.start(), x.end(), source="speaker"))
    return out


_DOCTRINE = ("主义", "思想", "理论", "学说")


def _doctrine_names(r: _Reader) -> list[Mention]:
    """The person a doctrine token is named after: ``马克思主义`` → ``马克思``,
    ``毛泽东思想`` → ``毛泽东`` (a transliterated head, or a surname-led three-character one)."""
    lex = r.lex
    out: list[Mention] = []
    for t in r.tokens:
        w = t.text
        if len(w) < 4 or not w.endswith(_DOCTRINE):
            continue
        head = w[:-2]
        if head in lex.kinds or not all(is_han(c) for c in head):
            continue
        if (len(head) >= 2 and all(c in lex.translit for c in head) and head[-1] in _TRANSLIT_END) or (
            len(head) == 3
            and head[0] in lex.common_surnames
            and _given_score(head[1:], lex) >= 0.0
        ):
            out.append(Mention(head, "PERSON", t.start, t.start + len(head), source="doctrine"))
    return out


_TRANSLIT_END = frozenset("思宁林斯尔德特克夫诺托")


def _complete_names(text: str, mentions: list[Mention], r: _Reader) -> list[Mention]:
    """A two-character name the segmenter cut before its third character (``张耀`` + ``真说``,
    ``周清`` + ``来用``): the next character is a one-character token, name-like
    (``lex.given``), and a word, a punctuation mark or the end of the text comes after it."""
    lex = r.lex
    n = len(text)
    starts = {m.start for m in mentions}
    out: list[Mention] = []
    for m in mentions:
        e = m.end
        if (
            m.label == "PERSON"
            and len(m.text) == 2
            and m.text[0] in lex.surnames
            and e < n
            and e not in starts
            and is_han(text[e])
            and text[e] not in _NOT_GIVEN
            and lex.given.get(text[e], -3.0) >= _GIVEN_THIRD
        ):
            tk = r.tok_at.get(e)
            after = r.tok_at.get(e + 1)
            if (
                tk is not None
                and tk.end == e + 1
                and (after is None or len(after.text) >= 2 or r.follow_at(e + 1))
                and _given_score(text[m.start + 1 : e + 1], lex) >= _GIVEN_TOKEN
            ):
                out.append(Mention(text[m.start : e + 1], "PERSON", m.start, e + 1, source=m.source))
                continue
        out.append(m)
    return out


_GIVEN_THIRD = 0.3
_GIVEN_MIN = -0.5
_GIVEN_MIN2 = 0.3


def _plausible_item(item: str, lex: Lexicon) -> bool:
    if item in lex.places or item in lex.orgs or item in lex.titles or item.endswith("等"):
        return False
    item = item.replace("？", "·").replace("?", "·")
    if "·" in item:
        return 3 <= len(item) <= 24 and not item.startswith("·") and not item.endswith("·")
    return 2 <= len(item) <= 5


def _list_people(text: str, mentions: Sequence[Mention], r: _Reader) -> list[Mention]:
    """Names in a list where most items are already known people (栗战书、汪洋、王沪宁)."""
    person = {(m.start, m.end) for m in mentions if m.label == "PERSON"}
    by_start = {m.start: m for m in mentions if m.label == "PERSON"}
    by_end = {m.end: m for m in mentions if m.label == "PERSON"}
    ends = [m.end for m in mentions]
    out: list[Mention] = []
    for lm in _LIST_RE.finditer(text):
        parts: list[tuple[int, int]] = []
        pos = lm.start()
        for piece in lm.group().split("、"):
            parts.append((pos, pos + len(piece)))
            pos += len(piece) + 1
        # the first item may carry words before the name, the last words after it
        s0, e0 = parts[0]
        if e0 - s0 > 5 and "·" not in text[s0:e0]:
            m = by_end.get(e0)
            parts[0] = (m.start, e0) if m else (e0 - 3, e0)
        s1, e1 = parts[-1]
        if e1 - s1 > 3 or "等" in text[s1:e1]:
            m = by_start.get(s1)
            if m is not None:
                parts[-1] = (s1, m.end)
            else:
                e = r.name_at(s1, strict=False)
                parts[-1] = (s1, e) if e is not None else (s1, s1)
        known = sum(1 for p in parts if p in person)
        if known < 2 or known * 2 < len(parts):
            continue
        for a, b in parts:
            if (a, b) in person or b <= a or not _plausible_item(text[a:b], r.lex):
                continue
            if any(m.label != "PERSON" for m in _near(mentions, ends, Mention("", "", a, b))):
                continue
            out.append(Mention(text[a:b], "PERSON", a, b, source="list"))
    return out


def _foreign_bodies(mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """菲律宾 + 国防部: a foreign country's ministry, not China's."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == "PLACE"
            and prev.end == m.start
            and m.label == "ORG"
            and m.source == "dict"
            and m.type == "government"
            and prev.type == "country"
            and prev.text != "中国"
            and m.text in lex.orgs
            and not (m.key or "").startswith("intl:")
        ):
            name = prev.text + m.text
            out[-1] = Mention(name, "ORG", prev.start, m.end, "org:" + name, "government", "suffix")
            continue
        out.append(m)
    return out


def _foreign_before(mentions: Sequence[Mention], idx: int, lex: Lexicon) -> bool:
    """The title at ``idx`` follows a foreign country or one of its bodies (俄罗斯国防部长)."""
    k = idx - 1
    while k >= 0 and mentions[k].end == mentions[k + 1].start and mentions[k].label in ("ORG", "PLACE"):
        name = mentions[k].text
        for n in range(min(len(name), 8), 1, -1):
            p = lex.places.get(name[:n])
            if p is not None and p.type == "country":
                return p.name != "中国"
        k -= 1
    return False


def _bare(title: str, lex: Lexicon) -> str:
    """The title without its prefixes: 常务副部长 → 部长."""
    t = title
    changed = True
    while changed and t not in lex.titles:
        changed = False
        for p in sorted(lex.prefixes, key=len, reverse=True):
            if t.startswith(p) and len(t) > len(p):
                t = t[len(p) :]
                changed = True
                break
    return t
