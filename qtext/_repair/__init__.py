"""``qtext.repair``: damaged page text in, clean simplified Chinese out, every edit on record.

The steps, in the order they run (each round runs them all; rounds repeat until a round changes
nothing, at most ``RepairConfig.max_rounds`` times; a step is not re-run on a text it has already
seen and left unchanged, since it would only repeat itself):

1. ``decode``   bytes → text (only for ``bytes`` input, once)
2. ``mojibake`` undo mis-decodings span by span, accepted only when the text gets less "bad"
3. ``html``     entities and stray tags
4. ``ruby``     flattened ruby pinyin, only where the pinyin is a reading of the character
5. ``convert``  traditional → simplified (OpenCC + qtext's phrase fixes), never harming
                simplified text
6. ``lost``     ``?`` inside transliterated names → ``·``; other lost characters reported
7. ``typeset``  width, punctuation and whitespace as PRC typesetting has them

Each step also names its trigger (``trigger()``: the characters and patterns it needs to see
before it can change anything); one scan for all of them lets clean text through untouched.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .._config import RepairConfig
from .._errors import check_page
from .._once import once
from . import _bytes, _convert, _html, _lost, _mojibake, _ruby, _typeset
from ._edits import Change, Edit, Layer, Trigger, apply_changes, map_offset

__all__ = ["STEPS", "Change", "Edit", "Repair", "repair"]

StepFn = Callable[[str, RepairConfig], list[Change]]

#: (name, finder) in the documented order; the name is also the RepairConfig switch.
STEPS: tuple[tuple[str, StepFn], ...] = (
    ("mojibake", _mojibake.find_changes),
    ("html", _html.find_changes),
    ("ruby", _ruby.find_changes),
    ("convert", _convert.find_changes),
    ("lost", _lost.find_changes),
    ("typeset", _typeset.find_changes),
)


@dataclass(frozen=True, slots=True)
class Repair:
    """The result of :func:`repair`: clean text, the raw text it came from, and the edits.

    >>> import qtext
    >>> r = qtext.repair("質(zhì)量")
    >>> r.text
    '质量'
    >>> r.to_raw(1)   # the clean '量' came from raw offset 6
    6
    """

    text: str
    raw: str
    encoding: str | None = None
    layers: tuple[Layer, ...] = field(default=(), repr=False, compare=False)
    _cache: list[tuple[Edit, ...]] = field(default_factory=list, init=False, repr=False, compare=False)

    @property
    def edits(self) -> tuple[Edit, ...]:
        """Every edit, in the order the steps made them, with raw and clean spans.

        Built from the step layers on first access (most callers only want ``text``).
        """
        if not self._cache:
            self._cache.append(_dedupe(_edits_of(list(self.layers))) if self.layers else ())
        return self._cache[0]

    @property
    def changed(self) -> bool:
        return self.text != self.raw

    def to_raw(self, offset: int, side: str = "start") -> int:
        """Map an offset of the clean text to the raw text."""
        for layer in reversed(self.layers):
            offset = map_offset(layer, offset, forward=False, side=side)
        return offset

    def to_clean(self, offset: int, side: str = "start") -> int:
        """Map an offset of the raw text to the clean text."""
        for layer in self.layers:
            offset = map_offset(layer, offset, forward=True, side=side)
        return offset

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span a clean span came from (an empty span: all that was deleted there)."""
        if start == end:
            return self.to_raw(start, "end"), self.to_raw(end, "start")
        return self.to_raw(start, "start"), self.to_raw(end, "end")

    def clean_span(self, start: int, end: int) -> tuple[int, int]:
        """The clean span a raw span became (an empty span: all that was inserted there)."""
        if start == end:
            return self.to_clean(start, "end"), self.to_clean(end, "start")
        return self.to_clean(start, "start"), self.to_clean(end, "end")

    def explain(self, limit: int | None = 50) -> str:
        """A readable account of what was done, one line per edit.

        >>> import qtext
        >>> print(qtext.repair("質(zhì)量").explain())
        2 edits (raw 7 chars → clean 2 chars)
        ruby      raw 0:6     '質(zhì)' → '質'  ruby pinyin (zhi4) of 質 removed
        convert   raw 0:6     '質' → '质'  traditional → simplified (OpenCC tw2s + phrase fixes)
        """
        lines = [f"{len(self.edits)} edits (raw {len(self.raw)} chars → clean {len(self.text)} chars)"]
        if self.encoding:
            lines[0] += f", decoded as {self.encoding}"
        shown = self.edits if limit is None else self.edits[:limit]
        for e in shown:
            note = f"  {e.note}" if e.note else ""
            lines.append(f"{e.step:<9} raw {e.raw_start}:{e.raw_end:<5} {e.before!r} → {e.after!r}{note}")
        if limit is not None and len(self.edits) > limit:
            lines.append(f"... and {len(self.edits) - limit} more")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "encoding": self.encoding,
            "edits": [e.to_dict() for e in self.edits],
        }


