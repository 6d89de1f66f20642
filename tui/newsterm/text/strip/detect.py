"""Which languages an article is read in: English, its own language, or every language.

Compiling every language's phrase tables is most of the stripper's first call, and an
article needs the tables of the languages it is written in. English is always read: any
article may carry an English button or a platform's ask ("Support us on Patreon"). The
other language is the one with the most marks (its lexicon's everyday words, and a word of
each of its asks) in the blocks that are not plainly English, or whose buttons make a line
of the article ("S'abonner" under an English story). When a block of the article holds more
marks of a further language than of the first (a Spanish box in a Catalan story), or a
line is a further language's button, the article is read in every language, as a doubt
must cost time, not appeals. So an article's tables are one
of few sets (English; English and one language; all), each built once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from newsterm.text.strip.lang import LANGUAGES
from newsterm.text.strip.matcher import button_label, button_languages
from newsterm.text.strip.thresholds import BUTTON_WORDS, ENGLISH_WORDS, MIN_MARKS, OWN_MARKS
from newsterm.text.strip.trie import trie_regex

__all__ = ["ALWAYS", "languages_of"]

ALWAYS = frozenset(("en",))
_EVERY = frozenset(LANGUAGES)
_SHORT = 12  # words
# Words English sentences are made with, and no other registered language's ("is" and "of"
# are Dutch too, "to" Polish and Czech).
_ENGLISH = (" the ", " and ", " that ", " with ", " for ", " you ", " are ")


@cache
def _marks() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """One regex of every language's marks, and each mark's languages."""
    owners: dict[str, list[str]] = {}
    for code, lexicon in LANGUAGES.items():
        if code in ALWAYS:
            continue  # looked for in vain: the language is always read
        for word in lexicon.marks:
            owners.setdefault(word, []).append(code)
    # a trie, separated (see trie_regex): the scan skips the letters inside words
    pattern = re.compile(trie_regex(sorted(owners), separated=True))
    return pattern, {word: tuple(codes) for word, codes in owners.items()}


def _english(low: str) -> bool:
    """The block is plainly English: ENGLISH_WORDS of English's commonest words or more,
    and one in its last sentence (of four words or more). A block that turns to another
    language ("Thanks for reading the Courier and all of the work that goes into it.
    Devenez membre du Courier.") is not, so its other language is looked for."""
    hits = 0
    for word in _ENGLISH:  # most paragraphs are done after " the "
        hits += low.count(word)
        if hits >= ENGLISH_WORDS:
            break
    else:
        return False
    end = low.rfind(". ")  # then "!" and "?" only after it: most paragraphs end in "."
    end = max(end, low.rfind("! ", end + 1), low.rfind("? ", end + 1))
    last = low[end + 2 :]
    if end == -1 or last.count(" ") < 3:
        return True  # one sentence, whose words were counted, or a short last one
    last = f" {last} "
    return any(word in last for word in _ENGLISH)


def languages_of(low_texts: Sequence[str]) -> frozenset[str]:
    """The languages lower-cased texts (an article's blocks) are read in."""
    pattern, owners = _marks()
    buttons = button_languages()
    by_button: set[str] = set()
    foreign = []
    for text in low_texts:
        spaces = text.count(" ")
        if spaces < BUTTON_WORDS:
            by_button.update(buttons.get(button_label(text), ()))
        # a short line is looked at whatever its language: that costs less than deciding
        if spaces < _SHORT or not _english(text):
            foreign.append(text)
    # one scan of the blocks looked at (each match starts with the character before it)
    hits = {match[1:] for match in pattern.findall("\n" + "\n".join(foreign))}
    marked: dict[str, set[str]] = {}  # language -> its marks found in the article
    for word in hits:
        for code in owners[word]:
            marked.setdefault(code, set()).add(word)
    found = {code for code, words in marked.items() if len(words) >= MIN_MARKS}
    found |= by_button - ALWAYS
    if not found:
        return ALWAYS
    first = max(sorted(found), key=lambda code: len(marked.get(code, ())))  # ties: by name
    if by_button - ALWAYS - {first}:
        return _EVERY  # another language's button
    if len(found) > 1 and any(_another(pattern, owners, text, first) for text in foreign):
        return _EVERY
    return ALWAYS | {first}


def _another(
    pattern: re.Pattern[str], owners: dict[str, tuple[str, ...]], text: str, first: str
) -> bool:
    """The block holds OWN_MARKS marks of another language than `first`, and more than of
    `first`: "que", "una" and "del" are Catalan, Spanish and Italian alike, but a Spanish
    box in a Catalan story holds more Spanish marks than Catalan ones."""
    counts = Counter(
        code for match in set(pattern.findall("\n" + text)) for code in owners[match[1:]]
    )
    return any(n >= OWN_MARKS and n > counts[first] for n in counts.values())
