"""The benchmark session's figures, gathered from every benchmark into one table.

Each benchmark calls ``record``; conftest.py prints the table at the end of the run, and
appends it to ``results.md`` beside the kept caches (bench_caches.cache_root).
"""

from __future__ import annotations

import os
import statistics
from dataclasses import dataclass, field

__all__ = ["ROWS", "Row", "record", "table"]


@dataclass(frozen=True)
class Row:
    what: str
    values: tuple[float, ...]
    unit: str
    note: str = ""
    load: float = field(default_factory=lambda: os.getloadavg()[0])
    """The 1-minute load average when the figure was taken: the machine is shared."""

    def cell(self) -> str:
        values = sorted(self.values)
        median = statistics.median(values)
        digits = 3 if self.unit == "s" else 1
        if len(values) == 1:
            return f"{median:.{digits}f} {self.unit}"
        return (
            f"{median:.{digits}f} {self.unit} "
            f"({values[0]:.{digits}f}–{values[-1]:.{digits}f}, n={len(values)})"
        )


ROWS: list[Row] = []


def record(what: str, values: list[float], unit: str, note: str = "") -> None:
    """One figure of this run: median, range and count are shown."""
    ROWS.append(Row(what, tuple(values), unit, note))


def table(rows: list[Row]) -> str:
    """The figures as a Markdown table."""
    lines = ["| work | median (min–max, n) | note | load |", "|---|---|---|---|"]
    lines += [f"| {r.what} | {r.cell()} | {r.note} | {r.load:.1f} |" for r in rows]
    return "\n".join(lines)
