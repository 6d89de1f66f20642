"""Opening links from keys: web links only, the browser started in a thread, never blocking."""

from __future__ import annotations

from textual import on, work
from textual.widget import Widget

from newsterm.store import Store
from newsterm.text.sanitize import one_line
from newsterm.ui import launch
from newsterm.ui.launch import BrowserOpener
from newsterm.ui.messages import BrowserLaunched, LinkFound
from newsterm.ui.say import say
from newsterm.ui.workers import ReportsWorkerFailures


class LinkOpener(ReportsWorkerFailures, Widget):
    """Opens a link, or the link of an article read from the cache, and says how it went."""

    DEFAULT_CSS = "LinkOpener { display: none; }"

    def __init__(self, store: Store, open_url: BrowserOpener) -> None:
        super().__init__()
        self._store = store
        self._open_url = open_url

    def open_link(self, url: str) -> None:
        """Open ``url`` in the browser if it is a web link; never blocks the app."""
        problem = launch.link_problem(url)
        if problem:
            say(self, problem, severity="warning")
            return
        self._launch_browser(launch.browser_url(url))

    def copy_link(self, url: str) -> None:
        """Put ``url`` on the clipboard (OSC 52): only ever because the user asked."""
        shown = one_line(url)
        if not shown:
            say(self, "This link has no address to copy", severity="warning")
            return
        self.app.copy_to_clipboard(shown)  # one_line: no control can ride into the sequence
        say(self, f"Copied {shown[:80]}")

    @work(thread=True, group="links", exit_on_error=False, name="finding the article's link")
    def open_article_link(self, article_id: int) -> None:
        """Open the link of an article the reader does not show: the cache has it."""
        article = self._store.article(article_id)
        if article is None:
            raise LookupError("the article is no longer in the cache")
        self.post_message(LinkFound(article.link))

    @on(LinkFound)
    def _link_found(self, message: LinkFound) -> None:
        self.open_link(message.url)

    @work(thread=True, group="browser", exit_on_error=False, name="opening the browser")
    def _launch_browser(self, url: str) -> None:
        self.post_message(BrowserLaunched(self._open_url(url)))

    @on(BrowserLaunched)
    def _browser_launched(self, message: BrowserLaunched) -> None:
        result = message.launch
        if result.problem:
            say(self, result.problem, severity="error", timeout=8)
        elif result.console is not None:
            # A terminal browser needs this terminal: hand it over, as for the editor.
            problem = launch.run_console_browser(self.app, result.console, result.url)
            if problem:
                say(self, problem, severity="error", timeout=8)
        else:
            say(self, f"Opening {one_line(result.url)}")
