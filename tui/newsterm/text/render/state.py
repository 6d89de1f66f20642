"""The state a walk over one DOM keeps, and the steps the element handlers take on it."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from newsterm.text.blocks import Block, Link
from newsterm.text.render.nodes import BR, Box, OpenCell, OpenLink, normalise
from newsterm.text.sanitize import strip_controls

__all__ = ["WalkState"]

_OPENABLE = ("http://", "https://", "mailto:")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


class WalkState:
    """The state of one walk over a DOM: the block being built, open containers, links and
    modes. The element handlers (elements.py, tables.py) drive it; walker.py gives the order."""

    def __init__(self, base_url: str, chosen: set[int], char_refs: bool = True) -> None:
        self.base_url = base_url
        # The caller stripped controls from the source; only character references such as
        # "&#27;" can bring them back, so text is re-checked only when the source has any.
        self.char_refs = char_refs
        self.chosen = chosen  # mem_ids of elements matched by feed selectors
        self.chosen_depth = 0
        self.blocks: list[Block] = []
        self.boxes: list[Box] = []
        self.selected: set[int] = set()
        self.links: list[Link] = []
        self.link_numbers: dict[str, int] = {}
        self.modes: list[tuple[str, int]] = [("paragraph", 0)]  # kind and level of new blocks
        self.hints: list[str] = [""]
        self.box_ids: list[int] = [0]
        self.next_box = 1
        self.lists: list[list[int]] = []  # per open list: [next number], or [] if unordered
        self.marker = ""  # list marker waiting for the first block of its item
        self.quote_depth = 0
        self.in_para = 0  # inside <p> and the like, where a blank line is only whitespace
        self.emphasis = 0
        self.button = 0
        self.link: OpenLink | None = None
        self.table: list[list[OpenCell]] | None = None  # rows of cells
        self.table_depth = 0
        self.reset()

    def reset(self) -> None:
        """Start an empty block buffer."""
        self.parts: list[str] = []
        self.has_text = False
        self.plain = False  # some text outside emphasis
        self.unlinked = False  # some text outside links
        self.unbuttoned = False  # some text outside buttons
        self.hrefs: list[str] = []
        self.numbers: list[int] = []
        self.images: list[int] = []  # image addresses' numbers (Block.images)
        self.inline_hints: list[str] = []
        self.buffer_chosen = False
        self.after_br = False
        if self.link is not None:
            self.link.in_buffer = False

    def leave_chosen(self, _: object) -> None:
        """Leave an element matched by a feed selector."""
        self.chosen_depth -= 1

    def text(self, text: str | None) -> None:
        """Add text to the block being built, noting what it is inside of."""
        if not text:
            return
        if (
            not self.in_para  # first: most text is inside <p>, and this test is the cheapest
            and text.count("\n") > 1
            and self.modes[-1][0] in ("paragraph", "quote")
        ):
            pieces = _BLANK_LINE.split(text)
            if len(pieces) > 1:  # loose text with blank lines: paragraphs without <p> tags
                for n, piece in enumerate(pieces):
                    if n:
                        self.flush()
                    self.text(piece)
                return
        link = self.link
        blank = text.isspace()
        # Whitespace before a block's first words (the newlines between block elements,
        # most of a page's text nodes) changes nothing: normalising drops it, and a buffer
        # holding only whitespace is dropped on flush. Outside a link, a table and pre,
        # whose words keep their spaces.
        if (
            blank
            and not self.parts
            and link is None
            and self.table is None
            and self.modes[-1][0] != "pre"
        ):
            return
        self.parts.append(text)
        if link is not None:
            link.parts.append(text)
        if blank:
            return
        self.has_text = True
        self.after_br = False
        if not self.emphasis:
            self.plain = True
        if not self.button:
            self.unbuttoned = True
        if self.chosen_depth:
            self.buffer_chosen = True
        if link is None:
            self.unlinked = True
        elif not link.in_buffer:  # a link's evidence goes with every block holding its text
            self.link_evidence(link)

    def link_evidence(self, link: OpenLink) -> None:
        """Number the open link on its first visible text and note it in this block."""
        link.in_buffer = True
        if link.url:
            self.hrefs.append(link.url)
            if not link.number:
                link.number = self.number(link.url)
        if link.hint:
            self.inline_hints.append(link.hint)

    def flush(self) -> None:
        """Close the block being built (if it has any text) and start a new one."""
        if self.table is not None:
            return
        if not self.has_text and not (self.parts or self.hrefs or self.inline_hints):
            return  # nothing to close (most calls: block elements flush on entry and exit)
        if self.has_text:
            link = self.link
            if link is not None and link.in_buffer and link.number:  # a link spanning blocks
                self.parts.append(f"[{link.number}]")
                self.numbers.append(link.number)
                link.parts.append(" ")
            kind, level = self.modes[-1]
            raw = "".join(self.parts)
            if kind == "pre":
                text = strip_controls(raw) if self.char_refs else raw
                text = text.replace(BR, "\n").strip("\n").rstrip()
            else:
                text = normalise(raw, self.char_refs)
            if text:
                if kind == "list_item" and self.marker:
                    text = self.marker + text
                    self.marker = ""
                self.emit(kind, text, level)
        self.reset()

    def emit(self, kind: str, text: str, level: int) -> None:
        """Append a finished block carrying the current buffer's evidence."""
        hint = self.hints[-1]
        if self.inline_hints:
            hint = " ".join([*dict.fromkeys(self.inline_hints), hint]).strip()
        blocks = self.blocks
        if self.buffer_chosen or self.chosen_depth:
            self.selected.add(len(blocks))
        has_text = self.has_text
        # positional, each list made unique in place: a block per paragraph makes this the
        # walk's busiest constructor call (most blocks have no links, so no dict is built)
        numbers, hrefs, images = self.numbers, self.hrefs, self.images
        blocks.append(
            Block(
                kind,
                text,
                level,
                tuple(dict.fromkeys(numbers)) if numbers else (),
                hint,
                tuple(dict.fromkeys(hrefs)) if hrefs else (),
                has_text and not self.plain,  # emphasis
                has_text and not self.unbuttoned,  # button
                has_text and not self.unlinked,  # linked
                self.box_ids[-1],  # box
                (),  # rows
                tuple(dict.fromkeys(images)) if images else (),
            )
        )

    def push_hint(self, own: str) -> None:
        """Enter an element: its hint words go in front of its ancestors'."""
        parent = self.hints[-1]
        self.hints.append(f"{own} {parent}"[:200].rstrip() if own else parent)

    def resolve(self, href: str) -> str:
        """An href made absolute against the base URL when possible ("" for in-page anchors)."""
        href = strip_controls(href).strip().replace("\n", "").replace("\t", "")
        if not href or href[0] == "#":
            return ""
        if href[:8].lower().startswith(("http://", "https://")):
            return href
        if href.startswith("//") and not self.base_url:
            return "https:" + href
        if self.base_url:
            try:
                return urljoin(self.base_url, href)
            except ValueError:
                return href
        return href

    def number(self, url: str) -> int:
        """The link number for a URL (same URL, same number), or 0 if it cannot be opened."""
        if not url[:8].lower().startswith(_OPENABLE):
            return 0
        number = self.link_numbers.get(url)
        if number is None:
            number = len(self.links) + 1
            self.links.append(Link(number, url, ""))
            self.link_numbers[url] = number
        return number
