"""Turn downloaded feed bytes into ParsedFeed: feedparser, then normalised and made safe."""

from __future__ import annotations

import calendar
import functools
import hashlib
import html
import io
import re
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import feedparser.api

from newsterm.errors import NotAFeed
from newsterm.feeds.fastpath import Unsure, read_fast
from newsterm.feeds.freshness import feed_fresh_for
from newsterm.feeds.guard import DEFAULT_LIMITS, Bounded, ParseLimits, bound
from newsterm.feeds.jsonfeed import is_json_feed, read_json_feed
from newsterm.models import Enclosure, ParsedEntry, ParsedFeed
from newsterm.text.sanitize import one_line, strip_controls

__all__ = ["parse_feed"]

MAX_TITLE = 2_000
MAX_AUTHOR = 500
MAX_ID = 2_000
MAX_LINK = 8_000
MAX_WARNING = 300
MAX_CONTENT = 2_000_000
"""Characters; a longer field is cut so one hostile entry cannot bloat the cache."""

FAST_TESTED = ("6.0.14",)
"""feedparser releases the fast path was compared against, over the whole corpus: it reuses
feedparser's own element handlers, which another release may change."""

FAST_PATH = feedparser.__version__ in FAST_TESTED
"""Whether parse_feed tries fastpath.py first: it gives feedparser's result, faster, or
declines. Off with a feedparser release it was never compared against."""

SAX_DRIVER = "newsterm.feeds.sax_driver"
"""The XML parser feedparser is given first (xml.sax driver modules are named as strings)."""

FUTURE_SLACK = timedelta(days=1)
"""A date further ahead is a feed's mistake, taken as missing: it must not pin the list's top."""

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_TAG = re.compile(r"<[^>]*>")
_LINK_SCHEMES = frozenset({"http", "https"})
# Character references to surrogates or past U+10FFFF crash feedparser's loose parser
# and could never be stored as UTF-8; only long references can be either.
_BIG_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{4,})|([0-9]{5,}));")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def parse_feed(
    body: bytes,
    *,
    url: str,
    content_type: str = "",
    now: datetime | None = None,
    limits: ParseLimits = DEFAULT_LIMITS,
    fast: bool = FAST_PATH,
) -> ParsedFeed:
    """Parse one downloaded document; raise NotAFeed when it is no RSS, Atom, RDF or JSON
    Feed.

    ``limits`` bounds what the document may cost (guard.py); the defaults suit real feeds.
    ``fast`` tries fastpath.py before feedparser (False: feedparser alone).
    """
    if not isinstance(body, bytes | bytearray):  # feedparser reads a str as a URL or a path
        raise TypeError(f"parse_feed needs the downloaded bytes, not {type(body).__name__}")
    doc: Mapping[str, Any]
    notes: tuple[str, ...] = ()
    if is_json_feed(bytes(body), content_type):
        doc = read_json_feed(bytes(body), limits.entries)
    else:
        bounded = bound(bytes(body), limits)
        doc, notes = _feedparser(bounded, content_type, fast), bounded.notes
    if not doc.get("version") and not doc.get("entries"):
        raise NotAFeed(_not_a_feed_reason(doc))
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    feed = doc.get("feed", {})
    return ParsedFeed(
        title=_text_field(feed, "title", MAX_TITLE),
        link=_link(feed.get("link"), url),
        entries=tuple(_entries(doc.get("entries", ()), url, now)),
        warning=_warning(doc, notes),
        fresh_for=feed_fresh_for(feed) if isinstance(feed, Mapping) else None,
    )


