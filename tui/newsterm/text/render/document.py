"""Article HTML or plain text -> a Document of display blocks plus numbered links."""

from __future__ import annotations

import re

from newsterm.text.blocks import Block, Document
from newsterm.text.render.dom import parse_html
from newsterm.text.sanitize import one_line, strip_controls

__all__ = ["html_to_document", "looks_like_html", "text_to_document"]


# A tag-like token: plain text without one is treated as text, not HTML.
_TAG = re.compile(
    r"<(?:[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>|/[a-zA-Z][a-zA-Z0-9-]*\s*>|!--|!doctype)", re.I
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.I)
_BULLET_LINE = re.compile(r"^[-*•]\s+")


def looks_like_html(text: str) -> bool:
    """True when the text contains something that parses as a tag."""
    return _TAG.search(text) is not None


def html_to_document(html: str, base_url: str = "") -> Document:
    """Parse article HTML (fragment or page) or plain text into a Document."""
    if not looks_like_html(html):
        return text_to_document(html)
    return parse_html(html, base_url).document


def text_to_document(text: str) -> Document:
    """Plain text: paragraphs split on blank lines, or on single newlines if there are none."""
    text = strip_controls(text).strip()
    if not text:
        return Document((), ())
    chunks = _BLANK_LINE.split(text)
    if len(chunks) == 1:
        chunks = text.split("\n")
    blocks: list[Block] = []
    for chunk in chunks:
        lines = chunk.split("\n")
        if len(lines) > 1 and all(_BULLET_LINE.match(ln.strip()) for ln in lines if ln.strip()):
            for ln in lines:
                _add_text_block(blocks, ln)
        else:
            _add_text_block(blocks, chunk)
    return Document(tuple(blocks), ())


def _add_text_block(blocks: list[Block], chunk: str) -> None:
    """Append one plain-text paragraph (or "- " bullet line) as a block."""
    line = one_line(chunk)
    if not line:
        return
    hrefs = tuple(_URL.findall(line))
    if _BULLET_LINE.match(line):
        blocks.append(Block("list_item", _BULLET_LINE.sub("• ", line, count=1), 1, hrefs=hrefs))
    else:
        blocks.append(Block("paragraph", line, hrefs=hrefs))
