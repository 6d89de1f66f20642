"""Prints the benchmark session's figures as one table (bench_report.py) when it ends."""

from __future__ import annotations

import time

import pytest
from bench_caches import cache_root
from bench_report import ROWS, table


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not ROWS:
        return
    text = table(ROWS)
    terminalreporter.write_sep("=", "benchmark figures")
    terminalreporter.write_line(text)
    cache_root().mkdir(parents=True, exist_ok=True)
    with (cache_root() / "results.md").open("a", encoding="utf-8") as out:
        out.write(f"\n## {time.strftime('%Y-%m-%d %H:%M')}\n\n{text}\n")
