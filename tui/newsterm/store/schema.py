"""The cache's tables and indexes, and the migrations that bring a file up to them.

The schema version lives in PRAGMA user_version and moves forward one migration at a
time, each in its own transaction. A file written by a newer newsterm is refused, and so
is an SQLite file that is not a newsterm cache. The queries the indexes serve are in
queries.py; opening and checking the file is connection.py's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from newsterm.errors import CacheTooNew, StoreError
from newsterm.store.failures import rollback
from newsterm.store.fulltext import FULLTEXT_STEP, QUEUED_INDEX_STEP

__all__ = [
    "APPLICATION_ID",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "check_version",
    "migrate",
    "user_version",
]

APPLICATION_ID = 0x6E737472  # "nstr": marks the file as a newsterm cache for `file(1)` and us

Migration = str | Callable[[sqlite3.Connection], None]
"""One step: a script of SQL statements, or a function for steps SQL cannot express."""

_V1 = """
CREATE TABLE feeds (
    url              TEXT PRIMARY KEY,
    title            TEXT NOT NULL DEFAULT '',   -- the feed's own title
    configured_title TEXT,                       -- feeds.toml's override
    site             TEXT NOT NULL DEFAULT '',
    tags             TEXT NOT NULL DEFAULT '[]', -- JSON array
    position         INTEGER NOT NULL DEFAULT 0, -- order in feeds.toml
    configured       INTEGER NOT NULL DEFAULT 0, -- listed in feeds.toml now
    etag             TEXT,
    last_modified    TEXT,
    http_status      INTEGER,
    error            TEXT,                       -- last failure; NULL after a success
    checked_at       INTEGER,                    -- unix seconds, UTC
    moved_to         TEXT,                       -- permanent redirect seen
    warning          TEXT                        -- parser's complaint about the last document
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    feed_url     TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
    guid         TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    link         TEXT NOT NULL DEFAULT '',
    author       TEXT NOT NULL DEFAULT '',
    published    INTEGER NOT NULL,               -- unix seconds; first_seen when undated
    updated      INTEGER,
    content      TEXT NOT NULL DEFAULT '',
    summary      TEXT NOT NULL DEFAULT '',
    enclosures   TEXT NOT NULL DEFAULT '[]',     -- JSON [{url, type, length}]
    read         INTEGER NOT NULL DEFAULT 0,
    starred      INTEGER NOT NULL DEFAULT 0,
    first_seen   INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    UNIQUE (feed_url, guid)
);

-- The article list newest first: everything, one feed, and either of them unread only.
-- Unread is an equality column, not a partial index: with two equal-cost candidates the
-- planner's choice would hang on statistics; an extra equality column wins every time.
CREATE INDEX articles_newest ON articles (published DESC, id DESC);
CREATE INDEX articles_feed_newest ON articles (feed_url, published DESC, id DESC);
CREATE INDEX articles_read_newest ON articles (read, published DESC, id DESC);
-- Also covers the unread and total counts per feed, without touching the table.
CREATE INDEX articles_feed_read_newest ON articles (feed_url, read, published DESC, id DESC);

-- Articles removed by age, so one still in its feed does not come back as unread.
CREATE TABLE pruned (
    feed_url  TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
    guid      TEXT NOT NULL,
    pruned_at INTEGER NOT NULL,
    PRIMARY KEY (feed_url, guid)
) WITHOUT ROWID;
"""

# The feed an HTML page linked to, so later refreshes fetch it directly and conditionally.
_V2 = "ALTER TABLE feeds ADD COLUMN found_feed TEXT;"

# The Starred view: few rows among many, so an index of only them, newest first.
_V3 = """CREATE INDEX articles_starred_newest ON articles (published DESC, id DESC)
WHERE starred = 1;"""


# Sync with a Fever or Google Reader server (newsterm/sync/). A server's feed is keyed
# "sync:<account>:<feed id>"; its items carry the server's id, "<account>:<item id>".
_V5 = """
ALTER TABLE feeds ADD COLUMN synced INTEGER NOT NULL DEFAULT 0;  -- the sync server lists it now
ALTER TABLE articles ADD COLUMN remote_id TEXT;
CREATE UNIQUE INDEX articles_remote ON articles (remote_id) WHERE remote_id IS NOT NULL;

-- Read and star changes made here, waiting for the server. One row per item and field:
-- a newer change replaces the older one (and gets a higher seq), so a push that raced
-- with it deletes only what it sent.
CREATE TABLE sync_queue (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    remote_id TEXT NOT NULL,
    field     TEXT NOT NULL CHECK (field IN ('read', 'starred')),
    value     INTEGER NOT NULL,
    queued_at INTEGER NOT NULL,
    attempts  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (remote_id, field)
);

-- Where the last sync got to: Fever's highest item id, the time of the last success.
CREATE TABLE sync_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
"""


# The article list sorted by title (store/order.py): without it every page of a big
# view would sort all its articles; with it a page is a walk of the index.
_V6 = "CREATE INDEX articles_title ON articles (title COLLATE NOCASE, id);"


# An article's page, fetched and reduced to the article (F, or full_text = true): the
# extracted HTML, or why there is none. It goes with its article.
_V7 = """
CREATE TABLE article_pages (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    url        TEXT NOT NULL,              -- the page it came from, after redirects
    html       TEXT NOT NULL DEFAULT '',   -- the article as extracted; '' when it failed
    error      TEXT,                       -- why not, in one line; NULL when it worked
    fetched_at INTEGER NOT NULL
);
"""


# When each feed is next due, and counts kept by triggers so the feeds pane never counts a
# million rows: a trigger adds or takes one for every article written, marked or deleted.
_V8 = """
ALTER TABLE feeds ADD COLUMN next_due INTEGER;                   -- unix seconds; NULL: due now
ALTER TABLE feeds ADD COLUMN failures INTEGER NOT NULL DEFAULT 0; -- in a row; 0 after a success
ALTER TABLE feeds ADD COLUMN body_hash TEXT;                     -- of the last document parsed
ALTER TABLE feeds ADD COLUMN feed_fresh_for INTEGER;             -- seconds, from its ttl or sy:*
ALTER TABLE feeds ADD COLUMN unread_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN total_count INTEGER NOT NULL DEFAULT 0;

