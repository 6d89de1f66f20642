"""`newsterm import`: real lists in, feeds.toml changed only by appending, broken lists refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsterm import cli
from newsterm.config import load_config
from newsterm.subscriptions.importing import read_list

DATA = Path(__file__).parent.parent / "data" / "opml"
GOOD = sorted((DATA / "good").iterdir())
BAD = sorted((DATA / "bad").iterdir())

# file -> (distinct feeds, {url: tags} for some of them)
EXPECTED: dict[str, tuple[int, dict[str, tuple[str, ...]]]] = {
    "newsboat-export.opml": (3, {"https://tram-lines.example/rss": ()}),
    "feedly.opml": (3, {"https://tidepool.example/feed": ("Science",)}),
    "netnewswire.opml": (3, {"https://swift-sketches.test/rss": ("Apple-ish",)}),
    "inoreader.xml": (3, {"https://bikelanes.example/feed/": ("Local",)}),
    "liferea.opml": (2, {"https://sched.example/feed": ("Linux/Kernel",)}),
    "antennapod.opml": (4, {"http://pocketscience.example/rss": ()}),
    "podcasts-nested-in-feeds.opml": (2, {"https://tincan.example/rss": ("Podcasts",)}),
    "blogroll.opml": (2, {"https://bjorn.example/feed.atom": ("Friends",)}),
    "categories-and-case.opml": (2, {"https://cats.example/feed": ("Art/Prints", "Music", "News")}),
    "utf16.opml": (3, {"https://compilers.example/rss.xml": ("Tech",)}),
    "shift-jis.opml": (2, {"https://minato.example/rss.xml": ("ニュース",)}),
    "newsboat-urls": (4, {"https://tram-lines.example/rss": ("transport", "with space")}),
    "empty-body.opml": (0, {}),
}


def test_every_good_file_has_expectations() -> None:
    assert sorted(p.name for p in GOOD) == sorted(EXPECTED)


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_good_lists_import_with_folders_as_tags(path: Path, tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.toml"
    assert cli.main(["import", str(path), "--feeds", str(feeds)]) == 0
    count, tags = EXPECTED[path.name]
    subs = {s.url: s for s in load_config(feeds).feeds} if feeds.exists() else {}
    assert len(subs) == count
    for url, wanted in tags.items():
        assert subs[url].tags == wanted


def test_titles_are_kept_and_decoded(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.toml"
    cli.main(["import", str(DATA / "good" / "blogroll.opml"), "--feeds", str(feeds)])
    titles = {s.title for s in load_config(feeds).feeds}
    assert titles == {"Bjørn writes", "Café Lumière"}  # Latin-1 bytes and character references


def test_newsboat_titles_tags_and_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feeds = tmp_path / "feeds.toml"
    urls = DATA / "good" / "newsboat-urls"
    assert cli.main(["import", str(urls), "--feeds", str(feeds)]) == 0
    subs = {s.url: s for s in load_config(feeds).feeds}
    assert subs["https://harbour-notes.example/feed.xml"].title == "Harbour Notes"
    assert subs["https://harbour-notes.example/feed.xml"].tags == ("news", "local")
    assert subs["https://quoted.example/feed?a=1&b=2"].title == 'A "quoted" title'
    assert subs["https://hidden.example/rss"].tags == ("secret",)
    out, err = capsys.readouterr()
    assert out.strip() == "4 added, 4 skipped, 1 already there or listed twice"
    assert f"{urls}:6: skipped: an exec: feed runs a command; newsterm never does" in err
    assert f"{urls}:7: skipped: a filter:" in err
    assert f"{urls}:8: skipped: a query: feed" in err


def test_comments_and_layout_survive(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.toml"
    mine = (
        "# my feeds\n[settings]\nkeep_days = 9   # odd spacing kept\n\n"
        '[[feed]]\nurl = "https://mine.example/rss"  # first\n'
    )
    feeds.write_text(mine)
    cli.main(["import", str(DATA / "good" / "feedly.opml"), "--feeds", str(feeds)])
    text = feeds.read_text()
    assert text.startswith(mine)
    assert text.count("[[feed]]") == 4


def test_duplicates_of_feeds_toml_are_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feed]]\nurl = "http://TIDEPOOL.example/feed/"\n')
    cli.main(["import", str(DATA / "good" / "feedly.opml"), "--feeds", str(feeds)])
    assert capsys.readouterr().out.strip() == "2 added, 0 skipped, 2 already there or listed twice"
    assert len(load_config(feeds).feeds) == 3


def test_dry_run_shows_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feed]]\nurl = "https://compilers.example/rss.xml"\n')
    before = feeds.read_bytes()
    assert (
        cli.main(["import", str(DATA / "good" / "feedly.opml"), "--feeds", str(feeds), "--dry-run"])
        == 0
    )
    out = capsys.readouterr().out
    assert "+ https://tidepool.example/feed  Tide Pool Journal  [Science]" in out
    assert "= https://compilers.example/rss.xml  (already there)" in out
    assert out.splitlines()[-1] == "2 would be added, 0 skipped, 2 already there or listed twice"
    assert feeds.read_bytes() == before


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_bad_lists_get_one_line_and_leave_feeds_toml_alone(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('# mine\n[[feed]]\nurl = "https://mine.example/rss"\n')
    before = feeds.read_bytes()
    assert cli.main(["import", str(path), "--feeds", str(feeds)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"newsterm: {path}:"), err
    assert lines[0].split(":")[2].strip().isdigit(), err  # FILE:LINE:
    assert "Traceback" not in err
    assert feeds.read_bytes() == before


def test_bad_lines_are_named(tmp_path: Path) -> None:
    cases = {
        "billion-laughs.opml": (3, "refused: it declares the XML entity 'a'"),
        "external-entity.opml": (2, "refused: it declares the XML entity 'secret'"),
        "lying-utf8.opml": (3, "not well-formed XML"),
        "truncated.opml": (10, "not well-formed XML"),
        "rss-not-opml.xml": (2, "not an OPML document: it starts with <rss>"),
        "unclosed-quote-urls": (2, "a quote that is never closed"),
    }
    for name, (line, reason) in cases.items():
        with pytest.raises(Exception) as caught:
            read_list(DATA / "bad" / name)
        assert str(caught.value).startswith(f"{DATA / 'bad' / name}:{line}: {reason}")


def test_a_broken_feeds_toml_is_reported_and_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_bytes(b'[[feed]]\nurl = "https://a.example/rss"\nbogus = 1\n')
    assert cli.main(["import", str(DATA / "good" / "feedly.opml"), "--feeds", str(feeds)]) == 2
    assert f"{feeds}:3:" in capsys.readouterr().err
    assert feeds.read_bytes() == b'[[feed]]\nurl = "https://a.example/rss"\nbogus = 1\n'


def test_list_size_is_bounded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    huge = tmp_path / "huge.opml"
    with huge.open("wb") as handle:
        handle.truncate(11 << 20)
    assert cli.main(["import", str(huge), "--feeds", str(tmp_path / "f.toml")]) == 2
    assert "larger than 10 MB" in capsys.readouterr().err
