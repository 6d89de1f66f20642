"""Notifications that may quote a feed: shown as plain text, one clean line at a time."""

from __future__ import annotations

from textual.notifications import SeverityLevel
from textual.widget import Widget

from newsterm.text.sanitize import one_line


def say(
    widget: Widget,
    text: str,
    *,
    title: str = "",
    severity: SeverityLevel = "information",
    timeout: float | None = None,
) -> None:
    """Notify from ``widget`` with text that is never markup and never reaches the terminal raw."""
    widget.notify(
        "\n".join(one_line(line) for line in text.split("\n")),
        title=one_line(title),
        severity=severity,
        timeout=timeout,
        markup=False,
    )
