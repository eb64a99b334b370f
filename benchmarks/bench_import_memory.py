"""`import qtext` time in a fresh process, and peak memory of analysing many pages in one process.

Usage (from the repo root):
    python benchmarks/bench_import_memory.py [PAGES_DIR] [--n 1000] [--repeat 7]

Import time: the median of --repeat fresh interpreters timing ``import qtext`` (target <= 0.2 s).
Peak RSS: a fresh interpreter analyses --n pages (PAGES_DIR's *.txt/*.html/*.htm, sorted, repeated
as needed; default ../shared/data/pages_bench) one after another, keeping only counts, and reports
its peak resident set size (ru_maxrss; target <= 300 MB).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

DEFAULTS = (Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "pages_bench",
            Path("/work/shared/data/pages_bench"))

IMPORT = ("import time; t, c = time.perf_counter(), time.process_time(); import qtext; "
          "print(time.perf_counter() - t, time.process_time() - c)")

ANALYSE = r"""
import itertools, resource, sys, time
from pathlib import Path
import qtext
folder, n = Path(sys.argv[1]), int(sys.argv[2])
files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".html", ".htm"))
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
entities = 0
for _, p in zip(range(n), itertools.cycle(files)):
    entities += len(qtext.analyze(p.read_bytes()).entities)
elapsed = time.perf_counter() - t
print(base, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, elapsed, entities)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", nargs="?", type=Path)
    ap.add_argument("--n", type=int, default=1000, help="pages to analyse (default 1000)")
    ap.add_argument("--repeat", type=int, default=7, help="fresh imports to time (default 7)")
    args = ap.parse_args()

    cmd = [sys.executable, "-c", IMPORT]
    runs = [subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.split()
            for _ in range(args.repeat)]
    times = [float(wall) for wall, _ in runs]
    med = statistics.median(times)
    cpu = statistics.median(float(c) for _, c in runs)
    print(f"import qtext: median {med:.3f} s over {len(times)} runs "
          f"(min {min(times):.3f}, max {max(times):.3f}; CPU median {cpu:.3f} s) "
          f"{'OK' if med <= 0.2 else 'ABOVE TARGET 0.2 s'}")

    folder = args.pages or next((d for d in DEFAULTS if d.is_dir()), None)
    if folder is None:
        sys.exit("pages_bench not found: pass PAGES_DIR")
    out = subprocess.run([sys.executable, "-c", ANALYSE, str(folder), str(args.n)], capture_output=True,
                         text=True, check=True).stdout.split()
    base_kb, peak_kb, elapsed, entities = int(out[0]), int(out[1]), float(out[2]), int(out[3])
    print(f"analyse {args.n} pages in one process: peak RSS {peak_kb / 1024:.0f} MB "
          f"(after import {base_kb / 1024:.0f} MB), {elapsed:.1f} s, {args.n / elapsed:.1f} pages/s, "
          f"{entities} entities {'OK' if peak_kb / 1024 <= 300 else 'ABOVE TARGET 300 MB'}")


if __name__ == "__main__":
    main()
