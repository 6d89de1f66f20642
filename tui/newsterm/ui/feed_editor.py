"""Feeds added, deleted and renamed from the app: a question, then feeds.toml edited in a thread.

Every edit goes through the watcher's ``edit`` (the same feeds.toml writer as ``newsterm
import``, comments kept), which also keeps the watcher from reporting the app's own edit
as the user's. What changed comes back as FeedsEdited, with the config now in the file.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import work
from textual.widget import Widget

from newsterm.config import Config
from newsterm.errors import NewstermError
from newsterm.text.sanitize import one_line
from newsterm.ui.messages import FeedFailed, FeedsEdited
from newsterm.ui.say import say
from newsterm.ui.screens.ask import AskScreen, ConfirmScreen
from newsterm.ui.undo import UndoStep
from newsterm.ui.view import Entry
from newsterm.ui.watcher import FeedsFileWatcher
from newsterm.ui.workers import ReportsWorkerFailures
from newsterm.urls import feed_key

if TYPE_CHECKING:  # finding a feed (httpx, the parser) is imported when a feed is added,
    import httpx  # and editing feeds.toml (tomlkit) with the first edit
    from tomlkit.toml_document import TOMLDocument

    from newsterm.feeds.find import FoundFeed
    from newsterm.subscriptions.feeds_file import RemovedFeed


class FeedEditor(ReportsWorkerFailures, Widget):
    """Asks what to add, delete or rename, and makes the change off the event loop."""

    DEFAULT_CSS = "FeedEditor { display: none; }"

    def __init__(
        self,
        watcher: FeedsFileWatcher,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 20.0,
    ) -> None:
        super().__init__()
        self._watcher = watcher
        self._transport = transport
        self.timeout = timeout
        """Seconds finding a feed may take: settings.timeout_seconds, set by the screen."""

    # ----------------------------------------------------------------- a: add

    def ask_add(self) -> None:
        question = AskScreen(
            "Add a feed: its address, or a web page that links to one",
            placeholder="https://example.org/feed.xml",
        )
        self.app.push_screen(question, self._add_answered)

    def _add_answered(self, text: str | None) -> None:
        from newsterm.feeds.find import address

        if text:
            url = address(text)
            say(self, f"Looking for a feed at {url}…")
            self.add(url)

    @work(thread=True, group="feed-edit", exit_on_error=False, name="adding a feed")
    def add(self, url: str) -> None:
        """Find the feed at ``url`` (or the one its page links to) and append it to feeds.toml."""
        try:
            found = asyncio.run(self._find(url))
            existing, config = self._watcher.edit(lambda doc, cfg: _append(doc, cfg, found))
        except NewstermError as exc:
            self.post_message(FeedFailed(f"No feed added from {url}: {exc}"))
            return
        if existing:
            self.post_message(FeedFailed(f"Already subscribed: {found.title} ({existing})"))
            return
        noun = "article" if found.articles == 1 else "articles"
        said = f"Added “{found.title}” ({found.url}), {found.articles} {noun}"
        self.post_message(FeedsEdited(config, said))

    async def _find(self, url: str) -> FoundFeed:
        from newsterm.feeds.fetch import make_client
        from newsterm.feeds.find import find_feed

        async with make_client(concurrency=1, transport=self._transport) as client:
            return await find_feed(client, url, timeout=self.timeout)

    def ask(self, change: str, entry: Entry | None, config: Config) -> None:
        """Ask about deleting (``change`` "delete") or renaming ("rename") ``entry``'s feed."""
        if change == "delete":
            self.ask_delete(entry, config)
        elif change == "rename":
            self.ask_rename(entry, config)

    # ----------------------------------------------------------------- D: delete

    def ask_delete(self, entry: Entry | None, config: Config) -> None:
        url = _configured_feed(self, entry, config)
        if entry is not None and url:
            label = entry.view.label
            question = ConfirmScreen(
                f"Delete “{label}” ({url}) from feeds.toml? Its articles stay; u puts it back."
            )

            def answered(yes: bool | None) -> None:
                if yes:
                    self.delete(url, label)

            self.app.push_screen(question, answered)

    @work(thread=True, group="feed-edit", exit_on_error=False, name="deleting a feed")
    def delete(self, url: str, label: str) -> None:
        """Take the feed ``url`` out of feeds.toml; the step that puts it back goes with it."""
        from newsterm.subscriptions.feeds_file import remove_feed

        try:
            removed, config = self._watcher.edit(lambda doc, cfg: remove_feed(doc, cfg, url))
        except NewstermError as exc:
            self.post_message(FeedFailed(f"“{label}” was not deleted: {exc}"))
            return
        if removed is None:
            self.post_message(FeedFailed(f"“{label}” is no longer in feeds.toml"))
            return
        undo = UndoStep(f"“{label}” is back in feeds.toml", lambda: self._restore(removed))
        self.post_message(FeedsEdited(config, f"Deleted “{label}” · u to undo", undo))

    def _restore(self, removed: RemovedFeed) -> None:
        """Put a deleted feed back (an undo step: runs in the undo worker)."""
        from newsterm.subscriptions.feeds_file import restore_feed

        _, config = self._watcher.edit(lambda doc, cfg: restore_feed(doc, removed))
        self.post_message(FeedsEdited(config))

    # ----------------------------------------------------------------- E: rename

    def ask_rename(self, entry: Entry | None, config: Config) -> None:
        url = _configured_feed(self, entry, config)
        if entry is not None and url:
            question = AskScreen(
                f"A new title for “{entry.view.label}” (empty: the feed's own title)",
                value=entry.view.label,
            )

            def answered(title: str | None) -> None:
                if title is not None:
                    self.rename(url, title)

            self.app.push_screen(question, answered)

    @work(thread=True, group="feed-edit", exit_on_error=False, name="renaming a feed")
    def rename(self, url: str, title: str) -> None:
        """Set the feed's ``title`` in feeds.toml (an empty one drops it); u sets it back."""
        new = one_line(title) or None
        try:
            (there, old), config = self._watcher.edit(lambda doc, cfg: _retitle(doc, cfg, url, new))
        except NewstermError as exc:
            self.post_message(FeedFailed(f"Not renamed: {exc}"))
            return
        if not there:
            self.post_message(FeedFailed(f"{url} is no longer in feeds.toml"))
            return
        undo = UndoStep("The feed's title is back", lambda: self._retitle_back(url, old))
        said = f"Renamed to “{new}”" if new else "The feed shows its own title"
        self.post_message(FeedsEdited(config, said + " · u to undo", undo))

    def _retitle_back(self, url: str, title: str | None) -> None:
        from newsterm.subscriptions.feeds_file import rename_feed

        _, config = self._watcher.edit(lambda doc, cfg: rename_feed(doc, cfg, url, title))
        self.post_message(FeedsEdited(config))


