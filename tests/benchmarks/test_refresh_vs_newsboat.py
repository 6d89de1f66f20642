"""Refresh speed beside newsboat, on the loopback feed server (run with ``-m benchmark``).

Uses the shared benchmark kit (feedserver.py + run_newsboat.py) when it sits beside the
repository, and newsboat when it is installed. Prints the driver's tables; the figures in
the README come from here. Asserts only that every run stored every item.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.benchmark

ROOT = Path(__file__).resolve().parents[2]
KIT = ROOT.parent / "shared" / "bench"
NEWSTERM = Path(sys.executable).parent / "newsterm"


def drive(*args: str) -> str:
    driver = KIT / "run_newsboat.py"
    if not driver.exists():
        pytest.skip(f"benchmark kit not found at {KIT}")
    out = subprocess.run(
        [sys.executable, str(driver), *args], capture_output=True, text=True, timeout=3600
    )
    print(out.stdout, out.stderr, sep="\n")
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    return out.stdout


@pytest.mark.parametrize("latency", ["0", "50"])
def test_newsterm_refresh_200x50(latency: str) -> None:
    out = drive(
        "-n", "200", "-m", "50", "--latency-ms", latency, "--reps", "3", "--phases", "2",
        "--command", f"{NEWSTERM} refresh --feeds {{feeds_toml}} --db {{cache}}",
        "--cache-name", "newsterm.db", "--count-sql", "SELECT COUNT(*) FROM articles",
        "--label", f"newsterm-{latency}ms",
    )  # fmt: skip
    assert "| 10000 |" in out


@pytest.mark.parametrize("latency", ["0", "50"])
def test_newsboat_refresh_200x50(latency: str) -> None:
    if shutil.which("newsboat") is None:
        pytest.skip("newsboat is not installed (apt-get install newsboat)")
    out = drive(
        "-n", "200", "-m", "50", "--latency-ms", latency, "--reps", "3", "--phases", "3",
        "--threads", "8", "--label", f"newsboat-{latency}ms",
    )  # fmt: skip
    assert "| 10000 |" in out
