"""The reader's lines as Textual content: the core lays them out (text/layout), this only
gives each role its theme class, so the screen and `newsterm show` cannot drift apart."""

from __future__ import annotations

from functools import lru_cache

from textual.content import Content

from newsterm.reading import build_page
from newsterm.text.layout.lines import Line
from newsterm.text.layout.page import ReaderPage, layout_page
from newsterm.text.strip import strip_appeals

__all__ = ["LaidOut", "ReaderPage", "build_page", "laid_out", "layout", "to_content", "warm_up"]

LaidOut = tuple[int, list[Content]]
"""A page's lines and the width they were laid out for."""


def warm_up() -> None:
    """Build the stripper's English tables now, off the reading path: every article is read
    with them (another language's are built when an article in it first comes). An ask
    builds all of them: the ones that find asks, and the ones that weigh the blocks near."""
    strip_appeals("<p>Please donate.</p>")


def layout(page: ReaderPage, width: int, *, original: bool) -> list[Content]:
    """Every line of the reader at ``width`` cells, in the stripped or original view."""
    return [to_content(line) for line in layout_page(page, width, original=original)]


def laid_out(page: ReaderPage, width: int) -> LaidOut | None:
    """The stripped view's lines at ``width``, made ahead (in a worker), or None if unknown."""
    return (width, layout(page, width, original=False)) if width > 0 else None


def to_content(line: Line) -> Content:
    """A laid-out line as content: its text never read as markup, its roles as classes."""
    if not line.spans:
        return Content("")
    if len(line.spans) == 1:
        span = line.spans[0]
        return _styled(span.text, span.style)
    return Content("").join(_styled(span.text, span.style) for span in line.spans)


def _styled(text: str, style: str) -> Content:
    content = Content(text)
    for role in _classes(style):
        content = content.stylize(role)
    return content


@lru_cache(maxsize=256)
def _classes(style: str) -> tuple[str, ...]:
    return tuple(f".reader--{role}" for role in style.split())
