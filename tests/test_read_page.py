"""Reading a page of text: header fields, title, body paragraphs (qtext._read.read_page)."""

from pathlib import Path

from qtext._read import read_page, split_sentences

FIXTURES = Path(__file__).parent / "fixtures"
BODY = [
    "本报青石10月8日电 （记者林小禾）第一届青石稻米文化节8日在青石镇开幕，"
    "来自周边村庄的三百多户农户参加了开镰仪式。",
    "镇长周明远在开幕式上说：“今年的稻谷长势很好。我们要把文化节办成农民自己的节日！”"
    "随后，农户们展示了犁、耙、风车等传统农具。",
    "据了解，文化节将持续到10月15日，期间还将举办《稻田里的故事》摄影展和农产品展销会。",
    "（青石日报记者 林小禾）",
]


def _portal():
    text = (FIXTURES / "read_portal_page.txt").read_text(encoding="utf-8")
    return text, read_page(text)


def test_portal_page_header_fields():
    _, page = _portal()
    assert page.title == "青石镇举办首届稻米文化节"
    assert page.subtitles == ("千亩稻田迎来开镰 农户现场展示传统农具",)
    assert (page.site, page.url) == ("绿洲资讯网", "http://www.lvzhou-news.example/")
    assert page.breadcrumb == ("首页", "城乡", "基层动态")
    assert (page.published, page.author) == ("2021-10-09", "林小禾")
    assert (page.source, page.views) == ("青石日报", 2046)
    assert page.editor == "郑一帆"
    assert page.is_html is False


def test_portal_page_body_leaves_out_furniture():
    _, page = _portal()
    assert [p.text for p in page.paragraphs] == BODY


def test_paragraph_and_sentence_offsets_point_into_the_text():
    text, page = _portal()
    for p in page.paragraphs:
        assert text[p.start:p.end] == p.text
        for s in split_sentences(text, p.start, p.end):
            assert text[s.start:s.end] == s.text


def test_dateline_resolved_with_the_page_year():
    _, page = _portal()
    assert page.dateline is not None
    assert page.dateline.to_dict() == {
        "agency": "本报", "place": "青石", "date": "2021-10-08", "text": "本报青石10月8日电"
    }


def test_bare_sentence_is_all_body_and_nothing_invented():
    page = read_page("国务委员王勇出席大会。")
    assert [p.text for p in page.paragraphs] == ["国务委员王勇出席大会。"]
    assert (page.title, page.published, page.source, page.author, page.views, page.dateline) == (
        None, None, None, None, None, None)
    assert page.breadcrumb == () and page.subtitles == ()


def test_meta_line_with_none_date_gives_no_date():
    text = ("\n小区志愿者募集中：\n\n时间：None  来源：示例网 (news.example.cn)  点击数：321\n\n"
            "　　社区志愿服务队正在招募新成员，欢迎居民报名参加，活动每周六上午举行。\n\n"
            "上一篇：关于做好冬季供暖工作的通知\n下一篇：无\n【字体：大 中 小】\n")
    page = read_page(text)
    assert page.title == "小区志愿者募集中："
    assert (page.published, page.source, page.views) == (None, "示例网 (news.example.cn)", 321)
    assert [p.text for p in page.paragraphs] == [
        "社区志愿服务队正在招募新成员，欢迎居民报名参加，活动每周六上午举行。"
    ]


def test_credit_and_end_lines_are_not_body():
    text = ("标题在这里\n2020-11-23 10:22 出处：示例科技\n"
            "这个月底，国内还有一次重要的发射任务，它是工程的收官之作。\n"
            "探测器全重8.2吨，由四部分组成。\n- THE END -\n转载请注明出处：示例科技\n"
            "图片来自网络，如有侵权，请联系删除。\n")
    page = read_page(text)
    assert page.title == "标题在这里"
    assert (page.published, page.source) == ("2020-11-23", "示例科技")
    assert [p.text for p in page.paragraphs][-1] == "探测器全重8.2吨，由四部分组成。"


def test_bracketed_source_and_bare_date_line():
    text = ("某县召开秋收工作会议\n2021年9月30日\n【来源】县政府办\n"
            "　　会议总结了前一阶段工作，部署了下一步任务。\n")
    page = read_page(text)
    assert (page.title, page.published, page.source) == ("某县召开秋收工作会议", "2021-09-30", "县政府办")


def test_markup_leftovers_are_cut_from_paragraph_edges():
    text = ('标题甲乙\n发布于 2019-09-26 07:19\n'
            'k线图pcms-style=\\"font-L\\">意外总是猝不及防，股价突然下跌。" />\n')
    page = read_page(text)
    assert [p.text for p in page.paragraphs] == ["意外总是猝不及防，股价突然下跌。"]
    assert page.published == "2019-09-26"


def test_meta_line_above_the_title_and_date_after_the_source():
    text = ("来源：青石日报 2021-10-09\n青石镇举办首届稻米文化节\n"
            "　　第一届青石稻米文化节8日在青石镇开幕，农户参加了开镰仪式。\n")
    page = read_page(text)
    assert page.title == "青石镇举办首届稻米文化节"
    assert (page.source, page.published) == ("青石日报", "2021-10-09")


