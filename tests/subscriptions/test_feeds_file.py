"""The feeds.toml writer: comments kept, broken results refused, edits made meanwhile kept."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomlkit

from newsterm.config import Config, load_config, parse_config
from newsterm.errors import ConfigError
from newsterm.subscriptions import feeds_file
from newsterm.subscriptions.feeds_file import (
    NewFeed,
    add_feeds,
    edit_feeds,
    remove_feed,
    rename_feed,
    restore_feed,
)

MINE = """# my feeds
[settings]
keep_days = 30  # a month

[[feed]]
url = "https://one.example/rss"   # the first
title = "One"

# the second, with a comment of its own
[[feed]]
url = "https://two.example/rss"
tags = ["x"]
"""


@pytest.fixture
def feeds(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(MINE)
    return path


def test_remove_and_restore_keep_every_comment(feeds: Path) -> None:
    removed = edit_feeds(feeds, lambda doc, cfg: remove_feed(doc, cfg, "https://one.example/rss"))
    assert removed is not None
    assert [s.url for s in load_config(feeds).feeds] == ["https://two.example/rss"]
    assert "# the second, with a comment of its own" in feeds.read_text()
    edit_feeds(feeds, lambda doc, cfg: restore_feed(doc, removed))
    assert load_config(feeds) == load_config_text(MINE, feeds)
    comments = sorted(line.strip() for line in MINE.splitlines() if "#" in line)
    assert (
        sorted(line.strip() for line in feeds.read_text().splitlines() if "#" in line) == comments
    )


def test_removing_a_later_feed_keeps_the_comment_of_the_next(feeds: Path) -> None:
    text = MINE + '\n# third\n[[feed]]\nurl = "https://three.example/rss"\n'
    feeds.write_text(text)
    removed = edit_feeds(feeds, lambda doc, cfg: remove_feed(doc, cfg, "https://two.example/rss"))
    assert "# third" in feeds.read_text()
    assert removed is not None
    edit_feeds(feeds, lambda doc, cfg: restore_feed(doc, removed))
    assert feeds.read_text() == text


def load_config_text(text: str, path: Path) -> Config:
    return parse_config(text, path)


def test_rename_sets_and_drops_the_title(feeds: Path) -> None:
    url = "https://two.example/rss"
    assert edit_feeds(feeds, lambda doc, cfg: rename_feed(doc, cfg, url, "Two [b]x[/b]"))
    assert load_config(feeds).subscription(url).title == "Two [b]x[/b]"  # type: ignore[union-attr]
    edit_feeds(feeds, lambda doc, cfg: rename_feed(doc, cfg, url, None))
    assert load_config(feeds).subscription(url).title is None  # type: ignore[union-attr]
    assert "keep_days = 30  # a month" in feeds.read_text()


def test_a_change_that_breaks_the_file_is_not_written(feeds: Path) -> None:
    def bad(doc: tomlkit.TOMLDocument, config: Config) -> None:
        add_feeds(doc, [NewFeed("https://one.example/rss")])  # a second [[feed]] with one url

    with pytest.raises(ConfigError, match="repeats the url"):
        edit_feeds(feeds, bad)
    assert feeds.read_text() == MINE


def test_an_edit_saved_meanwhile_is_kept(feeds: Path) -> None:
    calls = []

    def add_while_someone_edits(doc: tomlkit.TOMLDocument, config: Config) -> None:
        calls.append(len(config.feeds))
        if len(calls) == 1:  # an editor saves the file while newsterm works
            feeds.write_text(MINE + '\n[[feed]]\nurl = "https://edited.example/rss"\n')
        add_feeds(doc, [NewFeed("https://added.example/rss", "Added")])

    edit_feeds(feeds, add_while_someone_edits)
    assert calls == [2, 3]
    urls = [s.url for s in load_config(feeds).feeds]
    assert urls[-2:] == ["https://edited.example/rss", "https://added.example/rss"]


def test_a_file_that_never_settles_is_left_alone(
    feeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def always_changing(doc: tomlkit.TOMLDocument, config: Config) -> None:
        add_feeds(doc, [NewFeed("https://three.example/rss")])
        feeds.write_text(feeds.read_text() + "\n# again\n")

    with pytest.raises(ConfigError, match="kept changing"):
        edit_feeds(feeds, always_changing)
    assert feeds.read_text().count("# again") == feeds_file.ATTEMPTS


def test_a_symlinked_feeds_toml_stays_a_link(tmp_path: Path, feeds: Path) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(feeds)
    edit_feeds(link, lambda doc, cfg: add_feeds(doc, [NewFeed("https://three.example/rss")]))
    assert link.is_symlink()
    assert "three.example" in feeds.read_text()


def test_a_missing_file_is_created(tmp_path: Path) -> None:
    path = tmp_path / "new" / "feeds.toml"
    edit_feeds(
        path, lambda doc, cfg: add_feeds(doc, [NewFeed("https://a.example/rss", tags=("t",))])
    )
    assert load_config(path).feeds[0].tags == ("t",)


def test_nothing_to_add_leaves_the_file_untouched(tmp_path: Path) -> None:
    """A file with no [[feed]] yet: adding nothing neither writes 'feed = []' nor saves."""
    path = tmp_path / "feeds.toml"
    path.write_text("# mine\n[settings]\nkeep_days = 30\n")
    before = path.stat().st_mtime_ns
    edit_feeds(path, lambda doc, cfg: add_feeds(doc, []))
    assert path.read_text() == "# mine\n[settings]\nkeep_days = 30\n"
    assert path.stat().st_mtime_ns == before


def test_remove_then_restore_from_the_file_gives_back_the_same_bytes(feeds: Path) -> None:
    # Read again between the two edits, the blank line left behind merges with the one
    # before it: restore must still hand it back to the feed it came from.
    text = "# mine\n" + "".join(
        f'[[feed]]\nurl = "https://{n}.example/rss"\ntags = ["t"]\n\n' for n in ("a", "b", "c")
    )
    feeds.write_text(text)
    for url in ("https://b.example/rss", "https://a.example/rss", "https://c.example/rss"):
        removed = edit_feeds(feeds, lambda doc, cfg, url=url: remove_feed(doc, cfg, url))
        assert removed is not None and url not in feeds.read_text()
        edit_feeds(feeds, lambda doc, cfg, removed=removed: restore_feed(doc, removed))
        assert feeds.read_text() == text
