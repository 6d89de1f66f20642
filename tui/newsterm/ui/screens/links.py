"""Every link of the article on one screen, numbered as in the text: move, open or copy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsterm.text.blocks import Link
from newsterm.text.sanitize import one_line

_MAX_TEXT = 60  # characters of anchor text shown before the address
_HINT = "enter open · c copy · escape close"


@dataclass(frozen=True, slots=True)
class LinkChosen:
    """What the user asked for in the link list: open or copy one link."""

    action: Literal["open", "copy"]
    url: str


class LinkListScreen(ModalScreen[LinkChosen | None]):
    """The article's links; enter or o opens, c copies, escape or q closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,l", "dismiss", "Close", id="links.close"),
        Binding("o", "open", "Open", id="links.open", tooltip="Open the link in the browser"),
        Binding("c,y", "copy", "Copy", id="links.copy", tooltip="Copy the link's address (OSC 52)"),
        Binding("j", "cursor_down", "Down", show=False, id="links.down"),
        Binding("k", "cursor_up", "Up", show=False, id="links.up"),
        Binding("g", "first", "First", show=False, id="links.first"),
        Binding("G", "last", "Last", show=False, id="links.last"),
    ]

    def __init__(
        self, links: Sequence[Link], title: str = "", *, noun: str = "link", hint: str = _HINT
    ) -> None:
        super().__init__()
        self._links = tuple(links)
        self._title = one_line(title)
        self._noun = noun
        self._hint = hint

    def compose(self) -> ComposeResult:
        options = OptionList(*(self._option(link) for link in self._links), id="link-list")
        count = len(self._links)
        counted = f"{count} {self._noun}{'' if count == 1 else 's'}"
        options.border_title = Content(f"{counted} · {self._title}"[:70])
        options.border_subtitle = self._hint
        yield options

    def on_mount(self) -> None:
        self.list.highlighted = 0
        self.list.focus()

    @staticmethod
    def _option(link: Link) -> Option:
        text = one_line(link.text)
        if len(text) > _MAX_TEXT:
            text = text[: _MAX_TEXT - 1] + "…"
        number = Content.styled(f"[{link.number}] ", "$text-accent")
        label = Content(f"{text}  " if text and text != link.url else "")
        url = Content.styled(one_line(link.url), "$text-secondary")
        return Option(Content.assemble(number, label, url), id=str(link.number))

    @property
    def list(self) -> OptionList:
        return self.query_one(OptionList)

    def _highlighted(self) -> Link | None:
        index = self.list.highlighted
        return self._links[index] if index is not None and index < len(self._links) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        link = self._highlighted()
        if link is not None:
            self.dismiss(LinkChosen("open", link.url))

    def action_copy(self) -> None:
        link = self._highlighted()
        if link is not None:
            self.dismiss(LinkChosen("copy", link.url))

    def action_cursor_down(self) -> None:
        self.list.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.list.action_cursor_up()

    def action_first(self) -> None:
        self.list.action_first()

    def action_last(self) -> None:
        self.list.action_last()
