"""The article newsterm was made for: exactly its first and last paragraphs are appeals.

Reads ../shared/seed/ next to the repository (CI has it); fails, never skips, without it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsterm.feeds.parse import parse_feed
from newsterm.text.strip import hidden_note, strip_appeals
from newsterm.text.strip.explain import explain

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed"


@pytest.fixture(scope="module")
def seed_dir() -> Path:
    if not (SEED / "informants.txt").is_file() or not (SEED / "informants.xml").is_file():
        pytest.fail(f"the seed article is missing: expected informants.txt and .xml in {SEED}")
    return SEED


def _removed(html_or_text: str) -> list[int]:
    result = strip_appeals(html_or_text)
    texts = [v for v in result.verdicts if v.block.text.strip()]
    assert len(texts) == 12, "the seed article has twelve paragraphs"
    return [i for i, v in enumerate(texts) if v.removed]


def test_seed_text_loses_exactly_its_first_and_last_paragraphs(seed_dir: Path) -> None:
    assert _removed((seed_dir / "informants.txt").read_text(encoding="utf-8")) == [0, 11]


def test_seed_feed_item_loses_exactly_its_first_and_last_paragraphs(seed_dir: Path) -> None:
    feed = parse_feed((seed_dir / "informants.xml").read_bytes(), url="https://seed.example/")
    (entry,) = feed.entries
    html = entry.content or entry.summary
    assert _removed(html) == [0, 11]
    assert hidden_note(strip_appeals(html)) == "2 donation appeals hidden"


def test_explain_says_why_the_closing_paragraph_goes(seed_dir: Path) -> None:
    text = explain(strip_appeals((seed_dir / "informants.txt").read_text(encoding="utf-8")))
    closing = text.split("\n[11] ", 1)[1]
    verdict = closing.splitlines()[1].strip()
    assert verdict.startswith("REMOVED") and "seed" in verdict, verdict
    assert verdict.endswith("donation ask: 'make a tax-deductible'"), verdict
    why = closing.split("\n[", 1)[0]
    assert "seed: turns into the publisher's own ask ('make a tax-deductible')" in why
    assert "closing asks are 37% of the text (at least 35%)" in why
