"""Render articles as wrapped plain terminal text, links listed at the end (for `newsterm show`
and `newsterm strip`): the same blocks and numbers as the reader."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable

from newsterm.models import Article
from newsterm.text.blocks import Block, Document
from newsterm.text.render.document import html_to_document
from newsterm.text.sanitize import one_line
from newsterm.text.strip import StripResult, hidden_note, strip_appeals

__all__ = ["render_article", "render_text"]

_MARKER = re.compile(r"^(?:[•◦▪] |\d+\. )")
_REMOVED_MARK = "┃ "
_MIN_WIDTH = 20


def render_text(
    doc_or_result: Document | StripResult, width: int = 80, show_removed: bool = False
) -> str:
    """The article as text: stripped blocks left out, or shown marked when show_removed."""
    width = max(width, _MIN_WIDTH)
    if isinstance(doc_or_result, StripResult):
        document = doc_or_result.document
        shown = [
            (v.block, v.reason if v.removed else None)
            for v in doc_or_result.verdicts
            if show_removed or not v.removed
        ]
    else:
        document = doc_or_result
        shown = [(block, None) for block in document.blocks]
    chunks: list[str] = []
    numbers: set[int] = set()
    previous = ""
    for block, reason in shown:
        lines = _render_block(block, width - (len(_REMOVED_MARK) if reason is not None else 0))
        if not lines:
            continue
        if reason is not None:
            note = _wrap(f"hidden: {reason}", width - len(_REMOVED_MARK))
            lines = [f"{_REMOVED_MARK}{line}".rstrip() for line in [*note, *lines]]
        if chunks:  # list items sit together; everything else is a paragraph apart
            tight = block.kind == "list_item" == previous and reason is None
            chunks.append("\n" if tight else "\n\n")
        chunks.append("\n".join(lines))
        previous = block.kind if reason is None else ""
        numbers.update(block.links)
    links = [f"[{link.number}] {link.url}" for link in document.links if link.number in numbers]
    if links:
        chunks.append("\n\n" + "\n".join(links))
    return "".join(chunks) + "\n" if chunks else ""


def render_article(
    article: Article,
    width: int = 80,
    *,
    strip: bool = True,
    show_removed: bool = False,
    patterns: Iterable[str] = (),
    selectors: Iterable[str] = (),
) -> str:
    """A cached article as the reader shows it: header, a note on hidden appeals, the body."""
    width = max(width, _MIN_WIDTH)
    base = article.link or article.feed_url
    head = _header(article, width)
    if not strip:
        return head + "\n" + render_text(html_to_document(article.body, base), width)
    try:
        result = strip_appeals(
            article.body, base_url=base, patterns=tuple(patterns), selectors=tuple(selectors)
        )
    except ValueError as exc:  # a bad strip_patterns / strip_selectors entry in feeds.toml
        body = render_text(html_to_document(article.body, base), width)
        return f"{head}Appeals not hidden: {exc}\n\n{body}"
    note = ""
    if result.removed_count and show_removed:
        noun = "appeal" if result.removed_count == 1 else "appeals"
        mark = _REMOVED_MARK.strip()
        note = f"Original view: {result.removed_count} donation {noun} marked {mark}\n"
    elif result.removed_count:
        note = f"{hidden_note(result)} (--original shows them)\n"
    return f"{head}{note}\n{render_text(result, width, show_removed)}"


def _header(article: Article, width: int) -> str:
    """Title, then feed · author · date, then the link and a rule."""
    lines = _wrap(one_line(article.title) or "(no title)", width)
    meta = [one_line(article.feed_title), one_line(article.author)]
    meta.append(article.published.astimezone().strftime("%Y-%m-%d %H:%M"))
    lines += _wrap(" · ".join(m for m in meta if m), width)
    if article.link:
        lines.append(one_line(article.link))
    lines.append("─" * width)
    return "\n".join(lines) + "\n"


def _render_block(block: Block, width: int) -> list[str]:
    """One block as lines no wider than width (pre and tables keep their lines)."""
    kind, text = block.kind, block.text
    if kind == "rule":
        return ["─" * min(width, 40)]
    if kind in ("pre", "table"):
        return text.split("\n")
    if kind == "heading":
        lines = _wrap(text, width)
        if block.level <= 2 and lines:
            rule = "═" if block.level == 1 else "─"
            lines.append(rule * min(max(len(line) for line in lines), width))
        return lines
    if kind == "list_item":
        indent = "  " * max(block.level - 1, 0)
        marker = _MARKER.match(text)
        hang = indent + " " * (len(marker.group()) if marker else 2)
        first = indent if marker else hang
        return _wrap(text, width, first, hang)
    if kind == "quote":
        prefix = "│ " * max(block.level, 1)
        return _wrap(text, width, prefix, prefix)
    return _wrap(text, width)


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Wrap each line of text (lines come from <br>) with the given indents."""
    out: list[str] = []
    for i, line in enumerate(text.split("\n")):
        out.extend(
            textwrap.wrap(
                line,
                width=width,
                initial_indent=first if i == 0 else rest,
                subsequent_indent=rest,
                break_long_words=True,
                break_on_hyphens=False,
            )
            or [first if i == 0 else rest]
        )
    return [line.rstrip() for line in out]
