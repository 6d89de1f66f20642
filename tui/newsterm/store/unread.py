"""The unread article nearest a row of the article list, and how far away it lies, by seeks.

``n`` and ``p`` ask it. The unread row is the first of an index range past the anchor (one
seek per range of order.after_ranges). Its place in the list is the anchor's plus the rows
between the two, counted up to a bound: those are few when unread rows are near, where
counting from an end of a million-row list walks half of it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from newsterm.models import ArticleRow
from newsterm.store.order import Order, Range
from newsterm.store.queries import ROWS, narrowed
from newsterm.store.rows import article_row

__all__ = ["Nearest", "nearest_unread"]

Where = tuple[str, list[Any]]
"""An article_filters WHERE clause (possibly empty) and its parameters."""


@dataclass(frozen=True, slots=True)
class Nearest:
    """The unread row found, and the list's rows between it and where the search began."""

    row: ArticleRow
    between: int | None  # None: at least the ``within`` asked for (count it another way)
    from_edge: bool  # began at the top (below) or the bottom: there was no anchor row


def nearest_unread(
    conn: sqlite3.Connection,
    order: Order,
    anchor_id: int | None,
    *,
    below: bool,
    unread: Where,
    listed: Where,
    within: int,
) -> Nearest | None:
    """The first ``unread`` row below (above) ``anchor_id`` in ``order``; None if none.

    With no anchor (None, or an article no longer cached) it is the first from the top
    (the last, above). ``listed`` is the list's own filter, for counting the rows between;
    ``within`` bounds that count (0: do not count).
    """
    place = f"SELECT {order.anchor} FROM articles a WHERE a.id = ?"
    found_at = conn.execute(place, (anchor_id,)).fetchone() if anchor_id is not None else None
    anchor = tuple(found_at) if found_at is not None else None
    ranges = order.after_ranges(anchor, reverse=not below) if anchor is not None else [None]
    walk = order.order_by(reverse=not below)
    row = None
    for part in ranges:
        where, params = _within(unread, part)
        row = conn.execute(f"{ROWS} {where} {walk} LIMIT 1", params).fetchone()
        if row is not None:
            break
    if row is None:
        return None
    between = None
    if within > 0:
        found = tuple(conn.execute(place, (row["id"],)).fetchone())
        between = _count_between(conn, order, anchor, found, below, listed, within)
    return Nearest(article_row(row), between, anchor is None)


def _count_between(
    conn: sqlite3.Connection,
    order: Order,
    anchor: tuple[Any, ...] | None,
    found: tuple[Any, ...],
    below: bool,
    listed: Where,
    within: int,
) -> int | None:
    """Listed rows strictly between ``anchor`` (None: the list's edge) and ``found``.

    Each pair of a range past the anchor and a range short of the found row is one index
    range; pairs whose fixed keys disagree hold nothing and are not asked.
    """
    after_anchor = order.after_ranges(anchor, reverse=not below) if anchor is not None else [None]
    before_found = order.after_ranges(found, reverse=below)
    total = 0
    for start in after_anchor:
        for end in before_found:
            if start is not None:
                shared = min(len(start.fixed), len(end.fixed))
                if start.fixed[:shared] != end.fixed[:shared]:
                    continue
            where, params = _within(listed, start)
            where, params = _within((where, params), end)
            sql = f"SELECT count(*) FROM (SELECT 1 FROM articles a {where} LIMIT ?)"
            total += int(conn.execute(sql, [*params, within - total]).fetchone()[0])
            if total >= within:
                return None
    return total


def _within(where: Where, part: Range | None) -> Where:
    if part is None:
        return where
    return narrowed(where[0], part.sql), [*where[1], *part.params]
