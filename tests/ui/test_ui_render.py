"""The reader's layout, the feeds pane's rows and the app's wording, without running the app."""

from __future__ import annotations

from datetime import UTC, datetime

from newsterm.config import parse_config
from newsterm.models import Article, Feed
from newsterm.refresh import FeedOutcome, RefreshSummary
from newsterm.text.blocks import Block, Cell, Document, Link
from newsterm.text.strip import Verdict
from newsterm.ui.render import ReaderPage, build_page, layout
from newsterm.ui.view import build_entries
from newsterm.ui.wording import failure_text, feed_failure, summary_line, summary_notification

WHEN = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def _article(body: str, link: str = "https://news.example/a") -> Article:
    return Article(
        id=1,
        feed_url="https://news.example/feed",
        feed_title="News",
        guid="g",
        title="A [b]title[/b]",
        link=link,
        author="Ann",
        published=WHEN,
        updated=None,
        content=body,
        summary="",
        read=False,
        starred=False,
        first_seen=WHEN,
    )


def _plain(page: ReaderPage, width: int = 60, original: bool = False) -> list[str]:
    return [line.plain.rstrip() for line in layout(page, width, original=original)]


def test_every_block_kind_has_a_terminal_form() -> None:
    blocks = (
        Block("heading", "Heading", 1),
        Block("paragraph", "Read the plan[1] today.", links=(1,)),
        Block("list_item", "• first", 1),
        Block("list_item", "◦ nested", 2),
        Block("quote", "Quoted words", 1),
        Block("pre", "code  line\n\tindented"),
        Block("table", "Name │ Value\nalpha │ 1"),
        Block("image", "[image: A map]"),
        Block("rule", ""),
    )
    page = ReaderPage(_article(""), Document(blocks, (Link(1, "https://x.example/plan", "plan"),)))
    lines = _plain(page)
    assert lines[:3] == [
        "A [b]title[/b]",
        "News · Ann · 2024-03-01 09:00",
        "https://news.example/a",
    ]
    body = "\n".join(lines)
    for expected in (
        "Heading",
        "Read the plan[1] today.",
        "• first\n  ◦ nested",
        "│ Quoted words",
        "code  line\n    indented",
        "Name  │ Value\nalpha │ 1",
        "[image: A map]",
        "─" * 40,
        "Links\n[1] https://x.example/plan",
    ):
        assert expected in body


def test_long_list_items_wrap_under_their_text() -> None:
    page = ReaderPage(_article(""), Document((Block("list_item", "• " + "word " * 20, 1),), ()))
    item = [line for line in _plain(page, width=30) if line.startswith(("•", "  "))]
    assert item[0].startswith("• word") and all(line.startswith("  word") for line in item[1:])


def test_a_table_too_wide_to_align_becomes_one_record_per_row() -> None:
    rows = (
        (Cell("Name", head=True), Cell("Notes", head=True)),
        (Cell("x" * 50), Cell("y" * 50)),
    )
    page = ReaderPage(_article(""), Document((Block("table", "", rows=rows),), ()))
    lines = _plain(page, width=60)
    assert "Name: " + "x" * 50 in lines and "Notes: " + "y" * 50 in lines
    assert max(len(line) for line in lines) <= 60


def test_removed_blocks_show_only_in_the_original_view_marked_with_their_reason() -> None:
    keep = Block("paragraph", "The news[2].", links=(2,))
    ask = Block("paragraph", "Please give[1] today.", links=(1,))
    links = (Link(1, "https://news.example/donate", "give"), Link(2, "https://news.example/s", "s"))
    verdicts = (Verdict(ask, True, "donation ask", unit=1), Verdict(keep, False))
    page = ReaderPage(
        _article(""), Document((ask, keep), links), verdicts, 1, "1 donation appeal hidden"
    )
    stripped = "\n".join(_plain(page))
    assert "Please give" not in stripped
    assert "1 donation appeal hidden · s to show" in stripped
    assert [link.number for link in page.links(False)] == [2]  # numbers stay, unused ones go
    original = "\n".join(_plain(page, original=True))
    assert "▌ hidden: donation ask\n▌ Please give[1] today." in original
    assert "Original view: 1 donation appeal marked" in original
    assert [link.number for link in page.links(True)] == [1, 2]


def test_build_page_strips_only_when_the_feed_allows_it() -> None:
    body = "<p>Please donate today to keep us going. Donate now!</p><p>Real news here.</p>"
    on = parse_config('[[feed]]\nurl = "https://news.example/feed"\n')
    off = parse_config('[[feed]]\nurl = "https://news.example/feed"\nstrip = false\n')
    assert build_page(_article(body), on).removed == 1
    page = build_page(_article(body), off)
    assert page.removed == 0 and not page.verdicts
    assert "Please donate" in "\n".join(_plain(page))


def test_feeds_pane_rows_group_by_tag_and_hide_unconfigured_feeds() -> None:
    config = parse_config(
        '[[feed]]\nurl = "https://a.example/f"\ntags = ["x", "y"]\n'
        '[[feed]]\nurl = "https://b.example/f"\n'
    )
    feeds = [
        Feed("https://a.example/f", "A", unread=2),
        Feed("https://b.example/f", "https://b.example/f", unread=1, error="HTTP 500"),
        Feed("https://gone.example/f", "Gone", unread=9),
    ]
    rows = [(e.view.label, e.unread, e.depth, e.error) for e in build_entries(config, feeds)]
    assert rows == [
        ("All articles", 3, 0, None),
        ("x", 2, 0, None),
        ("A", 2, 1, None),
        ("y", 2, 0, None),
        ("A", 2, 1, None),
        ("b.example/f", 1, 0, "HTTP 500"),
        ("Unread", 3, 0, None),
        ("Starred", 0, 0, None),
        ("Today", 0, 0, None),
    ]


def test_refresh_wording_names_failures_and_reads_the_same_every_time() -> None:
    summary = RefreshSummary(
        (
            FeedOutcome("https://a.example/f", "A", ok=True, new=3),
            FeedOutcome("https://b.example/f", "B [i]x[/i]", ok=False, error="HTTP 404 Not Found"),
        ),
        seconds=1.5,
    )
    assert summary_line(summary) == "Refreshed 2 feeds · 3 new · 1 failed"
    text, severity = summary_notification(summary)
    assert severity == "warning"
    assert "1 feed failed:\n• B [i]x[/i] (https://b.example/f): HTTP 404 Not Found" in text
    pages = RefreshSummary(summary.outcomes, seconds=1.5, pages=1, pages_failed=1)
    assert summary_line(pages).endswith(" · full text of 2 pages (1 failed)")


def test_failures_quote_errors_on_one_clean_line_with_the_feed_address() -> None:
    hostile = OSError("refused\x1b]0;pwned\x07\nnext line \x9b2J")
    assert failure_text("loading feeds", hostile) == ("Loading feeds failed: refused next line")
    banner = feed_failure("connection refused\x1b[2J", "https://example.org:8080/feed")
    assert banner == "! Last refresh failed: connection refused (https://example.org:8080/feed)"
