"""The help screen: every key, by pane, from the same bindings the footer shows."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from newsterm.ui.keys import help_rows

KEY_WIDTH = 16


class HelpScreen(ModalScreen[None]):
    """A scrollable list of keys; escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="help.down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="help.up"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"help--section", "help--keys"}

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "newsterm keys"
            box.border_subtitle = "escape, q or ? closes"
            yield Static(self._content(), id="help-text")

    def _content(self) -> Content:
        lines: list[Content] = []
        section = None
        for row in help_rows(self.app):
            if row.section != section:
                if section is not None:
                    lines.append(Content(""))
                section = row.section
                lines.append(Content.styled(section, ".help--section"))
            keys = Content(" / ".join(row.keys)).truncate(KEY_WIDTH - 1, ellipsis=True, pad=True)
            lines.append(Content.assemble("  ", keys.stylize(".help--keys"), " ", row.description))
        return Content("\n").join(lines)

    def action_scroll_down(self) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_up(animate=False)
