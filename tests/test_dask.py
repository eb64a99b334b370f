"""qtext.dask.analyze_bag on a local multi-process dask.distributed cluster equals the serial run."""

from __future__ import annotations

import json

import pytest

import qtext

db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import qtext.dask  # noqa: E402 - after the skips: needs dask

PAGES = [
    ("a", "本报杭州3月8日电 第五届西湖数字论坛8日在杭州开幕。"),
    ("b", "浙江省副省長李華出席開幕式並致辭。"),
    ("c", "國務(wù)委員王勇出席大會,宣讀賀信"),
    ("d", "会议由省人民政府主办。".encode()),
    ("e", 17),
    ("f", "论坛闭幕。"),
]


def _serial(tokens: bool = True) -> list[dict]:
    out = []
    for ident, raw in PAGES:
        result = next(qtext.analyze_many([(ident, raw)]))
        out.append(result.to_dict(tokens=tokens) if isinstance(result, qtext.Document) else result.to_dict())
    return out


def test_partition_function_matches_serial_and_reads_dict_records():
    from qtext.dask import analyze_partition

    got = analyze_partition(PAGES, tokens=False)
    serial = _serial(tokens=False)
    assert [d["id"] for d in got] == ["a", "b", "c", "d", "e", "f"]
    assert got[:4] == serial[:4] and got[5] == serial[5]
    assert (got[4]["schema"], got[4]["error"], got[4]["index"]) == ("qtext.failure/1", "InputError", 4)
    records = analyze_partition([{"key": "k", "content": "论坛闭幕。"}], field="content", id_field="key")
    assert records == [qtext.analyze("论坛闭幕。", id="k").to_dict()]


def test_bag_on_a_local_cluster_equals_the_serial_output():
    from distributed import Client, LocalCluster

    # loopback only, random ports: several test runs may share this machine
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", scheduler_port=0,
                      dashboard_address="127.0.0.1:0", silence_logs=40) as cluster, Client(cluster) as client:
        bag = db.from_sequence(PAGES, npartitions=3)
        got = qtext.dask.analyze_bag(bag).compute(scheduler=client)
        workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2
    serial = _serial()
    # failure indexes count within a partition; everything else is the serial output exactly
    assert got[4]["index"] == 0 and serial[4]["index"] == 0
    assert json.dumps(got, ensure_ascii=False, sort_keys=True) == json.dumps(serial, ensure_ascii=False,
                                                                            sort_keys=True)
