"""Full-text search: an FTS5 index over title, author, feed title and the article's text.

The index is contentless (``content=''``): it holds tokens, not a second copy of every
article, which keeps it well under half the cache's size. Triggers keep it current on update
and delete (prune), calling ``newsterm_text`` (registered on every connection) for an
article's plain text. A new article is only queued by its trigger (``articles_unindexed``);
``index_queued`` indexes the queue in one statement before the transaction commits, because
FTS5 writes its pending terms out at the end of every statement and savepoint: indexed row
by row, a cold refresh's 10,000 articles cost 1.5 s more CPU. A contentless index forgets
what it indexed, so a row is taken out by giving the same values again: the triggers
recompute them, and a feed's new title re-indexes its articles. Changing what
``indexed_text`` returns therefore needs a migration that rebuilds the index ('delete-all',
then every row again).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from typing import Any

from newsterm.errors import SearchError
from newsterm.query_words import OPERATORS, control_character, has_word

__all__ = [
    "FULLTEXT_STEP",
    "INDEXED_TEXT_CHARS",
    "QUEUED_INDEX_STEP",
    "index_queued",
    "indexed_text",
    "match_expression",
    "quoted",
    "register",
    "remember_texts",
    "search_terms",
]

INDEXED_TEXT_CHARS = 50_000
"""Characters of an article's text that are indexed: past this, a page is not an article."""

_FEED_TITLE = "COALESCE(NULLIF({t}.configured_title, ''), NULLIF({t}.title, ''), {t}.url)"
_ARTICLE_VALUES = """{a}.id, {a}.title, {a}.author,
    COALESCE((SELECT {feed} FROM feeds f WHERE f.url = {a}.feed_url), {a}.feed_url),
    newsterm_text({a}.content, {a}.summary)"""


def _values(alias: str) -> str:
    return _ARTICLE_VALUES.format(a=alias, feed=_FEED_TITLE.format(t="f"))


_INSERT = "INSERT INTO articles_fts (rowid, title, author, feed_title, body)"
_DELETE = "INSERT INTO articles_fts (articles_fts, rowid, title, author, feed_title, body)"

FULLTEXT_STEP = f"""
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, author, feed_title, body,
    content = '', tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(8.0, 2.0, 2.0, 1.0)');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    {_INSERT} SELECT {_values("new")};
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    {_DELETE} SELECT 'delete', {_values("old")};
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, author, content, summary ON articles
BEGIN
    {_DELETE} SELECT 'delete', {_values("old")};
    {_INSERT} SELECT {_values("new")};
END;

CREATE TRIGGER articles_fts_feed_title AFTER UPDATE OF title, configured_title ON feeds
WHEN {_FEED_TITLE.format(t="old")} IS NOT {_FEED_TITLE.format(t="new")}
BEGIN
    {_DELETE} SELECT 'delete', a.id, a.title, a.author, {_FEED_TITLE.format(t="old")},
        newsterm_text(a.content, a.summary) FROM articles a WHERE a.feed_url = old.url;
    {_INSERT} SELECT a.id, a.title, a.author, {_FEED_TITLE.format(t="new")},
        newsterm_text(a.content, a.summary) FROM articles a WHERE a.feed_url = new.url;
END;

{_INSERT} SELECT {_values("a")} FROM articles a;
"""
"""The migration step that adds the index and fills it from the articles already cached."""


_QUEUED = "EXISTS (SELECT 1 FROM articles_unindexed u WHERE u.id = {id})"

QUEUED_INDEX_STEP = f"""
CREATE TABLE articles_unindexed (id INTEGER PRIMARY KEY);

DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TRIGGER articles_fts_feed_title;

CREATE TRIGGER articles_fts_queue AFTER INSERT ON articles BEGIN
    INSERT OR IGNORE INTO articles_unindexed (id) VALUES (new.id);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    {_DELETE} SELECT 'delete', {_values("old")} WHERE NOT {_QUEUED.format(id="old.id")};
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, author, content, summary ON articles
WHEN NOT {_QUEUED.format(id="old.id")}
BEGIN
    {_DELETE} SELECT 'delete', {_values("old")};
    {_INSERT} SELECT {_values("new")};
END;

CREATE TRIGGER articles_fts_feed_title AFTER UPDATE OF title, configured_title ON feeds
WHEN {_FEED_TITLE.format(t="old")} IS NOT {_FEED_TITLE.format(t="new")}
BEGIN
    {_DELETE} SELECT 'delete', a.id, a.title, a.author, {_FEED_TITLE.format(t="old")},
        newsterm_text(a.content, a.summary) FROM articles a
        WHERE a.feed_url = old.url AND NOT {_QUEUED.format(id="a.id")};
    {_INSERT} SELECT a.id, a.title, a.author, {_FEED_TITLE.format(t="new")},
        newsterm_text(a.content, a.summary) FROM articles a
        WHERE a.feed_url = new.url AND NOT {_QUEUED.format(id="a.id")};
END;
"""
"""The migration step that indexes new articles a transaction at a time, not row by row.

A queued article is not in the index yet: its update changes nothing there (the queue will
index what it then holds), and its delete leaves the index alone (the queue is read through a
join with the articles)."""

