"""Build ``dictionaries/char_freq.tsv``: how often each Han character occurs in Chinese text.

The table is the evidence behind ``qtext._repair._badness`` (is a span of text plausible
Chinese, or mojibake?). It is derived from a public source with a permissive licence:

* jieba 0.42.1 (PyPI, MIT licence), ``jieba/dict.txt``: 349,046 words with corpus counts.
  A character's count is the sum of the counts of the words it occurs in (once per occurrence).
* Traditional characters that jieba rarely sees get the count of their simplified form, found
  with the installed OpenCC binding (``t2s``, Apache-2.0) when that is larger: mojibake repair
  must judge traditional text (Big5 pages, traditional UTF-8 pages) as plausible too.

Usage (from the repository root)::

    .venv/bin/python tools/build_charfreq.py          # downloads jieba with pip, writes the table

Nothing here runs at import or run time; the TSV is committed.
"""

from __future__ import annotations

from collections import Counter

from _fetch import DICT_DIR, JIEBA, jieba_file

OUT = DICT_DIR / "char_freq.tsv"
MIN_COUNT = 3


def is_han(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF


def main() -> None:
    import opencc  # build time only

    counts: Counter[str] = Counter()
    for line in jieba_file("jieba/dict.txt").splitlines():
        parts = line.split(" ")
        if len(parts) < 2:
            continue
        word, freq = parts[0], int(parts[1])
        for ch in word:
            if is_han(ch):
                counts[ch] += freq
    via: dict[str, str] = {}
    t2s = opencc.OpenCC("t2s")
    for cp in range(0x4E00, 0xA000):
        ch = chr(cp)
        simp = t2s.convert(ch)
        if simp != ch and len(simp) == 1 and counts.get(simp, 0) > counts.get(ch, 0):
            counts[ch] = counts[simp]
            via[ch] = simp
    rows = sorted(f"{ch}\t{n}\t{via.get(ch, '')}" for ch, n in counts.items() if n >= MIN_COUNT)
    total = sum(n for ch, n in counts.items() if n >= MIN_COUNT and ch not in via)
    header = [
        "# Han character frequencies: how often each character occurs in Chinese text.",
        "# Used by qtext._repair._badness to tell plausible Chinese from mojibake.",
        "# Format: char<TAB>count<TAB>via. count = the sum of jieba word counts over the words the",
        "# character occurs in; via = the simplified character whose count a traditional character",
        f"# borrowed (empty for counts taken directly). Rows with count < {MIN_COUNT} are left out.",
        f"# Simplified-character total (for probabilities): {total}",
        f"# Source: jieba 0.42.1 (PyPI, MIT licence) jieba/dict.txt, sha256 {JIEBA[1][:16]}...;",
        f"# traditional forms via OpenCC {getattr(opencc, '__version__', '')} t2s (Apache-2.0).",
        "# Rebuild: .venv/bin/python tools/build_charfreq.py",
        "char\tcount\tvia",
    ]
    OUT.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
