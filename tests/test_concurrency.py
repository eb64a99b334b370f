"""Concurrency: threads and worker processes give the serial results, first use under a thread race
builds every dictionary and the tokenizer once, jieba's module-level tokenizer is never touched,
and no module-level state carries over from one page (or one configuration) to the next.

Uses the dev pages of ``../shared`` when present, else small pages written here.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import qtext
from qtext import Config

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
ROOT = Path(__file__).resolve().parents[1]

OWN_PAGES: list[str | bytes] = [
    "示例新闻网 http://www.example.cn/\n首页 | 新闻 | 财经 | 体育\n\n省政府召开常务会议\n\n"
    "发布时间：2019-10-02 来源：新华社\n\n　　新华社北京10月1日电 省政府1日召开常务会议，研究部署经济工作。"
    "省长王勇出席会议并讲话。\n　　会议指出，要加强合作。\n分享到：\n责任编辑：王五",
    "國務院總理李強出席會議並發表講話。會議由國務院辦公廳主辦，來自各省的代表出席。",
    "質(zhì)量是企業的生命(mìng)。张华表示：“我们将继续提高产品质量。”",
    "<html><head><title>大会召开_示例网</title></head><body><nav><a>首页</a><a>新闻</a></nav>"
    "<h1>大会召开</h1><p>第十届世界大会9月15日在上海开幕，外交部长王毅出席开幕式。</p>"
    "<p>联合国秘书长古特雷斯致贺信。</p><footer>版权所有</footer></body></html>",
    "中国人民银行3日发布公告，决定下调存款准备金率。".encode("gb18030"),
    "国务院召开常务会议，研究部署经济工作。".encode().decode("gbk", "replace"),
    "记者从北京市教委获悉，2019年北京市中小学将新增学位3万个。北京市副市长王宁表示，要确保每个孩子有学上。",
    "　　新华社华盛顿10月2日电 美国总统特朗普2日在白宫会见到访的芬兰总统尼尼斯托。",
]


def _pages(limit: int) -> list[str | bytes]:
    """Dev pages (text and HTML) when the shared data is here, else the pages above."""
    found: list[str | bytes] = [p.read_text(encoding="utf-8") for p in sorted(SHARED.glob("pages_dev/*.txt"))]
    html = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(SHARED.glob("html_dev/*.html"))]
    if not found:
        return list(OWN_PAGES)
    return found[: limit - 2] + html[:2]


def _dicts(pages: list[str | bytes]) -> list[dict[str, object]]:
    return [qtext.analyze(p, id=str(k)).to_dict() for k, p in enumerate(pages)]


def test_eight_threads_give_the_serial_results():
    pages = _pages(16)
    serial = _dicts(pages)
    results: list[dict[str, object] | None] = [None] * len(pages)
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def work(t: int) -> None:
        try:
            start.wait()
            for k in range(t, len(pages), 8):  # every thread its own pages, all at once
                results[k] = qtext.analyze(pages[k], id=str(k)).to_dict()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert results == serial


def test_analyze_many_in_two_processes_equals_serial():
    pages = _pages(12)
    items = [(str(k), p) for k, p in enumerate(pages)]
    in_processes = [d.to_dict() for d in qtext.analyze_many(items, workers=2, chunksize=2)]
    assert in_processes == _dicts(pages)


# -- first use under a thread race, in a fresh process --------------------------------------------

_RACE = r"""
import collections, hashlib, json, sys, threading
import qtext._resources as R, qtext._segment as S, qtext._extract._knowledge as K

reads, builds = collections.Counter(), collections.Counter()
count = threading.Lock()

def counting(module, name, counter, key):
    real = getattr(module, name)
    def wrapper(*args, **kwargs):
        with count:
            counter[key(args)] += 1
        return real(*args, **kwargs)
    setattr(module, name, wrapper)

counting(R, "dictionary_path", reads, lambda a: a[0])
counting(S, "_build", builds, lambda a: "tokenizer")
counting(K, "_load", builds, lambda a: "lexicon")

