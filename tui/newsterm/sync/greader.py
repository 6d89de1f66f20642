"""The Google Reader API (FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux, CommaFeed).

``url`` is the base the API's paths follow (FreshRSS: ``…/api/greader.php``; Miniflux: the
server itself). Log in with ClientLogin, then send ``Authorization: GoogleLogin auth=…``;
changes need a short-lived token ``T``. New items are found by listing ids (cheap) and
fetching only the unknown ones' contents, so an overlap in time costs ids, not articles.
Item ids come long ("tag:google.com,2005:reader/item/<16 hex>") or short (decimal); they
are kept as unsigned decimal.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Sequence
from typing import Any

from newsterm.errors import SyncAuthError
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

__all__ = ["GReaderService", "item_id"]

API = "/reader/api/0"
READING_LIST = "user/-/state/com.google/reading-list"
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
_STATES = {"read": READ, "starred": STARRED}
IDS_PAGE = 10_000  # ids per items/ids answer
CONTENTS_PAGE = 250  # items per items/contents request
EDIT_PAGE = 250  # ids per edit-tag request
MAX_IDS = 1_000_000  # a server that lists more ids than this is broken
OVERLAP_SECONDS = 600  # clocks differ: new items are listed from a little before the last sync
_LONG_PREFIX = "tag:google.com,2005:reader/item/"


def item_id(value: Any) -> str | None:
    """An item id in either form as unsigned decimal text, or None."""
    text = clean_id(value)
    if text is None:
        return None
    try:
        number = int(text[len(_LONG_PREFIX) :], 16) if text.startswith(_LONG_PREFIX) else int(text)
    except ValueError:
        return None
    return str(number % (1 << 64)) if -(1 << 63) <= number < (1 << 64) else None


class GReaderService:
    """A Google Reader API server at ``conn.url`` as ``user``."""

    def __init__(self, conn: ServerConnection, user: str, password: Secret) -> None:
        self._conn = conn
        self._user = user
        self._password = password
        self._token: Secret | None = None

    async def login(self) -> None:
        form = {"Email": self._user, "Passwd": self._password.reveal()}
        answer = await self._conn.text("POST", "/accounts/ClientLogin", data=form)
        auth = next((line[5:] for line in answer.splitlines() if line.startswith("Auth=")), "")
        if not auth or not auth.isprintable() or len(auth) > 1000:
            raise SyncAuthError(f"{self._conn.host}: the login answered without a token")
        self._conn.headers["Authorization"] = f"GoogleLogin auth={auth}"

    async def feeds(self) -> list[RemoteFeed]:
        answer = await self._conn.json("GET", f"{API}/subscription/list", params={"output": "json"})
        found = []
        for sub in objects(answer.get("subscriptions")):
            feed_id = clean_id(sub.get("id"))
            if feed_id is None:
                continue
            url = clean_link(sub.get("url"))
            labels = [clean_text(c.get("label")) for c in objects(sub.get("categories"))]
            found.append(
                RemoteFeed(
                    feed_id,
                    clean_text(sub.get("title")) or url or feed_id,
                    url,
                    clean_link(sub.get("htmlUrl")),
                    tuple(dict.fromkeys(t for t in labels if t)),
                )
            )
        return found

    async def new_items(self, cursor: str | None, known: Known) -> AsyncIterator[ItemPage]:
        started = int(time.time())
        since = int(cursor) - OVERLAP_SECONDS if cursor and cursor.isdigit() else 0
        listed = await self._ids(READING_LIST, since=since)
        unknown = sorted(set(listed) - await known(listed), key=int)
        for start in range(0, len(unknown), CONTENTS_PAGE):
            chunk = unknown[start : start + CONTENTS_PAGE]
            last = start + CONTENTS_PAGE >= len(unknown)
            # The new cursor only with the last page: a run cut short resumes from the old one.
            yield ItemPage(
                tuple(await self.items(chunk)),
                str(started) if last else cursor or "0",
                len(unknown),
            )
        if not unknown:
            yield ItemPage((), str(started))

    async def state(self) -> tuple[set[str], set[str]]:
        unread = await self._ids(READING_LIST, exclude=READ)
        starred = await self._ids(STARRED)
        return set(unread), set(starred)

    async def items(self, ids: Sequence[str]) -> list[RemoteItem]:
        found: list[RemoteItem] = []
        for start in range(0, len(ids), CONTENTS_PAGE):
            form: dict[str, str | list[str]] = {"i": list(ids[start : start + CONTENTS_PAGE])}
            answer = await self._conn.json("POST", f"{API}/stream/items/contents", data=form)
            found += _items(answer.get("items"))
        return found

    async def push(self, changes: Sequence[QueuedChange]) -> PushResult:
        groups: dict[tuple[str, bool], list[QueuedChange]] = {}
        for change in changes:
            groups.setdefault((change.field, change.value), []).append(change)
        accepted: list[int] = []
        for (field, value), group in groups.items():
            for start in range(0, len(group), EDIT_PAGE):
                part = group[start : start + EDIT_PAGE]
                await self._edit_tag([c.item_id for c in part], _STATES[field], add=value)
                accepted += [c.seq for c in part]
        return PushResult(tuple(accepted))

    async def _edit_tag(self, ids: Sequence[str], tag: str, *, add: bool) -> None:
        token = await self._write_token()
        form: dict[str, str | list[str]] = {"T": token, "a" if add else "r": tag, "i": list(ids)}
        answer = await self._conn.text("POST", f"{API}/edit-tag", data=form)
        if answer.strip() != "OK":
            raise self._conn.fail("edit-tag was not accepted (the answer was not OK)")

    async def _write_token(self) -> str:
        if self._token is None:
            token = (await self._conn.text("GET", f"{API}/token")).strip()
            if not token or not token.isprintable() or len(token) > 1000:
                raise self._conn.fail("the server gave no write token")
            self._token = Secret(token)
        return self._token.reveal()

    async def _ids(self, stream: str, *, exclude: str = "", since: int = 0) -> list[str]:
        """Every item id in ``stream``, following continuations."""
        found: list[str] = []
        continuation = ""
        while len(found) < MAX_IDS:
            params: dict[str, str | list[str]] = {"s": stream, "n": str(IDS_PAGE)}
            params |= {"xt": exclude} if exclude else {}
            params |= {"c": continuation} if continuation else {}
            if since > 0:
                params["ot"] = str(since)
            answer = await self._conn.json("GET", f"{API}/stream/items/ids", params=params)
            refs = objects(answer.get("itemRefs"))
            found += [i for ref in refs if (i := item_id(ref.get("id"))) is not None]
            following = answer.get("continuation")
            if not refs or not isinstance(following, str | int) or str(following) == continuation:
                return found
            continuation = str(following)
        raise self._conn.fail(f"the server listed more than {MAX_IDS} item ids")


def _items(value: Any) -> list[RemoteItem]:
    found = []
    for raw in objects(value):
        ident = item_id(raw.get("id"))
        origin = raw.get("origin")
        feed_id = clean_id(origin.get("streamId")) if isinstance(origin, dict) else None
        if ident is None or feed_id is None:
            continue
        categories = raw.get("categories")
        listed = categories if isinstance(categories, list) else []
        tags = {c for c in listed if isinstance(c, str)}
        found.append(
            RemoteItem(
                id=ident,
                feed_id=feed_id,
                title=clean_text(raw.get("title")),
                link=_link(raw),
                author=clean_author(raw.get("author")),
                published=clean_time(raw.get("published")),
                content=_content(raw),
                read=any(t.endswith("/state/com.google/read") for t in tags),
                starred=any(t.endswith("/state/com.google/starred") for t in tags),
            )
        )
    return found


def _link(raw: dict[str, Any]) -> str:
    for key in ("canonical", "alternate"):
        for link in objects(raw.get(key)):
            if href := clean_link(link.get("href")):
                return href
    return ""


def _content(raw: dict[str, Any]) -> str:
    for key in ("content", "summary"):
        part = raw.get(key)
        if isinstance(part, dict) and (html := clean_html(part.get("content"))):
            return html
    return ""
