"""feeds.toml's ``[sync]`` table: which server to sync with, as whom, and how to get the password.

The password itself is never in the file: it comes from ``password_command`` (an argument
list run without a shell), ``$NEWSTERM_SYNC_PASSWORD`` or the system keyring (sync/password.py).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import urlsplit

from newsterm.config_lines import LineFinder
from newsterm.text.sanitize import strip_controls

__all__ = ["SERVICES", "SyncSettings", "is_loopback", "parse_sync"]

SERVICES = ("fever", "greader")


@dataclass(frozen=True, slots=True)
class SyncSettings:
    """The ``[sync]`` table."""

    service: str
    """"fever" or "greader" (the Google Reader API)."""
    url: str
    """The API's address: Fever's endpoint, or the base that Google Reader paths follow."""
    user: str
    """The user name (an e-mail address for some servers)."""
    password_command: tuple[str, ...] = ()
    """A command whose first line of output is the password; run directly, never by a shell."""
    allow_insecure: bool = False
    """Allow http:// to a host other than this machine (the password would cross in clear)."""


_KEYS = {f.name for f in fields(SyncSettings)}
_SECRET_KEYS = {"password", "pass", "passwd", "api_key", "token"}


def parse_sync(table: Any, lines: LineFinder, problems: list[str]) -> SyncSettings | None:
    """Validate ``[sync]``; each fault goes into ``problems`` as ``feeds.toml:LINE: ...``."""
    if not isinstance(table, dict):
        problems.append(f"{lines.key('sync')}: [sync] must be a table")
        return None
    before = len(problems)

    def fault(key: str, message: str) -> None:
        problems.append(f"{lines.key(key, section='sync')}: sync.{key}: {message}")

    for key in table.keys() - _KEYS:
        if key.lower() in _SECRET_KEYS:  # the value is never repeated: it may be the secret
            fault(
                key,
                "never put a password in feeds.toml; use password_command, "
                "$NEWSTERM_SYNC_PASSWORD or the system keyring",
            )
        else:
            fault(key, f"unknown key (known: {', '.join(sorted(_KEYS))})")
    service = _service(table.get("service"), fault)
    user = _text(table, "user", fault)
    command = _command(table.get("password_command", []), fault)
    insecure = table.get("allow_insecure", False)
    if not isinstance(insecure, bool):
        fault("allow_insecure", "must be true or false")
        insecure = False
    url = _url(table.get("url"), insecure, fault)
    if len(problems) > before or service is None or url is None or user is None:
        return None
    return SyncSettings(service, url, user, command, insecure)


def _service(value: Any, fault: Callable[[str, str], None]) -> str | None:
    if value not in SERVICES:
        fault("service", 'must be "fever" or "greader" (the Google Reader API)')
        return None
    return str(value)


def _text(table: dict[str, Any], key: str, fault: Callable[[str, str], None]) -> str | None:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip() or strip_controls(value) != value:
        fault(key, "must be a non-empty string without control characters")
        return None
    return value.strip()


def _command(value: Any, fault: Callable[[str, str], None]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        fault("password_command", 'must be a list of strings, like ["pass", "show", "rss"]')
        return ()
    return tuple(value)


def _url(value: Any, insecure: bool, fault: Callable[[str, str], None]) -> str | None:
    if not isinstance(value, str) or not value.strip():
        fault("url", "must be the server's API address, like https://rss.example.org/api/fever.php")
        return None
    url = value.strip()
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 -- raises ValueError for a port out of range
    except ValueError:
        fault("url", "is not a valid URL")
        return None
    if parts.scheme not in ("http", "https") or not host or strip_controls(url) != url:
        fault("url", "must be an http:// or https:// address with a host")
        return None
    if parts.username or parts.password:
        fault("url", "must not hold a user name or password; use user and password_command")
        return None
    if parts.scheme == "http" and not insecure and not is_loopback(host):
        fault(
            "url",
            "http:// would send the password in clear; use https:// (or set allow_insecure = true)",
        )
        return None
    return url.rstrip("/")


def is_loopback(host: str) -> bool:
    """True for this machine: localhost or a loopback address."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
