"""``Document.to_dict()`` keeps to the published JSON Schema ``docs/schema/document-1.json``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from _rich_doc import rich_document

import qtext
from qtext._document import SCHEMA

jsonschema = pytest.importorskip("jsonschema")

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "docs" / "schema" / "document-1.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_file_names_the_version_to_dict_carries(validator):
    assert validator.schema["title"] == SCHEMA == "qtext.document/1"
    assert validator.schema["properties"]["schema"] == {"const": SCHEMA}


def test_every_key_of_to_dict_is_in_the_schema_and_required(validator):
    keys = set(qtext.analyze("王勇出席大会。").to_dict())
    assert set(validator.schema["required"]) == keys == set(validator.schema["properties"])


def test_a_fully_filled_document_validates(validator):
    data = rich_document().to_dict()
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert [f"{list(e.path)}: {e.message}" for e in errors] == []
    for name in ("officials", "organisations", "places", "dates", "events", "quotes", "entities"):
        assert data[name], name  # the fixture really exercises every record type


@pytest.mark.parametrize("raw", [
    "",
    "國務(wù)委員王勇出席大會,宣讀賀信。\n\n新华社北京1月2日电 大会在北京召开。",
    "<html><head><title>标题</title></head><body><p>国务委员王勇出席大会。</p></body></html>",
    "会议由省人民政府主办。".encode(),
])
def test_analyze_output_validates(validator, raw):
    data = json.loads(json.dumps(qtext.analyze(raw, id="x").to_dict(), ensure_ascii=False))
    assert [e.message for e in validator.iter_errors(data)] == []


def test_schema_rejects_a_wrong_shape(validator):
    data = rich_document().to_dict()
    data["officials"][0]["titles"] = ["副省长"]
    data["surprise"] = 1
    messages = sorted(e.message for e in validator.iter_errors(data))
    assert len(messages) == 2
    assert any(re.search("surprise", m) for m in messages)


def test_schema_keys_follow_the_records_to_dict():
    """Each record's to_dict() keys are exactly its schema object's properties."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    doc = rich_document()
    ex = doc.extraction
    samples = {"span": doc.sentences[0], "token": doc.tokens[0], "entity": ex.entities[0],
               "official_title": ex.officials[0].titles[0], "official": ex.officials[0],
               "organisation": ex.organisations[0], "place": ex.places[0], "date": ex.dates[0],
               "event": ex.events[0], "quote": ex.quotes[0], "dateline": doc.page.dateline,
               "summary": doc.summary}
    for name, record in samples.items():
        assert set(record.to_dict()) == set(schema["$defs"][name]["properties"]), name
