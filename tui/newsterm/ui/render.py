"""Lay out an article for the reader: header, blocks and numbered links as wrapped lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content

from newsterm.config import Config
from newsterm.models import Article
from newsterm.text.blocks import Block, Document, Link
from newsterm.text.render.document import html_to_document
from newsterm.text.sanitize import one_line, strip_controls
from newsterm.text.strip import Verdict, hidden_note, strip_appeals

_LINK_NUMBER = re.compile(r"\[(\d+)\]")
_MARKER = re.compile(r"^(?:[•◦▪‣*-]|\d+[.)]) ")
_MAX_RULE = 40
_CELL_SEP = " │ "  # how newsterm.text joins table cells


@dataclass(frozen=True, slots=True)
class ReaderPage:
    """An article ready to read: its document and, when stripping ran, a verdict per block."""

    article: Article
    document: Document  # the whole article, as published
    verdicts: tuple[Verdict, ...] = ()  # one per block when stripping ran
    removed: int = 0  # appeals hidden (an appeal of several blocks counts once)
    note: str = ""  # the quiet line, e.g. "2 donation appeals hidden"
    problem: str = ""  # why stripping could not run, if it could not

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
        used = {n for block, _ in self.items(False) for n in block.links}
        return tuple(link for link in self.document.links if link.number in used)


def build_page(article: Article, config: Config) -> ReaderPage:
    """Parse the article and hide appeals when asked; slow on big articles: call in a thread."""
    sub = config.subscription(article.feed_url)
    base = article.link or article.feed_url
    if not config.settings.strip_donations or (sub is not None and not sub.strip):
        return ReaderPage(article, html_to_document(article.body, base))
    try:
        result = strip_appeals(
            article.body,
            base_url=base,
            patterns=sub.strip_patterns if sub else (),
            selectors=sub.strip_selectors if sub else (),
        )
    except ValueError as exc:  # a bad strip_selectors entry in feeds.toml
        problem = f"Appeals not hidden: {exc}"
        return ReaderPage(article, html_to_document(article.body, base), problem=problem)
    return ReaderPage(
        article, result.document, result.verdicts, result.removed_count, hidden_note(result)
    )


def warm_up() -> None:
    """Build the stripper's pattern tables now (they take ~0.5 s once), off the reading path."""
    strip_appeals("<p>newsterm</p>")


def layout(page: ReaderPage, width: int, *, original: bool) -> list[Content]:
    """Every line of the reader at ``width`` cells, in the stripped or original view."""
    width = max(width, 10)
    lines = header_lines(page.article, width)
    lines += notice_lines(page, original)
    lines.append(Content(""))
    lines += block_lines(page.items(original), width)
    lines += link_lines(page.links(original), width)
    return lines


def header_lines(article: Article, width: int) -> list[Content]:
    """Title, then feed · author · date, then the link."""
    title = Content(one_line(article.title) or "(no title)").stylize(".reader--title")
    lines = title.wrap(width)
    meta = [one_line(article.feed_title), one_line(article.author)]
    meta.append(article.published.astimezone().strftime("%Y-%m-%d %H:%M"))
    lines += Content(" · ".join(m for m in meta if m)).stylize(".reader--meta").wrap(width)
    if article.link:
        lines += Content(one_line(article.link)).stylize(".reader--link").fold(width)
    lines.append(Content.styled("─" * width, ".reader--rule"))
    return lines


def notice_lines(page: ReaderPage, original: bool) -> list[Content]:
    """The quiet line saying what stripping hid, and how to see it."""
    if page.problem:
        return [Content.styled(page.problem, ".reader--notice")]
    if not page.removed:
        return []
    if original:
        noun = "appeal" if page.removed == 1 else "appeals"
        text = f"Original view: {page.removed} donation {noun} marked ▌ · s to hide"
    else:
        text = f"{page.note} · s to show"
    return [Content.styled(text, ".reader--notice")]


