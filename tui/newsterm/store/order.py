"""The orders the article list can be sorted in, as SQL that walks an index of schema.py.

An order is a list of keys (a column and its direction), ending in the id so every row has
one place. The list pages by offset and finds a row's place by counting the rows before it,
so each order also gives the condition "after this row" over the same keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["ORDERS", "Order", "order_named"]


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
        if len(directions) == 1:  # one direction: a row value, a single range of the index
            op = "<" if directions.pop() != reverse else ">"
            columns = ", ".join(column for column, _ in self.keys)
            marks = ", ".join("?" * len(self.keys))
            return f"({columns}) {op} ({marks})", list(anchor)
        terms: list[str] = []
        params: list[Any] = []
        for i, (column, descending) in enumerate(self.keys):
            op = "<" if descending != reverse else ">"
            equal = [f"{c} = ?" for c, _ in self.keys[:i]]
            terms.append("(" + " AND ".join([*equal, f"{column} {op} ?"]) + ")")
            params.extend(anchor[: i + 1])
        return "(" + " OR ".join(terms) + ")", params


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