def _append(doc: TOMLDocument, config: Config, found: FoundFeed) -> str | None:
    """Add ``found`` unless feeds.toml has it already (by feed_key); then its URL there."""
    from newsterm.subscriptions.feeds_file import NewFeed, add_feeds

    key = feed_key(found.url)
    existing = next((s.url for s in config.feeds if feed_key(s.url) == key), None)
    if existing is None:
        add_feeds(doc, [NewFeed(found.url)])
    return existing


def _retitle(
    doc: TOMLDocument, config: Config, url: str, title: str | None
) -> tuple[bool, str | None]:
    """Set the title; whether the feed is there, and the title it had (None: none)."""
    from newsterm.subscriptions.feeds_file import rename_feed

    sub = config.subscription(url)
    if sub is None or not rename_feed(doc, config, url, title):
        return False, None
    return True, sub.title


def _configured_feed(widget: Widget, entry: Entry | None, config: Config) -> str | None:
    """The feeds.toml URL of the feeds pane's row, or None after saying why there is none."""
    if entry is None or not entry.view.is_feed:
        say(widget, "Pick a feed in the feeds pane first")
        return None
    url = entry.view.feed_urls[0]
    if config.subscription(url) is None:
        say(widget, "That feed comes from the sync server; feeds.toml does not list it")
        return None
    return url
