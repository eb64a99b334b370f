"""Repair step ``lost``: characters a bad encoding replaced by ``?`` or U+FFFD.

Where the lost character can be told from context it is restored; elsewhere it is reported and
left as it is (qtext never guesses a Han character):

- ``?``, ``？`` or ``�`` between two runs of transliteration characters is the name separator
  ``·`` lost by an encoding step (``威廉姆?特洛伊`` → ``威廉姆·特洛伊``, ``本?阿里`` → ``本·阿里``),
  unless a question word (吗, 什么, 如何, 哪 …) earlier in the same clause makes it a question
  mark. A full-width ``？`` needs two transliteration characters on each side.
  Both sides must start with a transliteration character (``dictionaries/translit_chars.tsv`` and
  the supplement ``repair_translit_chars.tsv``) and the two runs together must be at least three
  characters long, so ``哪里?里面`` or ``什么?`` stay.
- ``11?16事故``: a month and a day joined by a lost character before Han text is the event name
  ``11·16``.
- Any other ``�`` next to Han text is reported (a Change whose replacement is the text itself,
  with a note), and so is an ASCII ``?`` between Han characters with no question word before it
  (``村民?镇长``: a lost ``·`` or a question mark); the typesetting step then treats ``?`` as a
  question mark.

>>> from qtext import RepairConfig
>>> [c.replacement for c in find_changes("首席执行官威廉姆?特洛伊等", RepairConfig())]
['·']
>>> find_changes("你知道吗?我不知道", RepairConfig())
[]
"""

from __future__ import annotations

import re

from .._config import RepairConfig
from .._once import once
from .._resources import read_rows
from ._edits import Change, Trigger

__all__ = ["find_changes", "trigger"]

_PRECHECK = re.compile(r"[?？\ufffd]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_DATE = re.compile(r"(?<![0-9])([0-9]{1,2})[?？\ufffd]([0-9]{1,2})(?![0-9])")
#: what every _DATE match holds (searched first: it starts with a class, which the regex engine
#: scans for fast, while _DATE's lookbehind makes it try every position)
_DATE_CORE = re.compile(r"[0-9][?？\ufffd][0-9]")
_MAX_RUN = 6
_CLAUSE = 24
#: question words; searched in the clause before a lost-character candidate
_QUESTION = re.compile(
    r"(?:吗|呢|什么|怎|如何|为何|何时|何处|谁|哪|多少|是否|难道|岂)[^。！？!?，,；;\n]*$"
)


@once
def _translit() -> frozenset[str]:
    """The project's transliteration characters (``translit_chars.tsv``, built from CLDR/jionlp
    place and person names) plus this step's hand-written supplement of person-name syllables."""
    chars: set[str] = set()
    for name in ("translit_chars.tsv", "repair_translit_chars.tsv"):
        chars.update(row[0] for row in read_rows(name) if row and row[0])
    return frozenset(chars)


def _run(text: str, i: int, step: int, chars: frozenset[str]) -> int:
    """How many transliteration characters run from ``i`` in direction ``step`` (at most 6)."""
    n = 0
    while 0 <= i < len(text) and n < _MAX_RUN and text[i] in chars:
        n += 1
        i += step
    return n


def trigger() -> Trigger:
    """Only a question mark or U+FFFD can stand for a lost character (``_PRECHECK``)."""
    return Trigger("?？\ufffd")


def find_changes(text: str, config: RepairConfig) -> list[Change]:
    """Return the changes this step makes to ``text`` (sorted, non-overlapping)."""
    if _PRECHECK.search(text) is None:
        return []
    chars = _translit()
    found: dict[int, Change] = {}
    for m in _DATE.finditer(text) if _DATE_CORE.search(text) is not None else ():
        month, day = int(m.group(1)), int(m.group(2))
        after = m.end()
        if 1 <= month <= 12 and 1 <= day <= 31 and after < len(text) and _HAN.match(text, after):
            i = m.start(2) - 1
            found[i] = Change(i, i + 1, "·", "lost character between month and day → ·")
    for m in _PRECHECK.finditer(text):
        i = m.start()
        if i in found:
            continue
        left = _run(text, i - 1, -1, chars)
        right = _run(text, i + 1, 1, chars)
        # a full-width question mark was typed by a writer of Chinese: ask for more evidence
        need_each, need_sum = (2, 4) if text[i] == "？" else (1, 3)
        name = left >= need_each and right >= need_each and left + right >= need_sum
        if name and _QUESTION.search(text, max(0, i - _CLAUSE), i) is not None:
            name = False  # 如何激发内力?安徽…: a question word before it makes it a question mark
        if name:
            found[i] = Change(i, i + 1, "·", "lost character between parts of a transliterated name → ·")
        elif (
            text[i] == "?"
            and 0 < i < len(text) - 1
            and _HAN.match(text, i - 1)
            and _HAN.match(text, i + 1)
            and _QUESTION.search(text, max(0, i - _CLAUSE), i) is None
        ):
            # 村民?镇长: a lost separator or a question mark; nothing tells which, so say so
            found[i] = Change(i, i + 1, text[i], "ASCII ? between Han characters with no question word "
                              "before it: a question mark or a lost character (such as ·); not guessed")
        elif text[i] == "\ufffd" and (
            (i > 0 and _HAN.match(text, i - 1)) or (i + 1 < len(text) and _HAN.match(text, i + 1))
        ):
            found[i] = Change(i, i + 1, text[i], "lost character (U+FFFD) in Han text: left as is")
    return [found[k] for k in sorted(found)]
