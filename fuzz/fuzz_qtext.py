"""Fuzz target for qtext's entry points: ``repair``, ``segment`` and ``analyze``.

Each fuzz input (a byte string from atheris, hypothesis or ``os.urandom``) is turned into a
*structured* page by `build_page`: a mixture of raw bytes, Han text, Han text encoded in
UTF-8/GBK/Big5 and mis-decoded as Latin-1/GBK/Big5, flattened ruby (``質(zhì)``), HTML fragments,
brackets, ``?`` runs, entities, lone surrogates, huge repeats and (with ``--pages DIR``) slices
of real pages read at run time. The page is passed as ``str``, ``bytes``, a mixture of
encodings, ``bytearray`` or ``memoryview``. `check_page` then runs qtext and checks:

- no exception at all (every page is ``str``/``bytes``-like, so not even ``InputError``);
- ``repair``: the clean text encodes as UTF-8 (no surrogates); repairing it again changes
  nothing (idempotent); ``to_raw`` maps 0 → 0 and the end → the end, never decreases, stays in
  bounds, and every clean character no edit touched is the raw character it maps to;
- ``segment``: the tokens rebuild the (decoded) text, offsets contiguous;
- ``analyze``: ``to_dict()`` is JSON-serialisable and UTF-8-encodable;
- no call takes more than ``--timeout`` CPU seconds (a hang is a failure).

Run (``pip install -e ".[fuzz]"``)::

    python fuzz/fuzz_qtext.py --seconds 1800 --keep-going          # atheris, 30 minutes
    python fuzz/fuzz_qtext.py --random --seconds 60                # no atheris: os.urandom inputs
    python fuzz/fuzz_qtext.py --hypothesis 2000                    # hypothesis examples
    python fuzz/fuzz_qtext.py --replay fuzz/findings/*.bin         # re-run saved findings

With ``--keep-going`` a failing input is saved to ``fuzz/findings/`` (``<sha1>.bin`` plus a
``.txt`` with the failure) and the run goes on; otherwise the first failure stops it (atheris
saves ``crash-*``). Every 30 s, and at the end, the number of inputs executed is printed.
"""

from __future__ import annotations

import argparse
import faulthandler
import hashlib
import json
import os
import re
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
#: the largest page built (characters before encoding); the 10 MB pages are the benchmark's
MAX_CHARS = 120_000

# --------------------------------------------------------------------------------------------
# material the pages are made of (written for this fuzzer)

HAN_SIMPLIFIED = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子"
    "说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机"
    "当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心"
    "质检总局长务委员王勇出席第届大会宣读贺信并致辞李克强总理国务院新华社北京上海广州记者报道称表示"
)
HAN_TRADITIONAL = "國務質會議員讀賀並辭們時來說經點從業開與門長書東車馬鳥魚龍體學習語龜灣臺後幾雲電"
HAN_RARE = "𠀀𠀁𪚥𫝀𬺰〇○々〆㐀䶵鿿"
# (character, a reading of it) for flattened ruby; wrong readings come from other rows
RUBY = (
    ("質", "zhì"), ("务", "wù"), ("務", "wù"), ("量", "liàng"), ("会", "huì"), ("會", "huì"),
    ("长", "zhǎng"), ("長", "cháng"), ("员", "yuán"), ("行", "xíng"), ("重", "zhòng"),
    ("乐", "lè"), ("中", "zhōng"), ("国", "guó"), ("发", "fā"), ("和", "hé"),
)
PUNCT = "，。、；：？！「」『』（）《》【】〔〕…—·,.;:?!()[]<>\"' \t\n\r\u3000\u00a0\u200b\ufeff\u2028"
HTML_BITS = (
    "<p>", "</p>", "<br>", "<br/>", "<div class=\"content\">", "</div>", "<html>", "</html>",
    "<head>", "</head>", "<body>", "</body>", "<title>", "</title>", "<script>var a='<p>';</script>",
    "<style>p{}</style>", "<!-- 注释 -->", "<!--", "-->", "<![CDATA[", "]]>", "<meta charset=\"gbk\">",
    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">", "<a href='x'>",
    "</a>", "<h1>", "</h1>", "<ruby>質<rt>zhì</rt></ruby>", "<span", ">", "<", "</", "<p ", "<?xml?>",
    "<!DOCTYPE html>", "<table><tr><td>", "</td></tr></table>", "<img src=x>", "<iframe>",
)
ENTITIES = (
    "&amp;", "&lt;", "&gt;", "&nbsp;", "&quot;", "&#20013;", "&#x4e2d;", "&#X56FD;", "&#0;",
    "&#99999999999;", "&#xD800;", "&#x110000;", "&", "&#", "&#x", "&amp;amp;", "&ldquo;", "&hellip;",
    "&mdash;", "&middot;", "&unknown;", "&#12345", "&nbsp",
)
BRACKETS = "()（）[]【】{}《》〈〉「」"
# charsets a page may declare: real ones, aliases, Python's odd codecs and nonsense
CHARSETS = (
    "gbk", "gb2312", "GB18030", "big5", "utf-8", "UTF8", "utf-16", "utf-32", "latin1", "x-gbk",
    "undefined", "unicode_escape", "raw_unicode_escape", "utf-7", "base64", "hex", "rot13", "idna",
    "punycode", "x-user-defined", "cp65001", "mbcs", "zz", "big5-hkscs", "shift_jis", "koi8-r",
)
CODECS = ("utf-8", "gbk", "big5", "gb18030", "utf-16-le", "cp1252", "latin-1", "shift_jis")


