"""A grid keyed by small markers drawn before each label, as a sweep's designs print it: a
marker a thin bar (1.75 x 3.5 pt, below the smallest swatch side), labels wrapped inside narrow
cells set in the middle of their row, so the lines of neighbouring cells interleave."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.colors import Color

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
