"""Repair throughput: ``qtext.repair`` (all steps) and OpenCC t2s alone, on the same texts.

usage: python benchmarks/bench_repair.py [CASES.jsonl] [--rounds N] [--limit N] [--kind KIND]

CASES.jsonl rows are ``{"kind", "damaged", "clean"}`` (default: ../shared/data/repair_dev.jsonl
beside the repository). Each round repairs every ``damaged`` text once; the script prints the
median over rounds in M chars/s of input, after one warm-up round that loads the tables (its
own rate is printed too: what a one-shot script such as ``score_repair.py`` sees).
Target: at least 2 M chars/s for the whole repair.

On a shared machine the wall-clock rate drops whenever another process takes the CPU; the
script also prints the same rounds in CPU time of this process (``time.process_time``), which
such interruptions do not count, as a steadier estimate of the quiet-machine rate.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "repair_dev.jsonl"


def _rate(fn, texts: list[str], rounds: int, clock=time.perf_counter) -> float:
    chars = sum(len(t) for t in texts)
    rates = []
    for _ in range(rounds):
        t0 = clock()
        for t in texts:
            fn(t)
        rates.append(chars / (clock() - t0) / 1e6)
    return statistics.median(rates)


def _steps(texts: list[str], chars: int) -> None:
    """Time each step's ``find_changes`` (and applying its changes) over one repair round."""
    from qtext._repair import _DEFAULT, STEPS
    from qtext._repair._edits import apply_changes

    spent: dict[str, float] = defaultdict(float)
    for t in texts:
        for _ in range(_DEFAULT.max_rounds):
            before = t
            for name, fn in STEPS:
                t0 = time.perf_counter()
                changes = fn(t, _DEFAULT)
                if changes:
                    t = apply_changes(t, changes, name)[0]
                spent[name] += time.perf_counter() - t0
            if t == before:
                break
    total = sum(spent.values())
    for name, _fn in STEPS:
        rate = chars / spent[name] / 1e6 if spent[name] else float("inf")
        print(f"  step {name:<9} {100 * spent[name] / total:5.1f}% of step time, {rate:7.2f} M chars/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", nargs="?", default=str(DEFAULT))
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--kind", default="", help="only rows of this damage kind")
    ap.add_argument("--per-kind", action="store_true", help="also print the rate per damage kind")
    ap.add_argument("--steps", action="store_true", help="also print the time share of each step")
    args = ap.parse_args()

    import opencc

    import qtext

    with open(args.cases, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    if args.kind:
        rows = [r for r in rows if r["kind"] == args.kind]
    if args.limit:
        rows = rows[: args.limit]
    texts = [r["damaged"] for r in rows]
    chars = sum(len(t) for t in texts)
    t0 = time.perf_counter()
    for t in texts:  # warm-up: loads OpenCC, pypinyin and qtext's tables once
        qtext.repair(t)
    first = time.perf_counter() - t0
    conv = opencc.OpenCC("t2s")
    print(f"{len(texts)} texts, {chars / 1e6:.3f} M chars, median of {args.rounds} rounds")
    print(f"first pass, tables loaded on the way: {chars / first / 1e6:.2f} M chars/s ({first:.2f} s)")
    print(f"qtext.repair (all steps): {_rate(qtext.repair, texts, args.rounds):.2f} M chars/s")
    cpu = _rate(qtext.repair, texts, args.rounds, time.process_time)
    print(f"qtext.repair, CPU time:   {cpu:.2f} M chars/s (not counting time other processes took)")
    print(f"OpenCC t2s alone:         {_rate(conv.convert, texts, args.rounds):.2f} M chars/s")
    if args.steps:
        _steps(texts, chars)
    if args.per_kind:
        by: dict[str, list[str]] = defaultdict(list)
        for r in rows:
            by[r["kind"]].append(r["damaged"])
        for kind, ts in sorted(by.items()):
            print(f"  {kind:<16} {_rate(qtext.repair, ts, max(1, args.rounds // 2)):.2f} M chars/s")


if __name__ == "__main__":
    main()
