"""H hides read articles, O cycles the sort order, and both (and the theme) survive a restart."""

from __future__ import annotations

import json
from pathlib import Path

import ui_sample as sample
from textual.widget import Widget
from ui_helpers import Setup, StartApp, notes_into, settle

from newsterm.config import load_config
from newsterm.ui.keys import key_rows

ALL = sum(f.count for f in sample.FEEDS)


def _title(screen: object) -> str:
    pane = screen.query_one("#list-pane", Widget)  # type: ignore[attr-defined]
    return str(pane.border_title)


def _first_title(screen: object) -> str:
    row = screen.article_list.highlighted_row  # type: ignore[attr-defined]
    assert row is not None
    return str(row.title)


async def test_o_sorts_and_h_hides_read_and_both_are_remembered(
    tmp_path: Path, start_app: StartApp
) -> None:
    state = tmp_path / "state" / "state.json"
    async with start_app(state_path=state) as (pilot, screen):
        assert _first_title(screen) == "Example story 1"  # newest first
        await pilot.press("O")
        await settle(pilot)
        assert _first_title(screen) == sample.HOSTILE_TITLE  # the oldest
        assert "oldest first" in _title(screen)
        assert screen.status.text.startswith("Sorted oldest first")
        await pilot.press("N", "H")
        await settle(pilot)
        assert screen.article_list.count == ALL - 1
        assert "read hidden" in _title(screen)
    assert json.loads(state.read_text()) == {"theme": None, "order": "oldest", "hide_read": True}
    async with start_app(state_path=state) as (pilot, screen):
        assert screen.article_list.count == ALL - 1
        assert _first_title(screen) == "Broken story 2"  # the oldest unread
        assert "oldest first · read hidden" in _title(screen)
        await pilot.press("O", "O", "H")  # by title, read shown again
        await settle(pilot)
        assert screen.article_list.count == ALL
        # H kept the highlighted article; the read one shown again sorts above it ("[" < "b")
        assert _first_title(screen) == "Broken story 1"
        assert screen.article_list.cursor == 1
        assert "by title" in _title(screen) and "read hidden" not in _title(screen)


async def test_n_steps_through_unread_in_the_chosen_order(
    tmp_path: Path, setup: Setup, start_app: StartApp
) -> None:
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"order": "oldest"}))
    async with start_app(state_path=state) as (pilot, screen):
        await pilot.press("N", "n")  # the oldest read: n opens the next oldest
        await settle(pilot)
        page = screen.reader.page
        assert page is not None and page.article.title == "Broken story 2"


async def test_the_theme_picked_is_remembered(tmp_path: Path, start_app: StartApp) -> None:
    state = tmp_path / "state.json"
    async with start_app(state_path=state) as (pilot, _):
        assert pilot.app.theme != "nord"
        pilot.app.theme = "nord"  # what the palette's theme picker does
        await settle(pilot)
    assert json.loads(state.read_text())["theme"] == "nord"
    async with start_app(state_path=state) as (pilot, _):
        assert pilot.app.theme == "nord"


async def test_a_corrupt_state_file_is_one_notice_and_the_defaults(
    tmp_path: Path, start_app: StartApp
) -> None:
    state = tmp_path / "state.json"
    state.write_bytes(b'{"order": "oldest", "hide_read": tru')
    notes: list[str] = []
    async with start_app(state_path=state, message_hook=notes_into(notes)) as (pilot, screen):
        assert _first_title(screen) == "Example story 1"
        (notice,) = [n for n in notes if str(state) in n]
        assert "ignored" in notice and "\n" not in notice
        await pilot.press("H")
        await settle(pilot)
    assert json.loads(state.read_text())["hide_read"] is True  # the next choice rewrites it


async def test_keys_from_feeds_toml_replace_the_default_ones_and_the_help_says_so(
    setup: Setup, start_app: StartApp
) -> None:
    with setup.feeds_path.open("a", encoding="utf-8") as handle:
        handle.write('\n[keys]\n"main.hide-read" = "x"\nmain.sort = "ctrl+o"\n')
    setup.config = load_config(setup.feeds_path)
    async with start_app() as (pilot, screen):
        await pilot.press("N", "H")  # H is not hide-read any more
        await settle(pilot)
        assert screen.article_list.count == ALL
        await pilot.press("x", "ctrl+o")
        await settle(pilot)
        assert screen.article_list.count == ALL - 1
        assert "oldest first · read hidden" in _title(screen)
        rows = {row.action: row.keys for row in key_rows(pilot.app)}
        assert rows["toggle_hide_read"] == ("x",)
        assert rows["cycle_order"] == ("^o",)