def block_lines(items: Sequence[tuple[Block, Verdict | None]], width: int) -> list[Content]:
    """Blocks as lines; a verdict marks a removed block, labelled once per appeal."""
    lines: list[Content] = []
    previous: tuple[str, int] | None = None
    for block, removed in items:
        unit = (removed.unit or -1) if removed else 0
        kind = (block.kind, unit)
        # Items of one list stay together; other blocks get a blank line between them.
        if previous is not None and not (kind == previous and block.kind == "list_item"):
            lines.append(Content(""))
        if removed is not None and (previous is None or previous[1] != unit or unit < 0):
            reason = one_line(removed.reason) or "appeal"
            lines.append(Content.styled(f"▌ hidden: {reason}", ".reader--removed-reason"))
        body = _block(block, width - 2 if removed else width)
        if removed is not None:
            mark = Content.styled("▌ ", ".reader--removed-mark")
            body = [mark + line.stylize(".reader--removed") for line in body]
        lines += body
        previous = kind
    return lines


def _block(block: Block, width: int) -> list[Content]:
    text = strip_controls(block.text)
    kind = block.kind
    if kind == "heading":
        style = ".reader--h1" if block.level <= 1 else ".reader--h2"
        return _numbered(text, block).stylize(style).wrap(width)
    if kind == "list_item":
        indent = "  " * max(0, block.level - 1)
        marker = _MARKER.match(text)
        bullet = marker[0] if marker else "• "
        body = text[marker.end() :] if marker else text
        numbered = _numbered(body, block)
        return _hanging(numbered, width, indent + bullet, indent + " " * len(bullet))
    if kind == "quote":
        bar = Content.styled("│ " * max(1, block.level), ".reader--quote-bar")
        quoted = _numbered(text, block).stylize(".reader--quote")
        return [bar + line for line in quoted.wrap(max(1, width - bar.cell_length))]
    if kind == "table" and (aligned := _aligned_table(text, width)):
        return aligned
    if kind in ("pre", "table"):
        out: list[Content] = []
        for raw in text.split("\n"):
            out += (
                Content(raw.expandtabs(4)).stylize(".reader--pre").fold(width)
                if raw
                else [Content("")]
            )
        return out
    if kind == "image":
        label = text if text.startswith("[image") else f"[image: {one_line(text)}]"
        return Content(label).stylize(".reader--image").wrap(width)
    if kind == "rule":
        return [Content.styled("─" * min(width, _MAX_RULE), ".reader--rule")]
    return _numbered(text, block).wrap(width)


def _aligned_table(text: str, width: int) -> list[Content] | None:
    """Table rows with their columns lined up, when they fit in ``width``."""
    rows = [line.split(_CELL_SEP) for line in text.split("\n")]
    columns = max(len(row) for row in rows)
    widths = [0] * columns
    for row in rows:
        if len(row) == 1 < columns:
            continue  # a caption: it may run past the columns
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], cell_len(cell))
    if columns < 2 or sum(widths) + len(_CELL_SEP) * (columns - 1) > width:
        return None
    lines: list[Content] = []
    first = next(i for i, row in enumerate(rows) if len(row) > 1)  # the header row
    for number, row in enumerate(rows):
        if len(row) == 1 < columns:
            lines += Content(row[0]).stylize(".reader--table-head").wrap(width)
            continue
        cells = [Content(cell).pad_right(widths[i] - cell_len(cell)) for i, cell in enumerate(row)]
        line = Content(_CELL_SEP).join(cells).rstrip()
        lines.append(line.stylize(".reader--table-head") if number == first else line)
    return lines


def _hanging(content: Content, width: int, first: str, rest: str) -> list[Content]:
    wrapped = content.wrap(max(1, width - len(first)))
    return [Content(first if i == 0 else rest) + line for i, line in enumerate(wrapped)]


def _numbered(text: str, block: Block) -> Content:
    """Plain text with its link numbers ("word[3]") picked out."""
    content = Content(text)
    if not block.links:
        return content
    numbers = set(block.links)
    for match in _LINK_NUMBER.finditer(text):
        if int(match[1]) in numbers:
            content = content.stylize(".reader--link-number", match.start(), match.end())
    return content


def link_lines(links: Sequence[Link], width: int) -> list[Content]:
    """The numbered link list at the end, newsboat style."""
    if not links:
        return []
    lines = [Content(""), Content.styled("Links", ".reader--h2")]
    for link in links:
        label = Content.styled(f"[{link.number}] ", ".reader--link-number")
        lines += _hanging_label(label, Content(one_line(link.url)), width)
    return lines


def _hanging_label(label: Content, text: Content, width: int) -> list[Content]:
    pad = Content(" " * label.cell_length)
    wrapped = text.fold(max(1, width - label.cell_length))
    return [(label if i == 0 else pad) + line for i, line in enumerate(wrapped)]
