"""The command line: arguments -> paths -> config -> store -> the app or a command."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from functools import partial
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from newsterm import __version__, paths
from newsterm.cli_attachments import add_commands as add_attachment_commands
from newsterm.cli_attachments import download_command, enclosures_command
from newsterm.config import Config, load_config
from newsterm.errors import ConfigError, NewstermError
from newsterm.models import Article, ArticleRow
from newsterm.store import Store
from newsterm.text.sanitize import one_line

if TYPE_CHECKING:
    from newsterm.config_sync import SyncSettings
    from newsterm.refresh import FeedOutcome
    from newsterm.sync.run import SyncSummary
    from newsterm.text.layout.page import ReaderPage

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_NO_FULL_TEXT = 3
"""`show --full` printed the feed's text: the page could not be fetched or read."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``newsterm`` and its commands."""
    common = _paths_parser(default=None)
    # A command's parser writes its defaults over what came before the command, so it has
    # none: `newsterm --feeds P refresh` keeps P.
    sub_common = _paths_parser(default=argparse.SUPPRESS)
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
    refresh = commands.add_parser(
        "refresh",
        parents=[sub_common],
        help="fetch the feeds that are due into the cache (and sync)",
    )
    refresh.add_argument(
        "--all", action="store_true", help="fetch every feed, due or not (backoff included)"
    )
    commands.add_parser(
        "sync", parents=[sub_common], help="sync with the Fever or Google Reader server in [sync]"
    )
    articles = commands.add_parser("articles", parents=[sub_common], help="list cached articles")
    articles.add_argument("--json", action="store_true", help="one JSON object per line")
    articles.add_argument("--unread", action="store_true", help="only unread articles")
    articles.add_argument("--feed", metavar="URL", help="only this feed's articles")
    articles.add_argument("--starred", action="store_true", help="only starred articles")
    articles.add_argument("--view", metavar="TITLE", help="only a [[view]]'s articles")
    mark = commands.add_parser(
        "mark", parents=[sub_common], help="mark articles read, unread, starred or unstarred"
    )
    change = mark.add_mutually_exclusive_group(required=True)
    for flag in ("read", "unread", "star", "unstar"):
        change.add_argument(f"--{flag}", dest="change", action="store_const", const=flag)
    mark.add_argument("ids", nargs="*", type=int, metavar="ID", help="ids as in `articles --json`")
    mark.add_argument("--feed", metavar="URL", help="with --read: every article of this feed")
    mark.add_argument("--all", action="store_true", help="with --read: every article")
    show = commands.add_parser("show", parents=[sub_common], help="print a cached article")
    show.add_argument("id", type=int, help="article id, as in `newsterm articles --json`")
    show.add_argument("--original", action="store_true", help="keep donation appeals, marked")
    show.add_argument("--width", type=int, default=None, help="wrap width (default: terminal)")
    show.add_argument("--full", action="store_true", help="the article's fetched full text")
    search = commands.add_parser(
        "search", parents=[sub_common], help="full-text search of every cached article"
    )
    search.add_argument("query", help='words, "a phrase", prefix*, -excluded')
    search.add_argument("--json", action="store_true", help="one JSON object per line")
    search.add_argument("--limit", type=int, default=50, metavar="N", help="at most N (50)")
    imports = commands.add_parser(
        "import", parents=[sub_common], help="add the feeds of an OPML or newsboat urls file"
    )
    imports.add_argument("file", help="OPML 1.0/2.0 file or newsboat urls file")
    imports.add_argument("--dry-run", action="store_true", help="show what would change")
    export = commands.add_parser("export", parents=[sub_common], help="print the feeds as OPML")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    add_attachment_commands(commands, sub_common)
    strip = commands.add_parser("strip", help="hide donation appeals in an article file")
    strip.add_argument("file", nargs="?", default="-", help="HTML or text file, - for stdin")
    strip.add_argument("--json", action="store_true", help='print {"kept": …, "removed": …}')
    strip.add_argument("--width", type=int, default=None, help="wrap width (default: terminal)")
    strip.add_argument(
        "--explain", action="store_true", help="show each block's evidence, region and score"
    )
    return parser


