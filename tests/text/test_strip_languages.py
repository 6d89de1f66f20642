"""Languages as data: every language fills every slot. Sites come from the public suffix list."""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

import pytest

from newsterm.text.strip import parse_article, strip_appeals
from newsterm.text.strip.detect import ALWAYS, languages_of
from newsterm.text.strip.explain import explain
from newsterm.text.strip.features import ArticleFeatures
from newsterm.text.strip.labelled import load_articles
from newsterm.text.strip.lang import LANGUAGES, PHRASE_SLOTS
from newsterm.text.strip.markup import same_site, site_of
from newsterm.text.strip.matcher import INLINE_SLOTS, language_tables, matcher, matcher_for
from newsterm.text.strip.trie import expand

DATA = Path(__file__).resolve().parents[1] / "data"
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


@functools.cache
def _english_words() -> frozenset[str]:
    """Words of two or more of newsterm's own English labelled articles: no other
    language's mark may be one, or English stories would compile its tables for nothing."""
    seen: Counter[str] = Counter()
    for name in ("appeals/train", "appeals/train2", "appeals/heldout", "appeals/heldout2"):
        for article in load_articles(DATA / name):
            if article.name.startswith("en-"):
                text = " ".join(t for _, t in article.blocks)
                seen.update(set(re.findall(r"\w+", text.lower())))
    return frozenset(word for word, n in seen.items() if n >= 2)


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
        english = set(marks) & _english_words()
        assert not english, f"{code}: {sorted(english)}"


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
    builds only the English tables (a first call costs a fifth of reading every one)."""
    news = "<p>The council approved the budget on Tuesday, officials said.</p>" * 3
    matcher_for.cache_clear()
    language_tables.cache_clear()
    result = strip_appeals(news + "<p>Please donate to keep our newsroom going.</p>")
    assert result.removed_count == 1
    assert language_tables.cache_info().currsize == 1  # English, read deep in the blocks too
    german = parse_article("<p>Bitte unterstützen Sie unsere Arbeit mit einer Spende.</p>")
    assert ArticleFeatures(german.document.blocks).tables.languages == {"en", "de"}


def test_a_text_reads_as_its_articles_languages_say() -> None:
    """ "Word supporter" asks in a Dutch story; an English story's tables know no such ask.
    A text's remembered reading never carries from one article to the other."""
    line = "<p>Word supporter.</p>"
    dutch = "<p>De gemeente heeft de begroting voor volgend jaar goedgekeurd.</p>" * 3
    english = "<p>The council approved the budget for next year, officials said.</p>" * 3

    def ask(html: str) -> str:
        article = ArticleFeatures(parse_article(html).document.blocks)
        return article[len(article.blocks) - 1].ask.phrase

    assert ask(dutch + line) == "word supporter"
    assert ask(english + line) == ""
    assert ask(dutch + line) == "word supporter"


@pytest.mark.parametrize(
    "line",
    [
        "Hazte socio de The Olive Press y apoya el periodismo independiente.",
        "Thanks for reading the Harbour Courier. Devenez membre et soutenez notre rédaction.",
        "Unterstützen Sie The Berlin Ledger mit einer Spende.",
    ],
)
def test_an_appeal_in_another_language_than_the_story_goes(line: str) -> None:
    """A line mixing English and another language is no plain English: the other
    language's tables read it."""
    news = (
        "<p>The council approved the budget on Tuesday, and the mayor said the vote was "
        "the first of the year to pass without a single objection from the floor.</p>"
    ) * 3
    result = strip_appeals(news + f"<p>{line}</p>")
    assert [v.block.text for v in result.verdicts if v.removed] == [line]


_STORIES = {
    "en": [
        "The council approved the budget on Tuesday, and the mayor said that the vote was "
        "the first of the year to pass with support from every member."
    ]
    * 3,
    "es": [
        "El Gobierno aprobó el martes una ley para limitar el precio de los alquileres en los "
        "barrios más caros, una medida que pedían los vecinos desde hace años.",
        "Según el ministerio, la norma entrará en vigor el mes próximo y llegará a más de dos "
        "millones de pisos.",
    ],
    "fr": [
        "Le gouvernement a adopté mardi une loi pour limiter les loyers dans les quartiers les "
        "plus chers, une mesure demandée depuis des années par les habitants.",
        "Selon le ministère, la règle entrera en vigueur le mois prochain et touchera plus de "
        "deux millions de logements.",
    ],
    "nl": [
        "De gemeenteraad heeft de begroting dinsdag goedgekeurd. Of dat genoeg is, is de "
        "vraag: de burgemeester zegt dat het geld op is en dat de stad is of wordt gesloten."
    ]
    * 3,
}


def _story(code: str, line: str) -> str:
    return "".join(f"<p>{p}</p>" for p in [*_STORIES[code], line])


@pytest.mark.parametrize(
    ("story", "line"),
    [
        ("es", "Fes-te subscriptor de La Veu."),
        ("fr", "Unterstützen Sie die Dorfzeitung mit einem Abo."),
        (
            "en",
            "Thanks for reading the Courier and all of the work that goes into it. Devenez "
            "membre du Courier dès aujourd'hui.",
        ),
        ("nl", "Journalistiek is niet gratis, en dat is ook zo bij ons. Steun ons of word lid."),
    ],
    ids=["catalan-under-spanish", "german-under-french", "english-turning-french", "dutch"],
)
def test_a_short_appeal_in_any_language_goes(story: str, line: str) -> None:
    """A one-line box in a third language, a line that turns to another language after a
    long English half, and Dutch (whose "is" and "of" are English words too)."""
    result = strip_appeals(_story(story, line))
    assert [v.block.text for v in result.verdicts if v.removed] == [line]


@pytest.mark.parametrize(
    "line",
    [
        "UNICEF says it urgently needs $40 million. Donate now to help children in the flood "
        "zone at unicef.org.",
        "“Please give what you can, every tent counts,” the camp's organisers said. (Reuters)",
    ],
)
def test_news_of_others_asks_stays_in_english(line: str) -> None:
    """English reads the agencies and charities other languages' tables had named for it."""
    assert not strip_appeals(_story("en", line)).removed_count


def test_a_story_with_two_other_languages_is_read_in_every_language() -> None:
    catalan = "L'ajuntament ha aprovat el pressupost amb els vots de tots els grups, però"
    spanish = "Hazte socio y apoya nuestro periodismo: sin ti no es posible."
    found = languages_of([catalan.lower() + " també hem parlat amb els veïns.", spanish.lower()])
    assert found == frozenset(LANGUAGES)
    assert languages_of([catalan.lower()]) == {"en", "ca"}


def test_sites_come_from_the_public_suffix_list() -> None:
    assert same_site("www.taz.de", "taz.de")
    assert not same_site("alice.github.io", "bob.github.io")
    assert site_of("news.bbc.co.uk") == "bbc.co.uk"
    assert site_of("") == ""


def test_explain_names_the_languages_an_article_was_read_in() -> None:
    german = "<p>Bitte unterstützen Sie unsere Arbeit mit einer Spende.</p>"
    assert "\nread in: Deutsch, English (" in explain(strip_appeals(german))
    english = explain(strip_appeals(_story("en", "Please donate to keep our newsroom going.")))
    assert "\nread in: English (" in english
