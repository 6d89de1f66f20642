"""An article made ready to read: parsed, with the publisher's appeals hidden when the
settings ask for it. The reader and `newsterm show` both start here."""

from __future__ import annotations

from newsterm.config import Config
from newsterm.models import Article
from newsterm.text.layout.page import ReaderPage
from newsterm.text.render.document import html_to_document
from newsterm.text.strip import hidden_note, strip_appeals

__all__ = ["build_page"]


def build_page(article: Article, config: Config, *, full_text: str = "") -> ReaderPage:
    """Parse the article and hide appeals when asked; slow on big articles: call in a thread.

    ``full_text`` is the notice to show when ``article``'s body is a fetched full text.
    """
    sub = config.subscription(article.feed_url)
    base = article.link or article.feed_url
    if not config.settings.strip_donations or (sub is not None and not sub.strip):
        return ReaderPage(article, html_to_document(article.body, base), full_text=full_text)
    try:
        result = strip_appeals(
            article.body,
            base_url=base,
            patterns=sub.strip_patterns if sub else (),
            selectors=sub.strip_selectors if sub else (),
        )
    except ValueError as exc:  # a bad strip_selectors entry in feeds.toml
        problem = f"Appeals not hidden: {exc}"
        document = html_to_document(article.body, base)
        return ReaderPage(article, document, problem=problem, full_text=full_text)
    return ReaderPage(
        article,
        result.document,
        result.verdicts,
        result.removed_count,
        hidden_note(result),
        full_text=full_text,
    )
