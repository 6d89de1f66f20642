"""Messages the app's parts post upward: small dataclasses named for what happened."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from textual.message import Message

from newsterm.config import Config
from newsterm.models import ArticleRow, Feed
from newsterm.ui.launch import Launch
from newsterm.ui.undo import UndoStep
from newsterm.ui.view import Entry, View

if TYPE_CHECKING:  # types only: refreshing, syncing and reading load after the first paint
    from newsterm.refresh import FeedOutcome, RefreshSummary
    from newsterm.sync.run import SyncSummary
    from newsterm.ui.render import LaidOut, ReaderPage


@dataclass
class FeedsLoaded(Message):
    """Feeds and their counts were read from the cache."""

    feeds: tuple[Feed, ...]
    generation: int = 0  # which load this answers: an older one finishing late is ignored
    entries: tuple[Entry, ...] = ()  # the feeds pane's rows, built from ``feeds``


@dataclass
class ViewsCounted(Message):
    """The saved views' unread articles were counted: view key -> count."""

    counts: dict[str, int]


@dataclass
class ViewHighlighted(Message):
    """The feeds pane's cursor moved to another view (All, a tag, a feed)."""

    view: View


@dataclass
class ViewChosen(Message):
    """The user pressed enter on a view in the feeds pane."""

    view: View


@dataclass
class ArticlesCounted(Message):
    """The article list finished loading a view; ``count`` rows are there."""

    view: View
    count: int
    problem: str = ""  # why a search could not be run, for the list's title


@dataclass
class ArticleHighlighted(Message):
    """The article list's cursor moved to ``row`` (None when the list is empty)."""

    row: ArticleRow | None


@dataclass
class ArticleChosen(Message):
    """The user asked to read ``row`` (enter, or a click on the highlighted row)."""

    row: ArticleRow


@dataclass
class ArticleOpened(Message):
    """An article was read from the cache for the reader (and marked read if it was unread)."""

    page: ReaderPage
    was_unread: bool
    laid_out: LaidOut | None = None  # the page's lines at the width asked for, made in the worker


@dataclass
class LinkFound(Message):
    """The link of an article not in the reader was read from the cache."""

    url: str


@dataclass
class BrowserLaunched(Message):
    """A browser was asked to open a link; ``launch`` says how that went."""

    launch: Launch


@dataclass
class UnreadFound(Message):
    """A next/previous-unread search placed the cursor on ``row``."""

    row: ArticleRow


@dataclass
class UnreadExhausted(Message):
    """No unread article lies in that direction in the current view."""

    forward: bool


@dataclass
class ReadChanged(Message):
    """Articles were marked read or unread in the cache; ``undo`` takes it back."""

    ids: tuple[int, ...]
    read: bool
    undo: UndoStep | None = None


@dataclass
class StarChanged(Message):
    """Articles were starred or unstarred in the cache; ``undo`` takes it back."""

    ids: tuple[int, ...]
    starred: bool
    undo: UndoStep


@dataclass
class ViewMarkedRead(Message):
    """What ``view`` showed was marked read; ``count`` changed, and ``undo`` takes it back."""

    view: View
    count: int
    undo: UndoStep | None = None


@dataclass
class Undone(Message):
    """An undo step ran; ``said`` tells the user what came back."""

    said: str


@dataclass
class RefreshStarted(Message):
    """A refresh of ``total`` feeds began."""

    total: int


@dataclass
class RefreshProgressed(Message):
    """One more feed finished refreshing; chatty, so a newer one replaces a queued one."""

    done: int
    total: int
    outcome: FeedOutcome
    new_so_far: int = 0  # new articles in this refresh so far: survives a replaced message

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, RefreshProgressed)


@dataclass
class RefreshFinished(Message):
    """A refresh ended; ``summary`` names what failed."""

    summary: RefreshSummary
    asked_for_one: bool = False  # the user asked for one feed (r): its failure is always named


@dataclass
class ConfigReloaded(Message):
    """feeds.toml changed on disk and is valid."""

    config: Config


@dataclass
class FeedsEdited(Message):
    """The app changed feeds.toml (a feed added, deleted, renamed or put back); ``config``
    is the file as it is now, ``said`` what to tell the user, ``undo`` takes it back."""

    config: Config
    said: str = ""
    undo: UndoStep | None = None


@dataclass
class FeedFailed(Message):
    """Finding or changing a feed failed; ``said`` is one line saying why."""

    said: str


@dataclass
class ConfigBroken(Message):
    """feeds.toml changed on disk and is invalid; ``error`` names file and line."""

    error: str


@dataclass
class WorkFailed(Message):
    """A background job raised; ``job`` says which, in words a user understands."""

    job: str
    error: BaseException


@dataclass
class SyncStarted(Message):
    """A sync with the server began (``push_only``: only the queue is being sent)."""

    push_only: bool


@dataclass
class SyncFinished(Message):
    """A sync ended; ``summary`` says what it brought and what failed."""

    summary: SyncSummary
    push_only: bool


@dataclass
class SyncStatusRead(Message):
    """When the last sync worked, how many changes wait, and why the last one failed."""

    last_sync: datetime | None
    pending: int
    error: str


@dataclass
class DownloadProgressed(Message):
    """``done`` bytes of an attachment are on disk, of ``total`` if the server said."""

    name: str
    done: int
    total: int | None

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, DownloadProgressed)  # only the latest figure matters


@dataclass
class DownloadFinished(Message):
    """An attachment was saved at ``path``."""

    path: str


@dataclass
class FullTextRead(Message):
    """The reader's article, laid out again: with its fetched full text, or the feed's."""

    page: ReaderPage
    full: bool  # True: the page shows the full text
    laid_out: LaidOut | None = None


@dataclass
class FullTextFailed(Message):
    """The article's full text could not be had; ``reason`` is one line for the user."""

    article_id: int
    reason: str
