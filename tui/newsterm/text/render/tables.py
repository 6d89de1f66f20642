"""Tables: a data table becomes one block holding its cells (spans kept); a layout table,
one whose cells hold paragraphs or which has a single row or column, is a container."""

from __future__ import annotations

import contextlib
from dataclasses import replace

from selectolax.lexbor import LexborNode

from newsterm.text.blocks import Cell
from newsterm.text.render.elements import enter_box
from newsterm.text.render.nodes import Attrs, Leave, OpenCell, hint_of, normalise, tag_set
from newsterm.text.render.state import WalkState as Walker

__all__ = ["TABLE_HANDLERS"]

_CELL_SEP = " │ "  # how a table's text reads for the stripper and as a fallback
_MAX_SPAN = 64  # a hostile colspan="100000" must not make a grid that wide
_SECTION_TAGS = tag_set("h1 h2 h3 h4 h5 h6 blockquote pre table hr")
_LONG_CELL = 600  # characters: a cell this long is prose, not data


def _rows(table: LexborNode) -> list[LexborNode]:
    """The table's own rows (not those of tables nested in its cells)."""
    rows: list[LexborNode] = []
    child = table.first_child
    while child is not None:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("tbody", "thead", "tfoot"):
            row = child.first_child
            while row is not None:
                if row.tag == "tr":
                    rows.append(row)
                row = row.next
        child = child.next
    return rows


def _cells(row: LexborNode) -> list[LexborNode]:
    cells: list[LexborNode] = []
    cell = row.first_child
    while cell is not None:
        if cell.tag in ("td", "th"):
            cells.append(cell)
        cell = cell.next
    return cells


def _holds_prose(cell: LexborNode) -> bool:
    """A cell holding paragraphs, headings, quotes or code: the table only lays out a page."""
    paragraphs = 0
    for node in cell.traverse(include_text=False):
        tag = node.tag
        if tag in _SECTION_TAGS:
            return True
        if tag == "p":
            paragraphs += 1
            if paragraphs > 1:
                return True
    return len(cell.text(deep=True)) > _LONG_CELL


def _is_data_table(table: LexborNode) -> bool:
    """Two or more rows with text, one of them with two or more cells, and no prose cells."""
    rows = [cells for row in _rows(table) if (cells := _cells(row))]
    filled = [cells for cells in rows if any(c.text(deep=True).strip() for c in cells)]
    if len(filled) < 2 or all(len(cells) < 2 for cells in filled):
        return False
    return not any(_holds_prose(cell) for cells in rows for cell in cells)


def _table(w: Walker, node: LexborNode, attrs: Attrs) -> Leave | None:
    if w.table is not None:
        w.table_depth += 1
        w.parts.append(" ")
        return (_leave_inner_table, None)
    if not _is_data_table(node):
        return enter_box(w, node, attrs)  # a layout table is just a container
    w.flush()
    w.push_hint(hint_of(attrs))
    caption = OpenCell(columns=0)  # caption and stray text form the first row
    w.parts = caption.parts
    w.table = [[caption]]
    w.table_depth = 1
    return (_leave_table, None)


def _leave_inner_table(w: Walker, _: object) -> None:
    w.table_depth -= 1


def _leave_table(w: Walker, _: object) -> None:
    rows = _grid(w.table or [], w.char_refs)
    w.table = None
    w.table_depth = 0
    if rows and w.has_text:
        text = "\n".join(
            _CELL_SEP.join(c.text for c in row if c.text and not c.above) for row in rows
        )
        w.emit("table", text, 0)
        w.blocks[-1] = replace(w.blocks[-1], rows=rows)
    w.reset()
    w.hints.pop()


def _grid(raw: list[list[OpenCell]], char_refs: bool) -> tuple[tuple[Cell, ...], ...]:
    """Rows of cells with row spans filled in and empty rows and columns dropped."""
    pending: dict[int, tuple[int, Cell]] = {}  # column -> (rows left, the cell above)
    grid: list[list[Cell | None]] = []
    for raw_row in raw:
        row: list[Cell | None] = []
        for open_cell in raw_row:
            while pending.get(len(row), (0,))[0] > 0:  # a cell above reaches down here
                left, above = pending[len(row)]
                pending[len(row)] = (left - 1, above)
                row.append(Cell(above.text, 1, above.head, above=True))
            text = normalise("".join(open_cell.parts), char_refs).replace("\n", " ")
            row.append(Cell(text, open_cell.columns, open_cell.head))
            if open_cell.rows > 1:
                pending[len(row) - 1] = (open_cell.rows - 1, Cell(text, 1, open_cell.head))
            row.extend([None] * (open_cell.columns - 1))  # covered by the span
        grid.append(row)
    return _tidy(grid)


def _tidy(grid: list[list[Cell | None]]) -> tuple[tuple[Cell, ...], ...]:
    """Drop rows without text and columns no cell of its own fills (spacer columns)."""
    rows = [row for row in grid if any(c is not None and c.text and not c.above for c in row)]
    width = max((len(row) for row in rows), default=0)
    used = {
        i for row in rows for i, c in enumerate(row) if c is not None and c.text and c.span == 1
    }
    keep = [i for i in range(width) if i in used] or list(range(width))
    out: list[tuple[Cell, ...]] = []
    for row in rows:
        cells: list[Cell] = []
        for i, cell in enumerate(row):
            if cell is None:
                continue
            if cell.span == 0:  # a caption spans whatever columns are kept
                cells.append(Cell(cell.text, 0, True))
                continue
            span = sum(1 for j in range(i, i + cell.span) if j in keep)
            if span:
                cells.append(Cell(cell.text, span, cell.head, cell.above))
        out.append(tuple(cells))
    return tuple(out)


def _row(w: Walker, node: LexborNode, attrs: Attrs) -> None:
    if w.table is not None:
        if w.table_depth == 1:
            w.table.append([])
            w.parts = []  # whitespace between cells goes nowhere
        else:
            w.parts.append(" ")


def _span(value: str | None) -> int:
    with contextlib.suppress(ValueError, TypeError):
        return min(max(int(value or 1), 1), _MAX_SPAN)
    return 1


def _cell(w: Walker, node: LexborNode, attrs: Attrs) -> Leave | None:
    if w.table is None:  # a cell of a layout table: a plain container
        return enter_box(w, node, attrs)
    if w.table_depth == 1:
        cell = OpenCell(_span(attrs.get("colspan")), _span(attrs.get("rowspan")), node.tag == "th")
        w.parts = cell.parts
        if not w.table:
            w.table.append([])
        w.table[-1].append(cell)
    else:
        w.parts.append(" ")
    return None


TABLE_HANDLERS = {"table": _table, "tr": _row, "td": _cell, "th": _cell}
