"""Repair step `lost` (placeholder: finds nothing yet)."""

from __future__ import annotations

from .._config import RepairConfig
from ._edits import Change

__all__ = ["find_changes"]


def find_changes(text: str, config: RepairConfig) -> list[Change]:
    """Return the changes this step makes to ``text`` (sorted, non-overlapping)."""
    return []
