"""Full-text search on a 300,000-article cache: first page time and the index's size.

Run with ``-m benchmark``. Builds a cache of 300 feeds x 1,000 articles whose bodies are
drawn from a 30,000-word vocabulary with Zipf-like frequencies (about 2 KB of HTML each),
then times what the app does for a search's first page: the ranked ids (up to 1,000) and
the first 100 rows. Prints the median for each kind of query, and how much the index adds
to the cache (the same file with the index dropped and vacuumed is the base).
"""

from __future__ import annotations

import itertools
import random
import shutil
import sqlite3
import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsterm.models import FetchResult, ParsedEntry, ParsedFeed
from newsterm.store import Store

pytestmark = pytest.mark.benchmark

FEEDS, PER_FEED = 300, 1_000
NOW = datetime(2026, 11, 20, tzinfo=UTC)
SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "qu", "be", "di", "fo")


def _vocabulary(rng: random.Random, size: int = 30_000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _build(path: Path) -> list[str]:
    rng = random.Random(9)
    vocab = _vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    with Store.open(path) as store:
        for f in range(FEEDS):
            url = f"https://feed{f}.example/rss"
            words = rng.choices(vocab, weights, k=PER_FEED * 310)
            entries = []
            for n in range(PER_FEED):
                chunk = words[n * 310 : (n + 1) * 310]
                body = "".join(f"<p>{' '.join(chunk[i : i + 60])}.</p>" for i in range(10, 310, 60))
                when = NOW - timedelta(minutes=f * PER_FEED + n)
                entries.append(
                    ParsedEntry(
                        f"{f}-{n}", " ".join(chunk[:8]), f"{url}/{n}", "", when, None, body, ""
                    )
                )
            result = FetchResult(url=url, final_url=url, status=200, body=b"<rss/>")
            store.save_feed(url, result, ParsedFeed(f"Feed {f}", url, tuple(entries)), now=NOW)
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return vocab


def _size_without_index(path: Path, work: Path) -> int:
    copy = work / "no-index.db"
    shutil.copy(path, copy)
    conn = sqlite3.connect(copy)
    conn.execute("DROP TABLE articles_fts")
    conn.execute("VACUUM")
    conn.close()
    return copy.stat().st_size


@pytest.mark.timeout(1800)
def test_search_first_page_and_index_size(tmp_path: Path) -> None:
    path = tmp_path / "big.db"
    started = time.perf_counter()
    vocab = _build(path)
    built = time.perf_counter() - started
    queries = {
        "rare word": vocab[20_000:20_020],
        "middling word": vocab[2_000:2_020],
        "common word": vocab[10:30],
        "two words": [f"{a} {b}" for a, b in zip(vocab[100:120], vocab[300:320], strict=True)],
        "phrase": [f'"{a} {b}"' for a, b in itertools.pairwise(vocab[0:21])],
        "prefix": [w[:4] + "*" for w in vocab[5_000:5_020]],
    }
    medians = {}
    with Store.open(path) as store:
        for kind, searches in queries.items():
            times = []
            for search in searches:
                begun = time.perf_counter()
                ids = store.search_ids(search)
                store.rows_by_ids(ids[:100])
                times.append(time.perf_counter() - begun)
            medians[kind] = statistics.median(times) * 1000
    full, base = path.stat().st_size, _size_without_index(path, tmp_path)
    added = (full - base) / base
    print(f"\nbuilt {FEEDS * PER_FEED:,} articles in {built:.0f} s; cache {full / 2**20:.0f} MiB")
    print(f"index adds {(full - base) / 2**20:.0f} MiB to {base / 2**20:.0f} MiB: {added:.0%}")
    for kind, ms in medians.items():
        print(f"first page, {kind}: median {ms:.1f} ms")
    overall = statistics.median(medians.values())
    print(f"median over kinds: {overall:.1f} ms")
    assert overall <= 50
    assert added <= 0.40
