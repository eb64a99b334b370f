"""Word-segmentation F1 and speed of ``qtext.segment`` against jieba, in one run.

    .venv/bin/python benchmarks/bench_segment.py [GOLD.utf8 ...] [--limit N] [--repeat R]

Default gold files: ``../shared/data/sighan2005/{pku,msr}_test_gold.utf8`` (SIGHAN 2005 bakeoff,
words separated by spaces; evaluation only). For each file it prints precision, recall and F1 of
qtext and of a fresh ``jieba.Tokenizer`` (``cut``, HMM on: what ``jieba.lcut`` does), and their
speeds in characters per CPU second — the best of ``--repeat`` interleaved timing rounds, so that
a busy machine hurts both alike — and the speed ratio qtext/jieba. (``shared/eval/score_segment.py``
times one wall-clock round each, which on a shared machine varies by ±30%.)
Targets: F1 ≥ jieba's, ratio ≥ 0.9.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import qtext
from qtext import _segment

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "sighan2005"
DEFAULT = [SHARED / "pku_test_gold.utf8", SHARED / "msr_test_gold.utf8"]


def spans(words: Sequence[str]) -> set[tuple[int, int]]:
    out, i = set(), 0
    for w in words:
        out.add((i, i + len(w)))
        i += len(w)
    return out


def prf(gold: list[list[str]], pred: list[list[str]]) -> tuple[float, float, float]:
    tp = n_pred = n_gold = 0
    for g, p in zip(gold, pred, strict=True):
        gs, ps = spans(g), spans(p)
        tp += len(gs & ps)
        n_pred += len(ps)
        n_gold += len(gs)
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def timed(fn: Callable[[str], object], texts: list[str]) -> float:
    """CPU seconds (``process_time``): other processes on a busy machine do not count."""
    t0 = time.process_time()
    for t in texts:
        fn(t)
    return time.process_time() - t0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", default=[str(p) for p in DEFAULT])
    ap.add_argument("--limit", type=int, default=0, help="only the first N lines of each file")
    ap.add_argument("--repeat", type=int, default=3, help="timing rounds (best is kept)")
    args = ap.parse_args(argv)

    import jieba

    tok = jieba.Tokenizer()
    tok.initialize()  # jieba's own start-up (it may write its cache to the temp folder; qtext does not)

    def q_words(text: str) -> list[str]:
        return [t.text for t in qtext.segment(text)]

    def j_words(text: str) -> list[str]:
        return list(tok.cut(text))

    q_words("预热一下分词器。")
    j_words("预热一下分词器。")
    print(f"{'file':22} {'tool':6} {'P':>7} {'R':>7} {'F1':>7} {'chars/s':>10}")
    for path in args.gold:
        with open(path, encoding="utf-8") as fh:
            gold = [line.split() for line in fh if line.strip()]
        if args.limit:
            gold = gold[: args.limit]
        texts = ["".join(g) for g in gold]
        chars = sum(len(t) for t in texts)
        best = {"qtext": float("inf"), "jieba": float("inf")}
        for _ in range(max(1, args.repeat)):
            best["jieba"] = min(best["jieba"], timed(j_words, texts))
            _segment._clear_caches()  # every round starts cold: no credit for texts seen before
            best["qtext"] = min(best["qtext"], timed(q_words, texts))
        name = Path(path).name
        for tool, fn in (("qtext", q_words), ("jieba", j_words)):
            p, r, f = prf(gold, [fn(t) for t in texts])
            print(f"{name:22} {tool:6} {p:7.4f} {r:7.4f} {f:7.4f} {chars / best[tool]:10,.0f}")
        print(f"{name:22} speed ratio qtext/jieba: {best['jieba'] / best['qtext']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
