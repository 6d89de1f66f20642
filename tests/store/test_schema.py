"""The cache schema: migrations, refusals and pragmas."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from newsterm.errors import CacheTooNew, StoreError
from newsterm.store import Store, fulltext, schema


def test_migrates_a_new_file_from_zero(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema")}
    assert {"feeds", "articles", "pruned", "articles_newest", "articles_read_feed"} <= names
    conn.close()


def test_pragmas(tmp_path: Path) -> None:
    with Store.open(tmp_path / "cache.db") as store:
        pragma = lambda name: store._conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 1  # NORMAL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 5000


def test_a_later_step_runs_once_and_earlier_steps_never_rerun(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "c.db", isolation_level=None)
    fulltext.register(conn)  # the search index's step and triggers call it
    assert schema.migrate(conn) == 0
    calls: list[int] = []

    def step2(c: sqlite3.Connection) -> None:
        calls.append(1)
        c.execute("ALTER TABLE feeds ADD COLUMN note TEXT")

    steps = (*schema.MIGRATIONS, step2)
    assert schema.migrate(conn, steps) == schema.SCHEMA_VERSION
    assert schema.migrate(conn, steps) == schema.SCHEMA_VERSION + 1
    assert calls == [1]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION + 1
    conn.execute("SELECT note FROM feeds")  # the column exists


def test_a_failing_step_leaves_the_previous_version(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "c.db", isolation_level=None)
    fulltext.register(conn)  # the search index's step and triggers call it
    schema.migrate(conn)

    def broken(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        schema.migrate(conn, (*schema.MIGRATIONS, broken))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    leftover = conn.execute("SELECT name FROM sqlite_schema WHERE name = 'half_done'")
    assert leftover.fetchone() is None


def test_concurrent_first_opens_migrate_once(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    errors: list[BaseException] = []

    def open_and_close() -> None:
        try:
            Store.open(path).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_and_close) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store.open(path) as store:
        assert store._conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION


def test_refuses_a_cache_from_a_newer_newsterm(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(CacheTooNew, match="newer newsterm"):
        Store.open(path)
    assert path.read_bytes() == before  # untouched, not moved


def test_refuses_a_foreign_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE rss_item (id INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a newsterm cache"):
        Store.open(path)
    assert path.read_bytes() == before
