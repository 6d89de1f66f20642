"""One table of keys for the help screen and the command palette, read from the BINDINGS."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen

from newsterm.ui.keys import MAIN_KEYS, PALETTE, QUIT
from newsterm.ui.screens.main import MainScreen
from newsterm.ui.widgets.article_list import ArticleList
from newsterm.ui.widgets.feed_list import FeedList
from newsterm.ui.widgets.reader import ReaderView

LINK_PREFIX = "main.open-link-"


@dataclass(frozen=True, slots=True)
class KeyRow:
    """One key (or set of keys) and what it does, in one pane."""

    section: str
    keys: tuple[str, ...]
    description: str
    owner: type[DOMNode]
    action: str


SECTIONS: tuple[tuple[str, type[DOMNode], tuple[Binding, ...]], ...] = (
    ("Anywhere", MainScreen, (*MAIN_KEYS, QUIT)),  # type: ignore[arg-type]
    ("Feeds pane", FeedList, tuple(FeedList.BINDINGS)),  # type: ignore[arg-type]
    ("Article list", ArticleList, tuple(ArticleList.BINDINGS)),  # type: ignore[arg-type]
    ("Reader", ReaderView, tuple(ReaderView.BINDINGS)),  # type: ignore[arg-type]
)


def key_rows(app: App[object]) -> Iterator[KeyRow]:
    """Every binding with a description, keys shown as the footer shows them."""
    for section, owner, bindings in SECTIONS:
        for binding in bindings:
            if not binding.description:
                continue
            keys = tuple(
                app.get_key_display(binding.with_key(key.strip())) for key in binding.key.split(",")
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


class KeyCommands(Provider):
    """Every key's action by its description, so ctrl+p finds what any key does."""

    def _targets(self) -> Iterator[tuple[KeyRow, DOMNode]]:
        screen: Screen[object] = self.screen
        if not isinstance(screen, MainScreen):
            return
        for row in key_rows(self.app):
            if row.owner is MainScreen:
                node: DOMNode = self.app if row.action == "quit" else screen
            else:
                found = screen.query(row.owner.__name__)
                if not found:
                    continue
                node = found.first()
            yield row, node

    async def discover(self) -> Hits:
        for row, node in self._targets():
            yield DiscoveryHit(
                row.description, partial(node.run_action, row.action), help=_help(row)
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for row, node in self._targets():
            score = matcher.match(row.description)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(row.description),
                    partial(node.run_action, row.action),
                    help=_help(row),
                )


def _help(row: KeyRow) -> str:
    return f"{row.section}: {' / '.join(row.keys)}"
