"""HTML input: markup to lines, metadata from <meta>, ruby, GBK bytes (qtext._read._html, analyze)."""

from pathlib import Path

import pytest

import qtext
from qtext._read import html_to_text, is_html, read_page

FIXTURES = Path(__file__).parent / "fixtures"
FIELDS = ("title", "published", "source", "author", "paragraphs")


def _fields(d):
    return {k: d[k] for k in FIELDS}


def test_is_html_tells_markup_from_text():
    assert is_html((FIXTURES / "read_ruby_page.html").read_text(encoding="utf-8"))
    assert not is_html((FIXTURES / "read_portal_page.txt").read_text(encoding="utf-8"))
    assert not is_html("a < b 而且 c > d。")


def test_html_to_text_drops_scripts_furniture_and_ruby_readings():
    text, meta = html_to_text((FIXTURES / "read_ruby_page.html").read_text(encoding="utf-8"))
    assert "dào" not in text and "(" not in text.split("\n")[1]
    assert "不是正文" not in text
    assert "相关新闻" not in text and "微博" not in text and "ICP备" not in text
    assert text.split("\n")[1] == "青石镇举办首届稻米文化节"
    assert meta["h1"] == "青石镇举办首届稻米文化节"
    assert meta["og_title"] == "青石镇举办首届稻米文化节"
    assert meta["published"] == "2021-10-09T10:20:33+08:00"


def test_inline_link_stays_inside_its_line():
    text, _ = html_to_text(
        "<html><body><p>第一句有<a href='x'>链接</a>在中间。</p><p>第二段。</p></body></html>"
    )
    assert text.split("\n") == ["第一句有链接在中间。", "第二段。"]


def test_html_meta_fills_fields_the_page_does_not_print():
    markup = ("<html><head><title>标题甲_站点</title><meta property='article:published_time' "
              "content='2021-02-18T07:02:10+08:00'></head><body><h1>标题甲</h1>"
              "<p>这几天，市区发生了一起案件，警方已经介入调查，目前此案还在进一步侦查中。</p></body></html>")
    text, meta = html_to_text(markup)
    page = read_page(text, html_meta=meta)
    assert (page.title, page.published, page.is_html) == ("标题甲", "2021-02-18", True)


def test_labelled_line_wins_over_html_meta():
    text, meta = html_to_text((FIXTURES / "read_ruby_page.html").read_text(encoding="utf-8"))
    page = read_page(text, html_meta=meta)
    assert page.author == "林小禾"  # the printed 作者, not <meta name="author"> (the site)


@pytest.fixture(scope="module")
def text_form():
    text = (FIXTURES / "read_portal_page.txt").read_text(encoding="utf-8")
    return qtext.analyze(text).to_dict(tokens=False)


def test_html_with_ruby_reads_like_the_text_form(text_form):
    d = qtext.analyze((FIXTURES / "read_ruby_page.html").read_text(encoding="utf-8")).to_dict(tokens=False)
    assert _fields(d) == _fields(text_form)
    assert d["title"] == "青石镇举办首届稻米文化节"


