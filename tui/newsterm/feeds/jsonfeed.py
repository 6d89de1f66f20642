"""JSON Feed 1.0 and 1.1 (jsonfeed.org), read into the shape feedparser gives RSS and Atom.

feedparser 6 reads no JSON. A JSON Feed is decoded here with the standard json module and
handed on as the mapping feedparser would have made, so parse.py applies the same caps,
link rules and date checks to it as to any XML feed. Every field is checked for its type:
a number where text belongs, or a list where an object belongs, is left out and counted
in the feed's warning, never passed on.
"""

from __future__ import annotations

import html
import json
import re
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from newsterm.errors import NotAFeed

__all__ = ["is_json_feed", "read_json_feed"]

_JSON_TYPES = frozenset({"application/feed+json", "application/json", "text/json"})
# "https://jsonfeed.org/version/1.1"; some servers write the bare number
_VERSION = re.compile(r"(?:https?://jsonfeed\.org/version/)?(\d+)(?:\.(\d+))?/?")
_PARAGRAPHS = re.compile(r"\n\s*\n")
_SNIFF = 2_048  # bytes looked at to tell a JSON document from XML


def is_json_feed(body: bytes, content_type: str = "") -> bool:
    """The document is JSON: labelled as JSON, or an object where XML would open."""
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime in _JSON_TYPES:
        return True
    # no XML document opens with a brace
    return body[:_SNIFF].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def read_json_feed(body: bytes, max_entries: int) -> dict[str, Any]:
    """The feed as feedparser would give it; NotAFeed when it is no JSON Feed newsterm
    reads (not JSON, no version, a version other than 1.x, or items that are no list)."""
    try:
        doc = json.loads(body.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError) as exc:  # RecursionError: nesting a mile deep
        raise NotAFeed(f"not a JSON Feed (invalid JSON: {_why(exc)})") from exc
    if not isinstance(doc, dict):
        raise NotAFeed("not a JSON Feed (the document is no JSON object)")
    if isinstance(doc.get("rss"), dict):  # RSS written as JSON (rss.js): same fields
        doc = _from_rss(doc["rss"])
    notes = []
    if "version" in doc or "items" not in doc:
        _check_version(doc.get("version"))
    else:  # items and no version: a feed that forgot to say which one
        notes.append("no JSON Feed version given; read as 1.1")
    items = doc.get("items", [])
    if not isinstance(items, list):
        raise NotAFeed("not a JSON Feed (its items are no list)")
    fields = _Fields()
    feed_author = fields.author(doc)
    entries = [fields.entry(item, feed_author) for item in items[:max_entries]]
    out: dict[str, Any] = {
        "version": "json1",
        "feed": {"title": fields.text(doc, "title"), "link": fields.text(doc, "home_page_url")},
        "entries": [e for e in entries if e],
    }
    if len(items) > max_entries:
        notes.append(f"only the first {max_entries:,} of {len(items):,} items were read")
    if fields.wrong:
        notes.append(f"{fields.wrong} field(s) of the wrong type were left out")
    if notes:
        out["bozo"] = True
        out["bozo_exception"] = "; ".join(notes)
    return out


def _check_version(version: Any) -> None:
    match = _VERSION.fullmatch(version) if isinstance(version, str) else None
    if match is None:
        raise NotAFeed("not a JSON Feed (no jsonfeed.org version)")
    if match[1] != "1":
        number = ".".join(part for part in match.groups() if part)
        raise NotAFeed(f"JSON Feed version {number} is not one newsterm reads (1.0 and 1.1 are)")


