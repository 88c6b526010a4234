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
    return round2(x0), round2(y0), round2(x1), round2(y1)


def round2(value: float) -> float:
    """``round(value, 2)`` (boxes and sizes are kept to 0.01 pt), the same float sooner:
    ``value * 100`` rounded to an integer, over 100, is what ``round`` returns unless the product
    lies within a hair of a half (a tie ``round`` settles on the exact decimal), rounds to 0
    (``round`` keeps a negative zero's sign) or is too large to hold hundredths exactly; those
    cases go to ``round`` itself. (It runs some 400 times a PDF.)"""
    scaled = value * 100.0
    if -1e12 < scaled < 1e12:  # false for inf and nan too
        whole = round(scaled)
        if whole and abs(scaled - whole) < 0.499:
            return whole / 100
    return round(value, 2)
