"""Nothing is lost: every Han character of the raw input is in the clean text (possibly converted)
inside a part the page accounts for (body, title, metadata or dropped with a reason), or lies
inside a repair edit that names its step; for HTML, every Han character of the markup's text is
in the page text or in an element the reader took out and reported (``Page.removed``).

Checked on small fixtures of each damage kind, on generated damage (hypothesis) and, when the
shared evaluation data sits next to the repository (``../shared``), on the dev pages.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import qtext
from qtext._document import DROP_REASONS, Document

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
BLANK = frozenset(" \t\r\n\f\v\u3000\xa0\ufeff\u200b\u200c\u200d\u2060")
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def unaccounted(doc: Document) -> list[tuple[str, int, str]]:
    """``(problem, raw offset, character)`` for every raw Han character the document loses."""
    rep, text = doc.repair, doc.text
    problems: list[tuple[str, int, str]] = []
    # the account: parts in order, not overlapping, inside the text, only white space between
    part: list[str | None] = [None] * len(text)
    last = 0
    for start, end, name in doc.account():
        assert name == "body" or name in DROP_REASONS, name
        assert last <= start < end <= len(text), (start, end)
        part[start:end] = [name] * (end - start)
        last = end
    problems += [("outside every part", k, c) for k, c in enumerate(text) if part[k] is None
                 and c not in BLANK and not c.isspace()]
    for d in doc.page.dropped:
        assert text[d.start:d.end] == d.text and d.reason in DROP_REASONS, d
    # raw Han characters: inside an edit, or carried unchanged into an accounted part
    edited = [0] * (len(rep.raw) + 1)
    for e in rep.edits:
        assert e.step and e.raw_start <= e.raw_end, e
        edited[e.raw_start] += 1
        edited[e.raw_end] -= 1
    depth = 0
    for i, c in enumerate(rep.raw):
        depth += edited[i]
        if depth > 0 or not HAN.match(c):
            continue
        j = rep.to_clean(i)
        if j >= len(text) or text[j] != c:
            problems.append(("changed without an edit", i, c))
        elif part[j] is None:
            problems.append(("not in any part", i, c))
    return problems


def html_balance(markup: str, doc: Document) -> tuple[Counter[str], Counter[str]]:
    """(Han characters of the markup's text missing from page text + removed elements, extra ones)."""
    import lxml.html

    want = Counter(HAN.findall(lxml.html.document_fromstring(markup).text_content()))
    got = Counter(HAN.findall(doc.repair.raw))
    for r in doc.page.removed:
        assert r.reason in DROP_REASONS, r
        got.update(HAN.findall(r.text))
    return want - got, got - want


# -- fixtures, one per damage kind ------------------------------------------------------------------

PORTAL = (
    "示例新闻网 http://www.example.cn/\n"
    "首页 | 新闻 | 财经 | 体育 | 图片\n"
    "当前位置：首页 > 新闻 > 正文\n\n"
    "省政府召开常务会议\n\n"
    "发布时间：2019-10-02 来源：新华社 浏览：25\n\n"
    "　　新华社北京10月1日电 省政府1日召开常务会议，研究部署经济工作。\n"
    "　　会议指出，要加强合作，推动发展。\n"
    "分享到：\n"
    "责任编辑：王五\n"
    "秋粮收购工作全面展开\n"
    "版权所有 示例新闻网\n"
)


def test_a_portal_page_says_why_each_line_is_not_body():
    doc = qtext.analyze(PORTAL)
    assert [(d.text, d.reason) for d in doc.page.dropped] == [
        ("示例新闻网 http://www.example.cn/", "metadata"),
        ("首页 | 新闻 | 财经 | 体育 | 图片", "navigation"),
        ("当前位置：首页 > 新闻 > 正文", "navigation"),
        ("省政府召开常务会议", "title"),
        ("发布时间：2019-10-02 来源：新华社 浏览：25", "metadata"),
        ("分享到：", "boilerplate"),
        ("责任编辑：王五", "metadata"),
        ("秋粮收购工作全面展开", "footer"),
        ("版权所有 示例新闻网", "boilerplate"),
    ]
    assert [name for _, _, name in doc.account()].count("body") == 2
    assert unaccounted(doc) == []


DAMAGED = {
    "traditional": "國務院總理出席會議並發表講話。\n\n　　會議指出，要堅持發展。",
    "ruby": "質(zhì)量是企業的生命(mìng)。提高產(chǎn)品質(zhì)量。",
    "mojibake utf-8 read as gbk": "国务院召开常务会议，研究部署经济工作。".encode().decode("gbk", "replace"),
    "mojibake gbk read as latin-1": "北京市发展经济，推动改革。".encode("gbk").decode("latin-1"),
    "html entities and stray tags": "大会&nbsp;在<b>北京</b>召开&amp;闭幕。<br/>代表&#20204;出席。</p>",
    "typesetting": "ＡＢＣ公司 , 今天发布 : 新产品 !  记者 王勇 报道 .",
    "lost characters": "会议由?国务院?召开，约翰?史密斯出席。",
    "header and footer text": ("网站导航\n热点专题\n\n　　大会今天在北京召开，代表们出席了会议。\n"
                               "　　会议指出，要加强合作。\n上一篇：某某新闻\n下一篇：另一条新闻\n（完）"),
    "no body": "首页 | 新闻 | 财经\n来源：新华社",
    "empty": "",
}


@pytest.mark.parametrize("kind", sorted(DAMAGED))
def test_no_han_character_is_lost_in_damaged_text(kind):
    assert unaccounted(qtext.analyze(DAMAGED[kind])) == []


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "big5", "utf-16"])
def test_no_han_character_is_lost_in_encoded_bytes(encoding):
    page = "國務院總理出席會議。\n来源：新华社\n\n　　大会今天在北京召开，代表们出席了会议。"
    raw = page.encode(encoding, "replace")
    doc = qtext.analyze(raw)
    assert unaccounted(doc) == []
    assert HAN.findall(doc.repair.raw)  # the bytes were decoded to Chinese, not to noise


