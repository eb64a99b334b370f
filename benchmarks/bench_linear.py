"""Linear time and big pages: ``repair``, ``segment`` and ``analyze`` on 1 MB and 10 MB inputs.

    .venv/bin/python benchmarks/bench_linear.py [--quick] [--only KIND,...] [--ops repair,segment,analyze]
        [--rounds 3] [--big-rounds 1] [--pages-limit N] [--no-pages] [--timeout 1200]

Sizes are **UTF-8 bytes**: "1 MB" is an input whose UTF-8 encoding is 1,000,000 bytes (about 350k
characters of Chinese text), "10 MB" is 10,000,000 bytes. ``--quick`` uses 100 kB and 1 MB instead
(same 10× step) with one round and 100 real pages. Inputs are built at run time, never stored:

* ``realistic``: the pages of ``../shared/data/pages_bench/*.txt`` joined by blank lines, repeated
  to the size; ``no-newline``: the same text with every line break removed (one huge line);
* ``sentence``: one news sentence (``中国质量大会在上海召开，``) repeated, no newline: tens of
  thousands of mentions of one event and one place; ``names``: sentences that each name two
  different people (``市委书记王伟明出席会议并讲话，副市长李娜主持会议。``), random names, so the
  number of distinct names grows with the size;
* ``paren`` ``(``×N; ``zhi-paren`` ``質(``×N; ``nested`` one nest of mixed brackets ``（【《“(…)”》】）``
  as deep as the size allows; ``question`` ``中国?质量`` repeated (lost-character marks);
* ``html``: the realistic text as an HTML page (head, title, one ``<p>`` per paragraph); ``tags``
  ``<a href=`` repeated, tags that never close;
* ``binary``: random bytes (seeded); ``mixed-enc``: realistic paragraphs encoded in turn as UTF-8,
  GB18030 and Big5 (unencodable characters as ``?``), concatenated. These two are passed as
  ``bytes``; every other input as ``str``.

Each (input, size) runs in a fresh child process that first warms up (dictionaries loaded by one
small ``analyze``), then times each operation — ``repair(x)``, ``segment(x)``,
``analyze(x).to_dict()`` and, for the realistic inputs, a fresh ``jieba.Tokenizer().lcut`` — as the
median CPU seconds (``process_time``) of ``--rounds`` runs (``--big-rounds`` for the big size), and
reports its peak RSS. Printed per input and operation: both times, the big/small ratio (target
≤ 12) and the peak RSS; then the largest time of any 1 MB input and, in one more child, the largest
``analyze`` time over the real pages of ``pages_bench``, ``pages_dev`` and ``html_dev`` (target: no
page of ≤ 1 MB over 2 s). CPU time, not wall time, so that other processes on a shared machine
count less; wall time is printed beside it.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
MB = 1_000_000
KINDS = ("realistic", "no-newline", "sentence", "names", "paren", "zhi-paren", "nested", "question", "html",
         "tags", "binary", "mixed-enc")
JIEBA_KINDS = ("realistic", "no-newline", "sentence")
_TINY = 0.02  # CPU seconds


# --- inputs --------------------------------------------------------------------------------------


def _fit(unit: str, nbytes: int) -> str:
    """``unit`` repeated to exactly ``nbytes`` UTF-8 bytes (or just under: never a cut character)."""
    size = len(unit.encode("utf-8"))
    s = unit * (nbytes // size + 1)
    return s.encode("utf-8")[:nbytes].decode("utf-8", "ignore")


def _pages() -> list[str]:
    files = sorted((DATA / "pages_bench").glob("*.txt"))
    if not files:
        sys.exit(f"no pages in {DATA / 'pages_bench'}")
    pages = [f.read_text(encoding="utf-8").strip() for f in files]
    random.Random(0).shuffle(pages)  # so that any prefix (the small size) samples the whole corpus
    return pages


def _fit_bytes(chunks: list[bytes], nbytes: int) -> bytes:
    out: list[bytes] = []
    total = 0
    while total < nbytes:
        for c in chunks:
            out.append(c)
            total += len(c)
            if total >= nbytes:
                break
    return b"".join(out)[:nbytes]


_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩"
             "冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚")
_GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红玲燕"
          "春菊凤洁梅琳云莲雪荣爱香月瑞佳嘉琼珍莉晶秋珊锦青婷颖瑶丹蓉君琴薇岚馨韵卿聪宁欣")


def _names(nbytes: int) -> str:
    """A long report full of different people (a list of delegates, a roll of officials): every
    sentence names two new people (seeded random surname + two given-name characters)."""
    rng = random.Random(7)
    parts: list[str] = []
    size = 0
    while size < nbytes:
        a, b = (rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN) for _ in range(2))
        unit = f"市委书记{a}出席会议并讲话，副市长{b}主持会议。"
        if rng.random() < 0.1:
            unit += "\n"
        parts.append(unit)
        size += len(unit.encode("utf-8"))
    return "".join(parts).encode("utf-8")[:nbytes].decode("utf-8", "ignore")


def make_input(kind: str, nbytes: int) -> str | bytes:
    """The input ``kind`` at ``nbytes`` UTF-8 bytes (``bytes`` inputs: exactly ``nbytes`` bytes)."""
    if kind == "realistic":
        return _fit("\n\n".join(_pages()) + "\n\n", nbytes)
    if kind == "no-newline":
        return _fit("".join("".join(p.split()) for p in _pages()), nbytes)
    if kind == "sentence":
        return _fit("中国质量大会在上海召开，", nbytes)
    if kind == "names":
        return _names(nbytes)
    if kind == "paren":
        return _fit("(", nbytes)
    if kind == "zhi-paren":
        return _fit("質(", nbytes)
    if kind == "nested":
        pairs = ["（）", "【】", "《》", "“”", "()", "[]", "「」"]
        cycle = sum(len(p.encode("utf-8")) for p in pairs)  # bytes of one round of all pairs
        depth = len(pairs) * (nbytes - 6) // cycle
        opens = "".join(pairs[i % len(pairs)][0] for i in range(depth))
        closes = "".join(pairs[i % len(pairs)][1] for i in reversed(range(depth)))
        return _fit(opens + "质量" + closes, nbytes)
    if kind == "question":
        return _fit("中国?质量", nbytes)
    if kind == "html":
        body = "".join(f"<div class=\"c\"><p>{p}</p></div>\n"
                       for p in "\n".join(_pages()).split("\n") if p.strip())
        head = "<html><head><meta charset=\"utf-8\"><title>质量大会</title></head><body>\n"
        return _fit(head + body, nbytes - 15) + "</body></html>"
    if kind == "tags":
        return _fit("<a href=", nbytes)
    if kind == "binary":
        return random.Random(6).randbytes(nbytes)
    if kind == "mixed-enc":
        paras = [p for p in "\n".join(_pages()).split("\n") if p.strip()]
        codecs = ("utf-8", "gb18030", "big5")
        return _fit_bytes([(p + "\n").encode(codecs[i % 3], "replace") for i, p in enumerate(paras)], nbytes)
    raise ValueError(f"unknown input kind {kind!r}; one of {', '.join(KINDS)}")


# --- child: time one input -----------------------------------------------------------------------


def _ops(kind: str) -> dict[str, Callable[[str | bytes], object]]:
    import qtext

    ops: dict[str, Callable[[str | bytes], object]] = {
        "repair": qtext.repair,
        "segment": qtext.segment,
        "analyze": lambda x: qtext.analyze(x).to_dict(),
    }
    if kind in JIEBA_KINDS:
        import jieba

        tok = jieba.Tokenizer()
        tok.initialize()
        ops["jieba"] = lambda x: tok.lcut(x)
    return ops


def child(kind: str, nbytes: int, rounds: int, wanted: list[str]) -> dict[str, Any]:
    import qtext

    qtext.analyze("新華社上海9月15日電 國務委員王勇出席大會。（記者 張三）").to_dict()  # warm-up
    x = make_input(kind, nbytes)
    ops = _ops(kind)
    result: dict[str, Any] = {"kind": kind, "bytes": nbytes, "type": type(x).__name__,
                                 "chars": len(x), "ops": {}}
    for name, fn in ops.items():
        if name not in wanted and not (name == "jieba" and "segment" in wanted):
            continue
        cpu, wall = [], []
        for _ in range(rounds):
            t0, w0 = time.process_time(), time.perf_counter()
            fn(x)
            cpu.append(time.process_time() - t0)
            wall.append(time.perf_counter() - w0)
        result["ops"][name] = {"cpu": statistics.median(cpu), "wall": statistics.median(wall)}
    result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def pages_child(limit: int) -> dict[str, Any]:
    """``analyze(...).to_dict()`` CPU time of every real page (files read as bytes, as scrapers do)."""
    import qtext

    qtext.analyze("新華社上海9月15日電 國務委員王勇出席大會。").to_dict()
    files = sorted((DATA / "pages_bench").glob("*.txt"))[:limit] if limit else sorted(
        (DATA / "pages_bench").glob("*.txt"))
    files += sorted((DATA / "pages_dev").glob("*.txt")) + sorted((DATA / "html_dev").glob("*.html"))
    times = []
    for f in files:
        raw = f.read_bytes()
        t0 = time.process_time()
        qtext.analyze(raw).to_dict()
        times.append((time.process_time() - t0, f.parent.name + "/" + f.name, len(raw)))
    times.sort(reverse=True)
    return {"n": len(files), "max": times[0], "top": times[:3],
            "median": statistics.median(t for t, _, _ in times),
            "max_bytes": max(b for _, _, b in times)}


def _run_child(args: list[str], timeout: float) -> dict[str, Any] | None:
    try:
        p = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                           timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    if p.returncode != 0:
        return {"error": (p.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(p.stdout.strip().splitlines()[-1])


# --- parent --------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="100 kB and 1 MB, 1 round, 100 real pages")
    ap.add_argument("--only", default="", help="comma-separated input kinds (default: all)")
    ap.add_argument("--ops", default="repair,segment,analyze")
    ap.add_argument("--rounds", type=int, default=3, help="rounds at the small size (median)")
    ap.add_argument("--big-rounds", type=int, default=1, help="rounds at the big size (median)")
    ap.add_argument("--pages-limit", type=int, default=0, help="only the first N pages_bench pages")
    ap.add_argument("--no-pages", action="store_true", help="skip the real-page run")
    ap.add_argument("--timeout", type=float, default=1200, help="seconds per child process")
    ap.add_argument("--child", nargs=4, metavar=("KIND", "BYTES", "ROUNDS", "OPS"), help=argparse.SUPPRESS)
    ap.add_argument("--pages-child", type=int, metavar="LIMIT", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        kind, nbytes, rounds, ops = a.child
        print(json.dumps(child(kind, int(nbytes), int(rounds), ops.split(","))))
        return 0
    if a.pages_child is not None:
        print(json.dumps(pages_child(a.pages_child)))
        return 0

    small, big = (100_000, MB) if a.quick else (MB, 10 * MB)
    rounds, big_rounds = (1, 1) if a.quick else (a.rounds, a.big_rounds)
    kinds = [k for k in a.only.split(",") if k] or list(KINDS)
    print(f"sizes: {small:,} and {big:,} UTF-8 bytes; CPU s (median of {rounds} / {big_rounds} rounds); "
          f"ratio = big/small, target ≤ 12 (10× the bytes)")
    print(f"{'input':<11} {'type':<5} {'chars':>9} {'op':<8} {'small s':>8} {'big s':>8} {'ratio':>6} "
          f"{'wall big':>8} {'RSS MB':>11}")
    worst_ratio: tuple[float, str] = (0.0, "")
    worst_1mb: tuple[float, str] = (0.0, "")
    for kind in kinds:
        r_small = _run_child(["--child", kind, str(small), str(rounds), a.ops], a.timeout)
        r_big = _run_child(["--child", kind, str(big), str(big_rounds), a.ops], a.timeout)
        if r_small is None or r_big is None or "error" in r_small or "error" in r_big:
            print(f"{kind:<11} FAILED: small={r_small and r_small.get('error', 'ok')} "
                  f"big={r_big and r_big.get('error', 'ok')} (None = timeout {a.timeout:.0f} s)")
            continue
        rss = f"{r_small['rss_mb']:.0f}/{r_big['rss_mb']:.0f}"
        for op, ts in r_small["ops"].items():
            tb = r_big["ops"][op]
            ratio = tb["cpu"] / max(ts["cpu"], 1e-3)
            print(f"{kind:<11} {r_small['type']:<5} {r_small['chars']:>9,} {op:<8} {ts['cpu']:>8.3f} "
                  f"{tb['cpu']:>8.2f} {ratio:>6.1f} {tb['wall']:>8.2f} {rss:>11}")
            if op != "jieba":
                if ts["cpu"] >= _TINY:  # (a ratio of two near-zero times says nothing)
                    worst_ratio = max(worst_ratio, (ratio, f"{kind} {op}"))
                t1 = tb["cpu"] if big == MB else ts["cpu"] if small == MB else 0.0
                worst_1mb = max(worst_1mb, (t1, f"{kind} {op}"))
    print(f"worst big/small ratio: {worst_ratio[0]:.1f} ({worst_ratio[1]}; small times under {_TINY} s "
          "left out); target ≤ 12")
    print(f"max CPU s of one 1 MB input: {worst_1mb[0]:.2f} ({worst_1mb[1]}); target ≤ 2")
    if not a.no_pages:
        limit = 100 if a.quick and not a.pages_limit else a.pages_limit
        r = _run_child(["--pages-child", str(limit)], a.timeout)
        if r is None or "error" in r:
            print(f"real pages FAILED: {r}")
        else:
            t, name, nb = r["max"]
            print(f"real pages: {r['n']} (largest {r['max_bytes']:,} bytes), median analyze "
                  f"{r['median']:.3f} s, max {t:.3f} s ({name}, {nb:,} bytes); target ≤ 2")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
