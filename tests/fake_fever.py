"""A small Fever server on the test HTTP server, whose faults a test can switch on.

It keeps items, unread and saved ids the way the Fever API describes them, and answers
``?api&items&since_id=`` 50 at a time, ascending. ``fault`` picks how it misbehaves.
"""

from __future__ import annotations

import hashlib
import json
from urllib.parse import parse_qs, urlsplit

from httpserver import LoopbackServer, Reply, Request

PASSWORD = "fever-Pw-9913-lantern"
USER = "ana"


class FakeFever:
    """Routes /fever on ``server``; ``fault`` is None or one of the names in ``handle``."""

    def __init__(self, server: LoopbackServer, items: int = 120) -> None:
        self.key = hashlib.md5(f"{USER}:{PASSWORD}".encode()).hexdigest()
        self.items = {
            i: {
                "id": i,
                "feed_id": 1 + i % 2,
                "title": f"Item {i}",
                "author": "",
                "url": f"https://example.org/{i}",
                "html": f"<p>Body {i}</p>",
                "is_saved": 0,
                "is_read": 0,
                "created_on_time": 1_700_000_000 + i,
            }
            for i in range(1, items + 1)
        }
        self.unread = set(self.items)
        self.saved: set[int] = set()
        self.fault: str | None = None
        self.fault_after_pages = 0  # "drop" faults only after this many item pages
        self.pages = 0
        self.marks: list[tuple[str, int]] = []
        self.url = server.route("/fever", self.handle)

    def handle(self, request: Request, reply: Reply) -> None:
        query = {k: v[0] for k, v in parse_qs(urlsplit(request.target).query, True).items()}
        form = {k: v[0] for k, v in parse_qs(request.body.decode(), True).items()}
        if self.fault == "slow":
            reply.sleep(5)
            return reply.reset()
        if self.fault in ("401", "500"):
            return reply.send(int(self.fault), b"no", {"Content-Type": "text/plain"})
        if self.fault == "reset":
            reply.start(200, {"Content-Type": "application/json", "Content-Length": "9999"})
            reply.write(b'{"api_version": 3, ')
            return reply.reset()
        if self.fault == "garbage":
            return reply.send(200, b"<html>not json", {"Content-Type": "text/html"})
        if self.fault == "huge":
            return reply.send(200, b"[" + b" " * (3 << 20) + b"]")
        if form.get("api_key") != self.key:
            return self._json(reply, {"api_version": 3, "auth": 0})
        if "mark" in query and self.fault == "mark_drop":  # logged in, then a mark fails
            return reply.reset()
        if "items" in query and self.fault == "drop" and self.pages >= self.fault_after_pages:
            reply.start(200, {"Content-Type": "application/json", "Content-Length": "9999"})
            reply.write(b'{"api_version": 3, "auth": 1, "items": [')
            return reply.reset()
        self._json(reply, {"api_version": 3, "auth": 1, **self._answer(query, form)})

    def _answer(self, query: dict[str, str], form: dict[str, str]) -> dict[str, object]:
        answer: dict[str, object] = {}
        if "groups" in query:
            answer["groups"] = [{"id": 1, "title": "Odd"}, {"id": 2, "title": "Even"}]
            answer["feeds_groups"] = [
                {"group_id": 1, "feed_ids": "2"},
                {"group_id": 2, "feed_ids": "1"},
            ]
        if "feeds" in query:
            answer["feeds"] = [
                {
                    "id": n,
                    "title": f"Feed {n}",
                    "url": f"https://example.org/{n}.xml",
                    "site_url": "https://example.org/",
                }
                for n in (1, 2)
            ]
        if "items" in query:
            self.pages += 1
            answer["items"] = self._items(query)
            answer["total_items"] = len(self.items)
        if "unread_item_ids" in query:
            answer["unread_item_ids"] = ",".join(map(str, sorted(self.unread)))
        if "saved_item_ids" in query:
            answer["saved_item_ids"] = ",".join(map(str, sorted(self.saved)))
        if "mark" in query:
            self._mark(form)
        return answer

    def _items(self, query: dict[str, str]) -> list[dict[str, object]]:
        if "with_ids" in query:
            wanted = [int(i) for i in query["with_ids"].split(",")]
            return [self._item(i) for i in wanted if i in self.items]
        since = int(query.get("since_id", "0"))
        return [self._item(i) for i in sorted(self.items) if i > since][:50]

    def _item(self, i: int) -> dict[str, object]:
        return {
            **self.items[i],
            "is_read": int(i not in self.unread),
            "is_saved": int(i in self.saved),
        }

    def _mark(self, form: dict[str, str]) -> None:
        item, state = int(form["id"]), form["as"]
        self.marks.append((state, item))
        {
            "read": self.unread.discard,
            "unread": self.unread.add,
            "saved": self.saved.add,
            "unsaved": self.saved.discard,
        }[state](item)

    @staticmethod
    def _json(reply: Reply, answer: dict[str, object]) -> None:
        reply.send(200, json.dumps(answer).encode(), {"Content-Type": "application/json"})
