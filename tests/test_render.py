"""The HTML views: notebook fragment, self-contained page, and what a browser shows of it."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from _rich_doc import TEXT, rich_document

import qtext
from qtext import Document, Entity, Extraction, Page, Repair, Span
from qtext._render import LABELS, render_fragment


def test_fragment_marks_each_entity_with_its_label_and_colour():
    html = rich_document()._repr_html_()
    pattern = r'<mark class="q-(\w+)" style="background:(#\w+);[^"]*" title="[^"]*">([^<]*)</mark>'
    marks = re.findall(pattern, html)
    assert [(lab, text) for lab, _, text in marks] == [
        ("event", "第五届西湖数字论坛"), ("date", "8日"), ("place", "杭州"), ("title", "浙江省副省长"),
        ("person", "李华"), ("org", "浙江省人民政府"), ("document", "《数字经济促进条例》"),
    ]
    assert {lab: colour for lab, colour, _ in marks}["person"] == LABELS["PERSON"][1]


def test_fragment_shows_title_metadata_summary_legend_and_records():
    html = render_fragment(rich_document())
    assert "<h2>第五届西湖数字论坛开幕</h2>" in html
    assert "<dt>Published</dt><dd>2021-03-08</dd>" in html
    assert "<dt>Dateline</dt><dd>本报 杭州 2021-03-08</dd>" in html
    assert '<section class="q-card"><h3>Summary</h3>' in html
    assert "<tr><th>Who</th><td>李华</td></tr>" in html
    assert "<li>浙江省副省长李华出席开幕式并致辞。</li>" in html
    for label in LABELS:
        assert f">{label} · " in html
    assert "PERSON · official / person (1)</span>" in html
    assert "<li><b>李华</b> — 浙江省副省长</li>" in html
    assert "<b>浙江省人民政府</b> (浙江省政府)" in html


def test_everything_from_the_document_is_escaped():
    text = "<script>alert(1)</script>王勇&amp;"
    doc = Document(text=text, repair=Repair(text, text),
                   page=Page(title="<b>标题</b>", paragraphs=(Span(text, 0, len(text)),), url='x" onload="y'),
                   extraction=Extraction(entities=(Entity("王勇", "PERSON", 25, 27),)))
    html = qtext.render_html(doc)
    assert "<script" not in html and "<b>标题" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp;amp;" in html
    assert 'href="x&quot; onload=&quot;y"' in html
    assert ">王勇</mark>" in html


def test_overlapping_and_out_of_range_mentions_are_dropped_not_fatal():
    text = "浙江省人民政府主办"
    ents = (Entity("浙江省", "PLACE", 0, 3), Entity("浙江省人民政府", "ORG", 0, 7),
            Entity("政府主办", "EVENT", 5, 9), Entity("坏", "DATE", 8, 40))
    doc = Document(text=text, repair=Repair(text, text), page=Page(paragraphs=(Span(text, 0, 9),)),
                   extraction=Extraction(entities=ents))
    body = re.search(r'<div class="q-body">(.*?)</div>', render_fragment(doc)).group(1)
    assert re.sub(r"<mark[^>]*>", "[", body).replace("</mark>", "]") == "<p>[浙江省人民政府]主办</p>"


def test_empty_document_renders_placeholders():
    doc = Document(text="", repair=Repair("", ""), page=Page())
    html = render_fragment(doc)
    assert "(no title)" in html and "No body text." in html and "No summary." in html


def test_page_is_self_contained():
    page = qtext.render_html(rich_document())
    assert page.startswith("<!doctype html>")
    assert '<meta charset="utf-8">' in page
    assert "<title>第五届西湖数字论坛开幕</title>" in page
    assert not re.search(r"<(script|link|img|iframe)\b", page)
    assert "@import" not in page and "url(" not in page


def test_analyzed_document_renders():
    doc = qtext.analyze("国务委员王勇出席大会。", id="x")
    html = doc._repr_html_()
    assert "<dt>ID</dt><dd>x</dd>" in html
    assert "国务委员" in html


# --- in a real browser ---------------------------------------------------------------------
def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


def _png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA, non-interlaced PNG with the standard library: (w, h, rows)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and colour in (2, 6) and interlace == 0
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line) if bpp == 3 else bytes(v for k, v in enumerate(line) if k % 4 != 3))
        prev = line
    return width, height, rows


def test_browser_shows_the_highlights(tmp_path: Path):
    chromium = _chromium()
    if chromium is None:
        pytest.skip("chromium not found (install it: apt-get install -y chromium)")
    page = tmp_path / "doc.html"
    page.write_text(qtext.render_html(rich_document()), encoding="utf-8")
    shot = tmp_path / "doc.png"
    profile = tmp_path / "profile"
    profile.mkdir()
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", f"--screenshot={shot}", "--window-size=1200,1600",
           "--hide-scrollbars", page.as_uri()]
    subprocess.run(cmd, capture_output=True, timeout=120, check=False, cwd=tmp_path,
                   env={**os.environ, "HOME": str(tmp_path)})
    assert shot.exists(), "chromium wrote no screenshot"
    data = shot.read_bytes()
    assert len(data) > 20_000
    width, height, rows = _png_pixels(data)
    assert (width, height) == (1200, 1600)
    colours = {row[i:i + 3] for row in rows[::4] for i in range(0, len(row), 12)}
    assert len(colours) >= 20
    wanted = {bytes.fromhex(LABELS[lab][1][1:]) for lab in LABELS}
    assert wanted <= colours, f"highlight colours missing: {[c.hex() for c in wanted - colours]}"


def test_text_of_fixture_is_consistent():
    assert TEXT.count("\n") == 1


def test_example_notebook_runs():
    import json

    pytest.importorskip("pandas")
    nb_path = Path(__file__).resolve().parent.parent / "docs" / "examples" / "quickstart.ipynb"
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4
    namespace: dict = {}
    cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    for source in cells:
        exec(compile(source, str(nb_path), "exec"), namespace)
    assert namespace["doc"].id == "example-1"
    assert [type(d).__name__ for d in namespace["docs"]] == ["Document", "Document", "Failure"]
    assert namespace["html"].startswith("<!doctype html>")


def test_highlighting_never_changes_drops_or_repeats_text():
    import html as htmllib

    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("王勇出席大会。<>&\"' \n国务委员abc"))
    labels = st.sampled_from([*sorted(LABELS), "OTHER"])

    @settings(max_examples=150, deadline=None)
    @given(st.text(alphabet, min_size=1, max_size=40),
           st.lists(st.tuples(st.integers(-2, 45), st.integers(-2, 45), labels), max_size=12))
    def check(text: str, raw_spans: list[tuple[int, int, str]]) -> None:
        ents = tuple(Entity(text[max(s, 0):max(e, 0)], lab, s, e) for s, e, lab in raw_spans)
        cut = len(text) // 2
        paragraphs = (Span(text[:cut], 0, cut), Span(text[cut:], cut, len(text)))
        doc = Document(text=text, repair=Repair(text, text), page=Page(paragraphs=paragraphs),
                       extraction=Extraction(entities=ents))
        body = re.search(r'<div class="q-body">(.*)</div>', render_fragment(doc), re.S).group(1)
        shown = [htmllib.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p>(.*?)</p>", body, re.S)]
        assert shown == [p.text for p in paragraphs]
        assert body.count("<mark") == body.count("</mark>")

    check()
