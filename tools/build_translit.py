# ruff: noqa: E501  (data and header strings in Chinese are kept on one line each)
"""Rebuild ``dictionaries/translit_chars.tsv`` (characters typical of transliterated foreign names).

    .venv/bin/python tools/build_translit.py

Method: collect foreign names written in Chinese characters, count in how many names each
character occurs, drop the characters that come from *translated* (not transliterated) parts of
names (岛, 群, 新, 南, 港, 共和 …: the reviewed ``NOT_TRANSLIT`` list below), keep the rest.

Name sources (fetched at build time only, pinned by version and sha256):
- jionlp 1.5.31 (Apache-2.0) ``dictionary/world_location.txt``: foreign countries, capitals, cities
  (China, Japan and the two Koreas left out: their names are not transliterated).
- Babel 2.18.0 (BSD-3-Clause) = Unicode CLDR 47 (Unicode-3.0): ``zh`` territory names, exemplar
  cities of the time zones (same countries left out) and language names (``…语`` stripped).
- ``WELL_KNOWN``: a short hand-typed list of common Western and Central-Asian given names and
  surnames in their usual Chinese forms (names are facts), because the place-name sources
  under-represent person names (威廉, 戴维, 玛丽 …).
"""

from __future__ import annotations

import collections
import re
import zipfile

from _fetch import JIONLP, fetch, import_babel, write_tsv

NOT_FOREIGN = {"CN", "HK", "MO", "TW", "JP", "KR", "KP"}

