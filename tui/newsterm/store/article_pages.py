"""Full texts kept in the cache: an article's fetched page, reduced to the article."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from newsterm.models import FullText
from newsterm.store.rows import dt

__all__ = ["MISSING", "load", "missing", "save"]

_SAVE = """INSERT INTO article_pages (article_id, url, html, error, fetched_at)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT (article_id) DO UPDATE SET url = excluded.url, html = excluded.html,
    error = excluded.error, fetched_at = excluded.fetched_at"""

# Newest first over articles_feed_newest; the anti-join is a primary-key lookup.
MISSING = """SELECT a.id, a.link FROM articles a
WHERE a.feed_url = ? AND a.link != ''
    AND NOT EXISTS (SELECT 1 FROM article_pages t WHERE t.article_id = a.id)
ORDER BY a.published DESC, a.id DESC LIMIT ?"""


def save(conn: sqlite3.Connection, text: FullText, now: int) -> None:
    """Keep ``text`` (or its failure) for its article, replacing an older one."""
    conn.execute(_SAVE, (text.article_id, text.url, text.html, text.error, now))


def load(conn: sqlite3.Connection, article_id: int) -> FullText | None:
    """The kept full text of an article, if any."""
    row = conn.execute(
        "SELECT article_id, url, html, error, fetched_at FROM article_pages WHERE article_id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    return FullText(row["article_id"], row["url"], row["html"], row["error"], dt(row["fetched_at"]))


def missing(
    conn: sqlite3.Connection, feed_urls: Sequence[str], limit: int
) -> list[tuple[int, str]]:
    """Up to ``limit`` newest articles per feed with a link and no full text yet tried."""
    found: list[tuple[int, str]] = []
    for url in feed_urls:
        found += [(row["id"], row["link"]) for row in conn.execute(MISSING, (url, limit))]
    return found
