"""How long the segmenter's model takes to get ready in a fresh process, with and without
``Config(cache_dir=...)``, and what a user dictionary adds.

Each number is the best of ``--rounds`` fresh interpreters (seconds), timing the first
``qtext.segment`` call only (the model build; ``import qtext`` and jieba's import excluded):

- ``build``: no cache_dir: jieba's dict.txt read, qtext's words added, the prefix table made;
- ``build+save``: an empty cache_dir: the same, then the cache file written;
- ``load``: the cache file read back (checked: sizes, hash, value ranges) instead of building;
- ``user dict``: on top of a loaded model, a tokenizer with a 1,000-word user dictionary.

    .venv/bin/python benchmarks/bench_model_cache.py --rounds 3
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

CHILD = r"""
import json, sys, time
import jieba, jieba.finalseg
import qtext
from qtext import _lexicon, _segment
cache_dir, user = sys.argv[1] or None, sys.argv[2]
out = {}
t, c = time.perf_counter(), time.process_time()
qtext.segment("质量", qtext.Config(cache_dir=cache_dir))
out["model"], out["model_cpu"] = time.perf_counter() - t, time.process_time() - c
if user:
    t, c = time.perf_counter(), time.process_time()
    qtext.segment("质量", qtext.Config(cache_dir=cache_dir, user_dictionaries=(user,)))
    out["user"], out["user_cpu"] = time.perf_counter() - t, time.process_time() - c
print(json.dumps(out))
"""


def run(cache_dir: str, user: str = "") -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, cache_dir, user], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(proc.stdout.splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        user = os.path.join(d, "words.txt")
        with open(user, "w", encoding="utf-8") as fh:
            # 1,000 made-up four-character words, some tagged
            base = 0x4E00 + 3000
            for i in range(1000):
                word = "".join(chr(base + (i * 7 + k * 131) % 8000) for k in range(4))
                fh.write(f"{word} {'nz' if i % 3 == 0 else ''}\n")
        builds, saves, loads = [], [], []
        for r in range(args.rounds):  # interleaved, so that a busy moment hits all three alike
            builds.append(run(""))
            cache = os.path.join(d, f"cache{r}")
            saves.append(run(cache))
            loads.append(run(cache, user))
        size = sum(os.path.getsize(os.path.join(cache, f)) for f in os.listdir(cache))

        def best(runs: list[dict[str, float]], key: str) -> str:
            return f"{min(x[key] for x in runs):.3f} s wall  {min(x[key + '_cpu'] for x in runs):.3f} s CPU"

        print(f"build (no cache_dir)    {best(builds, 'model')}")
        print(f"build+save              {best(saves, 'model')}")
        print(f"load from cache_dir     {best(loads, 'model')}   ({size / 1e6:.1f} MB file)")
        ratio = min(x["model_cpu"] for x in builds) / min(x["model_cpu"] for x in loads)
        print(f"load is {ratio:.1f}x faster than build (CPU)")
        print(f"user dict (1000 words)  {best(loads, 'user')}   (on top of the model)")

if __name__ == "__main__":
    main()
