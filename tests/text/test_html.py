"""HTML and plain text -> Document: blocks, numbered links, safety, deep input, plain rendering."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsterm.text.blocks import Block, Document, Link
from newsterm.text.render.document import html_to_document, looks_like_html
from newsterm.text.render.dom import MAX_DEPTH, limit_depth, parse_html
from newsterm.text.render.plain import render_text

BASE = "https://news.example/2024/story.html"


def doc(html: str, base_url: str = BASE) -> Document:
    return html_to_document(html, base_url)


def kinds(d: Document) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in d.blocks]


def test_paragraphs_and_headings_keep_order_and_level() -> None:
    d = doc("<h1>Title</h1><p>First.</p><h3>Sub</h3><p>Second.</p>")
    assert kinds(d) == [
        ("heading", "Title"),
        ("paragraph", "First."),
        ("heading", "Sub"),
        ("paragraph", "Second."),
    ]
    assert [b.level for b in d.blocks] == [1, 0, 3, 0]


def test_whitespace_is_normalised_outside_pre() -> None:
    d = doc("<p>  spread \n\n over\t lines  </p><pre>  keep\n    this\tspacing</pre>")
    assert kinds(d) == [("paragraph", "spread over lines"), ("pre", "  keep\n    this\tspacing")]


def test_whitespace_between_blocks_is_dropped_and_kept_where_it_counts() -> None:
    """The newlines between block elements make no block and no space; a link's, a pre's
    and a table cell's whitespace stays."""
    doc = html_to_document(
        "<div>\n  <p>One</p>\n\n <p>Two</p>\n <a href='https://x.example/'>\n Three\n</a>\n"
        "<pre>\n   code\n</pre><table><tr><td>a</td>\n<td> b</td></tr><tr><td>c</td>"
        "<td>d</td></tr></table></div>"
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("paragraph", "One"),
        ("paragraph", "Two"),
        ("paragraph", "Three [1]"),
        ("pre", "   code"),
        ("table", doc.blocks[-1].text),
    ]
    assert doc.links[0].text == "Three"
    assert [c.text for c in doc.blocks[-1].rows[0]] == ["a", "b"]


def test_links_are_numbered_in_order_deduplicated_and_resolved() -> None:
    d = doc(
        '<p>See <a href="/a">one</a>, <a href="https://other.example/b">two</a> and '
        '<a href="/a">one again</a>.</p><p><a href="mailto:desk@news.example">mail</a></p>'
    )
    assert d.blocks[0].text == "See one[1], two[2] and one again[1]."
    assert d.blocks[0].links == (1, 2)
    assert d.links == (
        Link(1, "https://news.example/a", "one"),
        Link(2, "https://other.example/b", "two"),
        Link(3, "mailto:desk@news.example", "mail"),
    )


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "#top"]
)
def test_unsafe_or_local_links_show_text_without_a_number(href: str) -> None:
    d = doc(f'<p>Click <a href="{href}">here</a> now</p>')
    assert d.blocks[0].text == "Click here now"
    assert d.links == ()


def test_relative_links_without_base_are_not_numbered_but_kept_as_evidence() -> None:
    d = html_to_document('<p><a href="/donate">Give</a></p>')
    assert d.blocks[0].text == "Give"
    assert d.blocks[0].hrefs == ("/donate",)
    assert d.links == ()


def test_lists_have_markers_and_depth() -> None:
    d = doc('<ul><li>one</li><li>two<ol start="4"><li>a</li><li value="9">b</li></ol></li></ul>')
    assert kinds(d) == [
        ("list_item", "• one"),
        ("list_item", "• two"),
        ("list_item", "4. a"),
        ("list_item", "9. b"),
    ]
    assert [b.level for b in d.blocks] == [1, 1, 2, 2]


def test_blockquote_and_nested_quote_levels() -> None:
    d = doc("<blockquote><p>outer</p><blockquote>inner</blockquote></blockquote>")
    assert [(b.kind, b.text, b.level) for b in d.blocks] == [
        ("quote", "outer", 1),
        ("quote", "inner", 2),
    ]


def test_tables_become_rows_of_cells() -> None:
    d = doc(
        "<table><caption>Results</caption><tr><th>Team</th><th>Score</th></tr>"
        "<tr><td>Reds</td><td>3</td></tr><tr><td>Blues</td><td><a href='/m'>1</a></td></tr>"
        "</table>"
    )
    assert kinds(d) == [("table", "Results\nTeam │ Score\nReds │ 3\nBlues │ 1[1]")]
    assert d.blocks[0].links == (1,)


def test_single_column_layout_table_is_a_plain_container() -> None:
    d = doc("<table><tr><td><p>Body text.</p><p>More.</p></td></tr></table>")
    assert kinds(d) == [("paragraph", "Body text."), ("paragraph", "More.")]


