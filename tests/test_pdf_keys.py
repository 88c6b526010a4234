"""How a drawn grid says which areas have sufficient data, on small PDFs drawn here with
reportlab, through both backends: a glyph key in its own colour before a label in black, a
legend at the page's foot keyed by drawn marks, a table drawn with rules alone whose shaded
cells a sentence explains, a legend that says one side "lacks" data, areas run on as text
between "·" in their colours; and accents that groff overstrikes onto the letter before them, and
the commas pdflatex sets small under a letter.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.colors import Color

from snapshot_extract.models import Outcomes
from snapshot_extract.vocabulary import Vocabulary

from .pdfdraw import BACKENDS, GREEN, RED, Page, drawn_record, header

GREY = Color(0.75, 0.75, 0.75)


def _outcomes_heading(page: Page) -> None:
    header(page)
    page.text(40, 100, "How are outcomes measured?", size=13)
    page.text(40, 120, "Policy areas with sufficient data or without sufficient data.")


def _overview_heading(page: Page) -> None:
    header(page)
    page.text(40, 100, "Overview", size=13)


def _sides(outcomes: Outcomes) -> tuple[set[str], set[str]]:
    assert outcomes.with_sufficient_data is not None and outcomes.without_sufficient_data is not None
    return ({term.id for term in outcomes.with_sufficient_data},
            {term.id for term in outcomes.without_sufficient_data})


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_cells_key_glyph_in_its_own_colour_codes_it(tmp_path: Path, backend: str, vocabulary: Vocabulary) -> None:
    """Blind round 24's paged.js grid printed a green or red glyph before each label in black,
    its legend the same glyphs before "sufficient data" / "insufficient data": every area went
    to the side of the labels' black ink (all 15 on one side, warned). A cell's key glyph in a
    colour of its own is the colour that codes it."""
    def draw(page: Page) -> None:
        _outcomes_heading(page)
        page.text(50, 145, "»", colour=GREEN)
        page.text(60, 145, "sufficient data", size=9)
        page.text(160, 145, "»", colour=RED)
        page.text(170, 145, "insufficient data", size=9)
        for top, cells in ((170, (("Housing", GREEN), ("Culture", RED), ("Tourism", GREEN))),
                           (190, (("Education", RED), ("Health", GREEN), ("Public Works", RED)))):
            for x, (label, colour) in zip((50, 200, 350), cells, strict=True):
                page.text(x, top, "»", colour=colour)  # a glyph both backends decode
                page.text(x + 10, top, label)

    with_data, without_data = _sides(drawn_record(tmp_path, [draw], backend, vocabulary).outcomes)
    assert with_data == {"housing", "tourism", "health"}
    assert without_data == {"culture", "education", "public_works"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_legend_at_the_pages_foot_keyed_by_drawn_marks_is_no_footer(
        tmp_path: Path, backend: str, vocabulary: Vocabulary) -> None:
    """Blind round 24's Ruby cairo pages keyed the grid by filled and hollow dots of one colour
    and set the legend at the last page's foot, in a smaller type, far below the grid: it was
    dropped as a footer printed once, and no side could be told. A line with a mark drawn just
    left of it is a legend's label; a label wrapped under it stays with it."""
    orange = Color(0.85, 0.35, 0.05)

    def dot(page: Page, x: float, top: float, filled: bool) -> None:
        page.canvas.setFillColor(orange)
        page.canvas.setStrokeColor(orange)
        page.canvas.circle(x, page.height - top + 3, 3, stroke=int(not filled), fill=int(filled))

    def draw(page: Page) -> None:
        _outcomes_heading(page)
        for top, cells in ((150, (("Housing", True), ("Culture", False), ("Tourism", True))),
                           (172, (("Education", False), ("Health", True), ("Public Works", False)))):
            for x, (label, filled) in zip((50, 200, 350), cells, strict=True):
                dot(page, x, top, filled)
                page.text(x + 8, top, label)
        dot(page, 45, 780, True)
        page.text(52, 780, "enough data to measure", size=8)
        page.text(52, 790, "outcomes", size=8)
        dot(page, 185, 780, False)
        page.text(192, 780, "not enough data", size=8)

    with_data, without_data = _sides(drawn_record(tmp_path, [draw], backend, vocabulary).outcomes)
    assert with_data == {"housing", "tourism", "health"}
    assert without_data == {"culture", "education", "public_works"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_table_drawn_with_rules_alone_reads_its_cells_and_its_worded_shading(
        tmp_path: Path, backend: str, vocabulary: Vocabulary) -> None:
    """Blind round 24's KOMA-Script letters drew the grid as a LaTeX table: rules alone, a grey
    fill in the shaded cells only, labels wrapped inside their cells, and a sentence under it:
    "Shaded cells mark … enough data …; unshaded cells mark areas where it does not." The cells
    were read across each other and no side could be told. The rules close the cells; a clause
    that names a paint and no side is the side the other clause leaves."""
    columns, rows = (128.0, 213.0, 298.0, 383.0), (360.0, 386.0, 412.0)
    table = [[("Transport and", "Mobility"), ("Economic Devel-", "opment"), ("Housing", "")],
             [("Health", ""), ("Government Fi-", "nance"), ("Waste", "")]]
    shaded = {(0, 2), (1, 0)}

    def draw(page: Page) -> None:
        _outcomes_heading(page)
        canvas = page.canvas
        for row, col in shaded:
            canvas.setFillColor(GREY)
            canvas.rect(columns[col], page.height - rows[row + 1], 85, 26, stroke=0, fill=1)
        canvas.setLineWidth(0.4)
        for top in rows:
            canvas.line(columns[0], page.height - top, columns[-1], page.height - top)
        for row in range(len(rows) - 1):
            for x in columns:
                canvas.line(x, page.height - rows[row], x, page.height - rows[row + 1])
        for row, cells in enumerate(table):
            for col, (first, second) in enumerate(cells):
                page.text(columns[col] + 6, rows[row] + 10, first, size=9)
                if second:
                    page.text(columns[col] + 6, rows[row] + 21, second, size=9)
        page.text(128, 430, "Shaded cells mark policy areas where the city has enough data to support", size=9)
        page.text(128, 441, "innovation capacity; unshaded cells mark areas where it does not.", size=9)

    outcomes = drawn_record(tmp_path, [draw], backend, vocabulary).outcomes
    with_data, without_data = _sides(outcomes)
    assert with_data == {"housing", "health"}
    assert without_data == {"transport_mobility", "economic_development", "government_finance", "waste_sewage"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_legend_that_says_a_side_lacks_data_names_the_other_side(
        tmp_path: Path, backend: str, vocabulary: Vocabulary) -> None:
    """Blind round 24's groff -mm grid printed each area's name in green or red, its legend a
    sentence: "areas printed in green have sufficient data; areas printed in red lack sufficient
    data". "lack sufficient data" was read as a "sufficient data" side: both sides one, no
    legend. A word of lack before the phrase makes it the side without."""
    def draw(page: Page) -> None:
        _outcomes_heading(page)
        for top, cells in ((150, (("Housing", GREEN), ("Culture", RED))), (170, (("Health", RED), ("Tourism", GREEN)))):
            for x, (label, colour) in zip((50, 250), cells, strict=True):
                page.text(x, top, label, colour=colour)
        page.text(40, 200, "Legend: areas printed in green have sufficient data; areas printed in red lack", size=9)
        page.text(40, 211, "sufficient data.", size=9)

    with_data, without_data = _sides(drawn_record(tmp_path, [draw], backend, vocabulary).outcomes)
    assert with_data == {"housing", "tourism"}
    assert without_data == {"culture", "health"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_areas_run_on_between_separators_take_the_colour_they_are_printed_in(
        tmp_path: Path, backend: str, vocabulary: Vocabulary) -> None:
    """Blind round 25's KOMA-Script pages printed the grid as a paragraph: each area's name in
    green or red, "·" between them in black, wrapped over lines, a legend naming the colours under
    it. Every area was read, none on a side (uncertain colour, all of them). An item of such a
    run takes the one colour of the words it is printed in."""
    def draw(page: Page) -> None:
        _outcomes_heading(page)
        x = 40.0
        for label, colour in (("Housing", GREEN), ("Culture", RED), ("Tourism", GREEN), ("Public Works", RED)):
            if x > 40:
                page.text(x, 150, "·")
                x += 10
            page.text(x, 150, label, colour=colour)
            x += page.canvas.stringWidth(label, "Helvetica", 10) + 4
        page.text(40, 175, "Legend: green = with sufficient data; red = without sufficient data.", size=9)

    with_data, without_data = _sides(drawn_record(tmp_path, [draw], backend, vocabulary).outcomes)
    assert with_data == {"housing", "tourism"}
    assert without_data == {"culture", "public_works"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_accent_overstruck_on_the_letter_before_it_composes_with_that_letter(
        tmp_path: Path, backend: str, vocabulary: Vocabulary) -> None:
    """groff -mm prints "ś" as "s" and then "´" drawn back over it: read in print order the
    accent went onto the next letter ("Wisńiewska", a silent wrong name). An accent drawn over
    the letter before it is that letter's."""
    def draw(page: Page) -> None:
        _overview_heading(page)
        page.text(40, 120, "Mayor: Marta Wis")
        s_start = 40 + page.canvas.stringWidth("Mayor: Marta Wi", "Helvetica", 10)
        s_width = page.canvas.stringWidth("s", "Helvetica", 10)
        accent_width = page.canvas.stringWidth("´", "Helvetica", 10)
        page.text(s_start + (s_width - accent_width) / 2, 120, "´")
        page.text(s_start + s_width, 120, "niewska")

    mayor = drawn_record(tmp_path, [draw], backend, vocabulary).overview.mayor
    assert mayor == "Marta Wiśniewska"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_small_comma_set_under_the_letter_before_it_is_its_cedilla(
        tmp_path: Path, backend: str, vocabulary: Vocabulary) -> None:
    """pdflatex prints "ņ" as "n" and a half-size "," lowered under it: the lead of blind round
    26's newsletter read "Margaret Bērzin, š", silently. A comma set so under the letter before it
    is that letter's accent ("¸n" -> "ņ"), and the word goes on after it."""
    def draw(page: Page) -> None:
        _overview_heading(page)
        page.text(40, 120, "Mayor: Margaret Berzin")
        n_end = 40 + page.canvas.stringWidth("Mayor: Margaret Berzin", "Helvetica", 10)
        n_width = page.canvas.stringWidth("n", "Helvetica", 10)
        page.text(n_end - n_width / 2 - 0.6, 121.4, ",", size=5)
        page.text(n_end, 120, "š")

    mayor = drawn_record(tmp_path, [draw], backend, vocabulary).overview.mayor
    assert mayor == "Margaret Berziņš"
