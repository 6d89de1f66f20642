"""Tables: data tables become one block of rows ("a │ b"); layout tables are containers."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from newsterm.text.render.elements import enter_box
from newsterm.text.render.nodes import Attrs, Leave, hint_of, normalise
from newsterm.text.render.state import WalkState as Walker

__all__ = ["TABLE_HANDLERS"]

_CELL_SEP = " │ "


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


def _is_data_table(table: LexborNode) -> bool:
    """True when some row has two or more cells; single-column tables only lay out."""
    for row in _rows(table):
        cells = 0
        cell = row.first_child
        while cell is not None:
            if cell.tag in ("td", "th"):
                cells += 1
                if cells > 1:
                    return True
            cell = cell.next
    return False


def _table(w: Walker, node: LexborNode, attrs: Attrs) -> Leave | None:
    if w.table is not None:
        w.table_depth += 1
        w.parts.append(" ")
        return (_leave_inner_table, None)
    if not _is_data_table(node):
        return enter_box(w, node, attrs)  # a layout table is just a container
    w.flush()
    w.push_hint(hint_of(attrs))
    w.parts = []  # caption and stray text form the first row
    w.table = [[w.parts]]
    w.table_depth = 1
    return (_leave_table, None)


def _leave_inner_table(w: Walker, _: object) -> None:
    w.table_depth -= 1


def _leave_table(w: Walker, _: object) -> None:
    rows = w.table or []
    w.table = None
    w.table_depth = 0
    lines = []
    for row in rows:
        cells = [normalise("".join(cell), w.char_refs).replace("\n", " ") for cell in row]
        if any(cells):
            lines.append(_CELL_SEP.join(cells).strip())
    if lines and w.has_text:
        w.emit("table", "\n".join(lines), 0)
    w.reset()
    w.hints.pop()


def _row(w: Walker, node: LexborNode, attrs: Attrs) -> None:
    if w.table is not None:
        if w.table_depth == 1:
            w.table.append([])
            w.parts = []  # whitespace between cells goes nowhere
        else:
            w.parts.append(" ")


def _cell(w: Walker, node: LexborNode, attrs: Attrs) -> Leave | None:
    if w.table is None:  # a cell of a layout table: a plain container
        return enter_box(w, node, attrs)
    if w.table_depth == 1:
        w.parts = []
        w.table[-1].append(w.parts)
    else:
        w.parts.append(" ")
    return None


TABLE_HANDLERS = {"table": _table, "tr": _row, "td": _cell, "th": _cell}