def _edits_of(layers: list[Layer]) -> tuple[Edit, ...]:
    edits: list[Edit] = []
    for k, layer in enumerate(layers):
        before_layers, after_layers = layers[:k], layers[k + 1 :]
        for i, rs, re_, cs, ce, before, after in _pieces(layer):
            s_side, e_side = ("end", "start") if rs == re_ else ("start", "end")
            for lay in reversed(before_layers):
                rs = map_offset(lay, rs, forward=False, side=s_side)
                re_ = map_offset(lay, re_, forward=False, side=e_side)
            s_side, e_side = ("end", "start") if cs == ce else ("start", "end")
            for lay in after_layers:
                cs = map_offset(lay, cs, forward=True, side=s_side)
                ce = map_offset(lay, ce, forward=True, side=e_side)
            # an empty span that another step's longer replacement swallowed maps to that
            # replacement's end and start: its span is the whole replacement (found by fuzzing)
            rs, re_ = min(rs, re_), max(rs, re_)
            cs, ce = min(cs, ce), max(cs, ce)
            edits.append(Edit(rs, re_, cs, ce, before, after, layer.step, layer.notes[i]))
    return tuple(edits)


def _pieces(layer: Layer) -> Iterator[tuple[int, int, int, int, int, str, str]]:
    """``(index, in_start, in_end, out_start, out_end, before, after)`` of each change of a layer;
    a change of equal length on both sides (a whole line converted at once) is reported as its
    runs of differing characters, so every edit has the narrowest raw span."""
    for i in range(len(layer)):
        s, e, os_, before, after = (
            layer.in_starts[i], layer.in_ends[i], layer.out_starts[i], layer.befores[i], layer.afters[i]
        )
        if len(before) != len(after) or len(before) < 2 or before == after:
            yield i, s, e, os_, layer.out_ends[i], before, after
            continue
        k, n = 0, len(before)
        while k < n:
            if before[k] == after[k]:
                k += 1
                continue
            j = k + 1
            while j < n and before[j] != after[j]:
                j += 1
            yield i, s + k, s + j, os_ + k, os_ + j, before[k:j], after[k:j]
            k = j


def _dedupe(edits: tuple[Edit, ...]) -> tuple[Edit, ...]:
    """Drop repeated reports (a step re-reporting the same unchanged span in a later round)."""
    seen: set[tuple[object, ...]] = set()
    out: list[Edit] = []
    for e in edits:
        if e.before == e.after:
            key = (e.raw_start, e.raw_end, e.step, e.note)
            if key in seen:
                continue
            seen.add(key)
        out.append(e)
    return tuple(out)


