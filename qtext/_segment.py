"""Word segmentation through a jieba ``Tokenizer`` that qtext owns.

Invariants:
- the tokens of ``segment(text)`` rebuild ``text`` exactly (whitespace and newlines included),
  and ``text[t.start:t.end] == t.text`` for every token;
- jieba's global tokenizer (``jieba.dt``) is never initialised or changed, and nothing is
  written to the temporary directory: qtext reads jieba's ``dict.txt`` itself, adds its own
  dictionaries (places, countries and, when present, titles and organisations) to its own
  ``jieba.Tokenizer``, and keeps a word → part-of-speech map beside it;
- the tokenizer is built once per process, lazily, under a lock; segmenting is read-only, so
  one tokenizer serves every thread.

How a text is cut:
1. jieba's blocks (runs of Han, ASCII letters and digits); outside them one token per character,
   except that a whitespace run is one token;
2. the maximum-probability path over the dictionary DAG (the path ``jieba.Tokenizer.cut`` takes;
   the vocabulary is jieba's ``dict.txt`` plus qtext's place, country, city, organisation,
   football club and title names, each at the lowest frequency that keeps it whole); dictionary compounds keep
   the boundaries of the entities inside them: before a title or role (``本报记者`` → ``本报``
   ``记者``, ``女演员`` → ``女`` ``演员``, ``政协委员`` → ``政协`` ``委员``; inside a title too when
   the head names a body's field, is a title prefix or an attribute word: ``国防 部长``, ``首席
   经济学家``, ``特约 记者``), after a title that begins one (``客服热线``), before an organisation
   suffix after a common word (``当地 政府``), after a proper name before a league or prize
   (``德甲 联赛``, ``奥斯卡 奖``), after an armed force (``海军 基地``);
3. jieba's HMM for runs of unknown single characters, then the characters the HMM glued to a
   name are given back: function characters and frequent one-character words at its edges
   (``张连志为`` → ``张连志`` ``为``; ``但梁 大伟`` → ``但`` ``梁大伟``; ``欧冠中`` → ``欧冠`` ``中``),
   a name's last character put with the next word (``吴国 平说`` → ``吴国平`` ``说``) and a
   next word's first character put with the name (``郭菲算 得`` → ``郭菲`` ``算`` ``得``); ASCII
   runs are cut before a year or decimal and around ``vs`` (``WCG2011`` → ``WCG`` ``2011``);
4. a linear post-pass joining numbers (``１９９８年``, ``3.5%``, ``350万``, ``二○○一年``), ``——`` and
   ``……``, full-width Latin runs and transliterated names (``米尔扎耶夫·阿齐兹``).
Every rule looks at one token and its neighbour: linear time.
Part-of-speech tags are looked up in jieba's dictionary (tag set of ``jieba.posseg``); words
the HMM found get ``nr`` when they look like a Chinese name, ``nrt`` when they are spelt with
transliteration characters, ``m`` for numbers, ``eng`` for Latin words and ``x`` otherwise.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import operator
import os
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._document import Token

if TYPE_CHECKING:
    from ._config import Config

__all__ = ["segment"]

_CACHE_VERSION = 7  # 6 and later: a data-only file (5 and before: marshal)
# the tag of a dictionary word that ``_Model.tags`` does not list (118,000 of jieba's 350,000)
_DEFAULT_TAG = "n"

# single-character words of these jieba tags (prepositions, conjunctions, adverbs, particles,
# pronouns, modal particles) and these verbs sit next to names but rarely inside them: the HMM
# glues them to an unknown name (张连志为, 问孙楠), qtext cuts them off again
_EDGE_TAGS = frozenset(("p", "c", "d", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e", "r"))
_EDGE_VERBS = frozenset("说到拿问看是在有把被让给向对将称")
# function characters that the HMM glues in front of any unknown name (而门兴, 于拜仁, 由林超贤)
_LEAD_EDGE = frozenset("而于由被让向对从与和跟同把将在据及或但")
# a dictionary word this rare (log-probability; 吴国 ≈ -12.8, 北京 ≈ -8.4) may be part of a name
_RARE_LOGP = -12.0
# a one-character word this frequent (中 ≈ -5.5, 叫 ≈ -7.2) that the HMM glued to the first
# character of a name is cut off again (中孔 艺珍 → 中 孔艺珍)
_LEAD_LOGP = -7.5
# a proper name followed by one of these in one dictionary word is cut before it (德甲 联赛)
_EVENT_SUFFIXES = ("联赛", "杯赛", "奖")
_EVENT_ENDS = frozenset(t[-1] for t in _EVENT_SUFFIXES)
_PROPER_TAGS = frozenset(("nr", "nrt", "ns", "nz", "nt"))

# Characters of a number run: ASCII and full-width digits, with the separators that may sit
# between digits (decimal point, thousands comma is left out: ``1,2`` is ambiguous in Chinese).
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_NUM_INNER = frozenset(".．")
_NUM_AFTER = frozenset("%％‰")
_DATE_UNITS = frozenset("年月日")
_DATELINE_TAILS = frozenset(("电", "讯"))
_MAGNITUDES = frozenset("万亿")
_CN_DIGITS = frozenset("〇○零一二三四五六七八九")
_RUN_PUNCT = frozenset("—…")
_MINUS = frozenset(("-", "－", "−"))
_FW_LATIN = frozenset(chr(c) for c in [*range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)])
# Separators inside transliterated foreign names.
_NAME_DOTS = frozenset("·・•‧")
_CIRCLE_ZEROS = frozenset("○〇")
# the post-pass never grows a token beyond this (a run of 10⁵ digits must not cost 10¹⁰ steps)
_MAX_JOINED = 64
# outside jieba's blocks, a run of whitespace is one token (jieba: one per character)
_RE_SPACES = re.compile(r"(\s+)")
_DANGLING = _NUM_INNER | _NAME_DOTS
# first characters of a token (and last characters of the token before it) that a rule may join
_START = _DIGITS | _CIRCLE_ZEROS | _RUN_PUNCT | _FW_LATIN | _NAME_DOTS
_END = _DIGITS | _NUM_INNER | _CIRCLE_ZEROS | _RUN_PUNCT | _FW_LATIN | _NAME_DOTS | _MINUS | {"副"}


@dataclass(frozen=True, slots=True)
class _Model:
    """Everything the cutter reads: jieba's prefix dictionary with log-probabilities, and tags."""

    total: int  # sum of the dictionary's frequencies (jieba's ``total``)
    pf: dict[str, float]  # word → log(freq / total) (≤ 0), and 1.0 for every prefix of a word
    # that is not itself a word: one table for the DAG walk and for "is this a word?"
    tags: dict[str, str]  # word → jieba POS tag, except the most common one (``n``, a third of
    # the words): a dictionary word missing here is a noun
    min_logp: float  # log(1 / total), jieba's score for a character it does not know
    surnames: frozenset[str]
    translit: frozenset[str]
    edge_chars: frozenset[str]  # function characters that rarely begin or end a name (为, 到, 而 …)
    lead_chars: frozenset[str]  # edge_chars and other frequent one-character words (中, 上, 叫 …)
    titles: frozenset[str]  # titles (titles.tsv): a compound ending in one is split before it
    title_tails: frozenset[str]  # the last two characters of every title, a cheap first test
    org_ends: frozenset[str]  # last characters of organisation suffixes (局, 部, 委, 队 …)
    org_suffixes: frozenset[str]  # org_suffixes.tsv (政协, 协会, 委员会 …)
    gov_suffixes: frozenset[str]  # those of government bodies (政府, 公安局, 法院 …)
    title_prefixes: frozenset[str]  # title_prefixes.tsv of two or more characters (首席, 名誉 …)
    common_surnames: frozenset[str]  # the hundred most frequent surnames
    hmm_cut: Callable[[str], Iterable[str]]  # jieba.finalseg.cut (read-only model tables)
    re_han: re.Pattern[str]  # jieba's block pattern
    re_skip: re.Pattern[str]  # whitespace runs


