"""Attachments in the app: listed under the article, d downloads with a progress bar into
the download folder, P hands the file to the player as an argument list."""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

import pytest
from textual.message import Message
from textual.widgets import OptionList, ProgressBar
from ui_helpers import Setup, notes_into, settle, started

from entries import entry, save
from httpserver import LoopbackServer, Reply, Request, endless, ranged
from newsterm.config import load_config
from newsterm.feeds.download import safe_filename
from newsterm.models import Enclosure
from newsterm.store import Store
from newsterm.ui import launch
from newsterm.ui.downloader import Downloader
from newsterm.ui.messages import DownloadProgressed
from newsterm.ui.screens.links import LinkListScreen

BODY = hashlib.sha256(b"episode").digest() * 8_000  # 256,000 bytes
FEED = "https://pod.example/feed.xml"


def _in_pieces(request: Request, reply: Reply) -> None:
    """The episode in eight pieces a little apart, so the download is seen under way."""
    reply.start(200, {"Content-Type": "audio/mpeg", "Content-Length": str(len(BODY))})
    for start in range(0, len(BODY), len(BODY) // 8):
        reply.write(BODY[start : start + len(BODY) // 8])
        if not reply.sleep(0.05):
            return reply.reset()


def _setup(tmp_path: Path, url: str) -> Setup:
    path = tmp_path / "feeds.toml"
    path.write_text(
        "[settings]\nrefresh_on_start = false\nrefresh_minutes = 0\n"
        f'download_dir = "{tmp_path / "dl"}"\nplayer = ["myplayer", "--no-video"]\n\n'
        f'[[feed]]\nurl = "{FEED}"\n'
    )
    config = load_config(path)
    store = Store.open(tmp_path / "cache.db")
    store.sync_feeds(config.feeds)
    episode = entry(
        id="ep1",
        title="Episode 1",
        link="https://pod.example/1",
        author="Ann Host",
        content="<p>Show notes.</p>",
        enclosures=(Enclosure(url, "audio/mpeg", len(BODY), 2707),),
    )
    save(store, FEED, "Pod", episode)
    return Setup(config, path, store, tmp_path / "cache.db")


async def test_d_downloads_the_attachment_with_progress_into_the_download_folder(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    url = http_server.route("/ep.mp3", _in_pieces)
    setup = _setup(tmp_path, url)
    notes: list[str] = []
    progress: list[Message] = []

    def hook(message: Message) -> None:
        notes_into(notes)(message)
        if isinstance(message, DownloadProgressed):
            progress.append(message)

    async with started(setup.app(), message_hook=hook) as (pilot, screen):
        await pilot.press("enter")
        await settle(pilot)
        text = "\n".join(line.plain for line in screen.reader.lines)
        assert "[E1] audio/mpeg · 256.0 KB · 45:07" in text and url in text
        await pilot.press("d")
        await pilot.pause()
        assert screen.query_one(Downloader).busy
        assert screen.query_one(Downloader).query_one(ProgressBar).total == len(BODY)
        await settle(pilot, rounds=200)
        assert not screen.query_one(Downloader).busy
    saved = tmp_path / "dl" / safe_filename(url)
    assert saved.read_bytes() == BODY
    assert progress and any(f"Saved {saved.resolve()}" in n for n in notes)
    setup.store.close()


async def test_d_on_an_attachment_already_saved_says_where_it_is(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    url = http_server.route("/ep.mp3", _in_pieces)
    setup = _setup(tmp_path, url)
    saved = tmp_path / "dl" / safe_filename(url)
    saved.parent.mkdir()
    saved.write_bytes(b"kept")
    notes: list[str] = []
    async with started(setup.app(), message_hook=notes_into(notes)) as (pilot, screen):
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert not screen.query_one(Downloader).busy
    assert f"Already saved: {saved.resolve()}" in notes
    assert saved.read_bytes() == b"kept" and not http_server.requests_to("/ep.mp3")
    setup.store.close()


async def test_a_failed_download_says_why_in_one_line(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    url = http_server.route("/gone.mp3", ranged(BODY, cut_first_at=1000))
    setup = _setup(tmp_path, url)
    notes: list[str] = []
    async with started(setup.app(), message_hook=notes_into(notes)) as (pilot, _):
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot, rounds=100)
    failure = [n for n in notes if n.startswith("Downloading the attachment failed")]
    assert len(failure) == 1 and "\n" not in failure[0]
    # the part file is kept: the next d resumes it
    assert (
        tmp_path / "dl" / (safe_filename(url) + ".part")
    ).exists()  # kept: the next d resumes it
    setup.store.close()


async def test_p_plays_with_the_player_argv_and_the_downloaded_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup = _setup(tmp_path, "https://pod.example/media/ep.mp3")
    ran: list[list[str]] = []
    monkeypatch.setattr(launch, "run_player", lambda app, argv: ran.append(argv))
    async with started(setup.app()) as (pilot, _):
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        (tmp_path / "dl").mkdir()
        (tmp_path / "dl" / safe_filename("https://pod.example/media/ep.mp3")).write_bytes(b"x")
        await pilot.press("P")
        await settle(pilot)
    local = str((tmp_path / "dl" / safe_filename("https://pod.example/media/ep.mp3")).resolve())
    assert ran == [
        ["myplayer", "--no-video", "https://pod.example/media/ep.mp3"],
        ["myplayer", "--no-video", local],
    ]
    setup.store.close()


async def test_with_several_attachments_d_asks_which(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    first = http_server.route("/one.mp3", ranged(b"one" * 1000))
    second = http_server.route("/two.mp3", ranged(BODY))
    setup = _setup(tmp_path, first)
    two = (Enclosure(first, "audio/mpeg"), Enclosure(second, "audio/ogg"))
    save(setup.store, FEED, "Pod", entry(id="ep2", title="Episode 2", enclosures=two))
    async with started(setup.app()) as (pilot, _):
        await pilot.press("enter")  # the newest: Episode 2
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(pilot.app.screen, LinkListScreen)
        title = pilot.app.screen.query_one(OptionList).border_title
        assert str(title) == "2 attachments · Episode 2"
        await pilot.press("j", "enter")
        await settle(pilot, rounds=100)
    assert (tmp_path / "dl" / safe_filename(second)).read_bytes() == BODY
    assert not (tmp_path / "dl" / safe_filename(first)).exists()
    setup.store.close()


async def test_quitting_mid_download_stops_the_download(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    """A body that never ends: leaving the app must not wait for it (Python joins worker
    threads at exit), and what came so far stays as a .part file to resume."""
    url = http_server.route("/live.mp3", endless(piece=b"x" * 65_536))
    setup = _setup(tmp_path, url)
    seen: list[Message] = []
    async with started(setup.app(), message_hook=seen.append) as (pilot, _screen):
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("d")
        for _ in range(200):  # until a piece has arrived
            await pilot.pause(0.01)
            if any(isinstance(m, DownloadProgressed) for m in seen):
                break
    part = tmp_path / "dl" / (safe_filename(url) + ".part")
    assert part.exists()
    # a piece in flight when the app went may still land; then the file must stop growing,
    # where a download still running would keep writing
    sizes = [part.stat().st_size]
    for _ in range(40):
        await asyncio.sleep(0.25)
        sizes.append(part.stat().st_size)
        if len(sizes) >= 3 and sizes[-1] == sizes[-3]:
            break
    assert sizes[-1] == sizes[-3], sizes
    setup.store.close()
