"""Importing a subscription list into feeds.toml: read it, leave out what is there, append.

The list is read whole before feeds.toml is touched, so a broken list changes nothing.
Duplicates are found by feed_key (scheme, case, a trailing slash do not make another
feed), against feeds.toml as it is when written and within the list itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tomlkit.toml_document import TOMLDocument

from newsterm.config import Config, load_config
from newsterm.errors import ListError
from newsterm.small_files import FileTooLarge, NotARegularFile, read_small
from newsterm.subscriptions.feeds_file import NewFeed, add_feeds, edit_feeds
from newsterm.subscriptions.listing import MAX_LIST_BYTES, FoundFeed, Listing, ListProblem, Skipped
from newsterm.subscriptions.newsboat import read_urls
from newsterm.subscriptions.opml_read import read_opml
from newsterm.urls import feed_key

__all__ = ["ImportPlan", "import_list", "plan_import", "read_list"]

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


@dataclass(slots=True)
class ImportPlan:
    """What an import does: feeds to add, ones already there, entries skipped."""

    added: list[FoundFeed] = field(default_factory=list)
    duplicates: list[FoundFeed] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def summary(self, *, dry_run: bool = False) -> str:
        verb = "would be added" if dry_run else "added"
        return (
            f"{len(self.added)} {verb}, {len(self.skipped)} skipped, "
            f"{len(self.duplicates)} already there or listed twice"
        )


def read_list(path: Path) -> Listing:
    """The feeds an OPML or newsboat urls file lists; ListError saying FILE:LINE otherwise."""
    raw = _read(path)
    try:
        return _parse(raw)
    except ListProblem as problem:
        raise ListError(f"{path}:{problem.line}: {problem.reason}") from None


def plan_import(listing: Listing, config: Config) -> ImportPlan:
    """Split the list into feeds to add and duplicates of feeds.toml or of each other."""
    plan = ImportPlan(skipped=list(listing.skipped))
    seen = {feed_key(s.url) for s in config.feeds}
    for feed in listing.feeds:
        key = feed_key(feed.url)
        (plan.duplicates if key in seen else plan.added).append(feed)
        seen.add(key)
    return plan


def import_list(listing: Listing, feeds_path: Path, *, dry_run: bool = False) -> ImportPlan:
    """Add the list's new feeds to feeds.toml (unless ``dry_run``); return what was done."""
    if dry_run:
        config = load_config(feeds_path) if feeds_path.exists() else Config.empty(feeds_path)
        return plan_import(listing, config)

    def change(doc: TOMLDocument, config: Config) -> ImportPlan:
        plan = plan_import(listing, config)
        add_feeds(doc, [NewFeed(f.url, f.title, f.tags) for f in plan.added])
        return plan

    return edit_feeds(feeds_path, change)


def _read(path: Path) -> bytes:
    try:
        return read_small(path, MAX_LIST_BYTES)
    except FileNotFoundError:
        raise ListError(f"{path}: no such file") from None
    except NotARegularFile as exc:
        raise ListError(str(exc)) from None
    except FileTooLarge as exc:
        raise ListError(f"{exc}; not a subscription list") from None
    except OSError as exc:
        raise ListError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _parse(raw: bytes) -> Listing:
    if not raw.strip():
        raise ListProblem(1, "an empty file")
    if _looks_like_xml(raw):
        return read_opml(raw)
    try:
        text = raw.removeprefix(_BOMS[0]).decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ListProblem(line, "neither XML nor UTF-8 text: not OPML or a urls file") from None
    if "\x00" in text:
        raise ListProblem(text[: text.index("\x00")].count("\n") + 1, "a binary file")
    listing = read_urls(text)
    if not listing.feeds and listing.skipped and not _names_any_feed(listing):
        raise ListProblem(listing.skipped[0].line, "neither OPML nor a newsboat urls file")
    return listing


def _looks_like_xml(raw: bytes) -> bool:
    """True when the first character is "<", in UTF-8 or (after its mark) UTF-16."""
    for bom in _BOMS:
        if raw.startswith(bom):
            return bom != _BOMS[0] or raw[len(bom) :].lstrip().startswith(b"<")
    return raw.lstrip().startswith(b"<")


def _names_any_feed(listing: Listing) -> bool:
    return any(not s.reason.startswith("not a web address") for s in listing.skipped)
