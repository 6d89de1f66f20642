"""Read an OPML 1.0 or 2.0 subscription list: feeds, their titles, and folders as tags.

The document is hostile until read: defusedxml refuses entity declarations (billion
laughs) and external references, expat refuses what is not well-formed (a truncated
file, bytes that lie about their encoding), and every refusal names the line.
"""

from __future__ import annotations

import codecs
import re
from xml.sax import SAXException, SAXParseException
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import AttributesImpl, Locator

from defusedxml.common import DefusedXmlException
from defusedxml.sax import parseString

from newsterm.subscriptions.listing import Listing, ListProblem, Skipped
from newsterm.text.sanitize import one_line

__all__ = ["read_opml"]

MAX_DEPTH = 100
"""Outlines nested deeper than this are not a real list."""


def read_opml(data: bytes) -> Listing:
    """The feeds an OPML document lists; ListProblem when it is not one."""
    handler = _OutlineReader()
    data = _as_utf8(data)
    try:
        parseString(data, handler, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except SAXParseException as exc:
        raise ListProblem(
            exc.getLineNumber() or 1, f"not well-formed XML: {exc.getMessage()}"
        ) from None
    except DefusedXmlException as exc:
        name = one_line(str(getattr(exc, "name", "") or ""))[:40]
        what = f"the XML entity {name!r}" if name else "an XML entity or external reference"
        reason = f"refused: it declares {what}; OPML needs none, and none is expanded"
        raise ListProblem(handler.line, reason) from None
    except (SAXException, LookupError, ValueError) as exc:  # an encoding nobody knows
        raise ListProblem(handler.line, f"not readable XML: {_message(exc)}") from None
    if not handler.seen_root:
        raise ListProblem(1, "empty document")
    return handler.listing


def _as_utf8(data: bytes) -> bytes:
    """The document in UTF-8 when it declares another encoding expat cannot read itself:
    expat knows UTF-8, UTF-16 and the one-byte codecs, not Shift_JIS, GB2312 or Big5, in
    which Japanese and Chinese apps export. Bytes that lie about their encoding are refused
    with the line they are on."""
    match = _DECLARED.match(data)
    if match is None:
        return data
    name = match["encoding"].decode("ascii")
    try:
        codec = codecs.lookup(name)
    except LookupError:
        return data  # expat names the unknown encoding itself
    if codec.name.startswith("utf") or codec.name in _EXPAT_KNOWS or _one_byte(codec):
        return data
    try:
        text = data.decode(codec.name)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ListProblem(line, f"the bytes are not {name}, as the file says") from None
    return _DECLARED_TEXT.sub(r"\g<head>utf-8", text, count=1).encode("utf-8")


def _one_byte(codec: codecs.CodecInfo) -> bool:
    try:
        return len(bytes(range(256)).decode(codec.name, errors="replace")) == 256
    except (ValueError, TypeError):
        return False


_DECLARED = re.compile(
    rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"'](?P<encoding>[A-Za-z0-9._:-]{1,40})[\"']"
)
_DECLARED_TEXT = re.compile(r"(?P<head>\s*<\?xml[^>]*?encoding\s*=\s*[\"'])[A-Za-z0-9._:-]+")
_EXPAT_KNOWS = frozenset({"ascii", "latin-1", "iso8859-1"})


class _OutlineReader(ContentHandler):
    """Collects feeds from <outline> elements; folders on the way down become tags."""

    def __init__(self) -> None:
        super().__init__()
        self.listing = Listing()
        self.seen_root = False
        self._locator: Locator | None = None
        self._folders: list[str] = []  # "" for an outline that is no folder (a feed)
        self._depth = 0

    @property
    def line(self) -> int:
        return (self._locator.getLineNumber() or 1) if self._locator else 1

    def setDocumentLocator(self, locator: Locator) -> None:
        self._locator = locator

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise ListProblem(self.line, f"elements nested more than {MAX_DEPTH} deep")
        local = name.rpartition(":")[2].lower()
        if not self.seen_root:
            self.seen_root = True
            if local != "opml":
                raise ListProblem(
                    self.line, f"not an OPML document: it starts with <{_shown(name)}>"
                )
        if local == "outline":
            self._outline({key.lower(): value for key, value in attrs.items()})

    def endElement(self, name: str) -> None:
        self._depth -= 1
        if name.rpartition(":")[2].lower() == "outline" and self._folders:
            self._folders.pop()

    def _outline(self, attrs: dict[str, str]) -> None:
        title = (attrs.get("text") or "").strip() or (attrs.get("title") or "").strip()
        kind = (attrs.get("type") or "").strip().lower()
        if "xmlurl" in attrs and kind != "source":
            self._feed(attrs, title)
        elif kind in ("link", "include", "source"):
            self.listing.skipped.append(Skipped(self.line, "a link to another list, not a feed"))
        elif title:
            self._folders.append(title)
            return
        self._folders.append("")

    def _feed(self, attrs: dict[str, str], title: str) -> None:
        url = attrs["xmlurl"].strip()
        if not url:
            self.listing.skipped.append(Skipped(self.line, "an outline with an empty xmlUrl"))
            return
        folder = "/".join(part for part in self._folders if part)
        tags = [folder] if folder else []
        for category in (attrs.get("category") or "").split(","):
            path = "/".join(part.strip() for part in category.split("/") if part.strip())
            if path:
                tags.append(path)
        self.listing.add(url, title, tags, self.line)


def _message(exc: Exception) -> str:
    text = exc.getMessage() if isinstance(exc, SAXException) else str(exc)
    return one_line(text)[:200]


def _shown(name: str) -> str:
    return one_line(name)[:40]
