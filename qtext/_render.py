"""HTML views of a Document: a notebook fragment and a self-contained page.

Invariants:
- every piece of text from the document is escaped (``html.escape``); nothing from the input
  reaches the output as markup;
- the output is self-contained: inline CSS, no scripts, fonts, images or other external assets;
- highlights never overlap: of overlapping mentions the earlier, then the longer one wins;
  mentions whose offsets do not fit ``Document.text`` are ignored, never fatal;
- linear in the size of the document (plus sorting the mentions).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._document import Document, Event

__all__ = ["LABELS", "event_facts", "render_fragment", "render_html", "render_page"]

#: label → (what it is, background colour, text colour); the order is the legend's
LABELS: dict[str, tuple[str, str, str]] = {
    "PERSON": ("official / person", "#fde68a", "#713f12"),
    "TITLE": ("title / position", "#fbcfe8", "#831843"),
    "ORG": ("organisation", "#bfdbfe", "#1e3a8a"),
    "PLACE": ("place", "#bbf7d0", "#14532d"),
    "DATE": ("date", "#e9d5ff", "#581c87"),
    "EVENT": ("event", "#fed7aa", "#7c2d12"),
    "DOCUMENT": ("document", "#cbd5e1", "#1e293b"),
}

_CSS = """
.qtext-doc{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","PingFang SC",
"Microsoft YaHei",sans-serif;color:#1f2937;line-height:1.7;max-width:60rem}
.qtext-doc h2{font-size:1.5em;margin:.2em 0 .4em;line-height:1.3}
.qtext-doc .q-sub{color:#4b5563;margin:0 0 .4em}
.qtext-doc .q-meta{display:flex;flex-wrap:wrap;gap:.3em 1.2em;font-size:.9em;color:#4b5563;
margin:0 0 .8em;padding:0}
.qtext-doc .q-meta div{display:flex;gap:.35em}
.qtext-doc .q-meta dt{font-weight:600;color:#374151}
.qtext-doc .q-meta dd{margin:0}
.qtext-doc .q-card{border:1px solid #d1d5db;border-left:4px solid #2563eb;border-radius:6px;
background:#f8fafc;padding:.6em 1em;margin:.6em 0 1em}
.qtext-doc .q-card h3{margin:.1em 0 .4em;font-size:1.05em;color:#1e3a8a}
.qtext-doc .q-card table{border-collapse:collapse;font-size:.92em}
.qtext-doc .q-card th{text-align:left;vertical-align:top;padding:.1em .8em .1em 0;color:#374151;
white-space:nowrap}
.qtext-doc .q-card td{padding:.1em 0}
.qtext-doc .q-card ul{margin:.2em 0 .2em 1.2em;padding:0}
.qtext-doc .q-legend{display:flex;flex-wrap:wrap;gap:.4em;font-size:.85em;margin:.4em 0 .8em}
.qtext-doc .q-legend span{border-radius:3px;padding:.05em .45em}
.qtext-doc .q-body p{margin:0 0 .8em;text-indent:2em;white-space:pre-wrap}
.qtext-doc mark{border-radius:3px;padding:0 .1em}
.qtext-doc .q-records{font-size:.9em;margin-top:1em}
.qtext-doc .q-records summary{cursor:pointer;font-weight:600}
.qtext-doc .q-records ul{margin:.2em 0 .6em 1.2em;padding:0}
.qtext-doc .q-empty{color:#6b7280;font-style:italic}
"""


def _mark_style(label: str) -> str:
    _, bg, fg = LABELS.get(label, ("", "#e5e7eb", "#111827"))
    return f"background:{bg};color:{fg}"


# --- collecting highlights -----------------------------------------------------------------
def _mentions(doc: Document) -> list[tuple[int, int, str]]:
    """Every highlightable (start, end, label), from entities and the records' mentions."""
    ex = doc.extraction
    out: list[tuple[int, int, str]] = [(e.start, e.end, e.label) for e in ex.entities]
    for label, records in (("PERSON", ex.officials), ("ORG", ex.organisations), ("PLACE", ex.places),
                           ("EVENT", ex.events)):
        for r in records:
            out.extend((m.start, m.end, label) for m in r.mentions)
    out.extend((d.start, d.end, "DATE") for d in ex.dates)
    out.extend((s.start, s.end, "DOCUMENT") for s in ex.documents)
    return out


def _non_overlapping(spans: Iterable[tuple[int, int, str]], n: int) -> list[tuple[int, int, str]]:
    valid = {(s, e, lab) for s, e, lab in spans
             if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n}
    chosen: list[tuple[int, int, str]] = []
    last_end = -1
    for s, e, lab in sorted(valid, key=lambda t: (t[0], -t[1], t[2])):
        if s >= last_end:
            chosen.append((s, e, lab))
            last_end = e
    return chosen


def _highlight(text: str, start: int, end: int, spans: Sequence[tuple[int, int, str]],
               k: int) -> tuple[str, int]:
    """Escape ``text[start:end]`` with the spans from index ``k`` on marked; returns (html, next k)."""
    parts: list[str] = []
    pos = start
    while k < len(spans) and spans[k][0] < end:
        s, e, lab = spans[k]
        if s < pos:  # starts before this stretch (crosses a paragraph boundary): skip
            k += 1
            continue
        if e > end:
            break
        parts.append(escape(text[pos:s]))
        desc = LABELS.get(lab, (lab,))[0]
        parts.append(f'<mark class="q-{escape(lab.lower())}" style="{_mark_style(lab)}" '
                     f'title="{escape(lab)}: {escape(desc)}">{escape(text[s:e])}</mark>')
        pos = e
        k += 1
    parts.append(escape(text[pos:end]))
    return "".join(parts), k


# --- pieces of the view --------------------------------------------------------------------
def _meta(doc: Document) -> str:
    p = doc.page
    fields: list[tuple[str, str | None]] = [
        ("Published", p.published), ("Source", p.source), ("Author", p.author), ("Editor", p.editor),
        ("Site", p.site), ("Views", None if p.views is None else str(p.views)),
    ]
    if p.dateline is not None:
        dl = " ".join(x for x in (p.dateline.agency, p.dateline.place, p.dateline.date) if x)
        fields.append(("Dateline", dl or p.dateline.text))
    if p.breadcrumb:
        fields.append(("Section", " › ".join(p.breadcrumb)))
    if doc.id is not None:
        fields.append(("ID", doc.id))
    items = [f"<div><dt>{escape(k)}</dt><dd>{escape(v)}</dd></div>" for k, v in fields if v]
    if p.url:
        items.append(f'<div><dt>URL</dt><dd><a href="{escape(p.url)}" rel="noreferrer nofollow">'
                     f"{escape(p.url)}</a></dd></div>")
    return f'<dl class="q-meta">{"".join(items)}</dl>' if items else ""


def _card(doc: Document) -> str:
    s = doc.summary
    rows: list[tuple[str, str]] = []
    for label, value in (("Headline", s.headline), ("What", s.what), ("When", s.when), ("Where", s.where)):
        if value:
            rows.append((label, escape(value)))
    for label, values in (("Who", s.who), ("Organisations", s.organisations), ("Keywords", s.keywords)):
        if values:
            rows.append((label, escape("、".join(values))))
    if s.key_points:
        rows.append(("Key points", "<ul>" + "".join(f"<li>{escape(x)}</li>" for x in s.key_points) + "</ul>"))
    if s.lead and not s.key_points:
        rows.append(("Lead", escape(s.lead)))
    body = ("<table>" + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows) + "</table>"
            if rows else '<p class="q-empty">No summary.</p>')
    return f'<section class="q-card"><h3>Summary</h3>{body}</section>'


def _legend(counts: dict[str, int]) -> str:
    spans = [f'<span class="q-{lab.lower()}" style="{_mark_style(lab)}">{escape(lab)} · {escape(desc)}'
             f"{f' ({counts[lab]})' if counts.get(lab) else ''}</span>"
             for lab, (desc, _, _) in LABELS.items()]
    return f'<div class="q-legend" aria-label="legend">{"".join(spans)}</div>'


def _body(doc: Document, spans: Sequence[tuple[int, int, str]]) -> str:
    text = doc.text
    paragraphs = [(p.start, p.end) for p in doc.page.paragraphs if 0 <= p.start <= p.end <= len(text)]
    if not paragraphs and text.strip():
        paragraphs = [(0, len(text))]
    if not paragraphs:
        return '<div class="q-body"><p class="q-empty">No body text.</p></div>'
    out: list[str] = []
    k = 0
    for start, end in sorted(paragraphs):
        while k < len(spans) and spans[k][1] <= start:
            k += 1
        inner, k = _highlight(text, start, end, spans, k)
        out.append(f"<p>{inner}</p>")
    return f'<div class="q-body">{"".join(out)}</div>'


def _records(doc: Document) -> str:
    ex = doc.extraction
    parts: list[str] = []
    if ex.officials:
        items = []
        for o in ex.officials:
            titles = "；".join((t.organisation or "") + t.title for t in o.titles)
            items.append(f"<li><b>{escape(o.name)}</b>{' — ' + escape(titles) if titles else ''}</li>")
        parts.append(f"<details open><summary>Officials ({len(ex.officials)})</summary>"
                     f"<ul>{''.join(items)}</ul></details>")
    if ex.organisations:
        items = []
        for org in ex.organisations:
            extra = [x for x in (org.abbreviation, *org.aliases) if x and x != org.name]
            tail = f" ({escape('、'.join(dict.fromkeys(extra)))})" if extra else ""
            items.append(f"<li><b>{escape(org.name)}</b>{tail} <small>{escape(org.type)}</small></li>")
        parts.append(f"<details open><summary>Organisations ({len(ex.organisations)})</summary>"
                     f"<ul>{''.join(items)}</ul></details>")
    if ex.events:
        items = []
        for ev in ex.events:
            attrs = event_facts(ev)
            tail = " — " + escape("; ".join(attrs)) if attrs else ""
            items.append(f"<li><b>{escape(ev.name)}</b>{tail}</li>")
        parts.append(f"<details open><summary>Events ({len(ex.events)})</summary>"
                     f"<ul>{''.join(items)}</ul></details>")
    return f'<div class="q-records">{"".join(parts)}</div>' if parts else ""


def _fragment(doc: Document) -> str:
    spans = _non_overlapping(_mentions(doc), len(doc.text))
    counts: dict[str, int] = {}
    for _, _, lab in spans:
        counts[lab] = counts.get(lab, 0) + 1
    title = doc.page.title
    head = (f"<h2>{escape(title)}</h2>" if title else '<h2 class="q-empty">(no title)</h2>')
    subs = "".join(f'<p class="q-sub">{escape(s)}</p>' for s in doc.page.subtitles)
    return (f'<article class="qtext-doc">{head}{subs}{_meta(doc)}{_card(doc)}{_legend(counts)}'
            f"{_body(doc, spans)}{_records(doc)}</article>")


def event_facts(ev: Event) -> list[str]:
    """An event's date, place, organisers and theme as short labelled strings (for reports).

    >>> from qtext import Event
    >>> event_facts(Event("论坛", date="2021-05-19", place="武汉", organisers=("省政府",)))
    ['2021-05-19', '武汉', 'organisers: 省政府']
    """
    attrs = [x for x in (ev.date, ev.place) if x]
    if ev.organisers:
        attrs.append("organisers: " + "、".join(ev.organisers))
    if ev.theme:
        attrs.append("theme: " + ev.theme)
    return attrs


def render_fragment(doc: Document) -> str:
    """The notebook view (``Document._repr_html_``): a ``<div>`` with its own scoped ``<style>``."""
    return f'<div class="qtext-view"><style>{_CSS}</style>{_fragment(doc)}</div>'


def render_page(docs: Iterable[Document], title: str = "qtext") -> str:
    """A self-contained HTML page showing several documents, one after another."""
    body = '<hr style="margin:2em 0;border:0;border-top:1px solid #d1d5db">'.join(_fragment(d) for d in docs)
    return ('<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>body{{margin:1.5em auto;padding:0 1em;max-width:62rem;"
            f"background:#fff}}{_CSS}</style></head>\n<body>{body}</body></html>\n")


def render_html(doc: Document) -> str:
    """A self-contained HTML page (inline CSS, no external assets) showing one document.

    >>> import qtext
    >>> page = qtext.render_html(qtext.analyze("国务委员王勇出席大会。"))
    >>> page.startswith("<!doctype html>"), "<script" in page
    (True, False)
    """
    return render_page([doc], title=doc.page.title or doc.id or "qtext")
