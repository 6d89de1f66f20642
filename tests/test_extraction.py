"""The helper processes that find the article in a page: cut off at the deadline, killed
when the caller gives up, replaced when one dies."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from pathlib import Path

import pytest

from extraction_helpers import HOSTILE_PAGE, helper_states, helpers
from newsterm import extraction
from newsterm.errors import ExtractionError
from newsterm.extraction import _close_idle, extract_in_child

PAGE = (Path(__file__).parent / "data" / "fulltext" / "harbor-ferry.html").read_bytes()


def _extract(page: bytes, seconds: float = 15.0) -> str:
    return asyncio.run(extract_in_child(page, "https://harbor.example/ferry", seconds=seconds))


def test_a_page_past_the_deadline_is_refused_and_its_helper_killed() -> None:
    with pytest.raises(ExtractionError, match=r"^reading the page took longer than 0\.3 s$"):
        _extract(HOSTILE_PAGE, seconds=0.3)
    assert "R" not in helper_states()
    assert "floating landing" in _extract(PAGE)  # a fresh helper for the next page


def test_giving_up_kills_the_helper_at_once() -> None:
    async def give_up() -> None:
        task = asyncio.create_task(extract_in_child(HOSTILE_PAGE, "", seconds=120))
        while "R" not in helper_states():
            await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(give_up())  # returns once the thread that waited on the helper is done
    assert "R" not in helper_states()


def test_an_idle_helper_that_died_is_replaced() -> None:
    assert "floating landing" in _extract(PAGE)
    killed = list(helpers())
    for pid in killed:
        os.kill(pid, signal.SIGKILL)  # as the kernel's OOM killer might, while it waits
    while not all(_dead(pid) for pid in killed):
        time.sleep(0.01)
    assert "floating landing" in _extract(PAGE)


def _dead(pid: int) -> bool:
    """Dead and waiting to be reaped: only its first thread is left, a zombie (until the
    others have gone, the process cannot be reaped yet)."""
    tasks = list(Path(f"/proc/{pid}/task").iterdir())
    stat = Path(f"/proc/{pid}/stat").read_text()
    return [t.name for t in tasks] == [str(pid)] and stat.rsplit(")", 1)[1].split()[0] == "Z"


def test_modules_in_the_working_directory_are_never_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`newsterm show 1 --full` run in a folder of downloads must not run the folder's code."""
    planted = tmp_path / "imported"
    for name in ("trafilatura", "json"):
        (tmp_path / f"{name}.py").write_text(
            f"import pathlib\npathlib.Path({str(planted)!r}).touch()\n"
        )
    monkeypatch.chdir(tmp_path)
    _close_idle()  # a helper started here, not an idle one from elsewhere
    assert "floating landing" in _extract(PAGE)
    assert not planted.exists()


def test_a_page_given_up_while_waiting_for_a_core_is_never_sent_to_a_helper(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The core comes free just after the caller gave up: the page must not be read."""
    sent: list[str] = []
    extract = extraction._Helper.extract
    monkeypatch.setattr(
        extraction._Helper,
        "extract",
        lambda self, page, url, *rest: sent.append(url) or extract(self, page, url, *rest),
    )
    slots = extraction._SLOTS
    held = 0
    while slots.acquire(blocking=False):  # every core busy
        held += 1

    async def give_up() -> None:
        task = asyncio.create_task(extract_in_child(PAGE, "https://given.up/", seconds=15))
        await asyncio.sleep(0.3)  # waiting for a core
        task.cancel()
        await asyncio.sleep(0)  # the task's `finally` tells its thread to stop
        for _ in range(held):
            slots.release()  # a core comes free while the thread waits for one
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(give_up())
    assert sent == []
