"""The cache database: opening and checking the file, its versioned schema, and its SQL.

The schema lives in PRAGMA user_version and moves forward one migration at a time; a file
written by a newer newsterm is refused, a damaged one moved aside (never deleted). The hot
queries sit beside the indexes built for them, and tests EXPLAIN each one.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # not a Unix: set-up goes unserialised, as SQLite alone would do it
    fcntl = None  # type: ignore[assignment]

from newsterm.errors import CacheCorrupt, CacheFull, CacheLocked, CacheTooNew, StoreError

__all__ = [
    "APPLICATION_ID",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "article_filters",
    "check_version",
    "connect",
    "migrate",
    "narrowed",
    "translated",
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

MIGRATIONS: tuple[Migration, ...] = (_V1, _V2)
"""Forward steps; step i takes user_version i to i + 1. Append, never edit a released step."""

SCHEMA_VERSION = len(MIGRATIONS)


# -- The hot queries, kept beside the indexes built for them (tests EXPLAIN each one). --------

FEED_TITLE = "COALESCE(NULLIF(f.configured_title, ''), NULLIF(f.title, ''), a.feed_url)"

# LEFT JOIN keeps articles the outer loop, so the ORDER BY walks an index instead of sorting.
ROWS = f"""SELECT a.id, a.feed_url, {FEED_TITLE}, a.title, a.published, a.read, a.starred,
    a.link
FROM articles a LEFT JOIN feeds f ON f.url = a.feed_url"""

NEWEST_FIRST = "ORDER BY a.published DESC, a.id DESC"
OLDEST_FIRST = "ORDER BY a.published ASC, a.id ASC"  # the same index, walked backwards

# A row's place in the list is its (published, id) pair: these seek in the same indexes.
BELOW = "(a.published, a.id) < (?, ?)"
"""Rows after the anchor (published, id) in list order."""
ABOVE = "(a.published, a.id) > (?, ?)"
"""Rows before the anchor (published, id) in list order."""

ARTICLE = f"""SELECT a.id, a.feed_url, {FEED_TITLE}, a.guid, a.title, a.link, a.author,
    a.published, a.updated, a.content, a.summary, a.read, a.starred, a.first_seen, a.enclosures
FROM articles a LEFT JOIN feeds f ON f.url = a.feed_url WHERE a.id = ?"""

FEEDS = """SELECT f.url, f.title, f.configured_title, f.site, f.tags, f.error, f.checked_at,
    f.moved_to,
    (SELECT count(*) FROM articles a WHERE a.feed_url = f.url AND a.read = 0),
    (SELECT count(*) FROM articles a WHERE a.feed_url = f.url)
FROM feeds f ORDER BY f.configured DESC, f.position, f.url"""

SYNC_FEED = """INSERT INTO feeds (url, configured_title, tags, position, configured)
VALUES (?, ?, ?, ?, 1)
ON CONFLICT (url) DO UPDATE SET configured_title = excluded.configured_title,
    tags = excluded.tags, position = excluded.position, configured = 1"""

# Read, starred and first_seen are never written on conflict; an unchanged entry is not
# written at all. An undated entry keeps the date it was first given (its first-seen time).
UPSERT_ARTICLE = """INSERT INTO articles (feed_url, guid, title, link, author, published, updated,
    content, summary, enclosures, first_seen, content_hash)
VALUES (:feed_url, :guid, :title, :link, :author, COALESCE(:published, :now), :updated,
    :content, :summary, :enclosures, :now, :hash)
ON CONFLICT (feed_url, guid) DO UPDATE SET title = excluded.title, link = excluded.link,
    author = excluded.author, published = COALESCE(:published, articles.published),
    updated = excluded.updated, content = excluded.content, summary = excluded.summary,
    enclosures = excluded.enclosures, content_hash = excluded.content_hash
