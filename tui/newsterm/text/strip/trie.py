"""Phrase patterns: "(a|b|)" groups expanded to literals, literals compiled to one trie regex."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import product

__all__ = ["expand", "split_by_start", "trie_regex"]

_WORD = re.compile(r"\w")
_GROUP_MARKS = re.compile(r"[(|)]")


def expand(pattern: str) -> list[str]:
    """All literal phrases of a pattern with "(a|b|)" groups, whitespace normalised."""
    if "(" not in pattern:  # most patterns: parsing one character at a time is most of the cost
        phrase = " ".join(pattern.split())
        return [phrase] if phrase else []
    return [phrase for raw in _expand_raw(pattern) if (phrase := " ".join(raw.split()))]


def _expand_raw(pattern: str) -> list[str]:
    """All literal strings of a pattern, spaces kept as written."""
    return ["".join(parts) for parts in product(*_parse(pattern))]


def _parse(pattern: str) -> list[list[str]]:
    """Split a pattern into a sequence of alternative lists (literals are one-item lists).
    Outside a group only "(" is special; the text between is taken whole, not read one
    character at a time."""
    seq: list[list[str]] = []
    i = 0
    while (opening := pattern.find("(", i)) != -1:
        if opening > i:
            seq.append([pattern[i:opening]])
        depth, start = 1, opening + 1
        alts: list[str] = []
        for mark in _GROUP_MARKS.finditer(pattern, start):
            at = mark.start()
            if mark.group() == "(":
                depth += 1
            elif mark.group() == "|":
                if depth == 1:
                    alts.append(pattern[start:at])
                    start = at + 1
            else:
                depth -= 1
                if not depth:
                    alts.append(pattern[start:at])
                    i = at + 1
                    break
        else:
            raise ValueError(f"an unclosed group in the phrase pattern {pattern!r}")
        seq.append([x for alt in alts for x in _expand_raw(alt)])
    if i < len(pattern):
        seq.append([pattern[i:]])
    return seq


def trie_regex(phrases: list[str], separated: bool = False) -> str:
    """A regex matching any phrase at word boundaries, longest first; "*" ends a stem (which
    then matches to the end of its word). `phrases` must be sorted and unique.

    A `separated` regex takes the character before the phrase too (no word character), and
    is scanned over the text with a newline in front: it finds the same phrases, each match
    starting where its phrase starts in the text, about a sixth faster, because the engine
    skips word characters without trying a match at them. Every phrase must then start with
    a word character: a phrase then never starts right where the previous match ended (that
    match ends before no word character), so taking the character before costs no phrase.

    The regex is a radix tree: each branch tries the one edge that can continue (edges of a
    node start with different characters), then the end of a phrase. Sibling edges leading
    to the same sub-regex share it ("support our (rural |local |…)(journalism|reporting|…)"
    is written once, not once per adjective), which halves the pattern and its compile time.
    One boundary test after the whole tree keeps the regex small."""
    if not phrases:
        return r"(?!)"
    if separated and not all(_WORD.match(phrase) for phrase in phrases):
        raise ValueError("a separated trie regex needs phrases that start with a word character")
    label, tail = _radix(phrases, 0, len(phrases), 0)
    # A whole word at both ends: "don" is not in "don't", "us" not in "use".
    start = r"\W" if separated else r"(?<!\w)"
    return start + "(?:" + _escape(label) + tail + r")(?!\w|'\w)"


# The two halves of a separated regex (see split_by_start): what each takes before its phrase.
_SPACE_START = " "
# ASCII's non-word characters but the space, then the exact test: a class of ASCII characters
# is a bit lookup, \W a Unicode lookup for every character scanned.
_OTHER_START = r"[^0-9A-Za-z_ ](?<!\w)"


def split_by_start(separated: str) -> tuple[str, str]:
    """A separated trie regex (see trie_regex) as two that together find the phrases it finds:
    one taking a space before the phrase, one any other non-word character. re scans for a
    literal first character with a quick loop, and a class one character at a time; most
    phrases follow a space, so the two scans cost about four fifths of the one. Only which
    phrases start where is kept: a match of one may start inside a match of the other, so
    the two scans together may find more (overlapping) phrases than the one regex."""
    if not separated.startswith(r"\W"):
        raise ValueError("split_by_start needs a separated trie regex")
    body = separated[2:]
    return _SPACE_START + body, _OTHER_START + body


def _radix(phrases: list[str], lo: int, hi: int, depth: int) -> tuple[str, str]:
    """The edge label into the node for phrases[lo:hi] (which share their first `depth`
    characters) and the regex of what follows it. Recursion depth is bounded by the length
    of the longest phrase (the tables' own, never input)."""
    first = phrases[lo]
    end = _shared(first, phrases[hi - 1], depth)  # sorted: the prefix of them all
    if end == len(first) and first.endswith("*"):
        end -= 1  # "newsletter*": the stem ends here
    prefix = first[:end]
    tails: dict[str, list[str]] = {}  # sub-regex -> labels of the edges leading to it
    complete = stem = False
    i = lo
    if len(first) == end:
        complete = True
        i += 1
    while i < hi:
        ch = phrases[i][end]
        j = bisect_left(phrases, prefix + chr(ord(ch) + 1), i, hi)
        if ch == "*" and len(phrases[i]) == end + 1:
            stem = True
        else:
            label, tail = _radix(phrases, i, j, end)
            tails.setdefault(tail, []).append(_escape(label))
        i = j
    alts: list[str] = []
    for tail, labels in tails.items():
        if not tail or len(labels) == 1:  # leaves join the node's own alternatives
            alts.extend(label + tail for label in labels)
        else:
            alts.append("(?:" + "|".join(labels) + ")" + tail)
    if stem:
        alts.append(r"[\w']*")
    elif complete:
        alts.append("")
    tail = "" if not alts else alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return first[depth:end], tail


def _shared(a: str, b: str, known: int) -> int:
    """The length of the common prefix of a and b, known to be at least `known`."""
    lo, hi = known, min(len(a), len(b))
    while lo < hi:  # binary search: slices compare in C, a loop per character would not
        mid = (lo + hi + 1) // 2
        if b.startswith(a[lo:mid], lo):
            lo = mid
        else:
            hi = mid - 1
    return lo


# Only what is special outside a character class (re.escape also escapes spaces and "-",
# which makes the pattern longer and slower to compile).
_SPECIAL = {ord(c): "\\" + c for c in "\\.^$*+?{}[]|()"}
# "~" in a phrase stands for one to three words, each ended by a space, a colon or a hyphen:
# an outlet's name inside an ask ("become a ~member": "become a Vox member", "werde
# ~unterstützer": "Werde KONTEXT:Unterstützer"), or a count ("join ~listeners": "join 1,140
# listeners"); a comma only inside a number, so "~" never runs across a clause.
_SPECIAL[ord("~")] = r"(?:(?:[$€£₹]?\d[\d.,]*|[\w.']+)[ :-]){1,3}"


def _escape(literal: str) -> str:
    return literal.translate(_SPECIAL)
