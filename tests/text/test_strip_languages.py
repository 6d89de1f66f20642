"""Languages as data: every language fills every slot. Sites come from the public suffix list."""

from __future__ import annotations

import pytest

from newsterm.text.strip.lang import LANGUAGES, PHRASE_SLOTS
from newsterm.text.strip.markup import same_site, site_of
from newsterm.text.strip.matcher import INLINE_SLOTS, matcher
from newsterm.text.strip.trie import expand

DEEP = ("en", "de", "fr", "es", "pt", "it", "nl", "pl")  # the same depth in each
MIN_PHRASES = {
    "reader": 12,
    "publisher": 20,
    "meter": 12,
    "signoff": 15,
    "funded": 6,
    "polite": 3,
    "recipient": 2,
}
# (else 25)
# The precise asks decide seeds: the deep languages hold a comparable number of them.
MIN_ASKS_DEEP = 70
MIN_FUNDED_DEEP = 14


def test_the_registry_holds_the_languages_newsterm_reads() -> None:
    assert set(DEEP) | {"cs", "ca"} <= set(LANGUAGES)


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_language_fills_every_slot(code: str) -> None:
    lexicon = LANGUAGES[code]
    for slot in PHRASE_SLOTS:
        phrases = getattr(lexicon, slot)
        least = MIN_PHRASES.get(slot, 25)
        assert len(phrases) >= least, f"{code}.{slot} has {len(phrases)} phrases (< {least})"
        assert all(p == p.lower().strip() and p for p in phrases), f"{code}.{slot}: lower case"


@pytest.mark.parametrize("code", DEEP)
def test_the_deep_languages_know_as_many_asks(code: str) -> None:
    lexicon = LANGUAGES[code]
    assert len(lexicon.ask) >= MIN_ASKS_DEEP, f"{code}.ask: {len(lexicon.ask)}"
    assert len(lexicon.funded) >= MIN_FUNDED_DEEP, f"{code}.funded: {len(lexicon.funded)}"


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_inline_phrase_matches_itself(code: str) -> None:
    m = matcher()
    for slot in PHRASE_SLOTS:
        if slot in ("button", "polite", "recipient"):
            continue  # matched whole, not inside a text
        for pattern in getattr(LANGUAGES[code], slot):
            for phrase in expand(pattern):
                # "~" stands for an outlet's name of one to three words
                text = phrase.replace("*", "s").replace("~", "the ledger ").rstrip()
                if "*" in phrase.rstrip("*") or not text[-1:].isalnum():
                    continue  # a stem inside a phrase matches only to its star
                if slot in ("ask", "funded"):
                    hits = [
                        slot for at, _, f in m.asks(text) if at == 0 and f == (slot == "funded")
                    ]
                else:
                    hits = [INLINE_SLOTS[k] for at, slots in m.find(text) for k in slots if at == 0]
                assert slot in hits, f"{code}.{slot}: {phrase!r} does not match itself"


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_button_is_a_whole_line_button(code: str) -> None:
    for pattern in LANGUAGES[code].button:
        for label in expand(pattern):
            assert matcher().button(f"  {label.rstrip('*')} → "), f"{code}: {label!r}"


def test_sites_come_from_the_public_suffix_list() -> None:
    assert same_site("www.taz.de", "taz.de")
    assert not same_site("alice.github.io", "bob.github.io")
    assert site_of("news.bbc.co.uk") == "bbc.co.uk"
    assert site_of("") == ""
