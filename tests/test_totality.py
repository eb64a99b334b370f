"""Totality: every str or bytes page gets an answer from repair, segment, analyze and
analyze_many; anything else raises `qtext.InputError` saying what to pass.

The inputs are written here (small and adversarial); the 10 MB and million-character cases belong
to the linear-time benchmark. The hypothesis property at the end reuses the fuzz target's page
builder and invariants (``fuzz/fuzz_qtext.py``) with a bounded number of small examples.
"""

from __future__ import annotations

import ast
import importlib.util
import io
import json
import os
import random
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import qtext
from qtext._read import is_html
from qtext._repair import decode_bytes

ROOT = Path(__file__).resolve().parent.parent
N = 10_000  # repeats: enough to show a quadratic step, small enough for the suite

_rng = random.Random(20261123)
_HAN = "国务院总理出席会议新华社记者报道质量大会宣读贺信並致辭們時來說經點從業開與門長書"
_LONG_LINE = "".join(_rng.choice(_HAN + "，。") for _ in range(100_000))  # no newline at all

#: name → page (str or bytes)
PAGES: dict[str, str | bytes] = {
    "empty str": "",
    "empty bytes": b"",
    "whitespace": " \t\n\r\u3000\u00a0\u200b\ufeff\u2028\n\n",
    "binary noise": bytes(_rng.randrange(256) for _ in range(4096)),
    "NUL and control bytes": bytes(range(32)) * 8,
    "lone surrogates": "国务\ud800院\udfff总理\udbff",
    "split surrogate pair": "表情\ud83d\ude00符号",
    "surrogates as utf-8 bytes": "质量\ud800".encode("utf-8", "surrogatepass"),
    "every plane": "".join(chr(c) for c in (
        0x41, 0x7F, 0x85, 0x4E2D, 0xE000, 0xFFFD, 0xFFFF, 0x1F600, 0x20000, 0x2A6A5, 0x30000,
        0x3134A, 0xE0001, 0xE0100, 0xF0000, 0x10FFFD, 0x10FFFF)),
    "mixed encodings": "国务院".encode() + "总理出席".encode("gbk") + "會議".encode("big5")
    + "大会".encode("utf-16-le") + b"\xff\xfe\x80",
    "utf-16 with BOM": "\ufeff新华社北京电".encode("utf-16"),
    "nested brackets": "(" * 3000 + "中" + ")" * 3000 + "（【《" * 1000 + "》】）" * 1000,
    "open parens": "(" * N,
    "ruby opener": "質(" * N,
    "question marks": "?" * N,
    "question marks in Han": "国?务?院" * (N // 5),
    "ampersands": "&" * N,
    "entity starts": "&#" * N,
    "paragraph tags": "<p>" * (N // 2),
    "unclosed tag": "<p class='" + "中" * N,
    "html comment": "<!--" + "国务院" * N,
    "html page": ("<html><head><meta charset='gbk'><title>标题</title></head><body>"
                  + "<p>国务院总理出席会议。</p>" * 500 + "</body></html>"),
    "html bytes gbk": ("<html><head><meta charset='gbk'></head><body><p>质量大会召开。</p>"
                       "</body></html>").encode("gbk"),
    "one long run of one character": "中" * N,
    "long line": _LONG_LINE[:N],
}

FUNCTIONS = ("repair", "segment", "analyze")


def _text_of(page: str | bytes) -> str:
    """The text qtext reads from ``page``: itself, or bytes decoded as repair decodes them."""
    return page if isinstance(page, str) else decode_bytes(page)[0]


def _valid_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _rebuilds(tokens: list[qtext.Token], text: str) -> bool:
    pos = 0
    for t in tokens:
        if (t.start, t.end) != (pos, pos + len(t.text)) or not t.text:
            return False
        pos = t.end
    return "".join(t.text for t in tokens) == text


@pytest.mark.parametrize("name", list(PAGES))
def test_repair_of_any_page_is_valid_text_and_settled(name: str) -> None:
    page = PAGES[name]
    r = qtext.repair(page)
    assert isinstance(r, qtext.Repair)
    assert r.raw == _text_of(page)
    assert _valid_utf8(r.text)
    assert not any("\ud800" <= c <= "\udfff" for c in r.text)
    assert qtext.repair(r.text).text == r.text  # idempotent
    assert all(0 <= e.raw_start <= e.raw_end <= len(r.raw) for e in r.edits)
    assert all(0 <= e.clean_start <= e.clean_end <= len(r.text) for e in r.edits)


@pytest.mark.parametrize("name", list(PAGES))
def test_segment_of_any_page_rebuilds_its_text(name: str) -> None:
    page = PAGES[name]
    assert _rebuilds(qtext.segment(page), _text_of(page))


@pytest.mark.parametrize("name", list(PAGES))
def test_analyze_of_any_page_is_json_serialisable(name: str) -> None:
    doc = qtext.analyze(PAGES[name])
    assert isinstance(doc, qtext.Document)
    assert doc.text == doc.repair.text
    assert _valid_utf8(doc.text)
    json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8")
    assert _rebuilds(list(doc.tokens), doc.text)


def test_analyze_many_answers_every_page_in_order() -> None:
    names = [name for name, page in PAGES.items() if len(page) <= 4096]
    assert len(names) >= 10
    results: list[Any] = list(qtext.analyze_many([(name, PAGES[name]) for name in names]))
    assert [r.id for r in results] == names
    assert all(isinstance(r, qtext.Document) for r in results)
    # pages read as text (not HTML) have the repaired text
    plain = [(r.text, n) for n, r in zip(names, results, strict=True) if not is_html(_text_of(PAGES[n]))]
    assert len(plain) >= len(names) - 2
    assert plain == [(qtext.repair(PAGES[n]).text, n) for _, n in plain]


def test_lone_surrogates_become_replacement_characters_on_record() -> None:
    r = qtext.repair("国务\ud800院")
    assert r.text == "国务\ufffd院"
    decode = [(e.raw_start, e.raw_end, e.after, e.note) for e in r.edits if e.step == "decode"]
    assert decode == [(2, 3, "\ufffd", "lone surrogate replaced by U+FFFD")]


def test_a_split_surrogate_pair_is_joined_into_its_character() -> None:
    r = qtext.repair("表情\ud83d\ude00符号")
    assert r.text == "表情\U0001f600符号"
    assert r.to_raw(3) == 4  # 符 after the joined pair


def test_repair_of_a_megabyte_without_a_newline() -> None:
    page = (_LONG_LINE * 10)[:1_000_000]
    r = qtext.repair(page)
    assert len(r.text) == 1_000_000 - sum(len(e.before) - len(e.after) for e in r.edits)
    assert "\n" not in r.text


def test_repair_of_a_million_open_parens() -> None:
    r = qtext.repair("(" * 1_000_000)
    assert _valid_utf8(r.text)
    assert set(r.text) <= {"(", "（"}


def test_segment_and_analyze_of_a_long_line() -> None:
    assert _rebuilds(qtext.segment(_LONG_LINE), _LONG_LINE)
    doc = qtext.analyze(_LONG_LINE[:50_000])
    assert "\n" not in doc.text and len(doc.page.paragraphs) >= 1


# --- bytes-like inputs ------------------------------------------------------------------------


@pytest.mark.parametrize("wrap", [bytearray, memoryview])
def test_bytearray_and_memoryview_are_read_as_bytes(wrap: Any) -> None:
    data = "國務院總理出席會議".encode("big5")
    assert qtext.repair(wrap(data)) == qtext.repair(data)
    assert qtext.repair(wrap(data)).encoding == qtext.repair(data).encoding
    assert qtext.segment(wrap(data)) == qtext.segment(data)
    assert qtext.analyze(wrap(data)).text == qtext.analyze(data).text == "国务院总理出席会议"


def test_bytes_like_items_survive_a_process_pool() -> None:
    items: list[Any] = [memoryview("质量大会".encode()), bytearray("國務院".encode("big5")), None]
    results: list[Any] = list(qtext.analyze_many(items, workers=2))
    assert [getattr(r, "text", None) for r in results] == ["质量大会", "国务院", None]
    assert (results[2].error, results[2].index) == ("InputError", 2)


def test_segment_of_bytes_decodes_as_repair_does() -> None:
    data = "新華社北京電".encode("big5")
    tokens = qtext.segment(data)
    assert "".join(t.text for t in tokens) == qtext.repair(data).raw == "新華社北京電"


# --- wrong types ------------------------------------------------------------------------------


@pytest.mark.parametrize("function", FUNCTIONS)
@pytest.mark.parametrize(("value", "hint"), [
    (None, "got None; pass the page as str or bytes"),
    (42, "got int; pass the page's text (str) or its raw bytes"),
    (3.5, "got float; pass the page's text (str) or its raw bytes"),
    (io.StringIO("国务院"), "got a file object (StringIO); pass the page as str or bytes: for a file "
                            "object pass f.read()"),
    (io.BytesIO(b"x"), "got a file object (BytesIO)"),
    (Path("page.html"), "path.read_bytes()"),
    (["国务院"], "got list; pass one page as str or bytes, or use qtext.analyze_many(pages)"),
    (("国务院",), "got tuple; pass one page"),
])
def test_wrong_types_raise_input_error_saying_what_to_pass(function: str, value: Any, hint: str) -> None:
    with pytest.raises(qtext.InputError) as info:
        getattr(qtext, function)(value)
    message = str(info.value)
    assert message.startswith(f"qtext.{function} expects str or bytes, ")
    assert hint in message
    assert isinstance(info.value, TypeError) and isinstance(info.value, qtext.QtextError)


def test_an_open_file_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("国务院", encoding="utf-8")
    with path.open(encoding="utf-8") as fh, pytest.raises(qtext.InputError, match=r"pass f\.read\(\)"):
        qtext.analyze(fh)  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "hint"), [
    ("国务院", "got one str; pass a list: qtext.analyze_many([page])"),
    (b"page", "got one bytes; pass a list"),
    (None, "got None; pass a list of pages"),
    (7, "got int; pass a list of pages"),
    (io.StringIO("a\nb"), "got a file object (StringIO); pass [f.read()]"),
])
def test_analyze_many_wants_an_iterable_of_pages(value: Any, hint: str) -> None:
    with pytest.raises(qtext.InputError) as info:
        qtext.analyze_many(value)  # raised at the call, before any iteration
    assert str(info.value).startswith("qtext.analyze_many expects an iterable of pages")
    assert hint in str(info.value)


