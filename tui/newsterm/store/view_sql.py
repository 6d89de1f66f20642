"""A saved view's query (newsterm.view_query) as a condition over ``articles a``.

Every value is a parameter, never part of the SQL text. Words go through the full-text
index: the ones wanted in one MATCH, the ones excluded in another, each quoted so FTS5's own
syntax cannot be written in a view.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from newsterm.days import local_midnight
from newsterm.store.fulltext import quoted

if TYPE_CHECKING:
    from newsterm.view_query import Term, ViewQuery

__all__ = ["UNREAD_AMONG_STARRED", "view_clause"]

UNREAD_AMONG_STARRED = "+a.read = 0"
"""Unread, written so the planner walks the index of the few starred articles and tests each
one's read flag, rather than walking every unread article to find the starred ones."""

_STATE_SQL = {
    "unread": "a.read = 0",
    "read": "a.read = 1",
    "starred": "a.starred = 1",
    "today": "a.published >= ?",
}

# A tag matches itself and the folders inside it: tag:news is news and news/local.
_TAGGED = """a.feed_url IN (SELECT f.url FROM feeds f, json_each(f.tags) t
    WHERE casefold(t.value) = ? OR substr(casefold(t.value), 1, ?) = ?)"""
_FEED_NAMED = """a.feed_url IN (SELECT f.url FROM feeds f WHERE instr(casefold(f.url), ?) > 0
    OR instr(casefold(COALESCE(NULLIF(f.configured_title, ''), f.title)), ?) > 0)"""
# "+" keeps the planner walking the list's order index, testing each row against the matches
# (gathered once): at worst a walk of every row (55 ms at 300,000). Driven by the matches
# instead, a word in most articles would be looked up and sorted row by row (over a second).
_MATCHING = "+a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
_FTS_COLUMNS = {"text": "", "title": "title : ", "author": "author : "}


def view_clause(query: ViewQuery, now: datetime | None = None) -> tuple[str, list[Any]]:
    """The condition an article of the view meets, and its parameters.

    ``today`` means since local midnight at ``now`` (the time of the call by default).
    """
    clauses: list[str] = []
    params: list[Any] = []
    wanted: list[str] = []
    unwanted: list[str] = []
    for term in query.terms:
        if term.kind in _FTS_COLUMNS:
            (unwanted if term.negated else wanted).append(_fts(term))
            continue
        sql, values = _condition(term, now)
        if sql == _STATE_SQL["unread"] and query.wants("starred"):
            sql = UNREAD_AMONG_STARRED
        clauses.append(f"NOT ({sql})" if term.negated else sql)
        params.extend(values)
    if wanted:
        clauses.append(_MATCHING)
        params.append(" AND ".join(wanted))
    if unwanted:
        clauses.append(f"NOT {_MATCHING}")  # NOT (+a.id IN …): the same test, reversed
        params.append(" OR ".join(unwanted))
    return "(" + " AND ".join(clauses) + ")", params


def _condition(term: Term, now: datetime | None) -> tuple[str, list[Any]]:
    if term.kind == "today":
        return _STATE_SQL["today"], [local_midnight(now)]
    if term.kind in _STATE_SQL:
        return _STATE_SQL[term.kind], []
    value = term.value.casefold()
    if term.kind == "tag":
        folder = value.rstrip("/") + "/"
        return _TAGGED, [value, len(folder), folder]
    if term.kind == "feed":
        return _FEED_NAMED, [value, value]
    raise ValueError(f"a view term of unknown kind {term.kind!r}")  # parse_view_query makes none


def _fts(term: Term) -> str:
    return _FTS_COLUMNS[term.kind] + quoted(term.value) + ("*" if term.prefix else "")
