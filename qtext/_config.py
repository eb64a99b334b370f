"""One frozen configuration object, with a sub-configuration per stage.

>>> from qtext import Config, RepairConfig
>>> cfg = Config(repair=RepairConfig(convert=False))
>>> cfg.repair.convert, cfg.repair.ruby
(False, True)
>>> cfg.replace(repair=RepairConfig()).repair.convert
True
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Config", "ExtractConfig", "ReadConfig", "RepairConfig", "SummaryConfig"]


@dataclass(frozen=True, slots=True)
class RepairConfig:
    """Which repair steps run (in this order, repeated until nothing changes).

    decode:   bytes → text (UTF-8, GB18030/GBK, Big5, UTF-16 with BOM), by evidence
    mojibake: undo UTF-8↔GBK/Latin-1/cp1252 and Big5↔GBK mis-decodings, span by span
    html:     HTML entities and stray tags left in text
    ruby:     flattened ruby pinyin (``質(zhì)量`` → ``質量``), restoring lost characters
    convert:  traditional → simplified (OpenCC + qtext's phrase fixes)
    lost:     ``?`` between parts of a transliterated name → ``·``; report other lost characters
    typeset:  width, punctuation and whitespace as PRC typesetting has them
    """

    decode: bool = True
    mojibake: bool = True
    html: bool = True
    ruby: bool = True
    convert: bool = True
    lost: bool = True
    typeset: bool = True
    max_rounds: int = 3
    encoding: str | None = None  # force an encoding for bytes input instead of guessing

    def replace(self, **changes: Any) -> RepairConfig:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True, slots=True)
class ReadConfig:
    """How a page is read: HTML detection, body extraction, sentence splitting."""

    html: bool | None = None  # None: detect; True/False: force
    min_body_chars: int = 8


@dataclass(frozen=True, slots=True)
class ExtractConfig:
    """Which extractors run."""

    entities: bool = True
    officials: bool = True
    organisations: bool = True
    places: bool = True
    dates: bool = True
    events: bool = True
    quotes: bool = True


@dataclass(frozen=True, slots=True)
class SummaryConfig:
    """The structured summary: how many extractive sentences and keywords."""

    enabled: bool = True
    sentences: int = 3
    keywords: int = 10


@dataclass(frozen=True, slots=True)
class Config:
    """Everything qtext can be told, in one immutable, picklable object.

    ``cache_dir``: a folder where the prepared segmenter may be kept between runs (a checked,
    data-only file); ``None`` keeps everything in memory and writes nothing.
    ``user_dictionaries``: your words and names, UTF-8 files of ``word [frequency] [tag]``
    lines (jieba's user-dictionary format), added to a tokenizer of this config's own:

    >>> import pathlib, tempfile, qtext
    >>> with tempfile.TemporaryDirectory() as d:
    ...     words = pathlib.Path(d, "words.txt")
    ...     _ = words.write_text("# my words\\n质量强国 nz\\n", encoding="utf-8")
    ...     mine = Config(user_dictionaries=(words,))
    ...     [t.text for t in qtext.segment("建设质量强国", mine)]
    ['建设', '质量强国']
    >>> [t.text for t in qtext.segment("建设质量强国")]
    ['建设', '质量', '强国']
    """

    repair: RepairConfig = field(default_factory=RepairConfig)
    read: ReadConfig = field(default_factory=ReadConfig)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    summary: SummaryConfig = field(default_factory=SummaryConfig)
    cache_dir: str | None = None  # where jieba may keep its model cache; None: memory only
    # your words and names for the segmenter: UTF-8 files in jieba's user-dictionary format,
    # one ``word [frequency] [tag]`` a line (tags: nr person, ns place, nt organisation, …)
    user_dictionaries: tuple[str | os.PathLike[str], ...] = ()

    def replace(self, **changes: Any) -> Config:
        return dataclasses.replace(self, **changes)


DEFAULT = Config()