UPDATE feeds SET
    total_count = (SELECT count(*) FROM articles a WHERE a.feed_url = feeds.url),
    unread_count = (SELECT count(*) FROM articles a WHERE a.feed_url = feeds.url AND a.read = 0);

CREATE TRIGGER articles_counted_in AFTER INSERT ON articles BEGIN
    UPDATE feeds SET total_count = total_count + 1, unread_count = unread_count + (NEW.read = 0)
    WHERE url = NEW.feed_url;
END;

CREATE TRIGGER articles_counted_out AFTER DELETE ON articles BEGIN
    UPDATE feeds SET total_count = total_count - 1, unread_count = unread_count - (OLD.read = 0)
    WHERE url = OLD.feed_url;
END;

CREATE TRIGGER articles_recounted AFTER UPDATE OF read, feed_url ON articles
WHEN OLD.read IS NOT NEW.read OR OLD.feed_url IS NOT NEW.feed_url BEGIN
    UPDATE feeds SET total_count = total_count - 1, unread_count = unread_count - (OLD.read = 0)
    WHERE url = OLD.feed_url;
    UPDATE feeds SET total_count = total_count + 1, unread_count = unread_count + (NEW.read = 0)
    WHERE url = NEW.feed_url;
END;
"""


# n and p sorted by feed or by title: the next unread row is one seek in these, where the
# order's own index would be walked over every read row before it (a mostly read cache:
# hundreds of thousands). Newest and oldest first have articles_read_newest. The feed's
# unread rows are the same range of articles_read_feed as of articles_feed_read_newest,
# which it replaces.
_V9 = """
CREATE INDEX articles_read_feed ON articles (read, feed_url, published DESC, id DESC);
DROP INDEX articles_feed_read_newest;
CREATE INDEX articles_read_title ON articles (read, title COLLATE NOCASE, id);
"""

# New articles indexed a transaction at a time, not row by row (store/fulltext.py).
_V10 = QUEUED_INDEX_STEP

MIGRATIONS: tuple[Migration, ...] = (_V1, _V2, _V3, FULLTEXT_STEP, _V5, _V6, _V7, _V8, _V9, _V10)
"""Forward steps; step i takes user_version i to i + 1. Append, never edit a released step."""

SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version stored in the file (0 for a new database)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_version(
    conn: sqlite3.Connection, path: Path | str, *, known: int = SCHEMA_VERSION
) -> int:
    """The file's schema version; CacheTooNew or StoreError when this code must not touch it."""
    # One statement, one snapshot: another newsterm may be migrating the file right now.
    version, app_id, has_tables = conn.execute(
        "SELECT (SELECT user_version FROM pragma_user_version),"
        " (SELECT application_id FROM pragma_application_id),"
        " EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%')"
    ).fetchone()
    if version > known:
        raise CacheTooNew(
            f"cache {path} was written by a newer newsterm (schema {version}; this version "
            f"understands up to {known}): upgrade newsterm or use another --db"
        )
    if app_id not in (0, APPLICATION_ID) or (version == 0 and has_tables):
        raise StoreError(f"{path} is an SQLite database but not a newsterm cache; use another --db")
    return int(version)


SLOW_STEP_ARTICLES = 5_000
"""From this many cached articles, building the search index takes seconds: say so first."""
INDEX_SECONDS_PER_ARTICLE = 0.00025
"""About 7 s per 30,000 articles on the reference machine, for the estimate that is said."""


def migrate(
    conn: sqlite3.Connection,
    migrations: Sequence[Migration] = MIGRATIONS,
    *,
    notify: Callable[[str], None] | None = None,
) -> int:
    """Bring the schema up to date, each step in its own transaction; return the old version.

    ``notify`` is told, before a step that will take a while starts, what it does.
    """
    start = user_version(conn)
    version = start
    while version < len(migrations):
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = user_version(conn)  # another newsterm may have migrated meanwhile
            if version < len(migrations):
                if notify is not None and (note := _slow_step(conn, migrations[version])):
                    notify(note)
                _apply(conn, migrations[version])
                version += 1
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            rollback(conn)
            raise
    return start


def _slow_step(conn: sqlite3.Connection, step: Migration) -> str | None:
    """What ``step`` does, when it will take long enough that the user should be told."""
    if step is not FULLTEXT_STEP:
        return None
    count = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    if count < SLOW_STEP_ARTICLES:
        return None
    seconds = max(1, round(count * INDEX_SECONDS_PER_ARTICLE))
    return f"building the search index of {count:,} cached articles, once (about {seconds} s)…"


def _apply(conn: sqlite3.Connection, step: Migration) -> None:
    if callable(step):
        step(conn)
        return
    for statement in _statements(step):  # executescript would commit our transaction
        conn.execute(statement)


def _statements(script: str) -> list[str]:
    """Split a script into whole statements."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return [s for s in statements if s.rstrip(";").strip()]
