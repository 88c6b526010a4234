"""Scan cells: the text of grid cells and tiles, given to the OCR engine one cell under another.

An OCR engine that reads a page finds its lines across the whole page, and a row of grid cells
(each centred, some on one line and some on two) becomes lines that run through several cells
at once, read badly. So the cells are cut out of the page picture and stacked in a strip, one
under the other with white between them, which the engine reads as a page of its own; the
words it finds there are moved back to where their cell is on the page.

Contract: ``cell_boxes(shapes, scale, page_width)`` picks, from a page's shapes, the cells
(a fill or an outline from ``MIN_CELL`` to ``MAX_CELL`` points, at most ``CELL_WIDTH`` of the
page wide, holding no smaller cell), in picture pixels; ``cut_cells(grey, boxes)`` returns the
page picture with the cells blanked and the ``CellStrip``; ``place_back(words, strip)`` moves
the strip's words to the page, each cell's words in lines of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from .page import Shape
from .scan_text import OcrWord

MIN_CELL = (28.0, 12.0)  # points: the smallest cell (width, height)
MAX_CELL_HEIGHT = 90.0  # points
CELL_WIDTH = 0.45  # of the page width: a wider box is a panel, not a cell
GAP = 1.0  # of a cell's height: white between two cells of the strip (at least ``MIN_GAP`` pixels)
MIN_GAP = 24

PixelBox = tuple[int, int, int, int]


@dataclass(frozen=True)
class CellStrip:
    """The cells stacked: the strip picture and, per cell, its box in the strip and on the page."""

    picture: NDArray[np.uint8]
    cells: tuple[tuple[PixelBox, PixelBox], ...]  # (in the strip, on the page)


def cell_boxes(shapes: Sequence[Shape], scale: float, page_width: float) -> list[PixelBox]:
    """The cells among ``shapes`` in picture pixels (see the module docstring), top to bottom."""
    candidates = [
        shape.bbox for shape in shapes
        if MIN_CELL[0] <= shape.bbox[2] - shape.bbox[0] <= CELL_WIDTH * page_width
        and MIN_CELL[1] <= shape.bbox[3] - shape.bbox[1] <= MAX_CELL_HEIGHT
    ]  # fmt: skip
    candidates.sort(key=lambda box: (box[2] - box[0]) * (box[3] - box[1]))
    chosen: list[tuple[float, float, float, float]] = []
    for box in candidates:  # smallest first: a box around a chosen cell (or on it) is not one
        middle = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        if any(_holds(box, cell) or _inside(middle, cell) for cell in chosen):
            continue
        chosen.append(box)
    chosen.sort(key=lambda box: (box[1], box[0]))
    return [(round(x0 * scale), round(y0 * scale), round(x1 * scale), round(y1 * scale)) for x0, y0, x1, y1 in chosen]


def _holds(outer: tuple[float, float, float, float], inner: tuple[float, float, float, float]) -> bool:
    return (outer[0] <= inner[0] + 1 and outer[1] <= inner[1] + 1
            and inner[2] <= outer[2] + 1 and inner[3] <= outer[3] + 1)


def _inside(point: tuple[float, float], box: tuple[float, float, float, float]) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def cut_cells(grey: NDArray[np.uint8], boxes: Sequence[PixelBox],
              margin: int) -> tuple[NDArray[np.uint8], CellStrip | None]:
    """The page picture with the cells blanked, and the strip of cells (None without cells),
    each cell's edge (``margin`` pixels: its border, or a neighbour's) left out."""
    if not boxes:
        return grey, None
    page = grey.copy()
    width = max(x1 - x0 for x0, _, x1, _ in boxes) + 2 * MIN_GAP
    placed: list[tuple[PixelBox, PixelBox]] = []
    top = MIN_GAP
    for box in boxes:
        x0, y0, x1, y1 = box
        gap = max(MIN_GAP, round(GAP * (y1 - y0)))
        placed.append(((MIN_GAP, top, MIN_GAP + x1 - x0, top + y1 - y0), box))
        top += y1 - y0 + gap
    strip = np.full((top, width), 255, dtype=np.uint8)
    for (sx0, sy0, sx1, sy1), (x0, y0, x1, y1) in placed:
        strip[sy0 + margin:sy1 - margin, sx0 + margin:sx1 - margin] = grey[y0 + margin:y1 - margin,
                                                                         x0 + margin:x1 - margin]
        page[y0:y1, x0:x1] = 255
    return page, CellStrip(strip, tuple(placed))


def place_back(words: Sequence[OcrWord], strip: CellStrip) -> list[OcrWord]:
    """The strip's words moved to their cells on the page; each cell's lines keyed apart from the
    page's own (the engine numbers the strip's lines across cells)."""
    moved = []
    for word in words:
        middle = (word.y0 + word.y1) / 2
        for number, ((sx0, sy0, _, sy1), (x0, y0, _, _)) in enumerate(strip.cells, start=1):
            if sy0 <= middle <= sy1:
                dx, dy = x0 - sx0, y0 - sy0
                moved.append(replace(word, x0=word.x0 + dx, x1=word.x1 + dx, y0=word.y0 + dy, y1=word.y1 + dy,
                                     line=(-number, *word.line)))
                break
    return moved
