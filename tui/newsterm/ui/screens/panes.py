"""The main screen's panes: which one has the focus, moving between them, the filter, going back.

Escape only ever goes back (clears the filter, leaves the reader, returns to the feeds pane)
and does nothing at the top; q does the same and quits from the top.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.events import DescendantFocus, Resize
from textual.widget import Widget
from textual.widgets import Input

from newsterm.text.sanitize import one_line
from newsterm.ui.view import all_view

if TYPE_CHECKING:
    from newsterm.ui.screens.main import MainScreen

NARROW_WIDTH = 100
"""Below this many columns one pane shows at a time."""

PANES = ("feeds", "articles", "reader")


class PaneNavigation:
    """Mixed into MainScreen: three panes side by side, or one at a time on a narrow terminal."""

    def on_resize(self: MainScreen, event: Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")

    def current_pane(self: MainScreen) -> str:
        """Which pane holds the focus: feeds, articles or reader."""
        node: Widget | None = self.focused
        while node is not None and node is not self:
            if node.id == "feeds":
                return "feeds"
            if node.id == "reader":
                return "reader"
            if node.id == "list-pane":
                return "articles"
            node = node.parent if isinstance(node.parent, Widget) else None
        return "articles"

    def focus_pane(self: MainScreen, pane: str) -> None:
        """Focus ``pane``; on a narrow screen the focus then decides which pane shows."""
        widget: Widget = {
            "feeds": self.feed_list,
            "articles": self.article_list,
            "reader": self.reader,
        }[pane]
        # Focus first, re-style after (on_descendant_focus): hiding the focused pane
        # first would make Textual hand the focus to some other widget. set_focus acts
        # now, so a key typed right after (q q) already goes to the new pane.
        self.set_focus(widget)

    def show_pane(self: MainScreen, pane: str) -> None:
        """On a narrow screen, show ``pane`` alone."""
        for name in PANES:
            self.set_class(name == pane, f"-show-{name}")

    def on_descendant_focus(self: MainScreen, event: DescendantFocus) -> None:
        self.show_pane(self.current_pane())

    def action_next_pane(self: MainScreen) -> None:
        self.focus_pane(PANES[(PANES.index(self.current_pane()) + 1) % len(PANES)])

    def action_previous_pane(self: MainScreen) -> None:
        self.focus_pane(PANES[(PANES.index(self.current_pane()) - 1) % len(PANES)])

    # ----------------------------------------------------------------- the filter

    @property
    def filter_field(self: MainScreen) -> Input:
        return self.query_one("#filter", Input)

    def action_filter(self: MainScreen) -> None:
        field = self.filter_field
        field.display = True
        field.focus()

    def on_input_changed(self: MainScreen, event: Input.Changed) -> None:
        view = self.article_list.view
        if event.input.id == "filter" and view is not None:
            self.article_list.load(view, one_line(event.value))

    def on_input_submitted(self: MainScreen, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self.article_list.focus()

    def clear_filter(self: MainScreen) -> None:
        """Hide the filter field and show the whole view again."""
        field = self.filter_field
        field.display = False
        if field.value:
            field.value = ""  # Input.Changed reloads the list
        self.article_list.focus()

    # ----------------------------------------------------------------- going back

    def go_back(self: MainScreen) -> bool:
        """Go back one level; False when there is nowhere further back to go."""
        pane = self.current_pane()
        field = self.filter_field
        if self.focused is field or (pane == "articles" and field.value):
            self.clear_filter()
        elif pane == "reader":
            self.focus_pane("articles")
        elif pane == "articles" and not (self.article_list.view or all_view(self.config)).is_all:
            self.focus_pane("feeds")
        else:
            return False
        return True

    def action_back(self: MainScreen) -> None:
        """Escape: back a level, and nothing at all at the top (it never quits)."""
        self.go_back()

    def action_back_or_quit(self: MainScreen) -> None:
        """q: back a level, and quit from the top."""
        if not self.go_back():
            self.app.exit(return_code=0)
