"""The README's samples of a table and of the link list are what newsterm draws."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import OptionList
from ui_helpers import Setup, StartApp, open_link_list
from ui_sample import NEWS

from entries import entry, save
from newsterm.text.layout.table import table_lines
from newsterm.text.render.document import html_to_document

README = Path(__file__).parents[2] / "README.md"

TIMETABLE = (
    "<table><tr><th>Line</th><th colspan=2>Weekday</th><th>Sunday</th></tr>"
    "<tr><th></th><th>First</th><th>Last</th><th></th></tr>"
    "<tr><td>North pier to Old Town</td><td>06:10</td><td>21:00</td><td>hourly from 08:00</td>"
    "</tr><tr><td>Old Town to north pier</td><td>06:30</td><td>21:30</td><td>hourly from 08:30"
    "</td></tr></table>"
)

FERRY = (
    '<p>The new <a href="https://harbor.example/ferry/timetable">timetable</a> starts Monday.</p>'
    '<p><img src="https://harbor.example/img/landing.jpg" alt="The new landing"></p>'
    '<p>Notices come from the <a href="https://port.example/notices/ferry">port authority</a>'
    ' and the <a href="https://harbor.example/donate">donate today</a> page.</p>'
)


def _sample(containing: str) -> list[str]:
    """The lines of the README's code block that holds ``containing``."""
    blocks = re.findall(r"```[a-z]*\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    (block,) = [b for b in blocks if containing in b]
    return block.rstrip("\n").split("\n")


def test_the_readme_table_samples_are_drawn_so() -> None:
    (table,) = html_to_document(TIMETABLE).blocks
    assert [line.plain for line in table_lines(table, 60)] == _sample("North pier to Old Town │")
    narrow = _sample("Line: North pier to Old Town")
    assert narrow[-1] == "…"  # the sample stops after the first record
    drawn = [line.plain for line in table_lines(table, 34)]
    assert drawn[: len(narrow) - 1] == narrow[:-1]


async def test_the_readme_link_list_sample_is_drawn_so(setup: Setup, start_app: StartApp) -> None:
    sample = _sample("links · Ferry service returns")
    rows = [line.strip("│ ") for line in sample[1:-1]]
    save(
        setup.store,
        NEWS,
        "Example News",
        entry(id="f", title="Ferry service returns", content=FERRY),
    )
    async with start_app() as (pilot, _):
        options = (await open_link_list(pilot)).query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert prompts == rows
        assert f"─ {options.border_title} ─" in sample[0]
        assert f" {options.border_subtitle} " in sample[-1]
