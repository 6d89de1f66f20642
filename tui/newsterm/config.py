"""feeds.toml: read, validate, and turn into typed, frozen settings and subscriptions."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsterm.errors import ConfigError


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


@dataclass(frozen=True, slots=True)
class Config:
    """A validated feeds.toml."""

    settings: Settings
    feeds: tuple[Subscription, ...]
    path: Path | None = None

    def subscription(self, url: str) -> Subscription | None:
        """The subscription for ``url``, if configured."""
        return next((s for s in self.feeds if s.url == url), None)


# name -> (accepted types, check, what the check wants)
_SETTING_RULES: dict[str, tuple[tuple[type, ...], Callable[[Any], bool], str]] = {
    "refresh_minutes": ((int,), lambda v: 0 <= v <= 10_080, "a whole number of minutes, 0-10080"),
    "refresh_on_start": ((bool,), lambda v: True, "true or false"),
    "timeout_seconds": (
        (int, float),
        lambda v: 0 < v <= 600,
        "a number of seconds, above 0 to 600",
    ),
    "concurrency": ((int,), lambda v: 1 <= v <= 256, "a whole number, 1-256"),
    "keep_days": ((int,), lambda v: 1 <= v <= 36_500, "a whole number of days, 1-36500"),
    "strip_donations": ((bool,), lambda v: True, "true or false"),
}
_FILE_SUFFIXES = {".xml", ".rss", ".atom", ".rdf", ".json", ".feed", ".txt", ".html", ".htm"}
_FEED_KEYS = {f.name for f in fields(Subscription)}
_SECTION_RE = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\"' -]+?)\s*\]\]?")


def load_config(path: Path) -> Config:
    """Read and validate ``path``; raise ConfigError naming file and line for every fault."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(path, [f"{path}: no such file"]) from None
    except OSError as exc:
        raise ConfigError(path, [f"{path}: cannot read: {exc.strerror or exc}"]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(path, [f"{path}: not UTF-8 text (byte {exc.start})"]) from None
    return parse_config(text, path)


def parse_config(text: str, path: Path | None = None) -> Config:
    """Validate feeds.toml text; relative feed paths resolve against ``path``'s folder."""
    name = str(path) if path else "feeds.toml"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, [f"{name}:{_toml_message(exc, text)}"]) from None
    lines = _LineFinder(text, name)
    problems: list[str] = []
    for key in data.keys() - {"settings", "feed"}:
        problems.append(f"{lines.key(key)}: unknown key {key!r} (expected [settings] or [[feed]])")
    settings = _settings(data.get("settings", {}), lines, problems)
    feeds = _feeds(data.get("feed", []), lines, problems, path)
    if problems:
        raise ConfigError(path, problems)
    return Config(settings=settings, feeds=feeds, path=path)


def _toml_message(exc: tomllib.TOMLDecodeError, text: str) -> str:
    # tomllib ends its message with "(at line L, column C)"; lead with the position.
    m = re.search(r"\s*\(at line (\d+), column (\d+)\)$", str(exc))
    end = re.search(r"\s*\(at end of document\)$", str(exc))
    if end:
        return f"{max(1, len(text.splitlines()))}: TOML syntax error: {str(exc)[: end.start()]}"
    if not m:
        return f" TOML syntax error: {exc}"
    return f"{m[1]}:{m[2]}: TOML syntax error: {str(exc)[: m.start()]}"


def _settings(table: Any, lines: _LineFinder, problems: list[str]) -> Settings:
    if not isinstance(table, dict):
        problems.append(f"{lines.key('settings')}: [settings] must be a table")
        return Settings()
    values: dict[str, Any] = {}
    for key, value in table.items():
        where = lines.key(key, section="settings")
        rule = _SETTING_RULES.get(key)
        if rule is None:
            known = ", ".join(_SETTING_RULES)
            problems.append(f"{where}: unknown setting {key!r} (known: {known})")
            continue
        types, check, wants = rule
        # bool is an int in Python, but `keep_days = true` is a mistake, not 1.
        wrong_type = (isinstance(value, bool) and bool not in types) or not isinstance(value, types)
        if wrong_type or not check(value):
            problems.append(f"{where}: settings.{key} must be {wants}, not {value!r}")
        else:
            values[key] = float(value) if key == "timeout_seconds" else value
    return Settings(**values)


def _feeds(
    entries: Any, lines: _LineFinder, problems: list[str], path: Path | None
) -> tuple[Subscription, ...]:
    if not isinstance(entries, list):
        problems.append(f"{lines.key('feed')}: 'feed' must be [[feed]] tables")
        return ()
    subs: list[Subscription] = []
    first_seen: dict[str, int] = {}
    for index, entry in enumerate(entries, start=1):
        where = lines.feed(index)
        if not isinstance(entry, dict):
            problems.append(f"{where}: feed #{index} must be a table with a url")
            continue
        sub = _subscription(entry, index, lines, problems, path)
        if sub is None:
            continue
        if sub.url in first_seen:
            problems.append(
                f"{where}: feed #{index} repeats the url {sub.url} of feed #{first_seen[sub.url]}"
            )
            continue
        first_seen[sub.url] = index
        subs.append(sub)
    return tuple(subs)


