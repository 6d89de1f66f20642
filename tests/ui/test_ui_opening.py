"""Opening an article: the list's cursor is drawn first, then the reader reads it in a worker.

Opens asked for before the screen is next drawn (n held down) read only the last one.
"""

from __future__ import annotations

from ui_helpers import Setup, StartApp, settle

from newsterm.ui.widgets.reader import ReaderView


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
