"""feeds.toml changed in place: feeds added, removed, renamed, with comments and layout kept.

tomlkit edits the document it read, so every comment, blank line and key order the user
wrote stays. Every change goes through ``edit_feeds``: the file must be valid before (a
broken one is reported by line and left alone), the result is checked by the same reader
the app uses, the file is replaced atomically (a crash leaves the old file or the new one),
and only if nobody saved it meanwhile: an edit saved in an editor while newsterm worked is
read again and the change made on top of it, so nothing is lost.
"""

from __future__ import annotations

import copy
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import AoT, Item, Table
from tomlkit.toml_document import TOMLDocument

from newsterm.config import Config, parse_config, read_config_text
from newsterm.errors import ConfigError

__all__ = [
    "NewFeed",
    "RemovedFeed",
    "add_feeds",
    "edit_feeds",
    "remove_feed",
    "rename_feed",
    "restore_feed",
]

T = TypeVar("T")

ATTEMPTS = 5
"""Times a change is made again on a file that keeps changing under it, before giving up."""


@dataclass(frozen=True, slots=True)
class NewFeed:
    """A feed to append as a [[feed]] table."""

    url: str
    title: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RemovedFeed:
    """A [[feed]] table taken out, with its place, so it can be put back as it was."""

    url: str
    index: int
    table: Table
    trailing: tuple[str, ...] = ()
    """Comments and blank lines after its keys, which belong to the next table: left in place."""


def edit_feeds(path: Path, change: Callable[[TOMLDocument, Config], T]) -> T:
    """Apply ``change`` to feeds.toml at ``path`` and save it; return what ``change`` returned.

    ``change`` gets the document and the config it holds now. ConfigError, with nothing
    written, when the file is broken, the result would be, or the file keeps changing.
    """
    real = path.resolve()  # a symlinked feeds.toml (dotfiles) keeps its link
    for _ in range(ATTEMPTS):
        before = _read(real)
        text = before.removeprefix("\ufeff")
        config = parse_config(text, path) if text.strip() else Config.empty(path)
        doc = _document(text, path)
        result = change(doc, config)
        after = tomlkit.dumps(doc)
        if after == text:
            return result  # nothing to change: the file is not touched
        parse_config(after, path)  # never write what the app could not read
        if _replace_if_unchanged(real, before, after):
            return result
    raise ConfigError(path, [f"{path}: it kept changing while newsterm edited it; not changed"])


def add_feeds(doc: TOMLDocument, feeds: Sequence[NewFeed]) -> None:
    """Append one [[feed]] table per feed after the last one."""
    if not feeds:
        return  # an empty [[feed]] list would be written as "feed = []"
    tables = _feed_tables(doc, create=True)
    for feed in feeds:
        table = tomlkit.table()
        table.add("url", feed.url)
        if feed.title:
            table.add("title", feed.title)
        if feed.tags:
            table.add("tags", list(feed.tags))
        tables.append(table)


def remove_feed(doc: TOMLDocument, config: Config, url: str) -> RemovedFeed | None:
    """Take out the [[feed]] whose url is ``url`` (as the config reads it); None if absent."""
    index = _index(config, url)
    if index is None:
        return None
    tables = _feed_tables(doc, create=False)
    table = tables[index]
    before = tables[index - 1] if index else _table_before(doc)
    trailing = _trailing_trivia(table)
    if before is not None:  # "# the next feed" comments stay above the next feed
        before.value.body.extend(trailing)
    del tables[index]
    return RemovedFeed(url, index, table, tuple(item.as_string() for _, item in trailing))


def restore_feed(doc: TOMLDocument, removed: RemovedFeed) -> None:
    """Put a removed [[feed]] back where it was (or last, if the file has fewer now)."""
    tables = _feed_tables(doc, create=True)
    index = min(removed.index, len(tables))
    before = tables[index - 1] if index else _table_before(doc)
    table = copy.deepcopy(removed.table)  # edit_feeds may run this again on a newer file
    moved = "".join(removed.trailing)
    if before is None and moved:  # remove_feed had nowhere to leave them: they come back
        table.value.body.extend(_trivia(moved))
    elif before is not None and moved:
        # Compared as text: the file was read again since, and blank lines that were two
        # items then may be one now.
        tail = _trailing_trivia(before)
        text = "".join(item.as_string() for _, item in tail)
        if text.endswith(moved):
            tail, text = _trivia(text[: -len(moved)]), moved
        before.value.body.extend(tail)
        if text == moved:
            table.value.body.extend(_trivia(moved))
    tables.insert(index, table)


def _trivia(text: str) -> list[tuple[None, Item]]:
    """Comments and blank lines as a table's body items."""
    return [(None, item) for _, item in tomlkit.parse(text).body]


def _trailing_trivia(table: Table) -> list[tuple[None, Item]]:
    """The comments and blank lines after a table's last key, taken out of it."""
    body = table.value.body
    keep = len(body)
    while keep and body[keep - 1][0] is None:
        keep -= 1
    trailing = [(None, item) for _, item in body[keep:]]
    del body[keep:]
    return trailing


def _table_before(doc: TOMLDocument) -> Table | None:
    """The table written just above the first [[feed]], if it is one."""
    keys = [key for key, _ in doc.body]
    position = next((i for i, key in enumerate(keys) if key is not None and key.key == "feed"), 0)
    for key, item in reversed(doc.body[:position]):
        return item if key is not None and isinstance(item, Table) else None
    return None


def rename_feed(doc: TOMLDocument, config: Config, url: str, title: str | None) -> bool:
    """Set (or with None, drop) the title of the feed ``url``; False if it is not configured."""
    index = _index(config, url)
    if index is None:
        return False
    table = _feed_tables(doc, create=False)[index]
    if title:
        table["title"] = title
    elif "title" in table:
        del table["title"]
    return True


def _index(config: Config, url: str) -> int | None:
    # A valid file holds one Subscription per [[feed]], in order: the index maps back.
    urls = [s.url for s in config.feeds]
    return urls.index(url) if url in urls else None


def _feed_tables(doc: TOMLDocument, *, create: bool) -> AoT:
    if "feed" not in doc:
        if not create:
            raise KeyError("feed")
        if doc.as_string().strip():  # a blank line between what is there and the feeds
            doc.add(tomlkit.nl())
        doc.append("feed", tomlkit.aot())
    tables = doc["feed"]
    assert isinstance(tables, AoT)  # parse_config accepted it: [[feed]] tables
    return tables


def _read(path: Path) -> str:
    """feeds.toml's text, "" when there is none yet."""
    try:
        return read_config_text(path)
    except FileNotFoundError:
        return ""


def _document(text: str, path: Path) -> TOMLDocument:
    try:
        return tomlkit.parse(text)
    except TOMLKitError as exc:  # tomllib accepted it; say so rather than crash
        raise ConfigError(path, [f"{path}: cannot be edited in place: {exc}"]) from None


def _replace_if_unchanged(path: Path, before: str, text: str) -> bool:
    """Write ``text`` to ``path`` atomically if it still holds ``before``; False if it changed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(temp, path.stat().st_mode & 0o7777)
        if _read(path) != before:
            return False
        os.replace(temp, path)
        temp = ""
        return True
    except OSError as exc:
        raise ConfigError(path, [f"{path}: cannot write: {exc.strerror or exc}"]) from None
    finally:
        if temp:
            os.unlink(temp)