def test_images_tracking_pixels_and_unlabelled_image_links() -> None:
    d = doc(
        '<p><img src="a.jpg" alt="A heron"></p><img src="b.jpg">'
        '<img src="t.gif" width="1" height="1" alt="pixel">'
        '<a href="/x"><img src="c.jpg"></a><a href="/photo"><img src="d.jpg" alt="Full size"></a>'
    )
    assert kinds(d) == [
        ("image", "[image: A heron]"),
        ("image", "[image]"),
        ("image", "[image: Full size][3]"),
    ]
    # The reader draws each address's number after the label; the stripper never sees it.
    assert [b.images for b in d.blocks] == [(1,), (2,), (4,)]
    assert render_text(d).startswith(
        "[image: A heron][1]\n\n[image][2]\n\n[image: Full size][3][4]"
    )
    assert d.links == (  # an image's own address joins the link list, after its link's
        Link(1, "https://news.example/2024/a.jpg", "image: A heron"),
        Link(2, "https://news.example/2024/b.jpg", "image"),
        Link(3, "https://news.example/photo", "Full size"),
        Link(4, "https://news.example/2024/d.jpg", "image: Full size"),
    )


def test_a_data_image_has_no_number() -> None:
    assert kinds(doc('<img src="data:image/png;base64,AAAA" alt="dot">')) == [
        ("image", "[image: dot]")
    ]


def test_rule_is_a_block() -> None:
    assert kinds(doc("<p>a</p><hr><p>b</p>")) == [
        ("paragraph", "a"),
        ("rule", ""),
        ("paragraph", "b"),
    ]


@pytest.mark.parametrize(
    "tag",
    ["script", "style", "iframe", "object", "noscript", "template", "svg", "textarea"],
)
def test_hidden_content_never_shown(tag: str) -> None:
    d = doc(f"<p>before</p><{tag}>SECRET <x-inner>SECRET</x-inner></{tag}><p>after</p>")
    assert "SECRET" not in " ".join(b.text for b in d.blocks)
    assert [b.text for b in d.blocks] == ["before", "after"]


def test_head_and_invisible_elements_never_shown() -> None:
    d = doc(
        "<html><head><title>T</title><style>p{}</style></head><body>"
        '<p>shown</p><div style="display: none">gone</div><p hidden>gone</p></body></html>'
    )
    assert [b.text for b in d.blocks] == ["shown"]


def test_leaf_and_mixed_divs_become_paragraphs() -> None:
    d = doc("<div>leaf text</div><div>lead-in<p>child</p>tail</div><section>s</section>")
    assert kinds(d) == [
        ("paragraph", "leaf text"),
        ("paragraph", "lead-in"),
        ("paragraph", "child"),
        ("paragraph", "tail"),
        ("paragraph", "s"),
    ]


def test_br_is_a_line_break_and_double_br_a_paragraph_break() -> None:
    d = doc("<p>line one<br>line two<br><br>next para</p>")
    assert kinds(d) == [("paragraph", "line one\nline two"), ("paragraph", "next para")]


def test_control_characters_and_escapes_are_removed() -> None:
    d = doc("<p>a\x1b]0;pwned\x07b &#27;[2J c \u202eevil &#x9b;31m</p><pre>x\x1b[31my</pre>")
    text = " ".join(b.text for b in d.blocks)
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert not any(0x80 <= ord(c) <= 0x9F for c in text)
    assert d.blocks[0].text.startswith("ab c evil")  # sequences removed whole, no residue


def test_link_evidence_fields_for_the_stripper() -> None:
    d = doc(
        '<div class="support-box" aria-label="Support us"><p><strong>Give today</strong></p>'
        '<p><a class="btn btn-primary" href="/donate">Donate</a></p>'
        "<p><button>Join</button></p><p>Read <a href='/x'>this</a> first</p></div>"
    )
    give, donate, join, read = d.blocks
    assert give.emphasis and not give.linked and "support-box" in give.hint
    assert donate.button and donate.linked and donate.hrefs == ("https://news.example/donate",)
    assert "btn" in donate.hint
    assert join.button and not join.linked
    assert not read.linked and not read.emphasis and not read.button
    assert give.box == donate.box == read.box != 0


def test_link_wrapping_blocks_marks_each_block() -> None:
    d = doc('<a href="/story"><h2>Headline</h2><p>Teaser</p></a>')
    assert [b.text for b in d.blocks] == ["Headline[1]", "Teaser[1]"]
    assert d.links[0].text == "Headline Teaser"


def test_boxes_and_selectors_are_reported() -> None:
    parsed = parse_html(
        '<p>a</p><aside class="promo"><p>b</p><p>c</p></aside><p class="x">d</p>',
        selectors=["aside.promo", "p.x"],
    )
    assert parsed.selected == {1, 2, 3}
    assert any(box.start == 1 and box.end == 3 and box.hint == "promo" for box in parsed.boxes)


def test_invalid_selector_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="selector"):
        parse_html("<p>x</p>", selectors=["p[[["])


