"""Make feed text safe for a terminal: no control characters, no escape sequences."""

from __future__ import annotations

import re

# Whole escape sequences first, so no "]0;title" residue is left on screen:
# CSI (ESC [ or 0x9b) params then a final byte; OSC, DCS, SOS, PM and APC
# strings up to BEL or ST (or the end of the line, if a feed never ends one);
# then any other two-byte ESC sequence.
_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)
_INTRODUCERS = re.compile(r"[\x1b\x90-\x9f]")
# C0 controls except tab and newline, DEL, and C1 controls (0x80-0x9f, which
# some terminals read as 8-bit CSI/OSC introducers). Removing ESC and these
# defeats every escape sequence (OSC 0/2 title, OSC 52 clipboard, CSI clear,
# OSC 8 links) the pattern above did not recognise.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi overrides and isolates can make a terminal line display in an order
# other than its bytes (trojan-source style); ordinary RTL text needs none.
_BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# Any character one of the steps below would change: most feed text has none, and one
# scan for them costs less than the four the steps make.
_ANY_CHANGE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# ASCII's characters that str.isprintable() rejects, and the same less tab and newline.
_ASCII_UNPRINTABLE = bytes(range(0x20)) + b"\x7f"
_ASCII_CONTROLS = _ASCII_UNPRINTABLE.replace(b"\t", b"").replace(b"\n", b"")


def is_printable(text: str, lines: bool = False) -> bool:
    """str.isprintable(), with tabs and newlines allowed too when `lines`. Most feed text is
    ASCII, and deleting its control bytes in one C call takes a quarter of the instructions
    isprintable spends on a character-class lookup per character."""
    if text.isascii():
        data = text.encode("ascii")
        return len(data.translate(None, _ASCII_CONTROLS if lines else _ASCII_UNPRINTABLE)) == len(
            data
        )
    if lines:
        text = text.replace("\n", " ").replace("\t", " ")
    return text.isprintable()


def strip_controls(text: str) -> str:
    """Remove control characters and bidi overrides, keeping newlines and tabs."""
    # most texts have nothing to strip: a printable one (no control, no format character,
    # no line break) is known in one C call, any other in one scan
    if text.isprintable() or not _ANY_CHANGE.search(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _INTRODUCERS.search(text):
        text = _SEQUENCES.sub("", text)
    text = _CONTROLS.sub("", text)
    return _BIDI_CONTROLS.sub("", text)


def one_line(text: str) -> str:
    """A single display line: controls removed, all whitespace runs made one space."""
    # str.split() splits on exactly the characters \s matches (str.isspace), and joining
    # takes a sixth of the instructions a regex substitution and a strip do on a short text
    return " ".join(strip_controls(text).split())
