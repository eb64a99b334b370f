"""Rebuild ``dictionaries/surnames.tsv`` (Chinese surnames with modern frequency ranks).

    .venv/bin/python tools/build_surnames.py

Sources:
- 百家姓 (Song dynasty, public domain), machine-readable in jionlp 1.5.31 (Apache-2.0)
  ``jionlp/rule/rule_pattern.py``: the first ``SINGLE_CHINESE_FAMILY_NAME`` string (the full
  single-character list, verse pairs that are not compounds already split) and
  ``TWO_CHAR_CHINESE_FAMILY_NAME`` (60 compound surnames).
- Modern ranks 1–100: the top-100 order reported from the Ministry of Public Security's annual
  全国姓名报告 (公安部户政管理研究中心, 2019–2020 editions; public facts, typed by hand below).
  Surnames in that list but not in 百家姓 (付, 闫 variants, 覃, 肖 …) are added with source ``mps``.
"""

from __future__ import annotations

import ast
import zipfile

from _fetch import JIONLP, fetch, write_tsv

TOP100 = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢"
    "姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常"
)


def main() -> None:
    assert len(TOP100) == 100 and len(set(TOP100)) == 100
    jion = zipfile.ZipFile(fetch(*JIONLP))
    module = ast.parse(jion.read("jionlp/rule/rule_pattern.py").decode("utf-8"))
    values: dict[str, str] = {}
    for node in module.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in ("SINGLE_CHINESE_FAMILY_NAME", "TWO_CHAR_CHINESE_FAMILY_NAME") and name not in values:
                values[name] = ast.literal_eval(node.value)
    singles = list(dict.fromkeys(values["SINGLE_CHINESE_FAMILY_NAME"]))
    doubles = values["TWO_CHAR_CHINESE_FAMILY_NAME"].split("|")
    rank = {s: i + 1 for i, s in enumerate(TOP100)}
    rows = []
    seen = set()
    for s in singles + doubles:
        if s in seen:
            continue
        seen.add(s)
        rows.append([s, str(len(s)), str(rank.get(s, "")), "baijiaxing+mps" if s in rank else "baijiaxing"])
    for s in TOP100:
        if s not in seen:
            seen.add(s)
            rows.append([s, "1", str(rank[s]), "mps"])
    comments = [
        "surnames.tsv — Chinese surnames: 百家姓 (single and compound) plus the modern top-100.",
        "Columns: surname, chars (1 or 2), rank_or_freq (modern frequency rank 1-100, empty beyond),",
        "source (baijiaxing = 百家姓 via jionlp 1.5.31 rule/rule_pattern.py, Apache-2.0; mps = top-100 order",
        "reported from the Ministry of Public Security 全国姓名报告 2019-2020, public facts typed by hand).",
        "Rebuild: .venv/bin/python tools/build_surnames.py  (see dictionaries/README.md)",
    ]
    n = write_tsv("surnames.tsv", comments, ["surname", "chars", "rank_or_freq", "source"], rows)
    print(f"surnames.tsv: {n} rows ({len(singles)} single, {len(doubles)} compound in 百家姓)")


if __name__ == "__main__":
    main()
