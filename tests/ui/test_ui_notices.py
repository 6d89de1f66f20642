"""What the command line said before the app took the screen is shown in the app too."""

from __future__ import annotations

from pathlib import Path

from textual.notifications import Notify

from newsterm.config import Config, Settings
from newsterm.store import Store
from newsterm.ui.app import NewstermApp
from newsterm.ui.timing import Timing


async def test_notices_from_the_command_line_are_notified_literally(tmp_path: Path) -> None:
    config = Config(Settings(refresh_on_start=False, refresh_minutes=0), (), tmp_path / "f.toml")
    notice = "created /x/[b]feeds.toml[/b] with the default feeds; edit it (e) to change them"
    notified: list[Notify] = []

    def hook(message: object) -> None:
        if isinstance(message, Notify):
            notified.append(message)

    with Store.open(tmp_path / "cache.db") as store:
        path = tmp_path / "f.toml"
        app = NewstermApp(config, path, store, timing=Timing(watch_every=0), notices=[notice])
        async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
            await pilot.pause()
            (shown,) = [n.notification for n in notified if n.notification.message == notice]
            assert shown.markup is False  # the path is shown as written, never as markup
            await pilot.press("ctrl+q")
        assert app.return_code == 0
