"""The reader's layout on real articles: maths kept, tables aligned or as records with no
word cut, layout tables as paragraphs, every line within the width, links numbered."""

from __future__ import annotations

import functools
import re

import pytest

from corpus_articles import (
    ALL,
    CJK,
    COLSPAN,
    LAYOUT_TABLE,
    MANY_LINKS,
    MATHML,
    PODCAST,
    RTL,
    WIDE_TABLE,
    article,
    entry,
)
from entries import article as entry_article
from newsterm.text.blocks import Block, Cell
from newsterm.text.layout.lines import cell_width, wrap
from newsterm.text.layout.page import ReaderPage, header_lines, layout_page
from newsterm.text.layout.table import table_lines
from newsterm.text.render.document import html_to_document
from newsterm.text.render.math import tidy_tex
from newsterm.text.render.plain import render_page


@functools.cache
def _doc(which: tuple[str, int]):  # type: ignore[no-untyped-def]
    a = article(which)
    return html_to_document(a.body, a.link)


def _text(html: str) -> str:
    return "\n".join(b.text for b in html_to_document(html).blocks)


# ----------------------------------------------------------------- maths


def test_maths_prefers_alttext_then_tex_then_a_unicode_reading() -> None:
    assert _text('<p>a <math alttext="x^2"><mi>y</mi></math> b</p>') == "a x^2 b"
    tex = (
        '<p>spans <math><semantics><mn>4</mn><annotation encoding="application/x-tex">4'
        "</annotation></semantics></math> kiB</p>"
    )
    assert _text(tex) == "spans 4 kiB"
    assert (
        _text(
            "<p><math><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math>,"
            " <math><mfrac><mn>1</mn><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow></mfrac></math>,"
            " <math><msqrt><mn>2</mn></msqrt></math>,"
            " <math><msub><mi>a</mi><mi>k</mi></msub></math></p>"
        )
        == "E = mc², 1/(x + 1), √2, a_k"
    )


def test_tex_is_tidied_into_what_it_prints() -> None:
    assert tidy_tex(r"\log_{2}4096 = 12") == "log₂4096 = 12"
    assert tidy_tex(r"3\,088\,384") == "3 088 384"
    assert tidy_tex(r"G\times\text{Capacity}") == "G × Capacity"
    assert tidy_tex(r"\frac{a+1}{b}") == "(a+1)/b"
    assert tidy_tex(r"\frac{G^{\lceil\log_G n\rceil} - 1}{G - 1}") == "(G^(⌈log_G n⌉) - 1)/(G - 1)"
    assert tidy_tex(r"90\%") == "90%"
    assert tidy_tex(r"\unknown{x}") == r"\unknown{x}"  # what it cannot read stays as written


def test_a_huge_formula_is_bounded() -> None:
    html = "<p><math>" + "<mrow><mn>1</mn>" * 20_000 + "</mrow>" * 20_000 + "</math></p>"
    text = _text(html)
    assert 0 < len(text) <= 2000


def test_a_real_mathml_post_keeps_its_numbers() -> None:
    text = "\n".join(b.text for b in _doc(MATHML).blocks)
    assert "A page usually spans 4kiB of memory" in text
    assert "log₂4096 = 12" in text and "64 - 12 = 52" in text


# ----------------------------------------------------------------- tables


def _table(rows: list[list[Cell]]) -> Block:
    return Block("table", "", rows=tuple(tuple(r) for r in rows))


def _plain(lines) -> list[str]:  # type: ignore[no-untyped-def]
    return [line.plain.rstrip() for line in lines]


def test_spanning_cells_keep_the_columns_aligned() -> None:
    table = _table(
        [
            [Cell("Size", head=True), Cell("Peak (bytes)", 2, head=True)],
            [Cell(""), Cell("ours", head=True), Cell("std", head=True)],
            [Cell("10", head=True), Cell("3 088"), Cell("2 551")],
        ]
    )
    lines = _plain(table_lines(table, 60))
    assert lines == [
        "Size │ Peak (bytes)",
        "     │ ours  │ std",
        "─────┼───────┼──────",
        "10   │ 3 088 │ 2 551",
    ]


