"""The Fever API (Miniflux, FreshRSS, Tiny Tiny RSS with a plugin, yarr, coldsweat).

One endpoint; every call is a POST of ``api_key`` = md5("user:password") to ``?api&<what>``.
Items come 50 at a time by ``since_id``; state as complete lists of unread and saved ids;
changes go one ``mark`` call per item.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator, Sequence
from typing import Any

from newsterm.errors import SyncAuthError, SyncError
from newsterm.models import QueuedChange, RemoteFeed, RemoteItem
from newsterm.sync.clean import (
    clean_author,
    clean_html,
    clean_id,
    clean_link,
    clean_text,
    clean_time,
    objects,
)
from newsterm.sync.connection import ServerConnection
from newsterm.sync.secret import Secret
from newsterm.sync.service import ItemPage, Known, PushResult

__all__ = ["FeverService"]

PAGE = 50  # what the Fever API sends per items call
MAX_PAGES = 100_000  # 5 million items: a server that never stops paging is broken
PUSH_AT_ONCE = 4  # mark calls in flight at once
_MARKS = {
    ("read", True): "read",
    ("read", False): "unread",
    ("starred", True): "saved",
    ("starred", False): "unsaved",
}


class FeverService:
    """A Fever server at ``conn.url`` as ``user``."""

    def __init__(self, conn: ServerConnection, user: str, password: Secret) -> None:
        self._conn = conn
        key = hashlib.md5(f"{user}:{password.reveal()}".encode(), usedforsecurity=False)
        self._key = Secret(key.hexdigest())  # as good as the password: kept as secret

    async def _call(
        self, *what: str, query: dict[str, str] | None = None, form: dict[str, str] | None = None
    ) -> dict[str, Any]:
        """POST the key to ``?api&<what>&<query>``; the spec reads item arguments from the
        query and mark arguments from the form, and servers follow it that closely."""
        params: dict[str, str | list[str]] = {"api": "", **dict.fromkeys(what, ""), **(query or {})}
        data: dict[str, str | list[str]] = {"api_key": self._key.reveal(), **(form or {})}
        answer: dict[str, Any] = await self._conn.json("POST", params=params, data=data)
        if answer.get("auth") != 1:
            raise SyncAuthError(
                f"{self._conn.host}: the Fever API refused the user name or password (auth 0)"
            )
        return answer

    async def login(self) -> None:
        await self._call()

    async def feeds(self) -> list[RemoteFeed]:
        answer = await self._call("groups", "feeds")
        tags = _group_tags(answer)
        found = []
        for feed in objects(answer.get("feeds")):
            feed_id = clean_id(feed.get("id"))
            if feed_id is not None:
                url = clean_link(feed.get("url"))
                title = clean_text(feed.get("title")) or url or feed_id
                site = clean_link(feed.get("site_url"))
                found.append(RemoteFeed(feed_id, title, url, site, tuple(tags.get(feed_id, ()))))
        return found

    async def new_items(self, cursor: str | None, known: Known) -> AsyncIterator[ItemPage]:
        since = int(cursor) if cursor and cursor.isdigit() else 0
        for _ in range(MAX_PAGES):
            answer = await self._call("items", query={"since_id": str(since)})
            items = _items(answer.get("items"))
            highest = max((int(i.id) for i in items if i.id.isdigit()), default=since)
            if not items or highest <= since:
                return
            since = highest
            yield ItemPage(tuple(items), str(since), _int(answer.get("total_items")))

    async def state(self) -> tuple[set[str], set[str]]:
        answer = await self._call("unread_item_ids", "saved_item_ids")
        lists = _id_list(answer, "unread_item_ids"), _id_list(answer, "saved_item_ids")
        if lists[0] is None or lists[1] is None:
            raise self._conn.fail("the Fever answer lacks its unread or saved item ids")
        return lists[0], lists[1]

    async def items(self, ids: Sequence[str]) -> list[RemoteItem]:
        found: list[RemoteItem] = []
        for start in range(0, len(ids), PAGE):
            chunk = ",".join(ids[start : start + PAGE])
            found += _items((await self._call("items", query={"with_ids": chunk})).get("items"))
        return found

    async def push(self, changes: Sequence[QueuedChange]) -> PushResult:
        accepted: list[int] = []
        refused: list[int] = []
        gate = asyncio.Semaphore(PUSH_AT_ONCE)

        async def one(change: QueuedChange) -> None:
            async with gate:
                ok = await self._mark(change)
            (accepted if ok else refused).append(change.seq)

        try:
            async with asyncio.TaskGroup() as group:
                for change in changes:
                    group.create_task(one(change))
        except BaseExceptionGroup as group:
            # the task group wraps a failed mark; the caller expects the SyncError itself
            raise _first(group) from None
        return PushResult(tuple(accepted), tuple(refused))

    async def _mark(self, change: QueuedChange) -> bool:
        """Send one change; False when the server can never take it (no such item)."""
        if not change.item_id.isdigit():
            return False
        mark = _MARKS[change.field, change.value]
        try:
            await self._call("mark", form={"mark": "item", "as": mark, "id": change.item_id})
        except SyncError as exc:
            if exc.status == 404:  # the server no longer has the item
                return False
            raise
        return True


def _group_tags(answer: dict[str, Any]) -> dict[str, list[str]]:
    """Feed id -> the titles of its groups, from ``groups`` and ``feeds_groups``."""
    titles = {
        clean_id(g.get("id")) or "": clean_text(g.get("title"))
        for g in objects(answer.get("groups"))
    }
    tags: dict[str, list[str]] = {}
    for link in objects(answer.get("feeds_groups")):
        title = titles.get(clean_id(link.get("group_id")) or "")
        for feed_id in str(link.get("feed_ids", "")).split(","):
            if title and clean_id(feed_id.strip()):
                tags.setdefault(feed_id.strip(), []).append(title)
    return tags


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _id_list(answer: dict[str, Any], key: str) -> set[str] | None:
    """A comma-separated id list ("1,2,3"); the spec says a string, some send numbers."""
    value = answer.get(key)
    if not isinstance(value, str | int) or isinstance(value, bool):
        return None
    return {i for part in str(value).split(",") if (i := clean_id(part.strip()))}


def _items(value: Any) -> list[RemoteItem]:
    found = []
    for raw in objects(value):
        item_id, feed_id = clean_id(raw.get("id")), clean_id(raw.get("feed_id"))
        if item_id is None or feed_id is None:
            continue
        found.append(
            RemoteItem(
                id=item_id,
                feed_id=feed_id,
                title=clean_text(raw.get("title")),
                link=clean_link(raw.get("url")),
                author=clean_author(raw.get("author")),
                published=clean_time(raw.get("created_on_time")),
                content=clean_html(raw.get("html")),
                read=bool(raw.get("is_read")),
                starred=bool(raw.get("is_saved")),
            )
        )
    return found


def _first(group: BaseExceptionGroup[BaseException]) -> BaseException:
    """The first exception inside a (possibly nested) exception group."""
    first = group.exceptions[0]
    return _first(first) if isinstance(first, BaseExceptionGroup) else first
