"""Big caches for the benchmarks, built once by real refreshes and kept between runs.

A cache of F feeds x M articles is built by ``newsterm refresh`` against the benchmark kit's
loopback feed server, ROUND_FEEDS feeds at a time (a server per round, on its own port, so
each round's feeds are new ones and the server holds only one round in memory). It is kept
under ``$NEWSTERM_BENCH_CACHE`` (default: the user cache folder), keyed by the schema
version, and used again while that version stands; a build that did not finish is redone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_path

from newsterm.store.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[2]
KIT = ROOT.parent / "shared" / "bench"
NEWSTERM = Path(sys.executable).parent / "newsterm"
CACHE_ENV = "NEWSTERM_BENCH_CACHE"
ROUND_FEEDS = 400
"""Feeds served (and refreshed) per build round."""
DESCRIPTION_BYTES = ("600", "1400")
"""Article bodies of 0.6-1.4 KB: a million of them in well under a gigabyte of server memory."""
BUILD_SECONDS = 3600


@dataclass(frozen=True)
class BuiltCache:
    """A cache and the feeds.toml listing its feeds."""

    db: Path
    feeds: Path
    articles: int


def cache_root() -> Path:
    """Where built caches are kept, outside the repository."""
    chosen = os.environ.get(CACHE_ENV)
    base = Path(chosen) if chosen else user_cache_path("newsterm-bench")
    return base / f"schema-{SCHEMA_VERSION}"


def built_cache(feeds: int, items: int) -> BuiltCache:
    """The cache of ``feeds`` x ``items`` articles, built now unless an earlier run made it."""
    folder = cache_root() / f"{feeds}x{items}"
    cache = BuiltCache(folder / "newsterm.db", folder / "feeds.toml", feeds * items)
    if (folder / "done").exists():
        return cache
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    sys.path.insert(0, str(KIT))
    import benchlib  # the kit's loopback feed server

    urls: list[str] = []
    for start in range(0, feeds, ROUND_FEEDS):
        count = min(ROUND_FEEDS, feeds - start)
        extra = ["--desc-min", DESCRIPTION_BYTES[0], "--desc-max", DESCRIPTION_BYTES[1]]
        with benchlib.FeedServer(count, items, max_seconds=BUILD_SECONDS, extra=extra) as server:
            batch = server.urls()
            write_feeds(folder / "round.toml", batch)
            refresh = [str(NEWSTERM), "refresh", "--all", "--feeds", str(folder / "round.toml")]
            subprocess.run([*refresh, "--db", str(cache.db)], check=True, timeout=BUILD_SECONDS,
                           capture_output=True)  # fmt: skip
        urls += batch
    write_feeds(cache.feeds, urls)
    (folder / "round.toml").unlink()
    (folder / "done").write_text(f"{feeds * items}\n")
    return cache


def write_feeds(path: Path, urls: list[str]) -> None:
    """A feeds.toml for a benchmark: no refresh on start, nothing pruned."""
    entries = "".join(f'[[feed]]\nurl = "{u}"\n\n' for u in urls)
    path.write_text(f"[settings]\nrefresh_on_start = false\nkeep_days = 36500\n\n{entries}")
