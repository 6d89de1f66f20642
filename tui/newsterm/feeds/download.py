"""Download an attachment (a podcast episode, say): streamed to a ``.part`` file, resumed
with an HTTP Range request, bounded in size and time, and named safely.

A resumed request carries If-Range with the validator (ETag, else Last-Modified) of the
response the part file began with, kept beside it in ``.part.if-range``: a file changed on
the server since comes whole again instead of being spliced onto the old bytes.

Nothing from the feed chooses where the file goes: its name is made from the last segment
of the address, reduced to plain characters, with a digest of the whole address (so two
episodes both called "redirect.mp3" get two files), and it is always written inside the
download folder. Only http(s) addresses are fetched; redirects are followed by hand, as for feeds.
Call it in a thread: it blocks.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx

from newsterm.errors import FetchError, HTTPStatusError, TooManyRedirects
from newsterm.feeds.fetch import MAX_REDIRECTS, USER_AGENT, redirect_target
from newsterm.feeds.reasons import translate
from newsterm.text.sanitize import one_line
from newsterm.urls import scheme

__all__ = ["DownloadLimits", "Progress", "download", "safe_filename", "target_path"]

Progress = Callable[[int, int | None], None]
"""Called with (bytes on disk, expected total or None) as the download goes."""

_CHUNK = 64 * 1024
_MAX_NAME_BYTES = 120  # leaves room for ".part" under the usual 255-byte limit
_UNSAFE = re.compile(r"[^\w.\- ]+")
_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+|\*)")
_UNSATISFIED = re.compile(r"bytes \*/(\d+)")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_VALIDATOR = 256  # an ETag or a date is a few dozen characters


@dataclass(frozen=True, slots=True)
class DownloadLimits:
    """How much a download may cost: its size, the wait for each piece, the whole time."""

    max_bytes: int = 4096 * 1024 * 1024
    idle_seconds: float = 30.0
    total_seconds: float = 6 * 3600.0


def safe_filename(url: str, content_type: str = "", fallback: str = "attachment") -> str:
    """A plain file name for ``url``: its last path segment with anything odd removed.

    No slash, no leading dot, no control or shell character survives; the result is never
    empty, "." or "..". An extension is added from the content type when there is none.
    """
    try:
        segment = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    except ValueError:
        segment = ""
    name = unicodedata.normalize("NFKC", one_line(segment)).replace("/", " ").replace("\\", " ")
    name = _UNSAFE.sub("_", name).strip(" ._-")
    stem, dot, ext = name.rpartition(".") if "." in name else (name, "", "")
    if not dot:
        guessed = mimetypes.guess_extension(content_type.split(";")[0].strip().lower() or "")
        ext = (guessed or "").lstrip(".")
    ext = ext[:10]
    # Many feeds give every episode the same last segment ("redirect.mp3", "podcast.mp3"):
    # a digest of the whole address keeps one episode's file (and its .part) from another's.
    tag = hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    stem = _fit(stem.strip(" ._-") or fallback, _MAX_NAME_BYTES - len(tag) - len(ext) - 2)
    return f"{stem}-{tag}.{ext}" if ext else f"{stem}-{tag}"


def _fit(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` bytes of UTF-8 (file systems count bytes)."""
    cut = text.encode("utf-8")[: max(limit, 1)].decode("utf-8", errors="ignore")
    return cut.strip(" ._-") or "attachment"


def target_path(folder: Path, name: str) -> Path:
    """``folder / name``, checked to stay inside ``folder`` (ValueError if it would not)."""
    root = folder.expanduser().resolve()
    path = (root / name).resolve()
    if path.parent != root:
        raise ValueError(f"unsafe file name {name!r}")
    return path


def download(
    client: httpx.Client,
    url: str,
    path: Path,
    *,
    limits: DownloadLimits = DownloadLimits(),  # frozen: one shared default is safe
    progress: Progress | None = None,
) -> Path:
    """Fetch ``url`` into ``path``, resuming ``path``.part if an earlier try left one.

    Raises FetchError (with a one-line reason) on any failure; the part file stays, so the
    next try resumes it, unless the file proved too large: then it goes.
    """
    if scheme(url) not in ("http", "https"):
        raise FetchError(f"won't download a non-web address: {one_line(url)[:100]}")
    part = path.with_name(path.name + ".part")
    started = time.monotonic()
    try:
        _fetch_into(client, url, part, limits, started, progress or _quiet)
    except (httpx.HTTPError, httpx.InvalidURL, OSError, UnicodeError) as exc:
        raise translate(exc, limits.idle_seconds) from exc
    part.replace(path)
    _validator_path(part).unlink(missing_ok=True)
    return path


