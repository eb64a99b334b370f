"""qtext's exceptions: one small hierarchy, each saying what to do next.

Every error qtext raises on purpose derives from `QtextError`; each also derives from the
built-in exception a caller would expect, so ``except TypeError`` keeps working:

- `InputError` (``TypeError``): the input is not a page (entry points) or not a list of pages;
- `DictionaryError` (``RuntimeError``): a dictionary file is missing or malformed;
- `OptionError` (``ValueError``): an option value qtext does not know;
- `MissingExtraError` (``ImportError``): an optional dependency is not installed.

What the entry points accept (`check_page`): a page is ``str`` or ``bytes``; ``bytearray`` and
``memoryview`` are accepted as bytes (copied once). ``None``, numbers, file objects, paths and
lists raise `InputError` with a message saying what to pass instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

__all__ = [
    "DictionaryError", "InputError", "MissingExtraError", "OptionError", "QtextError",
    "check_page", "check_pages",
]


class QtextError(Exception):
    """Base class of every error qtext raises on purpose."""


class InputError(QtextError, TypeError):
    """The input is not something qtext can read (neither ``str`` nor ``bytes``).

    The message names the function, the type it got and what to pass instead.

    >>> import qtext
    >>> try:
    ...     qtext.repair(42)
    ... except qtext.InputError as exc:
    ...     print(exc)
    qtext.repair expects str or bytes, got int; pass the page's text (str) or its raw bytes
    >>> isinstance(qtext.InputError("x"), TypeError)
    True
    """


class DictionaryError(QtextError, RuntimeError):
    """A dictionary is missing or malformed: one of qtext's own in ``dictionaries/`` (reinstall
    qtext), or one of ``Config.user_dictionaries``, in which case the message names the file,
    the line and what is wrong (``words.txt:3: 'NZ' is not a tag ...``)."""


class OptionError(QtextError, ValueError):
    """An option has a value qtext does not know; the message lists the ones it does.

    >>> import qtext
    >>> issubclass(qtext.OptionError, ValueError)
    True
    """


class MissingExtraError(QtextError, ImportError):
    """An optional dependency is not installed; the message names the extra to install
    (``pip install "qtext[pandas]"``)."""


def _advice(raw: object) -> str:
    """What to pass instead of ``raw`` (which is neither str nor bytes)."""
    if raw is None:
        return "got None; pass the page as str or bytes (an empty page is '' or b'')"
    name = type(raw).__name__
    if callable(getattr(raw, "read", None)):
        return f"got a file object ({name}); pass the page as str or bytes: for a file object pass f.read()"
    if isinstance(raw, os.PathLike):
        return f"got a path ({name}); pass the page itself: path.read_bytes() (qtext finds the encoding)"
    if isinstance(raw, (list, tuple, set, frozenset, dict)) or (
        isinstance(raw, Iterable) and not isinstance(raw, (str, bytes, bytearray, memoryview))
    ):
        return f"got {name}; pass one page as str or bytes, or use qtext.analyze_many(pages) for many pages"
    return f"got {name}; pass the page's text (str) or its raw bytes"


def check_page(raw: object, where: str) -> str | bytes:
    """``raw`` as ``str`` or ``bytes`` (``bytearray``/``memoryview`` copied to ``bytes``), or
    `InputError` naming ``qtext.<where>`` and saying what to pass.

    >>> check_page(bytearray(b"ab"), "repair")
    b'ab'
    >>> check_page(None, "segment")
    Traceback (most recent call last):
    ...
    qtext._errors.InputError: qtext.segment expects str or bytes, got None; pass the page as str or bytes ...
    """
    if isinstance(raw, (str, bytes)):
        return raw
    if isinstance(raw, bytearray):
        return bytes(raw)
    if isinstance(raw, memoryview):
        return raw.tobytes()
    raise InputError(f"qtext.{where} expects str or bytes, {_advice(raw)}")


def check_pages(items: object, where: str = "analyze_many") -> Iterable[Any]:
    """``items`` if it is an iterable of pages; a single page (str, bytes), a file object or a
    non-iterable raises `InputError` saying to pass a list.

    >>> check_pages(["a", "b"])
    ['a', 'b']
    >>> check_pages("one page")
    Traceback (most recent call last):
    ...
    qtext._errors.InputError: qtext.analyze_many expects an iterable of pages, got one str; pass a list: ...
    """
    if isinstance(items, (str, bytes, bytearray, memoryview)):
        name = type(items).__name__
        raise InputError(f"qtext.{where} expects an iterable of pages, got one {name}; "
                         f"pass a list: qtext.{where}([page])")
    if callable(getattr(items, "read", None)):
        raise InputError(f"qtext.{where} expects an iterable of pages, got a file object "
                         f"({type(items).__name__}); pass [f.read()] for one page per file")
    if not isinstance(items, Iterable):
        what = "None" if items is None else type(items).__name__
        raise InputError(f"qtext.{where} expects an iterable of pages (str, bytes or (id, page) pairs), "
                         f"got {what}; pass a list of pages")
    return items
