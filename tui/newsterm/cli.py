"""The command line: arguments -> paths -> config -> store -> the app or a command."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newsterm import __version__, paths
from newsterm.config import Config, load_config
from newsterm.errors import ConfigError, NewstermError
from newsterm.store import Store

if TYPE_CHECKING:
    from newsterm.refresh import FeedOutcome

EXIT_OK = 0
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``newsterm`` and its commands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--feeds", metavar="PATH", help="feeds.toml to use")
    common.add_argument("--db", metavar="PATH", help="SQLite cache to use")
    parser = argparse.ArgumentParser(
        prog="newsterm",
        description="A keyboard-first terminal newsreader. With no command, opens the app.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"newsterm {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open the app on bundled sample feeds (no network)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("refresh", parents=[common], help="fetch every feed into the cache")
    articles = commands.add_parser("articles", parents=[common], help="list cached articles")
    articles.add_argument("--json", action="store_true", help="one JSON object per line")
    articles.add_argument("--unread", action="store_true", help="only unread articles")
    articles.add_argument("--feed", metavar="URL", help="only this feed's articles")
    show = commands.add_parser("show", parents=[common], help="print a cached article")
    show.add_argument("id", type=int, help="article id, as in `newsterm articles --json`")
    show.add_argument("--original", action="store_true", help="keep donation appeals, marked")
    show.add_argument("--width", type=int, default=None, help="wrap width (default: terminal)")
    strip = commands.add_parser("strip", help="hide donation appeals in an article file")
    strip.add_argument("file", nargs="?", default="-", help="HTML or text file, - for stdin")
    strip.add_argument("--json", action="store_true", help='print {"kept": …, "removed": …}')
    strip.add_argument("--width", type=int, default=None, help="wrap width (default: terminal)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsterm`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    handlers: dict[str | None, Callable[[argparse.Namespace], int]] = {
        None: _run_app,
        "refresh": _refresh,
        "articles": _articles,
        "show": _show,
        "strip": _strip,
    }
    try:
        return handlers[args.command](args)
    except ConfigError as exc:
        for line in exc.problems:
            _error(line)
        return EXIT_USAGE
    except NewstermError as exc:
        _error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `newsterm articles | head`: the reader left; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _error(message: str) -> None:
    print(f"newsterm: {message}", file=sys.stderr)


def _config(args: argparse.Namespace) -> Config:
    path = paths.feeds_path(args.feeds)
    if not args.feeds and not os.environ.get(paths.FEEDS_ENV) and paths.ensure_feeds_file(path):
        print(
            f"newsterm: created {path} with the default feeds; edit it to change them",
            file=sys.stderr,
        )
    return load_config(path)


def _store(args: argparse.Namespace) -> Store:
    path = paths.db_path(args.db)
    store = Store.open(path, recover=True)
    if store.recovered_from is not None:
        _error(
            f"the cache {path} was damaged; it was moved to {store.recovered_from} "
            "and a new cache started"
        )
    return store


def _refresh(args: argparse.Namespace) -> int:
    from newsterm.cli_progress import Progress
    from newsterm.refresh import parse_pool, refresh

    config = _config(args)
    pool = parse_pool(len(config.feeds))
    store = _store(args)
    progress = Progress(sys.stderr, total=len(config.feeds))
    try:
        summary = asyncio.run(refresh(config, store, on_outcome=progress.update, parse_pool=pool))
    finally:
        progress.close()
        store.close()
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    _report_outcomes(summary.outcomes)
    print(summary.describe())
    return EXIT_OK


def _report_outcomes(outcomes: Sequence[FeedOutcome]) -> None:
    """One stderr line per feed that failed, moved, was found on a page or was malformed."""
    for outcome in outcomes:
        if outcome.error:
            print(f"failed: {outcome.title}: {outcome.error}", file=sys.stderr)
        elif outcome.moved_to:
            print(
                f"moved: {outcome.title}: {outcome.url} now redirects permanently to "
                f"{outcome.moved_to}; update feeds.toml",
                file=sys.stderr,
            )
        if outcome.discovered:
            print(
                f"found: {outcome.title}: {outcome.url} is a web page; using its feed "
                f"{outcome.discovered}",
                file=sys.stderr,
            )
        if outcome.warning:
            print(
                f"warning: {outcome.title}: malformed feed, kept what could be read "
                f"({outcome.warning})",
                file=sys.stderr,
            )


def _articles(args: argparse.Namespace) -> int:
    config = _config(args)
    store = _store(args)
    urls = [args.feed] if args.feed else [s.url for s in config.feeds]
    out = sys.stdout
    try:
        offset = 0
        while rows := store.article_rows(
            feed_urls=urls, unread_only=args.unread, offset=offset, limit=500
        ):
            offset += len(rows)
            for row in rows:
                if args.json:
                    record = {
                        "id": row.id,
                        "feed_url": row.feed_url,
                        "feed_title": row.feed_title,
                        "title": row.title,
                        "link": row.link,
                        "published": row.published.isoformat(),
                        "read": row.read,
                        "starred": row.starred,
                    }
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                else:
                    mark = " " if row.read else "N"
                    when = row.published.astimezone().strftime("%Y-%m-%d %H:%M")
                    out.write(f"{row.id:>7} {mark} {when}  {row.feed_title} — {row.title}\n")
    finally:
        store.close()
    if offset == 0 and not args.json:
        print("newsterm: no articles cached yet; run `newsterm refresh`", file=sys.stderr)
    return EXIT_OK


def _width(requested: int | None) -> int:
    if requested:
        return max(20, requested)
    return max(20, min(100, shutil.get_terminal_size((80, 24)).columns))


def _show(args: argparse.Namespace) -> int:
    from newsterm.text.plain import render_article

    config = _config(args)
    store = _store(args)
    try:
        article = store.article(args.id)
    finally:
        store.close()
    if article is None:
        _error(f"no article with id {args.id} in the cache (see `newsterm articles --json`)")
        return 1
    sub = config.subscription(article.feed_url)
    strip = config.settings.strip_donations and (sub is None or sub.strip)
    text = render_article(
        article,
        width=_width(args.width),
        strip=strip,
        show_removed=args.original,
        patterns=sub.strip_patterns if sub else (),
        selectors=sub.strip_selectors if sub else (),
    )
    sys.stdout.write(text)
    return EXIT_OK


def _strip(args: argparse.Namespace) -> int:
    from newsterm.text.plain import render_text
    from newsterm.text.strip import strip_appeals, strip_result_json

    if args.file == "-":
        raw = sys.stdin.buffer.read()
    else:
        try:
            raw = Path(args.file).read_bytes()
        except OSError as exc:
            _error(f"cannot read {args.file}: {exc.strerror or exc}")
            return EXIT_USAGE
    result = strip_appeals(raw.decode("utf-8", errors="replace"))
    if args.json:
        print(json.dumps(strip_result_json(result), ensure_ascii=False))
    else:
        sys.stdout.write(render_text(result, width=_width(args.width)))
    return EXIT_OK


def _run_app(args: argparse.Namespace) -> int:
    if args.demo:
        return _run_demo(args)
    config = _config(args)
    return _launch(config, _store(args))


def _run_demo(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="newsterm-demo-") as tmp:
        feeds = Path(tmp) / "feeds.toml"
        feeds.write_text(_demo_feeds_text(), encoding="utf-8")
        config = load_config(feeds)
        store = Store.open(Path(tmp) / "demo.db")
        return _launch(config, store)


def _demo_feeds_text() -> str:
    """The bundled demo feeds.toml with its relative feed paths made absolute file URLs."""
    folder = paths.demo_dir()
    text = (folder / "feeds.toml").read_text("utf-8")
    return text.replace('url = "./', f'url = "{folder.as_uri()}/')


def _launch(config: Config, store: Store) -> int:
    from newsterm.ui.app import NewstermApp

    path = config.path or paths.feeds_path(None)
    try:
        app = NewstermApp(config, path, store)
        app.run()
    finally:
        store.close()
    return app.return_code or EXIT_OK
