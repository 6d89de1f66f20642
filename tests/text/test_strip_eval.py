"""Measured accuracy of the appeal stripper on the labelled sets in tests/data/.

Two sets: strip_eval/ and strip_holdout/ (written apart from the stripper, to measure how it
generalises). Each article is <slug>.html or <slug>.txt with <slug>.json = {"appeals": [...],
"traps": [...]}: distinctive substrings of each appeal block and of each trap paragraph (news
about donations). A block whose normalised text contains an appeal substring is an appeal
block and must be removed; every other block is genuine and must be kept; trap blocks must
never be removed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from newsterm.text.strip import strip_appeals

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
EVAL_SETS = ("strip_eval", "strip_holdout")
EVAL_DIR = DATA_DIR / "strip_eval"  # the set articles() reads when given none
MIN_ARTICLES = 10
MIN_RECALL = 0.95
MAX_FALSE_REMOVALS = 0.005

_LINK_MARK = re.compile(r"\[\d+\]")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def normalise(text: str) -> str:
    """Whitespace collapsed, curly quotes straightened: how labels and blocks are compared."""
    return " ".join(text.translate(_QUOTES).split())


@dataclass
class Report:
    """Counts over the whole set, with the examples behind every miss."""

    articles: int = 0
    appeals: int = 0
    appeals_removed: int = 0
    genuine: int = 0
    genuine_removed: int = 0
    traps: int = 0
    traps_removed: int = 0
    problems: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.appeals_removed / self.appeals if self.appeals else 1.0

    @property
    def false_rate(self) -> float:
        return self.genuine_removed / self.genuine if self.genuine else 0.0

    def summary(self, name: str = "strip eval") -> str:
        return (
            f"{name}: {self.articles} articles, {self.appeals} appeal blocks, "
            f"{self.genuine} genuine blocks ({self.traps} traps)\n"
            f"  recall {self.recall:.3f} ({self.appeals_removed}/{self.appeals})\n"
            f"  false removals {self.false_rate:.4f} ({self.genuine_removed}/{self.genuine})\n"
            f"  trap removals {self.traps_removed}/{self.traps}"
        )


def articles(directory: Path | None = None) -> list[tuple[Path, Path]]:
    """(article, labels) pairs present in an evaluation directory (EVAL_DIR by default)."""
    directory = directory or EVAL_DIR
    if not directory.is_dir():
        return []
    pairs = []
    for labels in sorted(directory.glob("*.json")):
        for suffix in (".html", ".txt"):
            source = labels.with_suffix(suffix)
            if source.exists():
                pairs.append((source, labels))
                break
    return pairs


def evaluate(pairs: list[tuple[Path, Path]]) -> Report:
    """Strip every article and score its blocks against the labels."""
    report = Report()
    for source, labels_path in pairs:
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        appeals = [normalise(a) for a in labels.get("appeals", [])]
        traps = [normalise(t) for t in labels.get("traps", [])]
        base_url = labels.get("base_url", "")
        result = strip_appeals(source.read_text(encoding="utf-8"), base_url=base_url)
        report.articles += 1
        seen_appeals: set[str] = set()
        seen_traps: set[str] = set()
        for verdict in result.verdicts:
            text = normalise(_LINK_MARK.sub("", verdict.block.text))
            if not text:
                continue
            hit = [a for a in appeals if a in text]
            trap = [t for t in traps if t in text]
            seen_appeals.update(hit)
            seen_traps.update(trap)
            where = f"{source.name}: {text[:110]!r}"
            if hit:
                report.appeals += 1
                if verdict.removed:
                    report.appeals_removed += 1
                else:
                    report.problems.append(f"MISSED  {where}")
                continue
            report.genuine += 1
            report.traps += bool(trap)
            if verdict.removed:
                report.genuine_removed += 1
                report.traps_removed += bool(trap)
                label = "TRAP REMOVED" if trap else "FALSE REMOVAL"
                report.problems.append(f"{label}  {where}  <{verdict.reason}>")
        # A label no block holds means the block models disagree: loud, never silent.
        for label in sorted(set(appeals) - seen_appeals):
            report.appeals += 1
            report.unmatched.append(f"UNMATCHED APPEAL LABEL  {source.name}: {label!r}")
        for label in sorted(set(traps) - seen_traps):
            report.unmatched.append(f"UNMATCHED TRAP LABEL  {source.name}: {label!r}")
    return report


@pytest.mark.parametrize("name", EVAL_SETS)
def test_strip_accuracy_on_labelled_articles(name: str) -> None:
    directory = DATA_DIR / name
    pairs = articles(directory)
    if len(pairs) < MIN_ARTICLES:
        pytest.skip(f"only {len(pairs)} labelled articles in {directory} (need {MIN_ARTICLES})")
    report = evaluate(pairs)
    print("\n" + report.summary(name))
    for problem in report.unmatched + report.problems:
        print("  " + problem)
    assert not report.unmatched, "labels that match no block: " + "; ".join(report.unmatched)
    assert report.traps_removed == 0, "a trap paragraph (news about donations) was removed"
    assert report.recall >= MIN_RECALL
    assert report.false_rate <= MAX_FALSE_REMOVALS


def test_normalise_matches_labels_across_markup_differences() -> None:
    assert normalise("Support  our\n work’s “future”") == 'Support our work\'s "future"'
    assert normalise(_LINK_MARK.sub("", "Donate[3] today")) == "Donate today"