HTML = (
    "<html><head><title>大会召开_示例网</title><style>.a{}</style></head><body>"
    "<nav><a href='/'>首页</a><a href='/n'>新闻</a></nav>"
    "<div class='share-box'>分享到微信</div>"
    "<h1>大会召开</h1>"
    "<p>大会今天在北京召开，<ruby>質<rt>zhì</rt></ruby>量代表们出席了会议。</p>"
    "<p>会议指出，要加强合作，推动發展。</p>"
    "<script>var s = '评论加载中';</script>"
    "<footer>版权所有 示例网</footer></body></html>"
)


def test_html_reader_reports_each_element_it_takes_out():
    doc = qtext.analyze(HTML)
    # the <rt> pinyin holds no Han character, so it is not on record
    assert [(r.reason, r.text) for r in doc.page.removed] == [
        ("metadata", "大会召开_示例网.a{}"),
        ("navigation", "首页新闻"),
        ("markup", "var s = '评论加载中';"),
        ("footer", "版权所有 示例网"),
        ("boilerplate", "分享到微信"),
    ]
    assert html_balance(HTML, doc) == (Counter(), Counter())
    assert unaccounted(doc) == []
    assert doc.paragraphs == ("大会今天在北京召开，质量代表们出席了会议。",
                              "会议指出，要加强合作，推动发展。")


def test_html_balance_sees_a_character_the_reader_loses():
    """The HTML check is not vacuous: a removed element left off the record shows up."""
    doc = qtext.analyze(HTML)
    import dataclasses

    page = dataclasses.replace(doc.page, removed=doc.page.removed[:1] + doc.page.removed[2:])
    missing, extra = html_balance(HTML, dataclasses.replace(doc, page=page))
    assert missing == Counter("首页新闻") and extra == Counter()


def test_the_text_check_sees_a_line_the_reader_loses():
    doc = qtext.analyze(PORTAL)
    import dataclasses

    page = dataclasses.replace(doc.page, dropped=tuple(d for d in doc.page.dropped if d.reason != "footer"))
    lost = unaccounted(dataclasses.replace(doc, page=page))
    assert "".join(c for problem, _, c in lost if problem == "outside every part") == "秋粮收购工作全面展开"
    assert "".join(c for problem, _, c in lost if problem == "not in any part") == "秋粮收购工作全面展开"


# -- generated damage ---------------------------------------------------------------------------

_WORDS = ("国务院", "會議", "經濟", "发展", "北京", "记者", "王勇", "出席", "質(zhì)量", "生命(mìng)",
          "發表講話", "合作", "改革", "约翰?史密斯", "𠀀", "〇")
_MARKUP = ("<p>", "</p>", "<b>", "</div>", "<br/>", "&amp;", "&nbsp;", "&#20013;", "&lt;", "<a href='x'>")
_LINES = ("来源：新华社", "首页 | 新闻 | 财经 | 体育", "分享到：", "当前位置：首页 > 新闻", "责任编辑：王五",
          "http://www.example.cn/", "发布时间：2019-10-02", "版权所有 示例网", "（完）", "相关新闻")
