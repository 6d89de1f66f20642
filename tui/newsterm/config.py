"""feeds.toml: read, validate, and turn into typed, frozen settings and subscriptions."""

from __future__ import annotations

import re
import tomllib
import warnings
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from newsterm.config_keys import parse_keys
from newsterm.config_lines import LineFinder, first_failing_line, toml_message
from newsterm.errors import ConfigError
from newsterm.small_files import FileTooLarge, NotARegularFile, read_small
from newsterm.text.sanitize import one_line, strip_controls
from newsterm.urls import scheme

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser

    from newsterm.config_sync import SyncSettings
    from newsterm.view_query import SavedView


@dataclass(frozen=True, slots=True)
class Settings:
    """The ``[settings]`` table; every field is optional in the file."""

    refresh_minutes: int = 30
    """Minutes between background refreshes in the app; 0 turns them off."""
    refresh_on_start: bool = True
    """Refresh every feed when the app opens."""
    timeout_seconds: float = 20.0
    """Whole-request deadline for one feed, body included."""
    concurrency: int = 16
    """Feeds fetched at once (never more than 4 from one host)."""
    keep_days: int = 90
    """Read, unstarred articles older than this are pruned."""
    strip_donations: bool = True
    """Hide donation and membership appeals in the reader."""
    download_dir: str = ""
    """Where attachments are downloaded; "" is the XDG download folder (~/Downloads)."""
    player: tuple[str, ...] = ("mpv",)
    """The program that plays an attachment, as an argument list; its address goes last."""
    max_download_mb: int = 4096
    """An attachment larger than this many megabytes is refused (or cut off, if unannounced)."""
    extract_seconds: float = 15.0
    """Deadline for finding the article in one fetched page (F, full_text feeds)."""


@dataclass(frozen=True, slots=True)
class Subscription:
    """One ``[[feed]]`` entry."""

    url: str
    """http(s) or file URL; relative paths in the file are made absolute file URLs."""
    title: str | None = None
    """Overrides the feed's own title."""
    tags: tuple[str, ...] = ()
    """Groups in the feed list."""
    strip: bool = True
    """False shows this feed's articles without hiding appeals."""
    strip_patterns: tuple[str, ...] = ()
    """Extra regular expressions: a block matching one is hidden."""
    strip_selectors: tuple[str, ...] = ()
    """CSS selectors of this publisher's own appeal boxes."""
    full_text: bool = False
    """Fetch each new article's page during refresh and read its full text."""


@dataclass(frozen=True, slots=True)
class Config:
    """A validated feeds.toml."""

    settings: Settings
    feeds: tuple[Subscription, ...]
    path: Path | None = None
    sync: SyncSettings | None = None
    """The ``[sync]`` table: a Fever or Google Reader server to sync with, if any."""
    keys: tuple[tuple[str, str], ...] = ()
    """The ``[keys]`` table: (binding id, keys) pairs, Textual's keymap as a dict()."""
    views: tuple[SavedView, ...] = ()
    """The ``[[view]]`` tables: saved views, listed in the feeds pane after the built-in ones."""

    @classmethod
    def empty(cls, path: Path | None = None) -> Config:
        """No feeds and default settings: a feeds.toml that is not there yet."""
        return cls(Settings(), (), path)

    def subscription(self, url: str) -> Subscription | None:
        """The subscription for ``url``, if configured."""
        return next((s for s in self.feeds if s.url == url), None)


MAX_CONFIG_BYTES = 4 << 20
"""A feeds.toml past this is a mistake (thousands of feeds take a few hundred KB)."""

_SECONDS = ((int, float), lambda v: 0 < v <= 600, "a number of seconds, above 0 to 600")

