"""The cache under faults: a full disk, damaged and foreign files, a newer schema, two
processes at once, read-only files and folders. Each gives a clear message (never a
traceback), keeps what was stored, and never deletes a user's bytes."""

from __future__ import annotations

import ctypes
import os
import random
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cli_run import newsterm
from httpserver import LoopbackServer, respond
from newsterm.config import parse_config
from newsterm.errors import CacheCorrupt, CacheFull, StoreError
from newsterm.feeds.parse import parse_feed
from newsterm.models import FetchResult
from newsterm.refresh import refresh
from newsterm.store import Store

T0 = datetime(2026, 2, 1, tzinfo=UTC)
FEEDS = 20
ITEMS = 30


def rss(title: str, n: int, *, version: int = 1, size: int = 200) -> bytes:
    items = "".join(
        f"<item><title>{title} {i} v{version}</title><guid>{title}-{i}</guid>"
        f"<description>{'w' * size} v{version}</description></item>"
        for i in range(n)
    )
    return f'<rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'.encode()


def flags(db: Path) -> dict[str, tuple[int, int]]:
    """Every article's (read, starred), after checking the file's integrity."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = con.execute("SELECT guid, read, starred FROM articles")
        return {guid: (read, starred) for guid, read, starred in rows}
    finally:
        con.close()


def mark_some(db: Path) -> None:
    con = sqlite3.connect(db)
    con.execute("UPDATE articles SET read = 1 WHERE id % 3 = 0")
    con.execute("UPDATE articles SET starred = 1 WHERE id % 5 = 0")
    con.commit()
    con.close()


def assert_clean_failure(out: subprocess.CompletedProcess[str], *needles: str) -> None:
    """Exit status 2, a message naming the problem, and no traceback."""
    assert out.returncode == 2, (out.returncode, out.stderr)
    assert "Traceback" not in out.stderr, out.stderr
    assert out.stderr.startswith("newsterm: "), out.stderr
    for needle in needles:
        assert needle in out.stderr, out.stderr


@pytest.fixture
def local_feeds(tmp_path: Path) -> Path:
    """feeds.toml naming two local files, so CLI runs need no server."""
    (tmp_path / "a.xml").write_bytes(rss("Alpha", 5))
    (tmp_path / "b.xml").write_bytes(rss("Beta", 3))
    path = tmp_path / "feeds.toml"
    path.write_text('[[feed]]\nurl = "a.xml"\n\n[[feed]]\nurl = "b.xml"\n', encoding="utf-8")
    return path


# -- a full disk ----------------------------------------------------------------------------


async def test_full_cache_fails_the_feed_clearly_and_keeps_earlier_rows(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    small = http_server.route("/small.xml", respond(rss("Small", 5)))
    big = http_server.route("/big.xml", respond(rss("Big", 300, size=4000)))
    cfg = parse_config(f'[[feed]]\nurl = "{small}"\n[[feed]]\nurl = "{big}"\n')
    db = tmp_path / "cache.db"
    with Store.open(db) as store:
        await refresh(parse_config(f'[[feed]]\nurl = "{small}"\n'), store)
        mark_some(db)
        before = flags(db)
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages + 4}")
        summary = await refresh(cfg, store)
        outcome = {o.url: o for o in summary.outcomes}
        assert outcome[small].ok
        assert not outcome[big].ok and "full" in (outcome[big].error or "")
        assert store.count_articles(feed_urls=[big]) == 0  # all of its write rolled back
        with pytest.raises(CacheFull, match="nothing from this write was saved"):
            body = rss("Big", 300, size=4000)
            store.save_feed(
                big, FetchResult(big, big, 200, body), parse_feed(body, url=big), now=T0
            )
        store._conn.execute("PRAGMA max_page_count = 1073741823")
        assert (await refresh(cfg, store)).new == 300  # room again: nothing was left half-done
    after = flags(db)
    assert {g: f for g, f in after.items() if g in before} == before


def limit_file_size(limit: int) -> Callable[[], None]:
    """A preexec_fn: files may not grow past ``limit`` bytes, and writes past it just fail."""
    import resource
    import signal

    def preexec() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return preexec


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE emulates a full disk on Linux")
def test_disk_full_under_the_cli_is_reported_per_feed(
    env: dict[str, str], local_feeds: Path, tmp_path: Path
) -> None:
    db = tmp_path / "cache.db"
    assert (
        newsterm("refresh", "--feeds", str(local_feeds), "--db", str(db), env=env).returncode == 0
    )
    mark_some(db)
    before = flags(db)
    (tmp_path / "a.xml").write_bytes(rss("Alpha", 400, version=2, size=4000))  # needs ~2 MB
    out = newsterm(
        "refresh", "--feeds", str(local_feeds), "--db", str(db),
        env=env, preexec=limit_file_size(db.stat().st_size + 64 * 1024),
    )  # fmt: skip
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    assert "failed: Alpha: cache " in out.stderr and "disk" in out.stderr, out.stderr
    assert flags(db) == before  # the Alpha write rolled back whole; Beta had nothing new


# -- damaged, foreign and misplaced files ---------------------------------------------------


def filled_cache(path: Path) -> bytes:
    """A cache with 200 articles over many pages; returns its bytes."""
    with Store.open(path) as store:
        body = rss("Full", 200, size=3000)
        url = "https://full.example/feed"
        store.save_feed(url, FetchResult(url, url, 200, body), parse_feed(body, url=url), now=T0)
    return path.read_bytes()


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated to 100 bytes": lambda b: b[:100],
    "truncated to the magic string": lambda b: b[:16],
    "truncated mid-page": lambda b: b[:6144],
    "truncated to half": lambda b: b[: len(b) // 2],
    "header page zeroed": lambda b: bytes(4096) + b[4096:],
    "second page zeroed": lambda b: b[:4096] + bytes(4096) + b[8192:],
    "second half zeroed": lambda b: b[: len(b) // 2] + bytes(len(b) - len(b) // 2),
    "all zeros": lambda b: bytes(len(b)),
    "random bytes": lambda b: random.Random(5).randbytes(len(b)),
    "magic then junk": lambda b: b"SQLite format 3\x00" + b"\xff" * 5000,
    "a text file": lambda b: b"[[feed]]\nurl = 'https://oops.example/'\n",
}


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_damaged_cache_is_moved_aside_with_its_bytes(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "cache.db"
    damaged = DAMAGE[damage](filled_cache(path))
    path.write_bytes(damaged)
    with pytest.raises(CacheCorrupt) as caught:
        Store.open(path)
    moved = caught.value.moved_to
    assert moved is not None and moved.read_bytes() == damaged
    message = str(caught.value)
    assert str(moved) in message and "\n" not in message
    assert not path.exists()
    with Store.open(path) as fresh:  # and the name is free for a new cache
        assert fresh.count_articles() == 0


def test_damaged_cache_under_the_cli_is_replaced_and_kept(
    env: dict[str, str], local_feeds: Path, tmp_path: Path
) -> None:
    db = tmp_path / "cache.db"
    damaged = DAMAGE["second page zeroed"](filled_cache(db))
    db.write_bytes(damaged)
    out = newsterm("refresh", "--feeds", str(local_feeds), "--db", str(db), env=env)
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    (moved,) = [
        p for p in tmp_path.glob("cache.db.corrupt-*") if not p.name.endswith(("-wal", "-shm"))
    ]
    assert moved.read_bytes() == damaged and str(moved) in out.stderr
    assert len(flags(db)) == 8  # the new cache took both feeds


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_cache_path_that_is_no_file_is_refused(
    env: dict[str, str], local_feeds: Path, tmp_path: Path, kind: str
) -> None:
    db = tmp_path / "cache.db"
    if kind == "folder":
        db.mkdir()
        (db / "keep.txt").write_text("mine")
    else:
        os.mkfifo(db)  # opening it to read would block forever
    out = newsterm("refresh", "--feeds", str(local_feeds), "--db", str(db), env=env)
    assert_clean_failure(out, str(db), "not a database file")
    assert db.exists() and not list(tmp_path.glob("cache.db.corrupt-*"))
    if kind == "folder":
        assert (db / "keep.txt").read_text() == "mine"


def test_a_newer_schema_is_refused_and_left_untouched(
    env: dict[str, str], local_feeds: Path, tmp_path: Path
) -> None:
    db = tmp_path / "cache.db"
    filled_cache(db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 42")
    con.close()
    original = db.read_bytes()
    for command in ("refresh", "articles"):
        out = newsterm(command, "--feeds", str(local_feeds), "--db", str(db), env=env)
        assert_clean_failure(out, "newer newsterm", "schema 42")
    assert db.read_bytes() == original
    assert not list(tmp_path.glob("cache.db.corrupt-*"))


def test_a_foreign_sqlite_database_is_refused_and_left_untouched(
    env: dict[str, str], local_feeds: Path, tmp_path: Path
) -> None:
    db = tmp_path / "photos.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, data BLOB)")
    con.execute("INSERT INTO photos (data) VALUES (x'00ff')")
    con.commit()
    con.close()
    original = db.read_bytes()
    out = newsterm("refresh", "--feeds", str(local_feeds), "--db", str(db), env=env)
    assert_clean_failure(out, "not a newsterm cache")
    assert db.read_bytes() == original


# -- two processes on one cache -------------------------------------------------------------


@pytest.fixture
def served(http_server: LoopbackServer, tmp_path: Path) -> Iterator[Callable[[int], Path]]:
    """Serve FEEDS feeds at a content version; returns feeds.toml."""
    feeds = tmp_path / "feeds.toml"

    def serve(version: int) -> Path:
        lines = []
        for n in range(FEEDS):
            body = rss(f"F{n}", ITEMS, version=version, size=600)
            url = http_server.route(f"/f{n}.xml", respond(body, delay=0.02 * (n % 4)))
            lines.append(f'[[feed]]\nurl = "{url}"\n')
        feeds.write_text("".join(lines), encoding="utf-8")
        return feeds

    yield serve


def test_two_refreshes_at_once_both_work_and_lose_nothing(
    env: dict[str, str], served: Callable[[int], Path], tmp_path: Path
) -> None:
    db = tmp_path / "cache.db"
    feeds = served(1)
    assert newsterm("refresh", "--feeds", str(feeds), "--db", str(db), env=env).returncode == 0
    mark_some(db)
    before = flags(db)
    assert len(before) == FEEDS * ITEMS
    served(2)  # new content: both processes really write
    command = [sys.executable, "-m", "newsterm", "refresh", "--feeds", str(feeds), "--db", str(db)]
    procs = [
        subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = [(p.wait(timeout=60), *p.communicate()) for p in procs]
    for code, _out, err in results:
        assert "Traceback" not in err, err
        # Both finish; a feed may only fail by saying plainly that the other holds the lock.
        assert code == 0, err
        for line in err.splitlines():
            assert not line.startswith("failed:") or "locked by another program" in line, err
    assert flags(db) == before
    con = sqlite3.connect(db)
    titles = {t for (t,) in con.execute("SELECT title FROM articles")}
    con.close()
    assert all(t.endswith("v2") for t in titles)


def test_the_app_marking_articles_while_a_refresh_runs(
    env: dict[str, str], served: Callable[[int], Path], tmp_path: Path
) -> None:
    """The app's store writes flags while `newsterm refresh` rewrites every article."""
    db = tmp_path / "cache.db"
    feeds = served(1)
    assert newsterm("refresh", "--feeds", str(feeds), "--db", str(db), env=env).returncode == 0
    served(2)
    errors: list[BaseException] = []
    marked: set[int] = set()
    with Store.open(db) as app_store:
        ids = [r.id for r in app_store.article_rows(limit=10_000)]
        stop = threading.Event()

        def mark() -> None:  # as a user pressing keys in the app would, all along
            try:
                while not stop.is_set():
                    for i in random.Random(len(marked)).sample(ids, 20):
                        app_store.set_read([i])
                        app_store.set_starred(i, True)
                        marked.add(i)
            except BaseException as exc:
                errors.append(exc)

        worker = threading.Thread(target=mark)
        worker.start()
        out = newsterm("refresh", "--feeds", str(feeds), "--db", str(db), env=env)
        stop.set()
        worker.join(timeout=30)
    assert errors == [] and marked
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    con = sqlite3.connect(db)
    rows = dict(con.execute("SELECT id, read + starred FROM articles").fetchall())
    con.close()
    assert all(rows[i] == 2 for i in marked)
    assert len(flags(db)) == FEEDS * ITEMS


