"""Config.user_dictionaries: your words in qtext's own tokenizer, per config, with clear errors."""

from __future__ import annotations

import math
import os
import pickle
import tempfile
import threading
from pathlib import Path

import jieba
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import qtext
from qtext import _segment
from qtext._resources import UserWord, read_user_dictionary, user_dictionary_key

# made-up names and words, so that qtext's own dictionaries cannot know them
TEXT = "建设质量强国，马小跳说青石岭的产品很好。"


def words(text: str, config: qtext.Config | None = None) -> list[str]:
    return [t.text for t in qtext.segment(text, config)]


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.fixture
def mine(tmp_path: Path) -> qtext.Config:
    f = write(tmp_path / "mine.txt", "# my words\n质量强国\n青石岭 ns\n")
    return qtext.Config(user_dictionaries=(str(f),))


def test_words_of_a_user_dictionary_change_segmentation(mine: qtext.Config) -> None:
    assert words(TEXT) == [
        "建设", "质量", "强国", "，", "马小跳", "说", "青石", "岭", "的", "产品", "很", "好", "。",
    ]
    tokens = qtext.segment(TEXT, mine)
    assert [t.text for t in tokens] == [
        "建设", "质量强国", "，", "马小跳", "说", "青石岭", "的", "产品", "很", "好", "。",
    ]
    assert [(t.text, t.pos) for t in tokens if t.text in ("质量强国", "青石岭")] == [
        ("质量强国", "n"), ("青石岭", "ns"),
    ]
    assert "".join(t.text for t in tokens) == TEXT


def test_a_place_tag_feeds_extraction(mine: qtext.Config) -> None:
    assert qtext.analyze(TEXT).extraction.places == ()
    places = qtext.analyze(TEXT, mine).extraction.places
    assert [(p.name, [(s.start, s.end) for s in p.mentions]) for p in places] == [("青石岭", [(11, 14)])]


def test_an_organisation_tag_feeds_extraction_without_a_suffix(tmp_path: Path) -> None:
    text = "记者看到蓝海星科技和华晨星光公司的工人。"
    f = write(tmp_path / "orgs.txt", "蓝海星科技 nt\n华晨星光 nt\n")
    before = [o.name for o in qtext.analyze(text).extraction.organisations]
    after = qtext.analyze(text, qtext.Config(user_dictionaries=(str(f),))).extraction.organisations
    assert before == ["华晨星光公司"]  # found by its suffix, with or without the user's word
    assert [(o.name, o.type, [(s.start, s.end) for s in o.mentions]) for o in after] == [
        ("蓝海星科技", "other", [(4, 9)]), ("华晨星光公司", "company", [(10, 16)]),
    ]


def test_default_results_unchanged_and_configs_do_not_leak(tmp_path: Path, mine: qtext.Config) -> None:
    before = qtext.segment(TEXT)
    other_file = write(tmp_path / "other.txt", "说青 100000 nz\n产品很好 5\n")
    other = qtext.Config(user_dictionaries=(str(other_file),))
    a = words(TEXT, mine)
    b = words(TEXT, other)
    assert a != b
    assert b == ["建设", "质量", "强国", "，", "马小跳", "说青", "石岭", "的", "产品很好", "。"]
    # interleaved calls: each config keeps its own words, the default config none of them
    assert words(TEXT, mine) == a and words(TEXT, other) == b
    assert qtext.segment(TEXT) == before
    assert qtext.analyze(TEXT).to_dict() == qtext.analyze(TEXT, qtext.Config()).to_dict()


def test_jieba_global_tokenizer_untouched(mine: qtext.Config) -> None:
    initialized = jieba.dt.initialized
    freq = jieba.dt.FREQ
    size = len(freq)
    qtext.segment(TEXT, mine)
    assert jieba.dt.initialized is initialized
    assert jieba.dt.FREQ is freq and len(freq) == size
    assert "质量强国" not in jieba.dt.FREQ and "青石岭" not in jieba.dt.user_word_tag_tab


def test_tokenizer_built_once_per_set_of_files_and_again_after_an_edit(tmp_path: Path) -> None:
    f = write(tmp_path / "a.txt", "质量强国\n")
    cfg = qtext.Config(user_dictionaries=(str(f),))
    same = qtext.Config(user_dictionaries=(Path(f),))  # another spelling of the same file
    m = _segment._get_model(cfg)
    assert _segment._get_model(same) is m
    assert _segment._get_model(qtext.Config()) is not m
    write(f, "质量强国\n青石岭 ns\n")
    os.utime(f, ns=(1, 1))
    m2 = _segment._get_model(cfg)
    assert m2 is not m and words("青石岭", cfg) == ["青石岭"]


