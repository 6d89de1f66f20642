"""How many typical 5 KB articles the appeal stripper handles per second on one core."""

from __future__ import annotations

import random
import subprocess
import sys
import time

import pytest

from newsterm.text.strip import strip_appeals

TARGET_PER_SECOND = 2_000
ARTICLES = 2_000

_SUBJECTS = [
    "The city council",
    "State regulators",
    "The school board",
    "Researchers at the university",
    "The transit agency",
    "A federal judge",
    "Hospital officials",
    "The county's election office",
]
_VERBS = [
    "approved",
    "delayed",
    "rejected",
    "questioned",
    "announced",
    "expanded",
    "reviewed",
    "defended",
]
_OBJECTS = [
    "a $48 million plan to repair roads and bridges",
    "new rules for short-term rentals in the downtown districts",
    "a contract with the private operator of the bus network",
    "the budget for next year after weeks of public hearings",
    "an audit of overtime spending in the police department",
    "the proposal to close two elementary schools",
]
_TAILS = [
    "according to documents obtained by reporters.",
    "officials said on Tuesday.",
    "though critics said the measure did not go far enough.",
    "a decision expected to affect thousands of residents.",
    "after a heated debate that lasted late into the night.",
]
_APPEALS = [
    "<p><em>This story is free because readers like you fund our newsroom. "
    "<a href='/donate'>Donate today</a>.</em></p>",
    "<aside class='newsletter-signup'><h4>Get our free newsletter</h4><p>Sign up for our "
    "daily briefing, delivered to your inbox.</p><form action='/subscribe'>"
    "<input type='email'><input type='submit' value='Sign up'></form></aside>",
    "<p>We've launched a fundraising campaign with a goal to raise $27,000 in the next 72 "
    "hours. Make a tax-deductible one-time or monthly donation now!</p>",
]
_TRAPS = [
    "<p>The senator's campaign raised $12 million in the quarter, filings show.</p>",
    "<p>The charity telethon raised £2m for children's hospitals, organisers said.</p>",
]


def _sentence(rng: random.Random) -> str:
    sentence = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}, "
    return sentence + rng.choice(_TAILS)


def _paragraph(rng: random.Random) -> str:
    text = " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
    if rng.random() < 0.4:
        text = text.replace(" the ", ' the <a href="https://news.example/p/1">linked</a> ', 1)
    if rng.random() < 0.2:
        text = text.replace(" a ", " a <strong>bold</strong> ", 1)
    return f"<p>{text}</p>\n"


def typical_article(rng: random.Random, size: int = 5_000) -> str:
    """A feed article of about `size` bytes: paragraphs, links, a list, maybe an appeal."""
    parts = ["<h2>Council approves budget</h2>\n"]
    if rng.random() < 0.3:
        parts.append(rng.choice(_APPEALS))
    while sum(map(len, parts)) < size - 600:
        roll = rng.random()
        if roll < 0.08:
            parts.append("<ul><li>First point here</li><li>Second point, longer</li></ul>\n")
        elif roll < 0.12:
            parts.append(
                '<figure><img src="a.jpg" alt="A photo"><figcaption>Caption</figcaption></figure>\n'
            )
        elif roll < 0.16:
            parts.append(rng.choice(_TRAPS))
        else:
            parts.append(_paragraph(rng))
    if rng.random() < 0.3:
        parts.append(rng.choice(_APPEALS))
    return "<div class='entry-content'>" + "".join(parts) + "</div>"


@pytest.mark.benchmark
def test_strip_speed() -> None:
    rng = random.Random(42)
    articles = [typical_article(rng) for _ in range(ARTICLES)]
    strip_appeals(articles[0])  # builds the phrase tables once
    best = float("inf")
    removed = 0
    for _ in range(3):
        started = time.perf_counter()
        removed = sum(
            strip_appeals(a, base_url="https://news.example/").removed_count for a in articles
        )
        best = min(best, time.perf_counter() - started)
    rate = len(articles) / best
    size = sum(map(len, articles)) / len(articles)
    print(f"\nstrip: {rate:,.0f} articles/s ({size:,.0f} bytes average, {removed} appeals)")
    assert removed > 0
    assert rate >= TARGET_PER_SECOND


FIRST_CALL_SECONDS = 0.15
_FIRST_CALL = """
import sys, time
from newsterm.text.strip import strip_appeals
started = time.perf_counter()
strip_appeals(sys.argv[1], base_url="https://news.example/")
print(time.perf_counter() - started)
"""


@pytest.mark.benchmark
@pytest.mark.parametrize(
    "article",
    ["<p>The council approved the budget, officials said.</p>", "<p>Donate today.</p>"],
    ids=["no ask", "an ask"],
)
def test_strip_first_call(article: str) -> None:
    """A fresh process's first call, which builds the phrase tables it needs: an article with
    no ask needs only the table that finds asks."""
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", _FIRST_CALL, article],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for _ in range(3)
    ]
    print(f"\nstrip, first call ({article[:30]}…): {min(times) * 1000:.0f} ms (best of 3)")
    assert min(times) <= FIRST_CALL_SECONDS
