"""Time from exec to the first article row on screen, in tmux, over warm caches.

Run with ``-m benchmark``. Builds newsterm caches of 10,000 and 100,000 articles with a
real ``newsterm refresh`` against the loopback feed server, then times first paint with
the shared ``tui_first_paint.py`` (120x40). Figures are printed; README quotes them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.benchmark

ROOT = Path(__file__).resolve().parents[2]
KIT = ROOT.parent / "shared" / "bench"
NEWSTERM = Path(sys.executable).parent / "newsterm"


def build_cache(work: Path, feeds: int, items: int) -> tuple[Path, Path]:
    sys.path.insert(0, str(KIT))
    import benchlib  # the kit's loopback feed server

    toml, db = work / "feeds.toml", work / "newsterm.db"
    with benchlib.FeedServer(feeds, items, 0.0, max_seconds=900) as server:
        entries = "".join(f'[[feed]]\nurl = "{u}"\n\n' for u in server.urls())
        toml.write_text(f"[settings]\nrefresh_on_start = false\nkeep_days = 36500\n\n{entries}")
        subprocess.run(
            [str(NEWSTERM), "refresh", "--feeds", str(toml), "--db", str(db)],
            check=True, timeout=900, capture_output=True,
        )  # fmt: skip
    return toml, db


@pytest.mark.timeout(900)
@pytest.mark.parametrize(("feeds", "items"), [(200, 50), (200, 500)])
def test_first_paint(tmp_path: Path, feeds: int, items: int) -> None:
    if not (KIT / "tui_first_paint.py").exists():
        pytest.skip(f"benchmark kit not found at {KIT}")
    toml, db = build_cache(tmp_path, feeds, items)
    out = subprocess.run(
        [
            sys.executable, str(KIT / "tui_first_paint.py"),
            "--regex", r"All articles · [0-9,]+", "--step", "Enter", r"╭─ Feed \d{4}",
            "--quit-keys", "q q q",
            "--reps", "3", "--home", str(tmp_path / "home"),
            "--label", f"newsterm-{feeds * items}",
            "--", str(NEWSTERM), "--feeds", str(toml), "--db", str(db),
        ],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    print(out.stdout, out.stderr, sep="\n")
    assert out.returncode == 0
