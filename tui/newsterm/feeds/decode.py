"""Content-Encoding decoded in bounded steps, so a compression bomb stops at the size cap.

httpx's own decoders inflate a whole network chunk at once: 64 KB of gzip can
become 64 MB, and 300 bytes of brotli 200 MB, before any size check runs.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from newsterm.errors import FetchError
from newsterm.text.sanitize import one_line

__all__ = ["ACCEPT_ENCODING", "make_decoders", "pipe"]

_PIECE = 64 * 1024  # most decoded bytes one decompression step may produce
_MAX_CODINGS = 3


def _bounded_brotli() -> Any:
    """The brotli module if its decoder can cap each step's output, else None."""
    try:
        import brotli
    except ImportError:
        return None
    # Without a per-step output limit, a few hundred bytes of brotli can expand
    # to gigabytes in one call, long before the size cap gets a look.
    return brotli if hasattr(brotli.Decompressor(), "can_accept_more_data") else None


_BROTLI = _bounded_brotli()
ACCEPT_ENCODING = "gzip, deflate, br" if _BROTLI else "gzip, deflate"
"""What newsterm asks for: brotli only where it can be decoded in bounded steps."""


class _Decoder(Protocol):
    def feed(self, data: bytes) -> Iterator[bytes]: ...


class _Identity:
    def feed(self, data: bytes) -> Iterator[bytes]:
        if data:
            yield data


class _Zlib:
    """gzip, or deflate with or without its zlib wrapper (servers send both)."""

    def __init__(self, gzip: bool) -> None:
        self._raw_fallback = not gzip
        self._d = zlib.decompressobj(zlib.MAX_WBITS | 16 if gzip else zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        while True:
            try:
                out = self._d.decompress(data, _PIECE)
            except zlib.error:
                if not self._raw_fallback:
                    raise
                self._d = zlib.decompressobj(-zlib.MAX_WBITS)
                out = self._d.decompress(data, _PIECE)
            self._raw_fallback = False
            data = self._d.unconsumed_tail
            if out:
                yield out
            if len(out) < _PIECE:  # input used up (or stream ended); nothing is pending
                return


class _Brotli:
    def __init__(self) -> None:
        self._d = _BROTLI.Decompressor()

    def feed(self, data: bytes) -> Iterator[bytes]:
        while not self._d.is_finished():
            out = self._d.process(data, output_buffer_limit=_PIECE)
            data = b""
            if not out:
                return
            yield out


def make_decoders(codings: Sequence[str]) -> list[_Decoder]:
    """Decoders outermost first (the reverse of the order the server applied them)."""
    names = [c.strip().lower() for c in codings if c.strip().lower() not in ("", "identity")]
    if len(names) > _MAX_CODINGS:
        raise FetchError("too many content encodings")
    decoders: list[_Decoder] = []
    for name in reversed(names):
        if name in ("gzip", "x-gzip", "deflate"):
            decoders.append(_Zlib(gzip=name != "deflate"))
        elif name == "br" and _BROTLI is not None:
            decoders.append(_Brotli())
        else:
            raise FetchError(f"unsupported content encoding: {one_line(name)[:40]}")
    return decoders or [_Identity()]


def pipe(decoders: Sequence[_Decoder], data: bytes) -> Iterator[bytes]:
    """``data`` through every decoder, lazily, so memory stays bounded by _PIECE."""
    try:
        if len(decoders) == 1:
            yield from decoders[0].feed(data)
            return
        for piece in decoders[0].feed(data):
            yield from pipe(decoders[1:], piece)
    except zlib.error:
        raise FetchError("corrupt compressed body") from None
    except Exception as exc:
        if _BROTLI is not None and isinstance(exc, _BROTLI.error):
            raise FetchError("corrupt compressed body") from None
        raise