_INDEX_QUEUED = f"""{_INSERT}
SELECT {_values("a")} FROM articles_unindexed u JOIN articles a ON a.id = u.id"""


_known: dict[tuple[str, str], str] = {}
"""indexed_text of articles being written, worked out where their feed was parsed (a parse
worker, as a rule): the writer's thread need not read their HTML again. Only a memo of a
pure function, so any connection may use it; index_queued empties it."""


def remember_texts(texts: Iterable[tuple[str, str, str]]) -> None:
    """Keep (content, summary, indexed_text) for the write under way."""
    for content, summary, text in texts:
        _known[content, summary] = text


def index_queued(conn: sqlite3.Connection) -> None:
    """Index the articles inserted since the last call, inside the caller's transaction.

    In the transaction that inserted them, so a crash leaves no article out of the index.
    """
    try:
        if conn.execute("SELECT 1 FROM articles_unindexed LIMIT 1").fetchone() is None:
            return  # most writes (a flag, a 304) add no article: leave the index untouched
        conn.execute(_INDEX_QUEUED)
        conn.execute("DELETE FROM articles_unindexed")
    finally:
        _known.clear()


def register(conn: sqlite3.Connection) -> None:
    """Make ``newsterm_text`` available to the triggers on this connection."""
    conn.create_function("newsterm_text", 2, _sql_text, deterministic=True)


def _sql_text(content: Any, summary: Any) -> str:
    pair = (str(content or ""), str(summary or ""))
    known = _known.get(pair)
    return known if known is not None else indexed_text(*pair)


def indexed_text(content: str, summary: str) -> str:
    """An article's words for the index: its HTML as plain text, content over summary."""
    html = content or summary
    if not html:
        return ""
    if "<" not in html and "&" not in html:
        return html[:INDEXED_TEXT_CHARS]
    # (imported here: the text of new articles is read in the parse workers; a refresh with
    # nothing new never needs the HTML parser, nor does the app's first paint, which opens
    # the cache with this module)
    from selectolax.lexbor import LexborHTMLParser

    text = LexborHTMLParser(html[: INDEXED_TEXT_CHARS * 4]).text(separator=" ")
    return text[:INDEXED_TEXT_CHARS]


# "a phrase", -excluded, prefix*, AND / OR / NOT as words, or a plain word.
_TERM = re.compile(r'(-?)"([^"]*)("?)|(\S+)')


def match_expression(text: str) -> str:
    """The FTS5 query for what a person typed: words, "phrases", prefix*, and -excluded.

    Every term is quoted, so FTS5's own syntax cannot be injected; SearchError says why a
    query cannot be used (nothing to search for, only exclusions, an unclosed quote, a
    control character, which FTS5 reads as the end of the query).
    """
    control = control_character(text)
    if control is not None:
        raise SearchError(f"a search cannot hold a control character ({control!r})")
    wanted: list[str] = []
    excluded: list[str] = []
    for match in _TERM.finditer(text):
        negated, phrase, closed, word = match.groups()
        if phrase is not None:
            if not closed:
                raise SearchError(f"a quote is never closed in {text.strip()!r}")
            (excluded if negated else wanted).append(quoted(phrase))
        elif word in OPERATORS and wanted:
            wanted.append(word)
        elif word:
            target = excluded if word.startswith("-") and len(word) > 1 else wanted
            term = _word(word.removeprefix("-") if target is excluded else word)
            if term:
                target.append(term)
    while wanted and wanted[-1] in OPERATORS:
        wanted.pop()
    if not wanted:
        raise SearchError(_nothing_wanted(text, excluded))
    return " ".join(wanted) + "".join(f" NOT {term}" for term in excluded)


def _nothing_wanted(text: str, excluded: list[str]) -> str:
    if excluded:
        return f"{text.strip()!r} only excludes words; add one to look for"
    return f"nothing to search for in {text.strip()!r}"


def quoted(phrase: str) -> str:
    """``phrase`` as one FTS5 string: its own quotes doubled, so it is only ever text."""
    return '"' + phrase.replace('"', '""') + '"'


def _word(word: str) -> str:
    """One word, quoted; a trailing * makes it a prefix. Punctuation alone is no word."""
    prefix = word.endswith("*")
    core = word.rstrip("*")
    if not has_word(core):
        return ""
    return quoted(core) + ("*" if prefix else "")


def search_terms(text: str) -> list[tuple[str, bool]]:
    """The words and phrases a search looks for (not the excluded), each with True for prefix*.

    For highlighting matches in the reader; a query match_expression refuses gives none.
    """
    terms: list[tuple[str, bool]] = []
    for match in _TERM.finditer(text):
        negated, phrase, closed, word = match.groups()
        if negated or (word or "").startswith("-") or word in OPERATORS:
            continue
        if phrase is not None:
            terms += [(phrase.strip(), False)] if closed and phrase.strip() else []
        elif word and has_word(word.rstrip("*")):
            terms.append((word.rstrip("*").strip("\"'()"), word.endswith("*")))
    return [(t, prefix) for t, prefix in terms if t]
