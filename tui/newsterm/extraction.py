"""Finding the article in a fetched page in a helper process, under a deadline.

trafilatura takes a tenth of a second on a real page but up to a minute on a hostile one
of a few megabytes, holding the GIL all the while. So it runs in helper processes
(`python -m newsterm.extraction`, trafilatura imported once), one page at a time each, at
most as many at once as there are cores. A helper that runs past its deadline, or whose
caller gives up (the app quitting, another F), is killed and a fresh one started for the
next page: nothing is left running behind.

The parse pool (feeds/pool.py) is not used: a pool cannot kill one job that runs too long,
and it is forked only for big refreshes.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import os
import select
import struct
import subprocess
import sys
import threading
import time
from typing import IO

from newsterm.errors import ExtractionError
from newsterm.text.extract import MAX_PAGE_BYTES, extract_article

__all__ = ["extract_in_child"]

_POLL = 0.1  # seconds between looks at a running helper for a deadline or a give-up
_WATCH = 1.0  # seconds between a helper's looks at whether the app is still there
_REAP = 2.0  # seconds to wait for a killed or closed helper to be gone
_MAX_ANSWER = 4 * MAX_PAGE_BYTES  # the article as HTML is never much longer than its page
_HEADER = struct.Struct(">I")
_SLOTS = threading.BoundedSemaphore(max(1, min(os.cpu_count() or 1, 4)))
_idle: list[_Helper] = []
_idle_lock = threading.Lock()


async def extract_in_child(page: bytes, url: str, *, seconds: float) -> str:
    """The article of ``page`` as HTML ("" for none), found in a helper process.

    Raises ExtractionError when it takes longer than ``seconds`` or the helper fails; when
    this coroutine is cancelled, the helper is killed within a tenth of a second.
    """
    stop = threading.Event()
    try:
        return await asyncio.to_thread(_extract, page, url, seconds, stop)
    finally:
        stop.set()  # given up (cancelled): the thread kills the helper at its next look


def _extract(page: bytes, url: str, seconds: float, stop: threading.Event) -> str:
    """One page, in a free helper once a core is free; blocks."""
    while not _SLOTS.acquire(timeout=_POLL):
        if stop.is_set():
            return ""
    try:
        if stop.is_set():  # given up just as the core came free
            return ""
        with _idle_lock:
            helper = _idle.pop() if _idle else None
        if helper is None or not helper.alive:  # none idle, or it died waiting (OOM killer)
            helper = _Helper()
        found = helper.extract(page, url, time.monotonic() + seconds, stop)
        if found is None:
            helper.kill()
            if stop.is_set():
                return ""
            raise ExtractionError(f"reading the page took longer than {seconds:g} s")
        with _idle_lock:
            _idle.append(helper)
        return found
    finally:
        _SLOTS.release()


class _Helper:
    """One helper process; its pipes carry length-prefixed frames each way."""

    def __init__(self) -> None:
        try:
            self._process = subprocess.Popen(
                # -P: `-m` would put the working directory first on sys.path, and a
                # trafilatura.py or json.py in the user's folder would run in our place.
                [sys.executable, "-P", "-m", "newsterm.extraction", str(os.getpid())],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,  # nothing it says may reach the screen
                close_fds=True,
            )
        except OSError as exc:
            raise ExtractionError(f"could not start the page reader: {exc}") from exc

    def extract(self, page: bytes, url: str, deadline: float, stop: threading.Event) -> str | None:
        """The article, or None when ``deadline`` passed or ``stop`` was set."""
        process = self._process
        assert process.stdin is not None and process.stdout is not None
        try:
            _write_frame(process.stdin, url.encode("utf-8", "replace"))
            _write_frame(process.stdin, page)
            process.stdin.flush()
            answer = _read_frame(process.stdout.fileno(), deadline, stop)
        except (OSError, ValueError) as exc:  # it died, or sent what no helper sends
            self.kill()
            raise ExtractionError("the page could not be read (its reader stopped)") from exc
        return None if answer is None else answer.decode("utf-8", "replace")

    @property
    def alive(self) -> bool:
        return self._process.poll() is None

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self._process.kill()
        self.close()

    def close(self) -> None:
        """Let it go: closing its input ends an idle helper."""
        for pipe in (self._process.stdin, self._process.stdout):
            with contextlib.suppress(OSError):
                if pipe is not None:
                    pipe.close()
        try:
            self._process.wait(_REAP)
        except subprocess.TimeoutExpired:
            self._process.kill()


def _write_frame(out: IO[bytes], data: bytes) -> None:
    out.write(_HEADER.pack(len(data)))
    out.write(data)


def _read_frame(fd: int, deadline: float, stop: threading.Event) -> bytes | None:
    """One frame from ``fd``; None when ``deadline`` passes or ``stop`` is set first."""
    wanted: int | None = None
    data = bytearray()
    while wanted is None or len(data) < wanted:
        if stop.is_set() or time.monotonic() > deadline:
            return None
        ready, _, _ = select.select([fd], [], [], _POLL)
        if not ready:
            continue
        piece = os.read(fd, 1 << 16)
        if not piece:
            raise OSError("the page reader ended")
        data += piece
        if wanted is None and len(data) >= _HEADER.size:
            (wanted,) = _HEADER.unpack_from(data)
            if wanted > _MAX_ANSWER:
                raise ValueError("answer too long")
            wanted += _HEADER.size
    return bytes(data[_HEADER.size :])


@atexit.register
def _close_idle() -> None:
    with _idle_lock:
        helpers, _idle[:] = list(_idle), []
    for helper in helpers:
        helper.close()


def _serve(parent: int) -> None:
    """The helper: read a URL and a page, answer with the article, until input ends."""
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    source, answers = sys.stdin.buffer, sys.stdout.buffer
    while True:
        url, page = _next_frame(source), _next_frame(source)
        if url is None or page is None:
            return  # the app closed our input: it is done with us
        try:
            found = extract_article(page, url.decode("utf-8", "replace"))
        except Exception:  # whatever hostile markup does, it is "no article here"
            found = ""
        _write_frame(answers, found.encode("utf-8", "surrogatepass"))
        answers.flush()


def _watch_parent(parent: int) -> None:
    """End this helper once the app is gone, even in the middle of a page: a parent
    killed outright never closes our input. (PR_SET_PDEATHSIG cannot serve: it fires when
    the parent's thread that started us ends, and that is a short-lived worker thread.)"""
    while os.getppid() == parent:
        time.sleep(_WATCH)
    os._exit(0)


def _next_frame(source: IO[bytes]) -> bytes | None:
    header = source.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    if size > MAX_PAGE_BYTES + 1024:
        return None  # not from newsterm: stop
    data = source.read(size)
    return data if len(data) == size else None


if __name__ == "__main__":
    _serve(int(sys.argv[1]))