def test_analyze_many_turns_bad_items_into_failures() -> None:
    items: list[Any] = ["国务院", None, io.StringIO("x"), ("k", 5), b"\xff\xfe"]
    results: list[Any] = list(qtext.analyze_many(items))
    kinds = [(type(r).__name__, getattr(r, "error", None)) for r in results]
    assert kinds == [("Document", None), ("Failure", "InputError"), ("Failure", "InputError"),
                     ("Failure", "InputError"), ("Document", None)]
    assert results[2].message.endswith("for a file object pass f.read()")
    assert results[3].id == "k"


# --- the exception hierarchy ------------------------------------------------------------------

#: builtin exceptions qtext may raise, where, and why that is not an error "on purpose"
_ALLOWED_BUILTIN_RAISES = {
    ("__init__.py", "AttributeError"),  # the module __getattr__ protocol
    ("_repair/_edits.py", "ValueError"),  # a repair step broke the Change contract: a bug
    ("_document.py", "ValueError"),  # TokenList built from columns of different lengths: a bug
}


def _raised_names() -> set[tuple[str, str]]:
    out = set()
    package = ROOT / "qtext"
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and node.exc is not None:
                exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                if isinstance(exc, ast.Name):
                    out.add((path.relative_to(package).as_posix(), exc.id))
    return out