# name -> (accepted types, check, what the check wants)
_SETTING_RULES: dict[str, tuple[tuple[type, ...], Callable[[Any], bool], str]] = {
    "refresh_minutes": ((int,), lambda v: 0 <= v <= 10_080, "a whole number of minutes, 0-10080"),
    "refresh_on_start": ((bool,), lambda v: True, "true or false"),
    "timeout_seconds": _SECONDS,
    "concurrency": ((int,), lambda v: 1 <= v <= 256, "a whole number, 1-256"),
    "keep_days": ((int,), lambda v: 1 <= v <= 36_500, "a whole number of days, 1-36500"),
    "strip_donations": ((bool,), lambda v: True, "true or false"),
    "download_dir": ((str,), lambda v: strip_controls(v) == v, "a folder path"),
    "player": (
        (list,),
        lambda v: bool(v) and all(isinstance(a, str) and a and strip_controls(a) == a for a in v),
        'a non-empty argument list, like ["mpv", "--no-video"]',
    ),
    "max_download_mb": ((int,), lambda v: 1 <= v <= 1_000_000, "a whole number, 1-1000000"),
    "extract_seconds": _SECONDS,
}
_FILE_SUFFIXES = {".xml", ".rss", ".atom", ".rdf", ".json", ".feed", ".txt", ".html", ".htm"}
_FEED_KEYS = {f.name for f in fields(Subscription)}


def load_config(path: Path) -> Config:
    """Read and validate ``path``; raise ConfigError naming file and line for every fault."""
    try:
        text = read_config_text(path)
    except FileNotFoundError:
        raise ConfigError(path, [f"{path}: no such file"]) from None
    return parse_config(text, path)


def read_config_text(path: Path) -> str:
    """The text of feeds.toml at ``path``, read as load_config and the feeds.toml writer both
    need it: FileNotFoundError when there is none, ConfigError naming any other fault."""
    try:
        raw = read_small(path, MAX_CONFIG_BYTES)
    except (NotARegularFile, FileTooLarge) as exc:
        raise ConfigError(path, [str(exc)]) from None
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise ConfigError(path, [f"{path}: cannot read: {exc.strerror or exc}"]) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(path, [f"{path}: not UTF-8 text (byte {exc.start})"]) from None


def parse_config(text: str, path: Path | None = None) -> Config:
    """Validate feeds.toml text; relative feed paths resolve against ``path``'s folder."""
    name = str(path) if path else "feeds.toml"
    text = text.removeprefix("\ufeff")  # Windows editors start UTF-8 files with a BOM
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, [f"{name}:{toml_message(exc, text)}"]) from None
    except (RecursionError, ValueError) as exc:  # deep nesting; integers over 4300 digits
        line = first_failing_line(text, type(exc))
        what = "nested too deeply" if isinstance(exc, RecursionError) else "a number too long"
        raise ConfigError(path, [f"{name}:{line}: TOML syntax error: {what}"]) from None
    lines = LineFinder(text, name)
    problems: list[str] = []
    for key in data.keys() - {"settings", "feed", "sync", "keys", "view"}:
        where = lines.key(key)
        expected = "[settings], [sync], [keys], [[feed]] or [[view]]"
        problems.append(f"{where}: unknown key {_shown(key)} (expected {expected})")
    settings = _settings(data.get("settings", {}), lines, problems)
    feeds = _feeds(data.get("feed", []), lines, problems, path)
    sync = None
    if "sync" in data:
        # (imported here: most feeds.toml files have no [sync], and its rules cost a refresh
        # from cron about a millisecond)
        from newsterm.config_sync import parse_sync

        sync = parse_sync(data["sync"], lines, problems)
    keys = parse_keys(data.get("keys", {}), lines, problems)
    views: tuple[SavedView, ...] = ()
    if "view" in data:
        # (imported here, as [sync]'s rules: a refresh from cron needs no view's query)
        from newsterm.config_views import parse_views

        views = parse_views(data["view"], lines, problems)
    if problems:
        raise ConfigError(path, problems)
    return Config(settings, feeds, path, sync, tuple(keys.items()), views)


