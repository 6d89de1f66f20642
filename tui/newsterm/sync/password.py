"""Where the sync password comes from: password_command, the environment, or the keyring.

The command is an argument list run directly (no shell), so the password never appears on
any command line; it gets no terminal input and must answer within PASSWORD_TIMEOUT.
"""

from __future__ import annotations

import importlib
import os
import subprocess
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from newsterm.config_sync import SyncSettings
from newsterm.errors import PasswordError
from newsterm.sync.secret import Secret
from newsterm.text.sanitize import one_line

__all__ = ["KEYRING_SERVICE", "PASSWORD_ENV", "keyring_user", "sync_password"]

PASSWORD_ENV = "NEWSTERM_SYNC_PASSWORD"
KEYRING_SERVICE = "newsterm"
PASSWORD_TIMEOUT = 60.0
"""Seconds a password_command may take (a GPG agent may be asking for a passphrase)."""
MAX_PASSWORD_OUTPUT = 64 * 1024


def sync_password(sync: SyncSettings, environ: Mapping[str, str] = os.environ) -> Secret:
    """The password: from password_command if set, else the environment, else the keyring."""
    if sync.password_command:
        return _from_command(sync.password_command)
    if environ.get(PASSWORD_ENV):
        return Secret(environ[PASSWORD_ENV])
    found = _from_keyring(sync)
    if found is not None:
        return found
    raise PasswordError(
        f"no password for sync: set password_command in [sync], set ${PASSWORD_ENV}, or "
        f"store it in the system keyring as service {KEYRING_SERVICE!r}, "
        f"user {keyring_user(sync)!r}"
    )


def keyring_user(sync: SyncSettings) -> str:
    """The keyring entry's user name: user@host, so two servers can keep two passwords."""
    return f"{sync.user}@{urlsplit(sync.url).hostname}"


def _from_command(argv: tuple[str, ...]) -> Secret:
    name = one_line(argv[0])[:100]
    try:
        done = subprocess.run(
            list(argv),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=PASSWORD_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise PasswordError(f"password_command: no program {name!r}") from None
    except subprocess.TimeoutExpired:
        raise PasswordError(
            f"password_command {name!r} gave no password within {PASSWORD_TIMEOUT:g} s"
        ) from None
    except OSError as exc:
        raise PasswordError(f"password_command {name!r} could not run: {exc.strerror}") from None
    # Its error output is not repeated: a misbehaving command may print the password there.
    if done.returncode != 0:
        raise PasswordError(f"password_command {name!r} failed (exit status {done.returncode})")
    lines = done.stdout[:MAX_PASSWORD_OUTPUT].decode("utf-8", "replace").splitlines()
    if not lines or not lines[0]:
        raise PasswordError(f"password_command {name!r} printed no password")
    return Secret(lines[0])


def _from_keyring(sync: SyncSettings) -> Secret | None:
    """The keyring's entry, when the optional keyring package is installed and has one."""
    try:
        keyring: Any = importlib.import_module("keyring")
    except ImportError:
        return None
    try:
        value = keyring.get_password(KEYRING_SERVICE, keyring_user(sync))
    except Exception:  # no backend, a locked store: the keyring is only a fallback
        return None
    return Secret(value) if isinstance(value, str) and value else None
