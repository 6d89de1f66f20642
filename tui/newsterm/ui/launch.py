"""Hand-offs to other programs: the web browser for links and the editor for feeds.toml."""

from __future__ import annotations

import os
import shlex
import subprocess
import webbrowser
from pathlib import Path
from urllib.parse import urlsplit

from textual.app import App, SuspendNotSupported

from newsterm.text.sanitize import one_line

WEB_SCHEMES = ("http", "https")


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
    if any(ch.isspace() or ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in url):
        return f"Won't open a link with spaces or control characters: {shown}"
    return None


def open_in_browser(url: str) -> None:
    """Open a web link with Python's webbrowser (which honours $BROWSER); call from a thread.

    webbrowser runs the browser with the URL as one argument, never through a shell.
    """
    if link_problem(url) is None:
        webbrowser.open(url)


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
    argv = editor_argv(path)
    try:
        with app.suspend():
            completed = subprocess.run(argv, check=False)
    except SuspendNotSupported:
        return "This terminal can't hand over to an editor; edit feeds.toml in another window"
    except OSError as exc:
        return f"Couldn't start the editor {argv[0]!r}: {exc.strerror or exc}"
    if completed.returncode != 0:
        return f"The editor {argv[0]!r} exited with status {completed.returncode}"
    return None