def test_frequency_tag_and_removal_follow_jieba(tmp_path: Path) -> None:
    base = _segment._get_model(None)
    assert base.pf["质量"] <= 0.0 and "质量强国" not in base.pf
    f = write(tmp_path / "w.txt", "质量 0\n质量强国 100 nz\n大会 ns\n")
    m = _segment._get_model(qtext.Config(user_dictionaries=(str(f),)))
    assert m.pf["质量"] == 1.0  # frequency 0: no longer a word, still the prefix of 质量强国
    assert m.pf["质量强国"] == pytest.approx(math.log(100) + base.min_logp)  # log(100 / total)
    assert m.tags["质量强国"] == "nz" and m.tags["大会"] == "ns"
    assert m.pf["质量强"] == 1.0
    assert base.pf["质量"] <= 0.0 and "质量强国" not in base.pf  # the shared model is not changed


def test_a_word_without_frequency_just_stays_whole(tmp_path: Path) -> None:
    f = write(tmp_path / "w.txt", "王小明 nr\n")
    cfg = qtext.Config(user_dictionaries=(str(f),))
    assert [(t.text, t.pos) for t in qtext.segment("王小明说", cfg)] == [("王小明", "nr"), ("说", "v")]
    # a better-attested neighbour still wins, as with jieba's suggest_freq
    assert words("国务委员会议", cfg) == words("国务委员会议")


def test_file_format_comments_tabs_bom_crlf(tmp_path: Path) -> None:
    f = tmp_path / "w.txt"
    f.write_bytes("\ufeff# 注释\r\n质量强国\t8\tnz\r\n\r\n  青石岭   ns  \r\nC++ 3\n質量 5".encode())
    assert read_user_dictionary(f) == (
        UserWord("质量强国", 8, "nz", 2),
        UserWord("青石岭", None, "ns", 4),
        UserWord("C++", 3, None, 5),
        UserWord("質量", 5, None, 6),
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("质量 强国 8 nz", "4 fields (a word may not contain spaces)"),
        ("质量强国 x8", "'x8' is neither a frequency (a whole number) nor a tag"),
        ("质量强国 8 NZ", "'NZ' is not a tag"),
        ("质量强国 nz 8", "'8' after the tag (the frequency comes before the tag)"),
        ("质量，强国", "word '质量，强国' has characters that never join a word ('，')"),
        ("质" * 33, "word '质质质质质质质质质质质质'… is 33 characters long (at most 32)"),
        ("质量强国 99999999999", "frequency 99999999999 is too large"),
    ],
)
def test_malformed_line_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    f = write(tmp_path / "bad.txt", f"# ok\n质量强国\n{line}\n")
    cfg = qtext.Config(user_dictionaries=(str(f),))
    with pytest.raises(qtext.DictionaryError) as exc:
        qtext.segment(TEXT, cfg)
    assert str(exc.value).startswith(f"{f}:3: {message}")
    assert "expected 'word [frequency] [tag]'" in str(exc.value)
    with pytest.raises(qtext.QtextError):
        qtext.analyze(TEXT, cfg)


def test_not_utf8_names_file_line_and_byte(tmp_path: Path) -> None:
    f = tmp_path / "gbk.txt"
    f.write_bytes("质量强国\n".encode() + "青石岭 ns\n".encode("gbk"))
    with pytest.raises(qtext.DictionaryError, match=r"gbk\.txt:2: not UTF-8 \(byte 0xc7 at column 1\)"):
        qtext.segment(TEXT, qtext.Config(user_dictionaries=(str(f),)))


def test_missing_file_or_folder_is_a_dictionary_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(qtext.DictionaryError) as exc:
        qtext.segment(TEXT, qtext.Config(user_dictionaries=(str(missing),)))
    assert str(exc.value) == (
        f"user dictionary {missing}: cannot read it (No such file or directory); "
        "check the path in Config.user_dictionaries"
    )
    with pytest.raises(qtext.DictionaryError, match="not a regular file"):
        qtext.segment(TEXT, qtext.Config(user_dictionaries=(str(tmp_path),)))


def test_one_path_counts_as_one_file_and_other_types_are_input_errors(tmp_path: Path) -> None:
    f = write(tmp_path / "w.txt", "质量强国\n")
    key = user_dictionary_key((str(f),))
    assert user_dictionary_key(str(f)) == key == user_dictionary_key([f])
    assert key[0][0] == os.path.realpath(f) and key[0][1] == len("质量强国\n".encode())
    with pytest.raises(qtext.InputError, match="expects file paths"):
        user_dictionary_key((str(f), 3))
    with pytest.raises(TypeError, match="expects a tuple of file paths"):
        user_dictionary_key(None)


def test_config_with_user_dictionaries_pickles_for_worker_processes(mine: qtext.Config) -> None:
    again = pickle.loads(pickle.dumps(mine))
    assert again == mine and words(TEXT, again) == words(TEXT, mine)


def test_threads_share_one_tokenizer_per_dictionary_set(tmp_path: Path, mine: qtext.Config) -> None:
    other = qtext.Config(user_dictionaries=(str(write(tmp_path / "o.txt", "说青 100000 nz\n")),))
    configs = (mine, other, qtext.Config())
    expected = {id(c): words(TEXT, c) for c in configs}
    results: list[bool] = []

    def work(cfg: qtext.Config) -> None:
        results.append(all(words(TEXT, cfg) == expected[id(cfg)] for _ in range(20)))

    threads = [threading.Thread(target=work, args=(c,)) for c in configs * 3]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True] * 9


