"""`newsterm enclosures ID` and `newsterm download ID [N]`: an article's attachments from
the command line, through the same download code as the app's d key."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from newsterm.config import Config
from newsterm.models import Article
from newsterm.store import Store
from newsterm.text.sanitize import one_line

__all__ = ["add_commands", "download_command", "enclosures_command"]

Opener = Callable[[argparse.Namespace], tuple[Config, Store]]


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    """The two commands' arguments."""
    listing = commands.add_parser(
        "enclosures", parents=[parent], help="list an article's attachments"
    )
    listing.add_argument("id", type=int, help="article id, as in `newsterm articles --json`")
    fetch = commands.add_parser(
        "download", parents=[parent], help="download an article's attachment to download_dir"
    )
    fetch.add_argument("id", type=int, help="article id, as in `newsterm articles --json`")
    fetch.add_argument("number", type=int, nargs="?", default=1, help="which attachment (E1 = 1)")


def _article(args: argparse.Namespace, open_: Opener) -> tuple[Config, Article | None]:
    config, store = open_(args)
    try:
        return config, store.article(args.id)
    finally:
        store.close()


def enclosures_command(args: argparse.Namespace, open_: Opener) -> int:
    """Print "[E1] type · size · length" and the address of each attachment."""
    from newsterm.text.layout.page import enclosure_label  # the reader's wording

    _, article = _article(args, open_)
    if article is None:
        print(f"newsterm: no article with id {args.id} in the cache", file=sys.stderr)
        return 1
    for number, enclosure in enumerate(article.enclosures, 1):
        print(f"[E{number}] {enclosure_label(enclosure)}")
        print(f"     {one_line(enclosure.url)}")
    if not article.enclosures:
        print("newsterm: this article has no attachments", file=sys.stderr)
    return 0


def download_command(args: argparse.Namespace, open_: Opener) -> int:
    """Download attachment N into settings.download_dir, progress on stderr."""
    import httpx  # here, not at the top: `newsterm` alone starts faster without it

    from newsterm.errors import FetchError
    from newsterm.feeds.download import DownloadLimits, download, safe_filename, target_path
    from newsterm.paths import download_dir

    config, article = _article(args, open_)
    if article is None or not 1 <= args.number <= len(article.enclosures):
        what = "no article" if article is None else f"no attachment E{args.number} in article"
        print(f"newsterm: {what} {args.id}", file=sys.stderr)
        return 1
    enclosure = article.enclosures[args.number - 1]
    settings = config.settings
    try:
        path = target_path(
            download_dir(settings.download_dir), safe_filename(enclosure.url, enclosure.type)
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        limits = DownloadLimits(max_bytes=settings.max_download_mb * 1024 * 1024)
        with httpx.Client() as client:
            download(client, enclosure.url, path, limits=limits, progress=_progress)
    except (FetchError, ValueError, OSError) as exc:
        _clear()
        print(f"newsterm: not downloaded: {one_line(str(exc))}", file=sys.stderr)
        return 1
    _clear()
    print(path)
    return 0


def _progress(done: int, total: int | None) -> None:
    if not sys.stderr.isatty():
        return
    shown = f"{done * 100 // total}%" if total else f"{done // 1024:,} KB"
    sys.stderr.write(f"\r\x1b[2Kdownloading… {shown}")
    sys.stderr.flush()


def _clear() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r\x1b[2K")
