"""The order in which a refresh's fetchers take feeds: a host's feeds in turn."""

from __future__ import annotations

from newsterm.refresh_hosts import HostQueue


def queue(*items: str, per_host: int = 4) -> HostQueue[str]:
    """Items named "host/feed"."""
    return HostQueue(items, lambda item: item.split("/")[0], per_host)


def test_a_fetcher_keeps_to_its_host_until_its_feeds_are_done() -> None:
    q = queue("a/1", "b/1", "a/2", "b/2", "a/3")
    assert q.take(None) == ("a", "a/1")
    assert q.take("a") == ("a", "a/2")
    assert q.take("a") == ("a", "a/3")
    assert q.take("a") == ("b", "b/1")  # a is done: the next host no one has started


def test_hosts_start_longest_first_then_in_the_configured_order() -> None:
    q = queue("a/1", "b/1", "b/2", "c/1", "d/1", "d/2")
    assert [q.take(None) for _ in range(4)] == [
        ("b", "b/1"), ("d", "d/1"), ("a", "a/1"), ("c", "c/1"),
    ]  # fmt: skip


def test_idle_fetchers_join_the_host_with_most_left_up_to_the_limit() -> None:
    q = queue("a/1", "a/2", "a/3", "a/4", "a/5", "b/1", "b/2", per_host=2)
    assert q.take(None) == ("a", "a/1")
    assert q.take(None) == ("b", "b/1")
    assert q.take(None) == ("a", "a/2")  # every host started: a has the most left
    assert q.take(None) == ("b", "b/2")  # a has two fetchers already
    assert q.take(None) is None
    assert q.take("b") is None  # b is done and a is full
    assert [q.take("a"), q.take("a"), q.take("a"), q.take("a")] == [
        ("a", "a/3"), ("a", "a/4"), ("a", "a/5"), None,
    ]  # fmt: skip


def test_nothing_to_take_from_an_empty_queue() -> None:
    assert queue().take(None) is None
