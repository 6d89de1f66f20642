"""The phrase pattern syntax: "(a|b|)" groups expanded to literals, literals to one regex."""

from __future__ import annotations

import re
from itertools import product

__all__ = ["expand", "trie_regex"]


def expand(pattern: str) -> list[str]:
    """All literal phrases of a pattern with "(a|b|)" groups, whitespace normalised."""
    return [phrase for raw in _expand_raw(pattern) if (phrase := " ".join(raw.split()))]


def _expand_raw(pattern: str) -> list[str]:
    """All literal strings of a pattern, spaces kept as written."""
    return ["".join(parts) for parts in product(*_parse(pattern))]


def _parse(pattern: str) -> list[list[str]]:
    """Split a pattern into a sequence of alternative lists (literals are one-item lists)."""
    seq: list[list[str]] = []
    literal = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "(":
            if literal:
                seq.append(["".join(literal)])
                literal = []
            depth, j = 1, i + 1
            alts, start = [], i + 1
            while depth:
                if pattern[j] == "(":
                    depth += 1
                elif pattern[j] == ")":
                    depth -= 1
                elif pattern[j] == "|" and depth == 1:
                    alts.append(pattern[start:j])
                    start = j + 1
                j += 1
            alts.append(pattern[start : j - 1])
            seq.append([x for alt in alts for x in _expand_raw(alt)])
            i = j
        else:
            literal.append(ch)
            i += 1
    if literal:
        seq.append(["".join(literal)])
    return seq


def trie_regex(phrases: list[str]) -> str:
    """A regex matching any phrase at word boundaries, longest first; "*" ends a stem (which
    then matches to the end of its word). One boundary test after the whole trie keeps the
    regex small: it compiles in a fifth of the time of a test at every phrase end."""
    root: dict[str, dict] = {}
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    escaped: dict[str, str] = {}
    # Iterative post-order build: deep phrases must not recurse in Python.
    built: dict[int, str] = {}
    stack: list[tuple[dict[str, dict], bool]] = [(root, False)]
    while stack:
        node, ready = stack.pop()
        if not ready:
            stack.append((node, True))
            stack.extend((child, False) for key, child in node.items() if key)
            continue
        alts = []
        for key in sorted(node):
            if key and key != "*":
                esc = escaped.get(key) or escaped.setdefault(key, re.escape(key))
                alts.append(esc + built.pop(id(node[key])))
        if "*" in node:
            alts.append(r"[\w']*")
        elif "" in node:
            alts.append("")
        built[id(node)] = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    # A whole word at both ends: "don" is not in "don't", "us" not in "use".
    return r"(?<!\w)(?:" + built[id(root)] + r")(?!\w|'\w)"