_lock = threading.Lock()
_model: _Model | None = None
_tok: Any = None  # the jieba.Tokenizer of tokenizer(), built only if someone asks for it
# models with user dictionaries' words, by (resolved path, size, mtime_ns) of their files
_user_models: dict[tuple[tuple[str, int, int], ...], _Model] = {}
_MAX_USER_MODELS = 4  # each holds its own copy of the word table (~25 MB)


# --------------------------------------------------------------------------------------------
# building the model


def _jieba_dict_path() -> Path:
    import jieba

    return Path(jieba.__file__).resolve().parent / "dict.txt"


def _read_jieba_dict(path: Path) -> tuple[dict[str, int], dict[str, str]]:
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    known: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2:
                continue
            word = parts[0]
            freq[word] = int(parts[1])
            if len(parts) > 2 and parts[2] != _DEFAULT_TAG:
                tag = parts[2]
                tags[word] = known.setdefault(tag, tag)  # one string per tag, not one per word
    return freq, tags


def _name_columns(name: str) -> list[str]:
    """Names in another engineer's dictionary (``title``/``full``/``short``/``name`` columns, ``|``
    separating variants), or nothing when the file does not exist (yet) or has none of them."""
    from ._errors import DictionaryError
    from ._resources import read_table

    try:
        columns, rows = read_table(name)
    except (DictionaryError, OSError, UnicodeDecodeError, ValueError):
        return []
    wanted: list[str] = [c for c in ("title", "name", "full", "short") if c in columns] or list(columns[:1])
    out: list[str] = []
    for row in rows:
        for col in wanted:
            out.extend(v.strip() for v in row.get(col, "").split("|") if v.strip())
    return out


def _gov_suffixes() -> list[str]:
    """The suffixes of ``org_suffixes.tsv`` whose type is ``government``."""
    from ._errors import DictionaryError
    from ._resources import read_table

    try:
        _, rows = read_table("org_suffixes.tsv")
    except (DictionaryError, OSError, UnicodeDecodeError, ValueError):
        return []
    return [r.get("suffix", "") for r in rows if r.get("type") == "government" and r.get("suffix")]


def _qtext_words() -> list[tuple[str, str]]:
    """(word, tag) pairs qtext adds to jieba's vocabulary, so that names stay whole."""
    from . import _lexicon

    out: list[tuple[str, str]] = []
    for place in _lexicon.places():
        if place.level <= 2 or place.valid_to == "":
            out.append((place.name, "ns"))
    for country in _lexicon.countries():
        out.append((country.name, "ns"))
        if country.full:
            out.append((country.full, "ns"))
        if country.capital:
            out.append((country.capital, "ns"))
    out.extend((city, "ns") for city in _lexicon.world_cities())
    sources = (
        ("orgs_cn.tsv", "nt"), ("orgs_intl.tsv", "nt"), ("sports_clubs.tsv", "nt"),
        ("titles.tsv", "n"), ("roles.tsv", "n"),
    )
    for name, tag in sources:
        out.extend((w, tag) for w in _name_columns(name))
    # deputy titles (副局长, 副署长): the most common composed title, kept whole like the title
    out.extend(("副" + w, "n") for w in _name_columns("titles.tsv") if not w.startswith("副") and len(w) <= 4)
    return [(w, t) for w, t in out if 2 <= len(w) <= 20 and " " not in w]


def _suggest(word: str, freq: dict[str, int], total: int) -> int:
    """The smallest frequency that makes ``word`` beat its best split into known pieces
    (what ``jieba.Tokenizer.suggest_freq(word, True)`` computes, without touching a tokenizer):
    a name added this way stays whole on its own but yields to better-attested neighbours."""
    # best split by dynamic programming over the word itself (small: len(word) <= 20)
    n = len(word)
    best = [0.0] * (n + 1)
    for i in range(n - 1, -1, -1):
        cand = -1e300
        for j in range(i + 1, n + 1 if i > 0 else n):
            f = freq.get(word[i:j], 0)
            if f or j == i + 1:
                cand = max(cand, math.log(f or 1) - math.log(total) + best[j])
        best[i] = cand
    return max(1, int(math.exp(best[0]) * total) + 1)


_SOURCES = (
    "places_cn.tsv", "countries.tsv", "world_cities.tsv", "surnames.tsv", "translit_chars.tsv",
    "orgs_cn.tsv", "orgs_intl.tsv", "titles.tsv", "roles.tsv", "sports_clubs.tsv",
)


def _fingerprint() -> str:
    """Short hash of what the prepared dictionary is made from (jieba's dict.txt, qtext's
    dictionaries and the code that combines them: size and modification time; qtext's version),
    so that a cache never outlives its sources."""
    import hashlib

    from . import _lexicon
    from ._resources import dictionary_dir
    from ._version import __version__

    h = hashlib.sha256(f"qtext {__version__};".encode())
    sources = (Path(__file__), Path(_lexicon.__file__), _jieba_dict_path())
    for path in (*sources, *(dictionary_dir() / n for n in _SOURCES)):
        try:
            st = path.stat()
            h.update(f"{path.name}:{st.st_size}:{st.st_mtime_ns};".encode())
        except OSError:
            h.update(f"{path.name}:-;".encode())
    return h.hexdigest()[:16]


