"""Feed text reaches the terminal with no escape sequence and no residue of one."""

from __future__ import annotations

import pytest

from newsterm.text.sanitize import one_line, strip_controls


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1b]0;pwned\x07b", "ab"),  # OSC 0: set the window title
        ("a\x1b]2;pwned\x1b\\b", "ab"),  # OSC 2, ended by ST
        ("\x1b]52;c;aGVsbG8=\x07copied?", "copied?"),  # OSC 52: write the clipboard
        ("x\x1b[2J\x1b[Hy", "xy"),  # CSI: clear the screen, home the cursor
        ("\x1b]8;;https://e.vil/\x1b\\click\x1b]8;;\x1b\\", "click"),  # OSC 8 hyperlink
        ("t\x9b31mred\x9b0m", "tred"),  # 8-bit CSI
        ("p\x9d0;title\x9cq", "pq"),  # 8-bit OSC and ST
        ("\x1bPq#0;2;0;0;0\x1b\\sixel", "sixel"),  # DCS (sixel graphics)
        ("\x1b7saved\x1b8", "saved"),  # two-byte ESC sequences
        ("bell\x07 nul\x00 del\x7f", "bell nul del"),
        ("\x1b]0;never ended\nnext line", "\nnext line"),  # unterminated: up to the line's end
        ("bidi \u202eevil\u202c text", "bidi evil text"),
    ],
)
def test_escape_sequences_are_removed_whole(raw: str, shown: str) -> None:
    assert strip_controls(raw) == shown


def test_ordinary_text_is_untouched() -> None:
    text = "Plain, é, 日本語, مرحبا, emoji 🎉,\ttabs\nand lines"
    assert strip_controls(text) == text


def test_carriage_returns_become_newlines_and_one_line_collapses() -> None:
    assert strip_controls("a\r\nb\rc") == "a\nb\nc"
    assert one_line("  a\n\n b\t c\x1b[0m ") == "a b c"


def test_every_character_the_steps_change_is_seen_by_the_quick_check() -> None:
    # strip_controls returns text untouched when one scan finds nothing to change: each
    # character, alone and between letters, must come out as the full steps make it.
    from newsterm.text import sanitize

    def full_steps(text: str) -> str:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = sanitize._SEQUENCES.sub("", text)
        text = sanitize._CONTROLS.sub("", text)
        return sanitize._BIDI_CONTROLS.sub("", text)

    for code in range(0x2100):
        for text in (chr(code), f"a{chr(code)}b"):
            assert strip_controls(text) == full_steps(text), hex(code)
