"""Small modal questions: a line of text to type (a feed's address or title), or yes or no.

The question may quote a feed's title, so it is shown as plain content, never as markup.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from newsterm.text.sanitize import one_line

_CSS = """
{name} {{
    align: center middle;
    & > Vertical {{
        width: 72;
        max-width: 90%;
        height: auto;
        border: round $accent;
        padding: 0 1;
        background: $surface;
    }}
    & .ask--hint {{ color: $text-muted; }}
}}
"""


class AskScreen(ModalScreen[str | None]):
    """One line of text; enter answers with it (stripped, maybe empty), escape with None."""

    DEFAULT_CSS = _CSS.format(name="AskScreen")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="ask.cancel"),
    ]

    def __init__(self, question: str, *, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self._question = question
        self._value = value
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(one_line(self._question)), id="question")
            yield Input(self._value, placeholder=self._placeholder, id="answer")
            yield Static("enter: OK · escape: cancel", classes="ask--hint", markup=False)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes-or-no question: y or enter answer yes; n or escape no."""

    DEFAULT_CSS = _CSS.format(name="ConfirmScreen")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(one_line(self._question)), id="question")
            yield Static("y: yes · n: no", classes="ask--hint", markup=False)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
