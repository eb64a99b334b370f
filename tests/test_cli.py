"""The ``qtext`` command: formats, inputs (files, folders, JSON Lines, stdin), failures, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import qtext
from qtext._cli import main

PAGE = "國務(wù)委員王勇出席大會,宣讀賀信。\n\n大會在上海召開。\n"
CLEAN = qtext.repair(PAGE).text


@pytest.fixture()
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "b.txt").write_text(PAGE, encoding="utf-8")
    (folder / "a.html").write_bytes("<html><body><p>国务委员王勇出席大会。</p></body></html>".encode())
    (folder / "c.txt").write_bytes("论坛在杭州开幕。".encode())
    (folder / "notes.md").write_text("not a page", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "d.txt").write_text("会议闭幕。", encoding="utf-8")
    return folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_repair_prints_the_clean_text(tmp_path: Path, capsys):
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert run(capsys, "repair", str(page)) == (0, CLEAN if CLEAN.endswith("\n") else CLEAN + "\n", "")


def test_repair_json_has_text_and_edits(tmp_path: Path, capsys):
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, out, _ = run(capsys, "repair", str(page), "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["id"] == str(page) and data["text"] == CLEAN and data["changed"] is True
    assert data["edits"] == [e.to_dict() for e in qtext.repair(PAGE.encode()).edits]


def test_segment_prints_words_separated_by_spaces(tmp_path: Path, capsys):
    page = tmp_path / "p.txt"
    page.write_text("国务委员王勇出席大会。\n大会开幕。", encoding="utf-8")
    code, out, _ = run(capsys, "segment", str(page))
    words = [t.text for t in qtext.segment("国务委员王勇出席大会。")]
    assert code == 0
    assert out.splitlines()[0] == " ".join(words)
    assert out.splitlines()[1].replace(" ", "") == "大会开幕。"
    code, out, _ = run(capsys, "segment", str(page), "--format", "json")
    assert json.loads(out)["tokens"][0] == qtext.segment("国务委员王勇出席大会。\n大会开幕。")[0].to_dict()


def test_analyze_json_of_one_file_is_one_object(tmp_path: Path, capsys):
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(page))
    expected = qtext.analyze(PAGE.encode(), id=str(page)).to_dict()
    assert code == 0 and json.loads(out) == expected


def test_folder_gives_its_pages_sorted_as_jsonl(pages: Path, capsys):
    code, out, err = run(capsys, "analyze", str(pages), "--format", "jsonl", "--no-tokens")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and err == ""
    assert [r["id"] for r in rows] == [str(pages / n) for n in ("a.html", "b.txt", "c.txt")]
    assert rows[2]["text"] == "论坛在杭州开幕。"
    assert rows[2]["tokens"] == []


def test_recursive_folder_and_json_array(pages: Path, capsys):
    code, out, _ = run(capsys, "analyze", str(pages), "-r", "--no-tokens")
    ids = [d["id"] for d in json.loads(out)]
    assert code == 0
    assert ids == [str(pages / n) for n in ("a.html", "b.txt", "c.txt", "sub/d.txt")]


def test_workers_give_the_same_output(pages: Path, capsys):
    _, serial, _ = run(capsys, "analyze", str(pages), "--format", "jsonl")
    code, pooled, _ = run(capsys, "analyze", str(pages), "--format", "jsonl", "--workers", "2")
    assert code == 0 and pooled == serial


def test_a_missing_file_is_reported_and_the_batch_goes_on(pages: Path, capsys):
    missing = pages / "nope.txt"
    code, out, err = run(capsys, "repair", str(missing), str(pages / "c.txt"))
    assert code == 1
    assert out == "论坛在杭州开幕。\n"
    assert err.splitlines() == [f"qtext: {missing}: FileNotFoundError: No such file or directory",
                                "qtext: 1 of 2 inputs failed"]


def test_jsonl_input_with_field_and_id_field(tmp_path: Path, capsys):
    src = tmp_path / "in.jsonl"
    lines = [{"key": "k1", "content": "國務委員王勇出席大會。"}, {"key": "k2", "title": "无正文"},
             "not json", {"content": "论坛开幕。"}]
    src.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines)
                   + "\n\n", encoding="utf-8")
    code, out, err = run(capsys, "summarize", str(src), "--field", "content", "--id-field", "key",
                         "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [r["id"] for r in rows] == ["k1", f"{src}:4"]
    assert rows[0]["summary"] == qtext.analyze("國務委員王勇出席大會。").summary.to_dict()
    assert err.splitlines()[0] == ("qtext: k2: InputError: record has no field 'content' "
                                   "(fields: key, title); choose one with --field")
    assert err.splitlines()[1].startswith(f"qtext: {src}:3: JSONDecodeError: ")
    assert err.splitlines()[2] == "qtext: 2 of 4 inputs failed"


def test_text_report_shows_the_sections(tmp_path: Path, capsys):
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(page), "--format", "text")
    doc = qtext.analyze(PAGE.encode(), id=str(page))
    assert code == 0
    assert out.splitlines()[0] == (doc.title or "(no title)")
    assert f"ID:        {page}" in out
    for heading in ("Summary", f"Officials ({len(doc.officials)})",
                    f"Organisations ({len(doc.organisations)})", f"Events ({len(doc.events)})"):
        assert heading in out.splitlines()


def test_html_output_is_a_page_with_every_document(pages: Path, tmp_path: Path, capsys):
    target = tmp_path / "view.html"
    code, out, _ = run(capsys, "analyze", str(pages), "--format", "html", "-o", str(target))
    html = target.read_text(encoding="utf-8")
    assert code == 0 and out == ""
    assert html.startswith("<!doctype html>") and html.rstrip().endswith("</body></html>")
    assert html.count('<article class="qtext-doc">') == 3


def test_html_is_only_for_analyze(capsys):
    code, _, err = run(capsys, "repair", "x.txt", "--format", "html")
    assert code == 2 and "--format html is for analyze" in err


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out == f"qtext {qtext.__version__}\n"
    with pytest.raises(SystemExit):
        main(["analyze", "--help"])
    out = capsys.readouterr().out
    assert "--workers N" in out and "examples:" in out and "--id-field NAME" in out


def test_no_progress_bar_when_stderr_is_not_a_terminal(pages: Path, capsys):
    _, _, err = run(capsys, "analyze", str(pages), "--format", "jsonl")
    assert "\r" not in err


def test_progress_bar_draws_on_a_terminal():
    import io

    from qtext._cli import _Progress

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    bar = _Progress(stream, total=4, enabled=True)
    for ok in (True, False, True, True):
        bar.step(ok)
    bar.close()
    last = stream.getvalue().split("\r")[-1]
    assert last.startswith("[" + "#" * 10) and " 4/4 " in last and "1 failed" in last and last.endswith("\n")


def _cli(*argv: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}  # output must be UTF-8 whatever the locale
    return subprocess.run([sys.executable, "-m", "qtext._cli", *argv], input=stdin, capture_output=True,
                          timeout=120, env=env, check=False)


def test_stdin_in_a_real_process():
    done = _cli("repair", "-", stdin="國務委員王勇".encode())
    assert done.returncode == 0
    assert done.stdout.decode("utf-8") == "国务委员王勇\n"
    assert done.stderr == b""


def test_exit_status_is_nonzero_when_an_input_fails_in_a_real_process(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text("大会开幕。", encoding="utf-8")
    done = _cli("segment", str(good), str(tmp_path / "missing.txt"))
    assert done.returncode == 1
    assert done.stdout.decode("utf-8").replace(" ", "") == "大会开幕。\n"
    assert b"missing.txt: FileNotFoundError" in done.stderr


def test_repair_and_segment_read_html_pages_to_text(tmp_path: Path, capsys):
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>标题</title><script>var x = 1;</script></head>"
                    "<body><p>國務委員王勇出席大會。</p></body></html>", encoding="utf-8")
    code, out, _ = run(capsys, "repair", str(page))
    assert code == 0
    assert "<" not in out and "var x" not in out
    assert "国务委员王勇出席大会。" in out
    code, out, _ = run(capsys, "segment", str(page))
    assert code == 0 and "<" not in out and "王勇" in out.split()


def test_no_input_on_a_terminal_is_a_usage_error(capsys, monkeypatch):
    import io

    class Tty(io.BytesIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Tty())
    code, out, err = run(capsys, "segment")
    assert (code, out) == (2, "")
    assert err.startswith("qtext segment: no input; give FILES, folders, or - to read standard input")
