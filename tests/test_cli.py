"""The command line as a user runs it: real processes, real files, no network."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import termios
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cli_run import newsterm
from httpserver import LoopbackServer, closed_port_url, respond
from newsterm import cli
from newsterm.refresh import FeedOutcome


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
def feeds(tmp_path: Path) -> Path:
    (tmp_path / "a.xml").write_text(rss("Alpha", [("a1", "First", 1), ("a2", "Second", 2)]))
    (tmp_path / "b.xml").write_text(rss("Beta", [("b1", "Third", 3)]))
    path = tmp_path / "feeds.toml"
    path.write_text('[[feed]]\nurl = "a.xml"\n\n[[feed]]\nurl = "b.xml"\ntitle = "Bee"\n')
    return path


def test_version_and_help(env: dict[str, str]) -> None:
    from newsterm import __version__

    assert newsterm("--version", env=env).stdout.strip() == f"newsterm {__version__}"
    out = newsterm("--help", env=env)
    assert out.returncode == 0
    for command in ("refresh", "articles", "show", "strip", "--demo"):
        assert command in out.stdout


def test_refresh_skips_what_is_not_due_unless_all(
    env: dict[str, str], tmp_path: Path, http_server: LoopbackServer
) -> None:
    body = rss("Fresh", [("f1", "One", 1)]).encode()
    fresh = http_server.route("/fresh.xml", respond(body, headers={"Cache-Control": "max-age=900"}))
    plain = http_server.route("/plain.xml", respond(rss("Plain", [("p1", "Two", 2)]).encode()))
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'[[feed]]\nurl = "{fresh}"\n\n[[feed]]\nurl = "{plain}"\n')
    db = tmp_path / "cache.db"
    paths = ("--feeds", str(feeds), "--db", str(db))
    assert newsterm("refresh", *paths, env=env).stdout.startswith("2 feeds: 2 ok (0 not mod")
    http_server.reset_counters()
    second = newsterm("refresh", *paths, env=env)
    assert second.stdout.startswith(
        "2 feeds: 1 ok (1 not modified), 0 failed, 1 not due (skipped); 0 new articles in"
    ), second.stdout
    assert http_server.requests_to("/fresh.xml") == []
    every = newsterm("refresh", "--all", *paths, env=env)
    assert every.stdout.startswith("2 feeds: 2 ok (2 not modified), 0 failed; 0 new"), every.stdout
    assert len(http_server.requests_to("/fresh.xml")) == 1


def test_articles_of_a_view(env: dict[str, str], feeds: Path, tmp_path: Path) -> None:
    text = feeds.read_text() + '\n[[view]]\ntitle = "Not bees"\nquery = "-feed:bee"\n'
    feeds.write_text(text)
    paths = ("--feeds", str(feeds), "--db", str(tmp_path / "cache.db"))
    assert newsterm("refresh", *paths, env=env).returncode == 0
    out = newsterm("articles", "--view", "not BEES", *paths, env=env)
    assert [line.split("  ")[-1] for line in out.stdout.splitlines()] == [
        "Alpha — Second",
        "Alpha — First",
    ]
    missing = newsterm("articles", "--view", "Bees", *paths, env=env)
    assert missing.returncode == 2
    assert missing.stderr == "newsterm: no [[view]] titled 'Bees' (views: 'Not bees')\n"
    none = newsterm("articles", "--view", "Not bees", "--starred", *paths, env=env)
    assert none.returncode == 0 and none.stdout == ""  # the cache has articles, none match
    assert none.stderr == "newsterm: no articles match: in view 'Not bees', starred\n"


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


def test_paths_may_come_before_the_command(
    env: dict[str, str], feeds: Path, tmp_path: Path
) -> None:
    db = tmp_path / "before.db"
    out = newsterm("--feeds", str(feeds), "--db", str(db), "refresh", env=env)
    assert out.returncode == 0 and out.stdout.startswith("2 feeds: 2 ok"), out.stderr
    assert db.exists() and not (Path(env["XDG_CONFIG_HOME"]) / "newsterm").exists()


def test_failed_feed_is_reported_not_fatal(env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "ok.xml").write_text(rss("Ok", [("x", "X", 1)]))
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feed]]\nurl = "ok.xml"\n[[feed]]\nurl = "missing.xml"\n')
    out = newsterm("refresh", "--feeds", str(feeds), "--db", str(tmp_path / "c.db"), env=env)
    assert out.returncode == 0
    assert "2 feeds: 1 ok (0 not modified), 1 failed; 1 new article in" in out.stdout
    assert "failed: " in out.stderr and "missing.xml" in out.stderr
    assert "Traceback" not in out.stderr


def test_network_failures_name_the_host(
    env: dict[str, str], tmp_path: Path, http_server: LoopbackServer
) -> None:
    refused = closed_port_url("/feed.xml")
    missing = http_server.route("/gone.xml", respond(b"", status=404))
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'[[feed]]\nurl = "{refused}"\n[[feed]]\nurl = "{missing}"\n')
    out = newsterm("refresh", "--feeds", str(feeds), "--db", str(tmp_path / "c.db"), env=env)
    host = refused.split("/")[2]
    assert f"failed: {refused}: connection refused ({host})\n" in out.stderr
    assert f"failed: {missing}: HTTP 404 Not Found\n" in out.stderr  # the server was reached


def test_failure_lines_never_show_credentials(capsys: pytest.CaptureFixture[str]) -> None:
    outcome = FeedOutcome(
        "https://me:secret@feeds.example:8443/rss", "Mine", ok=False, error="name not resolved"
    )
    cli._report_outcomes([outcome])
    assert capsys.readouterr().err == "failed: Mine: name not resolved (feeds.example:8443)\n"


def test_feed_found_on_a_page_is_reported_once(env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text(rss("Real", [("r1", "One", 1)]))
    (tmp_path / "page.html").write_text(
        '<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" '
        'href="feed.xml"></head><body>Home</body></html>'
    )
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feed]]\nurl = "page.html"\n')
    args = ("refresh", "--feeds", str(feeds), "--db", str(tmp_path / "c.db"))
    first = newsterm(*args, env=env)
    assert "is a web page; using its feed" in first.stderr and first.returncode == 0
    second = newsterm(*args, env=env)
    assert second.stdout.startswith("1 feed: 1 ok") and "web page" not in second.stderr


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


NOV_1 = datetime(2026, 11, 1, tzinfo=UTC)


def test_empty_cache_says_how_to_fill_it(env: dict[str, str], feeds: Path, tmp_path: Path) -> None:
    out = newsterm("articles", "--feeds", str(feeds), "--db", str(tmp_path / "c.db"), env=env)
    assert out.returncode == 0 and out.stdout == ""
    assert "run `newsterm refresh`" in out.stderr


def test_demo_refuses_paths_of_its_own(env: dict[str, str], tmp_path: Path) -> None:
    for flag in ("--feeds", "--db"):
        out = newsterm("--demo", flag, str(tmp_path / "x"), env=env)
        assert out.returncode == 2 and "Traceback" not in out.stderr
        assert "--demo" in out.stderr and flag in out.stderr
    assert not (tmp_path / "x").exists()


def read_some(fd: int) -> bytes:
    """What the terminal has to show within 10 ms; b"" once the other side closed it."""
    try:
        return os.read(fd, 65536) if select.select([fd], [], [], 0.01)[0] else b""
    except OSError:  # EIO: the app's end of the terminal is closed
        return b""


def test_demo_folder_goes_when_a_signal_comes_before_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    def unhandled(signum: int, frame: object) -> None:  # SIGHUP's default would end pytest
        raise AssertionError("newsterm left SIGHUP to its default action")

    def hang_up(config: object, store: cli.Store) -> int:
        store.close()
        assert [p.name[:14] for p in tmp_path.iterdir()] == ["newsterm-demo-"]
        signal.raise_signal(signal.SIGHUP)
        raise AssertionError("the signal did not end the demo")

    before = signal.signal(signal.SIGHUP, unhandled)
    try:
        monkeypatch.setattr(cli, "_launch", hang_up)
        with pytest.raises(SystemExit) as ended:
            cli.main(["--demo"])
        assert ended.value.code == 128 + signal.SIGHUP
        assert list(tmp_path.iterdir()) == []
        assert signal.getsignal(signal.SIGHUP) is unhandled
    finally:
        signal.signal(signal.SIGHUP, before)


def test_running_demo_exits_cleanly_on_a_signal(env: dict[str, str], tmp_path: Path) -> None:
    sig = signal.SIGTERM  # SIGHUP takes the same path (see the test above)
    temp = tmp_path / "temp"
    temp.mkdir()
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsterm", "--demo"],
        stdin=follower, stdout=follower, stderr=follower,
        env={**env, "TMPDIR": str(temp), "TERM": "xterm-256color"},
        start_new_session=True,
    )  # fmt: skip
    os.close(follower)
    screen = b""
    try:
        deadline = time.monotonic() + 30
        while b"Kernel Notes" not in screen:  # articles are listed: the app is up
            assert time.monotonic() < deadline and proc.poll() is None, screen[-2000:]
            screen += read_some(leader)
        assert len(list(temp.iterdir())) == 1
        proc.send_signal(sig)
        while proc.poll() is None:  # read on, or a full terminal would block the app's exit
            assert time.monotonic() < deadline, screen[-2000:]
            screen += read_some(leader)
        screen += read_some(leader)
    finally:
        proc.kill()
        proc.wait()
        os.close(leader)
    assert proc.returncode == 128 + sig, screen[-3000:]
    assert list(temp.iterdir()) == []
    assert b"\x1b[?1049l" in screen  # the app left the alternate screen: terminal restored


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


def test_a_json_feed_over_http_is_refreshed_and_listed(env: dict[str, str], tmp_path: Path) -> None:
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Field notes",
        "items": [
            {"id": "m1", "url": "/moths", "title": "Moths at the window", "content_text": "Forty."},
            {
                "id": "m2",
                "url": "/owls",
                "title": "Owls in the yard",
                "content_html": "<p>Two.</p>",
            },
        ],
    }
    with LoopbackServer() as server:
        url = server.route(
            "/feed.json",
            respond(json.dumps(doc).encode(), content_type="application/feed+json"),
        )
        feeds = tmp_path / "feeds.toml"
        feeds.write_text(f'[[feed]]\nurl = "{url}"\n')
        common = ("--feeds", str(feeds), "--db", str(tmp_path / "c.db"))
        out = newsterm("refresh", *common, env=env)
        assert "1 feed: 1 ok" in out.stdout and "2 new articles" in out.stdout, out.stderr
    listed = newsterm("articles", "--json", *common, env=env)
    titles = sorted(json.loads(line)["title"] for line in listed.stdout.splitlines())
    assert titles == ["Moths at the window", "Owls in the yard"]