WELL_KNOWN = """
威廉 戴维 大卫 玛丽 约翰 詹姆斯 乔治 伊丽莎白 亚历山大 弗拉基米尔 谢尔盖 德米特里 米哈伊尔 安德烈 尼古拉
伊万 彼得 保罗 托马斯 理查德 查尔斯 罗伯特 迈克尔 史密斯 约翰逊 布朗 威尔逊 琼斯 米勒 戴维斯 安德森 泰勒
杰克逊 怀特 哈里斯 马丁 汤普森 加西亚 马丁内斯 罗宾逊 克拉克 罗德里格斯 刘易斯 沃克 霍尔 艾伦
金 赖特 洛佩斯 希尔 斯科特 格林 亚当斯 贝克 冈萨雷斯 纳尔逊 卡特 米切尔 佩雷斯 罗伯茨 特纳 菲利普斯 坎贝尔
帕克 埃文斯 爱德华兹 柯林斯 斯图尔特 莫里斯 罗杰斯 里德 库克 摩根 贝尔 墨菲 贝利 里韦拉 库珀 理查森 考克斯
霍华德 沃德 托雷斯 彼得森 格雷 拉米雷斯 詹姆斯 沃森 布鲁克斯 凯利 桑德斯 普赖斯 贝内特 伍德 巴恩斯 罗斯
亨德森 科尔曼 詹金斯 佩里 鲍威尔 朗 帕特森 休斯 弗洛雷斯 华盛顿 巴特勒 西蒙斯 福斯特 冈萨雷斯 布莱恩特
亚历山德拉 安娜 玛丽亚 叶卡捷琳娜 娜塔莉亚 奥尔加 塔蒂亚娜 伊琳娜 斯维特兰娜 索菲亚 艾玛 奥利维亚 夏洛特
穆罕默德 艾哈迈德 阿里 侯赛因 哈桑 易卜拉欣 优素福 奥马尔 阿卜杜拉 法蒂玛 阿伊莎 米尔扎 努尔苏丹 卡西姆
托卡耶夫 纳扎尔巴耶夫 米尔济约耶夫 卡里莫夫 拉赫蒙 热恩别科夫 扎帕罗夫 阿利耶夫 帕希尼扬 卢卡申科 普京
梅德韦杰夫 叶利钦 戈尔巴乔夫 拉夫罗夫 绍伊古 特朗普 拜登 奥巴马 布什 克林顿 默克尔 朔尔茨 马克龙 奥朗德
萨科齐 卡梅伦 梅 苏纳克 斯塔默 特鲁多 莫迪 埃尔多安 内塔尼亚胡 古特雷斯 安南 哈马舍尔德 德克勒克
曼德拉 拉马福萨 卢拉 博索纳罗 米莱 洛佩斯 奥夫拉多尔 马杜罗 查韦斯 卡斯特罗 格瓦拉 佐科 苏西洛 阿基诺 杜特尔特
马科斯 洪森 昂山素季 纳吉布 马哈蒂尔 安瓦尔 阿尔伯特 爱因斯坦 牛顿 达尔文 莎士比亚 托尔斯泰
陀思妥耶夫斯基 普希金 契诃夫 贝多芬 莫扎特 巴赫 肖邦 柴可夫斯基 毕加索 梵高 达芬奇 米开朗琪罗 伽利略 哥白尼
苏格拉底 柏拉图 亚里士多德 荷马 但丁 歌德 席勒 雨果 巴尔扎克 狄更斯 马克思 恩格斯 列宁 斯大林 黑格尔 康德
尼采 弗洛伊德 凯恩斯 戴高乐 丘吉尔 罗斯福 肯尼迪 林肯 杰斐逊 富兰克林 爱迪生 特斯拉 比尔 盖茨 乔布斯 马斯克
贝索斯 扎克伯格 巴菲特 索罗斯 基辛格 布热津斯基 鲁迪 朱莉 安吉丽娜 汤姆 克鲁斯 布拉德 皮特 约瑟夫 雅各布
以撒 亚伯拉罕 摩西 大流士 居鲁士 汉尼拔 凯撒 屋大维 奥古斯都 查理曼 拿破仑 俾斯麦 维多利亚 路易 腓特烈 彼得罗
埃莉诺 克里斯蒂娜 卡罗琳 杰西卡 詹妮弗 米歇尔 斯蒂芬 蒂莫西 克里斯托弗 丹尼尔 马修 安东尼 唐纳德 约书亚
肯尼斯 凯文 布莱恩 杰弗里 爱德华 罗纳德 蒂姆 贾森 杰夫 瑞安 雅各 加里 尼古拉斯 埃里克 乔纳森 拉里 贾斯汀
兰迪 弗兰克 雷蒙德 格雷戈里 塞缪尔 帕特里克 亚历克斯 杰克 丹尼斯 杰里 泰勒 亨利 卡尔 亚瑟 罗杰 基思 特洛伊
梅西 罗纳尔多 内马尔 姆巴佩 哈兰德 萨拉赫 本泽马 莱万多夫斯基 贝克汉姆 乔丹 科比 库里 奥尼尔 泽连斯基
黛安娜 蕾切尔 薇薇安 娜塔莎 卡佳 茱莉亚 伊莎贝拉 艾米莉 露西 苏菲 克莱尔 格蕾丝 佐伊 汉娜 丽贝卡 萨曼莎
凯瑟琳 薇拉 蕾娜 达莉亚 奥黛丽 赫本 玛格丽特 莫妮卡 菲比 斐迪南 弗朗索瓦 萨科 瓦妮莎 黛西 蕾哈娜 尤利娅 索尼娅 阿纳斯塔西娅 克谢尼娅 茜茜 蒂娜 缇娜
阿尔巴尼斯 莫里森 苏哈托 普拉博沃 西哈努克 诺罗敦 莫拉莱斯 皮涅拉 博里奇 佩特罗 阿连德 皮诺切特 庇隆
蓬皮杜 密特朗 希拉克 阿登纳 勃兰特 科尔 施罗德 撒切尔 布莱尔 布朗 梅杰 奥斯曼 苏莱曼 萨达姆 卡扎菲 霍梅尼
哈梅内伊 鲁哈尼 莱希 佩泽希齐扬 纳赛尔 萨达特 穆巴拉克 塞西 阿萨德 阿卜杜勒 本·萨勒曼 阿塔图尔克
"""

