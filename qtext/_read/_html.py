"""HTML → page text (one block per line) and metadata, with lxml.

What goes: ``script``/``style``/``noscript``/``iframe``/``nav``/``aside``/``footer``/forms'
controls, comments, ruby annotations (``<rt>``/``<rp>``; the base text stays), and blocks that are
page furniture by markup: mostly-link lists and boxes, and elements whose class/id *tokens* say
footer, copyright, share, comment, related, nav, menu, sidebar, recommend … (generic hints,
never one site's names) — unless such an element holds most of the page's text.

What stays: every block element (``p``, ``div``, ``li``, ``h1``…, ``br``, table rows) on its own
line, inline elements (links, ``b``, ``span``) inside their line.

Metadata (``meta`` dict): ``title`` (``<title>``), ``h1`` (the first ``<h1>``), ``og_title``,
``site`` (og:site_name), ``url`` (og:url / canonical), ``description``, ``author``,
``published`` (article:published_time, pubdate-style ``<meta>``, ``<time datetime>``),
``source`` (``<meta name="source">``), ``subheads`` (texts of ``h2``–``h4`` and of elements whose
class/id says subtitle/deck: the only lines an HTML page's subtitles are taken from), ``dropped``
(``(reason, text)`` of every element taken out whose text holds a Han character, outermost only,
reasons from ``qtext._document.DROP_REASONS``: what ``Page.removed`` reports).

>>> text, meta = html_to_text("<html><head><title>标题_网站</title></head><body><h1>标题</h1>"
...     "<p>第一段，<b>有</b>字。</p><ruby>質<rt>zhì</rt></ruby><script>x=1</script></body></html>")
>>> text.split("\\n")
['标题', '第一段，有字。', '質']
>>> meta["title"], meta["h1"]
('标题_网站', '标题')
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["html_to_text", "is_html"]

_DROP_TAGS = (
    "script", "style", "noscript", "iframe", "nav", "aside", "footer", "template", "svg", "canvas",
    "select", "option", "button", "textarea", "input", "rt", "rp", "head", "object", "embed", "audio",
    "video", "map",
)
_BLOCK_TAGS = frozenset((
    "address", "article", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "li", "main", "menu", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "thead", "tfoot", "tr", "ul", "caption", "td", "th", "legend"
))
_CELL_TAGS = frozenset(("td", "th"))
#: class/id tokens that mark page furniture (checked token by token, never as substrings)
_FURNITURE_TOKENS = frozenset((
    "footer", "foot", "copyright", "copy", "share", "sharing", "social", "comment", "comments",
    "cmt", "reply", "related", "relate", "recommend", "recommended", "rec", "nav", "navbar",
    "navigation", "menu", "sidebar", "side", "aside", "breadcrumbs", "hot", "hotnews", "rank",
    "ranking", "login", "signin", "register", "ad", "ads", "advert", "advertisement", "banner",
    "qrcode", "friendlink", "links", "toolbar", "print", "subscribe"
))
#: why a dropped tag or furniture token goes (``DROP_REASONS``); anything else is boilerplate
_TAG_REASONS = {
    "script": "markup", "style": "markup", "noscript": "markup", "template": "markup", "svg": "markup",
    "canvas": "markup", "object": "markup", "embed": "markup", "audio": "markup", "video": "markup",
    "map": "markup", "iframe": "markup", "head": "metadata", "nav": "navigation", "footer": "footer",
    "rt": "annotation", "rp": "annotation",
}
_TOKEN_REASONS = {
    "nav": "navigation", "navbar": "navigation", "navigation": "navigation", "menu": "navigation",
    "breadcrumbs": "navigation", "links": "navigation", "friendlink": "navigation",
    "footer": "footer", "foot": "footer", "copyright": "footer", "copy": "footer",
}
#: class/id tokens of a title's deck lines
_SUBTITLE_TOKENS = frozenset(("subtitle", "subhead", "subheading", "deck", "subtit", "fbt", "sub"))
_BOX_TAGS = frozenset(("ul", "ol", "dl", "div", "table", "section", "td", "tr"))
_CONTENT_TOKENS = frozenset(("article", "content", "main", "body", "text"))
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_WS = re.compile(r"[ \t\r\n\f\v]+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# characters lxml refuses when a text node is set (drop_tree() re-joins text): C0 controls but
# tab/newline/return are deleted, surrogates and U+FFFE/U+FFFF become U+FFFD (found by fuzzing)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "og:release_date", "pubdate", "publishdate",
    "publish_date", "publishtime", "publish-date", "date", "dc.date", "dc.date.issued", "datepublished",
    "sailthru.date", "weibo:article:create_at",
)


def is_html(text: str) -> bool:
    """Whether ``text`` looks like HTML markup rather than page text.

    >>> is_html("<!DOCTYPE html><html><body><p>字</p></body></html>"), is_html("来源：新华社")
    (True, False)
    """
    head = text[:4000].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<" in head[1:]:
        return True
    if re.search(r"<(?:html|body|head)[\s>]", head):
        return True
    if not head.startswith("<"):
        return False  # page text with a few stray tags is text, repaired by the html step
    tags = len(re.findall(r"</?(?:p|div|br|span|a|td|li|h[1-6]|table|article|section)\b[^>]*>", head))
    return tags >= 3


def _tokens(el: Any) -> set[str]:
    raw = f"{el.get('class') or ''} {el.get('id') or ''}"
    if not raw.strip():
        return set()
    return {t for t in _TOKEN_SPLIT.split(_CAMEL.sub(" ", raw).lower()) if t}


def _drop(el: Any) -> None:
    parent = el.getparent()
    if parent is None:
        return
    el.drop_tree()


def _collect_meta(root: Any) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    title = root.find(".//title")
    if title is not None and (title.text_content() or "").strip():
        meta["title"] = _WS.sub(" ", title.text_content()).strip()
    h1 = root.find(".//h1")
    if h1 is not None and _WS.sub(" ", h1.text_content() or "").strip():
        meta["h1"] = _WS.sub(" ", h1.text_content()).strip()
    published: dict[str, str] = {}
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        content = _WS.sub(" ", m.get("content") or "").strip()
        if not key or not content:
            continue
        if key in ("og:title", "twitter:title") and "og_title" not in meta:
            meta["og_title"] = content
        elif key == "og:site_name":
            meta.setdefault("site", content)
        elif key == "og:url":
            meta.setdefault("url", content)
        elif key in ("description", "og:description"):
            meta.setdefault("description", content)
        elif key in ("author", "article:author", "dc.creator"):
            meta.setdefault("author", content)
        elif key in ("source", "og:source", "article:source"):
            meta.setdefault("source", content)
        elif key in _PUBLISHED_KEYS:
            published.setdefault(key, content)
    for key in _PUBLISHED_KEYS:
        if key in published:
            meta["published"] = published[key]
            break
    if "published" not in meta:
        for t in root.iter("time"):
            if t.get("datetime"):
                meta["published"] = t.get("datetime").strip()
                break
    if "url" not in meta:
        for link in root.iter("link"):
            if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
                meta["url"] = link.get("href").strip()
                break
    return meta


def _subheads(root: Any) -> list[str]:
    """Texts of h2–h4 and of subtitle/deck elements (after scripts are gone)."""
    subheads = []
    for el in root.iter("h2", "h3", "h4"):
        t = _WS.sub(" ", el.text_content() or "").strip()
        if t:
            subheads.append(t)
    for el in root.iter():
        if isinstance(el.tag, str) and _tokens(el) & _SUBTITLE_TOKENS:
            t = _WS.sub(" ", el.text_content() or "").strip()
            if t:
                subheads.append(t)
    return subheads


def _measure(body: Any) -> dict[Any, tuple[int, int, int, bool]]:
    """For every element: (text length, link text length, links, holds an h1), in one
    bottom-up pass (linear in the page, however deep the nesting)."""
    stats: dict[Any, tuple[int, int, int, bool]] = {}
    for el in reversed(list(body.iter())):
        if not isinstance(el.tag, str):
            continue
        n = len(_WS.sub("", el.text or ""))
        links = 0
        count = 0
        h1 = el.tag == "h1"
        for child in el:
            if isinstance(child.tag, str):
                cn, cl, cc, ch = stats[child]
                n += cn
                links += cl
                count += cc
                h1 = h1 or ch
            n += len(_WS.sub("", child.tail or ""))
        if el.tag == "a":
            links, count = n, count + 1
        stats[el] = (n, links, count, h1)
    return stats


def _prune(body: Any, dropped: list[tuple[str, str]] | None = None) -> None:
    """Drop furniture blocks: class/id hints and link-dense lists/boxes (never the main text)."""
    stats = _measure(body)
    total = max(1, stats[body][0]) if body in stats else 1
    candidates = []
    for el in body.iter():
        if not isinstance(el.tag, str) or el is body:
            continue
        if el.tag in ("h1", "p", "html", "body", "main", "article"):
            continue
        n, links, count, h1 = stats[el]
        if h1 or n > 0.4 * total:
            continue  # never the title or the main text
        toks = _tokens(el)
        # "article-related" is furniture, "article-content share-on" is not (unless mostly links)
        hinted = bool(toks & _FURNITURE_TOKENS) and (not (_CONTENT_TOKENS & toks) or links >= 0.5 * max(1, n))
        link_box = el.tag in _BOX_TAGS and n >= 6 and count >= 3 and links >= 0.65 * n
        if hinted or link_box:
            candidates.append(el)
    if dropped is not None and candidates:
        _record(candidates, dropped)
    for el in candidates:
        # an ancestor may already be gone: drop_tree on a detached subtree is harmless
        _drop(el)


def html_to_text(markup: str) -> tuple[str, dict[str, Any]]:
    """Turn HTML into page text (one block per line) and metadata from ``<title>``/``<meta>``/``<time>``."""
    import lxml.html
    from lxml import etree

    markup = _XML_DECL.sub("", markup, count=1)
    if _NOT_XML.search(markup):
        markup = _NOT_XML.sub(lambda m: "" if m.group() < " " else "\ufffd", markup)
    if not markup.strip():
        return "", {}
    try:
        root = lxml.html.document_fromstring(markup, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        return _strip_tags(markup), {}
    # libxml2 gives up on absurdly deep markup (thousands of unclosed tags): strip tags instead
    han_in = len(_HAN.findall(markup))
    if han_in >= 50 and len(_HAN.findall(root.text_content() or "")) < 0.3 * han_in:
        return _strip_tags(markup), _collect_meta(root)
    dropped: list[tuple[str, str]] = []
    gone = list(root.iter("rt", "rp"))
    _record(gone, dropped)
    for el in gone:
        if el.getparent() is not None:
            el.drop_tree()
    meta = _collect_meta(root)
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        _drop_keep_tail(el)
    for el in list(root.iter("textarea")):
        _open_textarea(el)
    gone = list(root.iter(*_DROP_TAGS))
    _record(gone, dropped)
    for el in gone:
        if el.getparent() is not None:
            el.drop_tree()
    body = root.find("body")
    if body is None:
        body = root
    subheads = _subheads(body)
    if subheads:
        meta["subheads"] = subheads
    _prune(body, dropped)
    if dropped:
        meta["dropped"] = dropped
    out: list[str] = []
    for event, el in etree.iterwalk(body, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS or tag == "br":
                out.append("\n")
            elif tag == "img":
                alt = ""  # images carry no page text here
                out.append(alt)
            if el.text:
                out.append(el.text)
        else:
            if tag in _CELL_TAGS:
                out.append(" ")
            elif tag in _BLOCK_TAGS:
                out.append("\n")
            if el.tail and el is not body:
                out.append(el.tail)
    text = "".join(out).replace("\xa0", " ")  # &nbsp; is a space on the page
    lines = []
    for line in text.split("\n"):
        line = _WS.sub(" ", line).strip(" ")
        if line.strip(" \u3000\xa0"):
            lines.append(line)
    return "\n".join(lines), meta


_HAN = re.compile(r"[\u3400-\u9fff]")
_SCRIPTS = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_BLOCK_TAG_RE = re.compile(
    r"<\s*/?\s*(?:p|div|br|li|tr|h[1-6]|table|section|article|ul|ol|dd|dt)\b[^>]*>", re.I
)
_ANY_TAG_RE = re.compile(r"<[^>]*>")
_HAN_ANY = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")  # every plane


_OPENER = re.compile(r"<(?:(script|style)\b|!--)", re.I)
_CLOSER = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I)}


def _drop_scripts(markup: str) -> str:
    """``_SCRIPTS.sub("", markup)`` in linear time: the regex scans from every unclosed opener
    to the end of the text (``<!--`` a thousand times is quadratic); here an opener whose closer
    is missing is given up once for all later openers of its kind.

    >>> _drop_scripts("a<script src=x>1</SCRIPT >b<!--c-->d<!--e")
    'abd<!--e'
    """
    out: list[str] = []
    done = 0  # markup[:done] is decided
    pos = 0  # where the next opener is searched
    last_gt = markup.rfind(">")
    missing: set[str] = set()  # kinds with no closer after the latest try
    while True:
        m = _OPENER.search(markup, pos)
        if m is None:
            break
        end = -1
        kind = (m.group(1) or "!--").lower()
        if kind not in missing:
            if kind == "!--":
                k = markup.find("-->", m.end())
                end = k + 3 if k >= 0 else -1
            elif m.end() <= last_gt:  # [^>]*> reaches the first > after the name
                c = _CLOSER[kind].search(markup, markup.index(">", m.end()) + 1)
                end = c.end() if c is not None else -1
            if end < 0:
                missing.add(kind)
        if end < 0:
            pos = m.start() + 1
            continue
        out.append(markup[done:m.start()])
        done = pos = end
    out.append(markup[done:])
    return "".join(out)


def _sub_tags(pattern: re.Pattern[str], repl: str, text: str) -> str:
    """``pattern.sub(repl, text)`` for a tag pattern that ends with its first ``>``: only the text
    up to the last ``>`` is searched (an unclosed ``<`` after it would scan to the end, each one)."""
    k = text.rfind(">")
    return pattern.sub(repl, text[:k + 1]) + text[k + 1:] if k >= 0 else text


def _strip_tags(markup: str) -> str:
    """Crude markup → lines for what lxml cannot parse: scripts and comments out, block tags to
    line breaks, other tags out, entities decoded."""
    import html

    text = _drop_scripts(markup)
    text = _sub_tags(_BLOCK_TAG_RE, "\n", text)
    text = html.unescape(_sub_tags(_ANY_TAG_RE, "", text)).replace("\xa0", " ")
    lines = (_WS.sub(" ", line).strip(" ") for line in text.split("\n"))
    return "\n".join(line for line in lines if line.strip(" \u3000"))


def _reason(el: Any) -> str:
    reason = _TAG_REASONS.get(el.tag) if isinstance(el.tag, str) else None
    if reason is None:
        reason = next((_TOKEN_REASONS[t] for t in sorted(_tokens(el)) if t in _TOKEN_REASONS), "boilerplate")
    return reason


def _record(chosen: list[Any], out: list[tuple[str, str]]) -> None:
    """Append ``(reason, text)`` for the outermost of the ``chosen`` elements (given in document
    order) whose text holds a Han character. Linear: each ancestor is looked at once, and what is
    learnt about it (inside a chosen element or not) is remembered."""
    inside: dict[Any, bool] = {}
    for el in chosen:
        path = []
        node = el.getparent()
        flag = False
        while node is not None:
            known = inside.get(node)
            if known is not None:
                flag = known
                break
            path.append(node)
            node = node.getparent()
        for n in path:
            inside[n] = flag
        inside[el] = True
        if not flag:
            text = _WS.sub(" ", el.text_content() or "").strip()
            if _HAN_ANY.search(text):
                out.append((_reason(el), text))


def _open_textarea(el: Any) -> None:
    """Some sites keep the article's markup escaped in a hidden ``<textarea>``: when one holds a
    lot of Chinese text, put its parsed content in its place (other textareas are form fields and
    are dropped with them)."""
    import lxml.html

    content = el.text or ""
    if len(_HAN.findall(content)) < 100 or el.getparent() is None:
        return
    try:
        frag = lxml.html.fragment_fromstring(content, create_parent="div")
    except (ValueError, TypeError):
        return
    frag.tail = el.tail
    el.getparent().replace(el, frag)


def _drop_keep_tail(el: Any) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