# --------------------------------------------------------------------------------------------
# the prepared model on disk (Config.cache_dir)
#
# The file holds data only, in a format that cannot run code (no pickle, no marshal): a magic
# line, one line of JSON (the total, the table of distinct log-probabilities, the tag names, the
# sizes of the three sections, their SHA-256), then the sections: the words of ``pf`` (UTF-8,
# one per line), a uint32 array giving each word's value (an index into the table), a uint8
# array giving each word's tag (0: none, else an index + 1 into the tag names). Everything is
# checked on loading (sizes, hash, indexes in range, no positive log-probability but the prefix
# marker, no word longer than _MAX_WORD, tags of letters); a file that fails any check is
# ignored and rebuilt. The hash catches damage, not an attacker who can write the folder: such
# a person can change how text is cut (as by editing jieba's dict.txt), but not run code.

_CACHE_MAGIC = b"qtext segment cache\n"
_MAX_CACHE_BYTES = 64 << 20  # the file is ~7 MB; anything far bigger is not ours
_MAX_WORD = 64  # the longest word a loaded table may hold (the DAG walk's work per character)


def _cache_name() -> str:
    return f"qtext-segment-v{_CACHE_VERSION}-{_fingerprint()}.bin"


def _save_cache(path: Path, total: int, pf: dict[str, float], tags: dict[str, str]) -> None:
    """Write the prepared model to ``path`` (atomically: a temporary file in the same folder,
    then renamed). Failures are ignored: the cache is an optimisation."""
    import hashlib
    import json
    import sys
    from array import array

    values = sorted(set(pf.values()))
    tag_names = sorted(set(tags.values()))
    if len(tag_names) > 255 or any(w not in pf for w in tags):
        return
    words = "\n".join(pf).encode("utf-8")
    if words.count(b"\n") != len(pf) - 1:
        return  # a word with a newline in it: the format cannot hold it
    vindex = {v: i for i, v in enumerate(values)}
    tindex = {t: i for i, t in enumerate(tag_names, 1)}
    parts = (
        words,
        array("I", map(vindex.__getitem__, pf.values())).tobytes(),
        bytes(tindex[tags[w]] if w in tags else 0 for w in pf),
    )
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    header = {
        "version": _CACHE_VERSION, "total": total, "values": values, "tags": tag_names,
        "sizes": [len(p) for p in parts], "byteorder": sys.byteorder, "sha256": digest.hexdigest(),
    }
    import secrets

    # a new file ("x": never an existing one, nor where a planted symlink points), renamed over
    # the cache: readers in other processes see the old file or the new one, never half of one
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("xb") as fh:
            fh.write(_CACHE_MAGIC)
            fh.write(json.dumps(header, separators=(",", ":")).encode("ascii") + b"\n")
            for part in parts:
                fh.write(part)
        tmp.replace(path)
    except FileExistsError:
        pass  # not ours: leave it
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _load_cache(path: Path) -> tuple[int, dict[str, float], dict[str, str]] | None:
    """``(total, pf, tags)`` from a file ``_save_cache`` wrote, or None when the file is missing,
    damaged or not what it claims to be."""
    try:
        with path.open("rb") as fh:
            data = fh.read(_MAX_CACHE_BYTES + 1)
    except OSError:
        return None
    if len(data) > _MAX_CACHE_BYTES:
        return None
    return _parse_cache(data)


def _parse_cache(data: bytes) -> tuple[int, dict[str, float], dict[str, str]] | None:
    """The model in the bytes of a cache file, or None when they are not one (never raises)."""
    if not data.startswith(_CACHE_MAGIC):
        return None
    try:
        return _read_sections(data)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, RecursionError):
        return None  # UnicodeDecodeError and json's errors are ValueErrors; a deeply nested header


def _read_sections(data: bytes) -> tuple[int, dict[str, float], dict[str, str]] | None:
    import hashlib
    import itertools
    import json
    import sys
    from array import array

    start = len(_CACHE_MAGIC)
    eol = data.index(b"\n", start, start + (1 << 20))
    header = json.loads(data[start:eol])
    if not isinstance(header, dict) or header.get("version") != _CACHE_VERSION:
        return None
    total, values, tag_names = header["total"], header["values"], header["tags"]
    sizes, byteorder = header["sizes"], header["byteorder"]
    if not (type(total) is int and total > 0 and isinstance(values, list) and isinstance(tag_names, list)):
        return None
    if not all(type(v) is float and (v == 1.0 or -1e6 < v <= 0.0) for v in values):
        return None  # a log-probability is never positive; 1.0 marks a mere prefix
    if not all(type(t) is str and 0 < len(t) <= 8 and t.isascii() and t.isalpha() for t in tag_names):
        return None
    if not (isinstance(sizes, list) and len(sizes) == 3 and all(type(n) is int and n >= 0 for n in sizes)):
        return None
    if sum(sizes) != len(data) - eol - 1 or byteorder not in ("little", "big"):
        return None
    parts: list[bytes] = []
    pos = eol + 1
    digest = hashlib.sha256()
    for n in sizes:
        parts.append(data[pos : pos + n])
        digest.update(parts[-1])
        pos += n
    if digest.hexdigest() != header["sha256"]:
        return None
    words = parts[0].decode("utf-8").split("\n")
    vidx = array("I")
    vidx.frombytes(parts[1])
    tidx = parts[2]
    if byteorder != sys.byteorder:
        vidx.byteswap()
    if not len(words) == len(vidx) == len(tidx):
        return None
    if (vidx and max(vidx) >= len(values)) or (tidx and max(tidx) > len(tag_names)):
        return None
    if max(map(len, words), default=0) > _MAX_WORD:
        return None
    pf = dict(zip(words, map(values.__getitem__, vidx), strict=True))
    names = ["", *tag_names]
    tags = dict(zip(itertools.compress(words, tidx), map(names.__getitem__, filter(None, tidx)), strict=True))
    if len(pf) != len(words):
        return None  # repeated words
    return total, pf, tags


def _prepare() -> tuple[int, dict[str, float], dict[str, str]]:
    """``(total, pf, tags)`` of a new model: jieba's ``dict.txt`` with qtext's words added."""
    freq, tags = _read_jieba_dict(_jieba_dict_path())
    total0 = sum(freq.values())
    for word, tag in _qtext_words():
        if word in freq:
            continue
        freq[word] = _suggest(word, freq, total0)
        if tag != _DEFAULT_TAG:
            tags[word] = tag
    total = sum(freq.values())
    logtotal = math.log(total)
    # one table: words with their log-probability (one float object per distinct frequency:
    # most words share a handful of small counts), and their prefixes with 1.0
    pf: dict[str, float] = {}
    for w in freq:
        for i in range(1, len(w)):
            pf.setdefault(w[:i], 1.0)
    logs: dict[int, float] = {}
    for w, f in freq.items():
        if f > 0:
            v = logs.get(f)
            if v is None:
                v = logs[f] = math.log(f) - logtotal
            pf[w] = v
    return total, pf, tags


