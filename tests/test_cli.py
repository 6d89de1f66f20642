"""The command line as a user runs it: real processes, real files, no network."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def rss(title: str, items: list[tuple[str, str, int]]) -> str:
    """An RSS document whose items are (guid, title, day of November 2026)."""
    body = "".join(
        f"<item><title>{t}</title><link>https://example.org/{g}</link><guid>{g}</guid>"
        f"<pubDate>{day:02d} Nov 2026 10:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;Body of {t}.&lt;/p&gt;</description></item>"
        for g, t, day in items
    )
    channel = f"<channel><title>{title}</title>{body}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """An environment whose XDG folders are inside tmp_path, so no test sees the user's files."""
    home = tmp_path / "home"
    home.mkdir()
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("NEWSTERM_")},
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
    }


@pytest.fixture
def feeds(tmp_path: Path) -> Path:
    (tmp_path / "a.xml").write_text(rss("Alpha", [("a1", "First", 1), ("a2", "Second", 2)]))
    (tmp_path / "b.xml").write_text(rss("Beta", [("b1", "Third", 3)]))
    path = tmp_path / "feeds.toml"
    path.write_text('[[feed]]\nurl = "a.xml"\n\n[[feed]]\nurl = "b.xml"\ntitle = "Bee"\n')
    return path


def newsterm(*args: str, env: dict[str, str], stdin: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "newsterm", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_version_and_help(env: dict[str, str]) -> None:
    from newsterm import __version__

    assert newsterm("--version", env=env).stdout.strip() == f"newsterm {__version__}"
    out = newsterm("--help", env=env)
    assert out.returncode == 0
    for command in ("refresh", "articles", "show", "strip", "--demo"):
        assert command in out.stdout


def test_refresh_then_articles(env: dict[str, str], feeds: Path, tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    first = newsterm("refresh", "--feeds", str(feeds), "--db", str(db), env=env)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("2 feeds: 2 ok (0 not modified), 0 failed; 3 new articles in")
    second = newsterm("refresh", "--feeds", str(feeds), "--db", str(db), env=env)
    assert "; 0 new articles in" in second.stdout

    out = newsterm("articles", "--json", "--feeds", str(feeds), "--db", str(db), env=env)
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["title"] for r in records] == ["Third", "Second", "First"]
    assert set(records[0]) == {
        "id",
        "feed_url",
        "feed_title",
        "title",
        "link",
        "published",
        "read",
        "starred",
    }
    assert records[0]["feed_title"] == "Bee"
    assert records[1]["link"] == "https://example.org/a2"
    assert records[0]["published"].startswith("2026-11-03T10:00:00")
    assert not any(r["read"] or r["starred"] for r in records)

    only_b = newsterm(
        "articles",
        "--json",
        "--feed",
        records[0]["feed_url"],
        "--feeds",
        str(feeds),
        "--db",
        str(db),
        env=env,
    )
    assert len(only_b.stdout.splitlines()) == 1


def test_failed_feed_is_reported_not_fatal(env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "ok.xml").write_text(rss("Ok", [("x", "X", 1)]))
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feed]]\nurl = "ok.xml"\n[[feed]]\nurl = "missing.xml"\n')
    out = newsterm("refresh", "--feeds", str(feeds), "--db", str(tmp_path / "c.db"), env=env)
    assert out.returncode == 0
    assert "2 feeds: 1 ok (0 not modified), 1 failed; 1 new article in" in out.stdout
    assert "failed: " in out.stderr and "missing.xml" in out.stderr
    assert "Traceback" not in out.stderr


