"""A whole article page as lines: header, notices, blocks, enclosures and numbered links.

The reader draws these lines and `newsterm show` prints them: one layout, two outputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsterm.models import Article, Enclosure
from newsterm.text.blocks import Block, Document, Link
from newsterm.text.layout.body import block_lines
from newsterm.text.layout.lines import Line, Span, cell_width, fold, wrap
from newsterm.text.sanitize import one_line
from newsterm.text.strip import Verdict

__all__ = ["ReaderPage", "enclosure_label", "layout_page"]

_MIN_WIDTH = 10


@dataclass(frozen=True, slots=True)
class ReaderPage:
    """An article ready to read: its document and, when stripping ran, a verdict per block."""

    article: Article
    document: Document  # the whole article, as published (or as fetched, for full text)
    verdicts: tuple[Verdict, ...] = ()  # one per block when stripping ran
    removed: int = 0  # appeals hidden (an appeal of several blocks counts once)
    note: str = ""  # the quiet line, e.g. "2 donation appeals hidden"
    problem: str = ""  # why stripping could not run, if it could not
    full_text: str = ""  # "Full text from <host>" when the body is the fetched page

    def items(self, original: bool) -> list[tuple[Block, Verdict | None]]:
        """The blocks shown: all of them in the original view, the kept ones otherwise."""
        if not self.verdicts:
            return [(block, None) for block in self.document.blocks]
        if original:
            return [(v.block, v if v.removed else None) for v in self.verdicts]
        return [(v.block, None) for v in self.verdicts if not v.removed]

    def links(self, original: bool) -> tuple[Link, ...]:
        """The numbered links of the view shown; numbers never change between views."""
        if original or not self.removed:
            return self.document.links
        used = {n for block, _ in self.items(False) for n in (*block.links, *block.images)}
        return tuple(link for link in self.document.links if link.number in used)


def layout_page(page: ReaderPage, width: int, *, original: bool) -> list[Line]:
    """Every line of the reader at ``width`` cells, in the stripped or original view."""
    width = max(width, _MIN_WIDTH)
    lines = header_lines(page.article, width)
    lines += notice_lines(page, original)
    lines.append(Line())
    lines += block_lines(page.items(original), width)
    lines += enclosure_lines(page.article.enclosures, width)
    lines += link_lines(page.links(original), width)
    return lines


def header_lines(article: Article, width: int) -> list[Line]:
    """Title, then feed · author · date, then the link."""
    lines = [Line.of(t, "title") for t in wrap(one_line(article.title) or "(no title)", width)]
    feed, author = one_line(article.feed_title), one_line(article.author)
    # Many blogs name their author after the blog: "DC Rainmaker · DC Rainmaker" says nothing.
    meta = [feed, "" if author.casefold() == feed.casefold() else author]
    meta.append(article.published.astimezone().strftime("%Y-%m-%d %H:%M"))
    lines += [Line.of(t, "meta") for t in wrap(" · ".join(m for m in meta if m), width)]
    if article.link:
        lines += [Line.of(t, "link") for t in fold(one_line(article.link), width)]
    lines.append(Line.of("─" * width, "rule"))
    return lines


def notice_lines(page: ReaderPage, original: bool) -> list[Line]:
    """The quiet lines saying where the text came from and what stripping hid."""
    lines = [Line.of(page.full_text, "notice")] if page.full_text else []
    if page.problem:
        return [*lines, Line.of(page.problem, "notice")]
    if not page.removed:
        return lines
    if original:
        noun = "appeal" if page.removed == 1 else "appeals"
        text = f"Original view: {page.removed} donation {noun} marked ▌ · s to hide"
    else:
        text = f"{page.note} · s to show"
    return [*lines, Line.of(text, "notice")]


def enclosure_label(enclosure: Enclosure) -> str:
    """What a feed says of an attached file: its type, size and length where it gives them."""
    parts = [one_line(enclosure.type) or "file"]
    if enclosure.length:
        parts.append(_size(enclosure.length))
    if enclosure.duration:
        parts.append(_duration(enclosure.duration))
    return " · ".join(parts)


def _size(length: int) -> str:
    size = float(length)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} GB"


def _duration(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def enclosure_lines(enclosures: Sequence[Enclosure], width: int) -> list[Line]:
    """The attached files, numbered E1, E2…, each with its address."""
    if not enclosures:
        return []
    lines = [Line(), Line.of("Attachments · d download · P play", "h2")]
    for number, enclosure in enumerate(enclosures, 1):
        label = Line.of(f"[E{number}] ", "link-number")
        room = max(1, width - label_width(label))
        pieces = wrap(enclosure_label(enclosure), room) + fold(one_line(enclosure.url), room)
        lines += _hanging(label, pieces, "")
    return lines


def label_width(line: Line) -> int:
    return cell_width(line.plain)


def link_lines(links: Sequence[Link], width: int) -> list[Line]:
    """The numbered link list at the end, newsboat style."""
    if not links:
        return []
    lines = [Line(), Line.of("Links", "h2")]
    for link in links:
        label = Line.of(f"[{link.number}] ", "link-number")
        lines += _hanging(label, fold(one_line(link.url), max(1, width - label_width(label))), "")
    return lines


def _hanging(label: Line, pieces: list[str], style: str) -> list[Line]:
    pad = Line.of(" " * label_width(label))
    return [(label if i == 0 else pad) + Line((Span(p, style),)) for i, p in enumerate(pieces)]
