"""Data tables laid out in a given width: aligned columns whose cells wrap at word
boundaries, or, when the words alone cannot fit side by side, one record per row
("Header: value" lines), so no word is ever cut and nothing runs off the pane."""

from __future__ import annotations

from collections.abc import Sequence

from newsterm.text.blocks import Block, Cell
from newsterm.text.layout.lines import Line, Span, cell_width, wrap

__all__ = ["table_lines"]

SEP = " │ "
_SEP_WIDTH = 3
_HEAD_RULE = "─┼─"
_SQUEEZED = 2
Rows = Sequence[Sequence[Cell]]


def table_lines(block: Block, width: int) -> list[Line]:
    """The table of ``block`` in ``width`` cells: aligned if its words fit, else as records."""
    rows = block.rows or _rows_from_text(block.text)
    captions = [row[0].text for row in rows if len(row) == 1 and row[0].span == 0]
    body = [row for row in rows if not (len(row) == 1 and row[0].span == 0)]
    lines = [Line.of(text, "table-head") for c in captions for text in wrap(c, width)]
    if not body:
        return lines
    columns = max(sum(max(c.span, 1) for c in row) for row in body)
    widths = _widths(body, columns, width)
    aligned = _aligned(body, widths) if widths is not None else []
    # Aligned but squeezed (rows more than twice as tall as they are many) reads worse
    # than one record per row.
    if widths is None or len(aligned) > _SQUEEZED * (len(body) + 1):
        return lines + _records(body, width)
    return lines + aligned


def _rows_from_text(text: str) -> tuple[tuple[Cell, ...], ...]:
    """Rows split from a table's text, for blocks made without cells."""
    rows = [tuple(Cell(c.strip()) for c in line.split(SEP)) for line in text.split("\n")]
    columns = max((len(row) for row in rows), default=0)
    return tuple((Cell(row[0].text, 0, True),) if len(row) == 1 < columns else row for row in rows)


def _longest_word(text: str) -> int:
    return max((cell_width(word) for word in text.split()), default=0)


def _widths(rows: Rows, columns: int, width: int) -> list[int] | None:
    """Column widths that fit ``width`` without cutting a word, or None if none do."""
    least, most = [0] * columns, [0] * columns
    for row in rows:
        col = 0
        for cell in row:
            span = max(cell.span, 1)
            if span == 1 and col < columns:
                least[col] = max(least[col], _longest_word(cell.text))
                most[col] = max(most[col], cell_width(cell.text))
            col += span
    room = width - _SEP_WIDTH * (columns - 1)
    if sum(least) > room:
        return None
    widths = most if sum(most) <= room else _share(least, most, room - sum(least))
    return _fit_spans(rows, widths, room)


def _share(least: list[int], most: list[int], spare: int) -> list[int]:
    """Spare cells handed out evenly, so short columns fill up first and stay on one line."""
    widths = list(least)
    while spare > 0:
        hungry = [i for i, w in enumerate(widths) if w < most[i]]
        if not hungry:
            break
        share = max(1, spare // len(hungry))
        for i in hungry:
            add = min(share, most[i] - widths[i], spare)
            widths[i] += add
            spare -= add
    return widths


def _fit_spans(rows: Rows, widths: list[int], room: int) -> list[int] | None:
    """Widen the last column a spanning cell covers until its longest word fits in it."""
    for row in rows:
        col = 0
        for cell in row:
            span = max(cell.span, 1)
            if span > 1:
                covered = widths[col : col + span]
                have = sum(covered) + _SEP_WIDTH * (len(covered) - 1)
                need = _longest_word(cell.text)
                if need > have and covered:
                    widths[col + len(covered) - 1] += need - have
            col += span
    return widths if sum(widths) <= room else None


def _aligned(rows: Rows, widths: list[int]) -> list[Line]:
    lines: list[Line] = []
    heads = 0  # the header rows on top, ruled off from the body
    while heads < len(rows) and _is_head(rows[heads]):
        heads += 1
    for number, row in enumerate(rows):
        head = number < heads
        cells: list[list[str]] = []
        sizes: list[int] = []
        col = 0
        for cell in row:
            span = max(cell.span, 1)
            covered = widths[col : col + span]
            size = sum(covered) + _SEP_WIDTH * max(len(covered) - 1, 0)
            cells.append(wrap(cell.text, size) if cell.text and not cell.above else [""])
            sizes.append(size)
            col += span
        if col < len(widths):  # a short row: pad it out so separators line up
            cells.append([""])
            sizes.append(sum(widths[col:]) + _SEP_WIDTH * (len(widths) - col - 1))
        height = max(len(c) for c in cells)
        for i in range(height):
            parts = [_pad(c[i] if i < len(c) else "", s) for c, s in zip(cells, sizes, strict=True)]
            text = SEP.join(parts).rstrip()
            lines.append(Line.of(text, "table-head" if head else ""))
        if number == heads - 1 < len(rows) - 1:
            lines.append(Line.of(_HEAD_RULE.join("─" * w for w in widths), "rule"))
    return lines


def _is_head(row: Sequence[Cell]) -> bool:
    return any(c.text for c in row) and all(c.head for c in row if c.text)


def _pad(text: str, size: int) -> str:
    return text + " " * max(size - cell_width(text), 0)


def _records(rows: Rows, width: int) -> list[Line]:
    """One "Header: value" record per row, for tables too wide to align.

    A row that is one cell across the table is a section title; a row of header cells
    (on top, or repeated further down) names the columns of the records after it.
    """
    columns = max(sum(max(c.span, 1) for c in row) for row in rows)
    lines: list[Line] = []
    names: list[str] = []
    naming = False  # the row before was a header row too: merge the two
    for row in rows:
        if len(row) == 1 and row[0].span >= columns:
            if lines:
                lines.append(Line())
            lines += [Line.of(text, "table-head") for text in wrap(row[0].text, width)]
            continue
        if _is_head(row):
            names = _names([row], names if naming else [])
            naming = True
            continue
        naming = False
        if lines:
            lines.append(Line())
        for col, text in enumerate(_expand(row)):
            if text:
                lines += _field(names[col] if col < len(names) else "", text, width)
    return lines


def _names(head_rows: Rows, above: list[str]) -> list[str]:
    """Each column's header: the lowest header row's own cell, else a cell spanning it."""
    names = list(above)
    for row in head_rows:
        col = 0
        for cell in row:
            for i in range(col, col + max(cell.span, 1)):
                names.extend([""] * (i + 1 - len(names)))
                if cell.text and (cell.span <= 1 or not names[i]):
                    names[i] = cell.text
            col += max(cell.span, 1)
    return names


def _field(name: str, text: str, width: int) -> list[Line]:
    label = f"{name}: " if name else ""
    wrapped = wrap(label + text, width, "", "  ")
    first = wrapped[0]
    cut = min(len(label), len(first))
    head = Line((Span(first[:cut], "table-head"), Span(first[cut:])))
    return [head, *(Line.of(more) for more in wrapped[1:])]


def _expand(row: Sequence[Cell]) -> list[str]:
    """A row's texts by column: a spanning cell counts once, in its first column."""
    out: list[str] = []
    for cell in row:
        out.append(cell.text)
        out.extend([""] * (max(cell.span, 1) - 1))
    return out
