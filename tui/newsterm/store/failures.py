"""sqlite3 failures as newsterm's StoreError family, and rolling back after one."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from newsterm.errors import CacheCorrupt, CacheFull, CacheLocked, StoreError
from newsterm.store.check_stamp import doubt

__all__ = ["rollback", "store_error", "translated"]


@contextmanager
def translated(path: Path | None, busy_timeout: float) -> Iterator[None]:
    """Turn sqlite3 failures into newsterm's StoreError family, with a message for the user."""
    try:
        yield
    except (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError):
        raise  # our own bugs: let them show as such
    except sqlite3.Error as exc:
        raise store_error(exc, path, busy_timeout) from exc


def store_error(exc: sqlite3.Error, path: Path | None, busy_timeout: float) -> StoreError:
    """The StoreError that says what ``exc`` means for the cache at ``path``."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF  # primary result code
    name = str(path) if path else "in memory"
    if code == sqlite3.SQLITE_FULL:
        return CacheFull(f"cache {name} is full ({exc}); nothing from this write was saved")
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return CacheLocked(
            f"cache {name} is locked by another program (waited {busy_timeout:g} s); "
            "is another newsterm refreshing?"
        )
    note_damage(exc, path)
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


def note_damage(exc: sqlite3.Error, path: Path | None) -> None:
    """Damage SQLite reports in the cache at ``path`` takes away its check stamp, even where
    the error itself is ignored (statistics), so that the next open checks the file."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_IOERR) and path:
        with suppress(OSError):
            doubt(path)


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back the open transaction, if SQLite has not already done so."""
    if conn.in_transaction:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
