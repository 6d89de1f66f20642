"""Full text for summary-only feeds: an article's page fetched under the same rules as a
feed (deadline, size cap, redirects by hand, http(s) only) and reduced to the article.

Used by the reader's F key, `newsterm show --full` and, for feeds with `full_text = true`,
by each refresh. A page that cannot be read gives a one-line reason and the feed's own
text stays; the result, good or bad, is kept in the cache. The article is found in a
helper process under ``settings.extract_seconds`` (extraction.py).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime

import httpx

from newsterm.cancelling import until_cancelled
from newsterm.config import Config, Settings
from newsterm.errors import ExtractionError, FetchError, HTTPStatusError, StoreError
from newsterm.extraction import extract_in_child
from newsterm.feeds.fetch import fetch_page, host_key, make_client
from newsterm.models import Article, FullText
from newsterm.reading import build_page
from newsterm.store import Store
from newsterm.text.extract import MAX_PAGE_BYTES
from newsterm.text.layout.page import ReaderPage
from newsterm.text.render.document import html_to_document
from newsterm.urls import shown_host

__all__ = [
    "PER_FEED",
    "fetch_full_text",
    "fill_article_pages",
    "full_text_notice",
    "read_full_text",
    "with_full_text",
]

PER_FEED = 20
"""Newest articles of a full_text feed fetched per refresh (older ones wait for F)."""
PER_HOST = 4
_SHORTER = 0.9  # a page giving less than this share of the feed's own text has not the article
_REFUSED = frozenset({401, 402, 403, 451})


async def fetch_full_text(
    client: httpx.AsyncClient,
    article: Article,
    *,
    timeout: float,
    extract_seconds: float = Settings().extract_seconds,  # the default lives in one place
) -> FullText:
    """Fetch ``article``'s page within ``timeout`` and find the article in it within
    ``extract_seconds``; a failure comes back as FullText.error."""
    if not article.link:
        return FullText(article.id, "", "", "the article has no link to fetch")
    try:
        page = await fetch_page(client, article.link, timeout=timeout, max_bytes=MAX_PAGE_BYTES)
    except HTTPStatusError as exc:
        why = f"{exc}: the page may be behind a paywall" if exc.status in _REFUSED else str(exc)
        return FullText(article.id, article.link, "", why)
    except FetchError as exc:
        return FullText(article.id, article.link, "", str(exc))
    try:
        html = await extract_in_child(page.body or b"", page.final_url, seconds=extract_seconds)
    except ExtractionError as exc:
        return FullText(article.id, page.final_url, "", str(exc))
    problem = _problem(html, article)
    return FullText(article.id, page.final_url, "" if problem else html, problem)


def _problem(html: str, article: Article) -> str | None:
    """Why the extracted text is not the article: none found, or less than the feed gave."""
    if not html:
        return "no article found on the page"
    found = _length(html)
    if found == 0:
        return "no article found on the page"
    if found < _SHORTER * _length(article.body):
        return "the page has less text than the feed (a paywall, or a page that needs scripts)"
    return None


def _length(html: str) -> int:
    return sum(len(block.text) for block in html_to_document(html).blocks)


def read_full_text(
    store: Store,
    article: Article,
    settings: Settings,
    *,
    cancelled: Callable[[], bool] = lambda: False,
) -> FullText:
    """The cached full text of ``article``, else fetched now and kept; blocks: call in a
    thread (the reader's worker, the command line). Once ``cancelled()`` is true the fetch
    stops within a moment and this raises asyncio.CancelledError, keeping nothing."""
    kept = store.full_text(article.id)
    if kept is not None and kept.error is None:
        return kept

    async def fetch() -> FullText:
        async with make_client(concurrency=1) as client:
            return await _fetch(client, article, settings)

    text = asyncio.run(until_cancelled(fetch(), cancelled))
    store.save_full_text(text, now=datetime.now(UTC))
    return text


async def _fetch(client: httpx.AsyncClient, article: Article, settings: Settings) -> FullText:
    return await fetch_full_text(
        client,
        article,
        timeout=settings.timeout_seconds,
        extract_seconds=settings.extract_seconds,
    )


def with_full_text(article: Article, text: FullText) -> Article:
    """``article`` with its body replaced by the fetched full text."""
    return replace(article, content=text.html, summary="")


def full_text_notice(text: FullText) -> str:
    """The quiet line over a full text: where it came from and how to go back."""
    return f"Full text from {shown_host(text.url) or 'the web page'} · F for the feed's text"


async def fill_article_pages(
    client: httpx.AsyncClient,
    store: Store,
    feed_urls: Sequence[str],
    settings: Settings,
    on_page: Callable[[int, int], None] | None = None,
) -> tuple[int, int]:
    """Fetch the full text of the newest articles of ``feed_urls`` that have none yet,
    ``settings.concurrency`` at a time and at most PER_HOST per host; how many worked and
    how many failed. ``on_page(done, total)`` is called as each page is done."""
    if not feed_urls:
        return 0, 0
    todo = await asyncio.to_thread(store.without_full_text, feed_urls, PER_FEED)
    overall = asyncio.Semaphore(settings.concurrency)
    per_host: defaultdict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(PER_HOST))
    worked = failed = 0

    async def one(article_id: int, link: str) -> None:
        nonlocal worked, failed
        article = await asyncio.to_thread(store.article, article_id)
        if article is None:
            return
        async with per_host[host_key(link)], overall:
            text = await _fetch(client, article, settings)
        worked += text.error is None
        failed += text.error is not None
        if on_page is not None:
            on_page(worked + failed, len(todo))
        with contextlib.suppress(StoreError):  # a cache failure must not stop the others
            await asyncio.to_thread(store.save_full_text, text, now=datetime.now(UTC))

    async with asyncio.TaskGroup() as group:
        for article_id, link in todo:
            group.create_task(one(article_id, link))
    return worked, failed


def opening_page(store: Store, article: Article, config: Config) -> ReaderPage:
    """The page an article opens on, in the reader and in `newsterm show` alike: for a
    full_text feed, its kept full text when there is one; else the feed's text."""
    sub = config.subscription(article.feed_url)
    text = store.full_text(article.id) if sub is not None and sub.full_text else None
    if text is None or text.error is not None:
        return build_page(article, config)
    return build_page(with_full_text(article, text), config, full_text=full_text_notice(text))
