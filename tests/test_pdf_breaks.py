"""Paragraphs and words across the breaks a page layout makes, on small PDFs drawn here with
reportlab, through both backends: a body set with wide leading, a word cut at a column's foot and
carried on in a shaded band, grid cells of two colours level with each other; and a page header
whose two parts the reading order set apart, on the lines a layout gives.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.colors import Color

from snapshot_extract.models import Line
from snapshot_extract.sections.header import find_furniture
from snapshot_extract.vocabulary import Vocabulary

from .pdfdraw import BACKENDS, GREEN, RED, Page, drawn_record, header


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_body_set_with_wide_leading_reads_in_paragraphs(tmp_path: Path, backend: str,
                                                         vocabulary: Vocabulary) -> None:
    """Blind round 24's Ruby cairo pages placed each line of a paragraph 1.8 font sizes below the
    one before (more than a paragraph break is in most layouts): every line was read as a
    paragraph of its own, and the sentences cut at each line end lost their values (formal
    strategy, scope, peers, partners: 14 values of one document). A paragraph breaks where the
    step is wider than the body text's own pitch."""
    def draw(page: Page) -> None:
        header(page)
        page.text(40, 100, "What is the city's innovation vision?", size=13)
        top = page.lines(40, 125, ["Like around 19% of cities surveyed, Mirefleur has no formal",
                                   "innovation strategy, and it works on a few things in specific",
                                   "areas and domains of its own, like many other cities do."], pitch=18)
        page.text(40, top + 6, "The city most closely associates innovation capacity with:")
        page.text(52, top + 30, "Human-centred design")
        page.text(40, top + 70, "What is the city's innovation approach?", size=13)
        top = page.lines(40, top + 95, ["Like nearly 81% of cities surveyed, Mirefleur approaches innovation",
                                        "capacity both from a holistic / macro level and in specific areas",
                                        "of the city, where it works with many partners on many things."], pitch=18)
        page.text(40, top + 20, "What funding is available?", size=13)
        page.lines(40, top + 45, ["Like half of cities surveyed, Mirefleur has dedicated funding to",
                                  "support innovation capacity, which comes from the municipal budget",
                                  "and from the national government, as in most of the other cities."], pitch=18)

    record = drawn_record(tmp_path, [draw], backend, vocabulary)
    assert record.vision.formal_strategy is False
    assert record.vision.peer is not None and record.vision.peer.percent == 19
    assert record.approach.scope is not None and record.approach.scope.id == "both"
    assert record.funding.dedicated is True


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_word_cut_at_a_columns_foot_is_joined_by_the_documents_own_words(
        tmp_path: Path, backend: str, vocabulary: Vocabulary) -> None:
    """A sentence cut at the foot of a column inside a word ("… developed data part-" / "nerships
    to analyse data, with:" at the top of the next) is one word where the document prints it
    whole elsewhere ("partnerships"): the break's hyphen is read with the evidence a break inside
    a column is (a seed-12 sweep document lost all three data partners, with no warning)."""
    def draw(page: Page) -> None:
        header(page)
        page.text(40, 100, "What innovation partnerships exist?", size=13)
        page.lines(40, 125, ["Mirefleur has developed partnerships to promote",
                             "innovation capacity with:"], pitch=12)
        page.text(52, 160, "- Other cities")
        page.text(40, 800, "To improve data use, the city has also developed data part-")
        page.canvas.setFillColor(Color(0.92, 0.95, 0.98))  # a shaded band the line is printed on: a tile
        page.canvas.rect(318, page.height - 104, 200, 14, fill=1, stroke=0)
        page.lines(320, 100, ["nerships to analyse data, with:"], pitch=12)
        page.text(332, 120, "- Think tanks")
        page.text(332, 135, "- Philanthropy")
        page.lines(320, 160, ["The rest of this column runs on with other words.",
                              "More words go here to make it a column of text."], pitch=12)

    record = drawn_record(tmp_path, [draw], backend, vocabulary)
    assert [term.id for term in record.partnerships.data_partners] == ["think_tanks", "philanthropy"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_cells_of_two_colours_level_with_each_other_stay_apart(tmp_path: Path, backend: str,
                                                              vocabulary: Vocabulary) -> None:
    """fpdf2 justified a wrapped cell label across its cell ("Transport … and" / "Mobility"), its
    "and" touching the next cell's red "Digital Governance": read as one paragraph in the green
    of "and", the red area went to the green side, silently. Two lines in two coding colours are
    two paragraphs."""
    def draw(page: Page) -> None:
        header(page)
        page.text(40, 100, "How are outcomes measured?", size=13)
        page.text(40, 120, "Policy areas with sufficient data or without sufficient data.")
        page.text(50, 150, "Transport", size=7, colour=GREEN)
        page.text(120, 150, "and", size=7, colour=GREEN)
        page.text(133, 153, "Digital Governance", size=7, colour=RED)
        page.text(50, 158, "Mobility", size=7, colour=GREEN)
        page.text(50, 185, "Housing", size=7, colour=RED)
        page.text(133, 185, "Culture", size=7, colour=GREEN)
        page.text(50, 215, "With sufficient data", size=8, colour=GREEN)
        page.text(200, 215, "Without sufficient data", size=8, colour=RED)

    outcomes = drawn_record(tmp_path, [draw], backend, vocabulary).outcomes
    assert outcomes.with_sufficient_data is not None and outcomes.without_sufficient_data is not None
    assert {term.id for term in outcomes.without_sufficient_data} == {"digital_governance", "housing"}
    assert {term.id for term in outcomes.with_sufficient_data} == {"transport_mobility", "culture"}


def test_grid_cells_read_between_a_pages_kicker_and_its_city_line_are_noheader() -> None:
    """Page 2 of a landscape sweep document prints its kicker at the left, its city line at the
    right, and the grid's last row under them: read in columns, the cells fell between the two
    parts, were read as the city's name ("Economic development Waste WINSTON-SALEM") and dropped
    as the header (two areas lost, with no warning). Lines in another type, lower than the city
    line, are no part of a header."""
    def line(text: str, x: float, top: float, size: float) -> Line:
        return Line(text, page=2, bbox=(x, top, x + 5 * len(text), top + size), size=size)

    lines = [line("City Innovation Snapshot", 34, 33, 9.0), Line(""), line("Economic development", 46, 63, 7.8),
             Line(""), line("Waste", 239, 63, 7.8), Line(""), line("WINSTON-SALEM, United States", 664, 33, 9.0)]
    furniture = find_furniture(lines)
    assert [(header.as_printed, header.country) for header in furniture.headers] == [("WINSTON-SALEM", "United States")]
    assert sorted(furniture.lines) == [0, 6]
