"""`newsterm export`: OPML 2.0 with tags as folders, that imports back, and into newsboat."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from newsterm import cli
from newsterm.config import load_config

DATA = Path(__file__).parent.parent / "data" / "opml"

FEEDS = """[[feed]]
url = "https://a.example/rss"
title = "A & <b>"
tags = ["news", "news/local"]

[[feed]]
url = "https://b.example/feed"

[[feed]]
url = "https://c.example/atom"
title = "C"
tags = ["deep/er/est"]
"""


def _feeds(config: Path) -> set[tuple[str, str | None, tuple[str, ...]]]:
    return {(s.url, s.title, s.tags) for s in load_config(config).feeds}


def test_export_then_import_gives_the_same_feeds(tmp_path: Path) -> None:
    source, copy, opml = tmp_path / "a.toml", tmp_path / "b.toml", tmp_path / "out.opml"
    source.write_text(FEEDS)
    assert cli.main(["export", "--feeds", str(source), "-o", str(opml)]) == 0
    assert cli.main(["import", str(opml), "--feeds", str(copy)]) == 0
    assert _feeds(copy) == {
        ("https://a.example/rss", "A & <b>", ("news", "news/local")),
        ("https://b.example/feed", "https://b.example/feed", ()),
        ("https://c.example/atom", "C", ("deep/er/est",)),
    }


@pytest.mark.parametrize("name", ["feedly.opml", "newsboat-urls", "liferea.opml"])
def test_import_export_import_is_stable(name: str, tmp_path: Path) -> None:
    first, second, opml = tmp_path / "1.toml", tmp_path / "2.toml", tmp_path / "x.opml"
    cli.main(["import", str(DATA / "good" / name), "--feeds", str(first)])
    cli.main(["export", "--feeds", str(first), "-o", str(opml)])
    cli.main(["import", str(opml), "--feeds", str(second)])
    assert {(u, tags) for u, _, tags in _feeds(second)} == {(u, t) for u, _, t in _feeds(first)}


def test_export_to_stdout_is_opml_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.toml"
    source.write_text(FEEDS)
    assert cli.main(["export", "--feeds", str(source)]) == 0
    out = capsys.readouterr().out
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    assert '<outline text="er" title="er">' in out
    assert 'title="A &amp; &lt;b&gt;"' in out


@pytest.mark.skipif(shutil.which("newsboat") is None, reason="newsboat is not installed")
def test_newsboat_reads_the_export(tmp_path: Path) -> None:
    source, opml = tmp_path / "a.toml", tmp_path / "out.opml"
    source.write_text(FEEDS)
    cli.main(["export", "--feeds", str(source), "-o", str(opml)])
    urls, config = tmp_path / "urls", tmp_path / "config"
    urls.touch()
    config.touch()
    argv = ["newsboat", "-C", str(config), "-u", str(urls), "-c", str(tmp_path / "cache.db")]
    done = subprocess.run([*argv, "-i", str(opml)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    lines = urls.read_text().splitlines()
    assert sorted(line.split()[0] for line in lines) == [
        "https://a.example/rss",
        "https://b.example/feed",
        "https://c.example/atom",
    ]
    assert 'https://c.example/atom "deep/er/est"' in lines