def _paths_parser(default: object) -> argparse.ArgumentParser:
    """--feeds and --db, for the top level and for each command that uses them."""
    paths_parser = argparse.ArgumentParser(add_help=False)
    paths_parser.add_argument("--feeds", metavar="PATH", default=default, help="feeds.toml to use")
    paths_parser.add_argument("--db", metavar="PATH", default=default, help="SQLite cache to use")
    return paths_parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsterm`` command; returns the exit status."""
    _without_httpx_command_line()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.demo and (args.command or args.feeds or args.db):
        parser.error(
            "--demo opens the app on its own sample feeds and a temporary cache: "
            "it takes no command, --feeds or --db"
        )
    handlers: dict[str | None, Callable[[argparse.Namespace], int]] = {
        None: _run_app,
        "refresh": _refresh,
        "sync": _sync,
        "articles": _articles,
        "show": _show,
        "strip": _strip,
        "import": _import,
        "search": _search,
        "mark": _mark,
        "export": _export,
        "enclosures": lambda a: enclosures_command(a, _config_and_store),
        "download": lambda a: download_command(a, _config_and_store),
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


def _without_httpx_command_line() -> None:
    """Keep httpx from importing its own command-line client, which newsterm never runs.

    httpx imports it whenever rich and click are installed, as Textual installs them: rich's
    console, click and pygments, about a third of `newsterm refresh`'s imports. A None in
    sys.modules makes that import fail, and httpx then defines a stub in its place.
    """
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]


def _error(message: str) -> None:
    print(f"newsterm: {message}", file=sys.stderr)


def _config(args: argparse.Namespace, notices: list[str] | None = None) -> Config:
    path = paths.feeds_path(args.feeds)
    if not args.feeds and not os.environ.get(paths.FEEDS_ENV) and paths.ensure_feeds_file(path):
        _tell(f"created {path} with the default feeds; edit it (e) to change them", notices)
    return load_config(path)


def _store(args: argparse.Namespace, notices: list[str] | None = None) -> Store:
    path = paths.db_path(args.db)
    store = Store.open(path, recover=True, notify=_error)  # before the app takes the terminal
    if store.recovered_from is not None:
        _tell(
            f"the cache {path} was damaged; it was moved to {store.recovered_from} "
            "and a new cache started",
            notices,
        )
    return store


def _config_and_store(args: argparse.Namespace) -> tuple[Config, Store]:
    return _config(args), _store(args)


def _tell(message: str, notices: list[str] | None) -> None:
    """Say ``message`` on stderr, and keep it for the app to show if one is starting."""
    _error(message)
    if notices is not None:
        notices.append(message)


def _refresh(args: argparse.Namespace) -> int:
    from newsterm.cli_progress import Progress
    from newsterm.feeds.pool import parse_pool
    from newsterm.refresh import refresh

    config = _config(args)
    pool = parse_pool(len(config.feeds))
    store = _store(args)
    progress = Progress(sys.stderr, total=len(config.feeds))
    try:
        run = refresh(
            config,
            store,
            on_outcome=progress.update,
            on_start=progress.start,
            on_page=lambda done, total: progress.show("full text", done, total),
            parse_pool=pool,
            due_only=not args.all,
        )
        summary = asyncio.run(run)
    finally:
        progress.close()
        store.close()
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    _report_outcomes(summary.outcomes)
    print(summary.describe())
    if config.sync is None:
        return EXIT_OK
    return _report_sync(_run_sync(config, config.sync, args))


def _sync(args: argparse.Namespace) -> int:
    config = _config(args)
    if config.sync is None:
        _error(f"{config.path}: no [sync] table; see the README's Sync section")
        return EXIT_USAGE
    return _report_sync(_run_sync(config, config.sync, args))


def _run_sync(config: Config, sync: SyncSettings, args: argparse.Namespace) -> SyncSummary:
    """One sync with a progress bar on stderr."""
    from newsterm.cli_progress import Progress
    from newsterm.sync.password import sync_password
    from newsterm.sync.run import run_sync

    password = sync_password(sync)
    store = _store(args)
    progress = Progress(sys.stderr, total=1)
    timeout = config.settings.timeout_seconds
    try:
        work = run_sync(sync, store, password, timeout=timeout, on_progress=progress.show)
        return asyncio.run(work)
    finally:
        progress.close()
        store.close()


def _report_sync(summary: SyncSummary) -> int:
    """The summary line; exit status 1 when the sync failed (nothing queued is lost)."""
    print(one_line(summary.describe()))
    return EXIT_OK if summary.ok else EXIT_FAILED


def _report_outcomes(outcomes: Sequence[FeedOutcome]) -> None:
    """One stderr line per feed that failed, moved, was malformed or was newly found on a page."""
    for outcome in outcomes:
        if outcome.error:
            print(f"failed: {outcome.title}: {_reason(outcome)}", file=sys.stderr)
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


def _reason(outcome: FeedOutcome) -> str:
    """Why a feed failed; a network error names the host that could not be reached."""
    from newsterm.feeds.reasons import is_network_reason
    from newsterm.urls import shown_host

    error = outcome.error or ""
    host = shown_host(outcome.url)
    return f"{error} ({one_line(host)})" if host and is_network_reason(error) else error


def _articles(args: argparse.Namespace) -> int:
    config = _config(args)
    view = None
    if args.view is not None:
        view = next((v for v in config.views if v.title.casefold() == args.view.casefold()), None)
        if view is None:
            known = ", ".join(repr(v.title) for v in config.views) or "none in feeds.toml"
            _error(f"no [[view]] titled {one_line(args.view)!r} (views: {known})")
            return EXIT_USAGE
    store = _store(args)
    urls = [args.feed] if args.feed else [s.url for s in config.feeds]
    line = _json_line if args.json else _text_line
    printed = 0
    try:
        rows = store.iter_article_rows(
            feed_urls=urls,
            unread_only=args.unread,
            starred_only=args.starred,
            matching=view.query if view is not None else None,
        )
        for row in rows:
            sys.stdout.write(line(row))
            printed += 1
    finally:
        store.close()
    if printed == 0 and not args.json:
        _error(_no_articles(args, view.title if view is not None else None))
    return EXIT_OK


def _no_articles(args: argparse.Namespace, view: str | None) -> str:
    """Why `articles` printed nothing: an empty cache, or filters that nothing matches."""
    filters = [f"in view {one_line(view)!r}"] if view is not None else []
    filters += [f"of feed {one_line(args.feed)}"] if args.feed else []
    filters += [word for word, on in (("unread", args.unread), ("starred", args.starred)) if on]
    if not filters:
        return "no articles cached yet; run `newsterm refresh`"
    return "no articles match: " + ", ".join(filters)


def _search(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        ids = store.search_ids(args.query, limit=max(1, args.limit))
        found = store.rows_by_ids(ids)
    finally:
        store.close()
    line = _json_line if args.json else _text_line
    sys.stdout.writelines(line(row) for row in found)
    if not found and not args.json:
        _error(f"nothing matches {args.query!r}")
    return EXIT_OK


def _mark(args: argparse.Namespace) -> int:
    whole = bool(args.feed or args.all)
    if whole and (args.change != "read" or args.ids or (args.feed and args.all)):
        _error("--feed URL or --all go with --read alone, without ids")
        return EXIT_USAGE
    if not whole and not args.ids:
        _error("name the articles to mark (ids as in `newsterm articles --json`), or --feed/--all")
        return EXIT_USAGE
    store = _store(args)
    try:
        if whole:
            count = len(store.mark_read_where(feed_urls=[args.feed] if args.feed else None))
            print(f"marked {count} article{'' if count == 1 else 's'} read")
            return EXIT_OK
        unknown = sorted(set(args.ids) - store.known_ids(args.ids))
        if unknown:
            _error(f"no article with id {', '.join(map(str, unknown))} in the cache; none changed")
            return 1
        if args.change in ("read", "unread"):
            store.set_read(args.ids, args.change == "read")
        else:
            store.set_starred_many(args.ids, args.change == "star")
    finally:
        store.close()
    return EXIT_OK


def _json_line(row: ArticleRow) -> str:
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
    return json.dumps(record, ensure_ascii=False) + "\n"


def _text_line(row: ArticleRow) -> str:
    mark = " " if row.read else "N"
    when = row.published.astimezone().strftime("%Y-%m-%d %H:%M")
    return f"{row.id:>7} {mark} {when}  {row.feed_title} — {row.title}\n"


def _width(requested: int | None) -> int:
    """--width, else the terminal's width, else 80 (when output goes to a pipe or file)."""
    if requested:
        return max(20, requested)
    return max(20, shutil.get_terminal_size((80, 24)).columns)


