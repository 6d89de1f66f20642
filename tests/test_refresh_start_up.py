"""What `newsterm refresh` loads: it runs from cron and pays for each import every time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("click", "pygments", "rich", "textual", "httpcore", "anyio")
"""httpx's own command line (click, pygments, rich), the app, and httpx's own transport."""


def test_a_refresh_loads_no_command_line_client_and_no_app(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text('<rss version="2.0"><channel><title>T</title></channel></rss>')
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'[[feed]]\nurl = "{feed.as_uri()}"\n')
    args = ["refresh", "--feeds", str(feeds), "--db", str(tmp_path / "c.db")]
    code = (
        "import sys\n"
        "from newsterm.cli import main\n"
        f"status = main({args!r})\n"
        f"print(status, ','.join(sorted(m for m in {HEAVY!r} if m in sys.modules)))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.splitlines()[-1] == "0 "
