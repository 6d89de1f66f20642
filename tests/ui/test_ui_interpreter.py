"""The app's event loop gets the interpreter back quickly from busy worker threads."""

from __future__ import annotations

import sys

from ui_helpers import StartApp

from newsterm.ui.app import THREAD_SWITCH_SECONDS


async def test_workers_hand_the_interpreter_back_within_a_millisecond_while_it_runs(
    start_app: StartApp,
) -> None:
    before = sys.getswitchinterval()
    assert before > THREAD_SWITCH_SECONDS  # Python's 5 ms, which made keys wait for a refresh
    async with start_app():
        assert sys.getswitchinterval() == THREAD_SWITCH_SECONDS
    assert sys.getswitchinterval() == before  # the process's setting, given back at exit
