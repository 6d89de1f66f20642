"""`newsterm mark` and `articles --starred`: scripts change what the app shows."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsterm import cli
from newsterm.models import FetchResult, ParsedEntry, ParsedFeed
from newsterm.store import Store

URL = "https://mark.example/feed"
NOW = datetime(2026, 11, 20, tzinfo=UTC)


@pytest.fixture
def paths(tmp_path: Path) -> list[str]:
    feeds, db = tmp_path / "feeds.toml", tmp_path / "cache.db"
    feeds.write_text(f'[[feed]]\nurl = "{URL}"\n')
    entries = tuple(
        ParsedEntry(f"g{n}", f"Story {n}", f"https://mark.example/{n}", "", NOW, None, "", "")
        for n in range(3)
    )
    with Store.open(db) as store:
        result = FetchResult(url=URL, final_url=URL, status=200, body=b"<rss/>")
        store.save_feed(URL, result, ParsedFeed("Mark", URL, entries), now=NOW)
    return ["--feeds", str(feeds), "--db", str(db)]


def _rows(paths: list[str], capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict]:
    capsys.readouterr()
    assert cli.main(["articles", "--json", *extra, *paths]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_star_read_unstar_by_id(paths: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    first, second = (row["id"] for row in _rows(paths, capsys)[:2])
    assert cli.main(["mark", "--star", str(first), str(second), *paths]) == 0
    assert {row["id"] for row in _rows(paths, capsys, "--starred")} == {first, second}
    assert cli.main(["mark", "--unstar", str(second), *paths]) == 0
    assert cli.main(["mark", "--read", str(first), *paths]) == 0
    starred = _rows(paths, capsys, "--starred")
    assert [(row["id"], row["read"], row["starred"]) for row in starred] == [(first, True, True)]
    assert cli.main(["mark", "--unread", str(first), *paths]) == 0
    assert len(_rows(paths, capsys, "--unread")) == 3


def test_unknown_ids_change_nothing(paths: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    known = _rows(paths, capsys)[0]["id"]
    assert cli.main(["mark", "--read", str(known), "999999", *paths]) == 1
    assert "no article with id 999999" in capsys.readouterr().err
    assert len(_rows(paths, capsys, "--unread")) == 3


def test_read_a_whole_feed_or_everything(
    paths: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["mark", "--read", "--feed", URL, *paths]) == 0
    assert capsys.readouterr().out.strip() == "marked 3 articles read"
    assert cli.main(["mark", "--unread", "--all", *paths]) == 2  # --all goes with --read
    assert cli.main(["mark", "--read", "--all", *paths]) == 0
    assert capsys.readouterr().out.strip().endswith("marked 0 articles read")
