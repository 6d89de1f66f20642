"""Which languages an article is written in, so that it is read with their tables only.

Compiling every language's phrase tables is most of the stripper's first call; an article
needs the tables of the languages it holds. A language counts once MIN_MARKS of its marks
(its lexicon's everyday words, and a word of each of its asks) occur in the article, or once
a line of the article is one of its buttons ("S'abonner" under an English story). English
always counts: an article in any language may carry an English button or a platform's ask
("Support us on Patreon"). A word several languages share counts for each of them, so a
doubt costs time, not appeals.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from newsterm.text.strip.lang import LANGUAGES
from newsterm.text.strip.matcher import button_label, button_languages
from newsterm.text.strip.thresholds import BUTTON_WORDS, MIN_MARKS
from newsterm.text.strip.trie import trie_regex

__all__ = ["ALWAYS", "languages_of"]

ALWAYS = frozenset(("en",))


@cache
def _marks() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """One regex of every language's marks, and each mark's languages."""
    owners: dict[str, list[str]] = {}
    for code, lexicon in LANGUAGES.items():
        if code in ALWAYS:
            continue  # looked for in vain: the language is always taken
        for word in lexicon.marks:
            owners.setdefault(word, []).append(code)
    # a trie, separated (see trie_regex): the scan skips the letters inside words
    pattern = re.compile(trie_regex(sorted(owners), separated=True))
    return pattern, {word: tuple(codes) for word, codes in owners.items()}


def _english(low: str) -> bool:
    """The block is plainly English: a sentence in English holds "the" or "and"; another
    language's appeal quoted inside an English sentence goes unseen, its own lines not."""
    return " the " in low or " and " in low


def languages_of(low_texts: Sequence[str]) -> frozenset[str]:
    """The registered languages of lower-cased texts (an article's blocks), English always."""
    pattern, owners = _marks()
    buttons = button_languages()
    found = set(ALWAYS)
    for text in low_texts:
        if text.count(" ") < BUTTON_WORDS:
            found.update(buttons.get(button_label(text), ()))
    # one scan over the blocks not plainly English (most of an English article is, and
    # the scan would cost a fifth of the stripper's time); each match starts with the
    # character before it
    foreign = "\n".join(text for text in low_texts if not _english(text))
    words = {word[1:] for word in pattern.findall("\n" + foreign)} if foreign else set()
    counts = Counter(code for word in words & owners.keys() for code in owners[word])
    return frozenset(found) | frozenset(code for code, n in counts.items() if n >= MIN_MARKS)
