"""The user's small files are read with a bound, and only if they are regular files."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from newsterm.errors import ConfigError
from newsterm.small_files import FileTooLarge, NotARegularFile, read_small
from newsterm.state import load_state
from newsterm.subscriptions.feeds_file import edit_feeds

T = TypeVar("T")


def test_a_file_up_to_its_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_bytes(b"x" * 100)
    assert read_small(path, 100) == b"x" * 100


def test_a_file_past_its_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_bytes(b"x" * 101)
    with pytest.raises(FileTooLarge, match=r"larger than 100 bytes$"):
        read_small(path, 100)
    path.write_bytes(b"x" * ((64 << 10) + 1))
    with pytest.raises(FileTooLarge, match=r"larger than 64 KiB$"):
        read_small(path, 64 << 10)
    path.write_bytes(b"x" * ((10 << 20) + 1))
    with pytest.raises(FileTooLarge, match=r"larger than 10 MB$"):
        read_small(path, 10 << 20)


def test_a_folder_is_no_file(tmp_path: Path) -> None:
    with pytest.raises(NotARegularFile, match="not a regular file"):
        read_small(tmp_path, 100)


def _fifo(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    os.mkfifo(path)
    return path


def _within(seconds: float, work: Callable[[], T]) -> T | BaseException:
    """What `work` returned or raised, run in a thread; fails if it is still blocked after
    `seconds`."""
    result: list[T | BaseException] = []

    def run() -> None:
        try:
            result.append(work())
        except Exception as exc:  # the caller checks what came back
            result.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert result, "reading blocked on a FIFO"
    return result[0]


def test_editing_feeds_toml_that_is_a_fifo_says_so_and_never_blocks(tmp_path: Path) -> None:
    path = _fifo(tmp_path, "feeds.toml")
    got = _within(5, lambda: edit_feeds(path, lambda doc, config: None))
    assert isinstance(got, ConfigError)
    assert "not a regular file" in str(got)


def test_saved_state_that_is_a_fifo_gives_the_defaults_and_a_notice(tmp_path: Path) -> None:
    path = _fifo(tmp_path, "state.json")
    got = _within(5, lambda: load_state(path))
    assert not isinstance(got, BaseException)
    state, notice = got
    assert notice == (
        f"{path}: ignored, not a regular file; using the default theme and article list"
    )
    assert state == load_state(tmp_path / "absent.json")[0]