def _build(cache_dir: str | None) -> _Model:
    import jieba
    import jieba.finalseg

    from . import _lexicon

    loaded = None
    cache: Path | None = None
    if cache_dir:
        cache = Path(cache_dir).expanduser() / _cache_name()
        loaded = _load_cache(cache)
    if loaded is None:
        loaded = _prepare()
        if cache is not None:
            _save_cache(cache, *loaded)
    total, pf, tags = loaded
    logtotal = math.log(total)
    titles = frozenset(
        w for w in (*_name_columns("titles.tsv"), *_name_columns("roles.tsv")) if 2 <= len(w) <= 6
    )
    surnames = frozenset(s.surname for s in _lexicon.surnames())
    # the one-character words are among the first characters of all words (a C-level map over
    # the 500,000 keys, then a look-up per distinct character: 4x faster than filtering the items)
    first = operator.itemgetter(0)
    edge_chars = frozenset(
        c
        for c in set(map(first, filter(None, tags)))
        if (t := tags.get(c)) is not None and (t in _EDGE_TAGS or c in _EDGE_VERBS)
    )
    return _Model(
        total=total,
        pf=pf,
        tags=tags,
        min_logp=-logtotal,
        surnames=surnames,
        translit=frozenset(_lexicon.translit_chars()),
        edge_chars=edge_chars,
        lead_chars=frozenset(
            c
            for c in set(map(first, filter(None, pf)))
            if _LEAD_LOGP < pf.get(c, 1.0) <= 0.0 and c not in surnames
        ) | edge_chars,
        titles=titles,
        title_tails=frozenset(t[-2:] for t in titles),
        org_ends=frozenset(w[-1] for w in _name_columns("org_suffixes.tsv")),
        org_suffixes=frozenset(_name_columns("org_suffixes.tsv")),
        gov_suffixes=frozenset(_gov_suffixes()),
        title_prefixes=frozenset(w for w in _name_columns("title_prefixes.tsv") if len(w) >= 2),
        common_surnames=frozenset(s.surname for s in _lexicon.surnames() if s.rank is not None),
        hmm_cut=_memo_hmm(jieba.finalseg.cut),
        re_han=jieba.re_han_default,
        re_skip=_RE_SPACES,
    )


# the longest run handed to jieba's HMM at once (see _memo_hmm)
_HMM_MAX = 128


def _memo_hmm(cut: Callable[[str], Iterable[str]]) -> Callable[[str], Iterable[str]]:
    """jieba's HMM cut, remembered for the last few thousand runs (a name recurs through an
    article; the HMM is a pure function of its input, so this only saves time)."""
    import functools

    @functools.lru_cache(maxsize=4096)
    def memo(buf: str) -> tuple[str, ...]:
        out: list[str] = []
        # jieba's Viterbi copies its best path at every character (quadratic: 50,000 × 中 took
        # 19 s); a run of unknown single characters is cut in bounded pieces (real runs are short)
        for i in range(0, len(buf), _HMM_MAX):
            for w in cut(buf[i : i + _HMM_MAX]):
                if len(w) >= 4 and w[0].isascii() and w.isascii():
                    out += _latin_pieces(w)
                else:
                    out.append(w)
        return tuple(out)

    return memo


# a year (1900–2099) inside a Latin run: WCG2011, IeSF2011, 2009ief, eswc2009grandfinal
_RE_YEAR_IN_LATIN = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
# a decimal number after a Latin word: Infi1.25
_RE_DECIMAL_AFTER_LATIN = re.compile(r"(?<=[A-Za-z])(?=[0-9]+\.[0-9])")


def _latin_pieces(w: str) -> list[str]:
    """An ASCII run jieba keeps whole, cut where a reader sees two units: a year or a decimal
    number after a name (``WCG2011`` → ``WCG`` ``2011``, ``Infi1.25`` → ``Infi`` ``1.25``) and ``vs``
    glued to a team (``vsac`` → ``vs`` ``ac``, ``04vs`` → ``04`` ``vs``). Runs of letters only or
    digits only, and mixed runs such as ``MP3``, ``G20``, ``4G``, stay whole.

    >>> _latin_pieces("CPL2011"), _latin_pieces("vsnec"), _latin_pieces("MP3")
    (['CPL', '2011'], ['vs', 'nec'], ['MP3'])
    """
    head: list[str] = []
    tail: list[str] = []
    low = w.lower()
    if low.startswith("vs") and w[2:3].isalnum():
        head, w = [w[:2]], w[2:]
    elif low.endswith("vs") and len(w) >= 3 and w[-3].isdigit():
        tail, w = [w[-2:]], w[:-2]
    if w.isalpha() or w.isdigit():
        return [*head, w, *tail]
    parts = [p for p in _RE_YEAR_IN_LATIN.split(w) if p]
    if len(parts) == 1:
        parts = [p for p in _RE_DECIMAL_AFTER_LATIN.split(w) if p]
    return [*head, *parts, *tail]


def _clear_caches() -> None:
    """Forget remembered HMM cuts (benchmarks call this so that every timing round starts cold)."""
    m = _model
    if m is not None:
        getattr(m.hmm_cut, "cache_clear", lambda: None)()


def _get_model(config: Config | None) -> _Model:
    """The model for ``config``: the shared one, or for ``config.user_dictionaries`` one with
    their words added (built once per distinct set of files, kept for the last few sets)."""
    global _model
    m = _model
    if m is None:
        with _lock:
            if _model is None:
                _model = _build(config.cache_dir if config is not None else None)
            m = _model
    files = config.user_dictionaries if config is not None else ()
    if not files:
        return m
    from ._resources import user_dictionary_key

    key = user_dictionary_key(files)  # one stat per file: an edited file gets a new model
    um = _user_models.get(key)
    if um is None:
        with _lock:
            um = _user_models.get(key)
            if um is None:
                um = _with_user_words(m, key)
                while len(_user_models) >= _MAX_USER_MODELS:
                    del _user_models[next(iter(_user_models))]  # the oldest set goes
                _user_models[key] = um
    return um


def user_tagged(word: str, tag: str) -> bool:
    """Did a user dictionary give ``word`` its ``tag``: a token has it, and the shared model (no
    user words) would not? Extraction trusts such tags more than jieba's own (an ``nt`` word of
    a user dictionary is an organisation without an organisation suffix).

    >>> _ = _get_model(None)
    >>> user_tagged("质量", "nt"), user_tagged("质量", "n")
    (True, False)
    """
    m = _model
    if m is None:
        return False
    return tag != m.tags.get(word, _DEFAULT_TAG if m.pf.get(word, 1.0) <= 0.0 else None)


