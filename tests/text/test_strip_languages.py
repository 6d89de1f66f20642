"""Languages as data: every language fills every slot. Sites come from the public suffix list."""

from __future__ import annotations

import re

import pytest

from newsterm.text.strip import parse_article
from newsterm.text.strip.detect import ALWAYS, languages_of
from newsterm.text.strip.features import ArticleFeatures
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


# Asks made only of words English uses too ("don", "word", numbers): as marks they would take
# English articles into the language; the language's other words find it instead.
_NO_MARK = {
    "fr": {"un don de", "don unique"},
    "it": {"5 x 1000", "5 x 1.000"},
    "nl": {"word ~member", "word member", "word sponsor", "word pro", "ik word", "word supporter"},
}
# Everyday English, which no other language's mark may be: a mark found in an English
# story would compile a language's tables for nothing.
_ENGLISH = set(
    [
        "the",
        "and",
        "of",
        "to",
        "in",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "that",
        "this",
        "with",
        "for",
        "on",
        "at",
        "by",
        "from",
        "as",
        "it",
        "its",
        "you",
        "your",
        "we",
        "our",
        "they",
        "their",
        "he",
        "she",
        "his",
        "her",
        "not",
        "but",
        "or",
        "if",
        "so",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "about",
        "above",
        "after",
        "before",
        "more",
        "most",
        "news",
        "said",
        "says",
        "new",
        "one",
        "two",
        "don",
        "word",
        "per",
        "pro",
        "media",
        "euro",
        "euros",
        "non",
        "com",
        "os",
        "pub",
    ]
)


@pytest.mark.parametrize("code", sorted(set(LANGUAGES) - ALWAYS))
def test_every_ask_holds_a_mark_of_its_language(code: str) -> None:
    """An ask in a language brings that language's tables in, whatever the story's
    language: each of its asks holds one of its marks (a whole word, or a part of one
    joined by an apostrophe or hyphen)."""
    lexicon = LANGUAGES[code]
    marks = set(lexicon.marks)
    english = {p for slot in ("ask", "funded") for p in getattr(LANGUAGES["en"], slot)}
    unmarked = []
    for slot in ("ask", "funded"):
        for pattern in getattr(lexicon, slot):
            for phrase in expand(pattern):
                if phrase in english or phrase in _NO_MARK.get(code, ()):
                    continue
                words = phrase.replace("~", " ").split()
                parts = {part for word in words for part in re.split(r"['·-]", word)}
                # a stem is marked by a form of it ("donazion*": "donazione")
                stems = [w[:-1] for w in words if w.endswith("*")]
                if not (set(words) | parts) & marks and not any(
                    mark.startswith(stem) for stem in stems for mark in marks
                ):
                    unmarked.append(phrase)
    assert not unmarked, f"{code}: no mark in {unmarked[:10]}"


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_marks_are_lower_case_words_and_none_is_english(code: str) -> None:
    marks = LANGUAGES[code].marks
    assert len(marks) >= 15, f"{code} has {len(marks)} marks"
    assert all(re.fullmatch(r"\w[\w'·-]*", mark) and mark == mark.lower() for mark in marks)
    if code not in ALWAYS:
        assert not set(marks) & _ENGLISH, f"{code}: {sorted(set(marks) & _ENGLISH)}"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Die Gemeinde hat den Haushalt beschlossen, und der Bürgermeister ist zufrieden.", "de"),
        ("Le conseil a voté le budget dans la soirée.", "fr"),
        ("Hazte socio de La Marea.", "es"),
        ("Przekaż 1,5% podatku na niezależne dziennikarstwo.", "pl"),
        ("Por isso, temos uma meta ousada para este mês.", "pt"),
        ("Word lid van De Wijkkrant.", "nl"),
        ("Fes-te'n subscriptor.", "ca"),
    ],
)
def test_an_article_is_read_with_the_tables_of_its_languages(text: str, code: str) -> None:
    story = "The council approved the budget on Tuesday, and the mayor said little."
    found = languages_of([story.lower(), text.lower()])
    assert code in found
    assert languages_of([story.lower()]) == {"en"}


def test_a_line_that_is_a_button_brings_in_its_language() -> None:
    story = "The council approved the budget on Tuesday, and the mayor said little."
    assert "fr" in languages_of([story.lower(), "s'abonner →"])


def test_an_article_of_one_language_compiles_no_other_language_tables() -> None:
    """The point of reading an article in its languages: an English story with an ask
    builds only the English tables (first calls cost a fifth of reading every language)."""
    news = "<p>The council approved the budget on Tuesday, officials said.</p>" * 3
    blocks = parse_article(news + "<p>Please donate to keep our newsroom going.</p>").document
    article = ArticleFeatures(blocks.blocks)
    assert article.tables.languages == {"en"}
    assert article.anchors() == [3]
    german = parse_article("<p>Bitte unterstützen Sie unsere Arbeit mit einer Spende.</p>")
    assert ArticleFeatures(german.document.blocks).tables.languages == {"en", "de"}


def test_a_text_reads_as_its_articles_languages_say() -> None:
    """The same line reads as an ask in a Spanish story, and as nothing an English story's
    tables know; a text's remembered reading never carries from one to the other."""
    line = "<p>Conviértete en miembro.</p>"
    spanish = "<p>El ayuntamiento aprobó el presupuesto para el año que viene.</p>" * 3
    english = "<p>The council approved the budget for next year, officials said.</p>" * 3

    def ask(html: str) -> str:
        article = ArticleFeatures(parse_article(html).document.blocks)
        return article[len(article.blocks) - 1].ask.phrase

    assert ask(spanish + line) == "conviértete en miembro"
    assert ask(english.replace("budget", "plan") + line) == "conviértete en miembro"  # a mark
    assert ask(spanish + line) == "conviértete en miembro"


def test_sites_come_from_the_public_suffix_list() -> None:
    assert same_site("www.taz.de", "taz.de")
    assert not same_site("alice.github.io", "bob.github.io")
    assert site_of("news.bbc.co.uk") == "bbc.co.uk"
    assert site_of("") == ""
