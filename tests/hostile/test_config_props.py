"""feeds.toml under attack: any text gives a Config or a ConfigError naming file and line."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from fuzzing import examples
from hypothesis import given
from hypothesis import strategies as st

from newsterm.config import Config, Subscription, load_config, parse_config
from newsterm.errors import ConfigError
from newsterm.text.sanitize import strip_controls

PATH = Path("/srv/newsterm/feeds.toml")
NAME = str(PATH)
SYNTAX = re.compile(rf"^{re.escape(NAME)}:\d+(:\d+)?: TOML syntax error: ")
WITH_LINE = re.compile(rf"^{re.escape(NAME)}:\d+: ")


def outcome(text: str) -> Config | ConfigError:
    """parse_config's result or its ConfigError; any other exception fails the test."""
    try:
        return parse_config(text, PATH)
    except ConfigError as exc:
        return exc


def assert_well_formed(error: ConfigError) -> None:
    """Every problem is one clean line that starts with the file name."""
    assert error.problems
    for problem in error.problems:
        assert problem.startswith(NAME), problem
        assert "\n" not in problem and strip_controls(problem) == problem, problem
        assert len(problem) < 600, problem
        if "TOML syntax error" in problem:
            assert SYNTAX.match(problem), problem


# -- writing TOML (newsterm only reads it) -------------------------------------------------

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def toml_value(value: object) -> str:
    """``value`` as TOML: strings escaped, floats with inf and nan spelled TOML's way."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return "nan" if value != value else repr(value)  # repr gives inf and -inf as TOML does
    if isinstance(value, str):
        escaped = "".join(
            _ESCAPES.get(c) or (f"\\u{ord(c):04x}" if ord(c) < 32 or ord(c) == 127 else c)
            for c in value
        )
        return f'"{escaped}"'
    if isinstance(value, list):
        return "[" + ", ".join(map(toml_value, value)) + "]"
    raise TypeError(type(value))


def toml_document(settings: dict[str, object], feeds: list[dict[str, object]]) -> str:
    """A feeds.toml with a [settings] table and one [[feed]] table per entry."""
    out = ["[settings]", *(f"{k} = {toml_value(v)}" for k, v in settings.items())]
    for feed in feeds:
        out += ["", "[[feed]]", *(f"{k} = {toml_value(v)}" for k, v in feed.items())]
    return "\n".join(out) + "\n"


# -- strategies --------------------------------------------------------------------------

KEYS = st.sampled_from(
    [
        "url", "title", "tags", "strip", "strip_patterns", "strip_selectors", "refresh_minutes",
        "refresh_on_start", "timeout_seconds", "concurrency", "keep_days", "strip_donations",
        "settings", "feed", '"url"', "'title'", "a.b", "feed.url", "settings.keep_days", '""',
    ]
)  # fmt: skip
SCALARS = st.sampled_from(
    [
        "true", "false", "[]", "{}", "[1, 2]", '["a", "(["]', '"http://x.example/f"', "inf",
        '"file:///etc/passwd"', '"~/f.xml"', '"example.com/feed"', '"\\u0000"', "nan", "-0",
        "1979-05-27T07:32:00Z", '"http://[::1"', '"http://"', '"https://a b"', '"C:/x"', '""',
        '"  "', '"http://x/\\u001b]0;t\\u0007"', '"~nobody-here/x.xml"', "0x7fffffffffffffff",
        '"a{99999999999}"', '"(?P<"', '"a["', '"http://[::1]:99999/"', "1" * 50, "[[[[1]]]]",
    ]
)  # fmt: skip
STRINGS = st.text(max_size=12).map(
    lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
)
VALUES = st.one_of(SCALARS, STRINGS, st.integers(-(10**20), 10**20).map(str), st.floats().map(repr))
HEADS = st.sampled_from(
    [
        "[settings]", "[[feed]]", "[feed]", "[[settings]]", "[feed.x]", "[settings.x]", "",
        "[[feed.sub]]", "[ settings ]", "[[ feed ]]", '["feed"]', '[["feed"]]', "[x]",
        "feed = 1", "settings = 2", "feed = []", "feed = [1]", 'feed = [{url="http://a.b"}]',
        "settings = {keep_days=0}", "# comment", "\ufeff", "x = [" + "[" * 400, "]" * 400,
    ]
)  # fmt: skip
LINES = st.one_of(HEADS, st.tuples(KEYS, VALUES).map(" = ".join), st.text(max_size=20))
SOUP = st.lists(LINES, max_size=14).map("\n".join)

URLS = st.one_of(
    st.from_regex(r"https?://[a-z]{1,10}\.example(/[a-z0-9._-]{0,12}){0,3}", fullmatch=True),
    st.text(max_size=30),
)
ANY = st.one_of(
    st.booleans(), st.integers(-(2**63), 2**63 - 1), st.floats(), st.text(max_size=20),
    st.lists(st.text(max_size=8), max_size=3), st.lists(st.integers(), max_size=2),
)  # fmt: skip
FEED_TABLE = st.fixed_dictionaries(
    {"url": URLS},
    optional={
        "title": st.one_of(st.text(max_size=30), ANY),
        "tags": st.one_of(st.lists(st.text(max_size=10), max_size=4), ANY),
        "strip": ANY,
        "strip_patterns": st.lists(st.text(max_size=12), max_size=3),
        "strip_selectors": st.lists(st.text(max_size=12), max_size=3),
        "surprise": ANY,
    },
)
SETTINGS = st.dictionaries(
    st.sampled_from(["refresh_minutes", "concurrency", "keep_days", "timeout_seconds", "x"]),
    ANY,
    max_size=4,
)
DOCUMENTS = st.builds(
    lambda settings, feeds: toml_document(settings, feeds),
    SETTINGS,
    st.lists(FEED_TABLE, max_size=5),
)


# -- properties --------------------------------------------------------------------------


@examples(300)
@given(st.text())
def test_any_text_gives_a_config_or_a_clean_config_error(text: str) -> None:
    result = outcome(text)
    if isinstance(result, ConfigError):
        assert_well_formed(result)


@examples(400)
@given(SOUP)
def test_toml_like_soup_gives_a_config_or_a_clean_config_error(text: str) -> None:
    result = outcome(text)
    if isinstance(result, ConfigError):
        assert_well_formed(result)


@examples(200)
@given(DOCUMENTS)
def test_every_fault_in_a_written_file_names_its_line(text: str) -> None:
    result = outcome(text)
    if isinstance(result, ConfigError):
        assert_well_formed(result)
        for problem in result.problems:
            assert WITH_LINE.match(problem), problem


VALID_FEEDS = st.lists(
    st.builds(
        lambda host, path, title, tags: Subscription(
            url=f"https://{host}.example/{path}",
            title=title,
            tags=tuple(tags),
        ),
        st.from_regex(r"[a-z]{1,12}", fullmatch=True),
        st.from_regex(r"[a-z0-9/]{0,20}", fullmatch=True),
        st.one_of(
            st.none(), st.from_regex(r"[A-Za-z0-9]{1,8}( [A-Za-z0-9]{1,8}){0,3}", fullmatch=True)
        ),
        st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), max_size=3),
    ),
    max_size=6,
    unique_by=lambda s: s.url,
)


@examples(150)
@given(VALID_FEEDS)
def test_a_valid_file_round_trips(subs: list[Subscription]) -> None:
    tables = []
    for sub in subs:
        table: dict[str, object] = {"url": sub.url, "tags": list(sub.tags)}
        if sub.title is not None:
            table["title"] = sub.title
        tables.append(table)
    config = parse_config(toml_document({}, tables), PATH)
    assert config.feeds == tuple(subs)


# -- the faults the properties found, pinned ---------------------------------------------


DEEP_REGEX = "(" * 2000 + ")" * 2000


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ('[[feed]]\nurl = "http://[::1"\n', 2, "not a valid URL"),
        ('[[feed]]\nurl = "http://[::1]:99999/"\n', 2, "not a valid URL"),
        ('[[feed]]\nurl = "~nobody-here-xyz/feed.xml"\n', 2, "not a usable path"),
        ('[[feed]]\nurl = "feed\\u0000.xml"\n', 2, "control characters"),
        ('[[feed]]\nurl = "http://x.example/\\u001b]0;pwned\\u0007"\n', 2, "control characters"),
        ('[[feed]]\nurl = "http://a.example"\nstrip_patterns = ["a{99999999999}"]\n', 3, "regex"),
        (f'[[feed]]\nurl = "http://a.example"\nstrip_patterns = ["{DEEP_REGEX}"]\n', 3, "regex"),
        ('[[feed]]\nurl = "http://a.example"\nstrip_selectors = ["a["]\n', 3, "CSS selector"),
        ("# deep\nx = " + "[" * 3000 + "]" * 3000 + "\n", 2, "nested too deeply"),
        ("a = 1\nx = " + "{a=" * 3000 + "1" + "}" * 3000 + "\n", 2, "nested too deeply"),
        ("[settings]\nkeep_days = " + "9" * 5000 + "\n", 2, "number too long"),
        ("[settings]\nkeep_days = 0x" + "f" * 5000 + "\n", 2, "huge number"),
    ],
)  # fmt: skip
def test_each_found_fault_is_a_config_error_on_its_line(text: str, line: int, needle: str) -> None:
    result = outcome(text)
    assert isinstance(result, ConfigError)
    assert_well_formed(result)
    assert any(p.startswith(f"{NAME}:{line}:") and needle in p for p in result.problems), (
        result.problems
    )


def test_a_symlink_loop_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feed]]\nurl = "a/feed.xml"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(feeds)
    assert caught.value.problems[0].startswith(f"{feeds}:2: ")


def test_a_byte_order_mark_is_not_a_syntax_error(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_bytes(b'\xef\xbb\xbf[[feed]]\nurl = "https://a.example/feed"\n')
    assert [s.url for s in load_config(feeds).feeds] == ["https://a.example/feed"]


def test_titles_and_tags_lose_escapes_and_line_breaks() -> None:
    text = (
        '[[feed]]\nurl = "https://a.example/"\n'
        'title = "\\u001b]0;owned\\u0007Nice\\nTitle\\u202e"\ntags = ["\\u001b[2J", "ok\\tgo"]\n'
    )
    sub = parse_config(text, PATH).feeds[0]
    assert sub.title == "Nice Title"  # the whole OSC sequence goes, not just its ESC
    assert sub.tags == ("ok go",)  # a tag that was only an escape sequence is no tag


@pytest.mark.parametrize("kind", ["fifo", "device", "huge", "folder"])
def test_a_feeds_path_that_is_no_ordinary_file_is_a_config_error(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "feeds.toml"
    if kind == "fifo":
        os.mkfifo(path)  # reading it would block forever
    elif kind == "device":
        path = Path("/dev/zero")  # reading it would never end
        if not path.exists():
            pytest.skip("no /dev/zero here")
    elif kind == "huge":
        path.write_text("# " + "x" * (5 << 20) + "\n", encoding="utf-8")
    else:
        path.mkdir()
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    (problem,) = caught.value.problems
    assert problem.startswith(f"{path}: ")
