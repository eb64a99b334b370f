# ruff: noqa: E501  (data and header strings in Chinese are kept on one line each)
"""Rebuild ``dictionaries/given_name_chars.tsv`` (how name-like each Han character is) and
``dictionaries/name_tagged_words.tsv`` (two-character words jieba's dictionary tags ``nr``).

    .venv/bin/python tools/build_given_names.py

Source: jieba 0.42.1 (PyPI sdist, MIT, Copyright (c) 2013 Sun Junyi) ``jieba/dict.txt``.
A character's *name count* is how often it stands in the given-name part of a three-character
``nr`` entry whose first character is a surname of ``dictionaries/surnames.tsv`` (entries
spelt only with transliteration characters of ``dictionaries/translit_chars.tsv`` are left
out). Its *text count* is the sum of the jieba counts of all words it occurs in. The score is
the log-ratio of the two shares, with add-0.5 / add-100 smoothing:

    score = ln((name + 0.5) / N_name) - ln((text + 100) / N_text)

so a character common in given names but rare in running text (伟, 萍, 毅) scores high and a
function or common-word character (出, 不, 量) scores low. Rows: characters seen at least
twice in given names; a character not listed is not name-like.
"""

from __future__ import annotations

import math
from collections import Counter

from _fetch import DICT_DIR, jieba_file, nfc, write_tsv


def _column(name: str, col: str) -> set[str]:
    lines = [ln for ln in (DICT_DIR / name).read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    header = lines[0].split("\t")
    k = header.index(col)
    return {ln.split("\t")[k] for ln in lines[1:] if ln.strip()}


def main() -> None:
    surnames = {s for s in _column("surnames.tsv", "surname") if len(s) == 1}
    translit = _column("translit_chars.tsv", "char")
    text = jieba_file("jieba/dict.txt")
    names: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    for raw in text.splitlines():
        parts = raw.split(" ")
        if len(parts) != 3:
            continue
        word, freq, tag = nfc(parts[0]), int(parts[1]), parts[2]
        for c in word:
            chars[c] += freq
        if tag == "nr" and len(word) == 3 and word[0] in surnames and not all(c in translit for c in word):
            for c in word[1:]:
                names[c] += 1
    n_name, n_text = sum(names.values()), sum(chars.values())
    rows = []
    for c, k in names.items():
        if k < 2 or not ("\u4e00" <= c <= "\u9fff"):
            continue
        score = math.log((k + 0.5) / n_name) - math.log((chars[c] + 100) / n_text)
        rows.append([c, str(k), f"{score:.2f}"])
    comments = [
        "given_name_chars.tsv — how name-like a Han character is as part of a Chinese given name.",
        "Columns: char, names (times in the given name of a 3-character surname-led nr entry), score",
        f"(ln of its share among given-name characters, N = {n_name}, over its share of running text, N = {n_text};",
        "> 0: likelier in names than in text). Characters seen fewer than twice in names are left out.",
        "Source: jieba 0.42.1 jieba/dict.txt (PyPI sdist, MIT, Copyright (c) 2013 Sun Junyi); surnames from",
        "dictionaries/surnames.tsv, transliteration characters from dictionaries/translit_chars.tsv.",
        "Rebuild: .venv/bin/python tools/build_given_names.py  (see dictionaries/README.md)",
    ]
    n = write_tsv("given_name_chars.tsv", comments, ["char", "names", "score"], rows)
    print(f"given_name_chars.tsv: {n} rows")
    words = []
    for raw in text.splitlines():
        parts = raw.split(" ")
        if len(parts) == 3 and parts[2] == "nr" and len(parts[0]) == 2 and all("\u4e00" <= c <= "\u9fff" for c in parts[0]):
            words.append([nfc(parts[0]), parts[1]])
    comments = [
        "name_tagged_words.tsv — two-character words jieba's dictionary tags nr (person name).",
        "Columns: word, count (jieba's count). Most are ordinary words (明白, 顾客, 丘陵, 阳光) and a",
        "minority famous people (鲁迅, 曹操): the extractor takes one as a person only with context",
        "(a title before it, a speech verb or form of address after it, a 、-list with other names).",
        "Source: jieba 0.42.1 jieba/dict.txt (PyPI sdist, MIT, Copyright (c) 2013 Sun Junyi), as-is.",
        "Rebuild: .venv/bin/python tools/build_given_names.py  (see dictionaries/README.md)",
    ]
    n = write_tsv("name_tagged_words.tsv", comments, ["word", "count"], words)
    print(f"name_tagged_words.tsv: {n} rows")


if __name__ == "__main__":
    main()
