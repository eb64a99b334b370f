"""Rebuild ``dictionaries/world_cities.tsv`` (cities outside China in Chinese, with their country).

    .venv/bin/python tools/build_world_cities.py

Sources (fetched at build time only, pinned by version and sha256):
- Babel 2.18.0 (BSD-3-Clause) = Unicode CLDR 47 (Unicode-3.0): the ``zh`` exemplar-city names of
  the time zones (基辅, 加德满都 …) with the zone's territory (ISO 3166-1);
- jionlp 1.5.31 (Apache-2.0) ``dictionary/world_location.txt``: capitals and major cities per
  country (ISO code joined through CLDR's Chinese country names, as in build_countries.py).
Cities of China (CN, HK, MO, TW) are left out: ``places_cn.tsv`` has those.
"""

from __future__ import annotations

import zipfile

from _fetch import JIONLP, fetch, import_babel, write_tsv

CHINA = {"CN", "HK", "MO", "TW"}
ISO_BY_HAND = {
    "沙特": "SA", "阿联酋": "AE", "巴勒斯坦": "PS", "波黑": "BA", "马其顿": "MK", "塞拉里昂": "SL",
    "中非": "CF", "刚果(金)": "CD", "刚果(布)": "CG", "多米尼加": "DO", "多米尼克国": "DM",
}


def main() -> None:
    jion = zipfile.ZipFile(fetch(*JIONLP))
    import_babel()
    from babel import Locale, localedata  # type: ignore[import-not-found]
    from babel.core import get_global  # type: ignore[import-not-found]

    terr = {k: v for k, v in Locale("zh").territories.items() if k.isalpha() and len(k) == 2}
    iso_by_name = {v: k for k, v in terr.items()}
    rows: dict[str, list[str]] = {}
    zone_territory = get_global("zone_territories")
    for tz, info in localedata.load("zh")["time_zones"].items():
        iso = zone_territory.get(tz, "")
        city = info.get("city", "")
        if city and iso and iso not in CHINA and "/" in tz:
            rows.setdefault(city, [city, iso, terr.get(iso, ""), "", tz])
    for line in jion.read("jionlp/dictionary/world_location.txt").decode("utf-8").splitlines():
        parts = line.split("\t")
        if line.endswith(":") or not line.strip() or parts[0] == "中国":
            continue
        iso = iso_by_name.get(parts[0]) or ISO_BY_HAND.get(parts[0], "")
        if not iso:
            continue
        capital = parts[2] if len(parts) > 2 else ""
        cities = parts[3].split("/") if len(parts) > 3 else []
        for city in [capital, *cities]:
            if not city:
                continue
            row = rows.setdefault(city, [city, iso, terr.get(iso, ""), "", ""])
            if city == capital and row[1] == iso:
                row[3] = "capital"
    comments = [
        "world_cities.tsv — cities outside China in Chinese, with their country.",
        "Columns: city, iso (ISO 3166-1 alpha-2 of its country), country (CLDR 47 Chinese name),",
        "capital ('capital' when it is the country's capital), tz (the IANA time zone it names, if any).",
        "Sources: Babel 2.18.0 (BSD-3-Clause) = Unicode CLDR 47 (Unicode-3.0) zh exemplar cities;",
        "jionlp 1.5.31 dictionary/world_location.txt (Apache-2.0) capitals and major cities.",
        "Rebuild: .venv/bin/python tools/build_world_cities.py  (see dictionaries/README.md)",
    ]
    n = write_tsv("world_cities.tsv", comments, ["city", "iso", "country", "capital", "tz"], rows.values())
    print(f"world_cities.tsv: {n} rows")


if __name__ == "__main__":
    main()
