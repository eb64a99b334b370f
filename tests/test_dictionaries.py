"""Checks over every ``dictionaries/*.tsv`` file, plus counts for the gazetteer dictionaries.

Generic rules (every file): ``#`` comment lines first, naming a source; one header line; rows
sorted by Python's default order of the full line; no repeated first-column key unless the
comments say ``keys repeat``; NFC text; every row has the header's number of tab-separated cells.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from qtext import _lexicon

DICT_DIR = Path(__file__).resolve().parent.parent / "dictionaries"
TSV_FILES = sorted(p.name for p in DICT_DIR.glob("*.tsv"))


def _parse(name: str) -> tuple[list[str], list[str], list[str]]:
    comments: list[str] = []
    header: list[str] = []
    rows: list[str] = []
    with (DICT_DIR / name).open(encoding="utf-8", newline="") as fh:
        for line in fh:
            assert line.endswith("\n") and not line.endswith("\r\n"), f"{name}: line endings must be \\n"
            line = line[:-1]
            if not header and line.startswith("#"):
                comments.append(line)
            elif not header:
                header = line.split("\t")
            else:
                rows.append(line)
    return comments, header, rows


def test_there_are_dictionaries() -> None:
    mine = {"places_cn.tsv", "places_cn_alias.tsv", "countries.tsv", "surnames.tsv", "translit_chars.tsv"}
    mine.add("idf.tsv")
    assert mine <= set(TSV_FILES)


@pytest.mark.parametrize("name", TSV_FILES)
def test_dictionary_is_described_in_the_readme(name: str) -> None:
    readme = (DICT_DIR / "README.md").read_text(encoding="utf-8")
    assert f"## {name}" in readme, f"dictionaries/README.md has no section for {name}"


@pytest.mark.parametrize("name", TSV_FILES)
def test_dictionary_has_comments_naming_a_source(name: str) -> None:
    comments, header, _ = _parse(name)
    assert comments, f"{name}: no # comment lines before the header"
    assert re.search(r"source", "\n".join(comments), re.IGNORECASE), f"{name}: comments name no source"
    assert header and all(header), f"{name}: missing or empty header cells"


@pytest.mark.parametrize("name", TSV_FILES)
def test_dictionary_rows_sorted_unique_nfc_and_rectangular(name: str) -> None:
    comments, header, rows = _parse(name)
    assert rows == sorted(rows), f"{name}: rows are not sorted"
    width = len(header)
    bad_width = [r for r in rows if len(r.split("\t")) != width]
    assert not bad_width, f"{name}: rows without {width} cells, e.g. {bad_width[:3]}"
    not_nfc = [r for r in rows if unicodedata.normalize("NFC", r) != r]
    assert not not_nfc, f"{name}: rows not in NFC, e.g. {not_nfc[:3]}"
    assert all(r.strip() for r in rows), f"{name}: blank rows"
    if "keys repeat" not in "\n".join(comments):
        keys = [r.split("\t", 1)[0] for r in rows]
        dupes = sorted(k for k, n in Counter(keys).items() if n > 1)
        assert not dupes, f"{name}: repeated keys {dupes[:5]}"


# --- places_cn.tsv ---------------------------------------------------------------------------


def test_places_have_34_provinces_333_prefectures_and_about_2850_counties() -> None:
    current = [p for p in _lexicon.places() if p.current]
    levels = [p.level for p in current]
    assert levels.count(1) == 34
    assert levels.count(2) == 333
    assert 2800 <= levels.count(3) <= 2900


def test_current_place_codes_are_unique_and_parents_exist() -> None:
    current = [p for p in _lexicon.places() if p.current]
    codes = [p.code for p in current]
    assert len(codes) == len(set(codes))
    all_codes = {p.code for p in _lexicon.places()}
    assert all(re.fullmatch(r"\d{6}", p.code) for p in _lexicon.places())
    assert all(p.parent == "" for p in current if p.level == 1)
    assert all(p.parent in set(codes) for p in current if p.level > 1)
    assert all(p.parent in all_codes for p in _lexicon.places() if p.level > 1 and p.parent)


def test_places_know_new_units_short_names_and_former_names() -> None:
    by_name = _lexicon.places_by_name()
    assert by_name["和安县"][0].current and by_name["错那市"][0].type == "县级市"
    assert by_name["白杨市"][0].current
    assert by_name["广西壮族自治区"][0].short == "广西"
    assert by_name["莫力达瓦达斡尔族自治旗"][0].short == "莫旗"
    assert by_name["涉县"][0].short == "涉县"  # never a one-character stem
    assert not by_name["莱芜市"][0].current and by_name["莱芜市"][0].valid_to.startswith("201")
    assert not by_name["襄樊市"][0].current and by_name["襄樊市"][0].valid_to == "2010"
    assert not any(p.current for p in by_name["郫县"])
    assert _lexicon.places_by_code()["110000"].name == "北京市"


def test_place_aliases_point_at_current_places() -> None:
    aliases = _lexicon.place_aliases()
    codes = _lexicon.places_by_code()
    abbrs = {a.alias for a in aliases if a.kind == "province_abbr"}
    assert len(abbrs) == 39 and set("京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔滇秦陇港澳台") <= abbrs
    for a in aliases:
        assert codes[a.code].name == a.name, a
        assert a.source
    assert {a.alias: a.name for a in aliases}["穗"] == "广州市"


# --- countries.tsv ---------------------------------------------------------------------------


def test_countries_have_iso_codes_capitals_and_context_only_abbreviations() -> None:
    countries = _lexicon.countries()
    assert 190 <= len(countries) <= 200
    isos = [c.iso for c in countries]
    assert all(re.fullmatch(r"[A-Z]{2}", i) for i in isos) and len(isos) == len(set(isos))
    assert _lexicon.country("乌兹别克斯坦").capital == "塔什干"  # type: ignore[union-attr]
    assert _lexicon.country("荷兰").iso == "NL"  # type: ignore[union-attr]
    assert _lexicon.country("马其顿").name == "北马其顿"  # type: ignore[union-attr]
    assert _lexicon.country("美利坚合众国").abbr == "美"  # type: ignore[union-attr]
    assert _lexicon.country("火星") is None
    comments, _, _ = _parse("countries.tsv")
    assert "CONTEXT-ONLY" in "\n".join(comments)


# --- world_cities.tsv ------------------------------------------------------------------------


def test_world_cities_name_their_country_and_leave_china_out() -> None:
    cities = _lexicon.world_cities()
    assert 450 <= len(cities) <= 650
    assert cities["基辅"].iso == "UA" and cities["基辅"].capital
    assert cities["纽约"].country == "美国" and not cities["纽约"].capital
    assert not any(c.iso in ("CN", "HK", "MO", "TW") for c in cities.values())
    assert "上海" not in cities


# --- surnames.tsv ----------------------------------------------------------------------------


def test_surnames_hold_baijiaxing_and_modern_top_100() -> None:
    rows = _lexicon.surnames()
    assert 500 <= len(rows) <= 510
    assert sum(1 for s in rows if len(s.surname) == 2) == 60
    ranks = sorted(s.rank for s in rows if s.rank is not None)
    assert ranks == list(range(1, 101))
    by = {s.surname: s for s in rows}
    assert by["王"].rank == 1 and by["欧阳"].rank is None and by["第五"].source == "baijiaxing"


# --- translit_chars.tsv ----------------------------------------------------------------------


def test_translit_chars_score_foreign_names_high_and_common_words_low() -> None:
    assert 400 <= len(_lexicon.translit_chars()) <= 600
    for name in ("米尔扎耶夫", "戴克斯玛", "威廉姆", "特洛伊", "米尔扎耶夫·阿齐兹"):
        assert _lexicon.translit_score(name) == 1.0, name
    for word in ("经济发展", "人民政府", "质量", "标准化", "我们", "会议", "今天", "工作"):
        assert _lexicon.translit_score(word) <= 0.25, word
    assert _lexicon.translit_score("abc") == 0.0


# --- idf.tsv ---------------------------------------------------------------------------------


def test_idf_is_jiebas_table_with_its_median() -> None:
    table = _lexicon.idf()
    assert 270_000 <= len(table) <= 270_200
    assert table["的"] == pytest.approx(0.8847, abs=1e-4)
    assert _lexicon.idf_median() == pytest.approx(11.9548, abs=1e-4)
    comments, header, _ = _parse("idf.tsv")
    assert header == ["word", "idf"] and "1.09 million" in "\n".join(comments)
