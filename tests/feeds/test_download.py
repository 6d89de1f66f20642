"""Attachment downloads against a real loopback server: resumed with Range and byte-exact,
bounded in size, confined to the download folder, and never from a non-web address."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pytest

from httpserver import LoopbackServer, endless, ranged, redirect, respond, versioned
from newsterm.errors import FetchError
from newsterm.feeds.download import DownloadLimits, download, safe_filename, target_path

EPISODE = hashlib.sha256(b"episode").digest() * 12_000  # 384,000 bytes, not compressible


def _client() -> httpx.Client:
    return httpx.Client(follow_redirects=False)


def test_an_interrupted_download_resumes_with_range_and_its_bytes_match(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    url = http_server.route("/ep.mp3", ranged(EPISODE, cut_first_at=100_000))
    path = tmp_path / "ep.mp3"
    seen: list[tuple[int, int | None]] = []
    with _client() as client:
        with pytest.raises(FetchError):
            download(client, url, path)
        part = tmp_path / "ep.mp3.part"
        assert not path.exists() and 0 < part.stat().st_size < len(EPISODE)
        kept = part.stat().st_size
        download(client, url, path, progress=lambda done, total: seen.append((done, total)))
    assert path.read_bytes() == EPISODE and not part.exists()
    second = http_server.requests_to("/ep.mp3")[1]
    assert second.headers["range"] == f"bytes={kept}-"
    assert seen[0] == (kept, len(EPISODE)) and seen[-1] == (len(EPISODE), len(EPISODE))


def test_a_server_that_ignores_range_starts_the_file_again(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    url = http_server.route("/ep.mp3", respond(EPISODE, content_type="audio/mpeg"))
    (tmp_path / "ep.mp3.part").write_bytes(b"stale bytes from elsewhere")
    with _client() as client:
        download(client, url, tmp_path / "ep.mp3")
    assert (tmp_path / "ep.mp3").read_bytes() == EPISODE


def test_an_endless_body_stops_at_the_size_limit(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    url = http_server.route("/forever.mp3", endless())
    with _client() as client, pytest.raises(FetchError, match="too large"):
        download(client, url, tmp_path / "f.mp3", limits=DownloadLimits(max_bytes=300_000))
    assert list(tmp_path.iterdir()) == []  # no part file left to grow on the next try


def test_hitting_the_size_limit_says_the_part_file_was_removed(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    url = http_server.route("/forever.mp3", endless())
    with _client() as client, pytest.raises(FetchError) as caught:
        download(client, url, tmp_path / "f.mp3", limits=DownloadLimits(max_bytes=300_000))
    assert "removed" in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("first", "second", "sent"),
    [
        ({"ETag": '"v1"'}, {"ETag": '"v2"'}, '"v1"'),
        (
            {"Last-Modified": "Mon, 02 Mar 2026 08:00:00 GMT"},
            {"Last-Modified": "Wed, 04 Mar 2026 08:00:00 GMT"},
            "Mon, 02 Mar 2026 08:00:00 GMT",
        ),
    ],
    ids=["etag", "last-modified"],
)
def test_a_file_changed_since_the_part_was_saved_starts_again_instead_of_splicing(
    http_server: LoopbackServer,
    tmp_path: Path,
    first: dict[str, str],
    second: dict[str, str],
    sent: str,
) -> None:
    new = hashlib.sha256(b"re-edited").digest() * 12_000
    versions = [(EPISODE, first)]
    url = http_server.route("/ep.mp3", versioned(versions, cut_first_at=100_000))
    path = tmp_path / "ep.mp3"
    with _client() as client:
        with pytest.raises(FetchError):
            download(client, url, path)
        versions.append((new, second))
        download(client, url, path)
    resumed = http_server.requests_to("/ep.mp3")[1]
    assert resumed.headers["if-range"] == sent and resumed.headers["range"].startswith("bytes=")
    assert path.read_bytes() == new
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ep.mp3"]  # nothing left beside it


def test_an_unchanged_file_resumes_under_if_range(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    url = http_server.route(
        "/ep.mp3", versioned([(EPISODE, {"ETag": '"v1"'})], cut_first_at=100_000)
    )
    path = tmp_path / "ep.mp3"
    with _client() as client:
        with pytest.raises(FetchError):
            download(client, url, path)
        download(client, url, path)
    assert http_server.requests_to("/ep.mp3")[1].headers["if-range"] == '"v1"'
    assert path.read_bytes() == EPISODE


def test_a_weak_etag_is_never_sent_in_if_range(http_server: LoopbackServer, tmp_path: Path) -> None:
    """RFC 9110 forbids a weak tag there; Last-Modified stands in when the server gave one."""
    validators = {"ETag": 'W/"v1"', "Last-Modified": "Mon, 02 Mar 2026 08:00:00 GMT"}
    url = http_server.route("/ep.mp3", versioned([(EPISODE, validators)], cut_first_at=100_000))
    path = tmp_path / "ep.mp3"
    with _client() as client:
        with pytest.raises(FetchError):
            download(client, url, path)
        download(client, url, path)
    assert http_server.requests_to("/ep.mp3")[1].headers["if-range"] == validators["Last-Modified"]
    assert path.read_bytes() == EPISODE


def test_a_file_announced_too_large_is_refused_before_any_byte(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    url = http_server.route("/big.mp3", respond(EPISODE))
    with _client() as client, pytest.raises(FetchError, match="larger than"):
        download(client, url, tmp_path / "b.mp3", limits=DownloadLimits(max_bytes=1024 * 1024 // 8))
    assert not (tmp_path / "b.mp3.part").exists() or (tmp_path / "b.mp3.part").stat().st_size == 0


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://x.example/a.mp3", "javascript:x"])
def test_only_web_addresses_are_downloaded(url: str, tmp_path: Path) -> None:
    with _client() as client, pytest.raises(FetchError, match="non-web"):
        download(client, url, tmp_path / "x")
    assert list(tmp_path.iterdir()) == []


def test_a_redirect_to_a_local_file_is_refused(http_server: LoopbackServer, tmp_path: Path) -> None:
    url = http_server.route("/r.mp3", redirect("file:///etc/passwd"))
    with _client() as client, pytest.raises(FetchError, match="unsupported URL"):
        download(client, url, tmp_path / "r.mp3")


@pytest.mark.parametrize(
    ("url", "kind", "name"),
    [
        ("https://x.example/a/b/episode%20311.mp3?x=1", "", "episode 311.mp3"),
        ("https://x.example/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "", "etc passwd"),
        ("https://x.example/..", "audio/mpeg", "attachment.mp3"),
        ("https://x.example/.bashrc", "", "bashrc"),
        ("https://x.example/a%00b%1b]52;c;x%07.mp3", "", "ab.mp3"),  # the sequence goes whole
        ("https://x.example/$(rm -rf ~)`id`;.mp3", "", "rm -rf _id.mp3"),
        ("https://x.example/", "audio/mpeg", "attachment.mp3"),
    ],
)
def test_file_names_from_a_feed_are_made_safe(url: str, kind: str, name: str) -> None:
    tag = hashlib.sha1(url.encode()).hexdigest()[:8]  # one file per address, see below
    stem, dot, ext = name.rpartition(".") if "." in name else (name, "", "")
    assert safe_filename(url, kind) == f"{stem}-{tag}{dot}{ext}"


def test_episodes_sharing_a_last_segment_get_files_of_their_own() -> None:
    """Many feeds send every episode through ".../redirect.mp3": one name for all would
    overwrite one episode with another, or resume one's .part with another's bytes."""
    first = safe_filename("https://cdn.example/ep/1/redirect.mp3")
    second = safe_filename("https://cdn.example/ep/2/redirect.mp3")
    assert first != second and first.startswith("redirect-") and first.endswith(".mp3")
    assert safe_filename("https://cdn.example/ep/1/redirect.mp3") == first  # stable


def test_a_long_name_in_any_script_fits_a_file_system() -> None:
    name = safe_filename("https://x.example/" + "長い名前" * 60 + ".mp3")
    assert len((name + ".part").encode()) <= 255 and name.endswith(".mp3")


def test_a_path_can_never_leave_the_download_folder(tmp_path: Path) -> None:
    assert target_path(tmp_path, "ep.mp3") == tmp_path.resolve() / "ep.mp3"
    for bad in ("../x", "/etc/passwd", "a/../../x", "sub/x"):
        with pytest.raises(ValueError):
            target_path(tmp_path, bad)


def test_a_missing_file_says_so_once(http_server: LoopbackServer, tmp_path: Path) -> None:
    url = http_server.route("/gone.mp3", respond(b"no", status=404))
    with _client() as client, pytest.raises(FetchError) as caught:
        download(client, url, tmp_path / "gone.mp3")
    assert str(caught.value) == "HTTP 404 Not Found"
