"""Opening an article: the list's cursor is drawn first, then the reader reads it in a worker.

Opens asked for before the screen is next drawn (n held down) read only the last one.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from ui_helpers import Setup, StartApp, settle

from newsterm.text.layout.page import ReaderPage
from newsterm.ui import render
from newsterm.ui.render import LaidOut
from newsterm.ui.widgets.reader import ReaderView


def _slowly(real: Callable[[ReaderPage, int], LaidOut]) -> Callable[[ReaderPage, int], LaidOut]:
    """The reader's layout, as slow as a very long article's."""

    def slow(page: ReaderPage, width: int) -> LaidOut:
        time.sleep(0.4)
        return real(page, width)

    return slow


async def test_opens_within_one_frame_read_only_the_last(setup: Setup, start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        rows = [screen.article_list.highlighted_row]
        await pilot.press("j")
        rows.append(screen.article_list.highlighted_row)
        first, second = rows
        assert first is not None and second is not None and not first.read
        reader = screen.reader
        reader.open(first.id, screen.config)
        reader.open(second.id, screen.config)
        assert reader.opening == second.id  # n asks this at once: it is set before any read
        await settle(pilot)
        page = reader.page
        assert page is not None and page.article.id == second.id
        other = setup.reopen()
        try:
            skipped, opened = other.article(first.id), other.article(second.id)
            assert skipped is not None and not skipped.read  # never shown: still unread
            assert opened is not None and opened.read
        finally:
            other.close()


async def test_n_moves_the_list_then_shows_the_article_in_the_reader(
    start_app: StartApp,
) -> None:
    async with start_app() as (pilot, screen):
        await pilot.press("n")
        await settle(pilot)
        row = screen.article_list.highlighted_row
        page = screen.reader.page
        assert row is not None and page is not None and page.article.id == row.id
        assert isinstance(screen.focused, ReaderView)
        await pilot.press("n")
        await settle(pilot)
        following = screen.article_list.highlighted_row
        assert following is not None and following.id != row.id
        page = screen.reader.page
        assert page is not None and page.article.id == following.id


async def test_an_article_left_while_it_was_being_read_stays_unread(
    setup: Setup, start_app: StartApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """n pressed again while the first article is read and laid out (a long article takes a
    tenth of a second): the first was never shown, so it stays unread, in the cache and in
    the list alike."""
    async with start_app() as (pilot, screen):
        first = screen.article_list.highlighted_row
        await pilot.press("j")
        second = screen.article_list.highlighted_row
        assert first is not None and second is not None and not first.read
        monkeypatch.setattr(render, "laid_out", _slowly(render.laid_out))
        reader = screen.reader
        reader.open(first.id, screen.config)
        await pilot.pause(0.15)  # the first article's worker is running
        reader.open(second.id, screen.config)
        await pilot.pause(1.0)
        await settle(pilot)
        page = reader.page
        assert page is not None and page.article.id == second.id
        row = screen.article_list.cached_row(first.id)
        assert row is not None and not row.read
        other = setup.reopen()
        try:
            skipped = other.article(first.id)
            assert skipped is not None and not skipped.read
        finally:
            other.close()


async def test_n_then_star_acts_on_the_article_n_went_to(
    start_app: StartApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """* pressed while the reader still shows the previous article stars the one n opened."""
    async with start_app() as (pilot, screen):
        await pilot.press("n")
        await settle(pilot)
        shown = screen.reader.page
        assert shown is not None
        monkeypatch.setattr(render, "laid_out", _slowly(render.laid_out))
        await pilot.press("n", "asterisk")
        target = screen.reader.opening
        assert target is not None and target != shown.article.id
        await pilot.pause(1.0)
        await settle(pilot)
        row, before = (screen.article_list.cached_row(i) for i in (target, shown.article.id))
        assert row is not None and row.starred
        assert before is not None and not before.starred
