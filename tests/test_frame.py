"""to_frame: one row per document, official, organisation or event, each with the article id."""

from __future__ import annotations

import pytest
from _rich_doc import rich_document

import qtext
from qtext import Failure
from qtext._frame import COLUMNS

pd = pytest.importorskip("pandas")


def test_documents_table_has_one_row_per_document_and_failures_say_why():
    docs = [rich_document("a"), Failure(index=1, id="b", error="InputError", message="bad"),
            rich_document(None)]
    df = qtext.to_frame(docs)
    assert list(df.columns) == list(COLUMNS["documents"])
    assert list(df["id"]) == ["a", "b", 2]
    row = df.iloc[0]
    assert (row["title"], row["published"], row["agency"], row["place"]) == (
        "第五届西湖数字论坛开幕", "2021-03-08", "本报", "杭州")
    assert (row["chars"], row["paragraphs"], row["officials"], row["organisations"], row["events"]) == (
        87, 1, 1, 1, 1)
    assert row["who"] == ["李华"] and row["keywords"] == ["论坛", "数字"]
    assert pd.isna(row["error"])
    assert df.iloc[1]["error"] == "InputError: bad"
    assert pd.isna(df.iloc[1]["title"])


def test_officials_table():
    df = qtext.to_frame([rich_document("a"), rich_document("b")], what="officials")
    assert df.to_dict("records") == [
        {"id": i, "name": "李华", "title": "副省长", "organisation": "浙江省", "titles": ["浙江省副省长"],
         "mentions": 1, "first_start": 45} for i in ("a", "b")]


def test_organisations_and_events_tables():
    orgs = qtext.to_frame(rich_document("a"), what="organisations")
    assert orgs.to_dict("records") == [{"id": "a", "name": "浙江省人民政府", "abbreviation": None,
                                        "aliases": ["浙江省政府"], "type": "government", "mentions": 1,
                                        "first_start": 59}]
    events = qtext.to_frame([rich_document("a")], what="events")
    assert events.to_dict("records") == [{
        "id": "a", "name": "第五届西湖数字论坛", "type": "forum", "edition": 5, "date": "2021-03-08",
        "place": "杭州", "organisers": ["浙江省人民政府"], "theme": None, "aliases": ["论坛"], "mentions": 1,
        "first_start": 22}]


def test_dicts_from_to_dict_work_too_and_empty_input_gives_empty_table():
    df = qtext.to_frame([rich_document("a").to_dict()], what="officials")
    assert list(df["name"]) == ["李华"]
    empty = qtext.to_frame([], what="events")
    assert empty.empty and list(empty.columns) == list(COLUMNS["events"])


def test_empty_document_gives_zero_counts():
    df = qtext.to_frame([qtext.analyze("", id="e")])
    assert (df.loc[0, "id"], df.loc[0, "chars"], df.loc[0, "officials"]) == ("e", 0, 0)
    assert qtext.to_frame([qtext.analyze("", id="e")], what="officials").empty


def test_unknown_table_is_refused():
    with pytest.raises(ValueError, match="documents, officials, organisations, events"):
        qtext.to_frame([], what="people")  # type: ignore[arg-type]


def test_import_qtext_does_not_import_pandas():
    import subprocess
    import sys

    code = "import sys, qtext; print('pandas' in sys.modules, 'dask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "False False\n"
