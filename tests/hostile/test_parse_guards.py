"""The guards in front of feedparser: entity bombs, entry floods, tag floods, wide encodings."""

from __future__ import annotations

import codecs
import time
import tracemalloc

import pytest

from newsterm.errors import NotAFeed
from newsterm.feeds.guard import ParseLimits
from newsterm.feeds.parse import parse_feed

URL = "https://guards.example/feed.xml"


def rss(channel: str, prolog: str = "") -> bytes:
    return f'{prolog}<rss version="2.0"><channel><title>G</title>{channel}</channel></rss>'.encode()


def laughs(levels: int = 10, sep: str = "") -> str:
    decls = sep.join(
        ['<!ENTITY a0 "lol">']
        + [f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, levels)]
    )
    return f"<!DOCTYPE rss [{decls}]>"


def cost(body: bytes) -> tuple[float, int, object]:
    tracemalloc.start()
    started = time.monotonic()
    try:
        parsed = parse_feed(body, url=URL)
        return time.monotonic() - started, tracemalloc.get_traced_memory()[1], parsed
    finally:
        tracemalloc.stop()


ITEM = "<item><title>&a9;</title><guid>1</guid></item>"


@pytest.mark.parametrize(
    "prolog",
    [
        '<?xml version="1.0"?>' + laughs(),
        '<?xml version="1.0"?>\n' + laughs(sep="\n"),  # feedparser's own filter sees these
        "<!-- a comment first <rss> -->" + laughs(),  # nor does a comment hide the doctype
        "\ufeff" + laughs(),
        laughs().replace('"lol"', '"' + "x" * 5_000 + '"').replace("a9", "a3"),
    ],
    ids=["one line", "one per line", "after a comment", "after a BOM", "wide and shallow"],
)
def test_entity_bombs_are_defused_before_expat_sees_them(prolog: str) -> None:
    # memory, not time, shows the bomb never went off: an expansion would take megabytes
    _, peak, parsed = cost(rss(ITEM.replace("a9", "a3") if "x" * 10 in prolog else ITEM, prolog))
    assert peak < 4 << 20, peak
    assert all(len(e.title) < 100 for e in parsed.entries)  # type: ignore[attr-defined]


@pytest.mark.benchmark
def test_entity_bombs_cost_no_time() -> None:
    seconds, _, _ = cost(rss(ITEM, '<?xml version="1.0"?>' + laughs()))
    assert seconds < 0.5, seconds


def test_modest_entities_still_expand() -> None:
    prolog = '<!DOCTYPE rss [\n<!ENTITY brand "Harbour Gazette">\n<!ENTITY nb "&#160;">\n]>\n'
    parsed = parse_feed(
        rss("<item><title>&brand;&nb;news</title><guid>1</guid></item>", prolog), url=URL
    )
    assert parsed.entries[0].title == "Harbour Gazette news"  # one_line makes the NBSP a space
    assert parsed.warning is None


def test_a_utf16_feed_without_a_mark_is_read() -> None:
    body = rss("<item><title>Ça va ✓</title><guid>1</guid></item>").decode().encode("utf-16-le")
    assert parse_feed(body, url=URL).entries[0].title == "Ça va ✓"


def test_a_byte_order_mark_beats_the_servers_charset() -> None:
    text = rss("<item><title>Ça va ✓</title><guid>1</guid></item>").decode()
    for bom, codec in ((codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_LE, "utf-32-le")):
        parsed = parse_feed(
            bom + text.encode(codec), url=URL, content_type="text/xml; charset=latin-1"
        )
        assert parsed.entries[0].title == "Ça va ✓"


def test_entries_past_the_cap_are_cut_for_atom_too() -> None:
    entries = "".join(f"<atom:entry><atom:id>e{i}</atom:id></atom:entry>" for i in range(9))
    body = f"<atom:feed xmlns:atom='http://www.w3.org/2005/Atom'>{entries}</atom:feed>".encode()
    parsed = parse_feed(body, url=URL, limits=ParseLimits(entries=3))
    assert [e.id for e in parsed.entries] == ["e0", "e1", "e2"]
    assert parsed.warning == "kept the first 3 entries of a longer feed"  # and still well-formed


def test_a_tag_flood_is_refused() -> None:
    with pytest.raises(NotAFeed, match="more than 1,000,000 tags"):
        parse_feed(rss("<item>" + "<b/>" * 1_200_000 + "</item>"), url=URL)


@pytest.mark.benchmark
def test_a_tag_flood_is_refused_at_once() -> None:
    started = time.monotonic()
    with pytest.raises(NotAFeed):
        parse_feed(rss("<item>" + "<b/>" * 1_200_000 + "</item>"), url=URL)
    assert time.monotonic() - started < 1
