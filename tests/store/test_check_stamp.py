"""The stamp that spares a cache newsterm left cleanly its quick check at the next open."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from entries import entry, save
from newsterm.errors import CacheCorrupt
from newsterm.store import Store
from newsterm.store.check_stamp import doubt, last_check, remember_check
from newsterm.store.failures import store_error

PAGE = 4096


def wreck_in_place(path: Path) -> None:
    """Overwrite b-tree pages without changing the file's size, inode or modification time."""
    before = path.stat()
    with path.open("r+b") as handle:
        handle.seek(3 * PAGE)
        handle.write(b"\xa5" * (9 * PAGE))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def filled(path: Path) -> None:
    """A cache of some pages, closed cleanly."""
    with Store.open(path) as store:
        many = [entry(id=f"e{n}", content="y" * 3000) for n in range(200)]
        save(store, "https://harbor.example/feed", "Harbor Post", *many)


def test_a_cleanly_closed_cache_is_vouched_for_until_it_changes(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    filled(path)
    first = last_check(path)
    assert first is not None and time.time() - first < 60
    with Store.open(path) as store:
        assert store.checked_at == first  # the same check still vouches for it
    wreck_in_place(path)
    with Store.open(path):  # what the stamp vouches for is not read again...
        pass
    with path.open("ab") as handle:  # ...but any change outside SQLite is checked
        handle.write(b"\0" * PAGE)
    with pytest.raises(CacheCorrupt):
        Store.open(path)


def test_a_left_over_log_an_old_check_or_no_stamp_mean_a_check(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    path.write_bytes(b"data")
    assert last_check(path) is None
    remember_check(path, time.time() - 10)
    assert last_check(path) is not None
    assert last_check(path, recheck_after=5) is None
    Path(f"{path}-wal").write_bytes(b"")
    assert last_check(path) is None
    remember_check(path, time.time())  # another connection is open: nothing is vouched for
    Path(f"{path}-wal").unlink()
    assert last_check(path) is None
    Path(f"{path}.checked").write_text("not a stamp")
    assert last_check(path) is None


def test_damage_seen_by_sqlite_takes_the_stamp_away(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    filled(path)
    assert last_check(path) is not None
    store = Store.open(path)
    corrupt = sqlite3.DatabaseError("database disk image is malformed")
    corrupt.sqlite_errorcode = 11  # SQLITE_CORRUPT
    assert isinstance(store_error(corrupt, path, 1.0), CacheCorrupt)
    store.close()
    assert last_check(path) is None


def test_doubt_without_a_stamp_is_harmless(tmp_path: Path) -> None:
    doubt(tmp_path / "none.db")
    remember_check(tmp_path / "none.db", time.time())
    assert last_check(tmp_path / "none.db") is None


class _Failing:
    """A connection whose statistics statements meet damage, as a torn page would."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, *args: object) -> object:
        if sql in ("PRAGMA optimize", "ANALYZE"):
            corrupt = sqlite3.DatabaseError("database disk image is malformed")
            corrupt.sqlite_errorcode = 11  # SQLITE_CORRUPT
            raise corrupt
        return self._conn.execute(sql, *args)

    def close(self) -> None:
        self._conn.close()


def test_damage_met_while_closing_takes_the_stamp_away(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    filled(path)
    assert last_check(path) is not None
    store = Store.open(path)
    store._conn = _Failing(store._conn)  # type: ignore[assignment]
    store.close()  # the statistics fail: the close still closes, and the stamp goes
    assert last_check(path) is None
