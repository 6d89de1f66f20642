"""Tell a feed from an HTML page, and find the feed an HTML page links to."""

from __future__ import annotations

import codecs
import re
from urllib.parse import urljoin, urlsplit

from newsterm.feeds.guard import UTF16_32_BOMS

__all__ = ["FEED_TYPES", "find_feed_link", "is_html_page"]

#: `<link rel="alternate" type=…>` values that name a feed newsterm can parse.
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"}
)

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Root elements of RSS 0.9x/2.0, Atom and RSS 1.0 (RDF, any prefix).
_FEED_ROOTS = re.compile(rb"rss|feed|(?:[\w.-]+:)?rdf", re.IGNORECASE)
# Skip the prolog: whitespace, XML declaration / processing instructions, comments,
# doctype; then capture the doctype's first word (if any) and the root element name.
_PROLOG = re.compile(
    rb"(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype\s+(?P<doctype>[\w:.-]+)[^>]*>)*"
    rb"<(?P<root>[A-Za-z][\w:.-]*)",
    re.DOTALL | re.IGNORECASE,
)
_WRAPPED_FEED = re.compile(rb"<feed\s[^>]*xmlns\s*=\s*[\"']http://www\.w3\.org/2005/Atom[\"']")
# Enough to get past a long licence comment at the top of a feed.
_SNIFF_BYTES = 64 * 1024


def _head_ascii(body: bytes) -> bytes:
    """The document's first bytes, with any BOM removed and UTF-16/32 made ASCII-compatible."""
    head = body[:_SNIFF_BYTES]
    for bom, encoding in UTF16_32_BOMS:
        if head.startswith(bom):
            text = head[len(bom) :].decode(encoding, errors="ignore")
            return text.encode("ascii", errors="replace")
    return head.removeprefix(codecs.BOM_UTF8)


def is_html_page(body: bytes, content_type: str = "") -> bool:
    """True when ``body`` is an HTML page rather than an RSS, Atom or RDF feed.

    The markup decides first (many servers label feeds ``text/html``); the
    content type only settles documents whose root element says nothing.
    """
    match = _PROLOG.match(_head_ascii(body))
    if match:
        if _FEED_ROOTS.fullmatch(match["root"]):
            return False
        doctype = (match["doctype"] or b"").lower()
        if match["root"].lower() == b"html" or doctype == b"html":
            # an Atom feed some blog engine wrapped in an XHTML page is still a feed
            return _WRAPPED_FEED.search(body, 0, _SNIFF_BYTES) is None
    mime = content_type.split(";", 1)[0].strip().lower()
    return mime in _HTML_TYPES


def find_feed_link(html: bytes, base_url: str) -> str | None:
    """The absolute URL of the first feed an HTML page advertises, or None.

    Honours ``<base href>``. A page fetched over HTTP may only point to http(s)
    feeds, so a hostile page cannot make newsterm read local files.
    """
    # (imported here: most fetches never meet a web page, and a refresh pays for each import)
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    base = base_url
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        base = _join(base_url, base_node.attributes.get("href") or "") or base_url
    allowed = {"http", "https"}
    if urlsplit(base_url).scheme == "file":
        allowed.add("file")
    for node in tree.css("link[rel][href]"):
        attrs = node.attributes
        rels = (attrs.get("rel") or "").lower().split()
        kind = (attrs.get("type") or "").split(";", 1)[0].strip().lower()
        if "alternate" not in rels or kind not in FEED_TYPES:
            continue
        url = _join(base, attrs.get("href") or "")
        if url and urlsplit(url).scheme in allowed:
            return url
    return None


def _join(base: str, href: str) -> str | None:
    """``href`` resolved against ``base`` without its fragment, or None if it is unusable."""
    href = href.strip()
    if not href:
        return None
    try:
        return urljoin(base, href).split("#", 1)[0]
    except ValueError:  # e.g. a malformed IPv6 literal
        return None
