"""An article's blocks as styled lines: headings, lists, quotes, code, tables, images."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsterm.text.blocks import Block
from newsterm.text.layout.lines import Line, Span, cell_width, fold, wrap
from newsterm.text.layout.table import table_lines
from newsterm.text.sanitize import one_line, strip_controls
from newsterm.text.strip import Verdict

__all__ = ["block_lines", "numbered"]

_LINK_NUMBER = re.compile(r"\[(\d+)\]")
_MARKER = re.compile(r"^(?:[•◦▪‣*-]|\d+[.)]) ")
_MAX_RULE = 40


def block_lines(items: Sequence[tuple[Block, Verdict | None]], width: int) -> list[Line]:
    """Blocks as lines; a verdict marks a removed block, labelled once per appeal."""
    lines: list[Line] = []
    previous: tuple[str, int] | None = None
    for block, removed in items:
        unit = (removed.unit or -1) if removed else 0
        kind = (block.kind, unit)
        # Items of one list stay together; other blocks get a blank line between them.
        if previous is not None and not (kind == previous and block.kind == "list_item"):
            lines.append(Line())
        if removed is not None and (previous is None or previous[1] != unit or unit < 0):
            reason = one_line(removed.reason) or "appeal"
            lines.append(Line.of(f"▌ hidden: {reason}", "removed-reason"))
        body = render_block(block, width - 2 if removed else width)
        if removed is not None:
            mark = Line.of("▌ ", "removed-mark")
            body = [mark + line.styled("removed") for line in body]
        lines += body
        previous = kind
    return lines


def render_block(block: Block, width: int) -> list[Line]:
    """One block in ``width`` cells."""
    text = strip_controls(block.text)
    kind = block.kind
    if kind == "heading":
        style = "h1" if block.level <= 1 else "h2"
        return [numbered(line, block, style) for line in wrap(text, width)]
    if kind == "list_item":
        indent = "  " * max(0, block.level - 1)
        marker = _MARKER.match(text)
        bullet = marker[0] if marker else "• "
        body = text[marker.end() :] if marker else text
        hang = indent + " " * cell_width(bullet)
        return [numbered(line, block) for line in wrap(body, width, indent + bullet, hang)]
    if kind == "quote":
        bar = "│ " * max(1, block.level)
        quoted = wrap(text, max(1, width - len(bar)))
        return [Line.of(bar, "quote-bar") + numbered(line, block, "quote") for line in quoted]
    if kind == "table":
        return table_lines(block, width)
    if kind == "pre":
        return [
            Line.of(piece, "pre")
            for raw in text.split("\n")
            for piece in (fold(raw.expandtabs(4), width) if raw else [""])
        ]
    if kind == "image":
        label = text if text.startswith("[image") else f"[image: {one_line(text)}]"
        label += "".join(f"[{n}]" for n in block.images)
        return [numbered(line, block, "image") for line in wrap(label, width)]
    if kind == "rule":
        return [Line.of("─" * min(width, _MAX_RULE), "rule")]
    return [numbered(line, block) for line in wrap(text, width)]


def numbered(text: str, block: Block, style: str = "") -> Line:
    """One line with its link numbers ("word[3]") picked out."""
    if not (block.links or block.images) or "[" not in text:
        return Line.of(text, style)
    numbers = {*block.links, *block.images}
    spans: list[Span] = []
    at = 0
    for match in _LINK_NUMBER.finditer(text):
        if int(match[1]) in numbers:
            if match.start() > at:
                spans.append(Span(text[at : match.start()], style))
            spans.append(Span(match[0], f"{style} link-number".strip()))
            at = match.end()
    if at < len(text):
        spans.append(Span(text[at:], style))
    return Line(tuple(spans))
