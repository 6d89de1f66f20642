"""The main screen: feeds, article list and reader, and every key that works on them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import httpx
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Input, Static
from textual.worker import Worker, WorkerState

from newsterm.config import Config
from newsterm.models import ArticleRow
from newsterm.store import Store
from newsterm.ui import wording
from newsterm.ui.keys import MAIN_KEYS
from newsterm.ui.messages import (
    ArticleChosen,
    ArticleOpened,
    ArticlesCounted,
    ConfigBroken,
    ConfigReloaded,
    FeedsLoaded,
    ReadChanged,
    RefreshFinished,
    RefreshProgressed,
    RefreshStarted,
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
from newsterm.ui.view import all_view, build_entries
from newsterm.ui.watcher import FeedsFileWatcher
from newsterm.ui.widgets.article_list import ArticleList
from newsterm.ui.widgets.feed_list import FeedList
from newsterm.ui.widgets.reader import ReaderView
from newsterm.ui.widgets.status_line import StatusLine

NARROW_WIDTH = 100
"""Below this many columns one pane shows at a time."""

PANES = ("feeds", "articles", "reader")

SECONDS_PER_MINUTE = 60  # settings.refresh_minutes is in minutes; tests shrink this


class MainScreen(MainActions, Screen[None]):
    """Three panes side by side, or one at a time on a narrow terminal."""

    BINDINGS: ClassVar[list[BindingType]] = MAIN_KEYS

    def __init__(
        self,
        config: Config,
        config_path: Path,
        store: Store,
        *,
        open_url: Callable[[str], object],
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
        self._refresh_timer: Timer | None = None
        self._pending_unread: bool | None = None  # direction to search once a new view loads
        self._reading: int | None = None  # id of the article the reader shows or will show
        self._last_refresh: str | None = None  # summary of the last refresh, for the status line
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
        self.query_one("#list-pane").border_title = "All articles"
        self.reader.border_title = "Reader"
        self.article_list.load(all_view(self.config))
        self._show_pane("articles")
        self.article_list.focus()
        self._sync_and_load_feeds(self.config)
        self._warm_up()
        self._schedule_refresh()
        if self.config.settings.refresh_on_start and self.config.feeds:
            self.refresher.start(None)

    @work(thread=True, group="warm-up", exit_on_error=False, name="preparing the reader")
    def _warm_up(self) -> None:
        warm_up()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")

    def current_pane(self) -> str:
        """Which pane holds the focus: feeds, articles or reader."""
        node: Widget | None = self.focused
        while node is not None and node is not self:
            if node.id == "feeds":
                return "feeds"
            if node.id == "reader":
                return "reader"
            if node.id == "list-pane":
                return "articles"
            node = node.parent if isinstance(node.parent, Widget) else None
        return "articles"

    def focus_pane(self, pane: str) -> None:
        """Focus ``pane``; on a narrow screen the focus then decides which pane shows."""
        widget: Widget = {
            "feeds": self.feed_list,
            "articles": self.article_list,
            "reader": self.reader,
        }[pane]
        # Focus first, re-style after (on_descendant_focus): hiding the focused pane
        # first would make Textual hand the focus to some other widget. set_focus acts
        # now, so a key typed right after (q q) already goes to the new pane.
        self.set_focus(widget)

    def _show_pane(self, pane: str) -> None:
        for name in PANES:
            self.set_class(name == pane, f"-show-{name}")

    def on_descendant_focus(self) -> None:
        self._show_pane(self.current_pane())

    # ----------------------------------------------------------------- feeds and views

    def _sync_and_load_feeds(self, config: Config) -> None:
        self._feeds_generation += 1
        self._read_feeds(self._feeds_generation, config, sync=True)

    def _load_feeds(self) -> None:
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
                self.article_list.load(message.view, self.article_list.query, keep=True)
            return
        self.article_list.load(message.view, self.article_list.query)

    @on(ViewChosen)
    def _view_chosen(self) -> None:
        self.focus_pane("articles")

    def _show_feed_error(self) -> None:
        entry = self.feed_list.highlighted_entry
        banner = self.query_one("#feed-error", Static)
        error = entry.error if entry is not None else None
        banner.display = bool(error)
        if error:
            banner.update(Content(f"! Last refresh failed: {error}"))

    @on(ArticlesCounted)
    def _articles_counted(self, message: ArticlesCounted) -> None:
        title = f"{message.view.label} · {message.count:,}"
        if self.article_list.query:
            title += f" matching “{self.article_list.query}”"
        self.query_one("#list-pane").border_title = Content(title)
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
        self.reader.border_title = Content(message.page.article.feed_title or "Reader")
        if message.was_unread:
            self.article_list.set_read((message.page.article.id,), True)
            self._load_feeds()

    @on(ReadChanged)
    def _read_changed(self, message: ReadChanged) -> None:
        self.article_list.set_read(message.ids, message.read)
        self._load_feeds()

    @on(UnreadExhausted)
    def _unread_exhausted(self, message: UnreadExhausted) -> None:
        entry = self.feed_list.neighbour_with_unread(message.forward)
        view = self.article_list.view
        if entry is None or view is None or view.is_all:
            text = "No more unread articles" if message.forward else "No unread articles above"
            self.notify(text, markup=False)
            return
        self._pending_unread = message.forward
        self.feed_list.highlight_view(entry.view.key)

    # ----------------------------------------------------------------- refresh

    def _schedule_refresh(self) -> None:
        if self._refresh_timer is not None:
            self._refresh_timer.stop()
            self._refresh_timer = None
        minutes = self.config.settings.refresh_minutes
        if minutes > 0:
            interval = minutes * SECONDS_PER_MINUTE
            self._refresh_timer = self.set_interval(interval, self.action_refresh_all)

    @on(RefreshStarted)
    def _refresh_started(self, message: RefreshStarted) -> None:
        self.status.show_progress(f"Refreshing 0/{message.total}", 0, message.total)

    @on(RefreshProgressed)
    def _refresh_progressed(self, message: RefreshProgressed) -> None:
        text = f"Refreshing {message.done}/{message.total}"
        self.status.show_progress(text, message.done, message.total)
        self._load_feeds()
        if message.outcome.new:
            self.article_list.reload()  # new articles show as they land, cursor kept

    @on(RefreshFinished)
    def _refresh_finished(self, message: RefreshFinished) -> None:
        summary = message.summary
        self._last_refresh = wording.summary_line(summary)
        self.status.show_text(self._last_refresh)
        self._load_feeds()
        self.article_list.reload()
        text, severity = wording.summary_notification(summary)
        self.notify(text, severity=severity, timeout=10 if summary.failed else 4, markup=False)

    # ----------------------------------------------------------------- feeds.toml

    @on(ConfigReloaded)
    def _config_reloaded(self, message: ConfigReloaded) -> None:
        old, new = self.config, message.config
        self.config = new
        self.refresher.config = new
        self.query_one("#config-error", Static).display = False
        self._sync_and_load_feeds(new)
        if old.settings.refresh_minutes != new.settings.refresh_minutes:
            self._schedule_refresh()
        added = [s.url for s in new.feeds if old.subscription(s.url) is None]
        removed = [s.url for s in old.feeds if new.subscription(s.url) is None]
        if added:
            self.refresher.start(added)
        self.notify(wording.reload_message(added, removed), markup=False)

    @on(ConfigBroken)
    def _config_broken(self, message: ConfigBroken) -> None:
        banner = self.query_one("#config-error", Static)
        banner.update(
            Content(
                f"feeds.toml was not reloaded; still using the last good version.\n{message.error}"
            )
        )
        banner.display = True
        self.notify(message.error, title="feeds.toml has an error", severity="error", markup=False)

    # ----------------------------------------------------------------- failures

    @on(WorkFailed)
    def _work_failed(self, message: WorkFailed) -> None:
        self.notify(
            wording.failure_text(message.job, message.error), severity="error", markup=False
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.post_message(WorkFailed(event.worker.name, event.worker.error))

    # ----------------------------------------------------------------- key actions

    def action_next_pane(self) -> None:
        self.focus_pane(PANES[(PANES.index(self.current_pane()) + 1) % len(PANES)])

    def action_previous_pane(self) -> None:
        self.focus_pane(PANES[(PANES.index(self.current_pane()) - 1) % len(PANES)])

    def action_next_unread(self) -> None:
        row = self.article_list.highlighted_row
        fresh = row is not None and not row.read and row.id != self._reading
        self.article_list.find_unread(True, include_cursor=fresh)

    def action_previous_unread(self) -> None:
        self.article_list.find_unread(False)

    @on(ViewMarkedRead)
    def _view_marked_read(self, message: ViewMarkedRead) -> None:
        self.article_list.reload()
        self._load_feeds()
        noun = "article" if message.count == 1 else "articles"
        self.notify(f"Marked {message.count} {noun} read in {message.view.label}", markup=False)

    def action_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.display = True
        field.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        view = self.article_list.view
        if view is not None:
            self.article_list.load(view, event.value.strip())

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.article_list.focus()

    def clear_filter(self) -> None:
        """Hide the filter field and show the whole view again."""
        field = self.query_one("#filter", Input)
        field.display = False
        if field.value:
            field.value = ""  # Input.Changed reloads the list
        self.article_list.focus()

    def action_help(self) -> None:
        from newsterm.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_back(self) -> None:
        pane = self.current_pane()
        field = self.query_one("#filter", Input)
        if self.focused is field or (pane == "articles" and field.value):
            self.clear_filter()
        elif pane == "reader":
            self.focus_pane("articles")
        elif pane == "articles" and not (self.article_list.view or all_view(self.config)).is_all:
            self.focus_pane("feeds")
        else:
            self.app.exit(return_code=0)
