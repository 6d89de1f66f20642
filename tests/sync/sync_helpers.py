"""Helpers the sync tests share: feeds.toml with [sync], running newsterm, reading the cache."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path


def password_script(folder: Path, password: str) -> list[str]:
    """A password_command that prints ``password`` from a file: it is in no argument list."""
    secret = folder / "secret.txt"
    secret.write_text(password + "\n", encoding="utf-8")
    secret.chmod(0o600)
    return [
        sys.executable,
        "-c",
        "import sys; print(open(sys.argv[1]).read().strip())",
        str(secret),
    ]


def write_feeds_toml(
    folder: Path, service: str, url: str, user: str, command: list[str], extra: str = ""
) -> Path:
    """A feeds.toml holding only a [sync] table."""
    quoted = ", ".join(f'"{part}"' for part in command)
    path = folder / "feeds.toml"
    path.write_text(
        f'[sync]\nservice = "{service}"\nurl = "{url}"\nuser = "{user}"\n'
        f"password_command = [{quoted}]\n{extra}",
        encoding="utf-8",
    )
    return path


def _query(db: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.execute(sql, params))
    finally:
        conn.close()


def article_ids(db: Path) -> list[int]:
    """Every synced article's id, oldest insert first."""
    return [
        int(r[0])
        for r in _query(db, "SELECT id FROM articles WHERE remote_id IS NOT NULL ORDER BY id")
    ]  # type: ignore[call-overload]


def flags(db: Path, article_id: int) -> tuple[bool, bool]:
    """(read, starred) of one article."""
    (row,) = _query(db, "SELECT read, starred FROM articles WHERE id = ?", (article_id,))
    return bool(row[0]), bool(row[1])


def queued(db: Path) -> list[tuple[object, ...]]:
    """The push queue: (remote_id, field, value) rows."""
    return _query(db, "SELECT remote_id, field, value FROM sync_queue ORDER BY seq")


def processes_mentioning(text: str) -> list[int]:
    """The pids whose command line (what ps shows) holds ``text``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if text.encode() in cmdline and int(entry.name) != os.getpid():
                found.append(int(entry.name))
    return found
