"""What `newsterm refresh` loads: it runs from cron and pays for each import every time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from httpserver import LoopbackServer, conditional

RSS = b'<rss version="2.0"><channel><title>T</title></channel></rss>'
HEAVY = ("click", "pygments", "rich", "textual", "httpcore", "anyio")
"""httpx's own command line (click, pygments, rich), the app, and httpx's own transport."""


def test_a_refresh_loads_no_command_line_client_and_no_app(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS.decode())
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


NOT_FOR_A_304 = (
    "feedparser",
    "importlib.resources",
    "newsterm.config_sync",
    "newsterm.feeds.parse",
    "newsterm.full_article",
    "newsterm.view_query",
    "platformdirs",
    "selectolax",
    "textual",
    "tomlkit",
)
"""What a refresh whose feeds all answer 304 never uses: the parser, the HTML parser (pages,
article text, strip_selectors), [sync]'s rules, [[view]] queries, the default folders
(--feeds and --db name the files), the app and the feeds.toml editor."""


def test_a_refresh_of_unchanged_feeds_loads_no_parser_and_no_default_folders(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    urls = [http_server.route(f"/{i}.xml", conditional(RSS)) for i in range(20)]
    feeds = tmp_path / "feeds.toml"
    feeds.write_text("".join(f'[[feed]]\nurl = "{url}"\n' for url in urls))
    args = ["refresh", "--all", "--feeds", str(feeds), "--db", str(tmp_path / "c.db")]
    code = (
        "import sys\n"
        "from newsterm.cli import main\n"
        f"status = main({args!r})\n"
        f"print(status, ','.join(sorted(m for m in {NOT_FOR_A_304!r} if m in sys.modules)))\n"
    )

    def refresh() -> list[str]:
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        return run.stdout.splitlines()

    refresh()  # fills the cache and stores the validators
    lines = refresh()
    assert "20 ok (20 not modified)" in lines[0]
    assert lines[-1] == "0 "
