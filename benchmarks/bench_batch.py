"""analyze_many throughput: 1 worker vs 2 workers on the same pages; prints pages/s and the ratio.

Usage (from the repo root):
    python benchmarks/bench_batch.py [PAGES_DIR] [--n 500] [--chunksize 4] [--workers 2]

PAGES_DIR defaults to ../shared/data/pages_bench (or /work/shared/data/pages_bench); its *.txt,
*.html and *.htm files are used in sorted order, repeated when there are fewer than --n.
Both runs start from a process that has already analysed one page (dictionaries loaded), and both
times include everything else: for 2 workers, starting the pool and warming its workers up.
Target: 2 workers >= 1.7x the pages/s of 1 worker (on a machine with 2 free cores).
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import sys
import time
from pathlib import Path

import qtext

DEFAULTS = (Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "pages_bench",
            Path("/work/shared/data/pages_bench"))


def load(folder: Path, n: int) -> list[tuple[str, bytes]]:
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".html", ".htm"))
    if not files:
        sys.exit(f"no pages in {folder}")
    return [(f"{i}:{p.name}", p.read_bytes()) for i, p in zip(range(n), itertools.cycle(files))]


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(pages: list[tuple[str, bytes]], workers: int, chunksize: int) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of this process and its finished workers, failures)."""
    cpu, start = _cpu(), time.perf_counter()
    failed = sum(isinstance(r, qtext.Failure)
                 for r in qtext.analyze_many(pages, workers=workers, chunksize=chunksize))
    return time.perf_counter() - start, _cpu() - cpu, failed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", nargs="?", type=Path)
    ap.add_argument("--n", type=int, default=500, help="pages per run (default 500)")
    ap.add_argument("--chunksize", type=int, default=4)
    ap.add_argument("--workers", type=int, default=2, help="the parallel run's workers (default 2)")
    args = ap.parse_args()
    folder = args.pages or next((d for d in DEFAULTS if d.is_dir()), None)
    if folder is None:
        sys.exit("pages_bench not found: pass PAGES_DIR")
    pages = load(folder, args.n)
    chars = sum(len(raw) for _, raw in pages)
    qtext.analyze(pages[0][1])  # load dictionaries in this process first
    print(f"{len(pages)} pages ({chars / 1e6:.1f} MB) from {folder}")
    t1, c1, f1 = run(pages, 1, args.chunksize)
    print(f"workers=1: {t1:7.2f} s  {len(pages) / t1:7.1f} pages/s  CPU {c1:6.2f} s  failed={f1}")
    tn, cn, fn = run(pages, args.workers, args.chunksize)
    print(f"workers={args.workers}: {tn:7.2f} s  {len(pages) / tn:7.1f} pages/s  CPU {cn:6.2f} s  "
          f"failed={fn}")
    ratio = t1 / tn
    verdict = "OK" if ratio >= 1.7 else "BELOW TARGET"
    print(f"speed-up: {ratio:.2f}x  (target >= 1.7x with 2 workers) {verdict}")
    # CPU seconds spent per page in each run: equal numbers mean the pool costs little extra work,
    # so a speed-up below the worker count comes from cores that other programs are using.
    print(f"CPU per page: workers=1 {1000 * c1 / len(pages):.1f} ms, workers={args.workers} "
          f"{1000 * cn / len(pages):.1f} ms; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
