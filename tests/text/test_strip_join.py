"""The joining stage: a removed region takes in the quiet lines of its box that no rule
knows (a title, the outlet's rhetoric), and never a line that says who wrote what, or when."""

from __future__ import annotations

import json
import math

import pytest

from newsterm.text.blocks import Block
from newsterm.text.strip import strip_appeals
from newsterm.text.strip.cohesion import Cohesion
from newsterm.text.strip.features import article_features
from newsterm.text.strip.growth import grow
from newsterm.text.strip.model import JOIN, JOIN_OWN, model_from_json
from newsterm.text.strip.regions import Region

STORY = (
    "<p>The county board voted 4-1 on Tuesday to close the Eastside branch library at the "
    "end of June, citing a budget shortfall of $1.2 million.</p>"
    "<p>Residents who spoke at the meeting said the branch is the only place in the "
    "neighbourhood with free internet access and an after-school program.</p>"
    "<p>The board will take up the question of the building's future use in April.</p>"
)
BOX = (
    "Local news nobody else will cover",
    "There is no chain and no billionaire behind this newsroom.",
    "Our reporters sat through every one of those budget hearings.",
    "Become a monthly supporter today and keep it that way.",
    "Give now",
)


def _removed(html: str) -> list[str]:
    return [v.block.text for v in strip_appeals(html).verdicts if v.removed]


def test_a_boxs_title_and_rhetoric_above_its_ask_go_with_it() -> None:
    # neither the title nor the first line of rhetoric names an ask, a meter or a button
    html = STORY + "".join(f"<p>{line}</p>" for line in BOX)
    assert _removed(html) == list(BOX)


def test_the_story_beside_the_box_stays() -> None:
    html = STORY + "".join(f"<p>{line}</p>" for line in BOX) + STORY
    gone = _removed(html)
    assert gone == list(BOX)


@pytest.mark.parametrize(
    "line",
    [
        "Soraya Pechtl",  # names only
        "Fijn weekend, Sanne",  # a closing signed with a name
        "Feb 11, 2025",  # a dateline
        "Mar 14",
        "Have a story? Write to us: desk@harbour-ledger.example",  # asks for tips
        "Council member Ines Warnke voted no.",  # names people
    ],
)
def test_the_joining_model_never_takes_who_wrote_what_or_when(line: str) -> None:
    texts = (line, "Become a monthly supporter today.")
    features = article_features(tuple(Block("paragraph", text) for text in texts))
    sure = lambda i, core: 50.0  # noqa: E731 - a joining model sure of every line
    grown, _ = grow(
        [Region(1, 2, True)],
        features.__getitem__,
        lambda i: -9.0,
        lambda i: False,
        2,
        learned=sure,
    )
    assert grown == [Region(1, 2, True)]


def test_the_joining_model_takes_a_quiet_line_it_is_sure_of() -> None:
    texts = (
        "The library closes in June.",
        "It matters now more than ever.",
        "Become a monthly supporter today.",
    )
    features = article_features(tuple(Block("paragraph", text) for text in texts))
    for fit, taken in ((50.0, True), (-50.0, False)):
        grown, why = grow(
            [Region(2, 3, True)],
            features.__getitem__,
            lambda i: -9.0,
            lambda i: False,
            3,
            learned=lambda i, core, fit=fit: fit,
        )
        assert (grown == [Region(1, 3, True)]) is taken
        assert ("box" in why.get(1, "")) is taken


def test_the_joining_model_never_takes_the_articles_last_line() -> None:
    # "Rain is expected all weekend." over an ask: the page is not all box by a guess
    texts = ("Rain is expected all weekend.", "Become a monthly supporter today.")
    features = article_features(tuple(Block("paragraph", text) for text in texts))
    grown, _ = grow(
        [Region(1, 2, True)],
        features.__getitem__,
        lambda i: -9.0,
        lambda i: False,
        2,
        learned=lambda i, core: 50.0,
    )
    assert grown == [Region(1, 2, True)]


def test_a_heading_element_is_never_taken_by_the_model() -> None:
    blocks = (Block("heading", "What comes next"), Block("paragraph", "Donate today."))
    features = article_features(blocks)
    grown, _ = grow(
        [Region(1, 2, True)],
        features.__getitem__,
        lambda i: -9.0,
        lambda i: False,
        2,
        learned=lambda i, core: 50.0,
    )
    assert grown == [Region(1, 2, True)]


def test_cohesion_tells_the_storys_words_from_the_boxs() -> None:
    texts = [
        "The library branch closes in June, the board decided.",
        "Library users protested the board's decision.",
        "Readers keep this newsroom independent.",
        "Independent newsroom, funded by readers: support it.",
        "The library board meets again in April.",
    ]
    cohesion = Cohesion(texts)
    story, box = cohesion.shares(2, 3, 4)
    assert (story, box) == (0.0, 1.0)  # "readers", "newsroom", "independent"
    story, box = cohesion.shares(4, 3, 4)
    assert (story, box) == (0.4, 0.0)  # "library" and "board" of five


def test_a_model_whose_joining_stage_was_trained_on_other_features_is_refused() -> None:
    from importlib import resources

    text = resources.files("newsterm").joinpath("data", "strip_model.json").read_text("utf-8")
    data = json.loads(text)
    assert data["join_features"] == list(JOIN_OWN + JOIN)
    assert all(math.isfinite(w) for w in data["join"])
    data["join_features"] = data["join_features"][1:]
    with pytest.raises(ValueError, match="joining stage"):
        model_from_json(data)
