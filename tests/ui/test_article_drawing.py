"""The article list draws a row again only when its look changes: a key or a reload during
a big refresh must not restyle a screenful of rows already drawn."""

from __future__ import annotations

import pytest
from textual.strip import Strip
from ui_helpers import StartApp, settle

from newsterm.models import ArticleRow
from newsterm.ui.widgets import article_list


@pytest.fixture
def styled(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The ids of the rows the list styles anew, in order."""
    seen: list[int] = []
    real = article_list.row_content

    def counting(row: ArticleRow, width: int) -> object:
        seen.append(row.id)
        return real(row, width)

    monkeypatch.setattr(article_list, "row_content", counting)
    return seen


def _text(strip: Strip) -> str:
    return "".join(segment.text for segment in strip)


async def test_j_and_k_draw_only_the_rows_the_cursor_leaves_and_lands_on(
    start_app: StartApp, styled: list[int]
) -> None:
    async with start_app() as (pilot, screen):
        articles = screen.article_list
        first = articles.highlighted_row
        assert first is not None
        styled.clear()
        await pilot.press("j")
        await settle(pilot)
        below = articles.highlighted_row
        assert below is not None and below.id != first.id
        # Each in its new look: the first row without the cursor, the second with it.
        assert sorted(styled) == sorted([first.id, below.id])
        styled.clear()
        await pilot.press("k")
        await settle(pilot)
        assert styled == []  # both looks were drawn already


async def test_a_row_is_drawn_again_when_it_is_read_or_the_focus_leaves(
    start_app: StartApp,
) -> None:
    async with start_app() as (pilot, screen):
        articles = screen.article_list
        unread = articles.render_line(0)  # the newest article, unread, under the cursor
        row = articles.highlighted_row
        assert row is not None and not row.read
        articles.set_read([row.id], True)
        read = articles.render_line(0)
        assert "●" in _text(unread) and "●" not in _text(read)
        screen.panes.focus_pane("feeds")
        await settle(pilot)
        blurred = articles.render_line(0)
        assert _text(blurred) == _text(read)
        assert [s.style for s in blurred] != [s.style for s in read]  # the cursor's colours
