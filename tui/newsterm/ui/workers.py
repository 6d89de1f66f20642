"""One place that turns a worker's exception into a WorkFailed message the screen reports."""

from __future__ import annotations

from textual.message_pump import MessagePump
from textual.worker import Worker, WorkerState

from newsterm.ui.messages import WorkFailed


class ReportsWorkerFailures:
    """Mixed into a widget or screen that starts workers: a worker that raised posts WorkFailed.

    Textual calls the handler of every class in the MRO, so a class mixing this in may still
    define its own on_worker_state_changed for other states without calling this one.
    """

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            assert isinstance(self, MessagePump)
            self.post_message(WorkFailed(event.worker.name, event.worker.error))
