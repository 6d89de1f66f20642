"""The [sync] table: every fault a feeds.toml:LINE message, and the password never in it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsterm.config import parse_config
from newsterm.config_sync import SyncSettings
from newsterm.errors import ConfigError, PasswordError
from newsterm.sync.password import PASSWORD_ENV, sync_password
from newsterm.sync.secret import Secret

GOOD = (
    '[sync]\nservice = "greader"\nurl = "https://rss.example.org/api/greader.php/"\nuser = "ana"\n'
)


def problems(text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    return caught.value.problems


def test_a_good_table() -> None:
    sync = parse_config(GOOD + 'password_command = ["pass", "show", "rss"]\n').sync
    assert sync == SyncSettings(
        "greader", "https://rss.example.org/api/greader.php", "ana", ("pass", "show", "rss")
    )
    assert parse_config("").sync is None


def test_a_password_in_the_file_is_refused_without_repeating_it() -> None:
    (line,) = problems(GOOD + 'password = "hunter2-secret"\n')
    assert line.startswith("feeds.toml:5: sync.password: never put a password in feeds.toml")
    assert "hunter2" not in line


@pytest.mark.parametrize(
    ("edit", "where", "says"),
    [
        ('service = "greader"', 'service = "rss"', "feeds.toml:2: sync.service: must be"),
        ('user = "ana"', "user = 3", "feeds.toml:4: sync.user: must be a non-empty string"),
        ("https://rss.example.org", "http://rss.example.org", "feeds.toml:3: sync.url: http://"),
        ("https://rss.example.org", "ftp://rss.example.org", "feeds.toml:3: sync.url: must be an"),
        ("https://rss.example.org", "https://a:b@rss.example.org", "must not hold a user"),
    ],
)
def test_faults_name_their_line(edit: str, where: str, says: str) -> None:
    (line,) = problems(GOOD.replace(edit, where))
    assert says in line, line


def test_plain_http_is_for_this_machine_or_when_allowed() -> None:
    loopback = GOOD.replace("https://rss.example.org", "http://127.0.0.1:8080")
    assert parse_config(loopback).sync is not None
    insecure = GOOD.replace("https://", "http://") + "allow_insecure = true\n"
    sync = parse_config(insecure).sync
    assert sync is not None and sync.allow_insecure
    (line,) = problems(GOOD + 'password_command = "pass show rss"\n')
    assert line.startswith("feeds.toml:5: sync.password_command: must be a list")


def sync_with(command: tuple[str, ...] = ()) -> SyncSettings:
    return SyncSettings("fever", "https://rss.example.org/fever", "ana", command)


def test_password_command_runs_without_a_shell(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    command = (sys.executable, "-c", f"open({str(marker)!r}, 'w'); print('s3cret $HOME;')")
    secret = sync_password(sync_with(command), environ={})
    assert secret.reveal() == "s3cret $HOME;" and marker.exists()
    assert (
        "s3cret" not in repr(secret) and "s3cret" not in str(secret) and "s3cret" not in f"{secret}"
    )


def test_a_failing_command_does_not_echo_what_it_printed() -> None:
    command = (sys.executable, "-c", "import sys; print('leaky-pw', file=sys.stderr); sys.exit(3)")
    with pytest.raises(PasswordError) as caught:
        sync_password(sync_with(command), environ={})
    assert "exit status 3" in str(caught.value) and "leaky-pw" not in str(caught.value)
    with pytest.raises(PasswordError, match="no program"):
        sync_password(sync_with(("/nonexistent/pass",)), environ={})


def test_environment_then_keyring_then_a_how_to() -> None:
    assert sync_password(sync_with(), environ={PASSWORD_ENV: "from-env"}).reveal() == "from-env"
    with pytest.raises(PasswordError) as caught:
        sync_password(sync_with(), environ={})
    assert PASSWORD_ENV in str(caught.value) and "ana@rss.example.org" in str(caught.value)


def test_a_secret_cannot_be_pickled() -> None:
    import pickle

    with pytest.raises(TypeError):
        pickle.dumps(Secret("x"))
