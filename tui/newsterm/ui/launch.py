"""Hand-offs to other programs: the web browser for links and the editor for feeds.toml."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit, urlunsplit

from textual.app import App, SuspendNotSupported

from newsterm.text.sanitize import one_line

if TYPE_CHECKING:  # a type only: webbrowser loads with the first link opened, not before the
    import webbrowser  # first paint

WEB_SCHEMES = ("http", "https")

NO_BROWSER = "No web browser found; set $BROWSER"

CONSOLE_BROWSERS = frozenset(
    {"www-browser", "links", "links2", "elinks", "lynx", "w3m", "browsh", "carbonyl"}
)
"""Browsers that draw in the terminal: they need it to themselves, so the app steps aside."""


@dataclass(frozen=True, slots=True)
class Launch:
    """What became of a request to open ``url`` in a browser."""

    url: str
    problem: str = ""
    """Why nothing opened, in words for the user; empty when the browser was started."""
    console: webbrowser.BaseBrowser | None = None
    """A terminal browser the app must run in the foreground, suspended; None otherwise."""


BrowserOpener = Callable[[str], Launch]
"""Starts a browser for a URL; runs in a worker thread, so it may block briefly."""


def link_problem(url: str) -> str | None:
    """Why ``url`` must not be opened, or None for a plain web link."""
    if not url:
        return "This article has no link"
    shown = one_line(url)[:80]
    try:
        parts = urlsplit(url)
    except ValueError:
        return f"Won't open a malformed link: {shown}"
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        return f"Won't open non-web link: {shown}"
    if any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in url):
        return f"Won't open a link with control characters: {shown}"
    try:
        browser_url(url)
    except UnicodeError:
        return f"Won't open a link with an invalid host name: {shown}"
    return None


def browser_url(url: str) -> str:
    """``url`` as a browser sends it: the characters the URL standard percent-encodes in each
    part (spaces, quotes, angle brackets, non-ASCII…) as %XX, existing escapes kept, and an
    international host name in IDNA. The result is one argv element of printable ASCII.
    """
    parts = urlsplit(url.strip())
    return urlunsplit(
        (
            parts.scheme,
            _ascii_netloc(parts.netloc),
            _encode(parts.path, _PATH_SET),
            _encode(parts.query, _QUERY_SET),
            _encode(parts.fragment, _FRAGMENT_SET),
        )
    )


def _ascii_netloc(netloc: str) -> str:
    """``netloc`` with an international host name in IDNA and its user name
    percent-encoded; UnicodeError for a host no browser would go to or a port that is not
    plain digits.

    The host is cut from ``netloc`` itself: urlsplit's ``hostname`` is lowercased, so it
    could not be found again in "BÜCHER.example" to be replaced.
    """
    userinfo, at, hostport = netloc.rpartition("@")
    split = hostport.rfind(":")
    if split > hostport.rfind("]"):  # "]" ends an IPv6 address, whose colons are not a port
        host, colon, port = hostport[:split], ":", hostport[split + 1 :]
    else:
        host, colon, port = hostport, "", ""
    if port and not (port.isascii() and port.isdigit()):
        raise UnicodeError(f"not a port: {port!r}")
    if not host.startswith("["):  # an IPv6 address: urlsplit has checked it
        if not host.isascii():
            host = _idna_host(host)
        if any(ch in _FORBIDDEN_HOST for ch in host):  # after IDNA: "／" maps to "/"
            raise UnicodeError(f"not a host name: {host!r}")
    return f"{_encode(userinfo, _USERINFO_SET)}{at}{host}{colon}{port}"


def _idna_host(host: str) -> str:
    """``host`` as browsers send it (IDNA 2008 with UTS 46, non-transitional: "faß.de" is
    xn--fa-hia.de, not the different site fass.de). ASCII labels are kept as given, as
    browsers keep them: "my_host.bücher.de" has an underscore IDNA alone would refuse.
    """
    import idna  # a link's host name, never the first paint's

    mapped = idna.uts46_remap(host, std3_rules=False, transitional=False)
    return ".".join(
        label if label.isascii() else idna.alabel(label).decode("ascii")
        for label in mapped.split(".")
    )


# What the URL standard forbids in a host name (controls are refused before this); "%"
# too, which a browser would decode first: rare enough to refuse rather than guess.
_FORBIDDEN_HOST = frozenset(" #%/:<>?@[\\]^|")

# The WHATWG URL standard's percent-encode sets (beyond controls and non-ASCII).
_QUERY_SET = frozenset(' "<>')
_PATH_SET = _QUERY_SET | frozenset("`{}")
_FRAGMENT_SET = frozenset(' "<>`')
_USERINFO_SET = _PATH_SET | frozenset("/;=[\\]^|")  # ":" stays: it ends the user name


def _encode(text: str, encoded: frozenset[str]) -> str:
    if text.isascii() and not any(ch in encoded for ch in text):
        return text
    return "".join(quote(ch, safe="") if ch in encoded or not ch.isascii() else ch for ch in text)


def launch_browser(url: str) -> Launch:
    """Start the user's browser on a web link without touching this terminal; call in a thread.

    Python's webbrowser picks the browser (so $BROWSER is honoured). A graphical one runs in a
    detached child with no terminal at all: whatever it prints can't reach the screen, and
    the app never waits for it. A console browser comes back in ``console`` for the app to
    run in the foreground. The URL is always one argv element; no shell is involved.
    """
    import webbrowser  # here: the app loads it with the first link it opens

    problem = link_problem(url)
    if problem:
        return Launch(url, problem)
    url = browser_url(url)
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return Launch(url, NO_BROWSER)
    if is_console_browser(browser):
        return Launch(url, console=browser)
    try:
        subprocess.Popen(
            detached_argv(url),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # no controlling terminal; ctrl+c in the app won't reach it
            close_fds=True,
        )
    except OSError as exc:
        return Launch(url, f"Couldn't start the web browser: {exc.strerror or exc}")
    return Launch(url)


def detached_argv(url: str) -> list[str]:
    """A fresh Python running webbrowser on ``url`` in a new tab.

    -I keeps the child from importing a webbrowser.py lying in the current folder.
    """
    return [sys.executable, "-I", "-m", "webbrowser", "-t", url]


def is_console_browser(browser: webbrowser.BaseBrowser) -> bool:
    """True for w3m, lynx, links and the like, however $BROWSER names them."""
    name = str(getattr(browser, "basename", "") or getattr(browser, "name", ""))
    words = os.path.basename(name).split()
    return bool(words) and words[0].lower() in CONSOLE_BROWSERS


def run_console_browser(app: App[object], browser: webbrowser.BaseBrowser, url: str) -> str:
    """Suspend ``app``, browse ``url`` in the terminal, resume; a problem to report, or ""."""
    name = os.path.basename(str(getattr(browser, "name", ""))) or "the browser"
    try:
        with app.suspend():
            opened = browser.open(url)
    except SuspendNotSupported:
        return f"This terminal can't hand over to {name}; set $BROWSER to a graphical browser"
    return "" if opened else f"{name} could not open the link"


def editor_argv(path: Path) -> list[str]:
    """$VISUAL, else $EDITOR, else vi, split like a shell would (but never run by one)."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        words = shlex.split(editor)
    except ValueError:
        words = [editor]
    return [*(words or ["vi"]), str(path)]


def run_editor(app: App[object], path: Path) -> str | None:
    """Suspend ``app``, edit ``path``, resume; return a problem to report, or None."""
    refused = "This terminal can't hand over to an editor; edit feeds.toml in another window"
    return run_suspended(app, editor_argv(path), "editor", refused)


def run_player(app: App[object], argv: list[str]) -> str | None:
    """Suspend ``app``, run the player's argument list (never a shell), resume; a problem to
    report, or None."""
    return run_suspended(app, argv, "player", "This terminal can't hand over to the player")


def run_suspended(app: App[object], argv: list[str], role: str, refused: str) -> str | None:
    """Run ``argv`` in the foreground with ``app`` suspended; what went wrong, or None."""
    try:
        with app.suspend():
            completed = subprocess.run(argv, check=False)
    except SuspendNotSupported:
        return refused
    except OSError as exc:
        return f"Couldn't start the {role} {argv[0]!r}: {exc.strerror or exc}"
    if completed.returncode != 0:
        return f"The {role} {argv[0]!r} exited with status {completed.returncode}"
    return None
