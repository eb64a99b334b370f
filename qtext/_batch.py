"""Many pages at once: ``analyze_many`` streams results in input order, in-process or in a pool.

Invariants:
- one result per input item, in input order: a `Document`, or a `Failure` saying
  what went wrong with that item (a bad item never stops the batch, never disappears);
- with ``workers > 1`` each worker process loads qtext's dictionaries once, in its initializer,
  and keeps them for every item it gets;
- at most ``workers * _INFLIGHT_PER_WORKER`` chunks are in flight, so an endless iterable streams
  in bounded memory;
- results travel back from a worker as columns (``_pack``/``_unpack``): a tuple of records becomes
  one list per field, rebuilt in this process without calling each record's ``__init__`` (as
  pickle does), several times faster than pickling thousands of small frozen dataclasses;
- a worker process that dies (out of memory, a crash in a C extension) costs only the item it was
  working on: the chunks in flight are retried one item at a time in a fresh pool, and an item
  that kills a worker again comes back as a ``Failure`` with ``error="WorkerCrashed"``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Literal, Union

from ._config import DEFAULT, Config
from ._document import Document

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = ["Failure", "analyze_many"]

FAILURE_SCHEMA = "qtext.failure/1"

#: what one input item may be: page text or bytes, or an ``(id, raw)`` pair
Item = Union[str, bytes, "tuple[Any, str | bytes]"]
Task = Literal["analyze", "repair", "segment", "summarize"]

_INFLIGHT_PER_WORKER = 4
#: pages that take every lazily loaded resource into memory: repair (ruby pinyin, traditional
#: script, GBK bytes), HTML reading, segmentation, extraction and the summary
_WARMUP: tuple[str | bytes, ...] = (
    "新華社北京1月2日電 國務(wù)委員王勇3日出席第二屆中國質(zhì)量大會,宣讀賀信並致辭。",
    "质检总局局长支树平主持会议。".encode("gb18030"),
    "<html><head><title>标题</title></head><body><p>国务院总理出席论坛。</p></body></html>",
)


@dataclass(frozen=True, slots=True)
class Failure:
    """One input that could not be analysed: which one, and why.

    ``index`` is the item's position in the input; ``id`` its id when one was given.

    >>> import qtext
    >>> [r.error for r in qtext.analyze_many([42])]
    ['InputError']
    """

    index: int
    id: str | None
    error: str
    message: str

    @property
    def ok(self) -> bool:
        return False

    def to_dict(self) -> dict[str, Any]:
        return {"schema": FAILURE_SCHEMA, "id": self.id, "index": self.index,
                "error": self.error, "message": self.message}


@dataclass(frozen=True, slots=True)
class _BadInput:
    """An item that is not a page, as checked in the calling process: only its `InputError`
    message travels to a worker (the item itself may not even pickle: a file object)."""

    message: str


def _split_item(index: int, item: Any) -> tuple[str | None, Any]:
    """``(id, raw)`` of an input item; a bare str/bytes has no id. ``raw`` is ``str`` or
    ``bytes`` (``bytearray``/``memoryview`` copied), or a `_BadInput` for anything else."""
    ident: str | None = None
    raw = item
    if isinstance(item, tuple) and len(item) == 2:
        ident = None if item[0] is None else str(item[0])
        raw = item[1]
    if type(raw) is not str and type(raw) is not bytes:
        from ._errors import InputError, check_page

        try:
            raw = check_page(raw, "analyze")
        except InputError as exc:
            raw = _BadInput(str(exc))
    return ident, raw


def _failure(index: int, ident: str | None, exc: BaseException) -> Failure:
    message = str(exc) or repr(exc)
    return Failure(index=index, id=ident, error=type(exc).__name__, message=message)


# --- the work done on one item (in whichever process) ------------------------------------
def _run_one(task: Task, raw: Any, ident: str | None, config: Config) -> Any:
    from ._analyze import analyze
    from ._repair import repair
    from ._segment import segment

    if type(raw) is _BadInput:
        from ._errors import InputError

        raise InputError(raw.message)
    if task == "analyze" or task == "summarize":
        return analyze(raw, config, id=ident)
    if _looks_html(raw, config):
        # an HTML page is read to text first, as analyze does; nothing is extracted
        doc = analyze(raw, _reading_only(config), id=ident)
        return doc.repair if task == "repair" else list(doc.tokens)
    if task == "repair":
        return repair(raw, config.repair)
    if task == "segment":
        text = repair(raw, config.repair).text
        return segment(text, config)
    from ._errors import OptionError

    raise OptionError(f"unknown task {task!r}")


def _looks_html(raw: Any, config: Config) -> bool:
    from ._read import is_html

    if config.read.html is not None:
        return config.read.html
    if isinstance(raw, (bytes, bytearray)):
        return is_html(bytes(raw[:4096]).decode("latin-1"))
    return isinstance(raw, str) and is_html(raw)


def _reading_only(config: Config) -> Config:
    """``config`` with every extractor and the summary switched off."""
    from ._config import ExtractConfig, SummaryConfig

    off = {f.name: False for f in dataclasses.fields(ExtractConfig) if f.default is True}
    return config.replace(extract=ExtractConfig(**off), summary=SummaryConfig(enabled=False))


def _run_chunk(task: Task, chunk: list[tuple[int, str | None, Any]], config: Config,
               packed: bool = False) -> list[Any]:
    out: list[Any] = []
    for index, ident, raw in chunk:
        try:
            result = _run_one(task, raw, ident, config)
        except Exception as exc:
            result = _failure(index, ident, exc)
        out.append(_pack(result) if packed else result)
    return out


# --- the trip back from a worker: records as columns -------------------------------------------
_ATOMIC = frozenset((str, int, float, bool, type(None), bytes))
_FIELDS: dict[type, tuple[str, ...]] = {}
_MAKERS: dict[type, Callable[..., Any]] = {}


class _Tag(enum.Enum):
    RECORD = 1  # (tag, class, [packed field values])
    ROWS = 2    # (tag, tuple or list, class, [one packed column per field])
    SEQ = 3     # (tag, tuple or list, [packed items])


def _names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _is_record(cls: type) -> bool:
    return cls not in _ATOMIC and dataclasses.is_dataclass(cls)


def _pack_column(values: list[Any]) -> Any:
    if _ATOMIC.issuperset(map(type, values)):
        return values
    return (_Tag.SEQ, list, [_pack(x) for x in values])


def _pack(value: Any) -> Any:
    """``value`` with its dataclass records (and tuples of them) turned into tagged columns."""
    cls = type(value)
    if cls in _ATOMIC:
        return value
    if cls is tuple or cls is list:
        if not value:
            return value
        first = type(value[0])
        if _is_record(first) and all(type(v) is first for v in value):
            columns = [_pack_column(list(map(attrgetter(n), value))) for n in _names(first)]
            return (_Tag.ROWS, cls, first, columns)
        items = [_pack(v) for v in value]
        if any(p is not v for p, v in zip(items, value, strict=True)):
            return (_Tag.SEQ, cls, items)
        return value
    if _is_record(cls):
        return (_Tag.RECORD, cls, [_pack(getattr(value, n)) for n in _names(cls)])
    return value  # dicts, sets and anything else travel as pickle has them


def _maker(cls: type) -> Callable[..., Any]:
    """A function building a ``cls`` from its field values as pickle does (no ``__init__``)."""
    make = _MAKERS.get(cls)
    if make is None:
        names = _names(cls)
        args = ", ".join(f"v{i}" for i in range(len(names)))
        body = "".join(f"    sa(o, {n!r}, v{i})\n" for i, n in enumerate(names))
        namespace: dict[str, Any] = {"new": object.__new__, "sa": object.__setattr__, "cls": cls}
        exec(f"def make({args}):\n    o = new(cls)\n{body}    return o\n", namespace)
        make = _MAKERS[cls] = namespace["make"]
    return make


def _unpack(value: Any) -> Any:
    """The inverse of `_pack`."""
    if type(value) is not tuple or not value or type(value[0]) is not _Tag:
        return value
    tag = value[0]
    if tag is _Tag.RECORD:
        return _maker(value[1])(*[_unpack(v) for v in value[2]])
    if tag is _Tag.ROWS:
        _, seq, cls, columns = value
        return seq(map(_maker(cls), *[_unpack(c) for c in columns]))
    _, seq, items = value
    return seq(_unpack(v) for v in items)


def _warm_up(config: Config) -> None:
    """Pool initializer: load dictionaries and the tokenizer once for this worker process."""
    from ._analyze import analyze

    for page in _WARMUP:
        with contextlib.suppress(Exception):  # a failing warm-up shows up again, per item, as a Failure
            analyze(page, config)


# --- the driver ----------------------------------------------------------------------------
def _chunks(items: Iterable[Any], size: int) -> Iterator[list[tuple[int, str | None, Any]]]:
    chunk: list[tuple[int, str | None, Any]] = []
    for index, item in enumerate(items):
        ident, raw = _split_item(index, item)
        chunk.append((index, ident, raw))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _crashed(index: int, ident: str | None) -> Failure:
    return Failure(index=index, id=ident, error="WorkerCrashed",
                   message="the worker process died while analysing this item (out of memory or a crash)")


def run_many(task: Task, items: Iterable[Any], *, workers: int | None = 1, chunksize: int | None = None,
             config: Config | None = None) -> Iterator[Any]:
    """The engine behind `analyze_many` and the command line: any task, in input order."""
    cfg = config or DEFAULT
    if cfg.user_dictionaries:  # a bad user dictionary is one DictionaryError, not a failure per page
        from ._resources import check_user_dictionaries

        check_user_dictionaries(cfg.user_dictionaries)
    n = (os.cpu_count() or 1) if workers is None or workers <= 0 else workers
    if n <= 1:
        for chunk in _chunks(items, 1):
            yield from _run_chunk(task, chunk, cfg)
        return
    size = chunksize if chunksize and chunksize > 0 else 4
    yield from _pooled(task, _chunks(items, size), n, cfg)


def _new_pool(workers: int, cfg: Config) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor  # imported here: `import qtext` stays light

    return ProcessPoolExecutor(max_workers=workers, initializer=_warm_up, initargs=(cfg,))


def _pooled(task: Task, chunks: Iterator[list[tuple[int, str | None, Any]]], workers: int,
            cfg: Config) -> Iterator[Any]:
    from concurrent.futures.process import BrokenProcessPool

    pool = _new_pool(workers, cfg)
    pending: deque[tuple[list[tuple[int, str | None, Any]], Future[list[Any]]]] = deque()
    limit = workers * _INFLIGHT_PER_WORKER
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                pending.append((chunk, pool.submit(_run_chunk, task, chunk, cfg, True)))
            if not pending:
                return
            chunk, fut = pending.popleft()
            try:
                results = fut.result()
            except BrokenProcessPool:
                # the pool is gone, and with it every chunk in flight: redo them item by item
                pool.shutdown(wait=False, cancel_futures=True)
                redo = [chunk] + [c for c, _ in pending]
                pending.clear()
                pool, recovered = _recover(task, redo, workers, cfg)
                yield from recovered
                continue
            for packed in results:
                yield _unpack(packed)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _recover(task: Task, chunks: list[list[tuple[int, str | None, Any]]], workers: int,
             cfg: Config) -> tuple[ProcessPoolExecutor, list[Any]]:
    """Run each item of ``chunks`` alone; an item whose worker dies again becomes a Failure."""
    from concurrent.futures.process import BrokenProcessPool

    pool = _new_pool(workers, cfg)
    out: list[Any] = []
    for chunk in chunks:
        for item in chunk:
            try:
                out.extend(map(_unpack, pool.submit(_run_chunk, task, [item], cfg, True).result()))
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                out.append(_crashed(item[0], item[1]))
                pool = _new_pool(workers, cfg)
    return pool, out


def analyze_many(items: Iterable[Item], *, workers: int | None = 1, chunksize: int | None = None,
                 config: Config | None = None) -> Iterator[Document | Failure]:
    """Analyse many pages; yields one `Document` or `Failure` per item, in order.

    ``items`` is an iterable (a list, a generator …) of page text or bytes, or of ``(id, raw)``
    pairs (the id becomes ``Document.id``). A single page, a file object or a non-iterable raises
    `qtext.InputError` at once; an item that is not a page becomes a `Failure` (``InputError``).
    ``workers=1`` runs in this process; ``workers=N`` uses N worker processes, each loading
    qtext's dictionaries once; ``workers=None`` uses one per CPU. ``chunksize`` items travel to a
    worker together (default 4). Results stream: the input is read as the results are consumed.

    >>> import qtext
    >>> results = list(qtext.analyze_many([("a", "国务委员王勇出席大会。"), ("b", 42)]))
    >>> [type(r).__name__ for r in results], results[0].id, results[1].error
    (['Document', 'Failure'], 'a', 'InputError')
    """
    from ._errors import check_pages

    return run_many("analyze", check_pages(items), workers=workers, chunksize=chunksize, config=config)
