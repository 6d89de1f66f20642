"""Bound what one hostile document can cost the parser, before feedparser sees it.

feedparser hands well-formed XML to expat, which expands entities declared in the
document's DTD: a "billion laughs" declaration of a few hundred bytes burns seconds and
tens of megabytes before expat's own amplification limit stops it (feedparser's entity
filter only sees declarations that start a line). And parsing costs time per entry: a
20 MB feed of tiny entries or elements takes half a minute of CPU. So, on the raw bytes:

* UTF-16 and UTF-32 documents become UTF-8 first (their byte order mark or signature
  outranks a server's charset label), so every later check reads them too;
* an internal DTD subset whose entities would expand past MAX_EXPANSION, refers to
  external or parameter entities, or declares more than MAX_ENTITIES, is dropped whole;
* a document with more than MAX_ENTRIES entries is cut after the last one kept;
* a document with more than MAX_MARKUP tags is refused (real feeds stay under 2% of it).

Those are the defaults of ``ParseLimits``; a caller (a test) may pass others.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass

from newsterm.errors import NotAFeed

__all__ = [
    "DEFAULT_LIMITS",
    "MAX_ENTITIES",
    "MAX_ENTRIES",
    "MAX_EXPANSION",
    "MAX_MARKUP",
    "UTF16_32_BOMS",
    "Bounded",
    "ParseLimits",
    "bound",
]

MAX_ENTRIES = 10_000
"""Entries parsed from one document; the rest (the oldest, in every real feed) are cut."""
MAX_EXPANSION = 1 << 20
"""Characters all entity references in a document may expand to."""
MAX_ENTITIES = 200
"""Entity declarations one internal DTD subset may hold."""
MAX_MARKUP = 1_000_000
"""Tags ("<" counted) a document may hold: feedparser spends ~12 µs on each element."""

UTF16_32_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
"""Byte order marks of the wide encodings, each with the codec that reads what follows."""
# Without a mark, "<" as the first character still tells the width and byte order.
_SIGNATURES = (
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
)
_DECL_ENCODING = re.compile(r"""^(<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2""")
_PROLOG_ITEM = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->", re.S)
_DOCTYPE = re.compile(rb"<!DOCTYPE\s[^\[>]*\[")
_SUBSET_TOKEN = re.compile(rb"\"[^\"]*\"|'[^']*'|<!--.*?-->|<\?.*?\?>|[^\"'<\]]+|<|\]", re.S)
_ENTITY = re.compile(rb"<!ENTITY\s+(%\s+)?([^\s\"'>]+)\s+(?:\"([^\"]*)\"|'([^']*)'|([^>]*))", re.S)
_REFERENCE = re.compile(rb"&([A-Za-z_:][\w.:-]*);")
_PERCENT_REFERENCE = re.compile(rb"%[A-Za-z_:][\w.:-]*;")
_ENTRY_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s/>]")
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_DOCTYPE_END = re.compile(rb"\s*>")
_DOCTYPE_PLAIN = re.compile(rb"<!DOCTYPE[^\[>]*>")


@dataclass(frozen=True, slots=True)
class ParseLimits:
    """What one document may cost the parser; the defaults suit every real feed."""

    entries: int = MAX_ENTRIES
    """Entries kept; the rest are cut."""
    expansion: int = MAX_EXPANSION
    """Characters all entity references may expand to."""
    entities: int = MAX_ENTITIES
    """Entity declarations one internal DTD subset may hold."""
    markup: int = MAX_MARKUP
    """Tags a document may hold."""


DEFAULT_LIMITS = ParseLimits()
"""The limits every real feed stays within."""


@dataclass(frozen=True, slots=True)
class Bounded:
    """A document made safe to parse, and what was done to it."""

    data: bytes
    charset: str | None  # the charset ``data`` is now in, when it was changed
    notes: tuple[str, ...] = ()


def bound(body: bytes, limits: ParseLimits = DEFAULT_LIMITS) -> Bounded:
    """``body`` re-encoded, defused and cut as the module docstring says; NotAFeed if too big."""
    data, charset = _to_utf8(body)
    if data.count(b"<") > limits.markup:
        raise NotAFeed(f"not a feed newsterm will parse (more than {limits.markup:,} tags)")
    notes: list[str] = []
    data, note = _defuse_entities(data, limits)
    if note:
        notes.append(note)
    data, note = _cap_entries(data, limits.entries)
    if note:
        notes.append(note)
    return Bounded(data, charset, tuple(notes))


def _to_utf8(body: bytes) -> tuple[bytes, str | None]:
    """UTF-16/32 text as UTF-8 with its declaration to match; other bytes as they are."""
    for bom, encoding in UTF16_32_BOMS:
        if body.startswith(bom):
            return _transcode(body[len(bom) :], encoding), "utf-8"
    for signature, encoding in _SIGNATURES:
        if body.startswith(signature):
            return _transcode(body, encoding), "utf-8"
    return body, None


def _transcode(raw: bytes, encoding: str) -> bytes:
    text = raw.decode(encoding, errors="replace")
    return _DECL_ENCODING.sub(r"\1\2utf-8\2", text, count=1).encode("utf-8")


def _defuse_entities(data: bytes, limits: ParseLimits) -> tuple[bytes, str | None]:
    """Drop an internal DTD subset whose entities could expand without bound."""
    doctype = _DOCTYPE.match(data, _skip_prolog(data, 0))
    if doctype is None:
        return data, None
    close = _subset_end(data, doctype.end())
    subset = data[doctype.end() : close]
    if b"<!ENTITY" not in subset:
        return data, None
    cost = _expansion(subset, data[close:], limits.entities)
    if cost <= limits.expansion:
        return data, None
    # Without the declarations the references stay undefined, and so are left unexpanded.
    return data[: doctype.end()] + data[close:], "ignored the document's entity declarations"


def _subset_end(data: bytes, start: int) -> int:
    """Where the internal subset that begins at ``start`` ends (its closing "]")."""
    for token in _SUBSET_TOKEN.finditer(data, start):
        if token.group() == b"]":
            return token.start()
    return len(data)


def _expansion(subset: bytes, document: bytes, max_entities: int) -> float:
    """Characters the document's entity references would expand to; inf when unbounded."""
    values: dict[bytes, bytes] = {}
    for match in _ENTITY.finditer(subset):
        parameter, name, double, single, external = match.groups()
        if parameter or external is not None or len(values) >= max_entities:
            return float("inf")  # external and parameter entities: never worth the risk
        values.setdefault(name, double if double is not None else single)
    if _PERCENT_REFERENCE.search(subset):
        return float("inf")
    sizes = _sizes(values)
    uses = Counter(_REFERENCE.findall(document))
    return sum(sizes[name] * count for name, count in uses.items() if name in sizes)


def _sizes(values: dict[bytes, bytes]) -> dict[bytes, float]:
    """Each entity's expanded length, found without recursion; inf for a reference cycle."""
    refs = {name: [r for r in _REFERENCE.findall(v) if r in values] for name, v in values.items()}
    sizes: dict[bytes, float] = {}
    for _ in range(len(values) + 1):  # each pass settles at least one entity, if any can be
        pending = [n for n in values if n not in sizes and all(r in sizes for r in refs[n])]
        if not pending:
            break
        for name in pending:
            sizes[name] = len(values[name]) + sum(sizes[r] for r in refs[name])
    return {name: sizes.get(name, float("inf")) for name in values}


def _cap_entries(data: bytes, max_entries: int) -> tuple[bytes, str | None]:
    """Cut a document after its ``max_entries``-th entry and close its root element."""
    if data.count(b"item") + data.count(b"entry") <= max_entries:  # the usual case, quickly
        return data, None
    starts = _ENTRY_START.finditer(data)
    cut = None
    for count, match in enumerate(starts, start=1):
        if count > max_entries:
            cut = match.start()
            break
    if cut is None:
        return data, None
    root = _root_name(data)
    closing = b"</channel></rss>" if root == b"rss" else (b"</" + root + b">" if root else b"")
    return data[:cut] + closing, f"kept the first {max_entries:,} entries of a longer feed"


def _root_name(data: bytes) -> bytes | None:
    """The root element's name, found past the prolog (comments, instructions, doctype)."""
    pos = _skip_prolog(data, 0)
    if subset := _DOCTYPE.match(data, pos):
        end = _DOCTYPE_END.match(data, _subset_end(data, subset.end()) + 1)
        pos = _skip_prolog(data, end.end()) if end else pos
    elif plain := _DOCTYPE_PLAIN.match(data, pos):
        pos = _skip_prolog(data, plain.end())
    match = _ROOT.match(data, pos)
    return match.group(1) if match else None


def _skip_prolog(data: bytes, pos: int) -> int:
    """The position after the whitespace, comments and instructions that start at ``pos``."""
    if data.startswith(codecs.BOM_UTF8, pos):
        pos += len(codecs.BOM_UTF8)
    while match := _PROLOG_ITEM.match(data, pos):
        pos = match.end()
    return pos