class Source:
    """Draws choices from a byte string (like atheris's FuzzedDataProvider; once the bytes run
    out every draw is 0), so one builder serves atheris, hypothesis and random bytes."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def byte(self) -> int:
        if self.pos >= len(self.data):
            return 0
        self.pos += 1
        return self.data[self.pos - 1]

    def below(self, n: int) -> int:
        """A number in ``range(n)``."""
        if n <= 1:
            return 0
        v = 0
        for _ in range((n.bit_length() + 7) // 8):
            v = (v << 8) | self.byte()
        return v % n

    def pick(self, seq: Any) -> Any:
        return seq[self.below(len(seq))]

    def take(self, n: int) -> bytes:
        out = self.data[self.pos : self.pos + n]
        self.pos += len(out)
        return out

    def left(self) -> int:
        return len(self.data) - self.pos


def _han(src: Source, alphabet: str) -> str:
    return "".join(src.pick(alphabet) for _ in range(1 + src.below(24)))


def _mojibake(src: Source) -> str:
    text = _han(src, HAN_SIMPLIFIED + HAN_TRADITIONAL)
    enc = src.pick(("utf-8", "gbk", "big5", "gb18030"))
    dec = src.pick(("latin-1", "cp1252", "gbk", "big5", "utf-8", "shift_jis"))
    return text.encode(enc, errors="replace").decode(dec, errors=src.pick(("replace", "ignore")))


def _ruby(src: Source) -> str:
    char, reading = src.pick(RUBY)
    if src.below(4) == 0:
        reading = src.pick(RUBY)[1]  # a wrong reading: must be left alone
    style = src.below(4)
    if style == 0:
        reading = reading.translate(str.maketrans("àáǎāèéěēìíǐīòóǒōùúǔūǜǘǚǖ", "aaaaeeeeiiiioooouuuuüüüü"))
        reading += str(1 + src.below(5))
    opening, closing = src.pick((("(", ")"), ("（", "）"), ("(", ""), ("", ")")))
    return char + opening + (reading if style != 3 else "") + closing


def _piece(src: Source, pages: list[str]) -> str | bytes:
    kind = src.below(15)
    if kind == 0:
        return src.take(src.below(64))
    if kind == 1:
        return _han(src, HAN_SIMPLIFIED)
    if kind == 2:
        return _han(src, HAN_TRADITIONAL + HAN_SIMPLIFIED)
    if kind == 3:
        return _mojibake(src)
    if kind == 4:
        return "".join(_ruby(src) for _ in range(1 + src.below(6)))
    if kind == 5:
        return "".join(src.pick(HTML_BITS) for _ in range(1 + src.below(6)))
    if kind == 6:
        return "".join(src.pick(BRACKETS) for _ in range(1 + src.below(30)))
    if kind == 7:
        return "?" * (1 + src.below(40)) if src.below(2) else "？" * (1 + src.below(10))
    if kind == 8:
        return "".join(src.pick(ENTITIES) for _ in range(1 + src.below(6)))
    if kind == 9:  # any code point: every plane, lone surrogates, private use, noncharacters
        return "".join(chr(src.below(0x110000)) for _ in range(1 + src.below(12)))
    if kind == 10:
        return "".join(src.pick(PUNCT + "0123456789０１２３ABCabcＡＢＣ") for _ in range(1 + src.below(20)))
    if kind == 11:  # a huge repeat of something small
        unit = src.pick(("(", "質(", "?", "&", "<p>", "中", "（", "\n", " ", "&#", "<", "國", "·",
                         "a", "1", "—", "《", "\ufffd", "質(zhì)", "<br>\n", "&amp;"))
        return unit * (1 + src.below(src.pick((100, 3000, 60_000))))  # mostly small: more inputs/s
    if kind == 13:
        quote = src.pick(("\"", "'", ""))
        return f"<html><head><meta charset={quote}{src.pick(CHARSETS)}{quote}></head><body>"
    if kind == 12 and pages:
        page = src.pick(pages)
        start = src.below(len(page) + 1)
        return page[start : start + src.below(4000)]
    return HAN_RARE[src.below(len(HAN_RARE)) :] + src.pick(PUNCT)


def build_page(
    data: bytes, pages: list[str] | None = None, max_chars: int = MAX_CHARS
) -> str | bytes | bytearray | memoryview:
    """A page made from fuzz bytes: ``str`` or bytes-like, at most ``max_chars`` characters
    before encoding (a repeat that would pass it is cut)."""
    src = Source(data)
    mode = src.below(8)  # 0-2 str, 3 utf-8, 4 gb18030, 5 big5, 6 mixed encodings, 7 bytearray/memoryview
    parts: list[str | bytes] = []
    size = 0
    for _ in range(1 + src.below(10)):
        if src.left() == 0 and parts:
            break
        piece = _piece(src, pages or [])
        if size + len(piece) > max_chars:
            piece = piece[: max_chars - size]
        parts.append(piece)
        size += len(piece)
        if size >= max_chars:
            break
    if mode <= 2:
        return "".join(
            p if isinstance(p, str) else p.decode("utf-8", errors=src.pick(("surrogateescape", "replace")))
            for p in parts
        )
    out = bytearray()
    codec = {3: "utf-8", 4: "gb18030", 5: "big5"}.get(mode, "utf-8")
    for p in parts:
        if isinstance(p, bytes):
            out += p
            continue
        if mode >= 6:
            codec = src.pick(CODECS)
        errors = src.pick(("replace", "ignore", "xmlcharrefreplace", "surrogatepass"))
        if errors == "surrogatepass" and not codec.startswith("utf"):
            errors = "replace"
        out += p.encode(codec, errors=errors)
    if mode == 7:
        return memoryview(bytes(out)) if src.below(2) else out
    return bytes(out)


def build_case(data: bytes, pages: list[str] | None = None, max_chars: int = MAX_CHARS) -> tuple[Any, Any]:
    """``(page, config)``: the first byte picks a configuration (mostly the default: ``None``),
    the rest builds the page (`build_page`)."""
    import qtext

    choice = data[0] if data else 0
    page = build_page(data[1:], pages, max_chars)
    if choice < 128:
        return page, None
    src = Source(bytes([choice]) + data[-8:])
    src.take(1)
    steps = ("decode", "mojibake", "html", "ruby", "convert", "lost", "typeset")
    off = {name: False for name in steps if src.below(4) == 0}
    encoding = src.pick((None, None, "gbk", "big5", "utf-16", "latin-1", "utf-8", "gb18030"))
    repair = qtext.RepairConfig(**off, encoding=encoding)  # max_rounds kept: idempotence needs it
    read = qtext.ReadConfig(html=src.pick((None, True, False)), min_body_chars=src.below(40))
    summary = qtext.SummaryConfig(enabled=src.below(4) != 0, sentences=src.below(6), keywords=src.below(12))
    return page, qtext.Config(repair=repair, read=read, summary=summary)


# --------------------------------------------------------------------------------------------
# the invariants


class Hang(Exception):
    """A call took more CPU time than the limit."""


class Broken(AssertionError):
    """An invariant does not hold."""


def _on_timer(signum: int, frame: Any) -> None:
    raise Hang("call took longer than the CPU-time limit")


def _timed(limit: float, fn: Callable[[], Any]) -> Any:
    if limit <= 0:
        return fn()
    signal.setitimer(signal.ITIMER_PROF, limit)
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)


def _check_repair(r: Any, raw_text: str | None, config: Any = None) -> None:
    import qtext

    r.text.encode("utf-8")  # no lone surrogates
    if raw_text is not None and r.raw != raw_text:
        raise Broken("repair(str).raw is not the input")
    for side in ("start", "end"):
        ends = (r.to_raw(0, side), r.to_raw(len(r.text), side))
        if not all(0 <= j <= len(r.raw) for j in ends):
            raise Broken(f"to_raw ends out of bounds: {ends}, raw length {len(r.raw)}")
    # clean characters inside some edit's span: a difference array, linear however many edits
    # share a span (55,000 decode edits inside one whole-text convert change took > 10 s here)
    depth = [0] * (len(r.text) + 1)
    for e in r.edits:
        in_raw = 0 <= e.raw_start <= e.raw_end <= len(r.raw)
        if not (in_raw and 0 <= e.clean_start <= e.clean_end <= len(r.text)):
            raise Broken(f"edit out of bounds: {e}")
        depth[e.clean_start] += 1
        depth[e.clean_end] -= 1
    touched = bytearray(len(r.text) + 1)
    level = 0
    for i in range(len(r.text)):
        level += depth[i]
        touched[i] = level > 0
    step = max(1, len(r.text) // 2000)  # a sample of offsets: linear cost
    prev = 0
    for i in range(0, len(r.text), step):
        j = r.to_raw(i, "start")
        if not (prev <= j <= len(r.raw)):
            raise Broken(f"to_raw({i}) = {j} (previous {prev}, raw length {len(r.raw)})")
        prev = j
        if not touched[i] and (j >= len(r.raw) or r.raw[j] != r.text[i]):
            got = r.raw[j] if j < len(r.raw) else None
            raise Broken(f"untouched clean char {r.text[i]!r} at {i} maps to raw {j} = {got!r}")
    again = qtext.repair(r.text, config)
    if again.text != r.text:
        k = next((k for k, (a, b) in enumerate(zip(again.text, r.text, strict=False)) if a != b), 0)
        raise Broken(f"repair not idempotent: {len(r.text)} -> {len(again.text)} chars, first diff at {k}: "
                     f"{r.text[max(0, k - 10):k + 10]!r} -> {again.text[max(0, k - 10):k + 10]!r}")


def _check_segment(tokens: list[Any], text: str) -> None:
    pos = 0
    for t in tokens:
        if t.start != pos or t.end != pos + len(t.text) or text[t.start : t.end] != t.text or not t.text:
            raise Broken(f"token {t} does not continue at {pos}")
        pos = t.end
    if pos != len(text):
        raise Broken(f"tokens cover {pos} of {len(text)} characters")


def check_page(page: Any, timeout: float = 10.0, config: Any = None) -> None:
    """Run repair, segment and analyze on ``page`` (with ``config``, a `qtext.Config` or None)
    and check every invariant; raises on failure."""
    import qtext
    from qtext._repair import decode_bytes

    rcfg = config.repair if config is not None else None
    text = page if isinstance(page, str) else decode_bytes(bytes(page), rcfg)[0]
    r = _timed(timeout, lambda: qtext.repair(page, rcfg))
    _timed(timeout, lambda: _check_repair(r, page if isinstance(page, str) else None, rcfg))
    if not isinstance(page, str) and r.raw != text:
        raise Broken("repair(bytes).raw is not the decoded text segment() sees")
    tokens = _timed(timeout, lambda: qtext.segment(page, config))
    _check_segment(tokens, text)
    doc = _timed(timeout, lambda: qtext.analyze(page, config))
    json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8")
    if doc.text != doc.repair.text:
        raise Broken("Document.text is not Document.repair.text")


# --------------------------------------------------------------------------------------------
# drivers


class Runner:
    """Counts inputs, prints progress, and saves (or raises) failures."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.count = 0
        self.failures = 0
        self.kinds: dict[str, int] = {}
        self.start = time.monotonic()
        self.last = self.start
        self.pages = [p for folder in args.pages for p in _load_pages(folder)]
        self.findings = Path(args.findings)

    def __call__(self, data: bytes) -> None:
        self.count += 1
        now = time.monotonic()
        if now - self.last >= 30:
            self.last = now
            self.report()
        if self.args.seconds and now - self.start >= self.args.seconds:
            self.report(final=True)
            sys.stdout.flush()
            os._exit(1 if self.failures and not self.args.keep_going else 0)
        page, config = build_case(data, self.pages)
        # a hang inside C code (a regex) ignores the CPU timer: this watchdog ends the process
        faulthandler.dump_traceback_later(max(60.0, 12 * self.args.timeout), exit=True)
        try:
            check_page(page, self.args.timeout, config)
        except Exception as exc:
            self.fail(data, page, exc)

    def fail(self, data: bytes, page: Any, exc: BaseException) -> None:
        self.failures += 1
        kind = re.sub(r"\d+", "N", f"{type(exc).__name__}: {str(exc)[:60]}")  # one kind, any numbers
        first = kind not in self.kinds
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        if not self.args.keep_going:
            raise exc
        if first:
            self.findings.mkdir(parents=True, exist_ok=True)
            name = hashlib.sha1(data).hexdigest()[:16]
            (self.findings / f"{name}.bin").write_bytes(data)
            (self.findings / f"{name}.txt").write_text(
                f"{kind}\npage type {type(page).__name__}, length {len(page)}\n"
                f"{''.join(traceback.format_exception(exc))}", encoding="utf-8")
            print(f"FINDING {name}: {kind}", flush=True)

    def report(self, final: bool = False) -> None:
        elapsed = time.monotonic() - self.start
        label = "DONE" if final else "progress"
        rate = self.count / max(elapsed, 1e-9)
        print(f"{label}: {self.count} inputs executed in {elapsed:.0f} s ({rate:.1f}/s), "
              f"{self.failures} failures in {len(self.kinds)} kinds", flush=True)
        if final:
            for kind, n in sorted(self.kinds.items(), key=lambda kv: -kv[1]):
                print(f"  {n:6d}  {kind}", flush=True)