def _with_user_words(base: _Model, files: Iterable[tuple[str, int, int]]) -> _Model:
    """``base`` with the words of user dictionaries added, as ``jieba.Tokenizer.load_userdict``
    adds them (later lines win): a given frequency is the word's frequency (0 removes the word);
    without one the word gets the lowest frequency that keeps it whole (``suggest_freq``); a tag
    replaces the word's tag. The dictionary's total is left as it is (a user dictionary's
    frequencies are a rounding error next to jieba's 60 million). ``base`` is not changed."""
    from ._resources import read_user_dictionary

    pf = dict(base.pf)  # ~15 ms; the float objects are shared
    tags = dict(base.tags)
    total = base.total
    logtotal = -base.min_logp
    for path, _size, _mtime in files:
        for uw in read_user_dictionary(path):
            w = uw.word
            if uw.freq == 0:
                if pf.get(w, 1.0) <= 0.0:
                    pf[w] = 1.0  # still the prefix of longer words, no longer a word
                tags.pop(w, None)
                continue
            if uw.freq is None:
                old = pf.get(w, 1.0)
                freq = max(1, int(math.exp(_split_logp(w, pf, base.min_logp)) * total) + 1)
                logp = math.log(freq) - logtotal
                if old <= 0.0:
                    logp = max(logp, old)
            else:
                logp = math.log(uw.freq) - logtotal
            for i in range(1, len(w)):
                pf.setdefault(w[:i], 1.0)
            pf[w] = min(logp, 0.0)
            if uw.tag == _DEFAULT_TAG:
                tags.pop(w, None)
            elif uw.tag is not None:
                tags[w] = uw.tag
    return dataclasses.replace(base, pf=pf, tags=tags)


def _split_logp(word: str, pf: dict[str, float], min_logp: float) -> float:
    """The log-probability of the best cut of ``word`` into two or more known pieces (an unknown
    character scores ``min_logp``): what a word must beat to stay whole (``_suggest`` on ``pf``).
    Like the DAG walk, a piece grows only while it is a prefix of some word: linear in practice.

    >>> m = _get_model(None)
    >>> _split_logp("质量强国", m.pf, m.min_logp) == m.pf["质量"] + m.pf["强国"]
    True
    """
    n = len(word)
    if n < 2:
        return -math.inf
    best = [0.0] * (n + 1)
    for i in range(n - 1, -1, -1):
        cand = min_logp + best[i + 1]  # one character; a known one scores its own (higher) value
        j = i + 1
        while j <= n and not (i == 0 and j == n):  # the whole word is not one of its cuts
            p = pf.get(word[i:j])
            if p is None:
                break
            if p <= 0.0 and p + best[j] > cand:
                cand = p + best[j]
            j += 1
        best[i] = cand
    return best[0]


def tokenizer(config: Config | None = None) -> Any:
    """A ``jieba.Tokenizer`` with qtext's vocabulary (built on first use; never ``jieba.dt``).

    ``segment`` does not need it (it walks the same dictionary itself); it is for callers who
    want jieba's own API (``cut_for_search``, ``tokenize``) over qtext's vocabulary. Its ``FREQ``
    and ``total`` are filled here, so jieba never initialises it or writes its cache file.
    It has qtext's vocabulary only: ``config.user_dictionaries`` are not added to it.
    """
    global _tok
    m = _get_model(config.replace(user_dictionaries=()) if config is not None else None)
    with _lock:
        if _tok is None:
            import jieba

            tok = jieba.Tokenizer()
            tok.tmp_dir = None
            freq = dict.fromkeys(m.pf, 0)
            for w, p in m.pf.items():
                if p <= 0.0:
                    freq[w] = max(1, round(math.exp(p) * m.total))
            tok.FREQ = freq
            tok.total = m.total
            tok.initialized = True
            _tok = tok
        return _tok


# --------------------------------------------------------------------------------------------
# cutting


def _cut_block(block: str, m: _Model, out: list[str]) -> None:
    """jieba's ``__cut_DAG`` (maximum-probability path + HMM for unknown runs), appending to ``out``.

    One backward pass finds the best path: ``m.pf`` maps every word to its log-probability and
    every mere prefix to ``1.0`` (a log-probability is never positive), so one lookup per
    fragment does what jieba's ``get_DAG`` and ``calc`` do in two passes. Ties go to the longer
    word, as in jieba.
    """
    n = len(block)
    pf_get = m.pf.get
    min_logp = m.min_logp
    score = [0.0] * (n + 1)
    nxt = [0] * n
    for i in range(n - 1, -1, -1):
        best_p = min_logp + score[i + 1]
        best_x = i + 1
        found = False
        j = i + 1
        v = pf_get(block[i])
        while v is not None:
            if v <= 0.0:
                p = v + score[j]
                if not found or p >= best_p:
                    best_p = p
                    best_x = j
                    found = True
            if j >= n:
                break
            j += 1
            v = pf_get(block[i:j])
        score[i] = best_p
        nxt[i] = best_x
    x = 0
    buf_start = -1
    append = out.append
    tails = m.title_tails
    titles = m.titles
    while x < n:
        y = nxt[x]
        if y - x == 1:
            if buf_start < 0:
                buf_start = x
        else:
            if buf_start >= 0:
                _flush(block[buf_start:x], m, out)
                buf_start = -1
                if _name_overrun(out[-1], block[x], m):
                    last = out.pop()
                    out += (last[:2], last[2])  # 崔恺出 了 → 崔恺 出 了
                if y - x <= 2 and _lead_glued(out[-1], block[x:y], m) and _name_part(block[x:y], m):
                    # 但梁 大伟 → 但 梁大伟: the HMM glued the word before a name to its surname
                    prev = out[-1]
                    out[-1] = prev[0]
                    out.append(prev[1] + block[x:y])
                    x = y
                    continue
            if y - x >= 4 and block[x + 1] == "军" and _known(block[x : x + 2], m) and _known(
                block[x + 2 : y], m
            ):
                # 海军基地 → 海军 基地: an armed force at the head of a compound is its own word
                out += (block[x : x + 2], block[x + 2 : y])
            elif y - x >= 4 and block[x : x + 2] in titles and block[x:y] not in titles:
                _split_title_head(block[x:y], m, out)
            elif y - x >= 3 and block[y - 2 : y] in tails:
                _split_title(block[x:y], m, out)
            elif y - x >= 3 and block[y - 1] in _EVENT_ENDS:
                _split_event(block[x:y], m, out)
            elif y - x == 3 and block[y - 1] == "组" and block[x : x + 2] in titles:
                out += (block[x : x + 2], "组")  # 专家组 → 专家 组: a group named by its members
            elif y - x >= 4 and block[y - 1] in m.org_ends:
                _split_org(block[x:y], m, out)
            else:
                append(block[x:y])
        x = y
    if buf_start >= 0:
        _flush(block[buf_start:], m, out)


