"""A failing feed is reported when it starts failing, fails for another reason, or recovers;
failing again as before it says nothing more than its `!` mark and the status line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import ui_sample as sample
from textual.message import Message
from textual.notifications import Notify
from ui_helpers import QUIET, main_screen, settle

from httpserver import RSS, LoopbackServer, Reply, Request, respond
from newsterm.config import load_config
from newsterm.refresh import FeedOutcome, RefreshSummary
from newsterm.store import Store
from newsterm.ui.app import NewstermApp
from newsterm.ui.wording import summary_notification


def _app(tmp_path: Path, good: str, bad: str, bad_keys: str) -> tuple[NewstermApp, Store]:
    """The app over a good feed and a failing one, which refreshes only when asked."""
    path = tmp_path / "feeds.toml"
    path.write_text(
        f'[settings]\nrefresh_on_start = false\n\n[[feed]]\nurl = "{good}"\n\n'
        f'[[feed]]\nurl = "{bad}"\n{bad_keys}',
        encoding="utf-8",
    )
    store = Store.open(tmp_path / "cache.db")
    return NewstermApp(load_config(path), path, store, open_url=print, timing=QUIET), store


def _refresh_notes(notes: list[Notify]) -> Callable[[Message], None]:
    """A message hook keeping the notifications that end a refresh in ``notes``."""

    def hook(message: Message) -> None:
        if isinstance(message, Notify) and "new article" in message.notification.message:
            notes.append(message)

    return hook


async def test_only_a_change_in_a_feeds_failure_is_news(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    answers = [404, 404, 500, 500, 200]  # one per refresh

    def flaky(request: Request, reply: Reply) -> None:
        status = answers[0]
        body = sample.rss("Flaky", []) if status == 200 else b"no"
        reply.send(status, body, {"Content-Type": RSS if status == 200 else "text/plain"})

    good = http_server.route("/good.xml", respond(sample.rss("Good", [])))
    bad = http_server.route("/flaky.xml", flaky)
    notes: list[Notify] = []
    app, store = _app(tmp_path, good, bad, "")
    said: list[tuple[str, str]] = []
    try:
        async with app.run_test(size=(120, 40), message_hook=_refresh_notes(notes)) as pilot:
            screen = main_screen(pilot)
            while answers:
                notes.clear()
                await pilot.press("R")
                await settle(pilot)
                [note] = notes
                said.append((note.notification.severity, note.notification.message))
                answers.pop(0)
                failing = [e for e in screen.feed_list.entries if e.error]
                assert len(failing) == (0 if not answers else 1)  # the `!` mark stays
    finally:
        store.close()
    severities = [severity for severity, _ in said]
    assert severities == ["warning", "information", "warning", "information", "information"]
    assert "1 feed failed:" in said[0][1] and "HTTP 404" in said[0][1] and bad in said[0][1]
    assert bad not in said[1][1] and "failed" not in said[1][1]  # the same 404 again
    assert said[1][1] == "1 feed refreshed, 1 still failing: 0 new articles."  # not "2 feeds"
    assert "HTTP 500" in said[2][1]  # another reason: news again
    assert bad not in said[3][1]
    assert f"Working again: Flaky ({bad})" in said[4][1]


def test_the_notification_names_only_new_and_changed_failures_and_recoveries() -> None:
    def outcome(name: str, ok: bool, error: str | None, was: str | None) -> FeedOutcome:
        url = f"https://{name}.example/f"
        return FeedOutcome(url, name, ok=ok, error=error, was_failing=was)

    summary = RefreshSummary(
        (
            outcome("same", False, "HTTP 404 Not Found", "HTTP 404 Not Found"),
            outcome("new", False, "connection refused", None),
            outcome("changed", False, "HTTP 500", "HTTP 404 Not Found"),
            outcome("back", True, None, "timed out"),
            outcome("fine", True, None, None),
        ),
        seconds=1.0,
    )
    text, severity = summary_notification(summary)
    assert severity == "warning"
    assert text.splitlines() == [
        "2 feeds refreshed, 1 still failing: 0 new articles.",
        "Working again: back (https://back.example/f)",
        "2 feeds failed:",
        "• new (https://new.example/f): connection refused",
        "• changed (https://changed.example/f): HTTP 500",
    ]
    quiet = RefreshSummary(summary.outcomes[:1] + summary.outcomes[4:], seconds=1.0)
    quiet_text = "1 feed refreshed, 1 still failing: 0 new articles."
    assert summary_notification(quiet) == (quiet_text, "information")
    alone = RefreshSummary(summary.outcomes[:1], seconds=1.0)
    assert summary_notification(alone) == ("1 feed still failing: 0 new articles.", "information")
    text, severity = summary_notification(alone, name_every_failure=True)
    assert severity == "warning"
    assert text.splitlines()[1:] == [
        "1 feed failed:",
        "• same (https://same.example/f): HTTP 404 Not Found",
    ]


async def test_r_on_a_feed_that_keeps_failing_names_its_failure_every_time(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    good = http_server.route("/good.xml", respond(sample.rss("Good", [])))
    bad = http_server.route("/gone.xml", respond(b"no", status=404))
    notes: list[Notify] = []
    app, store = _app(tmp_path, good, bad, 'title = "Gone"\n')
    try:
        async with app.run_test(size=(120, 40), message_hook=_refresh_notes(notes)) as pilot:
            screen = main_screen(pilot)
            await pilot.press("R")
            await settle(pilot)
            entries = screen.feed_list.entries
            screen.feed_list.highlighted = next(
                i for i, e in enumerate(entries) if e.view.feed_urls == (bad,)
            )
            for _ in range(2):  # failing as before: r still names it, as the user asked
                notes.clear()
                await pilot.press("r")
                await settle(pilot)
                [note] = notes
                assert note.notification.severity == "warning"
                assert f"• Gone ({bad}): HTTP 404" in note.notification.message
                assert note.notification.message.startswith("No feed refreshed: 0 new")
    finally:
        store.close()
