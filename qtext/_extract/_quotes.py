"""Reported speech: who said what.

Three shapes, looked for paragraph by paragraph:
- ``X表示，<content>`` (any verb of ``dictionaries/speech_verbs.tsv`` followed by ``，`` or ``：``):
  the content runs to the end of the paragraph, or to where the next quote's speaker starts;
  ``X说：“…”`` keeps what is inside the quotation marks;
- ``“…”，X说。``: the quotation before a short speaker clause;
- ``X：“…”``: a person, a colon and a quotation.

The speaker is the person mentioned right before the verb in the same clause (an official's
mention, given as the official's full name, or a PERSON entity); adverbs such as 还/也/则/在讲话中
may sit between. ``他``/``她`` resolve to the last person mentioned before, in the same or the
previous paragraph. Without officials or entities a short clause subject (2–4 characters, or
the name after a known title) is taken as the speaker.

Invariants: ``text[q.start:q.end] == q.text`` (the content span); linear in the text.

>>> from qtext._document import Official, Page, Span
>>> text = "王勇强调，要提高质量。"
>>> off = Official("王勇", mentions=(Span("王勇", 0, 2),))
>>> [(q.speaker, q.verb, q.text) for q in find_quotes(text, Page(), [off], [])]
[('王勇', '强调', '要提高质量。')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .._document import Entity, Official, Page, Quote
from .._once import once
from ._vocab import speech_verbs, title_words

__all__ = ["find_quotes"]

_ADVERBS = ("在讲话中", "在致辞中", "在发言中", "在会上", "在会见中", "在会谈中", "在采访中", "接受采访时",
            "对记者", "向记者", "告诉记者", "进一步", "再次", "特别", "同时", "还", "也", "则", "又", "并",
            "均", "都", "亦", "最后", "首先", "随后", "明确", "深有感触地", "动情地", "笑着")
_PRONOUNS = ("他", "她")
_NOT_SPEAKERS = frozenset({"会议", "会上", "报告", "文件", "通知", "意见", "讲话", "大家", "有人", "记者",
                           "这", "这也", "这是", "人们", "外界", "舆论", "分析", "研究", "数据", "调查",
                           "我们", "我", "你", "他们", "她们", "双方", "两国", "对方", "专家", "公告"})
_CLAUSE_END = "。！？!?；;，,：:\n“”"


def _verbs() -> tuple[str, ...]:
    return speech_verbs()


@once
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    alt = "|".join(map(re.escape, _verbs()))
    # X表示，  X说：“  X强调指出，
    lead = re.compile(rf"(?:{alt})(?:指出|说)?(?:道)?(?P<punct>[，,：:]\s*(?P<open>“)?)")
    # ”，X说。
    tail = re.compile(rf"”[，,]?(?P<subj>[^，,。！？!?“”\n]{{1,14}}?)(?P<verb>{alt})(?:道)?[。，,！!]")
    return lead, tail


def _title_words() -> tuple[str, ...]:
    return title_words()


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


class _People:
    """Person mentions in text order, for speakers and pronouns."""

    def __init__(self, officials: Sequence[Official], entities: Sequence[Entity]) -> None:
        spans = [(sp.start, sp.end, o.name) for o in officials for sp in o.mentions]
        spans += [(e.start, e.end, e.text) for e in entities if e.label == "PERSON"]
        spans.sort()
        self.spans = spans
        self.starts = [sp[0] for sp in spans]
        self.by_end = {e: name for _, e, name in spans}

    def ending_at(self, pos: int) -> str | None:
        return self.by_end.get(pos)

    def last_before(self, pos: int, floor: int) -> str | None:
        i = bisect.bisect_left(self.starts, pos)
        if i > 0 and self.spans[i - 1][0] >= floor:
            return self.spans[i - 1][2]
        return None


def _strip_adverbs(subject: str) -> str:
    changed = True
    while changed and subject:
        changed = False
        for a in _ADVERBS:
            if subject.endswith(a) and len(subject) > len(a):
                subject = subject[: -len(a)]
                changed = True
    return subject


def _speaker(text: str, clause_start: int, verb_start: int, people: _People,
             floor: int) -> str | None:
    subject = text[clause_start:verb_start].strip()
    core = _strip_adverbs(subject)
    end = clause_start + (len(text[clause_start:verb_start]) - len(text[clause_start:verb_start].lstrip()))
    end += len(core)
    name = people.ending_at(end)
    if name:
        return name
    if core in _PRONOUNS:
        return people.last_before(clause_start, floor)
    if not core or core in _NOT_SPEAKERS or core.endswith(("们", "人士", "方")):
        return None
    if people.spans:
        return None  # people are known and none ends the subject
    # no people known: the name after a title, or a short subject
    for t in _title_words():
        k = core.rfind(t)
        if k >= 0:
            rest = core[k + len(t):]
            if 2 <= len(rest) <= 4 and all(_is_cjk(c) or c == "·" for c in rest):
                return rest
            break
    if 2 <= len(core) <= 4 and all(_is_cjk(c) or c == "·" for c in core):
        return core
    return None


def _clause_start(text: str, pos: int, lo: int) -> int:
    s = pos
    while s > lo and text[s - 1] not in _CLAUSE_END and pos - s < 60:
        s -= 1
    # 在会见博罗诺夫时，李克强表示: the clause after 时，
    return s


def find_quotes(text: str, page: Page, officials: Sequence[Official],
                entities: Sequence[Entity]) -> list[Quote]:
    """Quotes of the page's body (see the module doc)."""
    lead, tail = _patterns()
    people = _People(officials, entities)
    regions = [(p.start, p.end) for p in page.paragraphs] or [(0, len(text))]
    out: list[Quote] = []
    prev_floor = 0
    for lo, hi in regions:
        floor = prev_floor
        n_before = len(out)
        found: list[tuple[int, int, str | None, str, int, bool]] = []  # clause, content start, ...
        for m in lead.finditer(text, lo, hi):
            verb_start = m.start()
            cs = _clause_start(text, verb_start, lo)
            if cs == verb_start:
                continue
            speaker = _speaker(text, cs, verb_start, people, floor)
            if speaker is None:
                continue
            verb = text[verb_start:m.start("punct")]
            found.append((cs, m.end(), speaker, verb, verb_start, bool(m.group("open"))))
        for i, (_cs, cstart, speaker, verb, _vs, quoted) in enumerate(found):
            end = found[i + 1][0] if i + 1 < len(found) else hi
            if quoted:
                close = text.find("”", cstart, hi)
                # “……。” closes the quotation; “一国两制”具有……: a quoted term inside the content
                if close >= 0 and (text[close - 1] in "。！？!?…" or close + 1 >= hi
                                   or text[close + 1] in "。！？!?"):
                    end = min(end, close)
                else:
                    cstart -= 1  # keep the opening mark: the content is not one quotation
            while end > cstart and text[end - 1] in " \u3000\t\n":
                end -= 1
            if end - cstart < 2:
                continue
            out.append(Quote(speaker=speaker, verb=_base_verb(verb), text=text[cstart:end],
                             start=cstart, end=end))
        lead_verbs = {f[4] for f in found}
        taken = _Spans(out[n_before:])
        for m in tail.finditer(text, lo, hi):
            close = m.start()
            opener = text.rfind("“", lo, close)
            if opener < 0 or close - opener < 3 or m.start("verb") in lead_verbs:
                continue
            inner = text[opener + 1:close]
            if len(inner) < 6 or not (inner[-1] in "。！？!?…" or "，" in inner):
                continue  # “日日煮”创办人……: a quoted name, not a quotation
            if taken.covers(opener):
                continue
            subj_start = m.start("subj")
            speaker = _speaker(text, subj_start, m.start("verb"), people, floor)
            if speaker is None:
                continue
            out.append(Quote(speaker=speaker, verb=m.group("verb"), text=text[opener + 1:close],
                             start=opener + 1, end=close))
        taken = _Spans(out[n_before:])
        for m in re.finditer(r"[：:]“", text[lo:hi]):
            colon = lo + m.start()
            if taken.covers(colon) or taken.covers(colon + 3):
                continue
            name = people.ending_at(colon)
            if name is None:
                continue
            close = text.find("”", colon + 2, hi)
            end = close if close >= 0 else hi
            if end - (colon + 2) >= 2:
                out.append(Quote(speaker=name, verb=None, text=text[colon + 2:end], start=colon + 2, end=end))
        prev_floor = lo
    out.sort(key=lambda q: q.start)
    return out


class _Spans:
    """Quote spans of one paragraph, sorted, for overlap checks by bisection."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.spans = sorted((q.start, q.end) for q in quotes)
        self.starts = [sp[0] for sp in self.spans]

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos)
        return i > 0 and self.spans[i - 1][0] <= pos < self.spans[i - 1][1]


def _base_verb(verb: str) -> str:
    for v in _verbs():
        if verb.startswith(v):
            return v
    return verb
