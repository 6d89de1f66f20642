"""The state file: what it remembers survives, and a bad one is ignored in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsterm import paths
from newsterm.state import MAX_STATE_BYTES, AppState, load_state, next_order, save_state


def test_saved_state_loads_back_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "state.json"
    state = AppState(theme="nord", order="title", hide_read=True)
    save_state(path, state)
    assert load_state(path) == (state, None)
    assert [p.name for p in path.parent.iterdir()] == ["state.json"]


def test_no_state_file_is_the_defaults_without_a_word(tmp_path: Path) -> None:
    assert load_state(tmp_path / "none.json") == (AppState(), None)


@pytest.mark.parametrize(
    "raw",
    [
        b"{not json",
        b"\xff\xfe{}",
        b"[1, 2]",
        b'{"order": "sideways"}',
        b'{"hide_read": "yes"}',
        b'{"theme": 7}',
        b'{"theme": "' + b"x" * 500 + b'"}',
        b"[" * 50_000 + b"]" * 10,
        b'{"theme": "nord"}' + b" " * MAX_STATE_BYTES,
    ],
    ids=["syntax", "encoding", "array", "order", "hide_read", "theme", "long-theme", "deep", "big"],
)
def test_a_bad_state_file_gives_the_defaults_and_one_line(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(raw)
    state, notice = load_state(path)
    assert state == AppState()
    assert notice is not None and "\n" not in notice and len(notice) < 400
    assert notice.startswith(f"{path}: ignored, ")


def test_a_state_file_written_by_hand_may_leave_out_fields(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"order": "oldest"}))
    assert load_state(path) == (AppState(order="oldest"), None)


def test_the_sort_key_cycles_through_every_order_and_back() -> None:
    seen = ["newest"]
    while (following := next_order(seen[-1])) != "newest":
        seen.append(following)
    assert seen == ["newest", "oldest", "feed", "title"]
    assert next_order("unknown") == "newest"


def test_the_state_path_follows_its_env_var_then_xdg_state_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSTERM_STATE", str(tmp_path / "mine.json"))
    assert paths.state_path() == tmp_path / "mine.json"
    monkeypatch.delenv("NEWSTERM_STATE")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert paths.state_path() == tmp_path / "xdg" / "newsterm" / "state.json"
