"""Parse HTML with lexbor and walk it into a Document, with the structure the stripper reads."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, SelectolaxError

from newsterm.text.blocks import Document
from newsterm.text.render.nodes import BR, Box, tag_set
from newsterm.text.render.walker import Walker
from newsterm.text.sanitize import is_printable, strip_controls

__all__ = ["MAX_DEPTH", "Box", "Parsed", "limit_depth", "parse_html"]


@dataclass(frozen=True, slots=True)
class Parsed:
    """A Document plus its containers and the blocks matched by feed selectors."""

    document: Document
    boxes: tuple[Box, ...]  # containers holding at least one block, inner before outer
    selected: frozenset[int]  # indices of blocks inside elements matched by `selectors`


def parse_html(html: str, base_url: str = "", selectors: Iterable[str] = ()) -> Parsed:
    """Parse HTML into blocks; raises ValueError for an invalid CSS selector."""
    if not is_printable(html, lines=True):  # rare: one quick test saves strip_controls' scans
        html = strip_controls(html)
    if BR in html:
        html = html.replace(BR, "")
    tree = LexborHTMLParser(limit_depth(html))
    chosen: set[int] = set()
    for selector in selectors:
        try:
            chosen.update(node.mem_id for node in tree.css(selector))
        except SelectolaxError as exc:
            raise ValueError(f"invalid CSS selector {selector!r}") from exc
    walker = Walker(base_url, chosen, char_refs="&#" in html)
    body = tree.body
    if body is not None:
        walker.walk(body)
    document = Document(tuple(walker.blocks), tuple(walker.links))
    return Parsed(document, tuple(walker.boxes), frozenset(walker.selected))


# lexbor's parse time grows with the square of nesting depth (each new block element scans
# the stack of open elements): 50,000 nested <div>s take seconds. Past MAX_DEPTH, further
# opening tags and their end tags are dropped before parsing. Text is never dropped.
MAX_DEPTH = 256
_PREPASS_MIN_TAGS = 2048  # fewer tags than this cannot nest deep enough to matter
_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>", re.S)
_VOID = tag_set(
    "area base br col embed hr img input link meta param source track wbr keygen frame "
    "basefont bgsound image"
)
# Closed implicitly by their next sibling, so they never pile up in the parser.
_SELF_CLOSING = tag_set("p li dt dd tr td th option thead tbody tfoot colgroup caption")


def limit_depth(html: str) -> str:
    """Drop opening tags nested deeper than MAX_DEPTH (and their end tags); linear time."""
    if html.count("<") < _PREPASS_MIN_TAGS:
        return html
    out: list[str] = []
    pos = depth = 0
    dropped: dict[str, int] = {}
    for m in _TOKEN.finditer(html):
        name = m.group(2)
        if name is None:
            continue
        name = name.lower()
        if name in _VOID or name in _SELF_CLOSING or m.group(0).endswith("/>"):
            continue
        if m.group(1):
            if not dropped.get(name):
                depth = max(depth - 1, 0)
                continue
            dropped[name] -= 1
        elif depth < MAX_DEPTH:
            depth += 1
            continue
        else:
            dropped[name] = dropped.get(name, 0) + 1
        out.append(html[pos : m.start()])
        pos = m.end()
    if not out:
        return html
    out.append(html[pos:])
    return "".join(out)
