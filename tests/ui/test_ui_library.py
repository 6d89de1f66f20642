"""Stars, the built-in views, A marking exactly what the list shows, and u taking it back."""

from __future__ import annotations

import ui_sample as sample
from textual.widgets import Input
from ui_helpers import Setup, StartApp, settle

ALL = sum(f.count for f in sample.FEEDS)  # all unread at the start


def _typed(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


def _select_view(screen: object, label: str) -> None:
    entries = screen.feed_list.entries  # type: ignore[attr-defined]
    index = next(i for i, e in enumerate(entries) if e.view.label == label)
    screen.feed_list.highlighted = index  # type: ignore[attr-defined]


async def test_a_filter_of_one_then_a_marks_one_and_u_undoes_it(
    setup: Setup, start_app: StartApp
) -> None:
    async with start_app() as (pilot, screen):
        await pilot.press("slash", *_typed("story 3"))
        await settle(pilot)
        assert screen.article_list.count == 2  # Example story 3, Tech story 3
        await pilot.press("home", *_typed("Tech "))
        await settle(pilot)
        assert screen.article_list.count == 1
        assert isinstance(screen.focused, Input)
        await pilot.press("enter", "A")
        await settle(pilot)
        assert screen.feed_list.entries[0].unread == ALL - 1
        assert "Marked 1 article read" in screen.status.text
        await pilot.press("u")
        await settle(pilot)
        assert screen.feed_list.entries[0].unread == ALL
        assert "1 article marked unread again" in screen.status.text
    other = setup.reopen()
    try:
        assert other.count_articles(unread_only=True) == ALL
    finally:
        other.close()


async def test_u_undoes_read_toggles_and_says_when_nothing_is_left(start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        await pilot.press("N")
        await settle(pilot)
        assert screen.feed_list.entries[0].unread == ALL - 1
        await pilot.press("u")
        await settle(pilot)
        assert screen.feed_list.entries[0].unread == ALL
        await pilot.press("u")
        await settle(pilot)
        assert screen.status.text == "Nothing to undo"


async def test_star_shows_in_starred_survives_a_restart_and_undoes(
    setup: Setup, start_app: StartApp
) -> None:
    async with start_app() as (pilot, screen):
        row = screen.article_list.highlighted_row
        assert row is not None and not row.starred
        await pilot.press("asterisk")
        await settle(pilot)
        starred = screen.article_list.highlighted_row
        assert starred is not None and starred.starred
        assert "★" in screen.article_list.render_line(0).text
        await pilot.press("j", "asterisk", "u")  # star a second, then take it back
        await settle(pilot)
    async with start_app() as (pilot, screen):
        _select_view(screen, "Starred")
        await settle(pilot)
        assert screen.article_list.count == 1
        shown = screen.article_list.highlighted_row
        assert shown is not None and shown.id == row.id
    other = setup.reopen()
    try:
        assert [r.id for r in other.iter_article_rows(starred_only=True)] == [row.id]
    finally:
        other.close()


async def test_a_in_the_unread_view_marks_only_what_it_shows(start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        await pilot.press("N")  # one read: the Unread view has one fewer
        await settle(pilot)
        _select_view(screen, "Unread")
        await settle(pilot)
        assert screen.article_list.count == ALL - 1
        await pilot.press("tab", "A")
        await settle(pilot)
        assert f"Marked {ALL - 1} articles read in Unread" in screen.status.text


async def test_search_finds_a_body_word_ranks_and_highlights_it(start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        await pilot.press("S", *"council")  # only in the body of Example story 1
        await settle(pilot)
        view = screen.article_list.view
        assert view is not None and view.is_search
        assert screen.article_list.count == 1
        row = screen.article_list.highlighted_row
        assert row is not None and row.title == "Example story 1"
        assert "Search “council” · 1" in str(screen.query_one("#list-pane").border_title)
        await pilot.press("enter", "enter")  # leave the field, open the article
        await settle(pilot)
        marked = [
            line.plain[span.start : span.end]
            for line in screen.reader.lines
            for span in line.spans
            if span.style == ".reader--match"
        ]
        assert marked and all(text.lower() == "council" for text in marked)
        await pilot.press("escape", "escape")  # back to the list, then out of the search
        await settle(pilot)
        view = screen.article_list.view
        assert view is not None and view.is_all and screen.article_list.count == ALL
        assert screen.reader.highlight == ""


async def test_a_bad_search_says_why_in_the_list_title(start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        await pilot.press("S", *'"transit')
        await settle(pilot)
        assert screen.article_list.count == 0
        title = str(screen.query_one("#list-pane").border_title)
        assert "a quote is never closed" in title
        await pilot.press('"')
        await settle(pilot)
        assert screen.article_list.count == 1


async def test_a_in_a_search_marks_only_its_results(start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        await pilot.press("S", *"tech", "enter", "A")
        await settle(pilot)
        assert screen.article_list.count == 5
        assert screen.feed_list.entries[0].unread == ALL - 5
        assert "Marked 5 articles read" in screen.status.text
