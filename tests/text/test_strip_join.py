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
from newsterm.text.strip.growth import Joining, grow
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
    "Readers, not owners",
    "We answer to readers, not to owners or advertisers.",
    "Our reporters sat through every one of those budget hearings.",
    "Become a monthly supporter today and keep it that way.",
    "Give now",
)


def _removed(html: str) -> list[str]:
    return [v.block.text for v in strip_appeals(html).verdicts if v.removed]


def test_a_boxs_title_and_rhetoric_above_its_ask_go_with_it() -> None:
    # the title names no ask, meter or button, and says nothing of the box on its own
    html = STORY + "".join(f"<p>{line}</p>" for line in BOX)
    assert _removed(html) == list(BOX)


def test_the_story_beside_the_box_stays() -> None:
    html = STORY + "".join(f"<p>{line}</p>" for line in BOX) + STORY
    gone = _removed(html)
    assert gone == list(BOX)


_STORY = Block("paragraph", "The library closes in June, the board decided on Tuesday.")
_ASK = Block("paragraph", "Become a monthly supporter today.")


def _grown(*lines: Block, fit: float = 50.0) -> tuple[list[Region], dict[int, str]]:
    """Growth of the ask at the end of `lines`, with a joining model that gives every line
    `fit` over its threshold (50: sure of every line)."""
    features = article_features(lines)
    end = len(lines)
    return grow(
        [Region(end - 1, end, True)],
        features.__getitem__,
        lambda i: -9.0,
        lambda i: False,
        end,
        joining=Joining(lambda i, core: fit),
    )


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
    grown, _ = _grown(_STORY, Block("paragraph", line), _ASK)
    assert grown == [Region(2, 3, True)]


def test_the_joining_model_takes_a_quiet_line_it_is_sure_of() -> None:
    quiet = Block("paragraph", "It matters now more than ever.")
    for fit, taken in ((50.0, True), (-50.0, False)):
        grown, why = _grown(_STORY, quiet, _ASK, fit=fit)
        assert (grown == [Region(1, 3, True)]) is taken
        assert ("box" in why.get(1, "")) is taken


def test_the_joining_model_never_takes_the_articles_last_line() -> None:
    # "Rain is expected all weekend." over an ask: the page is not all box by a guess
    grown, _ = _grown(Block("paragraph", "Rain is expected all weekend."), _ASK)
    assert grown == [Region(1, 2, True)]


def test_a_heading_element_is_never_taken_by_the_model() -> None:
    grown, _ = _grown(_STORY, Block("heading", "What comes next"), _ASK)
    assert grown == [Region(2, 3, True)]


def test_cohesion_tells_the_storys_words_from_the_boxs() -> None:
    texts = [
        "The library branch closes in June, the board decided.",
        "Library users protested the board's decision.",
        "Readers keep this newsroom independent.",
        "Independent newsroom, funded by readers: support it.",
        "The library board meets again in April.",
    ]
    cohesion = Cohesion([Block("paragraph", text) for text in texts])
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


def test_a_line_naming_the_outlet_its_box_names_is_not_the_boxs() -> None:
    # "[outlet] merchandise" beside "Join the [outlet] Patreon" is the shop's link
    ask = Block("paragraph", "Support the Valley Ledger: become a member today.")
    named = Block("paragraph", "Valley Ledger merchandise")
    grown, _ = _grown(_STORY, named, ask)
    assert grown == [Region(2, 3, True)]


@pytest.mark.parametrize(
    "line", ["Nobody answered.", "Tickets sold out.", "Prices rose again.", "It remains closed."]
)
def test_a_short_story_line_beside_an_inline_ask_stays(line: str) -> None:
    ask = "<p>We rely on readers like you. Become a member today.</p><p>Donate</p>"
    for html in (STORY + ask + f"<p>{line}</p>" + STORY, STORY + f"<p>{line}</p>" + ask + STORY):
        assert line not in _removed(html)


def test_a_headline_after_a_signed_ask_is_no_name_under_it() -> None:
    html = (
        STORY
        + "<p>Please support our reporting with a donation today.</p><p>— The Ledger team</p>"
        + "<p>Update: County Board Reverses Vote</p>"
        + STORY
    )
    assert "Update: County Board Reverses Vote" not in _removed(html)


def test_a_box_word_does_not_carry_the_box_on_past_a_guessed_line() -> None:
    # the model takes the box's title; "Donors gave generously." above it is the story's
    line = "Donors gave generously."
    html = STORY + f"<p>{line}</p>" + "".join(f"<p>{box}</p>" for box in BOX) + STORY
    assert line not in _removed(html)


def test_a_you_alone_says_nothing_of_the_box() -> None:
    line = "You can watch the meeting online."
    ask = "<p>We rely on readers like you. Become a member today.</p><p>Donate</p>"
    assert line not in _removed(STORY + ask + f"<p>{line}</p>" + STORY)