def _flush(buf: str, m: _Model, out: list[str]) -> None:
    """A run of single characters: jieba's HMM when the run is not a word, then cut function
    characters off the edges of unknown words it made (``张连志为`` → ``张连志`` ``为``)."""
    if len(buf) == 1:
        out.append(buf)
        return
    if _known(buf, m):
        out.extend(buf)
        return
    edge = m.edge_chars
    lead = m.lead_chars
    for w in m.hmm_cut(buf):
        if out and _name_overrun(out[-1], w[0], m):
            last = out.pop()
            out += (last[:2], last[2])  # 郭菲算 得 → 郭菲 算 得
        if len(w) == 2 and w[0] in m.org_ends and w[1] in edge and not _known(w, m):
            out += w  # 海关 局等 → 海关 局 等: an organisation's last character and a function word
            continue
        if out and len(w) <= 2 and _lead_glued(out[-1], w, m):
            # 由林 超贤 → 由 林超贤, 但费 耶 → 但 费耶: the HMM glued a frequent one-character word
            # to the first character of a name
            prev = out[-1]
            out[-1] = prev[0]
            if len(w) == 2 and w[-1] in edge:
                out += (prev[1] + w[0], w[-1])
            else:
                out.append(prev[1] + w)
            continue
        if len(w) >= 2 and not _known(w, m):
            if len(w) >= 3 and w[0] in lead and (
                w[0] in _LEAD_EDGE
                or w[1] in m.surnames
                or m.translit.issuperset(w[1:])
                or (w[0] not in m.surnames and (len(w) == 3 or (len(w) == 4 and w[-1] in edge)))
            ):
                out.append(w[0])  # 以春丽为 → 以 春丽 为
                w = w[1:]
            if len(w) >= 3 and w[-1] in edge:
                out += (w[:-1], w[-1])
                continue
            if len(w) == 3 and w[2] in lead and w[0] not in m.common_surnames and w[0] not in lead:
                # 欧冠中 → 欧冠 中, 拜仁积 → 拜仁 积: a frequent one-character word after an unknown
                # two-character name that does not begin with a common surname
                out += (w[:2], w[2])
                continue
            if len(w) == 4 and w[0] not in m.surnames and w[1] in m.surnames and _known(w[0], m):
                out += (w[0], w[1:])  # 友王伟臣 → 友 王伟臣: the character before a surname
                continue
            if len(w) == 4 and w[0] in m.surnames and w[:2] not in m.surnames and _known(w[3], m):
                # 郭庆祥告 → 郭庆祥 告: a Chinese name with a one-character surname has at most
                # three characters, so the fourth is the next word
                out += (w[:3], w[3])
                continue
            if (
                len(w) == 2
                and w[1] in lead
                and out
                and len(out[-1]) == 1
                and out[-1] in m.surnames
                and w[0] not in lead
            ):
                out[-1] += w[0]  # 于 海问 → 于海 问: a surname, a given name, then a frequent word
                out.append(w[1])
                continue
            if out and w[-1] in lead and _name_before(out[-1], w[0], m):
                # 李晓 林说 → 李晓林 说; 韦斯特 伍说 → 韦斯特伍 说: the HMM put the last character of a
                # name with the function character after it
                out[-1] += w[:-1]
                out.append(w[-1])
                continue
        out.append(w)


def _known(w: str, m: _Model) -> bool:
    """Is ``w`` a dictionary word (not merely the prefix of one)?"""
    return m.pf.get(w, 1.0) <= 0.0


def _name_overrun(prev: str, c: str, m: _Model) -> bool:
    """Did the HMM run a two-character name into the next word: ``prev`` is an unknown
    three-character word that begins with a one-character surname, and its last character makes a
    dictionary word with ``c``, the next character (崔恺出 了: 出了; 张博抱 着: 抱着)?"""
    return (
        len(prev) == 3
        and prev[0] in m.surnames
        and prev[:2] not in m.surnames
        and not _known(prev, m)
        and _known(prev[2] + c, m)
    )


def _name_part(w: str, m: _Model) -> bool:
    """Could the dictionary word ``w`` be the given name after a surname: a name itself, a rare
    word, or transliteration characters only?"""
    return m.tags.get(w) in ("nr", "nrt", "nrfg") or m.translit.issuperset(w)


def _lead_glued(prev: str, w: str, m: _Model) -> bool:
    """Is ``prev`` (two characters the HMM made a word) a frequent one-character word followed by
    the first character of a name that goes on in ``w``: a surname (``由林`` ``超贤``) or a
    transliteration character followed by more of them (``但费`` ``耶``)?"""
    if (
        len(prev) != 2
        or prev[0] not in m.lead_chars
        or prev[0] in m.common_surnames
        or _known(prev, m)
        or w[0] in m.edge_chars
    ):
        return False
    if prev[1] in m.surnames:
        return True
    return prev[1] in m.translit and m.translit.issuperset(w)


def _name_before(prev: str, c: str, m: _Model) -> bool:
    """Is ``prev`` + ``c`` a name the HMM cut short: a two-character unknown word or name that
    begins with a surname (``c`` not a function character), or transliteration characters only?"""
    if m.translit.issuperset(prev) and c in m.translit:
        return len(prev) >= 3 or not _known(prev, m) or m.tags.get(prev) in ("nr", "nrt", "ns")
    if len(prev) == 2 and prev[0] in m.surnames and c not in m.edge_chars:
        p = m.pf.get(prev)
        p = p if p is not None and p <= 0.0 else None
        # unknown, a name, or a rare proper noun (吴国, 石安: places the name happens to spell)
        return p is None or m.tags.get(prev) == "nr" or (p < _RARE_LOGP and m.tags.get(prev) in ("ns", "nz"))
    return False


def _words(text: str, m: _Model) -> list[str]:
    """jieba's blocks: Han/ASCII runs are cut on the DAG, the rest character by character,
    except that a run of whitespace (``\\n\\n``, ``　　``) is one token."""
    out: list[str] = []
    re_han = m.re_han
    re_skip = m.re_skip
    seen: dict[str, list[str]] = {}  # a block met again in this text is cut as before (lists, menus)
    for blk in re_han.split(text):
        if not blk:
            continue
        if re_han.match(blk):
            words = seen.get(blk)
            if words is None:
                words = seen[blk] = []
                _cut_block(blk, m, words)
            out += words
        else:
            for x in re_skip.split(blk):
                if not x:
                    continue
                if re_skip.match(x):
                    out.append(x)
                else:
                    out.extend(x)
    return out


def _is_number(w: str) -> bool:
    return all(c in _DIGITS for c in w)


def _is_cn_year(w: str) -> bool:
    """``二○○一``: Chinese digits written with the circle zero (a year, digit by digit)."""
    return all(c in _CN_DIGITS for c in w)


