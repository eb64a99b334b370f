"""Repair step `decode`: bytes → text, choosing the encoding by evidence (placeholder)."""

from __future__ import annotations

from .._config import RepairConfig

__all__ = ["decode"]


def decode(raw: bytes, config: RepairConfig) -> tuple[str, str, list[tuple[int, int, str]]]:
    """Decode ``raw``; return ``(text, encoding, losses)``.

    ``losses`` lists ``(start, end, note)`` spans of ``text`` that stand for undecodable bytes
    (each is U+FFFD in ``text``); they are recorded as edits of the ``decode`` step.
    """
    if config.encoding:
        text = raw.decode(config.encoding, errors="replace")
        return text, config.encoding, []
    try:
        return raw.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        text = raw.decode("utf-8", errors="replace")
        losses = [(i, i + 1, "undecodable bytes") for i, c in enumerate(text) if c == "\ufffd"]
        return text, "utf-8", losses
