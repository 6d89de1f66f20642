"""The command palette's provider: every key's action, found by what it does."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen
from textual.widget import Widget

from newsterm.ui.keys import KeyRow, key_rows
from newsterm.ui.screens.main import MainScreen


class KeyCommands(Provider):
    """Every key's action by its description, so ctrl+p finds what any key does."""

    def _targets(self) -> Iterator[tuple[KeyRow, App[object] | Widget]]:
        screen: Screen[object] = self.screen
        if not isinstance(screen, MainScreen):
            return
        for row in key_rows(self.app):
            if row.owner is Screen:
                node: App[object] | Widget = self.app if row.action == "quit" else screen
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
