"""The fast path: a well-formed RSS or Atom document read by expat directly, as feedparser reads it.

feedparser's strict parser spends tens of µs of Python on every element: xml.sax wraps each
event, every start tag joins xml:base with urljoin, an unknown element costs a raised
AttributeError, and every text field goes through FeedParserDict lookups and a deep copy.
This reader subclasses feedparser's own mixin, so every element handler (titles, links,
guids, dates, authors, enclosures…) and its date parser are feedparser's, unchanged; only
the machinery around them is replaced: expat's events go straight to cached dispatch, and
text is popped by a port of the mixin's ``pop`` that skips the work newsterm turns off
(sanitising, resolving relative URIs) and the work that cannot change the text (the
Latin-1 and cp1252 repairs of ASCII text).

It reads only what it reads exactly as feedparser would, and raises ``Unsure`` for the
rest, which parse.py then gives to feedparser: a document expat rejects (feedparser's loose
parser reads those), a DOCTYPE or entity declaration, an encoding feedparser could not
settle, a root other than RSS 0.9x/2.0, RSS 1.0 or Atom 1.0, xml:base, markup inside a text
element (inline XHTML), base64 or non-text content types, attributes in a namespace
feedparser does not know, and any handler that fails.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from typing import Any
from xml.parsers import expat

from feedparser.encodings import convert_to_utf8
from feedparser.html import _cp1252
from feedparser.mixin import _FeedParserMixin
from feedparser.urls import _urljoin

__all__ = ["FAST_VERSIONS", "Unsure", "read_fast"]

FAST_VERSIONS = frozenset(
    {"rss090", "rss091u", "rss092", "rss093", "rss094", "rss20", "rss", "rss10", "atom10"}
)
"""feedparser's names for the formats read here (0.91 Netscape needs a DOCTYPE, so never)."""

TEXT_BUFFER = 1 << 16
"""Characters expat gathers into one text event (as sax_driver.py), so escaped HTML arrives
in a few pieces, not one per entity reference."""

_XLINK = "http://www.w3.org/1999/xlink"
_USERLAND = "backend.userland.com/rss"
_AMP_REF = re.compile("&([A-Za-z0-9_]+);")
_C1 = re.compile("[\x80-\x9f]")  # the only characters feedparser's cp1252 table maps
_TEXTINPUT_TAGS = frozenset({"title", "link", "description", "name"})
_IMAGE_TAGS = frozenset({"title", "link", "description", "url", "href", "width", "height"})
_NOT_STORED = frozenset({"category", "tags", "itunes_keywords"})

_Handler = Callable[..., Any]
_STARTS: dict[str, _Handler] = {
    name[len("_start_") :]: getattr(_FeedParserMixin, name)
    for name in dir(_FeedParserMixin)
    if name.startswith("_start_")
}
_ENDS: dict[str, _Handler] = {
    name[len("_end_") :]: getattr(_FeedParserMixin, name)
    for name in dir(_FeedParserMixin)
    if name.startswith("_end_")
}


class Unsure(Exception):
    """The fast path might not read this document as feedparser does: let feedparser."""


def read_fast(data: bytes, content_type: str) -> dict[str, Any]:
    """feedparser's result for ``data`` served as ``content_type``, as far as parse.py reads
    it (version, bozo, feed, entries); Unsure when it might differ."""
    result: dict[str, Any] = {"bozo": False}
    try:
        reader = _read(data, content_type, result)
    except Unsure:
        raise
    except Exception as exc:  # feedparser may fail differently here, or not at all
        raise Unsure(f"{type(exc).__name__}: {exc}") from exc
    if reader.version not in FAST_VERSIONS:
        raise Unsure(f"version {reader.version!r}")
    doc: dict[str, Any] = {
        "version": reader.version,
        "feed": dict(reader.feeddata),
        "entries": [_plain(entry) for entry in reader.entries],
        "bozo": result["bozo"],
    }
    if result["bozo"]:
        doc["bozo_exception"] = result.get("bozo_exception")
    return doc


def _read(data: bytes, content_type: str, result: dict[str, Any]) -> _Reader:
    """The document read by a _Reader, after feedparser's own choice of encoding."""
    utf8 = convert_to_utf8({"content-type": content_type}, data, result)
    if not result.get("encoding"):
        raise Unsure("feedparser would guess the encoding")
    if b"<!DOCTYPE" in utf8 or b"<!ENTITY" in utf8:
        raise Unsure("a DOCTYPE or entity declaration")
    reader = _Reader()
    parser = expat.ParserCreate(None, " ")
    parser.namespace_prefixes = True
    parser.buffer_text = True
    parser.buffer_size = TEXT_BUFFER
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.text
    parser.StartNamespaceDeclHandler = reader.namespace
    try:
        parser.Parse(utf8, True)
    except expat.ExpatError as exc:
        raise Unsure(f"not well-formed: {exc}") from exc
    return reader