def test_every_error_qtext_raises_on_purpose_is_a_qtext_error() -> None:
    import builtins

    from qtext import _errors

    for name in _errors.__all__:
        value = getattr(_errors, name)
        if isinstance(value, type):
            assert issubclass(value, qtext.QtextError), name
    stray = {
        (where, name) for where, name in _raised_names()
        if isinstance(getattr(builtins, name, None), type) and (where, name) not in _ALLOWED_BUILTIN_RAISES
    }
    assert stray == set()


def test_qtext_errors_are_also_the_builtin_a_caller_expects() -> None:
    assert issubclass(qtext.InputError, TypeError)
    assert issubclass(qtext.DictionaryError, RuntimeError)
    assert issubclass(qtext.OptionError, ValueError)
    assert issubclass(qtext.MissingExtraError, ImportError)


# --- the fuzz target's properties, a bounded run ----------------------------------------------


def _load_fuzz_target() -> Any:
    spec = importlib.util.spec_from_file_location("fuzz_qtext", ROOT / "fuzz" / "fuzz_qtext.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fuzz_qtext", module)
    spec.loader.exec_module(module)
    return module


_FUZZ = _load_fuzz_target()


@settings(max_examples=int(os.environ.get("QTEXT_FUZZ_EXAMPLES", "40")), deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=256))
def test_structured_damage_keeps_every_invariant(data: bytes) -> None:
    page, config = _FUZZ.build_case(data, max_chars=4000)  # a page and, for some, a Config
    _FUZZ.check_page(page, timeout=0, config=config)


def test_the_fuzz_page_builder_makes_str_bytes_and_bytearray_pages() -> None:
    kinds = [type(_FUZZ.build_page(bytes([mode, 1, 1, 64]), max_chars=200)).__name__ for mode in range(8)]
    assert kinds == ["str"] * 3 + ["bytes"] * 4 + ["bytearray"]
