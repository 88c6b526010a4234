"""A grid keyed by small markers drawn before each label, as a sweep's designs print it: a
marker a thin bar (1.75 x 3.5 pt, below the smallest swatch side), labels wrapped inside narrow
cells set in the middle of their row, so the lines of neighbouring cells interleave."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader

from snapshot_extract.vocabulary import Vocabulary
from tests.pdfdraw import BACKENDS, GREEN, Page, drawn_record, header

GREY = Color(0.74, 0.74, 0.74)
SIZE, PITCH = 8.0, 9.6
BAR = (1.75, 3.5)  # the sweep's "bar" swatch


def _bar(page: Page, x: float, baseline: float, colour: Color) -> None:
    page.canvas.setFillColor(colour)
    page.canvas.rect(x, page.height - baseline + 0.5, *BAR, stroke=0, fill=1)


def _cell(page: Page, x: float, middle: float, lines: list[str], colour: Color, whole: bool = False) -> None:
    """A label after its marker, its lines set in the middle of the row; a wrapped line starts under
    the marker (no hanging indent). ``whole``: the marker alone on its line, the label under it."""
    lines = ["", *lines] if whole else lines
    top = middle - (len(lines) - 1) * PITCH / 2
    _bar(page, x, top, colour)
    for number, text in enumerate(lines):
        if text:
            page.text(x + (4 if number == 0 else 0), top + number * PITCH, text, SIZE)


def _marker_grid(page: Page) -> None:
    header(page)
    page.text(40, 100, "How are outcomes measured?", 12, font="Helvetica-Bold")
    page.text(40, 118, "Policy areas with sufficient data or without sufficient data.")
    _bar(page, 40, 136, GREEN)
    page.text(44, 136, "With sufficient data", SIZE)
    _bar(page, 140, 136, GREY)
    page.text(144, 136, "Without sufficient data", SIZE)
    _cell(page, 40, 170, ["Environment", "and climate change"], GREEN)
    _cell(page, 150, 170, ["Policing", "and law", "enforcement"], GREY)
    _cell(page, 260, 170, ["Health"], GREEN)
    _cell(page, 40, 210, ["Homelessness"], GREY, whole=True)
    _cell(page, 150, 210, ["Land use /", "zoning"], GREEN)
    _cell(page, 260, 210, ["Culture"], GREY)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_grid_keyed_by_thin_bars_with_wrapped_labels(tmp_path: Path, backend: str, vocabulary: Vocabulary) -> None:
    """Each label one area (its lines after the marker's line carry no key; "enforcement", level
    with the neighbour's "and climate change", is no line of it), on the side its bar keys (sweep
    seed 1: 22 values of 10 documents)."""
    record = drawn_record(tmp_path, [_marker_grid], backend, vocabulary)
    outcomes = record.outcomes
    assert sorted(term.id for term in outcomes.policy_areas) == [
        "culture", "environment_climate", "health", "homelessness", "land_use_zoning", "policing"]  # fmt: skip
    assert sorted(term.id for term in outcomes.with_sufficient_data or []) == [
        "environment_climate", "health", "land_use_zoning"]  # fmt: skip
    assert sorted(term.id for term in outcomes.without_sufficient_data or []) == ["culture", "homelessness", "policing"]
    assert not [w for w in record.warnings if w.field.startswith("outcomes")]


def _picture(page: Page, x: float, top: float, rgb: tuple[int, int, int]) -> None:
    """A 24 x 24 pixel picture of one colour, drawn 19.2 pt wide (html2ps, which draws no cell
    backgrounds, keys a grid by such squares)."""
    page.canvas.drawImage(ImageReader(Image.new("RGB", (24, 24), rgb)), x, page.height - top - 19.2, 19.2, 19.2)


def _picture_keyed_grid(page: Page) -> None:
    header(page)
    page.text(40, 100, "How are outcomes measured?", 12, font="Helvetica-Bold")
    page.text(40, 118, "Policy areas with sufficient data or without sufficient data.")
    green, grey = (27, 127, 91), (200, 200, 200)
    _picture(page, 40, 130, green)
    page.text(62, 148, "with sufficient data")
    _picture(page, 200, 130, grey)
    page.text(222, 148, "without sufficient data")
    for column, (first, second, rgb) in enumerate([("Policing and Law", "Enforcement", green),
                                                   ("Waste and", "Sewage", grey), ("Housing", "", green)]):
        x = 40 + 160 * column
        _picture(page, x, 170, rgb)
        page.text(x + 22, 188, first)  # the label beside the picture's foot, its next line under the picture
        if second:
            page.text(x, 200, second)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_grid_keyed_by_pictures_of_one_colour(tmp_path: Path, backend: str, vocabulary: Vocabulary) -> None:
    """Small pictures of one colour are swatches, and a label's next line may start as far left as
    its key (blind round 30: the five html2ps documents gave no with/without lists)."""
    record = drawn_record(tmp_path, [_picture_keyed_grid], backend, vocabulary)
    outcomes = record.outcomes
    assert sorted(term.id for term in outcomes.policy_areas) == ["housing", "policing", "waste_sewage"]
    assert sorted(term.id for term in outcomes.with_sufficient_data or []) == ["housing", "policing"]
    assert sorted(term.id for term in outcomes.without_sufficient_data or []) == ["waste_sewage"]
    assert not [w for w in record.warnings if w.field.startswith("outcomes")]


def _searchable_scan(page: Page) -> None:
    """A page picture (the grid's cells and the legend's keys painted in it) with the page's text
    laid over it, invisible (render mode 3), as a copier or ``tesseract … pdf`` makes a scan
    searchable."""
    scale = 2  # picture pixels a point
    picture = Image.new("RGB", (int(A4[0] * scale), int(A4[1] * scale)), (250, 250, 247))
    green, grey = (27, 127, 91), (200, 200, 200)
    cells = [("Housing", green), ("Culture", grey), ("Tourism", green), ("Health", grey)]
    boxes = [(40, 140, 20, 14, green), (150, 140, 20, 14, grey)]
    boxes += [(40 + 120 * column, 180, 110, 40, colour) for column, (_, colour) in enumerate(cells)]
    for x, top, width, height, colour in boxes:
        picture.paste(colour, (x * scale, top * scale, (x + width) * scale, (top + height) * scale))
    page.canvas.drawImage(ImageReader(picture), 0, 0, *A4)
    texts = [(40, 40, "City Innovation Snapshot", 10), (40, 60, "MIREFLEUR, Canada", 14),
             (40, 100, "How are outcomes measured?", 12),
             (40, 118, "Policy areas with sufficient data or without sufficient data.", 10),
             (64, 151, "With sufficient data", 10), (174, 151, "Without sufficient data", 10)]
    texts += [(46 + 120 * column, 204, label, 10) for column, (label, _) in enumerate(cells)]
    for x, top, text, size in texts:
        layer = page.canvas.beginText(x, page.height - top)
        layer.setTextRenderMode(3)
        layer.setFont("Helvetica", size)
        layer.textOut(text)
        page.canvas.drawText(layer)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_searchable_scans_grid_takes_its_colours_from_its_picture(tmp_path: Path, backend: str,
                                                                   vocabulary: Vocabulary) -> None:
    """A scan made searchable: its text is a layer over the page's picture, the colours are in the
    picture only (blind round 30: five Tesseract-made PDFs gave no with/without lists)."""
    record = drawn_record(tmp_path, [_searchable_scan], backend, vocabulary)
    outcomes = record.outcomes
    assert [term.id for term in outcomes.policy_areas] == ["housing", "culture", "tourism", "health"]
    assert sorted(term.id for term in outcomes.with_sufficient_data or []) == ["housing", "tourism"]
    assert sorted(term.id for term in outcomes.without_sufficient_data or []) == ["culture", "health"]