def test_rowspan_and_colspan_from_html() -> None:
    html = (
        "<table><tr><th>Len</th><th>Kind</th><th>Time</th></tr>"
        "<tr><td rowspan=2>10</td><td>int</td><td>1</td></tr>"
        "<tr><td>ptr</td><td>2</td></tr>"
        "<tr><td colspan=3>footnote</td></tr></table>"
    )
    (block,) = html_to_document(html).blocks
    lines = _plain(table_lines(block, 60))
    assert lines[:5] == [
        "Len │ Kind │ Time",
        "────┼──────┼─────",
        "10  │ int  │ 1",
        "    │ ptr  │ 2",
        "footnote",
    ]


def test_cells_wrap_at_words_and_a_table_too_wide_becomes_records() -> None:
    table = _table(
        [
            [Cell("Name", head=True), Cell("Description", head=True)],
            [Cell("alpha"), Cell("a rather long description of the first thing")],
        ]
    )
    narrow = _plain(table_lines(table, 30))
    assert narrow[2].startswith("alpha │ a rather long")
    assert all(cell_width(line) <= 30 for line in narrow)
    records = _plain(table_lines(table, 14))
    assert records[0] == "Name: alpha" and records[1].startswith("Description:")


def _words_kept(block: Block, width: int) -> None:
    out = " ".join(_plain(table_lines(block, width)))
    words = {word.removesuffix(":") for word in out.split()}  # records name columns "Head:"
    for row in block.rows:
        for cell in row:
            for word in cell.text.split():
                if cell_width(word) <= width - 2:
                    assert word in words, f"{word!r} was cut at {width} columns"


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_real_tables_never_cut_a_word_and_stay_in_the_width(width: int) -> None:
    for which in (MATHML, COLSPAN, WIDE_TABLE):
        for block in _doc(which).blocks:
            if block.kind == "table":
                _words_kept(block, width)
                assert all(cell_width(x) <= width for x in _plain(table_lines(block, width)))


def test_the_colspan_table_is_aligned_at_60_columns() -> None:
    (table,) = [b for b in _doc(COLSPAN).blocks if b.kind == "table"]
    lines = _plain(table_lines(table, 60))
    assert lines[0].startswith("Unicode code points") and "UTF-8 encoding (binary)" in lines[0]
    body = [line for line in lines if re.match(r"^[0-9A-F]+-[0-9A-F]+ ", line)]
    assert len(body) == 4 and len({line.index("│") for line in body}) == 1
    assert "0080-07FF     │ (11 bits) │ 110pqrst 10uvwxyz" in lines


def test_a_wide_real_table_becomes_records_under_its_headers() -> None:
    wide = [b for b in _doc(WIDE_TABLE).blocks if b.kind == "table" and len(b.rows[1]) == 5]
    lines = _plain(table_lines(wide[0], 60))
    assert lines[:4] == ["No optimisation", "", "Length: 10³", "Element: int"]
    assert "Throughput (Hz): ∞" in lines


def test_a_layout_table_becomes_its_paragraphs_in_order() -> None:
    blocks = _doc(LAYOUT_TABLE).blocks
    assert not [b for b in blocks if b.kind == "table"]
    texts = [b.text for b in blocks]
    edited = next(i for i, t in enumerate(texts) if t.startswith("Edited by"))
    designed = next(i for i, t in enumerate(texts) if t.startswith("Designed by"))
    assert designed == edited + 1
    assert _text("<table><tr><td>one</td><td>row</td></tr></table>") == "one\nrow"


# ----------------------------------------------------------------- every article


@pytest.mark.parametrize("which", ALL, ids=[f"{n}#{i}" for n, i in ALL])
@pytest.mark.parametrize("width", [40, 84])
def test_real_articles_fit_the_width_and_keep_every_link(
    which: tuple[str, int], width: int
) -> None:
    a = article(which)
    page = ReaderPage(a, html_to_document(a.body, a.link))
    lines = layout_page(page, width, original=False)
    assert all(cell_width(line.plain) <= width for line in lines), which
    text = "\n".join(line.plain for line in lines)
    for link in page.document.links:
        assert f"[{link.number}]" in text
    assert render_page(page, width) == "\n".join(x.plain.rstrip() for x in lines).strip("\n") + "\n"