def test_plain_text_splits_on_blank_lines() -> None:
    d = html_to_document("First para\nstill first.\n\n  Second para.\n\n\n- a\n- b")
    assert kinds(d) == [
        ("paragraph", "First para still first."),
        ("paragraph", "Second para."),
        ("list_item", "• a"),
        ("list_item", "• b"),
    ]


def test_plain_text_without_blank_lines_splits_on_newlines() -> None:
    d = html_to_document("One.\r\nTwo < three.\nFour https://x.example/donate")
    assert [b.text for b in d.blocks] == ["One.", "Two < three.", "Four https://x.example/donate"]
    assert d.blocks[2].hrefs == ("https://x.example/donate",)


def test_looks_like_html() -> None:
    assert looks_like_html("<p>x</p>") and looks_like_html("a <br/> b")
    assert not looks_like_html("if a < b and c > d") and not looks_like_html("x <3 y")


def test_empty_input() -> None:
    assert html_to_document("") == Document((), ())
    assert html_to_document("<div><p> </p></div>") == Document((), ())


_OPENERS = ("<div>", "<ul><li>", "<blockquote>", "<span>", "<table><tr><td>")


def test_deep_nesting_never_recurses() -> None:
    # 100,000 levels: a recursive walk would blow the stack (the suite's timeout catches a
    # quadratic one; the benchmark below times it)
    for opener in _OPENERS:
        d = html_to_document(opener * 100_000 + "deep text")
        assert d.blocks[-1].text.endswith("deep text"), opener


@pytest.mark.benchmark
def test_deep_nesting_is_fast() -> None:
    for opener in _OPENERS:
        started = time.perf_counter()
        html_to_document(opener * 100_000 + "deep text")
        assert time.perf_counter() - started < 3.0, opener


def test_limit_depth_keeps_text_and_shallow_html() -> None:
    shallow = "<div><p>x</p></div>" * 3000
    assert limit_depth(shallow) == shallow
    deep = "<div>" * (MAX_DEPTH + 5000) + "core" + "</div>" * (MAX_DEPTH + 5000)
    limited = limit_depth(deep)
    assert limited.count("<div>") == MAX_DEPTH and "core" in limited


_PARA = "<p>Words of a long page, with a <a href='/l'>link</a>.</p>"


def test_huge_flat_document_keeps_every_block() -> None:
    d = html_to_document(_PARA * 20_000, BASE)
    assert len(d.blocks) == 20_000 and len(d.links) == 1


@pytest.mark.benchmark
def test_huge_flat_document_is_linear() -> None:
    small = _PARA * 5_000
    started = time.perf_counter()
    html_to_document(small, BASE)
    small_time = time.perf_counter() - started
    started = time.perf_counter()
    html_to_document(small * 4, BASE)
    assert time.perf_counter() - started < small_time * 4 * 3 + 0.5


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abpdivlu&#;x\x1b\x9b\n1")), max_size=300))
def test_any_input_parses_to_safe_text(html: str) -> None:
    d = html_to_document(html, BASE)
    for block in d.blocks:
        assert isinstance(block, Block)
        assert "\x1b" not in block.text and "\x9b" not in block.text


def test_render_text_wraps_indents_and_lists_links() -> None:
    d = doc(
        "<h1>Title here</h1><p>A paragraph long enough to wrap at the narrow width used in "
        "this test, with <a href='/a'>a link</a>.</p><ul><li>first item that is also quite "
        "long</li><li>second</li></ul><blockquote>quoted words here</blockquote><hr>"
    )
    out = render_text(d, width=30)
    assert out == (
        "Title here\n"
        "\n"
        "A paragraph long enough to\n"
        "wrap at the narrow width used\n"
        "in this test, with a link[1].\n"
        "\n"
        "• first item that is also\n"
        "  quite long\n"
        "• second\n"
        "\n"
        "│ quoted words here\n"
        "\n"
        "──────────────────────────────\n"
        "\n"
        "Links\n"
        "[1] https://news.example/a\n"
    )
    assert max(len(line) for line in out.splitlines()) <= 30


def test_render_text_folds_pre_and_aligns_tables_within_the_width() -> None:
    d = doc(
        "<pre>" + "x" * 50 + "</pre><table><tr><th>a</th><th>b</th></tr>"
        "<tr><td>1</td><td>2</td></tr></table>"
    )
    assert render_text(d, width=20) == (
        "x" * 20 + "\n" + "x" * 20 + "\n" + "x" * 10 + "\n\na │ b\n──┼──\n1 │ 2\n"
    )
    assert render_text(Document((), ())) == ""


def test_loose_text_with_blank_lines_splits_into_paragraphs() -> None:
    d = doc("First para with <a href='/x'>a link</a>.\n\nSecond para.\n  \nThird <b>bold</b>.")
    assert [b.text for b in d.blocks] == [
        "First para with a link[1].",
        "Second para.",
        "Third bold.",
    ]
    d = doc("<pre>keep\n\nthis</pre><p>one\n\nparagraph</p>")
    assert [b.text for b in d.blocks] == ["keep\n\nthis", "one paragraph"]
