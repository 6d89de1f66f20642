"""The queue of n and p presses: one searched at a time, typed-ahead ones from the last landing."""

from __future__ import annotations

from newsterm.ui.widgets.unread_presses import UnreadPress, UnreadPresses


def test_one_press_is_searched_at_a_time_and_later_ones_skip_the_cursor_row() -> None:
    presses = UnreadPresses()
    presses.press(True, include_cursor=True)
    presses.press(True, include_cursor=True)
    assert presses.take() == UnreadPress(True, True)
    assert presses.take() is None  # the first has not answered
    assert presses.answered() == UnreadPress(True, True)
    assert presses.take() == UnreadPress(True, False)  # the row the first landed on
    presses.answered()
    assert not presses.busy and presses.take() is None


def test_held_presses_wait_for_a_search_from_the_edge_or_resume() -> None:
    presses = UnreadPresses()
    for forward in (True, True, False):
        presses.press(forward, include_cursor=False)
    presses.take()
    presses.answered()
    presses.hold()  # found nothing
    assert presses.take() is None and not presses.busy
    presses.from_edge(True)  # the screen looks in the next feed
    assert presses.take() == UnreadPress(True, True, from_edge=True)
    presses.answered()
    assert presses.take() == UnreadPress(True, False)
    presses.answered()
    presses.hold()
    presses.resume()  # the screen stays on the list
    assert presses.take() == UnreadPress(False, False)


def test_a_press_asked_again_goes_first() -> None:
    presses = UnreadPresses()
    presses.press(True, include_cursor=False)
    presses.press(False, include_cursor=False)
    first = presses.take()
    assert first is not None
    presses.answered()
    presses.again(first)  # its list was reloaded under it
    assert presses.take() == first


def _two_pressed_one_searched() -> UnreadPresses:
    presses = UnreadPresses()
    presses.press(True, include_cursor=False)
    presses.press(True, include_cursor=False)
    presses.take()
    return presses


def test_presses_dropped_when_the_list_changes_by_hand_are_forgotten() -> None:
    presses = _two_pressed_one_searched()
    presses.drop()  # another feed chosen while the first press was searched
    assert presses.answered() is None  # its answer belongs to the old list
    assert presses.take() is None and not presses.busy


def test_presses_held_for_the_next_feed_survive_a_drop() -> None:
    presses = _two_pressed_one_searched()
    presses.answered()
    presses.hold()  # found nothing: the screen opens the next feed
    presses.drop()
    presses.from_edge(True)
    assert presses.take() == UnreadPress(True, True, from_edge=True)
    presses.answered()
    assert presses.take() == UnreadPress(True, False)


def test_a_failed_search_lets_every_press_go() -> None:
    presses = _two_pressed_one_searched()
    presses.failed()
    assert not presses.busy and presses.take() is None
    presses.press(True, include_cursor=True)  # the next n searches again
    assert presses.take() == UnreadPress(True, True)
