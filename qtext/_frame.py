"""pandas views of many results: one row per document, official, organisation or event.

pandas is optional (``pip install "qtext[pandas]"``) and imported only when ``to_frame`` runs.
Rows are built from ``Document.to_dict()``, so the dicts that ``qtext.dask.analyze_bag`` returns
work too. Every row carries ``id``: the document's id, or its position in the input when it has none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "to_frame"]

What = Literal["documents", "officials", "organisations", "events"]

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "title", "published", "source", "author", "site", "url", "agency", "place",
                  "chars", "paragraphs", "sentences", "officials", "organisations", "events",
                  "headline", "what", "when", "where", "who", "keywords", "error"),
    "officials": ("id", "name", "title", "organisation", "titles", "mentions", "first_start"),
    "organisations": ("id", "name", "abbreviation", "aliases", "type", "mentions", "first_start"),
    "events": ("id", "name", "type", "edition", "date", "place", "organisers", "theme", "aliases",
               "mentions", "first_start"),
}


def _as_dict(item: Any) -> dict[str, Any]:
    if isinstance(item, Mapping):
        return dict(item)
    to_dict = getattr(item, "to_dict", None)
    if to_dict is None:
        from ._errors import InputError

        raise InputError(f"to_frame expects qtext Documents (or their to_dict()), got {type(item).__name__}")
    try:
        return dict(to_dict(tokens=False))
    except TypeError:  # a Failure's to_dict() takes no options
        return dict(to_dict())


def _first_start(record: Mapping[str, Any]) -> int | None:
    mentions = record.get("mentions") or []
    starts = [int(m["start"]) for m in mentions if isinstance(m, Mapping) and m.get("start") is not None]
    return min(starts) if starts else None


def _document_row(ident: Any, d: Mapping[str, Any]) -> dict[str, Any]:
    if "error" in d and d.get("schema") == "qtext.failure/1":
        row: dict[str, Any] = dict.fromkeys(COLUMNS["documents"])
        row.update(id=ident, error=f"{d.get('error')}: {d.get('message')}")
        return row
    dateline = d.get("dateline") or {}
    summary = d.get("summary") or {}
    return {
        "id": ident,
        "title": d.get("title"),
        "published": d.get("published"),
        "source": d.get("source"),
        "author": d.get("author"),
        "site": d.get("site"),
        "url": d.get("url"),
        "agency": dateline.get("agency"),
        "place": dateline.get("place"),
        "chars": len(d.get("text") or ""),
        "paragraphs": len(d.get("paragraphs") or []),
        "sentences": len(d.get("sentences") or []),
        "officials": len(d.get("officials") or []),
        "organisations": len(d.get("organisations") or []),
        "events": len(d.get("events") or []),
        "headline": summary.get("headline"),
        "what": summary.get("what"),
        "when": summary.get("when"),
        "where": summary.get("where"),
        "who": list(summary.get("who") or []),
        "keywords": list(summary.get("keywords") or []),
        "error": None,
    }


def _official_rows(ident: Any, d: Mapping[str, Any]) -> Iterable[dict[str, Any]]:
    for o in d.get("officials") or []:
        titles = [t for t in o.get("titles") or [] if isinstance(t, Mapping)]
        first = titles[0] if titles else {}
        yield {
            "id": ident,
            "name": o.get("name"),
            "title": first.get("title"),
            "organisation": first.get("organisation"),
            "titles": [(t.get("organisation") or "") + (t.get("title") or "") for t in titles],
            "mentions": len(o.get("mentions") or []),
            "first_start": _first_start(o),
        }


def _organisation_rows(ident: Any, d: Mapping[str, Any]) -> Iterable[dict[str, Any]]:
    for o in d.get("organisations") or []:
        yield {
            "id": ident,
            "name": o.get("name"),
            "abbreviation": o.get("abbreviation"),
            "aliases": list(o.get("aliases") or []),
            "type": o.get("type"),
            "mentions": len(o.get("mentions") or []),
            "first_start": _first_start(o),
        }


def _event_rows(ident: Any, d: Mapping[str, Any]) -> Iterable[dict[str, Any]]:
    for e in d.get("events") or []:
        yield {
            "id": ident,
            "name": e.get("name"),
            "type": e.get("type"),
            "edition": e.get("edition"),
            "date": e.get("date"),
            "place": e.get("place"),
            "organisers": list(e.get("organisers") or []),
            "theme": e.get("theme"),
            "aliases": list(e.get("aliases") or []),
            "mentions": len(e.get("mentions") or []),
            "first_start": _first_start(e),
        }


def _rows(d: Mapping[str, Any], ident: Any, what: str) -> Iterable[dict[str, Any]]:
    if what == "documents":
        return [_document_row(ident, d)]
    if d.get("schema") == "qtext.failure/1":
        return []
    if what == "officials":
        return _official_rows(ident, d)
    if what == "organisations":
        return _organisation_rows(ident, d)
    return _event_rows(ident, d)


def to_frame(docs: Any, what: What = "documents") -> pd.DataFrame:
    """A pandas DataFrame with one row per document, official, organisation or event.

    ``docs`` is a `qtext.Document`, or an iterable of Documents, `qtext.Failure`
    records or ``to_dict()`` dicts. Failures appear in the ``documents`` table with their error
    and are skipped in the others. Needs pandas: ``pip install "qtext[pandas]"``.

    >>> import qtext
    >>> df = qtext.to_frame([qtext.analyze("国务委员王勇出席大会。", id="a1")])
    >>> str(df.loc[0, "id"]), int(df.loc[0, "chars"])
    ('a1', 11)
    """
    if what not in COLUMNS:
        from ._errors import OptionError

        raise OptionError(f"what must be one of {', '.join(COLUMNS)}; got {what!r}")
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        from ._errors import MissingExtraError

        raise MissingExtraError('qtext.to_frame needs pandas: pip install "qtext[pandas]"') from exc

    if isinstance(docs, Mapping) or hasattr(docs, "to_dict"):
        docs = [docs]
    rows: list[dict[str, Any]] = []
    for position, item in enumerate(docs):
        d = _as_dict(item)
        ident = d.get("id")
        if ident is None:
            ident = d.get("index", position) if d.get("schema") == "qtext.failure/1" else position
        rows.extend(_rows(d, ident, what))
    return pd.DataFrame(rows, columns=list(COLUMNS[what]))
