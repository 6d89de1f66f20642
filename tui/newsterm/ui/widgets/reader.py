"""The reader: one article read from the cache, laid out as wrapped lines, drawn with the Line API.

Opening an article marks it read, in the cache, before it shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.events import Resize
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual
from textual.worker import Worker, get_current_worker

from newsterm.config import Config
from newsterm.store import Store
from newsterm.text.blocks import Link
from newsterm.text.sanitize import one_line
from newsterm.ui.highlight import highlighted
from newsterm.ui.messages import ArticleOpened, FullTextFailed, FullTextRead
from newsterm.ui.workers import ReportsWorkerFailures

if TYPE_CHECKING:  # reading an article (the HTML, stripping, layout code) loads in its worker
    from newsterm.ui.render import LaidOut, ReaderPage

EMPTY_HINT = "Press enter on an article to read it here."


class ReaderView(ReportsWorkerFailures, ScrollView, can_focus=True):
    """Shows a ReaderPage in its stripped or original view; scrolls by line and page."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space,pagedown",
            "page_down",
            "Scroll",
            key_display="space",
            id="reader.page-down",
            tooltip="Page down",
        ),
        Binding("b,pageup", "page_up", "Page up", show=False, id="reader.page-up"),
        Binding("j,down", "line_down", "Scroll down", show=False, id="reader.down"),
        Binding("k,up", "line_up", "Scroll up", show=False, id="reader.up"),
        Binding("g,home", "top", "Top", show=False, id="reader.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="reader.bottom"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--title",
        "reader--meta",
        "reader--link",
        "reader--rule",
        "reader--notice",
        "reader--h1",
        "reader--h2",
        "reader--quote",
        "reader--quote-bar",
        "reader--pre",
        "reader--table-head",
        "reader--image",
        "reader--link-number",
        "reader--removed",
        "reader--removed-mark",
        "reader--removed-reason",
        "reader--hint",
        "reader--match",
    }

    DEFAULT_CSS = """
    ReaderView {
        overflow-x: hidden;
        scrollbar-gutter: stable;  /* the text width must not change when a scrollbar appears */
        padding: 0 1;
        & > .reader--title { text-style: bold; color: $text-primary; }
        & > .reader--meta { color: $text-muted; }
        & > .reader--link { color: $text-secondary; }
        & > .reader--rule { color: $foreground 25%; }
        & > .reader--notice { color: $text-muted; text-style: italic; }
        & > .reader--h1 { text-style: bold underline; color: $text-accent; }
        & > .reader--h2 { text-style: bold; color: $text-accent; }
        & > .reader--quote { text-style: italic; color: $text-muted; }
        & > .reader--quote-bar { color: $accent; }
        & > .reader--pre { background: $boost; }
        & > .reader--table-head { text-style: bold; }
        & > .reader--image { color: $text-secondary; text-style: italic; }
        & > .reader--link-number { color: $text-accent; }
        & > .reader--removed { color: $text-disabled; }
        & > .reader--removed-mark { color: $warning; }
        & > .reader--removed-reason { color: $text-warning; text-style: italic; }
        & > .reader--hint { color: $text-muted; }
        & > .reader--match { background: $warning 40%; text-style: bold; }
    }
    """

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._store = store
        self._opening: int | None = None
        self._waiting: Config | None = None  # an open asked for, to start after the next draw
        self._page: ReaderPage | None = None
        self._original = False
        self._lines: list[Content] = []
        self._strips: dict[int, Strip] = {}
        self._laid_out_width = -1
        self._highlight = ""
        self._fetch: tuple[int, Worker[None]] | None = None  # the article whose page F fetches

    @property
    def page(self) -> ReaderPage | None:
        return self._page

    @property
    def showing_original(self) -> bool:
        return self._original

    @property
    def links(self) -> tuple[Link, ...]:
        """The numbered links of what is on screen."""
        return self._page.links(self._original) if self._page else ()

    @property
    def lines(self) -> list[Content]:
        """The laid-out lines (for tests and the plain-text view)."""
        return self._lines

    @property
    def highlight(self) -> str:
        """The search whose words are highlighted ("" for none)."""
        return self._highlight

    @highlight.setter
    def highlight(self, search: str) -> None:
        if search != self._highlight:
            self._highlight = search
            self._relayout()

    @property
    def opening(self) -> int | None:
        """The id of the article shown, or being read from the cache to be shown."""
        return self._opening

    def open(self, article_id: int, config: Config) -> None:
        """Read the article from the cache, mark it read, and show it laid out for ``config``.

        The reading starts once the screen has been drawn, so the list's cursor shows
        first, without a worker holding the interpreter while it is drawn; of several opens
        before then (n held down), only the last is read.
        """
        self._opening = article_id
        if self._waiting is None:
            self.call_after_refresh(self._start_loading)
        self._waiting = config

    def _start_loading(self) -> None:
        config, self._waiting = self._waiting, None
        if config is not None and self._opening is not None:
            self._load(self._opening, config, self.scrollable_content_region.width)

    @work(
        thread=True,
        exclusive=True,
        group="article",
        exit_on_error=False,
        name="opening the article",
        # Described here: Textual would repr the arguments (2,000 feeds' worth) at every call.
        description="opening the article",
    )
    def _load(self, article_id: int, config: Config, width: int) -> None:
        from newsterm.full_article import opening_page
        from newsterm.ui.render import laid_out

        article = self._store.article(article_id)
        if article is None:
            raise LookupError("the article is no longer in the cache")
        page = opening_page(self._store, article, config)
        # Laid out here, off the event loop: a long article takes a tenth of a second.
        lines = laid_out(page, width)
        if get_current_worker().is_cancelled:
            return  # another article was opened meanwhile (n held down): this one stays unread
        was_unread = not article.read
        if was_unread:
            self._store.set_read([article_id], True)  # persisted before the article shows
        self.post_message(ArticleOpened(page, was_unread, lines))

    @property
    def showing_full_text(self) -> bool:
        return bool(self._page and self._page.full_text)

    @property
    def fetching_full_text(self) -> bool:
        """The open article's page is being fetched or read."""
        fetch = self._fetch
        return fetch is not None and fetch[0] == self._opening and not fetch[1].is_finished

    def toggle_full_text(self, config: Config) -> None:
        """F: the article's page, fetched and reduced to the article; F again, the feed's.
        While that article's page is being fetched, F does nothing: starting again would
        throw away the fetch under way."""
        page = self._page
        if page is None or self.fetching_full_text:
            return
        width = self.scrollable_content_region.width
        full = not self.showing_full_text
        worker = self._full_text(page.article.id, config, full, width)
        self._fetch = (page.article.id, worker) if full else None

    @work(thread=True, exclusive=True, group="full-text", exit_on_error=False, name="full text")
    def _full_text(self, article_id: int, config: Config, full: bool, width: int) -> None:
        from newsterm.full_article import full_text_notice, read_full_text, with_full_text
        from newsterm.ui.render import build_page, laid_out

        article = self._store.article(article_id)
        if article is None:
            raise LookupError("the article is no longer in the cache")
        if not full:
            page = build_page(article, config)
            self.post_message(FullTextRead(page, False, laid_out(page, width)))
            return
        worker = get_current_worker()
        # Given up, with the page's reader, when the worker is cancelled (on quit, or when
        # F is pressed on another article): quitting never waits for a page.
        text = read_full_text(
            self._store, article, config.settings, cancelled=lambda: worker.is_cancelled
        )
        if text.error is not None:
            self.post_message(FullTextFailed(article_id, text.error))
            return
        page = build_page(with_full_text(article, text), config, full_text=full_text_notice(text))
        self.post_message(FullTextRead(page, True, laid_out(page, width)))

    @on(FullTextRead)
    def _full_text_read(self, message: FullTextRead) -> None:
        if message.page.article.id != self._opening:
            message.stop()  # the user has moved on
            return
        top = self.scroll_offset.y if not message.full else 0
        self.show(message.page, message.laid_out)
        self.scroll_to(y=top, animate=False, immediate=True)

    @on(FullTextFailed)
    def _full_text_failed(self, message: FullTextFailed) -> None:
        if message.article_id != self._opening:
            message.stop()  # about an article the user has left: the screen must not say it

    @on(ArticleOpened)
    def _opened(self, message: ArticleOpened) -> None:
        if message.page.article.id != self._opening:
            # The user has moved on to another article. If this one was marked read just
            # before, the screen still hears of it, so the list and counts match the cache.
            if not message.was_unread:
                message.stop()
            return
        self.show(message.page, message.laid_out)
        self.border_title = Content(one_line(message.page.article.feed_title) or "Reader")

    def show(self, page: ReaderPage | None, ready: LaidOut | None = None) -> None:
        """Show ``page`` from its top, in the stripped view; ``ready`` holds its lines if a
        worker laid them out at this width already."""
        self._page = page
        self._original = False
        if ready is not None and ready[0] == self.scrollable_content_region.width:
            self._use(*ready)
        else:
            self._relayout()
        self.scroll_to(y=0, animate=False, immediate=True)

    def toggle_original(self) -> bool:
        """Switch between the stripped and the original view; return True for original."""
        self._original = not self._original
        self._relayout()
        return self._original

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # a new theme or focus style: draw the lines again

    def on_resize(self, event: Resize) -> None:
        if self.scrollable_content_region.width != self._laid_out_width:
            self._relayout()

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        if self._page is None:
            lines = [Content(""), Content.styled(EMPTY_HINT, ".reader--hint")]
        else:
            from newsterm.ui.render import layout  # loaded already: a page came from a worker

            lines = layout(self._page, width, original=self._original)
        self._use(width, lines)

    def _use(self, width: int, lines: list[Content]) -> None:
        self._laid_out_width = width
        if self._page is not None and self._highlight:
            lines = highlighted(lines, self._highlight)
        self._lines = lines
        self._strips.clear()
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        style = self.get_visual_style()
        if index >= len(self._lines):
            return Strip.blank(width, style.rich_style)
        strip = self._strips.get(index)
        if strip is None or strip.cell_length != width:
            strips = Visual.to_strips(self, self._lines[index], width, 1, style)
            strip = strips[0] if strips else Strip.blank(width)
            strip = strip.extend_cell_length(width, style.rich_style).crop(0, width)
            self._strips[index] = strip
        return strip

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_line_down(self) -> None:
        self.scroll_down(animate=False)

    def action_line_up(self) -> None:
        self.scroll_up(animate=False)

    def action_top(self) -> None:
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.scroll_end(animate=False)