def _shown(value: Any) -> str:
    """``value`` as a short repr for a message (a huge number cannot even be printed)."""
    try:
        text = repr(value)
    except ValueError:
        return "a huge number"
    return text if len(text) <= 80 else text[:77] + "..."


def _settings(table: Any, lines: LineFinder, problems: list[str]) -> Settings:
    if not isinstance(table, dict):
        problems.append(f"{lines.key('settings')}: [settings] must be a table")
        return Settings()
    values: dict[str, Any] = {}
    for key, value in table.items():
        rule = _SETTING_RULES.get(key)
        if rule is None:
            known = ", ".join(_SETTING_RULES)
            where = lines.key(key, section="settings")  # only for a message: it reads every line
            problems.append(f"{where}: unknown setting {_shown(key)} (known: {known})")
            continue
        types, check, wants = rule
        # bool is an int in Python, but `keep_days = true` is a mistake, not 1.
        wrong_type = (isinstance(value, bool) and bool not in types) or not isinstance(value, types)
        if wrong_type or not check(value):
            where = lines.key(key, section="settings")
            problems.append(f"{where}: settings.{key} must be {wants}, not {_shown(value)}")
        else:
            values[key] = _setting_value(key, value)
    return Settings(**values)


def _setting_value(key: str, value: Any) -> Any:
    if key in ("timeout_seconds", "extract_seconds"):
        return float(value)
    if key == "player":
        return tuple(value)
    return value


def _feeds(
    entries: Any, lines: LineFinder, problems: list[str], path: Path | None
) -> tuple[Subscription, ...]:
    if not isinstance(entries, list):
        problems.append(f"{lines.key('feed')}: 'feed' must be [[feed]] tables")
        return ()
    subs: list[Subscription] = []
    first_seen: dict[str, int] = {}
    for index, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.append(f"{lines.feed(index)}: feed #{index} must be a table with a url")
            continue
        sub = _subscription(entry, index, lines, problems, path)
        if sub is None:
            continue
        if sub.url in first_seen:
            where, first = lines.feed(index), first_seen[sub.url]
            problems.append(f"{where}: feed #{index} repeats the url {sub.url} of feed #{first}")
            continue
        first_seen[sub.url] = index
        subs.append(sub)
    return tuple(subs)


def _subscription(
    entry: dict[str, Any], index: int, lines: LineFinder, problems: list[str], path: Path | None
) -> Subscription | None:
    before = len(problems)

    def fault(key: str, message: str) -> None:
        url = entry.get("url")
        label = f"feed #{index}" + (f" ({one_line(url)[:200]})" if isinstance(url, str) else "")
        problems.append(f"{lines.feed(index, key)}: {label}: {message}")

    for key in entry.keys() - _FEED_KEYS:
        fault(key, f"unknown key {_shown(key)} (known: {', '.join(sorted(_FEED_KEYS))})")
    url = _feed_url(entry.get("url"), path, fault)
    title = entry.get("title")
    if isinstance(title, str):
        title = one_line(title)  # shown in the feed list: no escapes, no line breaks
    if title is not None and (not isinstance(title, str) or not title):
        fault("title", "title must be a non-empty string")
    tags = tuple(t for t in map(one_line, _strings(entry, "tags", fault)) if t)
    strip = entry.get("strip", True)
    if not isinstance(strip, bool):
        fault("strip", f"strip must be true or false, not {_shown(strip)}")
    full_text = entry.get("full_text", False)
    if not isinstance(full_text, bool):
        fault("full_text", f"full_text must be true or false, not {_shown(full_text)}")
    patterns = _strings(entry, "strip_patterns", fault)
    for pattern in patterns:
        if problem := _regex_problem(pattern):
            fault("strip_patterns", f"strip_patterns has a bad regex {_shown(pattern)}: {problem}")
    selectors = _strings(entry, "strip_selectors", fault)
    for selector in selectors:
        if not _valid_selector(selector):
            fault("strip_selectors", f"strip_selectors has a bad CSS selector {_shown(selector)}")
    if len(problems) > before or url is None:
        return None
    return Subscription(
        url=url,
        title=title if isinstance(title, str) else None,
        tags=tags,
        strip=strip,
        strip_patterns=patterns,
        strip_selectors=selectors,
        full_text=full_text,
    )


