"""The language registry: every language newsterm reads appeals in, one module each.

Adding a language means adding one module here, named by its ISO 639-1 code, that defines
`LEXICON`; the registry finds it, and tests/text/test_strip_languages.py checks that it
fills every slot.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module

from newsterm.text.strip.lang.lexicon import PHRASE_SLOTS, Lexicon

__all__ = ["LANGUAGES", "PHRASE_SLOTS", "Lexicon"]

# every module of this package but the Lexicon's own is a language, named by its code
_MODULES = tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name != "lexicon"))


def _load() -> dict[str, Lexicon]:
    found: dict[str, Lexicon] = {}
    for code in _MODULES:
        lexicon = import_module(f"newsterm.text.strip.lang.{code}").LEXICON
        if not isinstance(lexicon, Lexicon) or lexicon.code != code:
            raise TypeError(f"newsterm.text.strip.lang.{code}.LEXICON is not the {code} Lexicon")
        found[code] = lexicon
    return found


LANGUAGES: dict[str, Lexicon] = _load()
