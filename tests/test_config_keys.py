"""[keys] in feeds.toml: the user's keys by action id, each fault named by file:line."""

from __future__ import annotations

import pytest

from newsterm.config import parse_config
from newsterm.config_keys import ACTION_IDS
from newsterm.errors import ConfigError
from newsterm.ui.keys import SECTIONS


def test_the_core_knows_exactly_the_apps_binding_ids() -> None:
    assert {b.id for _, _, bindings in SECTIONS for b in bindings} == ACTION_IDS


def test_quoted_and_dotted_ids_both_give_the_keymap() -> None:
    text = '[keys]\nmain.sort = "s"\n"main.hide-read" = "ctrl+h, x"\n"reader.up" = "?"\n'
    assert dict(parse_config(text).keys) == {
        "main.sort": "s",
        "main.hide-read": "ctrl+h,x",
        "reader.up": "?",
    }


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ('main.sortt = "s"', "unknown action 'main.sortt'"),
        ('"reader.up" = ""', "reader.up must be a key"),
        ('"reader.up" = 5', "reader.up must be a key"),
        ('"reader.down" = "a b"', "has a key that is not one: 'a b'"),
        ('"reader.down" = "j,,k"', "has a key that is not one: ''"),
        ('"reader.down" = "' + "x," * 200 + '"', "more than 200 characters"),
    ],
)
def test_a_bad_entry_is_named_by_its_line(line: str, said: str) -> None:
    text = f'[settings]\nrefresh_minutes = 5\n\n[keys]\n"main.star" = "f"\n{line}\n'
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    (problem,) = caught.value.problems
    assert problem.startswith("feeds.toml:6: [keys]: ")
    assert said in problem


def test_keys_must_be_a_table() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config('keys = "s"\n')
    assert caught.value.problems == ['feeds.toml:1: [keys] must be a table of action id = "key"']