def _quiet(done: int, total: int | None) -> None:
    return None


def _fetch_into(
    client: httpx.Client,
    url: str,
    part: Path,
    limits: DownloadLimits,
    started: float,
    progress: Progress,
) -> None:
    offset = part.stat().st_size if part.exists() else 0
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if offset:
        headers["Range"] = f"bytes={offset}-"
        if_range = _kept_validator(part)
        if if_range:
            headers["If-Range"] = if_range
    current, seen = url, {url}
    for _ in range(MAX_REDIRECTS + 1):
        request = client.build_request("GET", current, headers=headers, timeout=limits.idle_seconds)
        response = client.send(request, stream=True)
        try:
            status = response.status_code
            if status not in _REDIRECTS:
                _save(response, part, offset, limits, started, progress)
                return
            current = redirect_target(current, status, response.headers.get("location"))
        finally:
            response.close()
        if current in seen:
            raise TooManyRedirects("redirect loop")
        seen.add(current)
    raise TooManyRedirects("too many redirects")


def _save(
    response: httpx.Response,
    part: Path,
    offset: int,
    limits: DownloadLimits,
    started: float,
    progress: Progress,
) -> None:
    """Write the body after ``offset`` (206) or from the start (200), within the limits."""
    status = response.status_code
    if status == 416 and offset:  # nothing after what we have: the part file is whole
        whole = _UNSATISFIED.match(response.headers.get("content-range", ""))
        if whole is not None and int(whole.group(1)) == offset:
            return
        raise FetchError(f"the file changed on the server; delete {part.name} to start again")
    if status not in (200, 206):
        raise HTTPStatusError(status, _reason(status))
    start, total = _span(response, offset)
    megabytes = limits.max_bytes // (1024 * 1024)
    if total is not None and total > limits.max_bytes:
        _discard(part)  # it can never be finished
        raise FetchError(f"larger than {megabytes} MB; not downloaded")
    if not start:  # a new file begins: what a later resume must find unchanged
        _keep_validator(part, response.headers)
    done = start
    with part.open("ab" if start else "wb") as out:
        if start:
            out.truncate(start)
        progress(done, total)
        for chunk in response.iter_raw(_CHUNK):
            done += len(chunk)
            if done > limits.max_bytes:
                break
            if time.monotonic() - started > limits.total_seconds:
                raise FetchError(f"took longer than {limits.total_seconds:.0f} s; stopped")
            out.write(chunk)
            progress(done, total)
    if done > limits.max_bytes:  # an endless body: a part file that size helps nobody
        _discard(part)
        raise FetchError(f"stopped at {megabytes} MB: too large; the partial file was removed")
    if total is not None and done < total:
        raise FetchError(f"the server stopped after {done:,} of {total:,} bytes; try again")


def _validator_path(part: Path) -> Path:
    return part.with_name(part.name + ".if-range")


def _keep_validator(part: Path, headers: httpx.Headers) -> None:
    """Keep the If-Range value for ``part``'s response: a strong ETag (RFC 9110 forbids a
    weak one there), else Last-Modified; none kept when the server gave neither."""
    etag = headers.get("etag", "")
    value = etag if etag and not etag.startswith("W/") else headers.get("last-modified", "")
    kept = _validator_path(part)
    if value and len(value) <= _MAX_VALIDATOR and value.isascii() and value.isprintable():
        kept.write_text(value, encoding="ascii")
    else:
        kept.unlink(missing_ok=True)


def _kept_validator(part: Path) -> str:
    """The If-Range value kept for ``part``, or "" (none kept, or not one a header can hold)."""
    try:
        with _validator_path(part).open("rb") as file:
            value = file.read(_MAX_VALIDATOR + 1).decode("ascii")
    except (OSError, UnicodeError):
        return ""
    return value if len(value) <= _MAX_VALIDATOR and value.isprintable() else ""


def _discard(part: Path) -> None:
    part.unlink(missing_ok=True)
    _validator_path(part).unlink(missing_ok=True)


def _span(response: httpx.Response, offset: int) -> tuple[int, int | None]:
    """Where this body starts in the file and the file's whole size, when the server says."""
    length = response.headers.get("content-length", "")
    if response.status_code == 206:
        match = _CONTENT_RANGE.match(response.headers.get("content-range", ""))
        if match is None or int(match.group(1)) != offset:
            raise FetchError("the server sent the wrong part of the file; try again")
        whole = match.group(3)
        return offset, int(whole) if whole.isdigit() else None
    return 0, int(length) if length.isdigit() else None


def _reason(status: int) -> str:
    """The standard phrase for a status ("Not Found"); the status alone for any other."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