pages = [p if isinstance(p, str) else bytes.fromhex(p["hex"]) for p in json.load(sys.stdin)]
results = [None] * len(pages)
if sys.argv[1] == "threads":
    start = threading.Barrier(len(pages))
    def work(k):
        start.wait()
        import qtext
        results[k] = qtext.analyze(pages[k]).to_dict()
    threads = [threading.Thread(target=work, args=(k,)) for k in range(len(pages))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
else:
    import qtext
    results = [qtext.analyze(p).to_dict() for p in pages]

import jieba
print(json.dumps({
    "reads": dict(sorted(reads.items())),
    "builds": dict(sorted(builds.items())),
    "jieba.dt": [jieba.dt.initialized, len(jieba.dt.FREQ), jieba.dt.total, len(jieba.dt.user_word_tag_tab)],
    "results": hashlib.sha256(json.dumps(results, ensure_ascii=False, sort_keys=True).encode()).hexdigest(),
    "done": sum(r is not None for r in results),
}))
"""


def _fresh_runs(modes: list[str], pages: list[str | bytes]) -> list[dict[str, object]]:
    """Run the race script once per mode, each in a fresh interpreter (side by side)."""
    from concurrent.futures import ThreadPoolExecutor

    data = json.dumps([p if isinstance(p, str) else {"hex": p.hex()} for p in pages], ensure_ascii=False)

    def run(mode: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", _RACE, mode], input=data, capture_output=True, text=True,
                              encoding="utf-8", cwd=ROOT, timeout=240, check=False)

    with ThreadPoolExecutor(len(modes)) as pool:
        procs = list(pool.map(run, modes))
    for proc in procs:
        assert proc.returncode == 0, proc.stderr[-3000:]
    return [json.loads(proc.stdout.strip().splitlines()[-1]) for proc in procs]


def test_first_use_under_a_thread_race_is_safe_and_builds_once():
    pages = _pages(10)[:8]
    raced, serial = _fresh_runs(["threads", "serial"], pages)
    assert raced["done"] == serial["done"] == 8
    assert raced["builds"] == serial["builds"] == {"lexicon": 1, "tokenizer": 1}
    assert raced["reads"] == serial["reads"]  # every dictionary read as often as in a serial run
    assert raced["results"] == serial["results"]
    # jieba's module-level tokenizer was never initialised, loaded or given words
    assert raced["jieba.dt"] == serial["jieba.dt"] == [False, 0, 0, 0]


# -- no state carried between calls -----------------------------------------------------------------

def test_a_page_reads_the_same_before_and_after_other_pages_and_configs():
    pages = _pages(6)
    first = qtext.analyze(pages[0]).to_dict()
    for p in pages[1:]:
        qtext.analyze(p)
        qtext.analyze(p, Config(repair=qtext.Config().repair.replace(convert=False, typeset=False)))
    assert qtext.analyze(pages[0]).to_dict() == first


#: module-level containers that may grow after import: memo tables of pure functions, whose
#: entries are the same whoever fills them first
_MEMO_TABLES = {"qtext._batch._FIELDS", "qtext._batch._MAKERS", "qtext._segment._user_models"}


def _module_containers() -> dict[str, int]:
    out = {}
    for name, module in list(sys.modules.items()):
        if name != "qtext" and not name.startswith("qtext."):
            continue
        for attr, value in list(vars(module).items()):
            if type(value) in (dict, list, set, bytearray):
                out[f"{name}.{attr}"] = len(value)
    return out


def test_no_module_level_container_changes_while_analysing():
    """An audit: after warm-up, analysing pages grows or shrinks no module-level dict/list/set
    except the known memo tables (lazily built dictionaries live in locked caches instead)."""
    pages = _pages(6)
    qtext.analyze(pages[0])
    before = _module_containers()
    for p in pages:
        qtext.analyze(p)
        qtext.analyze(p if isinstance(p, bytes) else p.encode("utf-8"))
    after = _module_containers()
    changed = {k for k in before.keys() & after.keys() if before[k] != after[k]} - _MEMO_TABLES
    assert changed == set()


def test_the_segmenter_keeps_its_own_tokenizer():
    import jieba

    from qtext._segment import tokenizer

    assert tokenizer() is tokenizer() and tokenizer() is not jieba.dt


@pytest.mark.parametrize("module", ["jieba", "jieba.posseg"])
def test_qtext_never_calls_jieba_module_functions(module):
    """The module functions (``jieba.cut``, ``jieba.add_word`` …) work on ``jieba.dt``: qtext's
    source must not call them."""
    names = ("cut", "lcut", "cut_for_search", "add_word", "del_word", "load_userdict", "initialize",
             "suggest_freq", "tokenize", "set_dictionary")
    prefix = module + "."
    found = []
    for path in sorted((ROOT / "qtext").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        found += [f"{path.name}: {prefix}{n}(" for n in names if f"{prefix}{n}(" in text]
    assert found == []
