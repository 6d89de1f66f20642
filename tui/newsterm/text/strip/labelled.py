"""Labelled articles for training and measuring the stripper, and block-level scoring.

Two formats. A JSON article ({"outlet", "lang", "blocks": [[label, text], ...]}, labels "a"
appeal, "g" genuine, "t" trap) is given to the stripper as one <p> per block: words only, no
markup hints, as a reader with bare paragraphs would see it. An older article is an .html or
.txt file beside a .json of distinctive substrings ({"appeals": [...], "traps": [...]}).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsterm.text.strip.common import LINK_MARK

__all__ = ["Article", "Score", "load_articles", "normalise", "score"]

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
APPEAL, GENUINE, TRAP = "a", "g", "t"


def normalise(text: str) -> str:
    """Whitespace collapsed, link marks dropped, curly quotes straightened."""
    return " ".join(LINK_MARK.sub("", text).translate(_QUOTES).split())


@dataclass(frozen=True, slots=True)
class Article:
    """One labelled article: its source and a labeller for the stripper's blocks."""

    name: str
    outlet: str
    lang: str
    source: str  # HTML or plain text, as given to strip_appeals
    base_url: str
    blocks: tuple[tuple[str, str], ...] = ()  # (label, normalised text), JSON format
    appeals: tuple[str, ...] = ()  # substrings, older format
    traps: tuple[str, ...] = ()

    def label(self, texts: list[str]) -> list[str]:
        """A label for each of the stripper's block texts (normalised), in order."""
        if self.blocks:
            wanted = {text: label for label, text in self.blocks}
            return [wanted.get(text, GENUINE) for text in texts]
        out = []
        for text in texts:
            if any(a in text for a in self.appeals):
                out.append(APPEAL)
            else:
                out.append(TRAP if any(t in text for t in self.traps) else GENUINE)
        return out


def load_articles(directory: Path) -> list[Article]:
    """Every labelled article in a directory, sorted by file name."""
    found = []
    for path in sorted(directory.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if "blocks" in data:
            found.append(_from_blocks(path, data))
            continue
        for suffix in (".html", ".txt"):
            source = path.with_suffix(suffix)
            if source.exists():
                found.append(_from_substrings(path, source, data))
                break
    return found


def _from_blocks(path: Path, data: dict[str, object]) -> Article:
    rows = [(str(label), str(text)) for label, text in data["blocks"]]  # type: ignore[attr-defined]
    source = "".join(f"<p>{html.escape(text, quote=False)}</p>\n" for _, text in rows)
    blocks = tuple((label, normalise(text)) for label, text in rows)
    return Article(
        path.stem, str(data.get("outlet", path.stem)), str(data.get("lang", "")), source, "", blocks
    )


def _from_substrings(path: Path, source: Path, data: dict[str, object]) -> Article:
    appeals = tuple(normalise(a) for a in data.get("appeals", ()))  # type: ignore[attr-defined]
    traps = tuple(normalise(t) for t in data.get("traps", ()))  # type: ignore[attr-defined]
    return Article(
        path.stem,
        path.stem,
        str(data.get("lang", "")),
        source.read_text(encoding="utf-8"),
        str(data.get("base_url", "")),
        (),
        appeals,
        traps,
    )


@dataclass
class Score:
    """Block-level counts over a set, with the examples behind every miss."""

    articles: int = 0
    appeals: int = 0
    appeals_removed: int = 0
    genuine: int = 0
    genuine_removed: int = 0
    traps: int = 0
    traps_removed: int = 0
    by_lang: dict[str, list[int]] = field(default_factory=dict)  # lang -> [removed, appeals]
    problems: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.appeals_removed / self.appeals if self.appeals else 1.0

    @property
    def false_rate(self) -> float:
        return self.genuine_removed / self.genuine if self.genuine else 0.0

    def summary(self, name: str) -> str:
        langs = " ".join(f"{lang} {r}/{n}" for lang, (r, n) in sorted(self.by_lang.items()) if n)
        return (
            f"{name}: {self.articles} articles; appeal blocks removed {self.appeals_removed}/"
            f"{self.appeals} ({self.recall:.1%}); genuine removed {self.genuine_removed}/"
            f"{self.genuine} ({self.false_rate:.2%}); traps removed {self.traps_removed}/"
            f"{self.traps}\n  by language: {langs}"
        )


Stripper = Callable[[Article], list[tuple[str, bool]]]  # -> (block text, removed)


def score(articles: Iterable[Article], strip: Stripper) -> Score:
    """Run `strip` over every article and count its block decisions against the labels."""
    result = Score()
    for article in articles:
        result.articles += 1
        pairs = [(normalise(text), gone) for text, gone in strip(article)]
        pairs = [(text, gone) for text, gone in pairs if text]
        labels = article.label([text for text, _ in pairs])
        lang = result.by_lang.setdefault(article.lang, [0, 0])
        for (text, gone), label in zip(pairs, labels, strict=True):
            where = f"{article.name}: {text[:100]!r}"
            if label == APPEAL:
                result.appeals += 1
                lang[1] += 1
                result.appeals_removed += gone
                lang[0] += gone
                if not gone:
                    result.problems.append(f"MISSED  {where}")
                continue
            result.genuine += 1
            result.traps += label == TRAP
            if gone:
                result.genuine_removed += 1
                result.traps_removed += label == TRAP
                result.problems.append(f"{'TRAP' if label == TRAP else 'FALSE'}  {where}")
    return result
