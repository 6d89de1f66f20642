"""Running the newsterm command line as a user does: a real process, its output as text."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable


def newsterm(
    *args: str,
    env: dict[str, str],
    stdin: str | None = None,
    preexec: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``newsterm ARGS…`` in a fresh interpreter, with a minute to finish."""
    return subprocess.run(
        [sys.executable, "-m", "newsterm", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=preexec,
    )
