"""The cache as a sync sees it: the server's feeds and items, its state, and the push queue.

``Store.sync`` is one of these; it shares the store's connection, lock and transactions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager

from newsterm.models import QueuedChange, RemoteFeed, RemoteItem
from newsterm.store import syncing

__all__ = ["SyncTables"]

Transaction = Callable[[], AbstractContextManager[sqlite3.Connection]]


class SyncTables:
    """Reads and writes for newsterm.sync, each in one transaction of the store."""

    def __init__(self, read: Transaction, write: Transaction) -> None:
        self._read = read
        self._write = write

    def save_feeds(self, account: str, feeds: Sequence[RemoteFeed]) -> None:
        """The server's subscriptions become the synced feeds, replacing the last list."""
        with self._write() as conn:
            syncing.save_remote_feeds(conn, account, feeds)

    def save_items(self, account: str, items: Sequence[RemoteItem]) -> int:
        """Store a page of items; return how many are new."""
        with self._write() as conn:
            return syncing.save_items(conn, account, items)

    def apply_state(
        self, account: str, unread: Iterable[str], starred: Iterable[str]
    ) -> tuple[int, list[str]]:
        """Take the server's read and starred state (queued local changes win); see syncing."""
        with self._write() as conn:
            return syncing.apply_state(conn, account, unread, starred)

    def known(self, account: str, ids: Iterable[str]) -> set[str]:
        """Which of these item ids are cached already."""
        with self._write() as conn:  # it fills a temporary table
            return syncing.known_items(conn, account, ids)

    def pending(self, account: str, limit: int = 1000) -> list[QueuedChange]:
        """The oldest changes waiting to be pushed to ``account``'s server."""
        with self._read() as conn:
            return syncing.pending(conn, account, limit)

    def pending_count(self) -> int:
        """How many local changes wait for a server."""
        with self._read() as conn:
            return syncing.pending_count(conn)

    def pushed(self, seqs: Iterable[int]) -> None:
        """The server took these changes (or can never take them): drop them."""
        with self._write() as conn:
            syncing.forget_changes(conn, seqs)

    def push_failed(self, seqs: Iterable[int]) -> None:
        """These changes could not be pushed this time; they stay queued."""
        with self._write() as conn:
            syncing.note_failed_push(conn, seqs)

    def meta(self, key: str) -> str | None:
        """A value a sync saved (where it got to, when it last worked)."""
        with self._read() as conn:
            return syncing.get_meta(conn, key)

    def set_meta(self, key: str, value: str) -> None:
        """Save where the sync got to."""
        with self._write() as conn:
            syncing.set_meta(conn, key, value)
