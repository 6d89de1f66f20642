"""Render articles as plain terminal text (for `newsterm show` and `newsterm strip`): the
same layout the reader draws (text/layout), without its colours."""

from __future__ import annotations

from collections.abc import Iterable

from newsterm.models import Article
from newsterm.text.blocks import Block, Document
from newsterm.text.layout.body import block_lines
from newsterm.text.layout.lines import Line, join
from newsterm.text.layout.page import ReaderPage, layout_page, link_lines
from newsterm.text.render.document import html_to_document
from newsterm.text.strip import StripResult, Verdict, hidden_note, strip_appeals

__all__ = ["render_article", "render_page", "render_text"]

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


def render_article(
    article: Article,
    width: int = 80,
    *,
    strip: bool = True,
    show_removed: bool = False,
    patterns: Iterable[str] = (),
    selectors: Iterable[str] = (),
) -> str:
    """A cached article exactly as the reader shows it: header, notices, body, links."""
    base = article.link or article.feed_url
    page = ReaderPage(article, html_to_document(article.body, base))
    if strip:
        try:
            result = strip_appeals(
                article.body, base_url=base, patterns=tuple(patterns), selectors=tuple(selectors)
            )
        except ValueError as exc:  # a bad strip_patterns / strip_selectors entry in feeds.toml
            page = ReaderPage(article, page.document, problem=f"Appeals not hidden: {exc}")
        else:
            note = hidden_note(result)
            page = ReaderPage(article, result.document, result.verdicts, result.removed_count, note)
    return render_page(page, width, original=show_removed)
