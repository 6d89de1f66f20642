"""Fixtures shared by newsterm's tests."""

from __future__ import annotations

import compileall
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from httpserver import LoopbackServer


def pytest_configure(config: pytest.Config) -> None:
    """Compile newsterm's modules once, before any worker or test starts.

    Many tests run newsterm in a fresh interpreter; where PYTHONDONTWRITEBYTECODE is set
    each one would compile the package again (a second or so of CPU every time). The
    files go where Python itself puts them (``__pycache__``, ignored by git).
    """
    if "PYTEST_XDIST_WORKER" not in os.environ:
        import newsterm

        for folder in newsterm.__path__:
            compileall.compile_dir(folder, quiet=2)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto`` (pyproject's default) means one process when benchmarks are picked.

    A benchmark timed while another worker runs tests measures the other worker, and
    benchmark output (``-s``, the figures table) only shows from the main process.
    """
    picks_benchmarks = re.search(r"(?<!not )\bbenchmark\b", config.option.markexpr or "")
    return 0 if picks_benchmarks else None  # None: xdist's own count, one worker a core


@pytest.fixture
def http_server() -> Iterator[LoopbackServer]:
    """A started HTTP server on 127.0.0.1, stopped when the test ends."""
    with LoopbackServer() as server:
        yield server


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """An environment whose XDG folders are inside tmp_path, so no test sees the user's files."""
    home = tmp_path / "home"
    home.mkdir()
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("NEWSTERM_")},
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
    }
