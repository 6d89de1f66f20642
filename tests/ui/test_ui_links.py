"""The link list (l), the full-screen reader (z) and links a browser would percent-encode."""

from __future__ import annotations

import threading

import pytest
from textual.widgets import OptionList
from ui_helpers import Setup, StartApp, open_link_list, settle
from ui_sample import NEWS

from entries import entry, save
from newsterm.ui.launch import browser_url, link_problem

MANY = "".join(f'<p>Item <a href="https://l.example/{n}">link {n}</a></p>' for n in range(1, 86))


def _write(setup: Setup, body: str) -> None:
    """A new newest article in the sample's news feed, with ``body``: the list's first row."""
    save(setup.store, NEWS, "Example News", entry(id="links", title="Links", content=body))


async def test_l_lists_every_link_and_opens_the_chosen_one(
    setup: Setup, start_app: StartApp
) -> None:
    _write(setup, MANY + '<p><img src="https://img.example/p.png" alt="Plan"></p>')
    async with start_app() as (pilot, screen):
        links = await open_link_list(pilot)
        options = links.query_one(OptionList)
        assert options.option_count == 86  # 85 links and the image's address
        await pilot.press("j", "j", "G", "k")  # the last but one: link 85, past the 1-9 keys
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is screen
    assert setup.opened == ["https://l.example/85"]


async def test_c_in_the_link_list_copies_only_when_asked(setup: Setup, start_app: StartApp) -> None:
    _write(setup, '<p><a href="https://l.example/a">a</a> <a href="https://l.example/b">b</a></p>')
    copied: list[str] = []
    async with start_app() as (pilot, screen):
        pilot.app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        await pilot.press("enter")
        await settle(pilot)
        assert copied == []  # reading never touches the clipboard
        await pilot.press("l", "j", "c")
        await settle(pilot)
        assert copied == ["https://l.example/b"] and setup.opened == []
        await pilot.press("l", "escape")
        await settle(pilot)
        assert pilot.app.screen is screen and copied == ["https://l.example/b"]


async def test_z_gives_the_reader_the_screen_until_the_app_quits(
    setup: Setup, start_app: StartApp
) -> None:
    async with start_app() as (pilot, screen):
        await pilot.press("enter")
        await settle(pilot)
        narrow = screen.reader.size.width
        await pilot.press("z")
        await settle(pilot)
        assert not screen.feed_list.display or screen.feed_list.region.width == 0
        assert screen.reader.size.width > narrow + 20
        assert screen.reader.size.height > 30
        await pilot.press("q")  # back to the list: the panes come back
        await settle(pilot)
        assert screen.feed_list.region.width > 0
        await pilot.press("j", "enter")  # the next article opens full screen again
        await settle(pilot)
        assert screen.reader.size.width > narrow + 20
        await pilot.press("z")
        await settle(pilot)
        assert screen.reader.size.width == narrow


@pytest.mark.parametrize(
    ("url", "sent"),
    [
        ("https://ex.example/a b/ü?q=a b#x y", "https://ex.example/a%20b/%C3%BC?q=a%20b#x%20y"),
        ("https://ex.example/ok%20already?x=1&y=2", "https://ex.example/ok%20already?x=1&y=2"),
        ("https://bücher.example/x", "https://xn--bcher-kva.example/x"),
        ("https://BÜCHER.example/", "https://xn--bcher-kva.example/"),
        ("https://ü@Bücher.Example:8443/", "https://%C3%BC@xn--bcher-kva.example:8443/"),
        # IDNA 2008, as browsers: "fass.de" would be another site.
        ("https://faß.de/x", "https://xn--fa-hia.de/x"),
        ("https://my_host.bücher.example/", "https://my_host.xn--bcher-kva.example/"),
        ("https://[::1]:8080/a b", "https://[::1]:8080/a%20b"),
    ],
)
def test_links_are_percent_encoded_as_a_browser_would(url: str, sent: str) -> None:
    assert link_problem(url) is None
    assert browser_url(url) == sent


@pytest.mark.parametrize(
    "url", ["https://exa mple.com/", "https://ex<a>.com/", "https://bü cher.example/"]
)
def test_a_host_name_no_browser_would_visit_is_refused(url: str) -> None:
    assert link_problem(url) == f"Won't open a link with an invalid host name: {url}"


async def test_a_link_with_spaces_opens_percent_encoded(setup: Setup, start_app: StartApp) -> None:
    _write(setup, '<p><a href="https://ex.example/a b">spaced</a></p>')
    async with start_app() as (pilot, _):
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
    assert setup.opened == ["https://ex.example/a%20b"]


async def test_link_text_in_the_list_is_shown_literally_never_as_markup_and_counted(
    setup: Setup, start_app: StartApp
) -> None:
    _write(setup, '<p><a href="https://l.example/[b]x[/b]">[@click=app.quit]q[/]</a></p>')
    async with start_app() as (pilot, screen):
        links = await open_link_list(pilot)
        prompt = links.query_one(OptionList).get_option_at_index(0).prompt
        assert "[@click=app.quit]q[/]" in str(getattr(prompt, "plain", prompt))
        assert "https://l.example/[b]x[/b]" in str(getattr(prompt, "plain", prompt))
        assert str(links.query_one(OptionList).border_title) == "1 link · Links"
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.is_running and pilot.app.screen is screen


async def test_an_article_is_laid_out_in_its_worker_not_on_the_event_loop(
    setup: Setup, start_app: StartApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsterm.ui import render

    on_loop: list[int] = []
    real = render.layout

    def counted(page, width, *, original):  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():  # the event loop's
            on_loop.append(width)
        return real(page, width, original=original)

    monkeypatch.setattr(render, "layout", counted)
    _write(setup, MANY)
    async with start_app() as (pilot, screen):
        await pilot.press("enter")
        await settle(pilot)
        assert "link 85[85]" in " ".join(line.plain for line in screen.reader.lines)
        assert on_loop == []  # the worker laid it out at the pane's width
        await pilot.press("s")  # a view toggled on screen is laid out there
        await settle(pilot)
        assert len(on_loop) == 1
