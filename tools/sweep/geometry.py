"""Small shared measures: page content width, text fitting, colours."""

from __future__ import annotations

from .blocks import Document

MM = 72 / 25.4
SIDEBAR = 0.30  # the sidebar's share of the content width
CHAR = 0.56  # average glyph width per point of font size (generous, so text fits)


def flow_width(page_width: float, margin_mm: float, gap_mm: float, columns: int, sidebar: bool) -> float:
    """The width of one text column of the flow."""
    width = page_width - 2 * margin_mm * MM
    if sidebar:
        width = width * (1 - SIDEBAR) - 28
    return (width - gap_mm * MM * (columns - 1)) / columns


def fit_size(width: float, text: str, size: float) -> float:
    """The largest size <= ``size`` at which ``text`` fits in ``width`` points (estimated)."""
    return min(size, width / (CHAR * max(len(text), 1)))


def content_width(doc: Document) -> float:
    return doc.page[0] - 2 * doc.style.margin_mm * MM


def rgb(colour: str) -> tuple[float, float, float]:
    """ "#rrggbb" -> (r, g, b) in 0..1."""
    value = colour.lstrip("#")
    return int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255


def text_colour_on(fill: str) -> str:
    """Black or white, whichever reads better on the fill."""
    r, g, b = rgb(fill)
    return "#ffffff" if 0.299 * r + 0.587 * g + 0.114 * b < 0.55 else "#1a1a1a"


def column_width(doc: Document) -> float:
    gap = doc.style.column_gap_mm * MM
    return (content_width(doc) - gap * (doc.columns - 1)) / doc.columns
