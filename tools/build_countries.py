# ruff: noqa: E501  (data and header strings in Chinese are kept on one line each)
"""Rebuild ``dictionaries/countries.tsv`` (countries in Chinese, with capitals and ISO codes).

    .venv/bin/python tools/build_countries.py

Sources (fetched at build time only, pinned by version and sha256):
- jionlp 1.5.31 (Apache-2.0): ``dictionary/world_location.txt`` — short name, official full name,
  capital, major cities, by continent.
- Babel 2.18.0 (BSD-3-Clause) = CLDR 47 (Unicode-3.0): ``Locale('zh').territories`` — ISO 3166 codes
  and CLDR's Chinese names, to cross-check and to update stale names.
- One-character abbreviations (``ABBR`` below) are written by hand: they are used in compounds
  such as 中美关系, 访俄, 美方 and must only be matched in such contexts.
"""

from __future__ import annotations

import zipfile

from _fetch import JIONLP, fetch, import_babel, write_tsv

# jionlp short names that CLDR spells differently, mapped to their ISO code by hand.
ISO_BY_HAND = {
    "沙特": "SA", "阿联酋": "AE", "巴勒斯坦": "PS", "波黑": "BA", "马其顿": "MK", "塞拉里昂": "SL",
    "中非": "CF", "刚果(金)": "CD", "刚果(布)": "CG", "多米尼加": "DO", "多米尼克国": "DM",
}
# Names that changed after jionlp's list was made (official renames; facts).
RENAMED = {
    "马其顿": ("北马其顿", "北马其顿共和国"),  # Prespa agreement, 2019
    "斯威士兰": ("埃斯瓦蒂尼", "埃斯瓦蒂尼王国"),  # renamed 2018
}
# One-character abbreviations (hand-written; 中X / X方 / 访X / X国 contexts only).
ABBR: dict[str, tuple[str, str]] = {
    "美国": ("美", ""), "俄罗斯": ("俄", ""), "英国": ("英", ""), "法国": ("法", "also 法律"),
    "德国": ("德", ""), "日本": ("日", "also 日 = day"), "韩国": ("韩", ""), "朝鲜": ("朝", "also 朝 = dynasty"),
    "印度": ("印", "also 印尼"), "印度尼西亚": ("印尼", "two characters"), "巴基斯坦": ("巴", "also 巴西"),
    "巴西": ("巴", "also 巴基斯坦"), "澳大利亚": ("澳", "also 澳门"), "加拿大": ("加", ""),
    "意大利": ("意", ""), "荷兰": ("荷", ""), "蒙古": ("蒙", "also 内蒙古"), "越南": ("越", ""),
    "泰国": ("泰", ""), "菲律宾": ("菲", ""), "马来西亚": ("马", "also 马其顿, 马里"),
    "新加坡": ("新", "also 新西兰, 新疆"), "新西兰": ("新", "also 新加坡"), "西班牙": ("西", "also 西方"),
    "葡萄牙": ("葡", ""), "瑞士": ("瑞", "also 瑞典"), "瑞典": ("瑞", "also 瑞士"),
    "奥地利": ("奥", "also 奥运"), "比利时": ("比", ""), "希腊": ("希", ""), "土耳其": ("土", ""),
    "伊朗": ("伊", "also 伊拉克"), "以色列": ("以", ""), "埃及": ("埃", ""), "沙特": ("沙", ""),
    "哈萨克斯坦": ("哈", ""), "乌克兰": ("乌", "also 乌兹别克斯坦"), "白俄罗斯": ("白", ""),
    "波兰": ("波", ""), "捷克": ("捷", ""), "匈牙利": ("匈", ""), "罗马尼亚": ("罗", ""),
    "古巴": ("古", ""), "墨西哥": ("墨", ""), "缅甸": ("缅", ""), "柬埔寨": ("柬", ""),
    "老挝": ("老", ""), "尼泊尔": ("尼", ""), "阿根廷": ("阿", "also 阿富汗, 阿拉伯"),
}


def main() -> None:
    jion = zipfile.ZipFile(fetch(*JIONLP))
    import_babel()
    from babel import Locale  # type: ignore[import-not-found]

    terr = {k: v for k, v in Locale("zh").territories.items() if k.isalpha() and len(k) == 2}
    iso_by_name = {v: k for k, v in terr.items()}

    rows = []
    continent = ""
    for line in jion.read("jionlp/dictionary/world_location.txt").decode("utf-8").splitlines():
        if not line.strip():
            continue
        if line.endswith(":"):
            continent = line[:-1]
            continue
        parts = [*line.split("\t"), "", "", ""]
        name, full, capital, cities = parts[0], parts[1], parts[2], parts[3]
        iso = iso_by_name.get(name) or ISO_BY_HAND.get(name, "")
        if not iso:
            print("no ISO code for", name)
        old = ""
        if name in RENAMED:
            old = name
            name, full = RENAMED[name]
        name = name.replace("(", "（").replace(")", "）")
        cldr = terr.get(iso, "")
        abbr, note = ABBR.get(name, ("", ""))
        rows.append([name, full, capital, iso, continent, cldr if cldr != name else "", old, cities, abbr, note])
    comments = [
        "countries.tsv — countries in Chinese: short name, official full name, capital, ISO 3166-1 code.",
        "Columns: name (short name as Chinese news writes it), full (official full name), capital, iso",
        "(ISO 3166-1 alpha-2), continent, cldr_name (CLDR 47 zh name when it differs), former (an earlier short",
        "name), cities (major cities, /-separated), abbr (one-character abbreviation, CONTEXT-ONLY: match it",
        "only in compounds such as 中美, 美方, 访俄, 中俄关系, never alone), abbr_note (ambiguity of abbr).",
        "Sources: jionlp 1.5.31 dictionary/world_location.txt (PyPI, Apache-2.0); ISO codes and cross-check from",
        "Babel 2.18.0 (BSD-3-Clause) = Unicode CLDR 47 (Unicode-3.0); abbreviations and two renames by hand.",
        "Rebuild: .venv/bin/python tools/build_countries.py  (see dictionaries/README.md)",
    ]
    header = ["name", "full", "capital", "iso", "continent", "cldr_name", "former", "cities", "abbr", "abbr_note"]
    n = write_tsv("countries.tsv", comments, header, rows)
    print(f"countries.tsv: {n} rows")


if __name__ == "__main__":
    main()
