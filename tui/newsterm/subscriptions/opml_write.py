"""Write feeds.toml's feeds as OPML 2.0, each tag a folder ("a/b" nests b in a).

A feed sits in the folder of its first tag and names every tag in its ``category``
attribute, so reading the file back gives the same feeds with the same tags.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import format_datetime

from newsterm.config import Subscription

__all__ = ["write_opml"]


def write_opml(feeds: Sequence[Subscription], *, now: datetime | None = None) -> str:
    """An OPML 2.0 document listing ``feeds`` in their order, tags as folders."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "newsterm subscriptions"
    ET.SubElement(head, "dateCreated").text = format_datetime(now or datetime.now(UTC))
    body = ET.SubElement(root, "body")
    folders: dict[tuple[str, ...], ET.Element] = {(): body}
    for feed in feeds:
        path = tuple(part for part in feed.tags[0].split("/") if part) if feed.tags else ()
        ET.SubElement(_folder(folders, path), "outline", _attributes(feed))
    ET.indent(root)
    text: str = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{text}\n'


def _folder(folders: dict[tuple[str, ...], ET.Element], path: tuple[str, ...]) -> ET.Element:
    """The outline for folder ``path``, made (with its parents) the first time it is asked for."""
    if path not in folders:
        parent = _folder(folders, path[:-1])
        folders[path] = ET.SubElement(parent, "outline", text=path[-1], title=path[-1])
    return folders[path]


def _attributes(feed: Subscription) -> dict[str, str]:
    name = feed.title or feed.url
    attributes = {"type": "rss", "text": name, "title": name, "xmlUrl": feed.url}
    if feed.tags:
        attributes["category"] = ",".join("/" + tag.strip("/") for tag in feed.tags)
    return attributes