class _Fields:
    """Reads typed fields and counts the ones of the wrong type."""

    def __init__(self) -> None:
        self.wrong = 0

    def text(self, obj: Mapping[str, Any], key: str) -> str:
        value = obj.get(key)
        if value is None or isinstance(value, str):
            return value or ""
        self.wrong += 1
        return ""

    def author(self, obj: Mapping[str, Any]) -> str:
        """1.1's `authors` list, else 1.0's `author` object: the names, joined."""
        authors = obj.get("authors")
        if authors is None and obj.get("author") is not None:
            authors = [obj["author"]]
        if authors is None:
            return ""
        if not isinstance(authors, list):
            self.wrong += 1
            return ""
        names = [self.text(a, "name") for a in authors if self._object(a)]
        return ", ".join(n for n in names if n)

    def entry(self, item: Any, feed_author: str) -> dict[str, Any] | None:
        """One item as a feedparser entry; None when it is no object or shows nothing."""
        if not self._object(item):
            return None
        ident = item.get("id")
        if isinstance(ident, int | float) and not isinstance(ident, bool):
            ident = str(ident)  # 1.0 feeds often number their items
        body = self.text(item, "content_html") or _as_html(self.text(item, "content_text"))
        entry: dict[str, Any] = {
            "id": ident if isinstance(ident, str) else "",
            "title": self.text(item, "title"),
            "link": self.text(item, "url") or self.text(item, "external_url"),
            "author": self.author(item) or feed_author,
            "content": [{"type": "text/html", "value": body}] if body else [],
            "summary": _as_html(self.text(item, "summary")),
            "published_parsed": self._date(item, "date_published"),
            "updated_parsed": self._date(item, "date_modified"),
            "enclosures": self._attachments(item.get("attachments")),
        }
        shows = entry["id"] or entry["title"] or body or entry["summary"] or entry["link"]
        return entry if shows else None

    def _date(self, item: Mapping[str, Any], key: str) -> time.struct_time | None:
        """An RFC 3339 date as feedparser's UTC struct_time; None when absent or unreadable."""
        value = self.text(item, key)
        if not value:
            return None
        try:
            when = datetime.fromisoformat(value.strip())
        except ValueError:
            try:  # the RSS form, which some JSON feeds use: "Sat, 07 Sep 2024 00:00:00 GMT"
                when = parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                self.wrong += 1
                return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return when.astimezone(UTC).timetuple()

    def _attachments(self, raw: Any) -> list[dict[str, str]]:
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.wrong += 1
            return []
        found = []
        for attachment in raw:
            if not self._object(attachment):
                continue
            size = attachment.get("size_in_bytes")
            length = str(size) if isinstance(size, int) and not isinstance(size, bool) else ""
            url = self.text(attachment, "url")
            if url:
                found.append(
                    {"href": url, "type": self.text(attachment, "mime_type"), "length": length}
                )
        return found

    def _object(self, value: Any) -> bool:
        if isinstance(value, dict):
            return True
        self.wrong += 1
        return False


def _from_rss(rss: Mapping[str, Any]) -> dict[str, Any]:
    """RSS in JSON ({"rss": {"channel": {"item": [...]}}}) in JSON Feed's field names."""
    channel = rss.get("channel")
    channel = channel if isinstance(channel, dict) else {}
    items = channel.get("item", [])
    items = [items] if isinstance(items, dict) else items
    return {
        "version": "1.1",
        "title": channel.get("title"),
        "home_page_url": channel.get("link"),
        "items": [_rss_item(i) if isinstance(i, dict) else i for i in items]
        if isinstance(items, list)
        else items,
    }


def _rss_item(item: Mapping[str, Any]) -> dict[str, Any]:
    guid = item.get("guid")
    enclosure = item.get("enclosure")
    out = {
        "id": guid.get("#value") if isinstance(guid, dict) else guid,
        "title": item.get("title"),
        "url": item.get("link"),
        "content_html": item.get("description"),
        "date_published": item.get("pubDate"),
    }
    if isinstance(enclosure, dict):
        out["attachments"] = [{"url": enclosure.get("url"), "mime_type": enclosure.get("type")}]
    return out


def _as_html(text: str) -> str:
    """Plain text as HTML paragraphs: a JSON Feed's text is text, never markup."""
    paragraphs = (p.strip() for p in _PARAGRAPHS.split(text))
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)


def _why(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
