"""The key table: every key with an id and a description, shared by footer, help and palette.

Widgets that stand alone (the article list, the reader, the feeds pane) keep their own
BINDINGS next to their actions; the keys that work anywhere on the main screen live here,
and key_rows reads all of them into one table, by pane.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen

from newsterm.ui.screens.links import LinkListScreen
from newsterm.ui.widgets.article_list import ArticleList
from newsterm.ui.widgets.feed_list import FeedList
from newsterm.ui.widgets.reader import ReaderView

QUIT = Binding(
    "ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit", tooltip="Quit newsterm"
)

PALETTE = Binding(
    "ctrl+p",
    "command_palette",
    "Commands",
    show=False,
    id="app.command-palette",
    tooltip="Command palette: find any action by name",
)
"""Listed in the help only: Textual's App binds ctrl+p to the palette itself."""

LINK_KEYS = [
    Binding(
        str(n),
        f"open_link({n})",
        f"Open link {n}",
        show=False,
        id=f"main.open-link-{n}",
        tooltip=f"Open link [{n}] in the web browser",
    )
    for n in range(1, 10)
]

MAIN_KEYS: list[BindingType] = [
    Binding("tab", "next_pane", "Next pane", show=False, id="main.next-pane"),
    Binding("shift+tab", "previous_pane", "Previous pane", show=False, id="main.prev-pane"),
    Binding(
        "n",
        "next_unread",
        "Next unread",
        id="main.next-unread",
        tooltip="Open the next unread article, across feeds",
    ),
    Binding(
        "p",
        "previous_unread",
        "Previous unread",
        show=False,
        id="main.prev-unread",
        tooltip="Open the previous unread article, across feeds",
    ),
    Binding(
        "N",
        "toggle_read",
        "Toggle read",
        show=False,
        id="main.toggle-read",
        tooltip="Mark the article read or unread",
    ),
    Binding(
        "A",
        "mark_view_read",
        "Mark all read",
        show=False,
        id="main.mark-all-read",
        tooltip="Mark read exactly what the list shows (feed, view, search or filter)",
    ),
    Binding(
        "asterisk",
        "toggle_star",
        "Star",
        show=False,
        id="main.star",
        tooltip="Star or unstar the article (newsboat's flag); starred ones are never pruned",
    ),
    Binding(
        "u",
        "undo",
        "Undo",
        show=False,
        id="main.undo",
        tooltip="Undo the last mark-read, read or star toggle, or feed deletion",
    ),
    Binding(
        "H",
        "toggle_hide_read",
        "Hide read",
        show=False,
        id="main.hide-read",
        tooltip="Hide read articles from the list, or show them again (remembered)",
    ),
    Binding(
        "O",
        "cycle_order",
        "Sort",
        show=False,
        id="main.sort",
        tooltip="Sort the list newest first, oldest first, by feed or by title (remembered)",
    ),
    Binding(
        "r",
        "refresh_selected",
        "Refresh feed",
        show=False,
        id="main.refresh",
        tooltip="Refresh the selected feed",
    ),
    Binding("R", "refresh_all", "Refresh", id="main.refresh-all", tooltip="Refresh all feeds"),
    Binding(
        "o",
        "open_article_link",
        "Open",
        id="main.open",
        tooltip="Open the article in the web browser",
    ),
    *LINK_KEYS,
    Binding(
        "l",
        "show_links",
        "Links",
        show=False,
        id="main.links",
        tooltip="List every link of the article: open or copy one",
    ),
    Binding(
        "F",
        "toggle_full_text",
        "Full text",
        show=False,
        id="main.full-text",
        tooltip="Fetch the article's page and read its full text; again for the feed's text",
    ),
    Binding(
        "d",
        "download",
        "Download",
        show=False,
        id="main.download",
        tooltip="Download the article's attachment (a podcast episode…)",
    ),
    Binding(
        "P",
        "play",
        "Play",
        show=False,
        id="main.play",
        tooltip="Play the article's attachment with settings.player",
    ),
    Binding(
        "z",
        "toggle_zoom",
        "Full screen",
        show=False,
        id="main.zoom",
        tooltip="Give the reader the whole screen, or bring the panes back",
    ),
    Binding(
        "s",
        "toggle_original",
        "Original",
        show=False,
        id="main.strip",
        tooltip="Show the original article, or the stripped one",
    ),
    Binding(
        "e",
        "edit_feeds",
        "Edit feeds",
        show=False,
        id="main.edit",
        tooltip="Edit feeds.toml in $VISUAL or $EDITOR",
    ),
    Binding(
        "a",
        "add_feed",
        "Add feed",
        show=False,
        id="main.add-feed",
        tooltip="Add a feed: type its address, or a web page that links to one",
    ),
    Binding(
        "D",
        "change_feed('delete')",
        "Delete feed",
        show=False,
        id="main.delete-feed",
        tooltip="Delete the feed selected in the feeds pane from feeds.toml (u puts it back)",
    ),
    Binding(
        "E",
        "change_feed('rename')",
        "Rename feed",
        show=False,
        id="main.rename-feed",
        tooltip="Rename the feed selected in the feeds pane (its title in feeds.toml)",
    ),
    Binding(
        "slash",
        "filter",
        "Filter",
        id="main.filter",
        tooltip="Filter the article list by title",
    ),
    Binding(
        "S",
        "search",
        "Search",
        show=False,
        id="main.search",
        tooltip="Search the text of every article, in every feed",
    ),
    Binding("question_mark", "help", "Help", id="main.help", tooltip="Show every key"),
    Binding(
        "escape",
        "back",
        "Back",
        show=False,
        id="main.escape",
        tooltip="Back a level, like q, but never quits",
    ),
    Binding(
        "q",
        "back_or_quit",
        "Back",
        id="main.back",
        tooltip="Go back a level; quit from the top",
    ),
]


