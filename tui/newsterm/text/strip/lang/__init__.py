"""The language registry: every language newsterm reads appeals in, one module each.

Adding a language means adding one module here that defines `LEXICON` and naming it in
`_MODULES`; tests/text/test_strip_languages.py checks that it fills every slot.
"""

from __future__ import annotations

from importlib import import_module

from newsterm.text.strip.lang.lexicon import PHRASE_SLOTS, Lexicon

__all__ = ["LANGUAGES", "PHRASE_SLOTS", "Lexicon"]

_MODULES = ("en", "de", "fr", "es", "pt", "it", "nl", "pl", "cs", "ca")


def _load() -> dict[str, Lexicon]:
    found: dict[str, Lexicon] = {}
    for code in _MODULES:
        lexicon = import_module(f"newsterm.text.strip.lang.{code}").LEXICON
        if not isinstance(lexicon, Lexicon) or lexicon.code != code:
            raise TypeError(f"newsterm.text.strip.lang.{code}.LEXICON is not the {code} Lexicon")
        found[code] = lexicon
    return found


LANGUAGES: dict[str, Lexicon] = _load()
