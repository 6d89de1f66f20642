"""A search's best matches, ranked among a bounded set of candidates so the first page is quick.

Ranking costs a few microseconds a match (bm25 reads each match's term counts), so a word
found in most of 300,000 articles took over a second to rank in full. The index hands its
matches out newest article first (an article's id grows as it is stored) without ranking
them, so the search first walks to the RANKED_CANDIDATES-th newest match that passes the
list's filters, then ranks only the matches from there on. A search with fewer matches than
that finds no such match and ranks them all, exactly as before: rare words lose nothing; a
word in tens of thousands of articles is ranked among its newest few thousand.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from newsterm.store.queries import narrowed

__all__ = ["RANKED_CANDIDATES", "ranked_ids"]

RANKED_CANDIDATES = 5_000
"""Matches ranked at most, the newest ones: about 30 ms of ranking on the reference machine."""

_MATCHES = "FROM articles_fts s JOIN articles a ON a.id = s.rowid"


def ranked_ids(
    conn: sqlite3.Connection,
    match: str,
    where: str,
    params: list[Any],
    limit: int,
    candidates: int = RANKED_CANDIDATES,
) -> list[int]:
    """The ids of up to ``limit`` articles matching the FTS5 expression ``match`` and the
    article_filters clause ``where``, best first, ranked among the newest ``candidates``."""
    base = f"{_MATCHES} {narrowed(where, 'articles_fts MATCH ?')}"
    args = [*params, match]
    floor_sql = f"SELECT s.rowid {base} ORDER BY s.rowid DESC LIMIT 1 OFFSET ?"
    floor = conn.execute(floor_sql, [*args, max(candidates, limit) - 1]).fetchone()
    if floor is not None:  # more matches than candidates: rank only the newest
        base, args = f"{base} AND s.rowid >= ?", [*args, floor[0]]
    ranked = f"SELECT a.id {base} ORDER BY s.rank LIMIT ?"
    return [row[0] for row in conn.execute(ranked, [*args, max(limit, 0)])]
