"""Full text from a loopback page server: the article extracted and kept in the cache,
its appeals hidden, and a one-line reason (the feed's text staying) when a page fails."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from entries import article, entry, save
from extraction_helpers import HOSTILE_PAGE, helper_states
from httpserver import (
    LoopbackServer,
    Reply,
    Request,
    closed_port_url,
    endless,
    redirect,
    respond,
)
from newsterm.config import parse_config
from newsterm.feeds.fetch import make_client
from newsterm.full_article import fetch_full_text, read_full_text, with_full_text
from newsterm.models import Article
from newsterm.reading import build_page
from newsterm.refresh import refresh
from newsterm.store import Store
from newsterm.text.extract import extract_article
from newsterm.text.layout.page import layout_page

PAGE = (Path(__file__).parent / "data" / "fulltext" / "harbor-ferry.html").read_bytes()
SUMMARY = "<p>The passenger ferry runs again from the north pier on Monday.</p>"
HTML = "text/html; charset=utf-8"


def _article(link: str, body: str = SUMMARY) -> Article:
    return article(title="Ferry service returns", link=link, summary=body)


def _fetch(article: Article, timeout: float = 5.0, extract_seconds: float = 15.0):  # type: ignore[no-untyped-def]
    async def run():  # type: ignore[no-untyped-def]
        async with make_client() as client:
            return await fetch_full_text(
                client, article, timeout=timeout, extract_seconds=extract_seconds
            )

    return asyncio.run(run())


def test_the_article_is_extracted_from_its_page_and_its_appeal_hidden(
    http_server: LoopbackServer,
) -> None:
    url = http_server.route("/ferry", respond(PAGE, content_type=HTML))
    text = _fetch(_article(url))
    assert text.error is None and text.url == url
    assert "floating landing" in text.html and "Tomas Reyes" in text.html
    assert "Privacy" not in text.html and "Fish market" not in text.html  # page furniture
    config = parse_config('[[feed]]\nurl = "https://harbor.example/feed"\n')
    page = build_page(with_full_text(_article(url), text), config, full_text="Full text")
    shown = "\n".join(line.plain for line in layout_page(page, 80, original=False))
    assert page.removed == 1 and "donate today" not in shown
    assert "North pier to Old Town │ 06:10 │ 21:00" in shown
    assert shown.count("Full text") == 1


@pytest.mark.parametrize(
    ("handler", "reason"),
    [
        (respond(b"Payment required", status=402, content_type=HTML), "paywall"),
        (respond(b"Forbidden", status=403, content_type=HTML), "paywall"),
        (respond(b"<html><body><nav>Menu</nav></body></html>", content_type=HTML), "less text"),
        (endless(content_type=HTML), "larger than"),
        (redirect("file:///etc/passwd"), "unsupported URL"),
    ],
    ids=["402", "403", "empty page", "endless body", "redirect to a file"],
)
def test_a_page_that_cannot_give_the_article_says_why_in_one_line(
    http_server: LoopbackServer,
    handler,
    reason: str,  # type: ignore[no-untyped-def]
) -> None:
    url = http_server.route("/page", handler)
    text = _fetch(_article(url))
    assert text.error is not None and reason in text.error and "\n" not in text.error
    assert text.html == ""


def test_a_page_with_less_than_the_feed_is_taken_for_a_paywall(
    http_server: LoopbackServer,
) -> None:
    teaser = b"<html><body><article><p>The ferry runs again. Subscribe for more.</p></article>"
    url = http_server.route("/teaser", respond(teaser, content_type=HTML))
    long_feed = "<p>" + "The ferry runs again from the north pier on Monday. " * 20 + "</p>"
    text = _fetch(_article(url, long_feed))
    assert text.error is not None and "less text than the feed" in text.error


def test_offline_the_failure_is_kept_and_f_tries_again_later(tmp_path: Path) -> None:
    config = parse_config(
        '[settings]\ntimeout_seconds = 3\n[[feed]]\nurl = "https://harbor.example/feed"\n'
    )
    with Store.open(tmp_path / "c.db") as store:
        article = _saved(store, closed_port_url("/ferry"))
        text = read_full_text(store, article, config.settings)
        assert text.error is not None and "\n" not in text.error
        kept = store.full_text(article.id)
        assert kept is not None and kept.error == text.error
        assert store.article(article.id).body == SUMMARY  # type: ignore[union-attr]


def _saved(store: Store, link: str, feed: str = "https://harbor.example/feed") -> Article:
    save(store, feed, "Harbor", entry(id="ferry", title="Ferry", link=link, summary=SUMMARY))
    row = next(iter(store.iter_article_rows(feed_urls=[feed])))
    found = store.article(row.id)
    assert found is not None
    return found


def test_refresh_fetches_article_pages_of_full_text_feeds_a_few_at_a_time(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    live = [0, 0]
    lock = threading.Lock()

    def slow_page(request: Request, reply: Reply) -> None:
        with lock:
            live[0] += 1
            live[1] = max(live[1], live[0])
        reply.sleep(0.1)
        with lock:
            live[0] -= 1
        reply.send(200, PAGE, {"Content-Type": HTML})

    items = "".join(
        f"<item><guid>g{i}</guid><title>Story {i}</title>"
        f"<link>{http_server.url(f'/story/{i}')}</link>"
        f"<description>The passenger ferry runs again.</description></item>"
        for i in range(12)
    )
    feed_url = http_server.route(
        "/feed.xml",
        respond(f"<rss version='2.0'><channel><title>H</title>{items}</channel></rss>".encode()),
    )
    other_url = http_server.route(
        "/other.xml",
        respond(
            b"<rss version='2.0'><channel><title>O</title><item><guid>o</guid><link>http://127.0.0.1:9/x</link></item></channel></rss>"
        ),
    )
    for i in range(12):
        http_server.route(f"/story/{i}", slow_page)
    config = parse_config(
        f'[settings]\nconcurrency = 8\n[[feed]]\nurl = "{feed_url}"\nfull_text = true\n'
        f'[[feed]]\nurl = "{other_url}"\n'
    )
    with Store.open(tmp_path / "c.db") as store:
        asyncio.run(refresh(config, store))
        ids = [row.id for row in store.iter_article_rows(feed_urls=[feed_url])]
        texts = [store.full_text(i) for i in ids]
        assert all(
            t is not None and t.error is None and "floating landing" in t.html for t in texts
        )
        other = next(iter(store.iter_article_rows(feed_urls=[other_url])))
        assert store.full_text(other.id) is None  # full_text is per feed
    assert 1 < live[1] <= 4  # at once, but never more than four from one host
    assert len(http_server.requests_to("/story/0")) == 1


def test_a_refresh_counts_the_article_pages_it_read_and_those_that_failed(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    good = http_server.route("/ferry", respond(PAGE, content_type=HTML))
    bad = http_server.route("/gone", respond(b"gone", status=500, content_type=HTML))
    items = "".join(
        f"<item><guid>{link}</guid><title>T</title><link>{link}</link></item>"
        for link in (good, bad)
    )
    feed_url = http_server.route(
        "/feed.xml", respond(f"<rss version='2.0'><channel>{items}</channel></rss>".encode())
    )
    config = parse_config(f'[[feed]]\nurl = "{feed_url}"\nfull_text = true\n')
    pages: list[tuple[int, int]] = []
    with Store.open(tmp_path / "c.db") as store:
        summary = asyncio.run(
            refresh(config, store, on_page=lambda done, total: pages.append((done, total)))
        )
    assert (summary.pages, summary.pages_failed) == (1, 1)
    assert "; 2 new articles, full text of 2 pages (1 failed) in " in summary.describe()
    assert pages == [(1, 2), (2, 2)]


def test_show_full_prints_the_full_text_or_says_why_not(
    http_server: LoopbackServer, tmp_path: Path, env: dict[str, str]
) -> None:
    import subprocess
    import sys

    good = http_server.route("/ferry", respond(PAGE, content_type=HTML))
    bad = http_server.route("/locked", respond(b"no", status=402, content_type=HTML))
    items = "".join(
        f"<item><guid>{g}</guid><title>{g}</title><link>{link}</link>"
        "<description>The passenger ferry runs again.</description></item>"
        for g, link in (("a", good), ("b", bad))
    )
    (tmp_path / "f.xml").write_text(
        f"<rss version='2.0'><channel><title>H</title>{items}</channel></rss>"
    )
    (tmp_path / "feeds.toml").write_text('[[feed]]\nurl = "f.xml"\n')
    paths = ["--feeds", str(tmp_path / "feeds.toml"), "--db", str(tmp_path / "c.db")]

    def newsterm(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "newsterm", *args, *paths]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)

    assert newsterm("refresh").returncode == 0
    ids = {line.split()[-1]: line.split()[0] for line in newsterm("articles").stdout.splitlines()}
    full = newsterm("show", ids["a"], "--full", "--width", "70")
    assert full.returncode == 0 and full.stderr == ""
    assert "Full text from 127.0.0.1:" in full.stdout and "Tomas Reyes" in " ".join(
        full.stdout.split()
    )
    assert max(len(line) for line in full.stdout.splitlines()) <= 70
    locked = newsterm("show", ids["b"], "--full")
    assert locked.returncode == 3 and "The passenger ferry runs again." in locked.stdout
    assert locked.stderr.strip() == (
        "newsterm: full text not shown: HTTP 402 Payment Required: the page may be behind a"
        " paywall; this is the feed's text"
    )


def test_a_page_of_bare_tags_is_refused_before_extraction() -> None:
    """Megabytes of bare <p> or <div> keep the extractor busy for a minute: such a page
    is no article page and is refused at once, while a real page goes through."""
    hostile = b"<html><body>" + b"<p>word more words</p>" * 70_000 + b"</body></html>"
    assert extract_article(hostile) == ""
    real = b"<html><body><article><h1>Harbour</h1>" + b"<p>The ferry left at dawn.</p>" * 40
    assert "ferry" in extract_article(real + b"</article></body></html>")


def test_a_page_that_takes_too_long_to_read_is_cut_off_with_one_line(
    http_server: LoopbackServer,
) -> None:
    """A page under the tag cap can still keep the extractor busy for seconds: past its own
    deadline its helper process is killed, the reason is one line, and the next page
    gets a fresh helper."""
    slow = http_server.route("/slow", respond(HOSTILE_PAGE, content_type=HTML))
    text = _fetch(_article(slow), extract_seconds=0.3)
    assert text.error == "reading the page took longer than 0.3 s" and text.html == ""
    assert "R" not in helper_states()  # none is still working on it
    good = _fetch(_article(http_server.route("/ferry", respond(PAGE, content_type=HTML))))
    assert good.error is None and "floating landing" in good.html


def test_show_prints_a_full_text_feeds_article_as_the_reader_opens_it(
    http_server: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsterm import cli

    page = http_server.route("/story", respond(PAGE, content_type=HTML))
    item = (
        f"<item><guid>s</guid><title>S</title><link>{page}</link>"
        "<description>Short.</description></item>"
    )
    feed_url = http_server.route(
        "/feed.xml",
        respond(f"<rss version='2.0'><channel><title>H</title>{item}</channel></rss>".encode()),
    )
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'[[feed]]\nurl = "{feed_url}"\nfull_text = true\n')
    db = tmp_path / "c.db"
    with Store.open(db) as store:
        asyncio.run(refresh(parse_config(feeds.read_text(), feeds), store))
        (row,) = store.iter_article_rows(feed_urls=[feed_url])
    assert cli.main(["show", str(row.id), "--feeds", str(feeds), "--db", str(db)]) == 0
    shown = capsys.readouterr().out
    assert "floating landing" in shown  # the kept full text, as the reader shows it
    assert "Full text from" in shown
