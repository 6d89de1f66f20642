"""How the screens look: wide, narrow, reading, and the help screen (fixed data, UTC dates)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot
from ui_helpers import Setup, settle

Run = Callable[[Pilot[object]], Awaitable[None]]


def _keys(*keys: str) -> Run:
    async def run(pilot: Pilot[object]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run


def test_main_screen_wide(snap_compare: Callable[..., bool], setup: Setup) -> None:
    assert snap_compare(setup.app(), terminal_size=(120, 40), run_before=_keys())


def test_reading_an_article_wide(snap_compare: Callable[..., bool], setup: Setup) -> None:
    assert snap_compare(setup.app(), terminal_size=(120, 40), run_before=_keys("enter"))


def test_original_view_marks_removed_appeals(
    snap_compare: Callable[..., bool], setup: Setup
) -> None:
    run = _keys("enter", "s")
    assert snap_compare(setup.app(), terminal_size=(120, 40), run_before=run)


def test_main_screen_narrow(snap_compare: Callable[..., bool], setup: Setup) -> None:
    assert snap_compare(setup.app(), terminal_size=(80, 24), run_before=_keys())


def test_reading_an_article_narrow(snap_compare: Callable[..., bool], setup: Setup) -> None:
    assert snap_compare(setup.app(), terminal_size=(80, 24), run_before=_keys("enter"))


def test_failing_feed_selected_narrow(snap_compare: Callable[..., bool], setup: Setup) -> None:
    run = _keys("shift+tab", "G", "k", "enter")  # the list shows why the feed fails
    assert snap_compare(setup.app(), terminal_size=(80, 24), run_before=run)


def test_help_screen(snap_compare: Callable[..., bool], setup: Setup) -> None:
    assert snap_compare(setup.app(), terminal_size=(120, 40), run_before=_keys("question_mark"))
