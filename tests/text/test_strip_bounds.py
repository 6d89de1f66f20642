"""Hostile shapes cost linear time: long digit runs, quotes that never close, money everywhere.

A pattern that backtracks over the whole text took minutes on these inputs. The default run
strips each one under the suite's per-test timeout; the benchmark run also holds each to a
generous bound (each case takes well under a second here).
"""

from __future__ import annotations

import time

import pytest

from newsterm.text.strip import strip_appeals
from newsterm.text.strip.explain import explain

LIMIT_SECONDS = 10.0


def _blocks(body: str) -> str:
    """Ten paragraphs of `body`, each with an ask in it, so every block is weighed."""
    return ("<p>Donate today. " + body + "</p>") * 10


_HOSTILE = [
    _blocks("1 " * 9_000),
    _blocks("“abc " * 4_000),
    _blocks("„" * 18_000),
    _blocks("“Please donate today,” she said. " * 600),
    _blocks('"ab" donate ' * 1_500),
    _blocks("It cost $5 and 10 € and 3 dollars. " * 500),
    _blocks("'" * 18_000),
    _blocks("İ" * 9_000),
    '<p><a href="https://x.example/?' + "utm_source=" * 5_000 + '">Donate</a></p>' * 10,
]
_IDS = [
    "digits",
    "open-quotes",
    "low-quotes",
    "quoted-asks",
    "short-quotes",
    "money",
    "apostrophes",
    "lengthening-case",
    "campaign-tags",
]
_MANY_BLOCKS = "\n\n".join(f"Block number {i} says hello." for i in range(4_000))


@pytest.mark.parametrize("html", _HOSTILE, ids=_IDS)
def test_pathological_paragraphs_strip(html: str) -> None:
    result = strip_appeals(html)
    assert len(result.verdicts) == 10


@pytest.mark.benchmark
@pytest.mark.parametrize("html", _HOSTILE, ids=_IDS)
def test_pathological_paragraphs_strip_in_bounded_time(html: str) -> None:
    started = time.perf_counter()
    strip_appeals(html)
    assert time.perf_counter() - started < LIMIT_SECONDS


def test_explain_covers_every_block() -> None:
    assert explain(strip_appeals(_MANY_BLOCKS)).count("\n[") == 4_000


@pytest.mark.benchmark
def test_explain_is_linear_in_blocks() -> None:
    started = time.perf_counter()
    explain(strip_appeals(_MANY_BLOCKS))
    assert time.perf_counter() - started < LIMIT_SECONDS