def repair(raw: str | bytes, config: RepairConfig | None = None) -> Repair:
    """Repair damaged Chinese page text; clean simplified text passes through unchanged.

    >>> import qtext
    >>> qtext.repair("國務(wù)委員王勇出席大會,宣讀賀信").text
    '国务委员王勇出席大会，宣读贺信'
    >>> qtext.repair("已经干净的简体中文。").changed
    False
    """
    cfg = config or _DEFAULT
    if type(raw) is not str:
        raw = check_page(raw, "repair")  # bytearray/memoryview → bytes; wrong types → InputError
        if isinstance(raw, bytes):
            text, encoding, losses = decode_bytes(raw, cfg)
            return _repair_decoded(text, encoding, losses, cfg)
    return _run_steps(raw, cfg, [], None)


def decode_bytes(
    data: bytes, config: RepairConfig | None = None
) -> tuple[str, str, list[tuple[int, int, str]]]:
    """``(text, encoding, losses)`` of page bytes, as :func:`repair` decodes them: the ``decode``
    step's evidence-based choice (BOM, strict UTF-8, a declared charset, then the least bad of
    GB18030/Big5/UTF-16), or UTF-8 with replacement characters when ``config.decode`` is off.

    >>> decode_bytes("质量".encode("gb18030"))
    ('质量', 'gb18030', [])
    """
    cfg = config or _DEFAULT
    if cfg.decode:
        return _bytes.decode(data, cfg)
    return data.decode("utf-8", errors="replace"), "utf-8", []


# a UTF-16 surrogate pair left as two code points, or a lone surrogate (not encodable as UTF-8)
_SURROGATES = re.compile("[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")  # (one class: a fast scan that tries nothing elsewhere)


def _surrogate_layer(text: str) -> tuple[str, Layer | None]:
    """Surrogate code points made valid: a pair becomes its character, a lone one U+FFFD.

    >>> _surrogate_layer("中\\ud83d\\ude00文\\ud800")[0] == "中\\U0001f600文\\ufffd"
    True
    """
    changes: list[Change] = []
    for m in _SURROGATES.finditer(text):
        s = m.group()
        if len(s) == 2:
            char = chr(0x10000 + ((ord(s[0]) - 0xD800) << 10) + (ord(s[1]) - 0xDC00))
            changes.append(Change(m.start(), m.end(), char, "UTF-16 surrogate pair joined"))
        else:
            changes.append(Change(m.start(), m.end(), "\ufffd", "lone surrogate replaced by U+FFFD"))
    if not changes:
        return text, None
    return apply_changes(text, changes, "decode")


def _repair_decoded(
    text: str, encoding: str | None, losses: list[tuple[int, int, str]], config: RepairConfig | None = None
) -> Repair:
    """:func:`repair` of bytes the caller has already decoded (``_bytes.decode``'s result), so
    they are not decoded twice; the losses are kept on record as ``decode`` edits.

    >>> r = _repair_decoded("國\ufffd", "utf-8", [(1, 2, "lost byte")])
    >>> r.text, r.encoding, [e.step for e in r.edits]
    ('国\ufffd', 'utf-8', ['decode', 'convert', 'lost'])
    """
    layers: list[Layer] = []
    if losses:
        # record undecodable bytes as decode edits that keep U+FFFD in place
        starts = tuple(s for s, _, _ in losses)
        ends = tuple(e for _, e, _ in losses)
        kept = tuple(text[s:e] for s, e, _ in losses)
        layers.append(Layer("decode", starts, ends, starts, ends, kept, kept, tuple(n for _, _, n in losses)))
    return _run_steps(text, config or _DEFAULT, layers, encoding)