def _feedparser(bounded: Bounded, content_type: str, fast: bool) -> Mapping[str, Any]:
    """What feedparser makes of a bounded document (read by the fast path when it can be);
    NotAFeed if it crashes on it."""
    data = bounded.data
    # Without a content type feedparser warns on every local file: assume XML.
    mime = content_type or "application/xml"
    if bounded.charset:  # re-encoded: the server's charset label no longer applies
        mime = f"{mime.split(';', 1)[0].strip() or 'application/xml'}; charset={bounded.charset}"
    # No content-location: feedparser would resolve relative guids and Atom ids against
    # it, so an entry's id would change whenever the feed's URL does (http -> https, a
    # redirect). Links are made absolute in parse_feed instead.
    headers = {"content-type": mime}
    if b"&#" in data:
        data = _BIG_CHAR_REF.sub(_fix_char_ref, data)
    if fast:
        try:
            return read_fast(data, mime)
        except Unsure:
            pass  # feedparser reads it, loose parser and all
    _use_buffered_sax()
    try:
        # A stream, not bytes: feedparser tries a short bytes value as a file name first,
        # so a body of b"/home/me/x.xml" would read that local file.
        doc: Mapping[str, Any] = feedparser.parse(
            io.BytesIO(data),
            response_headers=headers,
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except Exception as exc:  # feedparser has crashed on hostile input before
        raise NotAFeed(f"unreadable feed ({type(exc).__name__}: {one_line(str(exc))})") from exc
    return doc


@functools.cache
def _use_buffered_sax() -> None:
    """Put sax_driver first in feedparser's XML parsers, once per process."""
    preferred = feedparser.api.PREFERRED_XML_PARSERS
    if SAX_DRIVER not in preferred:
        preferred.insert(0, SAX_DRIVER)


def _entries(raw: Iterable[dict[str, Any]], base: str, now: datetime) -> Iterable[ParsedEntry]:
    parsed = [(_entry(item, base, now), bool(_str(item.get("id")).strip())) for item in raw]
    shared = Counter(e.link for e, has_id in parsed if not has_id and e.id == e.link)
    seen: set[str] = set()
    for entry, has_id in parsed:
        if not has_id and shared[entry.id] > 1:
            # Two entries with no guid and one link are two stories (a news feed that
            # links every item to its front page): the link alone would merge them.
            entry = replace(entry, id=f"{entry.link}#{_digest(entry.title, entry.content)}")
        if entry.id in seen:
            continue  # the first of two entries sharing an id wins, as readers show it
        seen.add(entry.id)
        yield entry


def _entry(item: dict[str, Any], base: str, now: datetime) -> ParsedEntry:
    title = _text_field(item, "title", MAX_TITLE)
    link = _link(item.get("link"), base)
    content = _cap(strip_controls(_content(item)), MAX_CONTENT)
    summary = _cap(strip_controls(_str(item.get("summary"))), MAX_CONTENT)
    if summary == content:
        summary = ""  # feedparser often repeats the content as the summary: store it once
    # dict.get: feedparser's own .get("updated_parsed") falls back to published, with a warning.
    updated = _date(dict.get(item, "updated_parsed"), now)
    published = _date(dict.get(item, "published_parsed"), now) or updated
    return ParsedEntry(
        id=_entry_id(item, link, title, content or summary),
        title=title,
        link=link,
        author=_cap(one_line(html.unescape(_author(item))), MAX_AUTHOR),
        published=published,
        updated=updated,
        content=content,
        summary=summary,
        enclosures=_enclosures(item.get("enclosures") or (), base, _duration(item)),
    )


def _entry_id(item: Mapping[str, Any], link: str, title: str, content: str) -> str:
    """guid/id, else the link, else a hash of title and content: the same on every refresh."""
    # unescape: feedparser's fallback parser for malformed documents leaves "&amp;" in a
    # guid its XML parser decodes, and a feed that turns malformed must keep its ids.
    ident = one_line(html.unescape(_str(item.get("id"))))
    if ident:
        if len(ident) > MAX_ID:
            return "sha1:" + hashlib.sha1(ident.encode()).hexdigest()
        return ident
    if link:
        return link
    return "sha1:" + _digest(title, content)


def _digest(title: str, content: str) -> str:
    return hashlib.sha1(f"{title}\n{content}".encode("utf-8", "surrogatepass")).hexdigest()


def _content(item: Mapping[str, Any]) -> str:
    """The fullest body: HTML content (content:encoded, Atom content) preferred, longest first."""
    parts = [p for p in item.get("content") or () if isinstance(p, Mapping)]
    if not parts:
        return ""
    html_parts = [p for p in parts if p.get("type", "") in _HTML_TYPES]
    best = max(html_parts or parts, key=lambda p: len(_str(p.get("value"))))
    return _str(best.get("value"))


def _text_field(obj: Mapping[str, Any], key: str, limit: int) -> str:
    """A title as one display line; HTML-typed titles lose their tags and entities."""
    value = _str(obj.get(key))
    detail = obj.get(f"{key}_detail") or {}
    if isinstance(detail, Mapping) and detail.get("type", "") in _HTML_TYPES:
        value = html.unescape(_TAG.sub("", value))
    return _cap(one_line(value), limit)


def _link(raw: Any, base: str) -> str:
    """An absolute http(s) URL, or "" (a javascript: or data: link is no link)."""
    href = _str(raw).strip()
    if not href:
        return ""
    try:
        absolute = urljoin(base, href)
        scheme = urlsplit(absolute).scheme.lower()
    except ValueError:  # e.g. an invalid IPv6 literal
        return ""
    if scheme not in _LINK_SCHEMES or len(absolute) > MAX_LINK:
        return ""
    return one_line(absolute)


def _author(item: Mapping[str, Any]) -> str:
    """The entry's own first named author (dc:creator, <author>) before the podcast-wide one.

    feedparser's "author" keeps the last one it read, which in a podcast is the item's
    itunes:author, usually the show's name ("ATP"), not the person ("Marco Arment").
    """
    for person in item.get("authors") or ():
        if isinstance(person, Mapping) and (name := _str(person.get("name")).strip()):
            return name
    return _str(item.get("author"))


def _duration(item: Mapping[str, Any]) -> int | None:
    """itunes:duration ("1:54:09", "54:09" or seconds) in seconds; None when absent or odd."""
    raw = _str(item.get("itunes_duration")).strip()
    if not raw or len(raw) > 20:
        return None
    seconds = 0
    for part in raw.split(":"):
        if not part.isdigit():
            return None
        seconds = seconds * 60 + int(part)
    return seconds if seconds < 10**7 else None


def _enclosures(raw: Iterable[Any], base: str, duration: int | None) -> tuple[Enclosure, ...]:
    found: dict[str, Enclosure] = {}
    for item in raw:
        if not isinstance(item, Mapping):
            continue
        href = _link(item.get("href") or item.get("url"), base)
        if href and href not in found:
            kind = one_line(_str(item.get("type")))[:200]
            found[href] = Enclosure(href, kind, _length(item), duration)
    return tuple(found.values())


def _length(item: Mapping[str, Any]) -> int | None:
    try:
        length = int(_str(item.get("length")).strip())
    except ValueError:
        return None
    return length if 0 <= length < 2**63 else None


def _date(parsed: Any, now: datetime) -> datetime | None:
    """feedparser's UTC struct_time as an aware datetime; None when absent, invalid or future."""
    if not isinstance(parsed, time.struct_time):
        return None
    try:
        when = datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (OverflowError, ValueError, OSError):
        return None
    return None if when > now + FUTURE_SLACK else when


def _warning(doc: Mapping[str, Any], notes: Iterable[str] = ()) -> str | None:
    """What went wrong: our own safety cuts first, then feedparser's complaint."""
    parts = list(notes)
    if doc.get("bozo"):
        exc = doc.get("bozo_exception")
        parts.append((one_line(str(exc)) if exc is not None else "") or "malformed feed")
    return _cap("; ".join(parts), MAX_WARNING) if parts else None


def _not_a_feed_reason(doc: Mapping[str, Any]) -> str:
    exc = doc.get("bozo_exception")
    detail = f" ({_cap(one_line(str(exc)), MAX_WARNING)})" if exc is not None else ""
    return f"not an RSS or Atom feed{detail}"


def _fix_char_ref(match: re.Match[bytes]) -> bytes:
    hex_digits, decimal = match.groups()
    code = int(hex_digits, 16) if hex_digits else int(decimal)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return b"&#xFFFD;"
    return match.group()


def _str(value: Any) -> str:
    """A text field as str ("" when absent), with no lone surrogates for SQLite to choke on."""
    return _SURROGATES.sub("\ufffd", value) if isinstance(value, str) else ""


def _cap(text: str, limit: int) -> str:
    """Cut an absurdly long field, marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
