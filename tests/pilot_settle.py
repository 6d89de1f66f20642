"""Waiting for a running app to settle: shared by the UI tests and the scale benchmarks."""

from __future__ import annotations

import contextlib

from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerFailed, WorkerState


async def settle(pilot: Pilot[object], rounds: int = 12) -> None:
    """Let workers finish and their messages be handled, until no work is left.

    Work can start more work (a loaded view starts page loads), so wait in rounds.
    """
    app = pilot.app
    for _ in range(rounds):
        # A worker replaced by a newer exclusive one, or a failed one (the app reports it).
        with contextlib.suppress(WorkerCancelled, WorkerFailed):
            await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers):
            return