def test_a_post_with_many_links_numbers_them_all() -> None:
    links = _doc(MANY_LINKS).links
    assert len(links) >= 80 and [link.number for link in links] == list(range(1, len(links) + 1))


def test_cjk_wraps_by_cells_and_rtl_text_is_kept() -> None:
    for line in wrap("中文" * 30, 21):
        assert cell_width(line) <= 21
    cjk = _doc(CJK)
    assert any(re.search("[\u4e00-\u9fff]", b.text) for b in cjk.blocks)
    rtl = _doc(RTL)
    assert any(re.search("[\u0600-\u06ff]", b.text) for b in rtl.blocks)


# ----------------------------------------------------------------- the feed's fields


def test_the_item_author_wins_over_the_podcast_and_duration_is_read() -> None:
    e = entry(PODCAST)
    assert e.author == "Marco Arment"  # dc:creator, not the item's itunes:author "ATP"
    (enclosure,) = e.enclosures
    assert enclosure.type == "audio/mpeg" and enclosure.length == 54919661
    assert enclosure.duration == 1 * 3600 + 54 * 60 + 9
    page = layout_page(ReaderPage(article(PODCAST), html_to_document("")), 80, original=False)
    text = "\n".join(line.plain for line in page)
    assert (
        "[E1] audio/mpeg · 54.9 MB · 1:54:09\n     http://traffic.libsyn.com/atpfm/atp311.mp3"
    ) in text


def test_records_take_section_rows_as_titles_and_repeated_headers_as_names() -> None:
    head = [Cell("Len", head=True), Cell("Kind", head=True), Cell("A long column name", head=True)]
    table = _table(
        [
            [Cell("First run", 3, head=True)],
            head,
            [Cell("10"), Cell("int"), Cell("1")],
            [Cell("Second run", 3, head=True)],
            [Cell("N", head=True), Cell("Type", head=True), Cell("Value", head=True)],
            [Cell("20"), Cell("ptr"), Cell("2")],
        ]
    )
    lines = _plain(table_lines(table, 16))
    assert lines == [
        "First run",
        "",
        "Len: 10",
        "Kind: int",
        "A long column",
        "  name: 1",
        "",
        "Second run",
        "",
        "N: 20",
        "Type: ptr",
        "Value: 2",
    ]


def test_a_table_squeezed_into_tall_rows_reads_as_records_instead() -> None:
    html = (
        "<table><tr><th>Line</th><th colspan=2>Weekday</th><th>Sunday</th></tr>"
        "<tr><th></th><th>First</th><th>Last</th><th></th></tr>"
        "<tr><td>North pier to Old Town</td><td>06:10</td><td>21:00</td><td>hourly from 08:00</td>"
        "</tr><tr><td>Old Town to north pier</td><td>06:30</td><td>21:30</td><td>hourly</td>"
        "</tr></table>"
    )
    (block,) = html_to_document(html).blocks
    wide = _plain(table_lines(block, 60))
    assert wide[3] == "North pier to Old Town │ 06:10 │ 21:00 │ hourly from 08:00"
    narrow = _plain(table_lines(block, 34))
    assert narrow == [
        "Line: North pier to Old Town",
        "First: 06:10",
        "Last: 21:00",
        "Sunday: hourly from 08:00",
        "",
        "Line: Old Town to north pier",
        "First: 06:30",
        "Last: 21:30",
        "Sunday: hourly",
    ]


def test_the_byline_names_an_author_who_is_the_feed_only_once() -> None:
    def byline(feed: str, author: str) -> str:
        lines = header_lines(entry_article(feed_title=feed, author=author), 80)
        return next(line.plain for line in lines if line.spans[0].style == "meta")

    assert byline("DC Rainmaker", "DC Rainmaker").count("DC Rainmaker") == 1
    assert byline("Pod", "pod ").startswith("Pod · 20")
    assert byline("ATP", "Marco Arment").startswith("ATP · Marco Arment · ")
