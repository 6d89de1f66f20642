"""Subscription lists in and out: OPML and newsboat urls files, and feeds.toml edited in place."""