# -- read-only files and folders --------------------------------------------------------------


def without_root_overrides() -> None:
    """preexec_fn: as root, give up bypassing file permissions, so read-only means read-only."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop capability")


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Callable[[Path], None]]:
    """Make paths read-only; restore them afterwards so tmp_path can be cleaned."""
    if sys.platform != "linux":
        pytest.skip("read-only emulation relies on Linux capabilities when run as root")
    probe = subprocess.run(
        [sys.executable, "-c", "pass"], preexec_fn=without_root_overrides, capture_output=True
    )
    if probe.returncode != 0:
        pytest.skip("cannot drop root's permission overrides here")
    changed: list[tuple[Path, int]] = []

    def make(path: Path) -> None:
        changed.append((path, path.stat().st_mode))
        path.chmod(0o555 if path.is_dir() else 0o444)

    yield make
    for path, mode in reversed(changed):
        path.chmod(mode)


def run_unprivileged(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return newsterm(*args, env=env, preexec=without_root_overrides)


def test_a_read_only_cache_file_is_a_clear_error(
    env: dict[str, str], local_feeds: Path, tmp_path: Path, read_only: Callable[[Path], None]
) -> None:
    db = tmp_path / "cache.db"
    filled_cache(db)
    (tmp_path / "b.xml").write_bytes(rss("Beta", 3, version=2))
    read_only(db)
    original = db.read_bytes()
    out = run_unprivileged("refresh", "--feeds", str(local_feeds), "--db", str(db), env=env)
    assert_clean_failure(out, str(db), "read-only")
    assert db.read_bytes() == original


def test_a_read_only_folder_is_a_clear_error(
    env: dict[str, str], local_feeds: Path, tmp_path: Path, read_only: Callable[[Path], None]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    filled_cache(folder / "cache.db")
    for wal in folder.glob("cache.db-*"):
        wal.unlink()
    read_only(folder)
    existing = run_unprivileged(
        "refresh", "--feeds", str(local_feeds), "--db", str(folder / "cache.db"), env=env
    )
    assert_clean_failure(existing, "read-only")
    new = run_unprivileged(
        "refresh", "--feeds", str(local_feeds), "--db", str(folder / "new.db"), env=env
    )
    assert_clean_failure(new, "cannot open cache", "read-only")


@pytest.mark.parametrize("where", ["under a file", "under a read-only folder"])
def test_a_cache_folder_that_cannot_be_made_is_a_clear_error(
    env: dict[str, str],
    local_feeds: Path,
    tmp_path: Path,
    read_only: Callable[[Path], None],
    where: str,
) -> None:
    if where == "under a file":
        (tmp_path / "plain").write_text("not a folder")
        db = tmp_path / "plain" / "cache.db"
    else:
        (tmp_path / "locked").mkdir()
        read_only(tmp_path / "locked")
        db = tmp_path / "locked" / "sub" / "cache.db"
    out = run_unprivileged("refresh", "--feeds", str(local_feeds), "--db", str(db), env=env)
    assert_clean_failure(out, "cache folder")


def test_store_open_reports_a_folder_it_cannot_make(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("not a folder")
    with pytest.raises(StoreError, match="cannot use the cache folder"):
        Store.open(tmp_path / "plain" / "cache.db")


def test_failed_opens_leave_nothing_behind(tmp_path: Path) -> None:
    """A failed open leaves nothing behind that would block the next one."""
    db = tmp_path / "cache.db"
    db.write_bytes(b"junk" * 100)
    for _ in range(3):
        with pytest.raises(CacheCorrupt):
            Store.open(db, busy_timeout=0.1)
        db.write_bytes(b"junk" * 100)
    db.unlink()
    with Store.open(db, busy_timeout=0.1) as store:
        store.save_failure("https://x.example/", "e", now=T0 + timedelta(days=1))
    assert len(list(tmp_path.glob("cache.db.corrupt-*"))) == 3
