"""What u undoes: the last marks and feed changes, newest first, for as long as the app runs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

MAX_STEPS = 100
"""Steps kept; the oldest go first."""


@dataclass(frozen=True, slots=True)
class UndoStep:
    """How to take one change back: ``run`` blocks (call it in a worker); ``said`` says what."""

    said: str
    run: Callable[[], None]


class UndoLog:
    """The steps that undo recent changes, newest last."""

    def __init__(self, limit: int = MAX_STEPS) -> None:
        self._steps: list[UndoStep] = []
        self._limit = limit

    def __len__(self) -> int:
        return len(self._steps)

    def push(self, step: UndoStep) -> None:
        self._steps.append(step)
        del self._steps[: -self._limit]

    def pop(self) -> UndoStep | None:
        """The newest step, taken off the log; None when there is nothing to undo."""
        return self._steps.pop() if self._steps else None