def _show(args: argparse.Namespace) -> int:
    from newsterm.full_article import opening_page
    from newsterm.text.render.plain import render_page

    config = _config(args)
    store = _store(args)
    try:
        article = store.article(args.id)
        if article is None:
            _error(f"no article with id {args.id} in the cache (see `newsterm articles --json`)")
            return 1
        page = _full_page(store, article, config) if args.full else None
        status = EXIT_NO_FULL_TEXT if args.full and page is None else EXIT_OK
        # what the reader opens on: a full_text feed's kept full text, else the feed's
        page = page or opening_page(store, article, config)
    finally:
        store.close()
    sys.stdout.write(render_page(page, _width(args.width), original=args.original))
    return status


def _import(args: argparse.Namespace) -> int:
    from newsterm.subscriptions.importing import import_list, read_list

    listing = read_list(Path(args.file))
    plan = import_list(listing, paths.feeds_path(args.feeds), dry_run=args.dry_run)
    for skipped in plan.skipped:
        _error(f"{args.file}:{skipped.line}: skipped: {skipped.reason}")
    if args.dry_run:
        for feed in plan.added:
            tags = f"  [{', '.join(feed.tags)}]" if feed.tags else ""
            print(f"+ {feed.url}  {feed.title or ''}{tags}".rstrip())
        for feed in plan.duplicates:
            print(f"= {feed.url}  (already there)")
    print(plan.summary(dry_run=args.dry_run))
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from newsterm.subscriptions.opml_write import write_opml

    text = write_opml(_config(args).feeds)
    if not args.output:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        _error(f"cannot write {args.output}: {exc.strerror or exc}")
        return EXIT_USAGE
    return EXIT_OK


