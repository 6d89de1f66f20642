"""An article as display blocks plus numbered links: what rendering makes and stripping reads.

The blocks are UI-agnostic: the reader, `newsterm show` and the appeal stripper all work on
them. Besides the display fields each block carries the evidence the stripper needs (markup
hints, raw link targets, whether it is wholly emphasised, a button or a link).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Block", "Cell", "Document", "Link"]


@dataclass(frozen=True, slots=True)
class Link:
    """A numbered link target; `text` is the first anchor text seen for it."""

    number: int
    url: str
    text: str


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a data table; a cell spanning rows leaves empty fillers below it."""

    text: str
    span: int = 1  # columns it covers
    head: bool = False  # a <th>
    above: bool = False  # a filler under a cell spanning rows: holds that cell's text


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
    rows: tuple[tuple[Cell, ...], ...] = ()  # a table's cells, laid out by text/layout
    # Link numbers of image addresses, drawn after an image's label ("[image: map][7]"):
    # for the reader only, so the stripper's evidence is what it was without them.
    images: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """An article as blocks plus the numbered link list."""

    blocks: tuple[Block, ...]
    links: tuple[Link, ...]