_PUNCT = ("，", "。", ",", ".", " ", "  ", "\n", "\n\n", "\n　　", "！", ":", "(", ")", "?")
_MOJIBAKE = st.sampled_from(_WORDS).map(lambda w: w.encode("utf-8").decode("gbk", "replace"))
_LATIN1 = st.sampled_from(_WORDS).map(lambda w: w.encode("gb18030").decode("latin-1"))
_NOISE = st.text(st.characters(codec="utf-8"), max_size=4)
_PIECE = st.one_of(
    st.sampled_from(_WORDS), st.sampled_from(_WORDS), st.sampled_from(_PUNCT), st.sampled_from(_PUNCT),
    st.sampled_from(_MARKUP), st.sampled_from(_LINES).map(lambda s: f"\n{s}\n"), _MOJIBAKE, _LATIN1, _NOISE,
)
PAGES = st.lists(_PIECE, max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGES, st.sampled_from([None, "utf-8", "gb18030"]))
def test_no_han_character_is_lost_in_generated_damage(page, encoding):
    raw: str | bytes = page if encoding is None else page.encode(encoding, "replace")
    assert unaccounted(qtext.analyze(raw)) == []


_BLOCKS = st.sampled_from((
    "<nav>{}</nav>", "<footer>{}</footer>", "<script>var s='{}';</script>", "<div class='share'>{}</div>",
    "<ul><li><a href='1'>{}</a></li><li><a href='2'>{}</a></li><li><a href='3'>{}</a></li></ul>",
    "<p>{}</p>", "<div>{}</div>", "<h1>{}</h1>", "<ruby>{}<rt>zhì</rt></ruby>", "<aside>{}</aside>",
    "<p>{}<br>{}</p>", "<table><tr><td>{}</td><td>{}</td></tr></table>", "<button>{}</button>",
))

_WRAPPERS = st.sampled_from((
    "<footer>{}</footer>", "<nav>{}</nav>", "<div class='footer'>{}</div>",
    "<div class='article-content'>{}</div>", "<div id='sidebar'><ul>{}</ul></div>",
    "<noscript>{}</noscript>", "<section>{}</section>",
))


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    blocks = []
    for block in draw(st.lists(_BLOCKS, min_size=1, max_size=8)):
        fills = [draw(PAGES.filter(lambda s: "<" not in s)) for _ in range(block.count("{}"))]
        blocks.append(block.format(*fills))
    # nesting: a run of blocks wrapped in a furniture or content box (a nav inside a footer …)
    for wrapper in draw(st.lists(_WRAPPERS, max_size=3)):
        i = draw(st.integers(0, len(blocks) - 1))
        j = draw(st.integers(i + 1, len(blocks)))
        blocks[i:j] = [wrapper.format("".join(blocks[i:j]))]
    title = draw(st.sampled_from(_WORDS))
    return f"<html><head><title>{title}</title></head><body>{''.join(blocks)}</body></html>"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_pages())
def test_no_han_character_is_lost_in_generated_html(markup):
    doc = qtext.analyze(markup)
    assert html_balance(markup, doc) == (Counter(), Counter())
    assert unaccounted(doc) == []


# -- the dev pages ------------------------------------------------------------------------------

def _shared(folder: str, pattern: str) -> list[Path]:
    found = sorted((SHARED / folder).glob(pattern))
    if not found:
        pytest.skip(f"no {folder}/{pattern} under {SHARED} (the shared evaluation data is not here)")
    return found


def test_no_han_character_is_lost_on_the_dev_pages():
    lost = {}
    for k, path in enumerate(_shared("pages_dev", "*.txt")):
        data = path.read_bytes()
        # every page as text; every fourth also as GB18030 bytes (the decoder's path)
        for raw in (data.decode("utf-8"), data.decode("utf-8").encode("gb18030"))[: 2 if k % 4 == 0 else 1]:
            problems = unaccounted(qtext.analyze(raw))
            if problems:
                lost[(path.name, type(raw).__name__)] = problems[:5]
    assert lost == {}


def test_no_han_character_is_lost_on_the_damaged_pages():
    lost = {path.name: p[:5] for path in _shared("damaged_pages", "*.txt")
            if (p := unaccounted(qtext.analyze(path.read_bytes())))}
    assert lost == {}


def test_no_han_character_is_lost_on_the_dev_html_pages():
    lost = {}
    for path in _shared("html_dev", "*.html"):
        markup = path.read_text(encoding="utf-8", errors="replace")
        doc = qtext.analyze(markup)
        missing, extra = html_balance(markup, doc)
        if missing or extra or unaccounted(doc):
            lost[path.name] = (sum(missing.values()), sum(extra.values()), unaccounted(doc)[:5])
        assert {r.reason for r in doc.page.removed} <= set(DROP_REASONS)
    assert lost == {}


FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.mark.parametrize("name", ["read_gbk_page.html", "read_ruby_page.html", "read_portal_page.txt"])
def test_no_han_character_is_lost_on_the_reader_fixtures(name):
    """The reader tests' own pages (always here, unlike ../shared), read from their bytes."""
    data = (FIXTURES / name).read_bytes()
    doc = qtext.analyze(data)
    assert unaccounted(doc) == []
    if name.endswith(".html"):
        markup = data.decode("gb18030" if "gbk" in name else "utf-8")
        assert html_balance(markup, doc) == (Counter(), Counter())
        assert doc.page.removed  # these pages have furniture to take out
