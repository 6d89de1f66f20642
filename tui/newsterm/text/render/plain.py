"""Render articles as plain terminal text (for `newsterm show` and `newsterm strip`): the
same layout the reader draws (text/layout), without its colours."""

from __future__ import annotations

from newsterm.text.blocks import Block, Document
from newsterm.text.layout.body import block_lines
from newsterm.text.layout.lines import Line, join
from newsterm.text.layout.page import ReaderPage, layout_page, link_lines
from newsterm.text.strip import StripResult, Verdict

__all__ = ["render_page", "render_text"]

_MIN_WIDTH = 20


def render_text(
    doc_or_result: Document | StripResult, width: int = 80, show_removed: bool = False
) -> str:
    """The article's body as text: stripped blocks left out, or shown marked when show_removed."""
    width = max(width, _MIN_WIDTH)
    items: list[tuple[Block, Verdict | None]]
    if isinstance(doc_or_result, StripResult):
        document = doc_or_result.document
        items = [
            (v.block, v if v.removed else None)
            for v in doc_or_result.verdicts
            if show_removed or not v.removed
        ]
    else:
        document = doc_or_result
        items = [(block, None) for block in document.blocks]
    used = {n for block, _ in items for n in (*block.links, *block.images)}
    lines = block_lines(items, width)
    lines += link_lines([link for link in document.links if link.number in used], width)
    return _text(lines)


def render_page(page: ReaderPage, width: int = 80, *, original: bool = False) -> str:
    """A page exactly as the reader lays it out at ``width`` cells."""
    return _text(layout_page(page, max(width, _MIN_WIDTH), original=original))


def _text(lines: list[Line]) -> str:
    text = join(lines).strip("\n")
    return text + "\n" if text else ""
