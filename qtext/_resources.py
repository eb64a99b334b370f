"""Finding and reading qtext's data files (``dictionaries/``), lazily and once per process.

Invariants:
- nothing here runs at import time; every loader is called on first use and cached;
- a dictionary is a UTF-8 text file: ``#`` comment lines (format, source, licence), then one
  header line of tab-separated column names, then sorted tab-separated rows.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ._errors import DictionaryError, InputError

__all__ = [
    "UserWord",
    "check_user_dictionaries",
    "dictionary_dir",
    "dictionary_path",
    "read_rows",
    "read_table",
    "read_user_dictionary",
    "user_dictionary_key",
]


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


# --------------------------------------------------------------------------------------------
# user dictionaries (Config.user_dictionaries)

#: the characters jieba's block pattern (``jieba.re_han_default``) keeps together; a word with any
#: other character could never come out of the segmenter whole
_WORD_CHARS = "\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-"
_WORD_RE = re.compile(f"[{_WORD_CHARS}]+")
_NOT_WORD_CHAR = re.compile(f"[^{_WORD_CHARS}]")
_TAG_RE = re.compile(r"[a-z]{1,8}")
MAX_USER_WORD = 32
"""The longest word a user dictionary may add (jieba's longest is 20 characters)."""
MAX_USER_FREQ = 10**9
_TAGS_HINT = "tags are lower-case letters: nr person, ns place, nt organisation, nz other proper noun"
_FORMAT = "expected 'word [frequency] [tag]', e.g. '质量强国 8 nz'"


@dataclass(frozen=True, slots=True)
class UserWord:
    """One line of a user dictionary: a word, its frequency and tag when given, and where it is."""

    word: str
    freq: int | None  # None: just frequent enough to stay whole (jieba's suggest_freq)
    tag: str | None  # None: the word's tag is left as it is (``n`` for a new word)
    line: int


def user_dictionary_key(paths: object) -> tuple[tuple[str, int, int], ...]:
    """``(resolved path, size, mtime_ns)`` of each user dictionary: what a tokenizer built from
    them is cached under (an edited file gets a new tokenizer). One ``stat`` per file.

    A single path counts as a tuple of one; ``~`` is the home folder; a missing file or a folder
    raises `DictionaryError`, anything but paths `InputError`.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = (paths,)
    if not isinstance(paths, (tuple, list)):
        raise InputError(
            "Config.user_dictionaries expects a tuple of file paths (str or pathlib.Path), "
            f"got {type(paths).__name__}"
        )
    key: list[tuple[str, int, int]] = []
    for p in paths:
        if not isinstance(p, (str, os.PathLike)):
            raise InputError(
                "Config.user_dictionaries expects file paths (str or pathlib.Path), "
                f"got {type(p).__name__} in {paths!r}"
            )
        resolved = os.path.realpath(os.path.expanduser(os.fspath(p)))
        try:
            st = os.stat(resolved)
        except OSError as exc:
            raise DictionaryError(
                f"user dictionary {os.fspath(p)!s}: cannot read it ({exc.strerror or exc}); "
                "check the path in Config.user_dictionaries"
            ) from None
        if not stat.S_ISREG(st.st_mode):
            raise DictionaryError(
                f"user dictionary {os.fspath(p)!s}: not a regular file; give the path of a text file"
            )
        key.append((resolved, st.st_size, st.st_mtime_ns))
    return tuple(key)


def check_user_dictionaries(paths: object) -> None:
    """Read every user dictionary once, raising `DictionaryError` (file:line) for the first
    problem: batch drivers call this before the first page, so that a bad file is one error."""
    for path, _size, _mtime in user_dictionary_key(paths):
        read_user_dictionary(path)


def read_user_dictionary(path: str | os.PathLike[str]) -> tuple[UserWord, ...]:
    """Read a user dictionary: a UTF-8 text file in jieba's user-dictionary format.

    One word per line, ``word [frequency] [tag]`` separated by spaces or tabs; ``#`` starts a
    comment line; blank lines are skipped. Words are NFC-normalised. A malformed line raises
    `DictionaryError` naming ``file:line`` and what is wrong.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     f = pathlib.Path(d, "words.txt")
    ...     _ = f.write_text("# my words\\n质量强国 8 nz\\n王小明 nr\\n\\n", encoding="utf-8")
    ...     [(w.word, w.freq, w.tag, w.line) for w in read_user_dictionary(f)]
    [('质量强国', 8, 'nz', 2), ('王小明', None, 'nr', 3)]
    """
    name = os.fspath(path)
    try:
        with open(name, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise DictionaryError(
            f"user dictionary {name}: cannot read it ({exc.strerror or exc}); "
            "check the path in Config.user_dictionaries"
        ) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    out: list[UserWord] = []
    for number, raw in enumerate(data.split(b"\n"), 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DictionaryError(
                f"{name}:{number}: not UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1}); "
                "save the file as UTF-8"
            ) from None
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        out.append(_user_word(fields, name, number))
    return tuple(out)


def _user_word(fields: list[str], name: str, number: int) -> UserWord:
    def bad(what: str) -> DictionaryError:
        return DictionaryError(f"{name}:{number}: {what}; {_FORMAT}")

    if len(fields) > 3:
        raise bad(f"{len(fields)} fields (a word may not contain spaces)")
    word = unicodedata.normalize("NFC", fields[0])
    if len(word) > MAX_USER_WORD:
        raise bad(f"word {word[:12]!r}… is {len(word)} characters long (at most {MAX_USER_WORD})")
    if not _WORD_RE.fullmatch(word):
        odd = "".join(dict.fromkeys(_NOT_WORD_CHAR.findall(word)))
        raise bad(
            f"word {word!r} has characters that never join a word ({odd!r}): a word is made of "
            "Han characters (U+4E00-U+9FD5), ASCII letters, digits and + # & . _ % -"
        )
    freq: int | None = None
    tag: str | None = None
    rest = fields[1:]
    if rest and rest[0].isascii() and rest[0].isdigit():
        if len(rest[0]) > 10 or int(rest[0]) > MAX_USER_FREQ:
            raise bad(f"frequency {rest[0]} is too large (at most {MAX_USER_FREQ})")
        freq = int(rest[0])
        rest = rest[1:]
    if rest:
        if not _TAG_RE.fullmatch(rest[0]):
            what = "a tag" if freq is not None else "a frequency (a whole number) nor a tag"
            raise bad(f"{rest[0]!r} is neither {what} ({_TAGS_HINT})".replace("neither a tag", "not a tag"))
        tag = rest[0]
        rest = rest[1:]
    if rest:
        raise bad(f"{rest[0]!r} after the tag (the frequency comes before the tag)")
    return UserWord(word, freq, tag, number)