def _full_page(store: Store, article: Article, config: Config) -> ReaderPage | None:
    """The page of ``article``'s fetched full text, or None (and why, on stderr)."""
    from newsterm.full_article import full_text_notice, read_full_text, with_full_text
    from newsterm.reading import build_page

    text = read_full_text(store, article, config.settings)
    if text.error is not None:
        _error(f"full text not shown: {text.error}; this is the feed's text")
        return None
    notice = full_text_notice(text)
    return build_page(with_full_text(article, text), config, full_text=notice)


def _strip(args: argparse.Namespace) -> int:
    from newsterm.text.render.plain import render_text
    from newsterm.text.strip import strip_appeals, strip_result_json
    from newsterm.text.strip.explain import explain
    from newsterm.text.strip.thresholds import MAX_INPUT_BYTES

    name = "standard input" if args.file == "-" else args.file
    try:
        if args.file == "-":
            raw = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        else:
            with open(args.file, "rb") as handle:  # a device or FIFO is read only this far
                raw = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        _error(f"cannot read {name}: {exc.strerror or exc}")
        return EXIT_USAGE
    if len(raw) > MAX_INPUT_BYTES:
        _error(f"{name} is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB; strip reads no more")
        return EXIT_USAGE
    result = strip_appeals(raw.decode("utf-8", errors="replace"))
    if args.explain:
        sys.stdout.write(explain(result, width=_width(args.width)))
    elif args.json:
        print(json.dumps(strip_result_json(result), ensure_ascii=False))
    else:
        sys.stdout.write(render_text(result, width=_width(args.width)))
    return EXIT_OK


def _run_app(args: argparse.Namespace) -> int:
    from newsterm.feeds.pool import parse_pool

    if args.demo:
        return _run_demo(args)
    notices: list[str] = []
    config = _config(args, notices)
    pool = parse_pool(len(config.feeds))  # forked now, before the store and the app's threads
    try:
        return _launch(config, _store(args, notices), notices, pool)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _run_demo(args: argparse.Namespace) -> int:
    # A signal's default action ends the process where it stands; unwinding instead
    # lets the temporary folder go with the `with` that made it.
    with _ending_on_signals(), tempfile.TemporaryDirectory(prefix="newsterm-demo-") as tmp:
        feeds = Path(tmp) / "feeds.toml"
        feeds.write_text(_demo_feeds_text(), encoding="utf-8")
        config = load_config(feeds)
        store = Store.open(Path(tmp) / "demo.db")
        return _launch(config, store)


@contextlib.contextmanager
def _ending_on_signals(stop: Callable[[int], bool] | None = None) -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP (a closed terminal) end newsterm by unwinding.

    ``stop(status)`` asks a running app to exit, which also restores the terminal, and
    says whether it could; otherwise, or at a second signal, SystemExit(128 + signal
    number) is raised wherever the program is.
    """
    asked = False

    def end(signum: int, frame: FrameType | None) -> None:
        nonlocal asked
        if stop is not None and not asked and stop(128 + signum):
            asked = True
            return
        raise SystemExit(128 + signum)

    previous = {sig: signal.signal(sig, end) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _demo_feeds_text() -> str:
    """The bundled demo feeds.toml with its relative feed paths made absolute file URLs."""
    folder = paths.demo_dir()
    text = (folder / "feeds.toml").read_text("utf-8")
    return text.replace('url = "./', f'url = "{folder.as_uri()}/')


def _launch(
    config: Config, store: Store, notices: Sequence[str] = (), pool: Executor | None = None
) -> int:
    from newsterm.ui.app import NewstermApp

    path = config.path or paths.feeds_path(None)

    def stop(status: int) -> bool:
        try:  # a signal handler runs on the main thread, where the app's loop runs
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return False
        if not app.is_running:
            return False
        loop.call_soon_threadsafe(partial(app.exit, return_code=status))
        return True

    try:
        app = NewstermApp(
            config,
            path,
            store,
            notices=notices,
            state_path=paths.state_path(),
            parse_pool=pool,
        )
        with _ending_on_signals(stop):
            app.run()
    finally:
        store.close()
    return app.return_code or EXIT_OK