def _is_translit(w: str, m: _Model) -> bool:
    return m.translit.issuperset(w)


def _split_title_head(w: str, m: _Model, out: list[str]) -> None:
    """``部长会议`` → ``部长`` ``会议``, ``专家建议`` → ``专家`` ``建议``: a dictionary compound that
    begins with a two-character title and goes on with a word of two or more characters."""
    head, rest = w[:2], w[2:]
    if len(rest) >= 2 and _known(rest, m):
        out += (head, rest)
    else:
        out.append(w)


def _split_title(w: str, m: _Model, out: list[str]) -> None:
    """``本报记者`` → ``本报`` ``记者``, ``协会会长`` → ``协会`` ``会长``: a dictionary compound that
    ends in a title (``titles.tsv``) and is not itself a title is cut before the title when what
    precedes it is a word of two or more characters, a surname (``陈老师``) or the unit the title
    heads (``处处长`` → ``处`` ``处长``)."""
    titles = m.titles
    if w in titles:
        # 政协委员 → 政协 委员, 全国政协委员 → 全国政协 委员: a title that names its body keeps
        # the body's boundary (the body ends in an organisation suffix, org_suffixes.tsv)
        for k in range(len(w) - 2, 1, -1):
            head, tail = w[:k], w[k:]
            if tail in titles and _known(head, m) and (
                _ends_org(head, m)
                # 国防部长 → 国防 部长: the head with the title's first character is a body (国防部)
                or m.tags.get(head + tail[0]) == "nt"
                # 首席经济学家 → 首席 经济学家: a modifier of titles (title_prefixes.tsv) and a title
                or head in m.title_prefixes
                # 特约记者 → 特约 记者: an adverb or attribute word (jieba d, b) before a title
                or (m.tags.get(head) in ("d", "b") and head not in titles)
            ):
                out += (head, tail)
                return
    else:
        for k in range(len(w) - 2, 0, -1):
            head, tail = w[:k], w[k:]
            if tail in titles and (
                (k >= 2 and _known(head, m))
                or (k == 1 and (head == tail[0] or head in m.surnames or head in m.org_ends))
                or (k == 1 and _modifier(head, tail, m))
            ):
                out += (head, tail)
                return
    out.append(w)


def _ends_org(w: str, m: _Model) -> bool:
    """Does ``w`` end in an organisation suffix of two or more characters (政协, 协会, 公司)?"""
    suffixes = m.org_suffixes
    return any(w[-k:] in suffixes for k in range(2, min(len(w), 5) + 1))


def _split_event(w: str, m: _Model, out: list[str]) -> None:
    """``德甲联赛`` → ``德甲`` ``联赛``, ``奥斯卡奖`` → ``奥斯卡`` ``奖``: a dictionary compound of a
    proper name (jieba tags nr, nrt, ns, nz, nt) and the league or prize it names keeps the
    name's boundary. (Teams stay whole: 阿森纳队 is how the team itself is named.)"""
    for tail in _EVENT_SUFFIXES:
        if w.endswith(tail) and len(w) - len(tail) >= 2:
            head = w[: -len(tail)]
            if m.tags.get(head) in _PROPER_TAGS or (m.pf.get(head) == 1.0 and m.translit.issuperset(head)):
                out += (head, tail)
                return
    out.append(w)


def _split_org(w: str, m: _Model, out: list[str]) -> None:
    """``当地政府`` → ``当地`` ``政府``: a dictionary compound of a common word (not a name) and the
    suffix of a government body keeps the suffix's boundary. Company, school and bank names
    (招商银行, 北京大学) stay whole: their heads are names whatever jieba's tag says."""
    suffixes = m.gov_suffixes
    if w not in suffixes:
        for k in range(2, len(w) - 1):
            head, tail = w[:k], w[k:]
            if tail in suffixes and _known(head, m) and m.tags.get(head) not in _PROPER_TAGS:
                out += (head, tail)
                return
    out.append(w)


def _modifier(head: str, tail: str, m: _Model) -> bool:
    """Is the one character ``head`` an adjective before the title ``tail`` (女 演员, 新 教练),
    rather than the start of another word (大学 生, 小学 生)?"""
    return m.tags.get(head) in ("a", "b") and not _known(head + tail[0], m)


def _merge(words: Iterable[str], m: _Model) -> list[str]:
    """The post-pass: join what jieba's blocks and dictionary split but a reader sees as one unit.

    - number runs: ``１９９８``, ``3.5%``, ``６．５％``; with a following 年/月/日 (``1998年``, ``12月``,
      ``31日``; ``31日电`` → ``31日`` ``电``, the dateline form); ``二○○一年``;
    - ``——`` and ``……`` (one punctuation mark each, two characters wide); runs of full-width
      Latin letters (``ｗｗｗ``);
    - transliterated names the HMM cut up: ``米尔扎`` ``耶夫`` → ``米尔扎耶夫`` (pieces not in the
      dictionary, every character a transliteration character), and names joined by a middle dot.
    Each rule looks back at most a few tokens: linear in the number of tokens.
    """
    out: list[str] = []
    translit = m.translit
    dangling = False
    for w in words:
        if not out:
            out.append(w)
            continue
        prev = out[-1]
        c0 = w[0]
        p_last = prev[-1]
        if (
            c0 not in _START
            and p_last not in _END
            and (c0 not in translit or p_last not in translit)
        ):
            out.append(w)  # the common case: no rule can join these two
            continue
        if len(prev) >= _MAX_JOINED:
            out.append(w)  # keeps joining linear: no token grows without bound
            continue
        if prev in _MINUS and c0 in _DIGITS and (len(out) < 2 or not _is_operand(out[-2][-1])):
            out[-1] = prev + w  # －9 (a sign, not a range: the token before is no number)
            continue
        joined = _join(prev, w, m)
        if joined is None:
            out.append(w)
        else:
            out[-1:] = joined
            if joined[-1][-1] in _DANGLING:
                dangling = True
    # a trailing decimal point or a dot that found no second name part goes back on its own
    if dangling:
        fixed: list[str] = []
        for w in out:
            if len(w) > 1 and w[-1] in _DANGLING and (w[-2] in _DIGITS or w[-2] in m.translit):
                fixed += (w[:-1], w[-1])
            else:
                fixed.append(w)
        return fixed
    return out


def _is_operand(c: str) -> bool:
    """Could ``c`` end the left side of a range or a difference (``3-5``, ``A-1``)?"""
    return c in _DIGITS or c in _FW_LATIN or (c.isascii() and c.isalnum())


def _has_circle_zero(w: str) -> bool:
    return "○" in w or "〇" in w