def test_bad_config_exits_2_with_file_and_line(env: dict[str, str], tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[settings]\nconcurrency = "lots"\n\n[[feed]]\ntitle = "no url"\n')
    out = newsterm("refresh", "--feeds", str(feeds), "--db", str(tmp_path / "c.db"), env=env)
    assert out.returncode == 2
    lines = out.stderr.splitlines()
    assert lines == [
        f"newsterm: {feeds}:2: settings.concurrency must be a whole number, 1-256, not 'lots'",
        f"newsterm: {feeds}:4: feed #1: missing url",
    ]
    assert "Traceback" not in out.stderr


def test_first_run_creates_default_feeds_file(env: dict[str, str]) -> None:
    out = newsterm("articles", env=env)
    created = Path(env["XDG_CONFIG_HOME"]) / "newsterm" / "feeds.toml"
    assert out.returncode == 0, out.stderr
    assert created.exists()
    assert f"created {created}" in out.stderr
    assert (Path(env["XDG_DATA_HOME"]) / "newsterm" / "newsterm.db").exists()
    again = newsterm("articles", env=env)
    assert "created" not in again.stderr


def test_environment_overrides_paths(env: dict[str, str], feeds: Path, tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    env = {**env, "NEWSTERM_FEEDS": str(feeds), "NEWSTERM_DB": str(db)}
    assert newsterm("refresh", env=env).returncode == 0
    assert db.exists()
    assert not (Path(env["XDG_CONFIG_HOME"]) / "newsterm").exists()


def test_corrupt_cache_is_moved_aside_not_deleted(
    env: dict[str, str], feeds: Path, tmp_path: Path
) -> None:
    db = tmp_path / "cache.db"
    garbage = b"this is not a database\x00" * 300
    db.write_bytes(garbage)
    out = newsterm("refresh", "--feeds", str(feeds), "--db", str(db), env=env)
    assert out.returncode == 0, out.stderr
    assert "damaged" in out.stderr and "moved to" in out.stderr
    moved = [p for p in tmp_path.iterdir() if p.name.startswith("cache.db.corrupt-")]
    assert len(moved) == 1 and moved[0].read_bytes() == garbage
    assert moved[0].name in out.stderr
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_newer_cache_is_refused(env: dict[str, str], feeds: Path, tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 9999")
    con.close()
    out = newsterm("articles", "--feeds", str(feeds), "--db", str(db), env=env)
    assert out.returncode == 2
    assert "newer" in out.stderr and "Traceback" not in out.stderr


def test_output_to_a_closed_pipe_is_quiet(env: dict[str, str], tmp_path: Path) -> None:
    # Enough articles that the output overflows the pipe buffer after `head` leaves.
    (tmp_path / "big.xml").write_text(rss("Big", [(f"g{i}", f"Story {i}", 1) for i in range(3000)]))
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feed]]\nurl = "big.xml"\n')
    db = tmp_path / "cache.db"
    newsterm("refresh", "--feeds", str(feeds), "--db", str(db), env=env)
    proc = subprocess.run(
        f"{sys.executable} -m newsterm articles --json --feeds {feeds} --db {db} | head -1",
        shell=True, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert json.loads(proc.stdout)["title"].startswith("Story")
    assert proc.stderr == ""


def test_unusable_folders_are_reported_without_a_traceback(
    env: dict[str, str], feeds: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    out = newsterm("articles", "--feeds", str(feeds), "--db", str(blocker / "c.db"), env=env)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "cache folder" in out.stderr
    no_config = {**env, "XDG_CONFIG_HOME": str(blocker)}
    out = newsterm("articles", "--db", str(tmp_path / "c.db"), env=no_config)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "cannot create it" in out.stderr


def test_empty_cache_says_how_to_fill_it(env: dict[str, str], feeds: Path, tmp_path: Path) -> None:
    out = newsterm("articles", "--feeds", str(feeds), "--db", str(tmp_path / "c.db"), env=env)
    assert out.returncode == 0 and out.stdout == ""
    assert "run `newsterm refresh`" in out.stderr


ARTICLE = (
    "<p>The council voted 7-2 on Tuesday to approve the new budget.</p>"
    "<p>Musk donated $250 million to the super PAC, filings show.</p>"
    '<p>We rely on readers like you. <a href="https://example.org/donate">Make a '
    "tax-deductible donation today</a> to support our nonprofit newsroom.</p>"
)


def test_strip_prints_kept_text_and_json_covers_the_whole_article(env: dict[str, str]) -> None:
    out = newsterm("strip", "-", env=env, stdin=ARTICLE)
    assert out.returncode == 0, out.stderr
    assert "council voted 7-2" in out.stdout and "Musk donated" in out.stdout
    assert "tax-deductible" not in out.stdout

    record = json.loads(newsterm("strip", "--json", env=env, stdin=ARTICLE).stdout)
    assert record["kept"] == [
        "The council voted 7-2 on Tuesday to approve the new budget.",
        "Musk donated $250 million to the super PAC, filings show.",
    ]
    (removed,) = record["removed"]
    assert removed["text"].startswith("We rely on readers like you.")
    assert "tax-deductible" in removed["reason"] or "donat" in removed["reason"]


def test_strip_reads_plain_text_files(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Rain is expected all weekend.\n\n"
        "Support independent journalism: become a member today for $5 a month.\n"
    )
    out = newsterm("strip", str(path), env=env)
    assert "Rain is expected" in out.stdout and "become a member" not in out.stdout
    missing = newsterm("strip", str(tmp_path / "nope.html"), env=env)
    assert missing.returncode == 2 and "cannot read" in missing.stderr


def test_show_prints_the_stripped_article_and_the_original_on_request(
    env: dict[str, str], tmp_path: Path
) -> None:
    content = ARTICLE.replace("<", "&lt;").replace(">", "&gt;")
    (tmp_path / "f.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>City Desk</title>'
        "<item><title>Budget passes</title><guid>b1</guid><link>https://example.org/b</link>"
        f"<description>{content}</description></item></channel></rss>"
    )
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feed]]\nurl = "f.xml"\n')
    db = str(tmp_path / "c.db")
    newsterm("refresh", "--feeds", str(feeds), "--db", db, env=env)
    (record,) = [
        json.loads(line)
        for line in newsterm(
            "articles", "--json", "--feeds", str(feeds), "--db", db, env=env
        ).stdout.splitlines()
    ]
    shown = newsterm("show", str(record["id"]), "--feeds", str(feeds), "--db", db, env=env)
    assert shown.returncode == 0, shown.stderr
    assert "Budget passes" in shown.stdout and "council voted 7-2" in shown.stdout
    assert "tax-deductible" not in shown.stdout
    assert "1 donation appeal hidden" in shown.stdout
    original = newsterm(
        "show", str(record["id"]), "--original", "--feeds", str(feeds), "--db", db, env=env
    )
    assert "tax-deductible" in original.stdout
    absent = newsterm("show", "999", "--feeds", str(feeds), "--db", db, env=env)
    assert absent.returncode == 1 and "no article with id 999" in absent.stderr
