"""The main screen: wires the panes, the refresher and the key actions to the cache."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.events import Resize
from textual.screen import Screen

from newsterm.config import Config
from newsterm.models import Article, ArticleRow, Enclosure
from newsterm.state import AppState, next_order
from newsterm.store import Store
from newsterm.text.blocks import Link
from newsterm.text.sanitize import strip_controls
from newsterm.ui import launch, wording
from newsterm.ui.downloader import Downloader, player_argv
from newsterm.ui.feed_editor import FeedEditor
from newsterm.ui.keys import MAIN_KEYS
from newsterm.ui.launch import BrowserOpener
from newsterm.ui.link_opener import LinkOpener
from newsterm.ui.messages import (
    ArticleChosen,
    ArticleOpened,
    ArticlesCounted,
    ConfigBroken,
    ConfigReloaded,
    FeedFailed,
    FeedsEdited,
    FeedsLoaded,
    FullTextFailed,
    ReadChanged,
    RefreshFinished,
    RefreshProgressed,
    RefreshStarted,
    StarChanged,
    SyncFinished,
    SyncStarted,
    SyncStatusRead,
    Undone,
    UnreadFound,
    ViewMarkedRead,
    ViewsCounted,
    WorkFailed,
)
from newsterm.ui.read_marker import ReadMarker
from newsterm.ui.refresher import Refresher
from newsterm.ui.remembered import Remembered
from newsterm.ui.say import say
from newsterm.ui.screens.help import HelpScreen
from newsterm.ui.screens.links import LinkChosen, LinkListScreen
from newsterm.ui.screens.refresh_feedback import RefreshFeedback
from newsterm.ui.syncer import Syncer
from newsterm.ui.timing import Timing
from newsterm.ui.undo import UndoLog
from newsterm.ui.view import all_view, saved_views
from newsterm.ui.view_counter import ViewCounter
from newsterm.ui.watcher import FeedsFileWatcher
from newsterm.ui.widgets.article_list import ArticleList
from newsterm.ui.widgets.config_banner import ConfigBanner
from newsterm.ui.widgets.feed_list import FeedList
from newsterm.ui.widgets.key_footer import KeyFooter
from newsterm.ui.widgets.panes import Panes
from newsterm.ui.widgets.reader import ReaderView
from newsterm.ui.widgets.status_line import StatusLine
from newsterm.ui.workers import ReportsWorkerFailures

if TYPE_CHECKING:  # a type only: httpx loads with the first refresh, after the first paint
    import httpx


class MainScreen(ReportsWorkerFailures, Screen[None]):
    """The panes, the status line and the hidden workers, and the keys that work anywhere."""

    BINDINGS: ClassVar[list[BindingType]] = MAIN_KEYS

    def __init__(
        self,
        config: Config,
        config_path: Path,
        store: Store,
        *,
        open_url: BrowserOpener,
        transport: httpx.AsyncBaseTransport | None = None,
        timing: Timing | None = None,
        remembered: Remembered | None = None,
        parse_pool: Executor | None = None,
    ) -> None:
        super().__init__()
        self._remembered = remembered or Remembered(None, AppState())
        self.config = config
        self.config_path = config_path
        self.store = store
        self._open_url = open_url
        self._transport = transport
        self._parse_pool = parse_pool
        self._timing = timing = timing or Timing()
        self._warmed_up = False  # the reader's code loads once the first rows show
        self._status = StatusLine(id="status")
        self._feedback = RefreshFeedback(
            self._status, self._reload, reload_every=timing.reload_every
        )
        self.undo_log = UndoLog()

    # ----------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield ConfigBanner(id="config-error", markup=False)
        yield Panes(self.store, self.config, id="panes")
        yield self._status
        yield KeyFooter(compact=True)
        yield Refresher(
            self.store,
            self.config,
            transport=self._transport,
            minute=self._timing.minute,
            parse_pool=self._parse_pool,
        )
        watcher = FeedsFileWatcher(self.config_path, self.config, interval=self._timing.watch_every)
        yield watcher
        yield FeedEditor(
            watcher, transport=self._transport, timeout=self.config.settings.timeout_seconds
        )
        yield LinkOpener(self.store, self._open_url)
        yield Downloader()
        yield ReadMarker(self.store)
        yield ViewCounter(self.store, every=self._timing.count_views_every)
        yield self._remembered
        yield Syncer(
            self.store,
            self.config.sync,
            timeout=self.config.settings.timeout_seconds,
            transport=self._transport,
            push_delay=self._timing.push_delay,
            every=self.config.settings.refresh_minutes * self._timing.minute,
        )

    @property
    def panes(self) -> Panes:
        return self.query_one(Panes)

    # the panes' widgets, reached through the screen that wires them
    @property
    def feed_list(self) -> FeedList:
        return self.panes.feed_list

    @property
    def article_list(self) -> ArticleList:
        return self.panes.article_list

    @property
    def reader(self) -> ReaderView:
        return self.panes.reader

    @property
    def status(self) -> StatusLine:
        return self._status

    @property
    def refresher(self) -> Refresher:
        return self.query_one(Refresher)

    @property
    def syncer(self) -> Syncer:
        return self.query_one(Syncer)

    @property
    def watcher(self) -> FeedsFileWatcher:
        return self.query_one(FeedsFileWatcher)

    def on_mount(self) -> None:
        self.app.set_keymap(dict(self.config.keys))
        state = self._remembered.state
        self.article_list.sort_by(state.order, state.hide_read)
        self.article_list.load(all_view(self.config))
        self.panes.show("articles")
        self.article_list.focus()
        self.feed_list.load(self.config, sync=True)
        if self.config.settings.refresh_on_start and self.config.feeds:
            self.refresher.start(None, due_only=True)
        if self.config.sync is not None:
            self.syncer.read_status()
            if self.config.settings.refresh_on_start:
                self.syncer.start()

    def on_resize(self, event: Resize) -> None:
        self.panes.fit(event.size.width)

    @on(ArticlesCounted)
    def _first_rows_counted(self) -> None:
        # The reader's code takes a while to load and its stripper's tables to build: not
        # before the list's first rows are on screen, whose reading it would slow down.
        if not self._warmed_up:
            self._warmed_up = True
            self.call_after_refresh(self._warm_up)

    @work(thread=True, group="warm-up", exit_on_error=False, name="preparing the reader")
    def _warm_up(self) -> None:
        # Imported here, in the worker: the reader's code need not load before the first paint.
        from newsterm.ui.render import warm_up

        warm_up()

    # ----------------------------------------------------------------- feeds and refreshes

    def load_feeds(self) -> None:
        """Re-read the feeds and their counts (after reads, marks and refreshes)."""
        self.feed_list.load(self.config)

    @on(FeedsLoaded)
    def _feeds_loaded(self, message: FeedsLoaded) -> None:
        if not self.refresher.running:
            self._feedback.show_idle(message.feeds)
        self.query_one(ViewCounter).count(saved_views(self.config, message.feeds))

    @on(ViewsCounted)
    def _views_counted(self, message: ViewsCounted) -> None:
        self.feed_list.set_view_counts(message.counts)

    def _reload(self, articles: bool) -> None:
        self.load_feeds()
        if articles:
            self.article_list.reload()

    @on(RefreshStarted)
    def _refresh_started(self, message: RefreshStarted) -> None:
        self._feedback.started(message)

    @on(RefreshProgressed)
    def _refresh_progressed(self, message: RefreshProgressed) -> None:
        self._feedback.progressed(message)

    @on(RefreshFinished)
    def _refresh_finished(self, message: RefreshFinished) -> None:
        self._feedback.finished(message)

    # ----------------------------------------------------------------- syncing

    @on(SyncStarted)
    @on(SyncFinished)
    @on(SyncStatusRead)
    def _sync_news(self, message: SyncStarted | SyncFinished | SyncStatusRead) -> None:
        self._feedback.sync_news(message, refreshing=self.refresher.running)

    def _changed_here(self) -> None:
        """Read or starred state changed here: synced articles' changes go to the server."""
        if self.config.sync is not None:
            self.syncer.push_soon()

    # ----------------------------------------------------------------- reading

    @on(ArticleChosen)
    def _article_chosen(self, message: ArticleChosen) -> None:
        self.open_article(message.row)

    @on(UnreadFound)
    def _unread_found(self, message: UnreadFound) -> None:
        self.open_article(message.row)

    def open_article(self, row: ArticleRow) -> None:
        """Load ``row`` into the reader (marking it read) and move the focus there."""
        self.reader.open(row.id, self.config)
        self.panes.focus_pane("reader")

    @on(ArticleOpened)
    def _article_opened(self, message: ArticleOpened) -> None:
        if message.was_unread:
            self.article_list.set_read((message.page.article.id,), True)
            self.load_feeds()
            self._changed_here()

    @on(ReadChanged)
    def _read_changed(self, message: ReadChanged) -> None:
        self.article_list.set_read(message.ids, message.read)
        self.load_feeds()
        self._changed_here()
        if message.undo is not None:
            self.undo_log.push(message.undo)

    @on(StarChanged)
    def _star_changed(self, message: StarChanged) -> None:
        self.article_list.set_starred(message.ids, message.starred)
        self._changed_here()
        self.undo_log.push(message.undo)
        self._feedback.note("Starred" if message.starred else "Unstarred")

    @on(ViewMarkedRead)
    def _view_marked_read(self, message: ViewMarkedRead) -> None:
        self.article_list.reload()
        self.load_feeds()
        self._changed_here()
        noun = "article" if message.count == 1 else "articles"
        where = message.view.label
        if self.article_list.title_filter:
            where += f" matching “{self.article_list.title_filter}”"
        text = f"Marked {message.count} {noun} read in {where}"
        if message.undo is not None and message.count:
            self.undo_log.push(message.undo)
            text += " · u to undo"
        self._feedback.note(text)
        say(self, text)

    @on(Undone)
    def _undone(self, message: Undone) -> None:
        self.article_list.reload()
        self.load_feeds()
        self._changed_here()
        self._feedback.note(message.said)

    # ----------------------------------------------------------------- feeds.toml

    @on(ConfigReloaded)
    def _config_reloaded(self, message: ConfigReloaded) -> None:
        say(self, wording.reload_message(*self._use_config(message.config)))

    @on(FeedsEdited)
    def _feeds_edited(self, message: FeedsEdited) -> None:
        self._use_config(message.config)
        if message.undo is not None:
            self.undo_log.push(message.undo)
        if message.said:
            self._feedback.note(message.said)
            say(self, message.said)

    @on(FeedFailed)
    def _feed_failed(self, message: FeedFailed) -> None:
        say(self, message.said, severity="error")

    def _use_config(self, new: Config) -> tuple[list[str], list[str]]:
        """Run by ``new`` from now on; fetch the feeds it adds. The URLs added and removed."""
        old, self.config = self.config, new
        self.query_one(FeedEditor).timeout = new.settings.timeout_seconds
        self.app.set_keymap(dict(new.keys))
        self.refresher.use(new)
        self.syncer.use(new.sync, new.settings.timeout_seconds)
        self.panes.use_config(new)
        self.query_one(ConfigBanner).hide()
        self.feed_list.load(new, sync=True)
        added = [s.url for s in new.feeds if old.subscription(s.url) is None]
        removed = [s.url for s in old.feeds if new.subscription(s.url) is None]
        if added:
            self.refresher.start(added)
        return added, removed

    @on(ConfigBroken)
    def _config_broken(self, message: ConfigBroken) -> None:
        self.query_one(ConfigBanner).show_error(message.error)
        say(self, strip_controls(message.error), title="feeds.toml has an error", severity="error")

    @on(WorkFailed)
    def _work_failed(self, message: WorkFailed) -> None:
        say(self, wording.failure_text(message.job, message.error), severity="error")

    # ----------------------------------------------------------------- keys (MAIN_KEYS)

    def action_next_pane(self) -> None:
        self.panes.step(1)

    def action_previous_pane(self) -> None:
        self.panes.step(-1)

    def action_next_unread(self) -> None:
        self.panes.next_unread()

    def action_previous_unread(self) -> None:
        self.panes.previous_unread()

    def action_toggle_read(self) -> None:
        target = self.panes.read_target()
        if target is not None:
            article_id, read = target
            self.query_one(ReadMarker).set_read(article_id, not read)

    def action_mark_view_read(self) -> None:
        view = self.article_list.view
        if view is not None:
            self.query_one(ReadMarker).mark_view_read(view, self.article_list.title_filter)

    def action_toggle_star(self) -> None:
        target = self.panes.star_target()
        if target is not None:
            article_id, starred = target
            self.query_one(ReadMarker).set_starred(article_id, not starred)

    def action_undo(self) -> None:
        step = self.undo_log.pop()
        if step is None:
            self._feedback.note("Nothing to undo")
        else:
            self.query_one(ReadMarker).undo(step)

    def action_toggle_hide_read(self) -> None:
        self._arrange(hide_read=not self._remembered.state.hide_read)

    def action_cycle_order(self) -> None:
        self._arrange(order=next_order(self._remembered.state.order))

    def _arrange(self, **change: object) -> None:
        """H and O: change the list's arrangement, and remember it."""
        state = self._remembered.change(**change)
        self.article_list.sort_by(state.order, state.hide_read)
        self._feedback.note(wording.arranged_note(state.order, state.hide_read))

    def action_refresh_selected(self) -> None:
        if not self.config.feeds:
            return
        if self.refresher.running:
            say(self, "A refresh is running; this one follows it")
        self.refresher.start(self.panes.feeds_to_refresh())

    def action_refresh_all(self) -> None:
        if self.config.feeds:
            self.refresher.start(None)
        if self.config.sync is not None:
            self.syncer.start()

    def action_open_article_link(self) -> None:
        article = self.panes.article_to_open()
        if isinstance(article, Article):
            self.query_one(LinkOpener).open_link(article.link)
        elif article is not None:
            self.query_one(LinkOpener).open_article_link(article.id)

    def action_open_link(self, number: int) -> None:
        link = next((link for link in self.reader.links if link.number == number), None)
        if link is None:
            say(self, f"This article has no link [{number}]")
        else:
            self.query_one(LinkOpener).open_link(link.url)

    def action_show_links(self) -> None:
        page = self.reader.page
        if page is None:
            say(self, "Open an article to list its links")
            return
        links = self.reader.links
        if not links:
            say(self, "This article has no links")
            return
        self.app.push_screen(LinkListScreen(links, page.article.title), self._link_chosen)

    def _link_chosen(self, choice: LinkChosen | None) -> None:
        if choice is None:
            return
        opener = self.query_one(LinkOpener)
        if choice.action == "copy":
            opener.copy_link(choice.url)
        else:
            opener.open_link(choice.url)

    def action_toggle_full_text(self) -> None:
        if self.reader.page is None:
            say(self, "Open an article to read its full text")
            return
        if self.reader.fetching_full_text:
            return  # one fetch at a time; F again would throw this one away
        if not self.reader.showing_full_text:
            say(self, "Fetching the full text…")
        self.reader.toggle_full_text(self.config)

    @on(FullTextFailed)
    def _full_text_failed(self, message: FullTextFailed) -> None:
        say(self, f"Full text not shown: {message.reason}", severity="warning", timeout=8)

    def action_download(self) -> None:
        self._with_enclosure("download", self._download)

    def action_play(self) -> None:
        self._with_enclosure("play", self._play)

    def _with_enclosure(self, verb: str, act: Callable[[Enclosure], None]) -> None:
        """Act on the article's attachment; with several, let the user pick one first."""
        page = self.reader.page
        if page is None or not page.article.enclosures:
            say(self, "This article has no attachment")
            return
        enclosures = page.article.enclosures
        if len(enclosures) == 1:
            act(enclosures[0])
            return
        from newsterm.text.layout.page import enclosure_label  # loaded with the article

        links = [Link(n, e.url, enclosure_label(e)) for n, e in enumerate(enclosures, 1)]

        def chosen(choice: LinkChosen | None) -> None:
            if choice is not None and choice.action == "open":
                act(next(e for e in enclosures if e.url == choice.url))

        hint = f"enter {verb} · escape close"
        screen = LinkListScreen(links, page.article.title, noun="attachment", hint=hint)
        self.app.push_screen(screen, chosen)

    def _download(self, enclosure: Enclosure) -> None:
        self.query_one(Downloader).start(enclosure, self.config.settings)

    def _play(self, enclosure: Enclosure) -> None:
        argv = player_argv(enclosure, self.config.settings)
        problem = argv if isinstance(argv, str) else launch.run_player(self.app, argv)
        if problem:
            say(self, problem, severity="error")

    def action_toggle_zoom(self) -> None:
        self.panes.toggle_zoom()

    def action_toggle_original(self) -> None:
        if self.reader.page is None:
            return
        original = self.reader.toggle_original()
        if not self.reader.page.removed:
            say(self, "Nothing was hidden in this article")
        elif original:
            say(self, "Showing the original article")

    def action_edit_feeds(self) -> None:
        problem = launch.run_editor(self.app, self.config_path)
        if problem:
            say(self, problem, severity="error")
        self.watcher.check(force=True)

    def action_add_feed(self) -> None:
        self.query_one(FeedEditor).ask_add()

    def action_change_feed(self, change: str) -> None:
        """D (change "delete") and E ("rename"): the feeds pane's feed, in feeds.toml."""
        self.query_one(FeedEditor).ask(change, self.feed_list.highlighted_entry, self.config)

    def action_filter(self) -> None:
        self.panes.open_filter()

    def action_search(self) -> None:
        self.panes.open_search()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    def action_back(self) -> None:
        """Escape: back a level, and nothing at all at the top (it never quits)."""
        self.panes.go_back()

    def action_back_or_quit(self) -> None:
        """q: back a level, and quit from the top."""
        if not self.panes.go_back():
            self.app.exit(return_code=0)
