"""Where ``qtext.analyze`` spends its time: a cProfile run and a per-stage breakdown.

Usage (from the repo root):
    .venv/bin/python benchmarks/profile_analyze.py [N] [--pages DIR] [--top K] [--rounds R]

Reads the first N (default 60) ``*.txt`` pages of DIR (default ../shared/data/pages_bench beside
the repository), as ``str`` like ``shared/eval/bench_pipeline.py``; analyses one page first so that
the dictionaries are loaded, then prints:

1. the K (default 15) hottest functions of ``qtext.analyze(page).to_dict()`` over the N pages,
   by cumulative and by own (total) time, from ``cProfile`` with a CPU-time clock;
2. the CPU-time share of each pipeline stage, timed by calling the stage functions directly in
   the order ``qtext/_analyze.py`` calls them: repair (with HTML-to-text for HTML pages), read
   (page + sentences), segment, extract (split into its extractors in the order
   ``qtext/_extract/__init__.py`` calls them), summary, and building the Document + ``to_dict``.
   ``extract()`` is also timed whole, so that a gap against the sum of its parts shows when this
   script has fallen out of step with the extractor; the best of R (default 3) rounds per stage;
3. jieba's ``Tokenizer().lcut`` on the same texts (a fresh tokenizer, not the global one), and the
   speed ratio analyze/jieba (target >= 0.5; the reference figure is ``bench_pipeline.py``'s).

CPU time (``time.process_time``) is used throughout: on a shared machine, wall time mostly
measures the other programs.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import qtext
from qtext._config import DEFAULT
from qtext._document import Document
from qtext._extract import body_mentions, extract
from qtext._extract._dates import find_dates
from qtext._extract._entities import build_entities
from qtext._extract._events import find_events
from qtext._extract._officials import build_officials
from qtext._extract._organisations import build_organisations
from qtext._extract._places import build_places
from qtext._extract._quotes import find_quotes
from qtext._read import html_to_text, is_html, read_page, split_sentences
from qtext._repair import repair
from qtext._segment import segment
from qtext._summary import summarise

DEFAULTS = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "pages_bench",
    Path("/work/shared/data/pages_bench"),
)
REPO = Path(__file__).resolve().parent.parent


def load(folder: Path, n: int) -> list[str]:
    files = sorted(folder.glob("*.txt"))[:n]
    if not files:
        sys.exit(f"no *.txt pages in {folder}")
    return [p.read_text(encoding="utf-8") for p in files]


def _where(path: str) -> str:
    """A short file name: relative to the repository or to site-packages."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(REPO))
    except ValueError:
        parts = p.parts
        return "/".join(parts[parts.index("site-packages") + 1 :]) if "site-packages" in parts else path


def profile(texts: list[str], top: int) -> None:
    prof = cProfile.Profile(time.process_time)
    prof.enable()
    for t in texts:
        qtext.analyze(t).to_dict()
    prof.disable()
    stats = pstats.Stats(prof, stream=io.StringIO())
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = sum(tt for (_cc, _nc, tt, _ct, _callers) in raw.values())
    rows = [
        (f"{_where(file)}:{line}({name})", nc, tt, ct)
        for (file, line, name), (_cc, nc, tt, ct, _callers) in raw.items()
    ]
    for title, key in (("cumulative", 3), ("own (total) time", 2)):
        print(f"\nhottest {top} functions by {title} (CPU s; {total:.2f} s with cProfile overhead)")
        print(f"{'calls':>9} {'own s':>8} {'cum s':>8} {'cum %':>6}  function")
        for where, nc, tt, ct in sorted(rows, key=lambda r: r[key], reverse=True)[:top]:
            print(f"{nc:9d} {tt:8.3f} {ct:8.3f} {100 * ct / total:5.1f}%  {where}")


