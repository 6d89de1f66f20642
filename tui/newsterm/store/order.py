"""The orders the article list can be sorted in, as SQL that walks an index of schema.py.

An order is a list of keys (a column and its direction), ending in the id so every row has
one place. The list pages by offset and finds a row's place by counting the rows before it,
so each order also gives the condition "after this row" over the same keys, whole (one
expression) or in ranges (each one seek in an index, for the next unread row).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["ORDERS", "Order", "Range", "order_named"]


@dataclass(frozen=True, slots=True)
class Range:
    """Rows past an anchor that share its first ``fixed`` keys: one range of an index."""

    sql: str
    params: tuple[Any, ...]
    fixed: tuple[Any, ...]  # the anchor's values of those keys


@dataclass(frozen=True, slots=True)
class Order:
    """A sort order: ``keys`` are (SQL over ``articles a``, descending), most significant first."""

    name: str
    keys: tuple[tuple[str, bool], ...]

    @property
    def anchor(self) -> str:
        """The columns that place a row, for ``SELECT … FROM articles a``."""
        return ", ".join(column.split()[0] for column, _ in self.keys)

    def order_by(self, *, reverse: bool = False) -> str:
        """ORDER BY for the list (or walked from its end, with ``reverse``)."""
        return "ORDER BY " + ", ".join(
            f"{column} {'DESC' if descending != reverse else 'ASC'}"
            for column, descending in self.keys
        )

    def after(self, anchor: Sequence[Any], *, reverse: bool = False) -> tuple[str, list[Any]]:
        """The rows after the row at ``anchor`` in list order (before it, with ``reverse``)."""
        directions = {descending for _, descending in self.keys}
        if len(directions) == 1:  # one direction: a single range of the index
            op = "<" if directions.pop() != reverse else ">"
            return _beyond([c for c, _ in self.keys], op), [anchor[0], *anchor]
        terms: list[str] = []
        params: list[Any] = []
        for i, (column, descending) in enumerate(self.keys):
            op = "<" if descending != reverse else ">"
            equal = [f"{c} = ?" for c, _ in self.keys[:i]]
            terms.append("(" + " AND ".join([*equal, f"{column} {op} ?"]) + ")")
            params.extend(anchor[: i + 1])
        return "(" + " OR ".join(terms) + ")", params

    def after_ranges(self, anchor: Sequence[Any], *, reverse: bool = False) -> list[Range]:
        """The rows after ``anchor`` as disjoint ranges, nearest first, each seekable alone.

        Keys of one direction make one row value; a change of direction starts a range that
        holds the keys before it equal (by feed: the anchor's feed below it, then later
        feeds). An OR of such terms, as after() gives, is a walk, not a seek.
        """
        groups: list[list[int]] = []
        for i, (_, descending) in enumerate(self.keys):
            if groups and self.keys[groups[-1][0]][1] == descending:
                groups[-1].append(i)
            else:
                groups.append([i])
        ranges: list[Range] = []
        for group in reversed(groups):
            first = group[0]
            op = "<" if self.keys[first][1] != reverse else ">"
            equal = [f"{column} = ?" for column, _ in self.keys[:first]]
            beyond = _beyond([self.keys[i][0] for i in group], op)
            sql = " AND ".join([*equal, beyond])
            values = (*anchor[:first], anchor[first], *(anchor[i] for i in group))
            ranges.append(Range(f"({sql})", values, tuple(anchor[:first])))
        return ranges


def _beyond(columns: list[str], op: str) -> str:
    """``columns`` as a row value past ``op`` its anchor, for ``anchor[0], *anchor``.

    The first column is bounded alone as well: SQLite seeks on a row value only when no
    column has a collation (the title's NOCASE), and on a bound of one column always.
    """
    marks = ", ".join("?" * len(columns))
    return f"{columns[0]} {op}= ? AND ({', '.join(columns)}) {op} ({marks})"


NEWEST = Order("newest", (("a.published", True), ("a.id", True)))

ORDERS: tuple[Order, ...] = (
    NEWEST,
    Order("oldest", (("a.published", False), ("a.id", False))),
    # By feed, newest first in each: exactly the walk of articles_feed_newest.
    Order("feed", (("a.feed_url", False), ("a.published", True), ("a.id", True))),
    Order("title", (("a.title COLLATE NOCASE", False), ("a.id", False))),
)
"""In the order the sort key steps through them."""


def order_named(name: str) -> Order:
    """The order called ``name``; newest first for a name not known (an old state file)."""
    return next((order for order in ORDERS if order.name == name), NEWEST)