def test_title_without_any_metadata():
    text = ("青石镇举办首届稻米文化节\n\n　　第一届文化节8日在青石镇开幕，农户参加了开镰仪式。\n\n"
            "　　文化节持续一周。")
    page = read_page(text)
    assert page.title == "青石镇举办首届稻米文化节"
    assert [p.text for p in page.paragraphs] == [
        "第一届文化节8日在青石镇开幕，农户参加了开镰仪式。", "文化节持续一周。"
    ]
    assert page.published is None and page.source is None


def test_unlabelled_date_and_source_line_and_related_links_after_body():
    text = ("首页 新闻 图片 视频 专题 论坛\n青石镇举办首届稻米文化节\n2021年10月09日 08:30　青石日报\n"
            "　　第一届青石稻米文化节8日在青石镇开幕，农户参加了开镰仪式。\n"
            "　　图为开镰现场。（本报记者 张三 摄）\n　　文化节持续一周，期间还有展销会。\n"
            "相关阅读\n青石镇秋收忙\n青石镇道路养护工程启动\n")
    page = read_page(text)
    assert page.title == "青石镇举办首届稻米文化节"
    assert (page.published, page.source) == ("2021-10-09", "青石日报")
    assert len(page.paragraphs) == 3
    assert page.paragraphs[-1].text == "文化节持续一周，期间还有展销会。"


def test_byline_line_gives_the_author_and_is_not_a_subtitle():
    text = ("青石镇举办首届稻米文化节\n本报记者 林小禾\n"
            "　　第一届青石稻米文化节8日在青石镇开幕，农户参加了开镰仪式。\n")
    page = read_page(text)
    assert (page.title, page.author, page.subtitles) == ("青石镇举办首届稻米文化节", "林小禾", ())


def test_breadcrumb_ending_with_the_title_is_not_the_title():
    text = ("首页 > 城乡 > 青石镇举办首届稻米文化节\n青石镇举办首届稻米文化节\n发布时间：2021-10-09\n"
            "　　第一届青石稻米文化节8日在青石镇开幕，农户参加了开镰仪式。\n")
    page = read_page(text)
    assert page.title == "青石镇举办首届稻米文化节"
    assert page.breadcrumb == ("首页", "城乡", "青石镇举办首届稻米文化节")


def test_two_item_breadcrumb_from_home():
    page = read_page("首页 > 新闻\n大会举行\n时间：2021-10-09\n　　大会8日举行，代表出席并发言。\n")
    assert (page.breadcrumb, page.title) == (("首页", "新闻"), "大会举行")


def test_snippet_without_running_text_is_all_body():
    page = read_page("大会举行")
    assert (page.title, [p.text for p in page.paragraphs]) == (None, ["大会举行"])


def test_empty_and_furniture_only_pages_have_no_body():
    assert read_page("").paragraphs == ()
    page = read_page("分享到：微博")
    assert page.paragraphs == () and "no body found" in page.notes


def test_short_indented_lines_tight_against_the_body_are_body():
    text = ("大会举行\n\n发布时间：2021-10-09 来源：青石日报\n\n"
            "　　核心阅读\n"
            "　　大会8日在青石镇举行，代表出席并发言，会议取得圆满成功。\n"
            "　　各方一致表示，要把会议精神落到实处。\n"
            "　　本期统筹：林小禾\n\n【打印本页】\n")
    page = read_page(text)
    paras = [p.text for p in page.paragraphs]
    assert paras[0] == "核心阅读" and paras[-1] == "本期统筹：林小禾" and len(paras) == 4
    assert page.title == "大会举行"


def test_dated_letter_inside_the_body_does_not_cut_it():
    text = ("大会举行\n来源：青石日报\n"
            "　　你们好！看到你们的来信，我很高兴，祝你们生活幸福，身体健康，万事如意，工作顺利。\n"
            "　　林小禾\n　　2021年10月6日\n"
            "　　青石日报北京10月7日电 林小禾6日给老人们回信，向他们表示亲切问候和勉励。\n")
    page = read_page(text)
    assert len(page.paragraphs) == 4
    assert page.paragraphs[-1].text.startswith("青石日报北京10月7日电")


def test_title_under_the_meta_line_stays_the_title():
    text = ("首页>新闻>社会\n来源：青石日报 时间：2021-10-09\n青石镇举办首届稻米文化节\n"
            "第一届青石稻米文化节8日在青石镇开幕，农户参加了开镰仪式。\n打印本页 关闭窗口\n")
    page = read_page(text)
    assert page.title == "青石镇举办首届稻米文化节"
    assert [p.text for p in page.paragraphs] == ["第一届青石稻米文化节8日在青石镇开幕，农户参加了开镰仪式。"]


def test_signed_notice_keeps_its_signature_and_date():
    text = ("公告\n来源：青石日报\n　　截至目前，青石镇实有代表263人，特此说明有关情况。\n　　特此公告。\n"
            "　　青石镇人民代表大会主席团\n　　2021年10月26日\n\n【打印】\n")
    page = read_page(text)
    assert [p.text for p in page.paragraphs][-2:] == ["青石镇人民代表大会主席团", "2021年10月26日"]
    assert page.published is None


def test_time_line_of_a_notice_is_body_not_metadata():
    text = ("会议通知\n发布时间：2021-10-09\n　　定于下月召开全镇经济工作会议，现将有关事项通知如下。\n"
            "　　时间：10月15日至20日\n　　地点：镇政府三楼会议室\n　　请各单位准时参加，特此通知。\n")
    page = read_page(text)
    assert page.published == "2021-10-09"
    assert [p.text for p in page.paragraphs][1] == "时间：10月15日至20日"
    assert len(page.paragraphs) == 4