def _join(prev: str, w: str, m: _Model) -> tuple[str, ...] | None:
    """What ``prev`` followed by ``w`` becomes, or None to keep them apart."""
    c0 = w[0]
    p_last = prev[-1]
    if c0 in _DIGITS:
        if _is_number(w) and (
            p_last in _DIGITS
            or (p_last in _NUM_INNER and len(prev) >= 2 and prev[-2] in _DIGITS and prev[0] in _DIGITS)
        ):
            return (prev + w,)
        return None
    if p_last in _DIGITS and prev[0] in _DIGITS:
        if len(w) == 1 and (c0 in _NUM_AFTER or c0 in _NUM_INNER or c0 in _DATE_UNITS):
            return (prev + w,)
        if c0 in _DATE_UNITS and w[1:] in _DATELINE_TAILS:
            return (prev + c0, w[1:])
        if c0 in _MAGNITUDES and len(w) <= 2 and (len(w) == 1 or _known(w, m)):
            return (prev + w,)  # 350万, 1000万元, 3.5亿吨: the magnitude (and its unit) go with the number
        return None
    if c0 in _CN_DIGITS and p_last in _CN_DIGITS and _is_cn_year(prev):
        if _is_cn_year(w) and _has_circle_zero(prev + w):
            return (prev + w,)
        if w[-1] == "年" and _is_cn_year(w[:-1]) and _has_circle_zero(prev):
            return (prev + w,)
        return None
    if w == "年" and len(prev) >= 2 and _is_cn_year(prev) and _has_circle_zero(prev):
        return (prev + w,)
    if c0 in _RUN_PUNCT:
        if p_last == c0 and w.count(c0) == len(w) and prev.count(c0) == len(prev):
            return (prev + w,)
        return None
    if c0 in _FW_LATIN:
        if p_last in _FW_LATIN and all(c in _FW_LATIN for c in w):
            return (prev + w,)
        return None
    if p_last == "副" and len(prev) >= 2 and w in m.titles:
        return (prev[:-1], "副" + w)  # 部副 主任 → 部 副主任 (the HMM glued 副 to the unit)
    if c0 in _NAME_DOTS:
        if len(w) == 1 and (
            (len(prev) >= 2 and _is_translit(prev, m)) or (len(prev) >= 3 and prev[-2] in _NAME_DOTS)
        ):
            return (prev + w,)
        return None
    if p_last in _NAME_DOTS:
        if len(prev) >= 3 and _is_translit(w, m):
            return (prev + w,)
        return None
    def known(x: str) -> bool:
        return _known(x, m)

    if (
        len(prev) + len(w) >= 3
        and (not known(w) or not known(prev))
        and m.translit.issuperset(w)
        and m.translit.issuperset(prev)
    ):
        return (prev + w,)
    return None


def _tag(word: str, m: _Model) -> str:
    """The tag of a word jieba's dictionary does not list."""
    c0 = word[0]
    if len(word) == 1:
        return "m" if c0 in _DIGITS else "eng" if c0.isascii() and c0.isalpha() else "x"
    if c0 in _DIGITS or c0 in _NUM_INNER:
        return "m"
    if c0.isascii():
        return "eng" if c0.isalpha() else ("m" if c0.isdigit() else "x")
    if any(c in _NAME_DOTS for c in word):
        return "nrt"
    if 2 <= len(word) <= 4 and (c0 in m.surnames or word[:2] in m.surnames):
        return "nr"
    if len(word) >= 3 and all(c in m.translit for c in word):
        return "nrt"
    if c0.isspace():
        return "x"
    return "x" if not c0.isalpha() else "n" if len(word) > 1 else "x"


def segment(text: str | bytes, config: Config | None = None) -> list[Token]:
    """Split ``text`` into words; the tokens rebuild the text exactly.

    ``text`` is ``str`` or ``bytes`` (``bytearray`` and ``memoryview`` count as bytes). Bytes are
    decoded as :func:`qtext.repair` decodes them (the ``decode`` step's evidence-based choice of
    encoding, following ``config.repair``) and nothing else is repaired; token offsets then refer
    to the *decoded* text, which the tokens rebuild. Anything else raises `qtext.InputError`.

    ``config.cache_dir``, when set on the first call in a process, is where the prepared
    dictionary is kept between runs (a data-only file that is checked when read, never code:
    no pickle or marshal); otherwise everything stays in memory.
    ``config.user_dictionaries`` adds your words and names (files in jieba's user-dictionary
    format, ``word [frequency] [tag]``) to a tokenizer of that config's own; jieba's global
    tokenizer and other configs are not affected.

    >>> import qtext
    >>> [t.text for t in qtext.segment("国务委员王勇出席大会")][:2]
    ['国务委员', '王勇']
    >>> [(t.text, t.start, t.end) for t in qtext.segment("增长3.5%。")]
    [('增长', 0, 2), ('3.5%', 2, 6), ('。', 6, 7)]
    >>> [(t.text, t.start, t.end) for t in qtext.segment("质量大会".encode("gb18030"))]
    [('质量', 0, 2), ('大会', 2, 4)]
    """
    if type(text) is not str:
        from ._errors import check_page

        page = check_page(text, "segment")
        if isinstance(page, bytes):
            from ._repair import decode_bytes

            page = decode_bytes(page, config.repair if config is not None else None)[0]
        text = page
    m = _get_model(config)
    out: list[Token] = []
    append = out.append
    pos = 0
    tags = m.tags
    pf_get = m.pf.get
    make = _make_token
    unlisted: dict[str, str] = {}  # tags of the words the dictionary does not list, in this text
    for w in _merge(_words(text, m), m):
        end = pos + len(w)
        tag = tags.get(w)
        if tag is None:
            tag = unlisted.get(w)
            if tag is None:
                tag = unlisted[w] = _DEFAULT_TAG if pf_get(w, 1.0) <= 0.0 else _tag(w, m)
        append(make(w, pos, end, tag))
        pos = end
    return out


def _token_maker() -> Callable[[str, int, int, str], Token]:
    """A faster ``Token(text, start, end, pos)``: a frozen dataclass's ``__init__`` sets each field
    through ``object.__setattr__``; setting the slots directly builds an equal object in about
    half the time (a tenth of ``segment``'s time). Falls back to the constructor if ``Token``
    ever stops being exactly these four slots with no ``__post_init__``."""
    import dataclasses

    names = tuple(f.name for f in dataclasses.fields(Token))
    if names != ("text", "start", "end", "pos") or hasattr(Token, "__post_init__"):
        return Token
    try:
        set_text, set_start, set_end, set_pos = (getattr(Token, n).__set__ for n in names)
    except AttributeError:  # not slots
        return Token
    new = object.__new__

    def make(text: str, start: int, end: int, pos: str) -> Token:
        t = new(Token)
        set_text(t, text)
        set_start(t, start)
        set_end(t, end)
        set_pos(t, pos)
        return t

    return make


_make_token = _token_maker()
