"""Lines of two columns printed as one line (pdfplumber ``extract_text()``, PyMuPDF ``sort=True``):
taken apart where a heading or a list glyph says where, and flagged, never silently wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from snapshot_extract import extract
from snapshot_extract.fields.overview_values import split_name
from snapshot_extract.read.joins import split_joined
from snapshot_extract.read.text import read_text

DUMPS = Path(__file__).parent.parent / "fixtures" / "dumps"


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        # two headings side by side
        ("Overview What Is the City's Innovation Vision?", ["Overview", "What Is the City's Innovation Vision?"]),
        # a heading of the right column glued to the spotlight title
        ("Spotlight | 011.lab What Innovation Partnerships Exist?",
         ["Spotlight | 011.lab", "What Innovation Partnerships Exist?"]),
        # a heading, then a line of the other column's text
        ("What Is the Organisational Structure? The top three priority policy areas for the city's innova\u2010",
         ["What Is the Organisational Structure?", "The top three priority policy areas for the city's innova\u2010"]),
        # a heading, then grid cells of the other column
        ("How Is Data Used? Law Health Government", ["How Is Data Used?", "Law Health Government"]),
        # a label/value line of the overview, then a list item of the vision
        ("▶ Mayor: Annika Bergqvist • Human-centred design", ["▶ Mayor: Annika Bergqvist", "• Human-centred design"]),
        # the glyph glued to the text before it (PyMuPDF)
        ("Labour Market✓Improving resident outcomes", ["Labour Market", "✓Improving resident outcomes"]),
        # a web address of the overview, then the other column's sentence or word
        ("https://www.krakow.pl/innowacje/ The most critical success factors in supporting",
         ["https://www.krakow.pl/innowacje/", "The most critical success factors in supporting"]),
        ("otwartedane.krakow.pl work are leadership from the Mayor", ["otwartedane.krakow.pl", "work are leadership from the Mayor"]),
        ("https://www.prefeitura.sp.gov.br/inovacao methods", ["https://www.prefeitura.sp.gov.br/inovacao", "methods"]),
        # a word broken at the left column's line end, then the right column's line
        ("line ideas portal, discuss them with their neigh- The most critical success factors",
         ["line ideas portal, discuss them with their neigh-", "The most critical success factors"]),
        ("the process for registering small businesses, cut\u2010 other public agencies.",
         ["the process for registering small businesses, cut\u2010", "other public agencies."]),
        # a column's text, then a wide gap and a heading (what a layout dump leaves)
        ("with a team of 15 dedicated staff.      WHAT INNOVATION PARTNERSHIPS EXIST?",
         ["with a team of 15 dedicated staff.", "WHAT INNOVATION PARTNERSHIPS EXIST?"]),
    ],
)
def test_joined_lines_are_taken_apart(line: str, parts: list[str]) -> None:
    assert split_joined(line) == parts


@pytest.mark.parametrize(
    "line",
    [
        "What Is the City's Innovation Vision?",  # a heading alone
        "Funding is mostly directed towards testing and proto\u2010",  # a one-word heading starting a sentence
        "funding to support innovation capacity, which comes",
        "- ✓ Improving service delivery",  # a markdown item with its glyph
        "▶ Innovation / open data website:",
        "Like 64% of cities surveyed, São Paulo has a formal in\u2010",
        "**Overview** What is it?",  # markdown: the markdown reader's
        "011.lab is the city’s innovation laboratory for public",  # a name with a dot is no address
        "for short- and long-term plans",  # a hyphen shared by two words, not a break
        "https://www.akron.gov/innovation",
    ],
)
def test_one_column_lines_stay_whole(line: str) -> None:
    assert split_joined(line) == [line]


def test_parts_are_marked_and_noted() -> None:
    dump = "City Innovation Snapshot\nMALMÖ, Sweden\nOverview What Is the City's Innovation Vision?\n▶ Mayor: A B\n"
    document = read_text(dump.encode(), "x.txt")
    texts = [(line.text, line.mixed) for line in document.lines if line.text]
    assert texts[2:] == [("Overview", True), ("What Is the City's Innovation Vision?", True), ("Mayor: A B", False)]
    assert [note.code for note in document.notes] == ["interleaved_columns"]


@pytest.mark.parametrize(
    ("name", "paths"),
    [
        # the organisation's lines are glued to the approach's grid cells: its values are lost
        ("malmo.pdfplumber.txt", ["organisation.structure", "organisation.staff_count", "impact.success_factors"]),
        # the funding lists went to the column beside them
        ("tallinn.pymupdf-sort.txt", ["funding.sources", "funding.directed_to"]),
        # an address glued to a line of the other column ("https://… The most critical …")
        ("krakow.pdfplumber.txt", ["funding.directed_to", "impact.success_factors"]),
    ],
)
def test_values_lost_to_interleaved_columns_are_flagged(name: str, paths: list[str]) -> None:
    """Values an interleaved dump lost (null, empty list) carry a warning on their field or section:
    the columns were mixed, so the value may be printed where it was not read."""
    record = extract(DUMPS / name)
    flagged = {warning.field for warning in record.warnings}
    for path in paths:
        assert path in flagged or path.split(".")[0] in flagged, path


def test_a_dump_in_reading_order_is_not_flagged() -> None:
    record = extract(DUMPS / "bogota.pdftotext.txt")
    assert not {"interleaved_columns", "mixed_columns", "not_found"} & {warning.code for warning in record.warnings}


def test_sections_text_was_moved_between_are_flagged_in_an_interleaved_dump(tmp_path: Path) -> None:
    """Two headings one under the other, their texts after both: the section stage moves the first
    text to the first heading by what it says. In a dump known to interleave columns that is a
    guess, so both sections are flagged (the montreal pdfplumber dump read 56% as funding's peer)."""
    dump = tmp_path / "m.txt"
    dump.write_text("City Innovation Snapshot\nMONTRÉAL, Canada\nOverview What Innovation Partnerships Exist?\n"
                    "▶ Mayor: Sophie Gagnon\nWhat Is the City's Innovation Vision?\nWhat Funding Is Available?\n"
                    "Like 56% of cities surveyed, Montréal has a formal innovation\nstrategy.\n"
                    "Like 81% of cities surveyed, Montréal has dedicated funding to\nsupport innovation capacity.\n",
                    encoding="utf-8")
    record = extract(dump)
    flagged = {warning.field for warning in record.warnings if warning.code == "mixed_columns"}
    assert {"vision", "funding"} <= flagged
    assert record.vision.peer is not None and record.vision.peer.percent == 56


@pytest.mark.parametrize(
    ("value", "name", "rest"),
    [
        ("Tomasz Nowicki tems and testing and prototyping.", "Tomasz Nowicki", "tems and testing and prototyping."),
        ("Sophie Gagnon-Leblanc APPROACH?", "Sophie Gagnon-Leblanc", "APPROACH?"),
        ("Ricardo Tavares Lima Like 64% of cities surveyed", "Ricardo Tavares Lima", "Like 64% of cities surveyed"),
        ("Beatriz Nakamura The city most closely associates", "Beatriz Nakamura", "The city most closely associates"),
        ("Ana de la Cruz", "Ana de la Cruz", ""),
        ("Jan van der Berg", "Jan van der Berg", ""),
        ("Vicent Sales i Ferrer", "Vicent Sales i Ferrer", ""),  # Catalan joins surnames with "i"
        ("JOHN SMITH", "JOHN SMITH", ""),
    ],
)
def test_a_name_glued_to_the_other_columns_line_is_cut_where_the_name_ends(value: str, name: str, rest: str) -> None:
    assert split_name(value) == (name, rest)


def test_a_name_cut_from_the_other_columns_text_is_flagged() -> None:
    record = extract(DUMPS / "krakow.pdfplumber.txt")
    assert record.overview.mayor == "Tomasz Nowicki"
    assert any(w.field == "overview.mayor" and w.code == "mixed_columns" for w in record.warnings)