def _run_steps(text: str, cfg: RepairConfig, layers: list[Layer], encoding: str | None) -> Repair:
    """Run the enabled steps in order, round after round, until a round changes nothing.

    A step is skipped when its input is exactly a text it has already seen and left unchanged
    (steps are deterministic, so it would only repeat itself); in practice the second round
    runs only the steps before and including the last one that changed the text. Before the
    first round and each later one, one scan for the steps' triggers (:func:`_quiet_test`) may
    prove that no step has anything to do: a clean text runs no step at all, and a repaired one
    usually needs no second round.
    """
    source = text
    if cfg is _DEFAULT:
        steps, quiet = _DEFAULT_STEPS, _default_quiet()
    else:
        steps = _enabled(cfg)
        quiet = _quiet_test(tuple(name for name, _ in steps))
    if quiet(text):  # clean text, the common case: one scan proves that no step has work
        return _new_repair(text, source, encoding, tuple(layers))
    if _SURROGATE.search(text) is not None:  # (rare) text that cannot be encoded: made valid first
        text, surrogates = _surrogate_layer(text)
        if surrogates is not None:
            layers.append(surrogates)
    settled: list[str | None] = [None] * len(steps)  # the text each step last left unchanged
    for rnd in range(max(1, cfg.max_rounds)):
        if rnd and quiet(text):
            break  # what the last round made is clean: no step would change it
        round_changed = False
        for k, (name, fn) in enumerate(steps):
            if settled[k] == text:
                continue
            changes = fn(text, cfg)
            if changes:
                new_text, layer = apply_changes(text, changes, name)
                if layer is not None:
                    layers.append(layer)
                if new_text != text:
                    text = new_text
                    round_changed = True
                    continue
            settled[k] = text
        if not round_changed:
            break
    return _new_repair(text, source, encoding, tuple(layers))


# ``Repair(text, raw, encoding, layers)`` for the hot path: set through the slot descriptors
# instead of the frozen dataclass's ``object.__setattr__`` by name (about half the time)
_R_TEXT, _R_RAW, _R_ENCODING, _R_LAYERS, _R_CACHE = (getattr(Repair, n).__set__ for n in Repair.__slots__)


def _new_repair(text: str, raw: str, encoding: str | None, layers: tuple[Layer, ...]) -> Repair:
    """``Repair(text, raw, encoding, layers)``, built through the slot descriptors."""
    r = object.__new__(Repair)
    _R_TEXT(r, text)
    _R_RAW(r, raw)
    _R_ENCODING(r, encoding)
    _R_LAYERS(r, layers)
    _R_CACHE(r, [])
    return r


def _enabled(cfg: RepairConfig) -> list[tuple[str, StepFn]]:
    return [(name, fn) for name, fn in STEPS if getattr(cfg, name)]


#: each step's trigger (see ``_edits.Trigger``), by step name
TRIGGERS: dict[str, Callable[[], Trigger]] = {
    "mojibake": _mojibake.trigger,
    "html": _html.trigger,
    "ruby": _ruby.trigger,
    "convert": _convert.trigger,
    "lost": _lost.trigger,
    "typeset": _typeset.trigger,
}


@functools.lru_cache(maxsize=64)  # keyed by the enabled steps: one entry per configuration in use
def _quiet_test(names: tuple[str, ...]) -> Callable[[str], bool]:
    """One test that none of the steps ``names`` (nor the surrogate fix) can change a text: all
    their trigger characters in one class, searched once, then the few trigger patterns.

    >>> quiet = _quiet_test(("html", "lost"))
    >>> quiet("没有问题。"), quiet("有问题吗?"), quiet("a&amp;b")
    (True, False, False)
    """
    if any(name not in TRIGGERS for name in names):
        return lambda text: False  # a step without a trigger: nothing can be proved
    triggers = [TRIGGERS[name]() for name in names]
    search = re.compile("[\ud800-\udfff" + "".join(t.chars for t in triggers) + "]").search
    patterns = tuple(p.search for t in triggers for p in t.patterns)

    def quiet(text: str) -> bool:
        if search(text) is not None:
            return False
        for p in patterns:  # noqa: SIM110 (a plain loop: no generator object per call)
            if p(text) is not None:
                return False
        return True

    return quiet


@once
def _default_quiet() -> Callable[[str], bool]:
    """The default configuration's :func:`_quiet_test` (no key to build and hash per call)."""
    return _quiet_test(tuple(name for name, _ in _DEFAULT_STEPS))


_DEFAULT = RepairConfig()
_DEFAULT_STEPS = _enabled(_DEFAULT)
