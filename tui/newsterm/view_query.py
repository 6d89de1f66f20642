"""The query language of saved views (``[[view]]`` in feeds.toml), parsed into terms.

A query is terms separated by spaces, all of which an article must match::

    unread  read  starred  today          its state, or published since local midnight
    tag:NAME                              a feed tagged NAME (or NAME/anything)
    feed:TEXT                             a feed whose address or title contains TEXT
    title:WORD  author:WORD               a word in the title, or the author
    WORD  "a phrase"  prefix*             words anywhere in the article (the search index)
    -TERM                                 any term negated

Every term must match: OR, AND and NOT, which a search reads as operators, are refused here
rather than looked for as words (quote one to look for it: ``"OR"``).

A value with spaces is quoted: ``feed:"Ars Technica"``. This module only parses; the store
turns the terms into SQL with every value a parameter (``store/view_sql.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsterm.query_words import OPERATORS, control_character, has_word

__all__ = [
    "FIELDS",
    "MAX_QUERY_CHARS",
    "MAX_TERMS",
    "STATES",
    "SavedView",
    "Term",
    "ViewQuery",
    "ViewQueryError",
    "parse_view_query",
]

MAX_QUERY_CHARS = 1_000
"""A longer query is a mistake, and every term is one more condition on every row."""
MAX_TERMS = 32

STATES = ("unread", "read", "starred", "today")
"""Bare words naming a state rather than a word to look for."""
FIELDS = ("tag", "feed", "title", "author")
"""``name:value`` terms; title and author words are looked up in the search index."""


class ViewQueryError(ValueError):
    """A view's query cannot be used; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class Term:
    """One condition: ``kind`` is a state, a field, or "text" for words anywhere."""

    kind: str
    value: str = ""
    negated: bool = False
    prefix: bool = False  # word*: any word starting with value (text, title, author)


@dataclass(frozen=True, slots=True)
class ViewQuery:
    """A parsed query: the text as written, and its terms."""

    text: str
    terms: tuple[Term, ...]

    def wants(self, kind: str) -> bool:
        """True when a term of ``kind`` is required, not negated (``starred``, ``tag``…)."""
        return any(term.kind == kind and not term.negated for term in self.terms)


@dataclass(frozen=True, slots=True)
class SavedView:
    """One ``[[view]]`` of feeds.toml."""

    title: str
    query: ViewQuery


# -, then name: (letters only, so "10:30" stays a word), then "a quoted value" or a bare one.
_TOKEN = re.compile(
    r"""(?P<neg>-?)
    (?:(?P<field>[A-Za-z]+):)?
    (?:"(?P<quoted>[^"]*)(?P<end>"?) | (?P<bare>\S*))""",
    re.VERBOSE,
)
# newsboat's filter language (unread = "yes" and tags # "news"): its operators as words.
_NEWSBOAT_OPERATOR = re.compile(r"(?:^|\s)(?:=|!=|=~|!~|#|!#|<|>|<=|>=|between)(?:\s|$)")
_NEWSBOAT_HINT = (
    "this looks like a newsboat filter; a [[view]] query is terms that must all match, "
    "for example: unread tag:news -feed:example.org"
)


def parse_view_query(text: str) -> ViewQuery:
    """The terms of ``text``; ViewQueryError says what is wrong with a query that has none,
    an unknown field, an empty value, an unclosed quote, or too much."""
    if len(text) > MAX_QUERY_CHARS:
        raise ViewQueryError(f"longer than {MAX_QUERY_CHARS} characters")
    control = control_character(text)
    if control is not None:
        raise ViewQueryError(f"it holds a control character ({control!r})")
    if _NEWSBOAT_OPERATOR.search(text):
        raise ViewQueryError(_NEWSBOAT_HINT)
    terms: list[Term] = []
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            break
        match = _TOKEN.match(text, position)
        assert match is not None  # every part of the pattern may be empty
        position = max(match.end(), position + 1)
        terms.append(_term(match, match.group(0) or text[match.start()]))
    if not terms:
        raise ViewQueryError("the query is empty; try for example: unread tag:news")
    if len(terms) > MAX_TERMS:
        raise ViewQueryError(f"more than {MAX_TERMS} terms")
    return ViewQuery(text.strip(), tuple(terms))


def _term(match: re.Match[str], written: str) -> Term:
    negated = bool(match["neg"])
    field = (match["field"] or "").lower()
    if match["quoted"] is not None and not match["end"]:
        raise ViewQueryError(f"a quote is never closed in {written!r}")
    value = match["quoted"] if match["quoted"] is not None else match["bare"]
    quoted = match["quoted"] is not None
    if field and field not in FIELDS:
        known = ", ".join(f"{f}:" for f in FIELDS)
        raise ViewQueryError(f"unknown term {field + ':'!r} in {written!r} (known: {known})")
    if not field and not quoted and value.lower() in STATES:
        return Term(value.lower(), negated=negated)
    if not field and not quoted and value in OPERATORS:
        raise ViewQueryError(_operator_refused(value))
    if not value.strip():
        raise ViewQueryError(f"{written!r} has nothing after {field + ':' if field else '-'}")
    if field == "tag":  # tag:news/ is tag:news, which takes in its folders already
        return _named(field, value.strip().rstrip("/"), negated, written)
    if field == "feed":
        return Term(field, value.strip(), negated)
    prefix = not quoted and value.endswith("*")
    word = value.rstrip("*") if prefix else value
    if not has_word(word):
        raise ViewQueryError(f"{written!r} has no word to look for")
    return Term(field or "text", word, negated, prefix)


def _named(field: str, value: str, negated: bool, written: str) -> Term:
    if not value:
        raise ViewQueryError(f"{written!r} has no name after {field}:")
    return Term(field, value, negated)


def _operator_refused(word: str) -> str:
    instead = {
        "OR": "a view has no OR; make a view for each alternative",
        "AND": "terms must all match already, so leave AND out",
        "NOT": "write -TERM to leave a term out",
    }[word]
    return f'{word!r} is not a word a view looks for: {instead} (or write "{word}" to look for it)'
