"""Golden repair cases: every ``tests/cases/repair_*.json`` file, one test per case.

Each file is a list of ``{"kind", "damaged", "clean", "note"}`` objects; ``"xfail": true`` marks a
known failure, which is reported (strictly) when it starts passing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import qtext

CASES_DIR = Path(__file__).parent / "cases"


def _load() -> list[pytest.param]:  # type: ignore[valid-type]
    params = []
    for path in sorted(CASES_DIR.glob("repair_*.json")):
        for k, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            marks = [pytest.mark.xfail(reason=case.get("note", ""), strict=True)] if case.get("xfail") else []
            params.append(pytest.param(case, id=f"{path.stem}-{k}-{case['kind']}", marks=marks))
    return params


def test_case_files_are_well_formed():
    files = sorted(CASES_DIR.glob("repair_*.json"))
    assert files
    for path in files:
        cases = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(cases, list) and cases
        for case in cases:
            assert {"kind", "damaged", "clean", "note"} <= set(case), (path.name, case)
            assert set(case) <= {"kind", "damaged", "clean", "note", "xfail"}, (path.name, case)


@pytest.mark.parametrize("case", _load())
def test_repair_case(case):
    assert qtext.repair(case["damaged"]).text == case["clean"]
