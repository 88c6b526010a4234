"""tools/sweep's guard on its own documents: a page that prints a line over another is not used."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from tests.pdfdraw import Page
from tools.sweep.verify import overprinted


def _pdf(draw: list[tuple[float, float, str, float]]) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    page = Page(canvas, A4[1])
    for x, top, text, size in draw:
        page.text(x, top, text, size)
    canvas.save()
    return buffer.getvalue()


def test_a_float_printed_on_a_column_is_overprinted() -> None:
    pdf = _pdf([(60, 100, "The city's innovation work is led", 10),
                (150, 103, "Spotlight | Street Lab brings together", 10)])  # fmt: skip
    assert overprinted(pdf) == ["page 1: \"The city's innovation work is led\" printed over "
                                "'Spotlight | Street Lab brings together'"]  # fmt: skip


def test_tight_lines_and_a_big_header_over_a_heading_are_not() -> None:
    # a grid cell's two wrapped lines 1.1 sizes apart touch in their line boxes, not in their ink;
    # a 20 pt city line above a 10 pt heading, their boxes overlapping by the city's descent
    pdf = _pdf([(60, 300, "Economic", 7), (60, 307.7, "Development", 7),
                (60, 100, "Enschede, Netherlands", 20), (60, 110, "Overview", 10)])  # fmt: skip
    assert overprinted(pdf) == []
