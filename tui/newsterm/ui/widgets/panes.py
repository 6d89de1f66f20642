"""The main screen's panes: feeds, the filterable article list and the reader, and the focus.

Side by side on a wide terminal; below NARROW_WIDTH columns only the pane holding the focus
shows. Escape only ever goes back (clears the filter, leaves the reader, returns to the feeds
pane) and does nothing at the top; q does the same and quits from the top. The panes move
together: the feeds pane's cursor picks the list's view, and n and p go on to the next feed
with unread articles when the list has none left.
"""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import DescendantFocus
from textual.widget import Widget
from textual.widgets import Input, Static

from newsterm.config import Config
from newsterm.models import Article, ArticleRow
from newsterm.store import Store
from newsterm.text.sanitize import one_line
from newsterm.ui import wording
from newsterm.ui.messages import (
    ArticlesCounted,
    FeedsLoaded,
    UnreadExhausted,
    ViewChosen,
    ViewHighlighted,
)
from newsterm.ui.say import say
from newsterm.ui.view import View, all_view, search_view
from newsterm.ui.widgets.article_list import ArticleList
from newsterm.ui.widgets.feed_list import FeedList
from newsterm.ui.widgets.reader import ReaderView

NARROW_WIDTH = 100
"""Below this many columns one pane shows at a time."""

FIELDS = {"filter": "Filter titles…", "search": 'Search every feed: words, "a phrase", pre*, -not'}
"""The list pane's two input fields by id, in their order above the list, with placeholders."""

Pane = Literal["feeds", "articles", "reader"]
PANES: tuple[Pane, ...] = ("feeds", "articles", "reader")


