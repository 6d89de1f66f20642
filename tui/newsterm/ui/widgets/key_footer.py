"""The footer: Textual's, recomposed only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's Footer rebuilds its keys at every bindings signal: a dozen times while the
    app starts (each mount and focus move), and at every focus move after. Here the signals
    of one refresh become one look, and the keys are rebuilt only if what they show differs.
    """

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._shown: tuple[object, ...] | None = None  # the keys last composed
        self._looking = False  # a look is due after the next refresh

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Overrides Footer's own handler and sets its private flag, as Footer's does (Textual
        # 8.2): a Textual release that renames either breaks this, and the footer tests fail.
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._looking:
            self._looking = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._looking = False
        shown = self._keys()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()

    def _keys(self) -> tuple[object, ...]:
        """What compose() reads from the screen's bindings, the palette's key included."""
        return tuple(
            (binding, enabled, tooltip)  # Binding is a frozen dataclass: its every field counts
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
        )
