"""Article HTML or plain text -> a Document of display blocks plus numbered links.

The blocks are UI-agnostic: the reader, `newsterm show` and the appeal stripper all work on
them. Besides the display fields each block carries the evidence the stripper needs (markup
hints, raw link targets, whether it is wholly emphasised, a button or a link).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsterm.text.sanitize import one_line, strip_controls

__all__ = ["Block", "Document", "Link", "html_to_document", "looks_like_html"]


@dataclass(frozen=True, slots=True)
class Link:
    """A numbered link target; `text` is the first anchor text seen for it."""

    number: int
    url: str
    text: str


@dataclass(frozen=True, slots=True)
class Block:
    """One display block of an article, in reading order."""

    kind: str  # "paragraph" "heading" "list_item" "quote" "pre" "table" "image" "rule"
    text: str  # controls stripped, links marked inline as "text[3]"
    level: int = 0  # heading level / list depth / quote depth
    links: tuple[int, ...] = ()  # link numbers in this block
    # Evidence for the appeal stripper (not for display):
    hint: str = ""  # class/id/aria-label/role words of the block and its ancestors
    hrefs: tuple[str, ...] = ()  # link targets in the block, resolved when possible
    emphasis: bool = False  # all of its text is bold/strong/em/i
    button: bool = False  # all of its text is a <button> or a button-styled link
    linked: bool = False  # all of its text is link text
    box: int = 0  # id of the innermost container element holding it (0: none)


@dataclass(frozen=True, slots=True)
class Document:
    """An article as blocks plus the numbered link list."""

    blocks: tuple[Block, ...]
    links: tuple[Link, ...]


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
    from newsterm.text.dom import parse_html  # deferred: keeps plain-text callers light

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