class Panes(Horizontal):
    """Three panes side by side, or one at a time on a narrow terminal."""

    def __init__(self, store: Store, config: Config, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._store = store
        self._config = config
        self._pending_unread: bool | None = None  # direction to search once a new view loads
        self._zoom = False  # the reader alone on screen while it has the focus
        self._shown: Pane = "articles"  # the pane a narrow screen shows

    def compose(self) -> ComposeResult:
        yield FeedList(self._store, self._config, id="feeds")
        with Vertical(id="right"):
            with Vertical(id="list-pane"):
                # The filter and search fields are mounted when first opened (_field).
                yield Static(id="feed-error", markup=False)
                yield ArticleList(self._store, id="articles")
            yield ReaderView(self._store, id="reader")

    def on_mount(self) -> None:
        self.feed_list.border_title = "Feeds"
        self.set_list_title("All articles")
        self.reader.border_title = "Reader"

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
    def filter_field(self) -> Input:
        return self._field("filter")

    @property
    def search_field(self) -> Input:
        return self._field("search")

    def _opened(self, name: str) -> Input | None:
        """The field ``name`` if it has been opened, else None."""
        fields = self.query(f"Input#{name}")
        return fields.first(Input) if fields else None

    def _field(self, name: str) -> Input:
        """The field ``name``, mounted the first time it is asked for: a first screen that
        never shows either field spent about 2% of its CPU on styling them."""
        field = self._opened(name)
        if field is None:
            field = Input(placeholder=FIELDS[name], id=name)
            before = [f for f in FIELDS if self._opened(f) is not None]
            place = [n for n in FIELDS if n in before or n == name].index(name)
            self.query_one("#list-pane").mount(field, before=place)
        return field

    # ----------------------------------------------------------------- the focus

    def current(self) -> Pane:
        """Which pane holds the focus: feeds, articles or reader."""
        node: Widget | None = self.screen.focused
        while node is not None and node is not self:
            if node.id == "feeds":
                return "feeds"
            if node.id == "reader":
                return "reader"
            if node.id == "list-pane":
                return "articles"
            node = node.parent if isinstance(node.parent, Widget) else None
        return "articles"

    def focus_pane(self, pane: Pane) -> None:
        """Focus ``pane``; on a narrow screen the focus then decides which pane shows."""
        widget: Widget = {
            "feeds": self.feed_list,
            "articles": self.article_list,
            "reader": self.reader,
        }[pane]
        # Focus first, re-style after (on_descendant_focus): hiding the focused pane
        # first would make Textual hand the focus to some other widget. set_focus acts
        # now, so a key typed right after (q q) already goes to the new pane.
        self.screen.set_focus(widget)

    def step(self, by: int) -> None:
        """Focus the pane ``by`` places to the right (negative: to the left), wrapping round."""
        self.focus_pane(PANES[(PANES.index(self.current()) + by) % len(PANES)])

    def show(self, pane: Pane) -> None:
        """On a narrow screen, show ``pane`` alone."""
        self._shown = pane
        # On a wide screen every pane shows: leaving the classes alone there spares a restyle
        # and a new layout of every pane each time the focus moves (n from the list, say).
        narrow = self.has_class("-narrow")
        for name in PANES:
            self.set_class(narrow and name == pane, f"-show-{name}")

    def fit(self, width: int) -> None:
        """Lay out for a screen ``width`` columns wide: one pane at a time below NARROW_WIDTH."""
        self.set_class(width < NARROW_WIDTH, "-narrow")
        self.show(self._shown)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        self.show(self.current())
        self._apply_zoom()

    @property
    def zoomed(self) -> bool:
        return self._zoom

    def toggle_zoom(self) -> bool:
        """z: the reader takes the whole screen, or gives it back; True when it now has it.

        The choice is kept until the app quits: going back to the list shows the panes,
        and the next article read is full screen again.
        """
        self._zoom = not self._zoom
        if self._zoom and self.current() != "reader":
            self.focus_pane("reader")
        self._apply_zoom()
        return self._zoom

    def _apply_zoom(self) -> None:
        self.set_class(self._zoom and self.current() == "reader", "-zoomed")

    # ----------------------------------------------------------------- the filter and going back

    def open_filter(self) -> None:
        field = self.filter_field
        field.display = True
        field.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        view = self.article_list.view
        if view is not None:
            self.article_list.load(view, one_line(event.value))

    @on(Input.Submitted, "#filter")
    @on(Input.Submitted, "#search")
    def _filter_submitted(self) -> None:
        self.article_list.focus()

    def open_search(self) -> None:
        """Show the search field; what is typed searches every feed as it is typed."""
        field = self.search_field
        field.display = True
        field.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        text = one_line(event.value).strip()
        if text:
            view = search_view(self._everything(), text)
            self.article_list.load(view, self.article_list.title_filter)
            self.reader.highlight = text
        else:
            self._leave_search()

    def clear_search(self) -> None:
        """Hide the search field and show the feeds pane's view again."""
        field = self._opened("search")
        if field is None:
            return
        field.display = False
        if field.value:
            field.value = ""  # Input.Changed goes back to the view
        self.article_list.focus()

    def _leave_search(self) -> None:
        self.reader.highlight = ""
        entry = self.feed_list.highlighted_entry
        view = entry.view if entry is not None else self._everything()
        self.article_list.load(view, self.article_list.title_filter)

    def _everything(self) -> View:
        """All articles as the feeds pane lists them: feeds.toml's and a sync server's."""
        entries = self.feed_list.entries
        return entries[0].view if entries else all_view(self._config)

    def use_config(self, config: Config) -> None:
        """The config searches run over (after feeds.toml was reloaded)."""
        self._config = config

    def clear_filter(self) -> None:
        """Hide the filter field and show the whole view again."""
        field = self._opened("filter")
        if field is None:
            return
        field.display = False
        if field.value:
            field.value = ""  # Input.Changed reloads the list
        self.article_list.focus()

    def go_back(self) -> bool:
        """Go back one level; False when there is nowhere further back to go."""
        pane = self.current()
        view = self.article_list.view
        if self._in_use("filter", pane):
            self.clear_filter()
        elif self._in_use("search", pane):
            self.clear_search()
        elif pane == "reader":
            self.focus_pane("articles")
        elif pane == "articles" and view is not None and not view.is_all:
            self.focus_pane("feeds")
        else:
            return False
        return True

    def _in_use(self, name: str, pane: Pane) -> bool:
        """Whether field ``name`` has the focus, or narrows the list in view."""
        field = self._opened(name)
        if field is None:
            return False
        return self.screen.focused is field or (pane == "articles" and bool(field.value))

    # ----------------------------------------------------------------- what the panes say

    def set_list_title(self, text: str) -> None:
        """The article list's border title, which may quote a feed title or the filter."""
        self.query_one("#list-pane").border_title = Content(one_line(text))

    @on(FeedsLoaded)
    def show_feed_error(self) -> None:
        """Over the list, why the highlighted feed's last refresh failed (hidden if it worked)."""
        entry = self.feed_list.highlighted_entry
        banner = self.query_one("#feed-error", Static)
        error = entry.error if entry is not None else None
        banner.display = bool(error)
        if entry is not None and error:
            url = entry.view.feed_urls[0] if entry.view.feed_urls else ""
            banner.update(Content(wording.feed_failure(error, url)))

    @on(ViewHighlighted)
    def _view_highlighted(self, message: ViewHighlighted) -> None:
        current = self.article_list.view
        self.show_feed_error()
        if current is not None and current.key == message.view.key:
            if (current.feed_urls, current.matching) != (
                message.view.feed_urls,
                message.view.matching,
            ):
                self.article_list.load(message.view, self.article_list.title_filter, keep=True)
            return
        self.article_list.load(message.view, self.article_list.title_filter)

    @on(ViewChosen)
    def _view_chosen(self) -> None:
        self.focus_pane("articles")

    @on(ArticlesCounted)
    def _articles_counted(self, message: ArticlesCounted) -> None:
        title = f"{message.view.label} · {message.count:,}"
        arranged = wording.arrangement(
            "newest" if message.view.is_search else self.article_list.order,
            self.article_list.hide_read and not message.view.unread_only,
        )
        if arranged:
            title += f" · {arranged}"
        if self.article_list.title_filter:
            title += f" matching “{self.article_list.title_filter}”"
        if message.problem:
            title = f"{message.view.label}: {message.problem}"
        self.set_list_title(title)
        if self._pending_unread is not None:
            forward, self._pending_unread = self._pending_unread, None
            self.article_list.find_unread_from_edge(forward)

    # ----------------------------------------------------------------- n and p across feeds

    def next_unread(self) -> None:
        """n: the next unread article (the highlighted one, if it is unread and not open yet)."""
        row = self.article_list.highlighted_row
        fresh = row is not None and not row.read and row.id != self.reader.opening
        self.article_list.find_unread(True, include_cursor=fresh)

    def previous_unread(self) -> None:
        """p: the previous unread article."""
        self.article_list.find_unread(False)

    @on(UnreadExhausted)
    def _unread_exhausted(self, message: UnreadExhausted) -> None:
        entry = self.feed_list.neighbour_with_unread(message.forward)
        view = self.article_list.view
        if entry is None or view is None or view.is_all:
            self.article_list.resume_unread_presses()
            text = "No more unread articles" if message.forward else "No unread articles above"
            say(self, text)
            return
        self._pending_unread = message.forward
        self.feed_list.highlight_view(entry.view.key)

    # ----------------------------------------------------------------- what a key acts on

    def _reader_article(self) -> int | None:
        """The article the focused reader shows, or is opening: N or * pressed right after n
        acts on the article n went to, not on the one still on screen."""
        if self.current() != "reader":
            return None
        page = self.reader.page
        opening = self.reader.opening
        return opening if opening is not None else page.article.id if page else None

    def read_target(self) -> tuple[int, bool] | None:
        """The article N toggles, with its read state: the reader's, else the highlighted row."""
        shown = self._reader_article()
        if shown is not None:
            row = self.article_list.cached_row(shown)
            return shown, row.read if row is not None else True
        row = self.article_list.highlighted_row
        return (row.id, row.read) if row is not None else None

    def star_target(self) -> tuple[int, bool] | None:
        """The article * stars, with its starred state: the reader's, else the highlighted row."""
        shown = self._reader_article()
        if shown is not None:
            row = self.article_list.cached_row(shown)
            page = self.reader.page
            starred = page is not None and page.article.id == shown and page.article.starred
            return shown, row.starred if row is not None else starred
        row = self.article_list.highlighted_row
        return (row.id, row.starred) if row is not None else None

    def feeds_to_refresh(self) -> list[str] | None:
        """The feeds r refreshes: the feeds pane's row, else the list's view or article's feed."""
        if self.current() == "feeds":
            entry = self.feed_list.highlighted_entry
            return list(entry.view.feed_urls) if entry and not entry.view.is_all else None
        view = self.article_list.view
        if view is not None and not view.is_all:
            return list(view.feed_urls)
        page = self.reader.page
        if self.current() == "reader" and page is not None:
            return [page.article.feed_url]
        row = self.article_list.highlighted_row
        return [row.feed_url] if row is not None else None

    def article_to_open(self) -> Article | ArticleRow | None:
        """The article o opens: the reader's, unless the list's cursor is on another one."""
        page, row = self.reader.page, self.article_list.highlighted_row
        if page is not None and (
            self.current() == "reader" or row is None or row.id == page.article.id
        ):
            return page.article
        return row