def test_gbk_html_bytes_read_like_the_text_form(text_form):
    raw = (FIXTURES / "read_gbk_page.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    doc = qtext.analyze(raw)
    assert _fields(doc.to_dict(tokens=False)) == _fields(text_form)
    assert doc.page.is_html is True
    for p in doc.page.paragraphs:
        assert doc.text[p.start:p.end] == p.text


def test_table_layout_with_br_paragraphs_and_title_suffix():
    markup = ("<html><head><title>青石镇举办首届稻米文化节 - 绿洲网</title></head><body>"
              "<table><tr><td><a href=/>首页</a></td><td><a href=/a>新闻</a></td>"
              "<td><a href=/b>图片</a></td></tr></table>"
              "<table><tr><td class=title>青石镇举办首届稻米文化节</td></tr>"
              "<tr><td>2021-10-09 来源：青石日报</td></tr>"
              "<tr><td>　　第一届文化节8日在青石镇开幕，农户参加了开镰仪式。"
              "<br>　　文化节持续一周，期间还有展销会。<br></td></tr></table>"
              "<div id=footer>关于我们 | 联系我们 | 版权所有</div></body></html>")
    text, meta = html_to_text(markup)
    page = read_page(text, html_meta=meta)
    assert page.title == "青石镇举办首届稻米文化节"
    assert (page.published, page.source) == ("2021-10-09", "青石日报")
    assert [p.text for p in page.paragraphs] == [
        "第一届文化节8日在青石镇开幕，农户参加了开镰仪式。", "文化节持续一周，期间还有展销会。"
    ]


def test_logo_h1_is_not_taken_for_the_title():
    markup = ("<html><head><title>青石镇举办首届稻米文化节_绿洲网</title></head><body>"
              "<h1><a href='/'>绿洲资讯网</a></h1><h2>青石镇举办首届稻米文化节</h2>"
              "<p>第一届文化节8日在青石镇开幕，农户参加了开镰仪式，镇长致辞。</p></body></html>")
    text, meta = html_to_text(markup)
    assert read_page(text, html_meta=meta).title == "青石镇举办首届稻米文化节"


def test_stray_tags_in_page_text_are_not_html():
    assert not is_html("标题\n<br>第一段。<br>第二段。<p>第三段。</p><b>粗</b>")


def test_html_subtitles_come_only_from_headings():
    markup = ("<html><body><h1>大会在京举行</h1><h2>代表们热议发展新机遇</h2><div>青石发布号</div>"
              "<div class='info'>来源：青石日报</div>"
              "<p>大会1日在京举行，代表出席并发言，会议取得圆满成功。</p></body></html>")
    text, meta = html_to_text(markup)
    page = read_page(text, html_meta=meta)
    assert (page.title, page.source) == ("大会在京举行", "青石日报")
    assert page.subtitles == ("代表们热议发展新机遇",)


def test_title_line_matches_document_title_before_a_site_suffix():
    markup = ("<html><head><title>大会举行-青石市人民政府门户网站</title></head><body>"
              "<div class='tit'>大会举行</div><div>发布时间：2021-01-05</div>"
              "<p>大会1日在京举行，代表出席并发言，会议取得圆满成功。</p></body></html>")
    text, meta = html_to_text(markup)
    assert read_page(text, html_meta=meta).title == "大会举行"


def test_meta_author_only_when_the_page_prints_it():
    base = ("<html><head><title>大会举行</title><meta name='author' content='{a}'></head><body>"
            "<h1>大会举行</h1><div>{line}</div>"
            "<p>大会1日在京举行，代表出席并发言，会议取得圆满成功。</p></body></html>")
    text, meta = html_to_text(base.format(a="林小禾", line="2021-10-09 林小禾"))
    assert read_page(text, html_meta=meta).author == "林小禾"
    text, meta = html_to_text(base.format(a="绿洲网", line="2021-10-09"))
    assert read_page(text, html_meta=meta).author is None


def test_absurdly_deep_markup_still_gives_its_text():
    markup = ("<html><head><title>大会举行</title></head><body>" + "<div>" * 6000 + "<p>导航</p>"
              + "</div>" * 6000 + "<p>" + "正文内容，" * 30 + "完。</p></body></html>")
    text, meta = html_to_text(markup)
    page = read_page(text, html_meta=meta)
    assert meta["title"] == "大会举行"
    assert page.paragraphs[-1].text == "正文内容，" * 30 + "完。"


def test_article_markup_kept_in_a_textarea_is_read():
    import html

    inner = ("<p>" + "大会在京举行，代表出席并发言，会议取得圆满成功。" * 5 + "</p>"
             "<p>第二段内容也很长，" + "各方表示要落实会议精神。" * 5 + "</p>")
    markup = ("<html><head><title>大会举行_示例网</title></head><body><h1>大会举行</h1>"
              "<div>2021-01-05 10:00 来源：示例网</div><textarea class='article-content'>"
              + html.escape(inner) + "</textarea><form><textarea name=q>请输入评论</textarea></form>"
              "</body></html>")
    text, meta = html_to_text(markup)
    page = read_page(text, html_meta=meta)
    assert (page.title, page.published, page.source) == ("大会举行", "2021-01-05", "示例网")
    assert len(page.paragraphs) == 2
    assert "请输入评论" not in text