def _plain(entry: Any) -> dict[str, Any]:
    """A FeedParserDict entry as a dict, its enclosures made a key as feedparser computes them.

    parse.py reads no key FeedParserDict renames, and a dict's lookups cost a tenth.
    """
    plain = dict(entry)
    plain.pop("enclosures", None)  # an element of that name: FeedParserDict would ignore it
    if "links" in plain:
        plain["enclosures"] = entry["enclosures"]
    return plain


def _split(name: str) -> list[str]:
    """An expat name's parts (uri, local name, prefix), as xml.sax splits them."""
    parts = name.split()
    if len(parts) > 3 or " ".join(parts) != name:  # whitespace inside a namespace URI
        raise Unsure("a namespace URI with whitespace")
    return parts


def _repaired(text: str) -> str:
    """feedparser's repairs of every text: UTF-8 read as Latin-1, then cp1252's C1 range."""
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):  # the usual case
        text = text.encode("iso-8859-1").decode("utf-8")
    return text.translate(_cp1252) if _C1.search(text) else text


class _Reader(_FeedParserMixin):  # type: ignore[misc]  # feedparser is untyped
    """feedparser's handlers, driven by expat's events without xml.sax in between."""

    def __init__(self) -> None:
        # What feedparser's strict parser sets before the mixin's own __init__.
        self.bozo = 0
        self.exc = None
        self.decls: dict[str, str] = {}
        self.baseuri = ""
        self.lang = None
        self.encoding = "utf-8"
        self.resolve_relative_uris = False
        self.sanitize_html = False
        super().__init__()
        self.contentparams: dict[str, Any] = {}
        self._depths: dict[int, dict[str, int]] = {}
        self._names: dict[str, tuple[str, str, bool]] = {}

    # expat's events

    def namespace(self, prefix: str | None, uri: str | None) -> None:
        """startPrefixMapping: feedparser's namespace tracking, which names the elements."""
        if not uri:
            return
        if prefix and uri == _XLINK:
            raise Unsure("an xlink declaration (feedparser adds it to attributes)")
        self.track_namespace(prefix or None, uri)
        self._names.clear()  # names resolve against the declarations seen so far

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """startElementNS and unknown_starttag in one, for documents without xml:base."""
        if self.incontent:
            raise Unsure("markup inside a text element")
        tag, key, bare = self._names.get(name) or self._resolve(name)
        attrs_d = self._attributes(attrs) if attrs else {}
        self.depth += 1
        if bare:  # feedparser's own tracking of empty image and textinput elements
            if tag not in _TEXTINPUT_TAGS:
                self.intextinput = 0
            if tag not in _IMAGE_TAGS:
                self.inimage = 0
        handler = _STARTS.get(key)
        if handler is not None:
            try:
                handler(self, attrs_d)
            except AttributeError as exc:  # feedparser would treat it as an unknown element
                raise Unsure(f"AttributeError in _start_{key}") from exc
        elif attrs_d:
            self._get_context()[key] = attrs_d
        else:
            self.push(key, 1)

    def end(self, name: str) -> None:
        """endElementNS and unknown_endtag."""
        _tag, key, _bare = self._names.get(name) or self._resolve(name)
        handler = _ENDS.get(key)
        if handler is not None:
            try:
                handler(self)
            except AttributeError as exc:
                raise Unsure(f"AttributeError in _end_{key}") from exc
        else:
            self.pop(key)
        if self.incontent:  # feedparser would take the element for inline XHTML
            raise Unsure("a text element left open")
        self.depth -= 1

    def text(self, text: str) -> None:
        """characters / handle_data (XHTML content, which feedparser escapes, is never here)."""
        if self.elementstack:
            self.elementstack[-1][2].append(text)

    # the mixin's machinery, ported

    def _resolve(self, name: str) -> tuple[str, str, bool]:
        """An expat name ("uri local prefix") as feedparser's tag and handler key."""
        parts = _split(name)
        namespace, local = ("", parts[0]) if len(parts) == 1 else (parts[0], parts[1])
        lower_ns = namespace.lower()
        if _USERLAND in lower_ns:
            raise Unsure("a backend.userland.com namespace (feedparser renames it)")
        local = local.lower()
        if local in ("math", "svg"):
            raise Unsure("MathML or SVG")
        prefix = self._matchnamespaces.get(lower_ns)
        if prefix:
            tag = f"{prefix}:{local}".lower()
        else:
            tag = local
            if namespace:  # feedparser's fallback: the document's own prefix for the URI
                for declared, uri in self.namespaces_in_use.items():
                    if declared and uri == namespace:
                        tag = f"{declared}:{local}".lower()
                        break
        prefix, colon, suffix = tag.partition(":")
        if not colon:
            prefix, suffix = "", tag
        prefix = self.namespacemap.get(prefix, prefix)
        resolved = (tag, f"{prefix}_{suffix}" if prefix else suffix, not prefix)
        self._names[name] = resolved
        return resolved

    def _attributes(self, attrs: dict[str, str]) -> dict[str, str]:
        """An element's attributes keyed as feedparser keys them ("rel", "rdf:about")."""
        out: dict[str, str] = {}
        qnames: list[tuple[str, str]] = []
        for aname, value in attrs.items():
            parts = _split(aname)
            if len(parts) == 1:
                out[aname.lower()] = value
                qnames.append((aname, value))
                continue
            prefix = self._matchnamespaces.get(parts[0].lower(), "")
            if not prefix:  # feedparser would key it by its bare local name
                raise Unsure("an attribute in a namespace feedparser does not know")
            out[f"{prefix}:{parts[1]}".lower()] = value
            qnames.append((f"{parts[2]}:{parts[1]}" if len(parts) == 3 else parts[1], value))
        for qname, value in qnames:
            out[qname.lower()] = value
        if "xml:base" in out or "base" in out:
            raise Unsure("xml:base")
        for key in ("rel", "type"):
            if key in out:
                out[key] = out[key].lower()
        return out

    def push_content(
        self, tag: str, attrs_d: dict[str, str], default_content_type: str, expecting_text: int
    ) -> None:
        """The mixin's push_content, for plain and HTML text only."""
        self.incontent += 1
        kind = self.map_content_type(attrs_d.get("type", default_content_type))
        if attrs_d.get("mode", "") == "base64":
            raise Unsure("base64 content")
        if not kind.startswith("text/") or kind.endswith("xml"):  # XHTML, XML or binary
            raise Unsure(f"content of type {kind!r}")
        self.contentparams = {"type": kind, "language": self.lang, "base": self.baseuri}
        self.push(tag, expecting_text)

    def pop(self, element: str, strip_whitespace: int = 1) -> Any:
        """The mixin's pop for a strict parse with no sanitising, base64 or XHTML."""
        stack = self.elementstack
        if not stack or stack[-1][0] != element:
            return None
        element, expecting_text, pieces = stack.pop()
        output = "".join(pieces)
        if strip_whitespace:
            output = output.strip()
        if not expecting_text:
            return output
        relative = element in self.can_be_relative_uri and (element != "id" or self.guidislink)
        if output and relative:  # a guid that is no permalink is left as it is
            output = _urljoin(self.baseuri or "", output)
        params = self.contentparams
        plain = params.get("type") == "text/plain" and not self.version.startswith("atom")
        if plain and self.looks_like_html(output):  # feedparser's guess for RSS
            params["type"] = "text/html"
        if not output.isascii():  # both repairs leave ASCII as it is
            output = _repaired(output)
        if element in _NOT_STORED:
            return output
        if element == "title" and -1 < self.title_depth <= self.depth:
            return output
        if self.inentry and not self.insource:
            self._store_in_entry(element, output)
        elif self.infeed or self.insource:
            self._store_in_feed(element, output)
        return output

    def _store_in_entry(self, element: str, output: str) -> None:
        entry = self.entries[-1]
        if element == "content":
            entry.setdefault(element, [])
            entry[element].append({**self.contentparams, "value": output})
        elif element == "link":
            if not self.inimage:
                # feedparser's repair of "?a=1&b=2" read as an entity reference
                output = _AMP_REF.sub(r"&\g<1>", output.replace("&amp;", "&"))
                entry[element] = output
                if output:
                    entry["links"][-1]["href"] = output
        else:
            if element == "description":
                element = "summary"
            depths = self._depths.setdefault(id(entry), {})
            old_depth = depths.get(element)
            if old_depth is None or self.depth <= old_depth:  # the shallowest one wins
                depths[element] = self.depth
                entry[element] = output
            if self.incontent:
                entry[element + "_detail"] = {**self.contentparams, "value": output}

    def _store_in_feed(self, element: str, output: str) -> None:
        context = self._get_context()
        if element == "description":
            element = "subtitle"
        context[element] = output
        if element == "link":
            output = _AMP_REF.sub(r"&\g<1>", output)
            context[element] = output
            context["links"][-1]["href"] = output
        elif self.incontent:
            context[element + "_detail"] = {**self.contentparams, "value": output}
