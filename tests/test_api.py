"""The public API's shape: verbs, frozen results, typed errors."""

import dataclasses
import pickle

import pytest

import qtext


def test_public_names_are_exported():
    names = ("repair", "segment", "analyze", "Config", "RepairConfig", "Repair", "Document", "QtextError")
    for name in names:
        assert name in qtext.__all__
        assert hasattr(qtext, name)


def test_repair_rejects_non_text_with_typed_error():
    with pytest.raises(qtext.InputError, match="expects str or bytes"):
        qtext.repair(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        qtext.analyze(None)  # type: ignore[arg-type]


def test_results_and_config_are_frozen_and_pickle():
    r = qtext.repair("干净的文本。")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.text = "x"  # type: ignore[misc]
    cfg = qtext.Config(repair=qtext.RepairConfig(ruby=False))
    assert pickle.loads(pickle.dumps(cfg)) == cfg
    doc = qtext.analyze("国务委员王勇出席大会。")
    assert pickle.loads(pickle.dumps(doc)).to_dict() == doc.to_dict()


def test_to_dict_is_versioned_json():
    import json

    d = qtext.analyze("国务委员王勇出席大会。").to_dict()
    assert d["schema"] == "qtext.document/1"
    json.dumps(d, ensure_ascii=False)


def test_document_tokens_are_compact_and_slice_back_to_the_text():
    doc = qtext.analyze("国务委员王勇出席大会。质检总局局长支树平主持。")
    toks = doc.tokens
    assert "".join(t.text for t in toks) == doc.text
    assert all(doc.text[t.start:t.end] == t.text for t in toks)
    assert toks[-1] == list(toks)[-1] and list(toks[1:3]) == list(toks)[1:3]
    back = pickle.loads(pickle.dumps(doc))
    assert back.tokens == toks and back == doc
    assert len(pickle.dumps(toks)) < 40 * len(toks)  # offsets and shared tags, not one object each
