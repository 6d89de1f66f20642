"""The footer shows the focused pane's keys, and is built again only when they change."""

from __future__ import annotations

import pytest
from ui_helpers import StartApp, settle

from newsterm.ui.widgets.key_footer import KeyFooter


def _shown(footer: KeyFooter) -> list[str]:
    return [str(getattr(key, "description", "")) for key in footer.children]


async def test_the_footer_follows_the_focus_and_is_built_once_at_start(
    start_app: StartApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[int] = []
    real = KeyFooter.recompose

    async def counting(self: KeyFooter) -> None:
        built.append(1)
        await real(self)

    monkeypatch.setattr(KeyFooter, "recompose", counting)
    async with start_app() as (pilot, screen):
        footer = screen.query_one(KeyFooter)
        # Each mount and focus move of the start signalled new bindings: six builds of it.
        assert len(built) == 1
        assert "Read" in _shown(footer)
        screen.panes.focus_pane("feeds")
        await settle(pilot)
        assert "Show articles" in _shown(footer) and "Read" not in _shown(footer)
        screen.panes.focus_pane("articles")
        await settle(pilot)
        assert "Read" in _shown(footer)
        assert len(built) == 3
        await pilot.press("j")  # the same keys: nothing to build
        await settle(pilot)
        assert len(built) == 3
