"""Make feed text safe for a terminal: no control characters, no escape sequences."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls (0x80-0x9f, which
# some terminals read as 8-bit CSI/OSC introducers). Removing ESC and these
# defeats every escape sequence (OSC 0/2 title, OSC 52 clipboard, CSI clear,
# OSC 8 links): what is left of one is inert printable text.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi overrides and isolates can make a terminal line display in an order
# other than its bytes (trojan-source style); ordinary RTL text needs none.
_BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_SPACE_RUN = re.compile(r"\s+")


def strip_controls(text: str) -> str:
    """Remove control characters and bidi overrides, keeping newlines and tabs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub("", text)
    return _BIDI_CONTROLS.sub("", text)


def one_line(text: str) -> str:
    """A single display line: controls removed, all whitespace runs made one space."""
    return _SPACE_RUN.sub(" ", strip_controls(text)).strip()
