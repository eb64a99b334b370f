"""The edit log: what each repair step changed, and offset maps between raw and clean text.

Invariants (every step relies on them):
- A step looks at its input text and returns a list of ``Change``: ``(start, end, replacement,
  note)`` against *that* input, sorted by ``start`` and non-overlapping. It never edits text itself.
- ``apply_changes`` turns the changes into the step's output and a ``Layer``: the same spans with
  their positions in the output. A chain of layers maps any offset of the final text back to the
  raw input and forward again.
- A change whose replacement equals its text but which carries a note is a *report*: it changes
  nothing and is kept in the edit log (e.g. a lost character that cannot be restored).
- Each step also says what a text must hold before the step can change it (a ``Trigger``): a
  text without it is left alone, so the orchestrator can prove with one scan that no step has
  anything to do.
- An offset inside a replaced span of equal length on both sides maps position by position;
  inside other replaced spans it maps to the start of the other side's span (``side="start"``)
  or its end (``side="end"``); offsets outside changes shift by the accumulated length difference.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["Change", "Edit", "Layer", "Trigger", "apply_changes", "map_offset", "new_change"]


class Change(NamedTuple):
    """One replacement a step wants to make in its input text."""

    start: int
    end: int
    replacement: str
    note: str = ""


#: ``new_change(Change, (start, end, replacement, note))`` builds a Change without NamedTuple's
#: Python-level ``__new__`` (half the cost: the ruby and typeset steps make thousands per page)
new_change = tuple.__new__


@dataclass(frozen=True, slots=True)
class Trigger:
    """What a step must see in a text before it can change it.

    ``chars`` is the body of a regex character class and ``patterns`` are regexes: a text holding
    none of the characters and no match of the patterns gets ``[]`` from the step's
    ``find_changes``, whatever the configuration. (Characters go in ``chars`` whenever they can:
    the orchestrator searches all steps' characters with one class.)

    >>> Trigger("?？", (re.compile("\ufffd[(]"),)).quiet("没有问题。")
    True
    """

    chars: str
    patterns: tuple[re.Pattern[str], ...] = ()

    def quiet(self, text: str) -> bool:
        """True when ``text`` holds nothing this trigger looks for (so the step changes nothing)."""
        if re.search(f"[{self.chars}]", text) is not None:
            return False
        return all(p.search(text) is None for p in self.patterns)


@dataclass(frozen=True, slots=True)
class Edit:
    """One recorded edit.

    ``raw_start:raw_end`` is the span of the raw input (decoded text) the edit came from;
    ``clean_start:clean_end`` the span of the final clean text it became. ``before``/``after``
    are the text as the step saw it and as the step left it (a later step may change it again).
    """

    raw_start: int
    raw_end: int
    clean_start: int
    clean_end: int
    before: str
    after: str
    step: str
    note: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "raw": [self.raw_start, self.raw_end],
            "clean": [self.clean_start, self.clean_end],
            "before": self.before,
            "after": self.after,
            "step": self.step,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Layer:
    """The changes of one step, with spans on both sides (parallel tuples, sorted)."""

    step: str
    in_starts: tuple[int, ...]
    in_ends: tuple[int, ...]
    out_starts: tuple[int, ...]
    out_ends: tuple[int, ...]
    befores: tuple[str, ...]
    afters: tuple[str, ...]
    notes: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.in_starts)


# ``Layer(...)`` for the hot path: a frozen dataclass's generated __init__ goes through
# ``object.__setattr__`` by name for every field; setting the slots through their descriptors
# builds the same object in about half the time (apply_changes makes one per changing step).
_S0, _S1, _S2, _S3, _S4, _S5, _S6, _S7 = (getattr(Layer, name).__set__ for name in Layer.__slots__)


def _new_layer(
    step: str,
    in_starts: tuple[int, ...],
    in_ends: tuple[int, ...],
    out_starts: tuple[int, ...],
    out_ends: tuple[int, ...],
    befores: tuple[str, ...],
    afters: tuple[str, ...],
    notes: tuple[str, ...],
) -> Layer:
    """``Layer(...)``, built through the slot descriptors (fields in their declared order)."""
    layer = object.__new__(Layer)
    _S0(layer, step)
    _S1(layer, in_starts)
    _S2(layer, in_ends)
    _S3(layer, out_starts)
    _S4(layer, out_ends)
    _S5(layer, befores)
    _S6(layer, afters)
    _S7(layer, notes)
    return layer


def apply_changes(text: str, changes: Sequence[Change], step: str) -> tuple[str, Layer | None]:
    """Apply sorted, non-overlapping changes; return the new text and its layer (None if no-op).

    >>> new, layer = apply_changes("ab(x)c", [Change(2, 5, "")], "demo")
    >>> new, layer.in_starts, layer.out_starts
    ('abc', (2,), (2,))
    """
    n = len(text)
    if len(changes) == 1:  # the common case (a converted line, one entity): no lists to build
        start, end, rep, note = changes[0]
        if start < 0 or end < start or end > n:
            raise ValueError(
                f"step {step!r} returned an overlapping or out-of-range change {(start, end, rep, note)!r}"
            )
        before = text[start:end]
        if before == rep and not note:
            return text, None
        layer = _new_layer(step, (start,), (end,), (start,), (start + len(rep),), (before,), (rep,), (note,))
        return text[:start] + rep + text[end:], layer
    parts: list[str] = []
    in_s: list[int] = []
    in_e: list[int] = []
    out_s: list[int] = []
    out_e: list[int] = []
    befores: list[str] = []
    afters: list[str] = []
    notes: list[str] = []
    pos = 0
    shift = 0  # output offset minus input offset so far
    for start, end, rep, note in changes:
        if start < pos or end < start or end > n:
            raise ValueError(
                f"step {step!r} returned an overlapping or out-of-range change {(start, end, rep, note)!r}"
            )
        before = text[start:end]
        if before == rep and not note:
            continue  # a no-op; with a note it is kept as a report (the text is unchanged)
        parts.append(text[pos:start])
        parts.append(rep)
        in_s.append(start)
        in_e.append(end)
        out_s.append(start + shift)
        shift += len(rep) - end + start
        out_e.append(end + shift)
        befores.append(before)
        afters.append(rep)
        notes.append(note)
        pos = end
    if not in_s:
        return text, None
    parts.append(text[pos:])
    layer = _new_layer(
        step, tuple(in_s), tuple(in_e), tuple(out_s), tuple(out_e),
        tuple(befores), tuple(afters), tuple(notes),
    )
    return "".join(parts), layer


def map_offset(layer: Layer, offset: int, *, forward: bool, side: str = "start") -> int:
    """Map an offset through one layer (input → output if ``forward``, else output → input).

    Inside an equal-length replacement (``質``→``质``, a whole converted line) offsets map
    position by position. At a zero-width span (a deletion seen from the output, an insertion seen
    from the input) a ``start`` offset maps past the other side's span and an ``end`` offset before
    it, so the character after a deletion maps to itself, not to the deleted text.

    >>> _, layer = apply_changes("質(zhì)量", [Change(1, 6, "")], "ruby")
    >>> map_offset(layer, 1, forward=False), map_offset(layer, 1, forward=False, side="end")
    (6, 1)
    """
    src_s, src_e, dst_s, dst_e = (
        (layer.in_starts, layer.in_ends, layer.out_starts, layer.out_ends)
        if forward
        else (layer.out_starts, layer.out_ends, layer.in_starts, layer.in_ends)
    )
    # the last change starting at or before the offset
    i = bisect_right(src_s, offset) - 1
    if i < 0:
        return offset
    s, e = src_s[i], src_e[i]
    if s == e == offset:  # zero-width span right here
        return dst_e[i] if side == "start" else dst_s[i]
    if offset >= e:
        return offset - e + dst_e[i]
    if e - s == dst_e[i] - dst_s[i]:  # equal lengths: position by position
        return dst_s[i] + offset - s
    if offset == s:
        return dst_s[i]
    return dst_e[i] if side == "end" else dst_s[i]
