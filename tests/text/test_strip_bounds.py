"""Hostile shapes cost linear time: long digit runs, quotes that never close, money everywhere.

The bound is generous (each case takes well under a second here); it catches a pattern that
backtracks over the whole text, which took minutes on these inputs.
"""

from __future__ import annotations

import time

import pytest

from newsterm.text.strip import strip_appeals
from newsterm.text.strip.explain import explain

LIMIT_SECONDS = 10.0


@pytest.mark.parametrize(
    "html",
    [
        "<p>" + "1 " * 50_000 + "</p>",
        "<p>" + "“abc " * 100_000 + "</p>",
        "<p>" + "“Please donate today,” she said. " * 20_000 + "</p>",
        "<p>" + "It cost $5 and 10 € and 3 dollars. " * 20_000 + "</p>",
        "<p>" + "'" * 200_000 + "</p>",
    ],
    ids=["digits", "open-quotes", "quoted-asks", "money", "apostrophes"],
)
def test_pathological_paragraphs_strip_in_bounded_time(html: str) -> None:
    started = time.perf_counter()
    strip_appeals(html)
    assert time.perf_counter() - started < LIMIT_SECONDS


def test_explain_is_linear_in_blocks() -> None:
    text = "\n\n".join(f"Block number {i} says hello." for i in range(4_000))
    started = time.perf_counter()
    out = explain(strip_appeals(text))
    assert time.perf_counter() - started < LIMIT_SECONDS
    assert out.count("\n[") == 4_000
