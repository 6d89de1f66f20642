"""Known misses of the learned stripper on the hand-written cases of test_strip.py.

These cases were written for the rule engine newsterm had before; the learned model misses
some of them (it is measured on real-shaped articles instead, see test_strip_eval.py). Each
is marked as an expected failure, strictly: a case that starts passing fails the run until
it is taken off strip_known_misses.json, so the list never goes stale.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

_KNOWN = frozenset(
    json.loads((Path(__file__).parent / "strip_known_misses.json").read_text(encoding="utf-8"))
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.name == "test_strip.py" and item.name in _KNOWN:
            item.add_marker(pytest.mark.xfail(strict=True, reason="known miss of the model"))