@dataclass(frozen=True, slots=True)
class KeyRow:
    """One key (or set of keys) and what it does, in one pane."""

    section: str
    keys: tuple[str, ...]
    description: str
    owner: type[DOMNode]
    """Where the action runs: a widget class, or Screen for the screen MAIN_KEYS are bound on."""
    action: str


def _bindings(bindings: Iterable[BindingType]) -> tuple[Binding, ...]:
    return tuple(binding for binding in bindings if isinstance(binding, Binding))


SECTIONS: tuple[tuple[str, type[DOMNode], tuple[Binding, ...]], ...] = (
    ("Anywhere", Screen, (*_bindings(MAIN_KEYS), QUIT)),
    ("Feeds pane", FeedList, _bindings(FeedList.BINDINGS)),
    ("Article list", ArticleList, _bindings(ArticleList.BINDINGS)),
    ("Reader", ReaderView, _bindings(ReaderView.BINDINGS)),
    ("Link list (l)", LinkListScreen, _bindings(LinkListScreen.BINDINGS)),
)


def key_rows(app: App[object]) -> Iterator[KeyRow]:
    """Every binding with a description, keys shown as the footer shows them."""
    keymap = app._keymap  # [keys] in feeds.toml; Textual has no public reader for it
    for section, owner, bindings in SECTIONS:
        for binding in bindings:
            if not binding.description:
                continue
            chosen = keymap.get(binding.id, binding.key) if binding.id else binding.key
            keys = tuple(
                app.get_key_display(binding.with_key(key.strip())) for key in chosen.split(",")
            )
            description = binding.tooltip or binding.description
            yield KeyRow(section, keys, description, owner, binding.action)


def help_rows(app: App[object]) -> Iterator[KeyRow]:
    """key_rows with the nine numbered-link keys folded into one row, and ctrl+p after ?."""
    folded = False
    for row in key_rows(app):
        if row.action.startswith("open_link("):
            if not folded:
                folded = True
                yield KeyRow(
                    row.section,
                    ("1…9",),
                    "Open numbered link [N] in the web browser",
                    row.owner,
                    row.action,
                )
            continue
        yield row
        if row.action == "help":
            keys = (app.get_key_display(PALETTE),)
            yield KeyRow(row.section, keys, PALETTE.tooltip, row.owner, PALETTE.action)
