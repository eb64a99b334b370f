"""How often do entity spans start and end on token boundaries of ``qtext.segment``?

    .venv/bin/python benchmarks/bench_boundaries.py [CLUENER_TRAIN_JSON] [--limit N] [--show N]

Reads CLUENER2020 ``train.json`` (default ``../shared/data/cluener/train.json``; end offsets are
inclusive) and, for the ``name``, ``government``, ``organization`` and ``position`` spans, prints
the share whose start AND end fall on token boundaries, per label and overall (target ≥ 98%).
Extraction built on tokens can only find a span whose boundaries the tokenizer keeps.
``--show N`` prints N spans that cross a token, to see why.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import qtext

LABELS = ("name", "government", "organization", "position")
DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "cluener" / "train.json"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    ap.add_argument("--show", type=int, default=0, help="print N spans that cross a token")
    args = ap.parse_args(argv)

    ok: Counter[str] = Counter()
    total: Counter[str] = Counter()
    shown = 0
    t0 = time.perf_counter()
    with open(args.path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if args.limit and n >= args.limit:
                break
            rec = json.loads(line)
            text = rec["text"]
            tokens = qtext.segment(text)
            starts = {t.start for t in tokens}
            ends = {t.end for t in tokens}
            for label in LABELS:
                for mention, spans in rec.get("label", {}).get(label, {}).items():
                    for s, e in spans:
                        total[label] += 1
                        if s in starts and e + 1 in ends:
                            ok[label] += 1
                        elif shown < args.show:
                            shown += 1
                            near = [t.text for t in tokens if t.end > s - 2 and t.start < e + 3]
                            print(f"{label:12} {mention} | {' / '.join(near)}")
    secs = time.perf_counter() - t0
    print(f"{'label':12} {'spans':>7} {'on boundaries':>14}")
    for label in LABELS:
        share = ok[label] / total[label] if total[label] else 0.0
        print(f"{label:12} {total[label]:7d} {share:14.2%}")
    all_ok, all_n = sum(ok.values()), sum(total.values())
    print(f"{'overall':12} {all_n:7d} {all_ok / all_n if all_n else 0.0:14.2%}")
    print(f"({secs:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
