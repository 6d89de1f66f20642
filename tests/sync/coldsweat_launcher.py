"""Start coldsweat (a Fever API server) for the tests, with no way to reach past this machine.

Run as ``python coldsweat_launcher.py DB PORT [OPML USER]``; the password comes from
$COLDSWEAT_TEST_PASSWORD, never the command line. With OPML and USER it first creates the
user, subscribes it to the OPML's feeds (their outlines become groups) and fetches them.
It prints "ready PORT" once it serves on 127.0.0.1.

coldsweat asks a public icon service for every feed's favicon: that fetcher is replaced
before the app starts, and its page fetcher refuses any host that is not loopback.
"""

from __future__ import annotations

import os
import sys
from urllib.parse import urlsplit

import coldsweat.fetcher as fetcher
import requests
from coldsweat import create_app, feed, models
from werkzeug.serving import make_server


def _no_favicon(self: object, url: str) -> str:
    return str(models.Feed.DEFAULT_ICON)


_real_fetch_url = fetcher.fetch_url


def _loopback_only(url: str, *args: object, **kwargs: object) -> object:
    if urlsplit(url).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise requests.exceptions.ConnectionError(f"the test server fetches only loopback: {url}")
    return _real_fetch_url(url, *args, **kwargs)


fetcher.Fetcher._favicon_fetcher = _no_favicon  # type: ignore[method-assign]
fetcher.fetch_url = _loopback_only


def _set_up(opml: str, email: str, password: str) -> None:
    from werkzeug import security

    models.setup()
    user = models.User.create(
        email=email,
        password_hash=security.generate_password_hash(password),
        fever_api_key=models.User.make_fever_api_key(email, password),
        display_name="test",
    )
    subscribed = feed.add_feeds_from_opml(opml)
    for subscribed_feed, group in subscribed:
        feed.add_subscription(user, subscribed_feed, group)
    feed.fetch_feeds([f for f, _ in subscribed])


def main() -> None:
    db, port = sys.argv[1], int(sys.argv[2])

    class Settings:
        DATABASE_URL = f"sqlite:///{db}"
        SECRET_KEY = "test only"

    app = create_app(Settings)
    if len(sys.argv) > 4:
        with app.app_context():
            _set_up(sys.argv[3], sys.argv[4], os.environ["COLDSWEAT_TEST_PASSWORD"])
    server = make_server("127.0.0.1", port, app, threaded=True)
    print(f"ready {server.server_port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