def _load_pages(folder: str) -> list[str]:
    """Text of real pages to slice (read at run time, never stored): *.txt and *.html."""
    out = []
    for path in sorted(Path(folder).iterdir()):
        if path.suffix in (".txt", ".html", ".htm"):
            out.append(path.read_bytes().decode("utf-8", errors="replace"))
    return out


def _run_atheris(runner: Runner, argv: list[str]) -> None:
    import atheris

    with atheris.instrument_imports(include=["qtext"]):
        import qtext._analyze
        import qtext._batch
        import qtext._repair
        import qtext._segment  # noqa: F401
    atheris.Setup([sys.argv[0], *argv], runner)
    atheris.Fuzz()


def _run_random(runner: Runner, sizes: Iterable[int]) -> None:
    for n in sizes:
        runner(os.urandom(n))


def _run_hypothesis(runner: Runner, examples: int) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.binary(max_size=512))
    def run(data: bytes) -> None:
        runner(data)

    run()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=0, help="stop after this long (prints the count)")
    parser.add_argument("--timeout", type=float, default=10.0, help="CPU seconds one call may take")
    parser.add_argument("--keep-going", action="store_true", help="save failures and go on")
    parser.add_argument("--findings", default=str(HERE / "findings"), help="where --keep-going saves")
    parser.add_argument("--pages", action="append", default=[],
                        help="a folder of real pages (.txt/.html) to slice into inputs (repeatable)")
    parser.add_argument("--random", action="store_true", help="os.urandom inputs instead of atheris")
    parser.add_argument("--hypothesis", type=int, metavar="N",
                        help="N hypothesis examples instead of atheris")
    parser.add_argument("--replay", nargs="+", metavar="FILE", help="run saved inputs and report")
    args, rest = parser.parse_known_args(argv)
    signal.signal(signal.SIGPROF, _on_timer)
    runner = Runner(args)
    if args.replay:
        args.keep_going = True
        for name in args.replay:
            before = runner.failures
            runner(Path(name).read_bytes())
            print(f"{name}: {'FAIL' if runner.failures > before else 'ok'}")
        runner.report(final=True)
        return 1 if runner.failures else 0
    if args.hypothesis:
        _run_hypothesis(runner, args.hypothesis)
    elif args.random:
        import random

        rng = random.Random(0)
        _run_random(runner, iter(lambda: rng.choice((8, 64, 256, 1024)), None))
    else:
        _run_atheris(runner, rest)
    runner.report(final=True)
    return 1 if runner.failures else 0


if __name__ == "__main__":
    sys.exit(main())