class Clock:
    """Adds up the CPU time of named stages: ``clock("segment", segment, text)``."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)

    def __call__(self, stage: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        t = time.process_time()
        out = fn(*args, **kwargs)
        self.spent[stage] += time.process_time() - t
        return out


def _sentences(text: str, page: Any) -> tuple[Any, ...]:
    return tuple(s for p in page.paragraphs for s in split_sentences(text, p.start, p.end))


def _tokens(text: str) -> tuple[Any, ...]:
    return tuple(segment(text))


def _listed(fn: Callable[..., Any], *args: Any) -> list[Any]:
    return list(fn(*args))


def _document_dict(**parts: Any) -> dict[str, Any]:
    return Document(**parts).to_dict()


def stages_once(texts: list[str]) -> dict[str, float]:
    """One round over ``texts``, calling the stages the way ``qtext.analyze`` does."""
    cfg = DEFAULT
    c = Clock()
    for raw in texts:
        text_in, meta = raw, None
        if is_html(raw):
            text_in, meta = c("repair", html_to_text, raw)
        rep = c("repair", repair, text_in, cfg.repair)
        text = rep.text
        page = c("read", read_page, text, html_meta=meta, config=cfg.read)
        sentences = c("read", _sentences, text, page)
        tokens = c("segment", _tokens, text)
        all_mentions, mentions, documents = c("extract: mentions", body_mentions, text, page, tokens)
        officials = c("extract: officials", build_officials, text, mentions)
        organisations = c("extract: organisations", build_organisations, text, mentions)
        places = c("extract: places", build_places, mentions)
        dates = c("extract: dates", _listed, find_dates, text, page)
        entity_list = c("extract: entities", build_entities, all_mentions, documents, dates)
        found = (text, page, entity_list, officials, organisations, places, dates)
        events = c("extract: events", _listed, find_events, *found)
        c("extract: quotes", _listed, find_quotes, text, page, officials, entity_list)
        c("extract: entities", build_entities, all_mentions, documents, dates, events)
        extraction = c("extract() whole", extract, text, page, tokens, cfg.extract)
        summary = (
            c("summary", summarise, text, page, sentences, tokens, extraction, cfg.summary)
            if cfg.summary.enabled
            else None
        )
        parts = {"text": text, "repair": rep, "page": page, "sentences": sentences, "tokens": tokens}
        if summary is not None:
            parts["summary"] = summary
        c("Document + to_dict", _document_dict, extraction=extraction, **parts)
    return dict(c.spent)


def stages(texts: list[str], rounds: int) -> None:
    best: dict[str, float] = {}
    for _ in range(rounds):
        for stage, secs in stages_once(texts).items():
            best[stage] = min(secs, best.get(stage, secs))
    parts = {k: v for k, v in best.items() if k.startswith("extract: ")}
    whole = best.pop("extract() whole")
    table = {k: v for k, v in best.items() if k not in parts}
    table["extract"] = whole
    total = sum(table.values())
    chars = sum(len(t) for t in texts)
    print(f"\nstage CPU time over {len(texts)} pages ({chars:,} chars), best of {rounds} rounds")
    print(f"{'stage':<26} {'CPU s':>8} {'share':>7} {'ms/page':>8}")
    order = ["repair", "read", "segment", "extract", *parts, "summary", "Document + to_dict"]
    for stage in order:
        if stage not in table and stage not in parts:
            continue
        secs = table[stage] if stage in table else parts[stage]
        label = f"  {stage}" if stage in parts else stage
        share = 100 * secs / total
        print(f"{label:<26} {secs:8.3f} {share:6.1f}% {1000 * secs / len(texts):8.2f}")
    gap = whole - sum(parts.values())
    print(f"{'sum of stages':<26} {total:8.3f} {100.0:6.1f}%  ({chars / total / 1e3:,.0f} k chars/CPU s)")
    print(f"extract() whole minus its parts: {gap:+.3f} s (large: this script is out of step with extract)")


def jieba_reference(texts: list[str], rounds: int) -> float:
    import jieba

    tok = jieba.Tokenizer()
    tok.lcut(texts[0])  # loads its dictionary
    best = float("inf")
    for _ in range(rounds):
        t = time.process_time()
        for x in texts:
            tok.lcut(x)
        best = min(best, time.process_time() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", nargs="?", type=int, default=60, help="pages (default 60)")
    ap.add_argument("--pages", type=Path, help="folder of *.txt pages (default pages_bench)")
    ap.add_argument("--top", type=int, default=15, help="functions listed per ranking (default 15)")
    ap.add_argument("--rounds", type=int, default=3, help="stage timing rounds, best kept (default 3)")
    args = ap.parse_args()
    folder = args.pages or next((d for d in DEFAULTS if d.is_dir()), None)
    if folder is None:
        sys.exit("pages_bench not found: pass --pages DIR")
    texts = load(folder, args.n)
    for x in texts:  # every lazily loaded table is loaded before anything is timed
        qtext.analyze(x).to_dict()
    print(f"{len(texts)} pages from {folder}")
    profile(texts, args.top)
    stages(texts, args.rounds)
    best_q = float("inf")
    for _ in range(args.rounds):
        t = time.process_time()
        for x in texts:
            qtext.analyze(x).to_dict()
        best_q = min(best_q, time.process_time() - t)
    best_j = jieba_reference(texts, args.rounds)
    chars = sum(len(t) for t in texts)
    print(f"\nqtext.analyze + to_dict: {best_q:.3f} CPU s ({chars / best_q / 1e3:,.0f} k chars/s)")
    print(f"jieba Tokenizer().lcut:  {best_j:.3f} CPU s ({chars / best_j / 1e3:,.0f} k chars/s)")
    print(f"speed ratio analyze/jieba: {best_j / best_q:.3f} (target >= 0.5)")


if __name__ == "__main__":
    main()
