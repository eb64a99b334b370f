"""Attach pure deletions to a neighbouring character, so offsets keep pointing at real text.

The edit log maps an offset inside a replaced span to that span's start. A pure deletion
(``Change(i, j, "")``) leaves a zero-width span in the output, and the character right after it
would map back to the deleted text instead of to itself. Steps that delete (ruby, typeset)
therefore widen each deletion by the character before it (``質(zhì)`` → ``質``), or by the one after
it at the start of the text, merging with a neighbouring change when they touch.

>>> from qtext._repair._edits import Change
>>> attach_deletions("質(zhì)量", [Change(1, 6, "", "ruby")])
[Change(start=0, end=6, replacement='質', note='ruby')]
"""

from __future__ import annotations

from collections.abc import Sequence

from ._edits import Change, new_change

__all__ = ["attach_deletions"]


def attach_deletions(text: str, changes: Sequence[Change]) -> list[Change]:
    """Return ``changes`` (sorted, non-overlapping) with every pure deletion widened."""
    out: list[Change] = []
    for c in changes:
        if c.replacement or c.start == c.end:
            if out and out[-1].end == c.start and not out[-1].replacement and out[-1].start == 0:
                # a deletion at the start of the text waiting for the next character
                prev = out.pop()
                c = Change(prev.start, c.end, c.replacement, prev.note or c.note)
            out.append(c)
            continue
        if out and out[-1].end == c.start:
            prev = out.pop()
            out.append(Change(prev.start, c.end, prev.replacement, prev.note or c.note))
        elif c.start > 0:
            out.append(new_change(Change, (c.start - 1, c.end, text[c.start - 1], c.note)))
        else:
            out.append(c)  # at the very start: attached to the next character below
    # a leading deletion not followed by a touching change: take the next character
    if out and out[0].start == 0 and not out[0].replacement and out[0].end < len(text):
        first = out[0]
        nxt = out[1] if len(out) > 1 else None
        if nxt is None or nxt.start > first.end:
            out[0] = Change(0, first.end + 1, text[first.end], first.note)
    return out