WHERE articles.content_hash <> excluded.content_hash"""

_PRUNABLE = "read = 1 AND starred = 0 AND published < :cutoff AND first_seen < :cutoff"
REMEMBER_PRUNED = f"""INSERT OR REPLACE INTO pruned (feed_url, guid, pruned_at)
SELECT feed_url, guid, :now FROM articles WHERE {_PRUNABLE}"""
PRUNE = f"DELETE FROM articles WHERE {_PRUNABLE}"


def article_filters(
    feed_urls: Sequence[str] | None, unread_only: bool, query: str
) -> tuple[str, list[Any]]:
    """A WHERE clause over ``articles a`` and its parameters, written so the indexes apply."""
    clauses: list[str] = []
    params: list[Any] = []
    if feed_urls is not None:
        urls = list(dict.fromkeys(feed_urls))
        if len(urls) == 1:
            clauses.append("a.feed_url = ?")
        else:  # an empty list matches nothing, as asked
            clauses.append(f"a.feed_url IN ({', '.join('?' * len(urls))})")
        params.extend(urls)
    if unread_only:
        clauses.append("a.read = 0")
    if "\x00" in query:  # SQLite's LIKE would stop reading the pattern there: match all
        clauses.append("0")  # no stored title holds a NUL, so nothing matches
    elif query:
        if query.isascii():  # LIKE folds ASCII case in C: fast
            escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append("a.title LIKE ? ESCAPE '\\'")
            params.append(f"%{escaped}%")
        else:  # casefold() is registered on the connection by the store
            clauses.append("instr(casefold(a.title), ?) > 0")
            params.append(query.casefold())
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def narrowed(where: str, clause: str) -> str:
    """An article_filters WHERE clause (possibly empty) with one more condition."""
    return f"{where} AND {clause}" if where else f"WHERE {clause}"


def connect(
    target: str, file: Path | None, *, busy_timeout: float, quick_check: bool
) -> sqlite3.Connection:
    """Open, check, configure and migrate; a damaged file is moved aside (CacheCorrupt)."""
    if file is not None and not _has_sqlite_header(file):
        # Decided before SQLite opens it: SQLite would create (and on close delete) siblings.
        raise _moved(file, "file is not a database")
    try:
        conn = sqlite3.connect(
            target, timeout=busy_timeout, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise _store_error(exc, file, busy_timeout) from exc
    try:
        with translated(file, busy_timeout):
            _check_readable(conn, quick_check)
            check_version(conn, target)
            # Only now may the file be written: a damaged or foreign one stays byte-identical.
            with _setup_lock(conn, file):
                conn.execute("PRAGMA journal_mode = WAL")
                migrate(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA analysis_limit = 1000")  # ANALYZE stays quick on huge caches
            conn.create_function("casefold", 1, _casefold, deterministic=True)
    except CacheCorrupt as exc:
        if file is None:
            conn.close()
            raise
        # Move first: closing the last connection deletes the -wal file by name.
        moved = _moved(file, exc.detail)
        conn.close()
        raise moved from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _moved(file: Path, detail: str) -> CacheCorrupt:
    """CacheCorrupt for ``file``, after moving it aside (or saying it could not be)."""
    moved = move_aside(file)
    if moved is None:
        detail += "; it could not be moved aside, so it was left as it is"
    return CacheCorrupt(file, moved, detail)


@contextmanager
def _setup_lock(conn: sqlite3.Connection, file: Path | None) -> Iterator[None]:
    """Serialise first-time set-up (WAL switch, migrations) among newsterms opening one cache.

    Several processes creating the same cache at once can each hold a read lock while
    waiting for the write lock another needs: SQLite's busy wait then runs out. A
    sidecar lock file, taken only while set-up is still due, orders them. flock(2)
    on a separate file never touches the POSIX locks SQLite keeps on the database.
    """
    settled = user_version(conn) == len(MIGRATIONS) and (
        conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    )
    if file is None or settled or fcntl is None:
        yield
        return
    try:
        handle = open(f"{file}.lock", "a+b")  # noqa: SIM115 - held across the yield
    except OSError:
        yield  # a read-only folder: no lock to take, and nothing to set up either
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _has_sqlite_header(file: Path) -> bool:
    """True for a missing or empty file (SQLite makes it a database) or an SQLite header."""
    try:
        if not stat.S_ISREG(file.stat().st_mode):  # a FIFO would block the open forever
            kind = "a folder" if file.is_dir() else "a special file"
            raise StoreError(f"cache {file} is {kind}, not a database file; use another --db")
        with file.open("rb") as handle:
            head = handle.read(16)
    except FileNotFoundError:
        return True
    except OSError as exc:
        raise StoreError(f"cannot read cache {file}: {exc.strerror or exc}") from exc
    return head in (b"", b"SQLite format 3\x00")


def _check_readable(conn: sqlite3.Connection, quick_check: bool) -> None:
    conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()  # NOTADB surfaces here
    if quick_check:
        problems = [" ".join(str(row[0]).split()) for row in conn.execute("PRAGMA quick_check(5)")]
        if problems != ["ok"]:
            raise CacheCorrupt(Path(), None, "; ".join(problems))


def move_aside(file: Path) -> Path | None:
    """Rename a damaged file (and its -wal/-shm) to <name>.corrupt-<UTC time>; never delete."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = file.with_name(f"{file.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = file.with_name(f"{file.name}.corrupt-{stamp}-{n}")
    try:
        os.rename(file, target)
    except OSError:
        return None
    for suffix in ("-wal", "-shm", "-journal"):
        sibling = Path(f"{file}{suffix}")
        if sibling.exists():
            # The main file is out of the way; a sibling left behind is not fatal.
            with suppress(OSError):
                os.rename(sibling, Path(f"{target}{suffix}"))
    return target


@contextmanager
def translated(path: Path | None, busy_timeout: float) -> Iterator[None]:
    """Turn sqlite3 failures into newsterm's StoreError family, with a message for the user."""
    try:
        yield
    except (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError):
        raise  # our own bugs: let them show as such
    except sqlite3.Error as exc:
        raise _store_error(exc, path, busy_timeout) from exc


def _store_error(exc: sqlite3.Error, path: Path | None, busy_timeout: float) -> StoreError:
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF  # primary result code
    name = str(path) if path else "in memory"
    if code == sqlite3.SQLITE_FULL:
        return CacheFull(f"cache {name} is full ({exc}); nothing from this write was saved")
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return CacheLocked(
            f"cache {name} is locked by another program (waited {busy_timeout:g} s); "
            "is another newsterm refreshing?"
        )
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return CacheCorrupt(path or Path(name), None, str(exc))
    if code == sqlite3.SQLITE_READONLY:
        return StoreError(
            f"cache {name} is read-only ({exc}): newsterm must be able to write it and to "
            f"create {name}-wal and {name}-shm beside it"
        )
    if code == sqlite3.SQLITE_CANTOPEN:
        return StoreError(f"cannot open cache {name} ({exc}): is its folder missing or read-only?")
    if code == sqlite3.SQLITE_IOERR:
        return StoreError(f"cache {name}: the disk failed a read or write ({exc}); is it full?")
    return StoreError(f"cache {name}: {exc}")


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back the open transaction, if SQLite has not already done so."""
    if conn.in_transaction:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def _casefold(text: Any) -> str:
    return text.casefold() if isinstance(text, str) else ""


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


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the schema up to date, each step in its own transaction; return the old version."""
    start = user_version(conn)
    version = start
    while version < len(migrations):
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = user_version(conn)  # another newsterm may have migrated meanwhile
            if version < len(migrations):
                _apply(conn, migrations[version])
                version += 1
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            rollback(conn)
            raise
    return start


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