# Characters that occur in foreign names because part of the name is translated or generic,
# reviewed by hand: they are common in ordinary Chinese words and say little about a name.
NOT_TRANSLIT = set(
    "岛群和地国城州属新南港区北中开山湾市联立合未领日东共子酋洋边洲下望角力不清京代关舌珠魁辅宴远双向语言"
    "好来旧危桥剑可志凤凰湖盐活复百物所冷求途直部留盛陆光长泊诞极理爵勋豪以色发历昌昭速参崴叙突小屿外今底"
    "鹿支时元万象世何大的金黑太明木门伪灵白海香檀杉矶节柳冰松谷叶窝让老上高低古现代标准平原河江湾峡半沙漠"
    "王公主民人政府自治别行政首都军基督教会教堂神圣天文学家帝皇后女男父母兄弟姐妹西"
    "一二三四五六七八九十零第也方生田真界打更通号字定容宽信兴农务告板青雨牛车财采际聪臣宗混流满破显无族季"
    "书面种素思当度台史因及其他几但乐仰优凉歇揭略答绪辑迅屋席固坝刘黄吕卞侯"
    "党包回块坚工式录情投指朋朝期术李杨用盲码社票秋简繁统花若草著表见试账资遗须鲜写兑形换数权注硬碑记银韩测"
    "片款模永照室堤传侣司奴铢知单位货币体名各"
)


def names_from_sources() -> list[str]:
    jion = zipfile.ZipFile(fetch(*JIONLP))
    import_babel()
    from babel import Locale, localedata  # type: ignore[import-not-found]
    from babel.core import get_global  # type: ignore[import-not-found]

    names: set[str] = set()
    zh = Locale("zh")
    for code, name in zh.territories.items():
        if code.isalpha() and len(code) == 2 and code not in NOT_FOREIGN:
            names.add(name)
    zone_territory = get_global("zone_territories")
    for tz, info in localedata.load("zh")["time_zones"].items():
        if "city" in info and zone_territory.get(tz) not in NOT_FOREIGN:
            names.add(info["city"])
    for code, name in zh.languages.items():
        if code.split("_")[0] not in ("zh", "ja", "ko", "yue", "wuu", "hak", "nan", "gan", "hsn", "cdo", "cjy"):
            names.add(re.sub(r"[语文]$", "", name))
    for name in localedata.load("zh")["currency_names"].values():
        names.add(name)
    for name in zh.scripts.values():
        names.add(re.sub(r"[语文]$", "", name))
    for line in jion.read("jionlp/dictionary/world_location.txt").decode("utf-8").splitlines():
        parts = line.split("\t")
        if line.endswith(":") or not line.strip() or parts[0] in ("中国", "日本", "韩国", "朝鲜"):
            continue
        names.update([parts[0], *parts[2:3], *(parts[3].split("/") if len(parts) > 3 else [])])
    names.update(WELL_KNOWN.split())
    return sorted(n for n in names if re.fullmatch(r"[\u4e00-\u9fff·・]{2,}", n))


def main() -> None:
    names = names_from_sources()
    counts: collections.Counter[str] = collections.Counter()
    for n in names:
        counts.update(set(re.sub(r"[·・]", "", n)))
    rows = [[ch, str(c)] for ch, c in counts.items() if ch not in NOT_TRANSLIT]
    comments = [
        "translit_chars.tsv — characters typical of transliterated foreign names (威廉姆, 米尔扎耶夫, 特洛伊).",
        "Columns: char, freq (in how many of the collected foreign names the character occurs).",
        f"Sources: {len(names)} foreign names from jionlp 1.5.31 dictionary/world_location.txt (Apache-2.0);",
        "Babel 2.18.0 (BSD-3-Clause) = Unicode CLDR 47 (Unicode-3.0) zh territories, exemplar cities,",
        "language, script and currency names; a hand-typed list of common foreign person names (facts). Characters from",
        "translated parts of names (岛, 群, 新, 南, 港 …) were removed after review (tools/build_translit.py).",
        "Rebuild: .venv/bin/python tools/build_translit.py  (see dictionaries/README.md)",
    ]
    n = write_tsv("translit_chars.tsv", comments, ["char", "freq"], rows)
    print(f"translit_chars.tsv: {n} characters from {len(names)} names")


if __name__ == "__main__":
    main()
