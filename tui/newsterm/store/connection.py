"""Opening the cache file: check it before writing it, set it up once, configure the connection.

A file that is not a database, or fails its check, is moved aside (damaged.py) and
CacheCorrupt raised; nothing is written to a file until it has passed. Several newsterms
setting up one new cache at once take turns through a sidecar lock file.
"""

from __future__ import annotations

import sqlite3
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsterm.errors import CacheCorrupt, StoreError
from newsterm.store import fulltext
from newsterm.store.damaged import moved_aside
from newsterm.store.failures import store_error, translated
from newsterm.store.schema import MIGRATIONS, check_version, migrate, user_version

if sys.platform != "win32":
    import fcntl  # not on Windows: there set-up goes unserialised, as SQLite alone would do it

__all__ = ["connect", "prepare_folder"]


def prepare_folder(file: Path) -> int:
    """Make the folder ``file`` goes in; return the file's size (0 when it is new)."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        return file.stat().st_size if file.exists() else 0
    except (FileExistsError, NotADirectoryError) as exc:
        where = f"cannot use the cache folder {file.parent}: a file is in the way"
        raise StoreError(f"{where} ({exc.filename})") from exc
    except OSError as exc:
        raise StoreError(f"cannot use the cache folder {file.parent}: {exc}") from exc


def connect(
    target: str,
    file: Path | None,
    *,
    busy_timeout: float,
    quick_check: bool,
    notify: Callable[[str], None] | None = None,
) -> sqlite3.Connection:
    """Open, check, configure and migrate; a damaged file is moved aside (CacheCorrupt).

    ``notify`` hears of a migration step that will take a while, before it starts.
    """
    if file is not None and not _has_sqlite_header(file):
        # Decided before SQLite opens it: SQLite would create (and on close delete) siblings.
        raise moved_aside(file, "file is not a database")
    try:
        conn = sqlite3.connect(
            target, timeout=busy_timeout, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise store_error(exc, file, busy_timeout) from exc
    try:
        with translated(file, busy_timeout):
            _set_up(conn, target, file, quick_check, notify)
    except CacheCorrupt as exc:
        if file is None:
            conn.close()
            raise
        # Move first: closing the last connection deletes the -wal file by name.
        moved = moved_aside(file, exc.detail)
        conn.close()
        raise moved from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _set_up(
    conn: sqlite3.Connection,
    target: str,
    file: Path | None,
    quick_check: bool,
    notify: Callable[[str], None] | None,
) -> None:
    """Check the file, bring its schema up to date, then configure this connection."""
    _check_readable(conn, quick_check)
    check_version(conn, target)
    # Only now may the file be written: a damaged or foreign one stays byte-identical.
    fulltext.register(conn)  # the index's triggers, and the step that adds them, call it
    with _setup_lock(conn, file):
        conn.execute("PRAGMA journal_mode = WAL")
        migrate(conn, notify=notify)
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA analysis_limit = 1000")  # ANALYZE stays quick on huge caches
    conn.create_function("casefold", 1, _casefold, deterministic=True)
    conn.row_factory = sqlite3.Row  # rows.py maps columns to model fields by name


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
    if file is None or settled or sys.platform == "win32":
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


def _casefold(text: Any) -> str:
    return text.casefold() if isinstance(text, str) else ""
