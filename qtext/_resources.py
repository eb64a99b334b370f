"""Finding and reading qtext's data files (``dictionaries/``), lazily and once per process.

Invariants:
- nothing here runs at import time; every loader is called on first use and cached;
- a dictionary is a UTF-8 text file: ``#`` comment lines (format, source, licence), then one
  header line of tab-separated column names, then sorted tab-separated rows.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

from ._errors import DictionaryError

__all__ = ["dictionary_dir", "dictionary_path", "read_rows", "read_table"]


@functools.lru_cache(maxsize=1)
def dictionary_dir() -> Path:
    """The folder holding qtext's dictionaries: inside the installed wheel, or the source tree."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "dictionaries", here.parent / "dictionaries"):
        if candidate.is_dir():
            return candidate
    raise DictionaryError(f"qtext's dictionaries/ folder is missing next to {here}; reinstall qtext")


def dictionary_path(name: str) -> Path:
    path = dictionary_dir() / name
    if not path.is_file():
        raise DictionaryError(f"dictionary {name!r} not found in {dictionary_dir()}; reinstall qtext")
    return path


def read_rows(name: str) -> Iterator[list[str]]:
    """Yield the data rows of a dictionary as lists of strings (comments and header skipped)."""
    header_seen = False
    with dictionary_path(name).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            yield line.split("\t")


@functools.cache
def read_table(name: str) -> tuple[tuple[str, ...], tuple[dict[str, str], ...]]:
    """Return ``(columns, rows)`` of a dictionary, each row a dict keyed by column name."""
    columns: tuple[str, ...] = ()
    rows: list[dict[str, str]] = []
    with dictionary_path(name).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if not columns:
                columns = tuple(cells)
                continue
            cells += [""] * (len(columns) - len(cells))
            rows.append(dict(zip(columns, cells[: len(columns)], strict=True)))
    if not columns:
        raise DictionaryError(f"dictionary {name!r} has no header line")
    return columns, tuple(rows)
