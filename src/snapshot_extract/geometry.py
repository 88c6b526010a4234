"""Box arithmetic shared by the PDF reader, the mappers and the overlay (no pipeline logic)."""

from __future__ import annotations

from collections.abc import Iterable

from .models import BBox


def union_box(boxes: Iterable[BBox]) -> BBox | None:
    """The smallest box holding every box of ``boxes``, or None when there is none."""
    boxes = boxes if isinstance(boxes, list | tuple) else list(boxes)
    if not boxes:
        return None
    if len(boxes) == 1:
        return boxes[0]
    lefts, tops, rights, bottoms = zip(*boxes, strict=True)
    return min(lefts), min(tops), max(rights), max(bottoms)


def round_box(box: BBox) -> BBox:
    """``box`` rounded to 0.01 pt, as the readers keep every box."""
    x0, y0, x1, y1 = box
    return round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2)


def level(first: BBox, second: BBox) -> bool:
    """The two boxes are on one line of the page: they share more than half the shorter one's height."""
    shared = min(first[3], second[3]) - max(first[1], second[1])
    return shared > 0.5 * min(first[3] - first[1], second[3] - second[1])


def right_under(above: BBox, below: BBox, gap: float = 0.6, overlap: float = 0.0, indent: float = 2.0,
                outdent: float = 2.0) -> bool:
    """``below`` is the next line of a text set in the same box as ``above`` (a label wrapped in
    its cell): at its left edge (within ``outdent`` points left, or set in by up to ``indent``
    points), its top at most ``gap`` line heights under ``above``'s bottom (or ``overlap`` line
    heights above it: tight leading)."""
    height = above[3] - above[1]
    return -outdent <= below[0] - above[0] <= indent and -overlap * height <= below[1] - above[3] <= gap * height
