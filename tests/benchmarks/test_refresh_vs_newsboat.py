"""Refresh speed beside newsboat, on the loopback feed server (run with ``-m benchmark``).

Uses the shared benchmark kit (feedserver.py + run_newsboat.py) when it sits beside the
repository, and newsboat when it is installed; both readers run in the same session, one
after the other, against the same server setup. newsterm runs ``refresh --all`` (newsboat's
reload fetches everything too), with its bytecode cached as an installed newsterm has it:
PYTHONDONTWRITEBYTECODE in the environment would have every run compile newsterm's source
again (tens of milliseconds, most of it in an all-304 run's figure). Figures go to the
session's table (conftest.py); the test asserts only that every run stored every item.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bench_caches import KIT, NEWSTERM
from bench_report import record

pytestmark = pytest.mark.benchmark

REPS = "3"
CASES = {
    "200×50, 50 ms, 50 hosts": ["-n", "200", "-m", "50", "--latency-ms", "50", "--hosts", "50"],
    "1000×20, 0 ms": ["-n", "1000", "-m", "20", "--latency-ms", "0"],
}
NEWSTERM_RUN = [
    "--phases", "2", "--command", f"{NEWSTERM} refresh --all --feeds {{feeds_toml}} --db {{cache}}",
    "--cache-name", "newsterm.db", "--count-sql", "SELECT COUNT(*) FROM articles",
]  # fmt: skip
NEWSBOAT_RUN = ["--phases", "3", "--threads", "8"]
ALL_304 = {"newsterm": "warm", "newsboat": "warm2"}  # newsboat's second pass re-downloads


def drive(out: Path, *args: str) -> list[dict[str, object]]:
    driver = KIT / "run_newsboat.py"
    if not driver.exists():
        pytest.skip(f"benchmark kit not found at {KIT}")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    package = Path(__file__).resolve().parents[2] / "tui" / "newsterm"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], env=env, check=True)
    run = subprocess.run(
        [sys.executable, str(driver), "--reps", REPS, "--json", str(out), *args],
        capture_output=True, text=True, timeout=3600, env=env,
    )  # fmt: skip
    print(run.stdout, run.stderr, sep="\n")
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return [json.loads(line) for line in out.read_text().splitlines()]


@pytest.mark.timeout(3600)
@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("reader", ["newsterm", "newsboat"])
def test_refresh(tmp_path: Path, case: str, reader: str) -> None:
    if reader == "newsboat" and shutil.which("newsboat") is None:
        pytest.skip("newsboat is not installed (apt-get install newsboat)")
    extra = NEWSTERM_RUN if reader == "newsterm" else NEWSBOAT_RUN
    runs = drive(tmp_path / "runs.jsonl", *CASES[case], *extra, "--label", reader)
    feeds = int(CASES[case][1])
    for phase, name in (("cold", "cold"), (ALL_304[reader], "all 304")):
        chosen = [r for r in runs if r["phase"] == phase]
        stored = feeds * int(CASES[case][3])
        assert chosen and all(r["items_in_cache"] == stored for r in chosen), chosen
        cpu = [float(r["user_s"]) + float(r["sys_s"]) for r in chosen]  # type: ignore[arg-type]
        walls = [float(r["wall_s"]) for r in chosen]  # type: ignore[arg-type]
        per_feed = sorted(c / feeds * 1000 for c in cpu)[len(cpu) // 2]
        note = f"CPU {sorted(cpu)[len(cpu) // 2]:.2f} s ({per_feed:.2f} ms per feed)"
        record(f"{reader} refresh {case}, {name}", walls, "s", note)
