"""`newsterm enclosures` and `newsterm download` as a user runs them, against a loopback
server, into a download folder named in feeds.toml."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cli_run import newsterm
from httpserver import LoopbackServer, endless, ranged
from newsterm.feeds.download import safe_filename

BODY = hashlib.sha256(b"podcast").digest() * 4_000  # 128,000 bytes


def _feed(tmp_path: Path, enclosure_url: str, *, max_mb: int = 10) -> Path:
    item = (
        "<item><title>Episode 1</title><guid>ep1</guid><link>https://pod.example/1</link>"
        "<dc:creator>Ann Host</dc:creator><itunes:author>The Show</itunes:author>"
        "<itunes:duration>45:07</itunes:duration>"
        f'<enclosure url="{enclosure_url}" length="{len(BODY)}" type="audio/mpeg"/></item>'
    )
    (tmp_path / "pod.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">'
        f"<channel><title>Pod</title>{item}</channel></rss>"
    )
    downloads = tmp_path / "dl"
    path = tmp_path / "feeds.toml"
    path.write_text(
        f'[settings]\ndownload_dir = "{downloads}"\nmax_download_mb = {max_mb}\n\n'
        '[[feed]]\nurl = "pod.xml"\n'
    )
    return path


def test_enclosures_lists_type_size_and_length_then_download_saves_the_bytes(
    env: dict[str, str], tmp_path: Path, http_server: LoopbackServer
) -> None:
    url = http_server.route("/media/ep%201.mp3", ranged(BODY))
    feeds = _feed(tmp_path, url)
    paths = ["--feeds", str(feeds), "--db", str(tmp_path / "c.db")]
    assert newsterm("refresh", *paths, env=env).returncode == 0
    listing = newsterm("enclosures", "1", *paths, env=env)
    assert listing.returncode == 0
    assert listing.stdout == f"[E1] audio/mpeg · 128.0 KB · 45:07\n     {url}\n"
    shown = newsterm("show", "1", "--width", "60", *paths, env=env).stdout
    assert "Pod · Ann Host ·" in shown and "[E1] audio/mpeg · 128.0 KB · 45:07" in shown
    saved = newsterm("download", "1", *paths, env=env)
    assert saved.returncode == 0, saved.stderr
    target = tmp_path / "dl" / safe_filename(url)
    assert target.name.startswith("ep 1-") and target.suffix == ".mp3"
    assert saved.stdout.strip() == str(target.resolve())
    assert target.read_bytes() == BODY


def test_download_of_an_endless_body_is_bounded_and_reported(
    env: dict[str, str], tmp_path: Path, http_server: LoopbackServer
) -> None:
    url = http_server.route("/forever.mp3", endless())
    feeds = _feed(tmp_path, url, max_mb=1)
    paths = ["--feeds", str(feeds), "--db", str(tmp_path / "c.db")]
    newsterm("refresh", *paths, env=env)
    failed = newsterm("download", "1", *paths, env=env)
    assert failed.returncode == 1
    assert failed.stderr.strip() == (
        "newsterm: not downloaded: stopped at 1 MB: too large; the partial file was removed"
    )
    assert list((tmp_path / "dl").iterdir()) == []
    assert newsterm("download", "1", "2", *paths, env=env).returncode == 1  # no E2