def _feed_url(value: Any, path: Path | None, fault: Callable[[str, str], None]) -> str | None:
    """The URL a feed's ``url`` value names, or None once ``fault`` was told what is wrong."""
    if value is None:
        fault("url", "missing url")
        return None
    if not isinstance(value, str) or not value.strip():
        fault("url", f"url must be a non-empty string, not {_shown(value)}")
        return None
    return _checked_url(value.strip(), path, fault)


def _checked_url(value: str, path: Path | None, fault: Callable[[str, str], None]) -> str | None:
    """``value`` if it is an http(s) or file URL, a local path as a file URL, else None."""
    if strip_controls(value) != value or "\n" in value or "\t" in value:
        fault("url", f"url {_shown(value)} contains control characters")
        return None
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 -- raises ValueError for a port out of range
    except ValueError as exc:
        fault("url", f"url {_shown(value)} is not a valid URL ({exc})")
        return None
    kind = scheme(value)
    if kind in ("http", "https"):
        if not parts.hostname:
            fault("url", f"url {_shown(value)} has no host")
            return None
        return value
    if kind == "file":
        return value
    if kind:
        fault("url", f"url {_shown(value)}: only http, https and file URLs are supported")
        return None
    try:
        local = _local_url(value, path)
    except (OSError, RuntimeError, ValueError) as exc:  # ~nobody, a NUL, a symlink loop
        fault("url", f"url {_shown(value)} is not a usable path ({one_line(str(exc))[:100]})")
        return None
    if local is None:  # "example.com/feed" is a URL missing its scheme, not a relative path
        fault("url", f"url {_shown(value)} is not a URL; did you mean https://{value}?")
    return local


def _local_url(value: str, path: Path | None) -> str | None:
    """The file:// URL of a local path (relative to feeds.toml); None if it names a host."""
    local = Path(value).expanduser()
    if not local.is_absolute() and path is not None:
        local = path.parent / local
    first_part = re.split(r"[/\\]", value, maxsplit=1)[0]
    looks_like_host = "." in first_part and local.suffix.lower() not in _FILE_SUFFIXES
    if not value.startswith(("/", "~", ".")) and looks_like_host and not local.exists():
        return None
    return local.resolve().as_uri()


def _regex_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot be used as the stripper uses it (case-blind), or None."""
    try:
        with warnings.catch_warnings():  # "possible nested set" is advice, not a fault
            warnings.simplefilter("ignore")
            re.compile(pattern, re.IGNORECASE)
    except RecursionError:
        return "nested too deeply"
    except (re.error, OverflowError, ValueError) as exc:  # OverflowError: "a{99999999999}"
        return str(exc)
    return None


def _valid_selector(selector: str) -> bool:
    """True when the HTML parser the reader uses accepts ``selector``."""
    # (imported here: only a feeds.toml with strip_selectors needs the HTML parser, and
    # the app's first paint, which reads feeds.toml, need not wait for it to load)
    from selectolax.lexbor import SelectolaxError

    try:
        _selector_probe().css(selector)
    except (SelectolaxError, ValueError):
        return False
    return True


@cache
def _selector_probe() -> LexborHTMLParser:
    """An empty document to try selectors on, made once."""
    from selectolax.lexbor import LexborHTMLParser

    return LexborHTMLParser("")


def _strings(entry: dict[str, Any], key: str, fault: Callable[[str, str], None]) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        fault(key, f'{key} must be a list of strings, like {key} = ["a", "b"]')
        return ()
    return tuple(v for v in value if v.strip())
