"""The main screen: feeds, article list and reader, and every key that works on them."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import httpx
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from newsterm.config import Config
from newsterm.models import ArticleRow
from newsterm.store import Store
from newsterm.text.sanitize import one_line, strip_controls
from newsterm.ui import wording
from newsterm.ui.keys import MAIN_KEYS
from newsterm.ui.launch import BrowserOpener
from newsterm.ui.messages import (
    ArticleChosen,
    ArticleOpened,
    ArticlesCounted,
    ConfigBroken,
    ConfigReloaded,
    FeedsLoaded,
    ReadChanged,
    UnreadExhausted,
    UnreadFound,
    ViewChosen,
    ViewHighlighted,
    ViewMarkedRead,
    WorkFailed,
)
from newsterm.ui.refresher import Refresher
from newsterm.ui.render import build_page, warm_up
from newsterm.ui.screens.main_actions import MainActions
from newsterm.ui.screens.main_refresh import RefreshFeedback
from newsterm.ui.screens.panes import PaneNavigation
from newsterm.ui.view import all_view, build_entries
from newsterm.ui.watcher import FeedsFileWatcher
from newsterm.ui.widgets.article_list import ArticleList
from newsterm.ui.widgets.feed_list import FeedList
from newsterm.ui.widgets.reader import ReaderView
from newsterm.ui.widgets.status_line import StatusLine
from newsterm.ui.workers import ReportsWorkerFailures


class MainScreen(MainActions, RefreshFeedback, PaneNavigation, ReportsWorkerFailures, Screen[None]):
    """Three panes side by side, or one at a time on a narrow terminal."""

    BINDINGS: ClassVar[list[BindingType]] = MAIN_KEYS

    def __init__(
        self,
        config: Config,
        config_path: Path,
        store: Store,
        *,
        open_url: BrowserOpener,
        transport: httpx.AsyncBaseTransport | None = None,
        watch_interval: float = 1.0,
    ) -> None:
        super().__init__()
        self.config = config
        self.config_path = config_path
        self.store = store
        self._open_url = open_url
        self._transport = transport
        self._watch_interval = watch_interval
        self._pending_unread: bool | None = None  # direction to search once a new view loads
        self._reading: int | None = None  # id of the article the reader shows or will show
        self._feeds_generation = 0

    # ----------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield Static(id="config-error", markup=False)
        with Horizontal(id="panes"):
            yield FeedList(id="feeds")
            with Vertical(id="right"):
                with Vertical(id="list-pane"):
                    yield Input(placeholder="Filter titles…", id="filter")
                    yield Static(id="feed-error", markup=False)
                    yield ArticleList(self.store, id="articles")
                yield ReaderView(id="reader")
        yield StatusLine(id="status")
        yield Footer(compact=True)
        yield Refresher(self.store, self.config, transport=self._transport)
        yield FeedsFileWatcher(self.config_path, self.config, interval=self._watch_interval)

    @property
    def feed_list(self) -> FeedList:
        return self.query_one(FeedList)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> ReaderView:
        return self.query_one(ReaderView)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    @property
    def refresher(self) -> Refresher:
        return self.query_one(Refresher)

    @property
    def watcher(self) -> FeedsFileWatcher:
        return self.query_one(FeedsFileWatcher)

    def on_mount(self) -> None:
        self.feed_list.border_title = "Feeds"
        self.set_list_title("All articles")
        self.reader.border_title = "Reader"
        self.article_list.load(all_view(self.config))
        self.show_pane("articles")
        self.article_list.focus()
        self._sync_and_load_feeds(self.config)
        # The stripper's tables take a while to build: not before the first paint.
        self.call_after_refresh(self._warm_up)
        self.schedule_refresh()
        if self.config.settings.refresh_on_start and self.config.feeds:
            self.refresher.start(None)

    @work(thread=True, group="warm-up", exit_on_error=False, name="preparing the reader")
    def _warm_up(self) -> None:
        warm_up()

    # ----------------------------------------------------------------- what the screen says

    def say(
        self,
        text: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
    ) -> None:
        """Notify with plain text that may quote a feed: never markup, never escapes."""
        self.notify(
            "\n".join(one_line(line) for line in text.split("\n")),
            title=one_line(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def set_list_title(self, text: str) -> None:
        """The article list's border title, which may quote a feed title or the filter."""
        self.query_one("#list-pane").border_title = Content(one_line(text))

    # ----------------------------------------------------------------- feeds and views

    def _sync_and_load_feeds(self, config: Config) -> None:
        self._feeds_generation += 1
        self._read_feeds(self._feeds_generation, config, sync=True)

    def load_feeds(self) -> None:
        """Re-read the feeds and their counts (after reads, marks and refreshes)."""
        self._feeds_generation += 1
        self._read_feeds(self._feeds_generation, self.config, sync=False)

    @work(thread=True, group="feeds", exit_on_error=False, name="loading feeds")
    def _read_feeds(self, generation: int, config: Config, *, sync: bool) -> None:
        if sync:
            self.store.sync_feeds(config.feeds)
        feeds = self.store.feeds([s.url for s in config.feeds])
        self.post_message(FeedsLoaded(tuple(feeds), generation))

    @on(FeedsLoaded)
    def _feeds_loaded(self, message: FeedsLoaded) -> None:
        if message.generation != self._feeds_generation:
            return  # a newer load is on its way
        self.feed_list.set_entries(build_entries(self.config, message.feeds))
        self._show_feed_error()
        if not self.refresher.running:
            self.status.show_text(wording.idle_status(message.feeds, self._last_refresh))

    @on(ViewHighlighted)
    def _view_highlighted(self, message: ViewHighlighted) -> None:
        current = self.article_list.view
        self._show_feed_error()
        if current is not None and current.key == message.view.key:
            if current.feed_urls != message.view.feed_urls:
                self.article_list.load(message.view, self.article_list.title_filter, keep=True)
            return
        self.article_list.load(message.view, self.article_list.title_filter)

    @on(ViewChosen)
    def _view_chosen(self) -> None:
        self.focus_pane("articles")

    def _show_feed_error(self) -> None:
        entry = self.feed_list.highlighted_entry
        banner = self.query_one("#feed-error", Static)
        error = entry.error if entry is not None else None
        banner.display = bool(error)
        if entry is not None and error:
            url = entry.view.feed_urls[0] if entry.view.feed_urls else ""
            banner.update(Content(wording.feed_failure(error, url)))

    @on(ArticlesCounted)
    def _articles_counted(self, message: ArticlesCounted) -> None:
        title = f"{message.view.label} · {message.count:,}"
        if self.article_list.title_filter:
            title += f" matching “{self.article_list.title_filter}”"
        self.set_list_title(title)
        if self._pending_unread is not None:
            forward, self._pending_unread = self._pending_unread, None
            self.article_list.find_unread_from_edge(forward)

    # ----------------------------------------------------------------- reading

    @on(ArticleChosen)
    def _article_chosen(self, message: ArticleChosen) -> None:
        self.open_article(message.row)

    @on(UnreadFound)
    def _unread_found(self, message: UnreadFound) -> None:
        self.open_article(message.row)

    def open_article(self, row: ArticleRow) -> None:
        """Load ``row`` into the reader (marking it read) and move the focus there."""
        self._reading = row.id
        self._load_article(row.id, self.config)
        self.focus_pane("reader")

    @work(
        thread=True,
        exclusive=True,
        group="article",
        exit_on_error=False,
        name="opening the article",
    )
    def _load_article(self, article_id: int, config: Config) -> None:
        article = self.store.article(article_id)
        if article is None:
            raise LookupError("the article is no longer in the cache")
        was_unread = not article.read
        if was_unread:
            self.store.set_read([article_id], True)  # persisted before the article shows
        self.post_message(ArticleOpened(build_page(article, config), was_unread))

    @on(ArticleOpened)
    def _article_opened(self, message: ArticleOpened) -> None:
        if message.page.article.id != self._reading:
            return  # the user has moved on to another article
        self.reader.show(message.page)
        self.reader.border_title = Content(one_line(message.page.article.feed_title) or "Reader")
        if message.was_unread:
            self.article_list.set_read((message.page.article.id,), True)
            self.load_feeds()

    @on(ReadChanged)
    def _read_changed(self, message: ReadChanged) -> None:
        self.article_list.set_read(message.ids, message.read)
        self.load_feeds()

    def action_next_unread(self) -> None:
        row = self.article_list.highlighted_row
        fresh = row is not None and not row.read and row.id != self._reading
        self.article_list.find_unread(True, include_cursor=fresh)

    def action_previous_unread(self) -> None:
        self.article_list.find_unread(False)

    @on(UnreadExhausted)
    def _unread_exhausted(self, message: UnreadExhausted) -> None:
        entry = self.feed_list.neighbour_with_unread(message.forward)
        view = self.article_list.view
        if entry is None or view is None or view.is_all:
            self.say("No more unread articles" if message.forward else "No unread articles above")
            return
        self._pending_unread = message.forward
        self.feed_list.highlight_view(entry.view.key)

    @on(ViewMarkedRead)
    def _view_marked_read(self, message: ViewMarkedRead) -> None:
        self.article_list.reload()
        self.load_feeds()
        noun = "article" if message.count == 1 else "articles"
        self.say(f"Marked {message.count} {noun} read in {message.view.label}")

    # ----------------------------------------------------------------- feeds.toml

    @on(ConfigReloaded)
    def _config_reloaded(self, message: ConfigReloaded) -> None:
        old, new = self.config, message.config
        self.config = new
        self.refresher.config = new
        self.query_one("#config-error", Static).display = False
        self._sync_and_load_feeds(new)
        if old.settings.refresh_minutes != new.settings.refresh_minutes:
            self.schedule_refresh()
        added = [s.url for s in new.feeds if old.subscription(s.url) is None]
        removed = [s.url for s in old.feeds if new.subscription(s.url) is None]
        if added:
            self.refresher.start(added)
        self.say(wording.reload_message(added, removed))

    @on(ConfigBroken)
    def _config_broken(self, message: ConfigBroken) -> None:
        banner = self.query_one("#config-error", Static)
        error = strip_controls(message.error)
        banner.update(
            Content(f"feeds.toml was not reloaded; still using the last good version.\n{error}")
        )
        banner.display = True
        self.say(error, title="feeds.toml has an error", severity="error")

    # ----------------------------------------------------------------- the rest

    @on(WorkFailed)
    def _work_failed(self, message: WorkFailed) -> None:
        self.say(wording.failure_text(message.job, message.error), severity="error")

    def action_help(self) -> None:
        from newsterm.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())
