"""The main screen's key actions that change things: read state, refresh, links, feeds.toml."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from newsterm.text.sanitize import one_line
from newsterm.ui import launch
from newsterm.ui.messages import BrowserLaunched, LinkFound, ReadChanged, ViewMarkedRead
from newsterm.ui.view import View

if TYPE_CHECKING:
    from newsterm.ui.screens.main import MainScreen


class MainActions:
    """Mixed into MainScreen: each action acts on the pane with the focus."""

    def action_toggle_read(self: MainScreen) -> None:
        target = self._read_target()
        if target is not None:
            self._set_read(target[0], not target[1])

    @work(thread=True, group="writes", exit_on_error=False, name="saving the read state")
    def _set_read(self: MainScreen, article_id: int, read: bool) -> None:
        self.store.set_read([article_id], read)
        self.post_message(ReadChanged((article_id,), read))

    def _read_target(self: MainScreen) -> tuple[int, bool] | None:
        """The article N toggles, with its read state: the reader's, else the highlighted row."""
        page = self.reader.page
        if page is not None and self.current_pane() == "reader":
            row = self.article_list.cached_row(page.article.id)
            return page.article.id, row.read if row is not None else True
        row = self.article_list.highlighted_row
        return (row.id, row.read) if row is not None else None

    def action_mark_view_read(self: MainScreen) -> None:
        view = self.article_list.view
        if view is not None:
            self._mark_view_read(view)

    @work(thread=True, group="writes", exit_on_error=False, name="marking articles read")
    def _mark_view_read(self: MainScreen, view: View) -> None:
        count = self.store.mark_all_read(view.feed_urls) if view.feed_urls else 0
        self.post_message(ViewMarkedRead(view, count))

    def action_refresh_selected(self: MainScreen) -> None:
        if not self.config.feeds:
            return
        if self.refresher.running:
            self.say("A refresh is running; this one follows it")
        self.refresher.start(self._selected_feed_urls())

    def _selected_feed_urls(self: MainScreen) -> list[str] | None:
        """The feeds r refreshes: the feeds pane's row, else the list's view or article's feed."""
        if self.current_pane() == "feeds":
            entry = self.feed_list.highlighted_entry
            return list(entry.view.feed_urls) if entry and not entry.view.is_all else None
        view = self.article_list.view
        if view is not None and not view.is_all:
            return list(view.feed_urls)
        page = self.reader.page
        if self.current_pane() == "reader" and page is not None:
            return [page.article.feed_url]
        row = self.article_list.highlighted_row
        return [row.feed_url] if row is not None else None

    def action_refresh_all(self: MainScreen) -> None:
        if self.config.feeds:
            self.refresher.start(None)

    # ----------------------------------------------------------------- links

    def action_open_article_link(self: MainScreen) -> None:
        page = self.reader.page
        row = self.article_list.highlighted_row
        if page is not None and (
            self.current_pane() == "reader" or row is None or row.id == page.article.id
        ):
            self.open_link(page.article.link)
        elif row is not None:
            self._find_link(row.id)

    @work(thread=True, group="links", exit_on_error=False, name="finding the article's link")
    def _find_link(self: MainScreen, article_id: int) -> None:
        article = self.store.article(article_id)
        if article is None:
            raise LookupError("the article is no longer in the cache")
        self.post_message(LinkFound(article.link))

    def on_link_found(self: MainScreen, message: LinkFound) -> None:
        self.open_link(message.url)

    def action_open_link(self: MainScreen, number: int) -> None:
        link = next((link for link in self.reader.links if link.number == number), None)
        if link is None:
            self.say(f"This article has no link [{number}]")
        else:
            self.open_link(link.url)

    def open_link(self: MainScreen, url: str) -> None:
        """Open ``url`` in the browser if it is a web link; never blocks the app."""
        problem = launch.link_problem(url)
        if problem:
            self.say(problem, severity="warning")
            return
        self._launch_browser(url)

    @work(thread=True, group="browser", exit_on_error=False, name="opening the browser")
    def _launch_browser(self: MainScreen, url: str) -> None:
        self.post_message(BrowserLaunched(self._open_url(url)))

    def on_browser_launched(self: MainScreen, message: BrowserLaunched) -> None:
        result = message.launch
        if result.problem:
            self.say(result.problem, severity="error", timeout=8)
        elif result.console is not None:
            # A terminal browser needs this terminal: hand it over, as for the editor.
            problem = launch.run_console_browser(self.app, result.console, result.url)
            if problem:
                self.say(problem, severity="error", timeout=8)
        else:
            self.say(f"Opening {one_line(result.url)}")

    # ----------------------------------------------------------------- views and files

    def action_toggle_original(self: MainScreen) -> None:
        if self.reader.page is None:
            return
        original = self.reader.toggle_original()
        if not self.reader.page.removed:
            self.say("Nothing was hidden in this article")
        elif original:
            self.say("Showing the original article")

    def action_edit_feeds(self: MainScreen) -> None:
        problem = launch.run_editor(self.app, self.config_path)
        if problem:
            self.say(problem, severity="error")
        self.watcher.check(force=True)
