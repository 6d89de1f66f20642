"""`newsterm show` prints what the reader shows: the same lines for the same real articles
(maths, a podcast, spanning and wide tables, 80+ links, a layout table, RTL and CJK, and a
full_text feed's kept full text), at two widths and in both views, each compared with what
the command itself prints."""

from __future__ import annotations

import contextlib
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from ui_helpers import Setup, settle, started

from corpus_articles import (
    ALL,
    CJK,
    COLSPAN,
    LAYOUT_TABLE,
    MANY_LINKS,
    MATHML,
    PODCAST,
    RTL,
    save,
)
from entries import entry
from entries import save as save_entries
from newsterm import cli
from newsterm.config import load_config
from newsterm.models import FullText
from newsterm.store import Store
from newsterm.text.extract import extract_article

FULL_TEXT_FEED = "https://harbor.example/feed"
PAGE = (Path(__file__).parents[1] / "data" / "fulltext" / "harbor-ferry.html").read_bytes()

# What each article is there for, as it must appear in both outputs at every width.
SHOWN = {
    MATHML: ["4kiB of memory", "10¹⁰", "Peak WSS (bytes)", "⌈log_Gn⌉"],
    PODCAST: ["Attachments · d download · P play", "[E1] audio/mpeg", "Marco Arment"],
    COLSPAN: ["│ UTF-8 encoding (binary)", "0800-FFFF"],
    MANY_LINKS: ["[image][1]", "[88] https://www.clevertraining.com/vip-top-picks"],
    LAYOUT_TABLE: ["Vendor: Curated", "Type: Periodical", "[1] https://cdn.shopify.com/"],
    RTL: ["امریکی عسکری امداد"],
    CJK: ["白宫提名艾伦为北约最高司令官"],
}
FULL_TEXT_SHOWN = ["Full text from harbor.example · F for the feed's text", "floating landing"]


def _kept_full_text(store: Store) -> int:
    """An article of a full_text feed with its page's text kept, as a refresh leaves it."""
    summary = "<p>The passenger ferry runs again from the north pier on Monday.</p>"
    item = entry(id="ferry", title="Ferry", link="https://harbor.example/ferry", summary=summary)
    save_entries(store, FULL_TEXT_FEED, "Harbor Post", item)
    (row,) = store.iter_article_rows(feed_urls=[FULL_TEXT_FEED])
    text = FullText(row.id, "https://harbor.example/ferry", extract_article(PAGE), None)
    store.save_full_text(text, now=datetime(2030, 1, 1, tzinfo=UTC))
    return row.id


def _printed(setup: Setup, article_id: int, width: int, original: bool) -> str:
    """What `newsterm show` prints (run in place: the app under test holds sys.stdout)."""
    args = ["show", str(article_id), "--width", str(width), "--feeds", str(setup.feeds_path)]
    args += ["--db", str(setup.db_path), *(["--original"] if original else [])]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert cli.main(args) == 0
    assert err.getvalue() == ""
    return out.getvalue()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_show_prints_exactly_the_lines_the_reader_draws(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(
        "[settings]\nrefresh_on_start = false\nrefresh_minutes = 0\n\n"
        f'[[feed]]\nurl = "{FULL_TEXT_FEED}"\nfull_text = true\n'
    )
    config = load_config(path)
    store = Store.open(tmp_path / "cache.db")
    store.sync_feeds(config.feeds)
    ids = {which: save(store, which) for which in ALL}
    full_text_id = _kept_full_text(store)
    setup = Setup(config, path, store, tmp_path / "cache.db")
    cases = [*((ids[which], SHOWN[which]) for which in ALL), (full_text_id, FULL_TEXT_SHOWN)]
    async with started(setup.app(), size=size) as (pilot, screen):
        for article_id, shown in cases:
            row = next(r for r in store.iter_article_rows() if r.id == article_id)
            screen.open_article(row)
            await settle(pilot)
            for original in (False, True):
                if screen.reader.showing_original != original:
                    screen.reader.toggle_original()
                width = screen.reader.scrollable_content_region.width
                drawn = "\n".join(line.plain.rstrip() for line in screen.reader.lines)
                printed = _printed(setup, article_id, width, original)
                assert printed == drawn.strip("\n") + "\n", (shown[0], original)
                flat = " ".join(printed.split())  # phrases wrap at narrow widths
                assert all(wanted in flat for wanted in shown), (shown, original)
                # the full text's appeal: hidden in the reader's view, shown in the original
                assert ("donate today" in flat) == (original and shown is FULL_TEXT_SHOWN)
    store.close()
