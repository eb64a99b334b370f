"""qtext's exceptions: one small hierarchy, each saying what to do next."""

from __future__ import annotations

__all__ = ["DictionaryError", "InputError", "QtextError"]


class QtextError(Exception):
    """Base class of every error qtext raises on purpose."""


class InputError(QtextError, TypeError):
    """The input is not something qtext can read (neither ``str`` nor ``bytes``).

    >>> import qtext
    >>> try:
    ...     qtext.repair(42)
    ... except qtext.InputError as exc:
    ...     print(exc)
    qtext expects str or bytes, got int; decode or str() the value first
    """


class DictionaryError(QtextError, RuntimeError):
    """A data file in ``dictionaries/`` is missing or malformed: reinstall qtext."""
