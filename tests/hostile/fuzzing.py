"""Budgets and inputs shared by the hostile-input tests.

The default budgets keep the whole folder well under a minute; set
NEWSTERM_FUZZ_EXAMPLES (hypothesis examples per property) and NEWSTERM_FUZZ_CASES
(mutated documents per mutation test) for longer runs, or run ``-m fuzz``.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

TESTS = Path(__file__).resolve().parents[1]
CORPUS = TESTS.parent.parent / "shared" / "corpus" / "feeds"
FIXTURES = TESTS / "data" / "feeds"
SEED = 20_260_501


def budget(variable: str, default: int) -> int:
    """A case count: the environment's, when set, else ``default``."""
    value = os.environ.get(variable, "")
    return int(value) if value.isdigit() and int(value) > 0 else default


def examples(default: int) -> settings:
    """Hypothesis settings: NEWSTERM_FUZZ_EXAMPLES examples (default ``default``), no deadline."""
    return settings(
        max_examples=budget("NEWSTERM_FUZZ_EXAMPLES", default),
        deadline=None,
        derandomize=True,  # the same examples on every run: a failure here is reproducible
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )


def feed_files() -> list[Path]:
    """Every fixture feed, and every corpus document when the shared corpus is present."""
    files = sorted(FIXTURES.iterdir())
    if CORPUS.is_dir():
        files += sorted(
            p
            for p in CORPUS.iterdir()
            if p.is_file() and p.name not in ("MANIFEST.tsv", "LICENSES.md")
        )
    return files
