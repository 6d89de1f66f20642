"""feeds.toml validation: every fault is one clear line naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsterm.config import Settings, load_config, parse_config
from newsterm.config_lines import LineFinder
from newsterm.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def problems(text: str, path: Path = Path("/cfg/feeds.toml")) -> list[str]:
    with pytest.raises(ConfigError) as info:
        parse_config(text, path)
    return info.value.problems


def test_shipped_default_config_is_valid_and_has_a_dozen_feeds() -> None:
    config = load_config(ROOT / "feeds.toml")
    assert 10 <= len(config.feeds) <= 16
    assert all(f.url.startswith("https://") for f in config.feeds)
    assert config.settings == Settings()


def test_packaged_default_is_the_top_level_file() -> None:
    from newsterm.paths import default_feeds_text

    assert default_feeds_text() == (ROOT / "feeds.toml").read_text("utf-8")


def test_full_example_parses() -> None:
    config = parse_config(
        """
[settings]
refresh_minutes = 0
refresh_on_start = false
timeout_seconds = 5
concurrency = 3
keep_days = 7
strip_donations = false

[[feed]]
url = "https://example.org/feed/"
title = " Example "
tags = ["news", "local"]
strip = false
strip_patterns = ["Support us.*"]
strip_selectors = [".donate-box"]
""",
        Path("/cfg/feeds.toml"),
    )
    assert config.settings == Settings(0, False, 5.0, 3, 7, False)
    (feed,) = config.feeds
    assert feed.title == "Example"
    assert feed.tags == ("news", "local")
    assert feed.strip is False
    assert feed.strip_patterns == ("Support us.*",)
    assert feed.strip_selectors == (".donate-box",)


def test_empty_file_is_an_empty_config() -> None:
    config = parse_config("")
    assert config.feeds == () and config.settings == Settings()


def test_syntax_error_names_file_line_and_column() -> None:
    (line,) = problems('[[feed]]\nurl = "https://a.example/\n')
    # Column 26 is the end of line 2, where the string is still open.
    assert line.startswith("/cfg/feeds.toml:2:26: TOML syntax error: ")


def test_unterminated_array_at_end_of_file_names_last_line() -> None:
    (line,) = problems("[settings]\nkeep_days = 3\nx = [\n")
    assert line.startswith("/cfg/feeds.toml:3:")


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ("[settings]\nconcurrency = 'x'\n", 2, "settings.concurrency must be a whole number"),
        ("[settings]\nconcurrency = 0\n", 2, "1-256"),
        ("[settings]\nrefresh_on_start = 1\n", 2, "true or false"),
        ("[settings]\nkeep_days = true\n", 2, "keep_days"),
        ("[settings]\n\nbogus = 1\n", 3, "unknown setting 'bogus'"),
        ("colour = 'red'\n", 1, "unknown key 'colour'"),
        ('[[feed]]\ntitle = "x"\n', 1, "feed #1: missing url"),
        ('[[feed]]\nurl = "gopher://x.example/"\n', 2, "only http, https and file"),
        ('[[feed]]\nurl = "example.com/rss"\n', 2, "did you mean https://example.com/rss"),
        ('[[feed]]\nurl = "https://"\n', 2, "has no host"),
        ('[[feed]]\nurl = "https://a.example/"\ntags = "x"\n', 3, "tags must be a list"),
        ('[[feed]]\nurl = "https://a.example/"\nstrip = "no"\n', 3, "strip must be true or false"),
        ('[[feed]]\nurl = "https://a.example/"\ncolour = 1\n', 3, "unknown key 'colour'"),
        ('[[feed]]\nurl = "https://a.example/"\nstrip_patterns = ["("]\n', 3, "bad regex"),
        ("[[feed]]\nurl = 5\n", 2, "url must be a non-empty string"),
        # Keys set in a sub-table or with a dotted key are found on their own line.
        ('[[feed]]\nurl = "https://a.example/"\n\n[feed.extra]\nx = 1\n', 4, "key 'extra'"),
        ('[[feed]]\nurl = "https://a.example/"\n[ feed . "tags" ]\n', 3, "tags must be a list"),
        ('[[feed]]\nurl = "https://a.example/"\n\nextra.x = 1\n', 4, "unknown key 'extra'"),
        ("[settings]\nkeep_days = 3\n\n[settings.more]\nx = 1\n", 4, "setting 'more'"),
        ("# mine\nsettings.bogus = 1\n", 2, "unknown setting 'bogus'"),
    ],
)
def test_each_fault_is_one_line_with_its_line_number(text: str, line: int, needle: str) -> None:
    (message,) = problems(text)
    assert message.startswith(f"/cfg/feeds.toml:{line}:"), message
    assert needle in message


def test_sub_table_fault_is_found_in_its_own_feed_entry() -> None:
    text = (
        '[[feed]]\nurl = "https://a.example/"\n[feed.extra]\nurl = "x"\n\n'
        '[[feed]]\nurl = "https://b.example/"\n\n[feed.extra]\nx = 1\n'
    )
    first, second = problems(text)
    assert first.startswith("/cfg/feeds.toml:3: feed #1 (https://a.example/): unknown key")
    assert second.startswith("/cfg/feeds.toml:9: feed #2 (https://b.example/): unknown key")


def test_duplicate_url_names_both_entries() -> None:
    text = '[[feed]]\nurl = "https://a.example/"\n\n[[feed]]\nurl = "https://a.example/"\n'
    (message,) = problems(text)
    assert message.startswith("/cfg/feeds.toml:4:")
    assert "feed #2 repeats the url https://a.example/ of feed #1" in message


def test_all_faults_are_reported_together() -> None:
    text = '[settings]\nkeep_days = -1\n[[feed]]\n[[feed]]\nurl = "ftp://x"\n'
    assert len(problems(text)) == 3


def test_relative_paths_resolve_next_to_the_file(tmp_path: Path) -> None:
    config = parse_config('[[feed]]\nurl = "local/feed.xml"\n', tmp_path / "feeds.toml")
    assert config.feeds[0].url == (tmp_path / "local" / "feed.xml").as_uri()


def test_missing_and_undecodable_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "absent.toml")
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe[settings]")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(bad)


def test_a_good_file_with_settings_is_read_without_looking_for_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Lines are found for a message only: each setting looked its line up, which read
    every line of a 2,000-feed file at every start."""

    def scan(self: LineFinder) -> None:
        raise AssertionError("a good feeds.toml was read line by line")

    monkeypatch.setattr(LineFinder, "_scan", scan)
    text = '[settings]\nrefresh_on_start = false\nkeep_days = 30\n\n[[feed]]\nurl = "https://a.example/f"\n'
    config = parse_config(text)
    assert config.settings.keep_days == 30 and not config.settings.refresh_on_start
