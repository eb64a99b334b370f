# ruff: noqa: E501  (data and header strings in Chinese are kept on one line each)
"""Rebuild ``dictionaries/idf.tsv`` (inverse document frequencies for TF-IDF keywords).

    .venv/bin/python tools/build_idf.py

Source: jieba 0.42.1 (PyPI sdist, MIT, Copyright (c) 2013 Sun Junyi) ``jieba/analyse/idf.txt``,
taken as-is: ``word idf`` lines become ``word<TAB>idf`` rounded to 4 decimals. Words are
NFC-normalised; a word listed twice keeps its first value; empty words are dropped.
"""

from __future__ import annotations

import math
import statistics

from _fetch import jieba_file, nfc, write_tsv


def main() -> None:
    text = jieba_file("jieba/analyse/idf.txt")
    values: dict[str, float] = {}
    dropped = 0
    for raw in text.splitlines():
        parts = raw.split(" ")
        if len(parts) != 2 or not parts[0].strip():
            dropped += 1
            continue
        word = nfc(parts[0].strip())
        if "\t" in word or word in values:
            dropped += 1
            continue
        values[word] = float(parts[1])
    median = statistics.median(values.values())
    n_docs = math.exp(max(values.values()))
    comments = [
        "idf.tsv — inverse document frequency of Chinese words, for TF-IDF keyword ranking.",
        "Columns: word, idf (natural log of N / document frequency, 4 decimals).",
        f"The undisclosed corpus has N ≈ {n_docs / 1e6:.2f} million documents (max idf = ln N, df = 1);",
        f"median idf = {median:.4f}: use it for words not listed (as jieba does).",
        "Source: jieba 0.42.1 jieba/analyse/idf.txt (PyPI sdist, MIT, Copyright (c) 2013 Sun Junyi), as-is;",
        f"{len(values)} words kept, {dropped} lines dropped (malformed or repeated). Vocabulary is from about 2012.",
        "Rebuild: .venv/bin/python tools/build_idf.py  (see dictionaries/README.md)",
    ]
    n = write_tsv("idf.tsv", comments, ["word", "idf"], ([w, f"{v:.4f}"] for w, v in values.items()))
    print(f"idf.tsv: {n} rows, median {median:.4f}, N ≈ {n_docs:,.0f}")


if __name__ == "__main__":
    main()
