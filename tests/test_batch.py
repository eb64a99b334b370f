"""analyze_many: one result per input, in order, in-process or in a pool; failures are records."""

from __future__ import annotations

import dataclasses
import itertools
import os
import pickle

import pytest

import qtext
from qtext import Failure
from qtext._document import TokenList

PAGES = [
    "本报杭州3月8日电 第五届西湖数字论坛8日在杭州开幕。",
    "浙江省副省長李華出席開幕式並致辭。",
    "國務(wù)委員王勇出席大會,宣讀賀信",
    "会议由省人民政府主办。".encode(),
]


class _KillsWorker(str):
    """A page that kills the process that unpickles it, as a crash in a C extension would."""

    def __reduce__(self):
        return (os._exit, (3,))


def _dicts(results):
    return [r.to_dict() for r in results]


def test_results_come_in_input_order_with_ids():
    results = list(qtext.analyze_many([(f"p{i}", p) for i, p in enumerate(PAGES)]))
    assert [r.id for r in results] == ["p0", "p1", "p2", "p3"]
    assert _dicts(results) == [qtext.analyze(p, id=f"p{i}").to_dict() for i, p in enumerate(PAGES)]


def test_bare_items_have_no_id():
    results = list(qtext.analyze_many(PAGES[:2]))
    assert [r.id for r in results] == [None, None]


def test_a_bad_item_becomes_a_failure_and_the_batch_goes_on():
    results = list(qtext.analyze_many(["王勇出席。", 42, ("x", None), ("y", "大会。")]))
    assert [type(r).__name__ for r in results] == ["Document", "Failure", "Failure", "Document"]
    message = "qtext.analyze expects str or bytes, got int; pass the page's text (str) or its raw bytes"
    assert results[1] == Failure(index=1, id=None, error="InputError", message=message)
    assert (results[2].index, results[2].id, results[2].error) == (2, "x", "InputError")
    assert results[3].id == "y"
    assert results[1].to_dict() == {"schema": "qtext.failure/1", "id": None, "index": 1,
                                    "error": "InputError", "message": message}
    assert results[1].ok is False


def test_failure_and_config_pickle():
    f = Failure(index=3, id="a", error="ValueError", message="bad")
    assert pickle.loads(pickle.dumps(f)) == f
    cfg = qtext.Config(summary=qtext.SummaryConfig(sentences=1))
    assert pickle.loads(pickle.dumps(cfg)) == cfg


def test_in_process_batch_streams_lazily():
    consumed = []

    def pages():
        for i in itertools.count():
            consumed.append(i)
            yield (f"p{i}", "王勇出席大会。")

    first = next(qtext.analyze_many(pages()))
    assert first.id == "p0"
    assert consumed == [0]


def test_two_workers_give_the_serial_results_in_order():
    items = [(f"p{i}", PAGES[i % len(PAGES)]) for i in range(9)] + [("bad", 3.5)]
    pooled = list(qtext.analyze_many(items, workers=2, chunksize=2))
    serial = list(qtext.analyze_many(items, workers=1))
    assert [r.id for r in pooled] == [f"p{i}" for i in range(9)] + ["bad"]
    assert _dicts(pooled) == _dicts(serial)
    assert isinstance(pooled[-1], Failure) and pooled[-1].index == 9


def test_config_reaches_the_workers():
    cfg = qtext.Config(repair=qtext.RepairConfig(convert=False))
    pooled = list(qtext.analyze_many(["國務委員出席大會。"], workers=2, config=cfg))
    assert pooled[0].text == qtext.analyze("國務委員出席大會。", cfg).text
    assert "國" in pooled[0].text


def test_a_worker_crash_costs_only_the_item_that_caused_it():
    items = [("a", "王勇出席大会。"), ("boom", _KillsWorker("x")), ("c", "大会开幕。"), ("d", "论坛闭幕。")]
    results = list(qtext.analyze_many(items, workers=2, chunksize=1))
    assert [r.id for r in results] == ["a", "boom", "c", "d"]
    assert [type(r).__name__ for r in results] == ["Document", "Failure", "Document", "Document"]
    assert results[1].error == "WorkerCrashed"
    assert results[2].text == "大会开幕。"


def test_run_many_other_tasks():
    from qtext._batch import run_many

    repaired = list(run_many("repair", ["國務委員"], workers=1))
    assert repaired[0].text == "国务委员"
    words = list(run_many("segment", ["国务委员王勇"], workers=1))
    assert "".join(t.text for t in words[0]) == "国务委员王勇"
    with pytest.raises(ValueError, match="unknown task"):
        from qtext._batch import _run_one

        _run_one("nope", "x", None, qtext.Config())  # type: ignore[arg-type]


def test_results_travel_as_columns_and_come_back_equal():
    from _rich_doc import rich_document

    from qtext._batch import _pack, _unpack

    rich = rich_document()
    analysed = qtext.analyze(PAGES[2], id="p2")
    for value in (rich, analysed, Failure(index=0, id=None, error="E", message="m"), [rich, 1, ("a", rich)],
                  (), "text", {"k": rich.tokens}):
        back = _unpack(pickle.loads(pickle.dumps(_pack(value))))
        assert back == value
    back = _unpack(pickle.loads(pickle.dumps(_pack(rich))))
    assert back.to_dict() == rich.to_dict() and back.repair.layers == rich.repair.layers
    assert type(back.tokens) is tuple and type(back.extraction.officials[0].titles[0]) is qtext.OfficialTitle
    packed = _pack(analysed)
    tokens = packed[2][[f.name for f in dataclasses.fields(qtext.Document)].index("tokens")]
    # an analysed document's tokens are already columns (a TokenList: offset arrays over the text)
    assert packed[0].name == "RECORD" and type(tokens) is TokenList
    assert [t.text for t in tokens] == [t.text for t in analysed.tokens] and len(tokens) > 3
    with pytest.raises(dataclasses.FrozenInstanceError):
        back.text = "x"