def test_word_characters_are_those_jieba_keeps_together() -> None:
    from qtext._resources import _WORD_RE

    for c in map(chr, range(0x10000)):
        if not 0xD800 <= ord(c) < 0xE000:
            assert bool(_WORD_RE.fullmatch(c)) == bool(jieba.re_han_default.fullmatch(c)), hex(ord(c))


def test_cli_user_dict_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from qtext._cli import main

    page = write(tmp_path / "page.txt", "建设质量强国，来到青石岭。\n")
    mine = write(tmp_path / "mine.txt", "质量强国\n青石岭 ns\n")
    more = write(tmp_path / "more.txt", "来到青 100000\n")
    assert main(["segment", str(page), "--no-progress"]) == 0
    assert capsys.readouterr().out == "建设 质量 强国 ， 来到 青石 岭 。\n"
    assert main(["segment", str(page), "--no-progress", "--user-dict", str(mine)]) == 0
    assert capsys.readouterr().out == "建设 质量强国 ， 来到 青石岭 。\n"
    both = ["--user-dict", str(mine), "--user-dict", str(more)]
    assert main(["segment", str(page), "--no-progress", *both]) == 0
    assert capsys.readouterr().out == "建设 质量强国 ， 来到青 石岭 。\n"
    bad = write(tmp_path / "bad.txt", "质量强国 8 NZ\n")
    assert main(["analyze", str(page), "--no-progress", "--user-dict", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith(f"qtext: {bad}:1: 'NZ' is not a tag")


def test_analyze_many_raises_once_for_a_bad_user_dictionary(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.txt", "质量强国\n质量 强国 8 nz\n")
    cfg = qtext.Config(user_dictionaries=(str(bad),))
    with pytest.raises(qtext.DictionaryError, match=r"bad\.txt:2: 4 fields"):
        list(qtext.analyze_many([TEXT, TEXT], config=cfg))
    good = qtext.Config(user_dictionaries=(str(write(tmp_path / "good.txt", "青石岭 ns\n")),))
    docs = list(qtext.analyze_many([TEXT, ("b", TEXT)], config=good))
    assert [d.extraction.places[0].name for d in docs] == ["青石岭", "青石岭"]  # type: ignore[union-attr]


# --- any file: words that rebuild the text, or one DictionaryError with file:line ---------------

_PIECES = st.sampled_from(
    ["质量", "强国", "青石岭", "马", "说", "a", "C++", "3.5", "#", "，", "質", "😀", "\u0301", " ", "\t",
     "  ", "0", "7", "100000", "99999999999", "nr", "ns", "nt", "NZ", "x3", "\r", "\ufeff"]
)
_LINES = st.lists(st.lists(_PIECES, max_size=6).map("".join), max_size=8).map("\n".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=_LINES,
    noise=st.binary(max_size=8),
    at=st.integers(min_value=0, max_value=200),
    sample=st.lists(_PIECES, min_size=1, max_size=12).map("".join),
)
def test_any_file_gives_words_that_keep_segmentation_exact_or_a_located_error(
    text: str, noise: bytes, at: int, sample: str
) -> None:
    data = text.encode("utf-8")
    data = data[:at] + noise + data[at:]
    with tempfile.TemporaryDirectory() as d:
        f = Path(d, "w.txt")
        f.write_bytes(data)
        try:
            entries = read_user_dictionary(f)
        except qtext.DictionaryError as exc:
            message = str(exc)
            assert message.startswith(f"{f}:")
            line = int(message[len(str(f)) + 1 :].split(":", 1)[0])
            assert 1 <= line <= data.count(b"\n") + 1
            return
        assert [e.line for e in entries] == sorted({e.line for e in entries})
        for e in entries:
            assert 1 <= len(e.word) <= 32 and not any(c.isspace() for c in e.word)
            assert e.freq is None or 0 <= e.freq <= 10**9
            assert e.tag is None or (e.tag.isascii() and e.tag.isalpha() and e.tag.islower())
        cfg = qtext.Config(user_dictionaries=(str(f),))
        page = sample + "".join(e.word for e in entries[:5]) + sample
        tokens = qtext.segment(page, cfg)
        assert "".join(t.text for t in tokens) == page
        assert all(page[t.start : t.end] == t.text for t in tokens)


def test_worker_processes_use_the_user_dictionaries_of_the_config(mine: qtext.Config) -> None:
    pages = [TEXT, ("b", "记者来到青石岭。")]
    serial = [d.to_dict() for d in qtext.analyze_many(pages, config=mine)]  # type: ignore[union-attr]
    pooled = [d.to_dict() for d in qtext.analyze_many(pages, workers=2, config=mine)]  # type: ignore[union-attr]
    assert pooled == serial
    assert [p["name"] for p in serial[1]["places"]] == ["青石岭"]


def test_home_folder_in_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    write(tmp_path / "w.txt", "质量强国\n")
    assert user_dictionary_key("~/w.txt") == user_dictionary_key(tmp_path / "w.txt")
    assert words("建设质量强国", qtext.Config(user_dictionaries=("~/w.txt",))) == ["建设", "质量强国"]