def _subscription(
    entry: dict[str, Any], index: int, lines: _LineFinder, problems: list[str], path: Path | None
) -> Subscription | None:
    label = f"feed #{index}" + (f" ({entry['url']})" if isinstance(entry.get("url"), str) else "")
    before = len(problems)

    def fault(key: str, message: str) -> None:
        problems.append(f"{lines.feed(index, key)}: {label}: {message}")

    for key in entry.keys() - _FEED_KEYS:
        fault(key, f"unknown key {key!r} (known: {', '.join(sorted(_FEED_KEYS))})")
    url = _feed_url(entry.get("url"), path, fault)
    title = entry.get("title")
    if title is not None and (not isinstance(title, str) or not title.strip()):
        fault("title", "title must be a non-empty string")
    tags = _strings(entry, "tags", fault)
    strip = entry.get("strip", True)
    if not isinstance(strip, bool):
        fault("strip", f"strip must be true or false, not {strip!r}")
    patterns = _strings(entry, "strip_patterns", fault)
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            fault("strip_patterns", f"strip_patterns has a bad regex {pattern!r}: {exc}")
    selectors = _strings(entry, "strip_selectors", fault)
    if len(problems) > before or url is None:
        return None
    return Subscription(
        url=url,
        title=title.strip() if isinstance(title, str) else None,
        tags=tags,
        strip=strip,
        strip_patterns=patterns,
        strip_selectors=selectors,
    )


def _feed_url(value: Any, path: Path | None, fault: Callable[[str, str], None]) -> str | None:
    if value is None:
        fault("url", "missing url")
        return None
    if not isinstance(value, str) or not value.strip():
        fault("url", f"url must be a non-empty string, not {value!r}")
        return None
    value = value.strip()
    scheme = urlsplit(value).scheme.lower()
    if scheme in ("http", "https"):
        if not urlsplit(value).hostname:
            fault("url", f"url {value!r} has no host")
            return None
        return value
    if scheme == "file":
        return value
    if scheme and len(scheme) > 1:  # one letter is a Windows drive, not a scheme
        fault("url", f"url {value!r}: only http, https and file URLs are supported")
        return None
    local = Path(value).expanduser()
    if not local.is_absolute() and path is not None:
        local = path.parent / local
    first_part = re.split(r"[/\\]", value, maxsplit=1)[0]
    looks_like_host = "." in first_part and local.suffix.lower() not in _FILE_SUFFIXES
    if not value.startswith(("/", "~", ".")) and looks_like_host and not local.exists():
        # "example.com/feed" is a URL missing its scheme, not a relative path.
        fault("url", f"url {value!r} is not a URL; did you mean https://{value}?")
        return None
    return local.resolve().as_uri()


def _strings(entry: dict[str, Any], key: str, fault: Callable[[str, str], None]) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        fault(key, f'{key} must be a list of strings, like {key} = ["a", "b"]')
        return ()
    return tuple(v for v in value if v.strip())


class _LineFinder:
    """Find the line of a key or a [[feed]] entry, so every message can say file:line."""

    def __init__(self, text: str, name: str) -> None:
        self.name = name
        self.lines = text.splitlines()
        self.feed_starts: list[int] = []
        self.sections: dict[str, int] = {}
        for number, line in enumerate(self.lines, start=1):
            m = _SECTION_RE.match(line)
            if not m:
                continue
            section = m[1].strip().strip("\"'")
            if line.lstrip().startswith("[[") and section == "feed":
                self.feed_starts.append(number)
            self.sections.setdefault(section, number)

    def _at(self, line: int | None) -> str:
        return f"{self.name}:{line}" if line else self.name

    def _find_key(self, key: str, start: int, end: int) -> int | None:
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for number in range(start, min(end, len(self.lines)) + 1):
            if pattern.match(self.lines[number - 1]):
                return number
        return None

    def _section_end(self, start: int) -> int:
        for number in range(start + 1, len(self.lines) + 1):
            if _SECTION_RE.match(self.lines[number - 1]):
                return number - 1
        return len(self.lines)

    def key(self, key: str, section: str | None = None) -> str:
        """Where ``key`` is set: inside ``[section]``, or at the top level."""
        if section is None:
            start = 1
            end = min(self.sections.values(), default=len(self.lines) + 1) - 1
            line = self._find_key(key, start, end) or self.sections.get(key)
            return self._at(line)
        head = self.sections.get(section)
        if head is None:
            return self._at(None)
        return self._at(self._find_key(key, head, self._section_end(head)) or head)

    def feed(self, index: int, key: str | None = None) -> str:
        """Where the index-th [[feed]] (1-based) starts, or where it sets ``key``."""
        if index > len(self.feed_starts):
            return self._at(None)
        head = self.feed_starts[index - 1]
        line = self._find_key(key, head, self._section_end(head)) if key else None
        return self._at(line or head)
