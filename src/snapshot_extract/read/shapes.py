"""Shapes: a page's filled and stroked shapes -> the boxes text sits in, and colour swatches.

Contract: ``page_shapes(page)`` merges coincident shapes into ``Box``es (a background and its
border are one; strips of one fill painted line by line under each other are one panel) and
returns the text containers (smallest first) and the colour swatches; a container crossed from
top to bottom by vertical rules is cut into one box per part (tiles on one background), and a
borderless box painted in the fill of a larger one it lies in is no container (it cannot be
seen: a per-line text background inside a tile). Geometry only: no backend-specific step.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..geometry import round_box
from ..models import PAPER, RGB, BBox, Swatch
from .page import PageContent, Shape

MIN_BOX, MIN_SWATCH = 6.0, 2.0  # points: smallest container / swatch side
MAX_MARKER = 14.0  # points: the largest side of an outlined shape read as a hollow marker
MIN_BAR, BAR_RATIO = 1.0, 3.0  # points / sides: a thinner mark, no longer than this many widths, is a bar (no rule)
SAME_EDGE = 1.5  # points: shapes whose edges are this close are one (a background + its border)
STRIP_JOIN = 0.1  # points: a box painted this close under one of its fill and width carries it on
MAX_RULES = 150  # level (or upright) rules at most on a page whose rules may close a table's cells


@dataclass(frozen=True, slots=True)
class Box:
    """Coincident shapes merged: a container of text or a colour swatch."""

    bbox: BBox
    fill: RGB | None
    outlined: bool = False  # one of its shapes is a stroke or ring (a visible border)

    @property
    def area(self) -> float:
        return (self.bbox[2] - self.bbox[0]) * (self.bbox[3] - self.bbox[1])




def merge_shapes(shapes: Iterable[Shape]) -> list[Box]:
    """Shapes at least ``MIN_SWATCH`` on each side, or short bars (a legend's or a cell's key
    1.75 pt wide), coincident ones (all edges within ``SAME_EDGE``: a background and its border)
    merged, the lightest fill kept."""
    groups: list[list[Any]] = []  # [x0, y0, x1, y1, fills]
    for shape in shapes:
        x0, y0, x1, y1 = shape.bbox
        thin, long = sorted((x1 - x0, y1 - y0))
        if thin < MIN_SWATCH and not MIN_BAR <= thin <= long <= BAR_RATIO * thin:
            continue
        for group in groups:
            if (abs(group[0] - x0) <= SAME_EDGE and abs(group[1] - y0) <= SAME_EDGE
                    and abs(group[2] - x1) <= SAME_EDGE and abs(group[3] - y1) <= SAME_EDGE):
                group[0], group[1] = min(group[0], x0), min(group[1], y0)
                group[2], group[3] = max(group[2], x1), max(group[3], y1)
                group[4].append(shape.fill)
                break
        else:
            groups.append([x0, y0, x1, y1, [shape.fill]])
    return [Box(round_box((g[0], g[1], g[2], g[3])), _lightest(g[4]), None in g[4]) for g in groups]


def _join_strips(boxes: list[Box]) -> list[Box]:
    """Borderless boxes of one fill and one width, each starting exactly where the one above
    ends, as one box: a panel some producers paint line by line. Cells of a grid are not
    strips: they, or the cell above or below them, have neighbours side by side."""
    joined: list[Box] = []
    strips: list[bool] = []  # parallel to joined: may take the next strip under it
    for box in sorted(boxes, key=lambda box: (box.bbox[1], box.bbox[0])):
        x0, y0, x1, y1 = box.bbox
        strip = box.fill is not None and not box.outlined and not _has_neighbour(box, boxes)
        above = None
        if strip:
            above = next(
                (
                    index for index, other in enumerate(joined)
                    if strips[index] and other.fill == box.fill and abs(other.bbox[3] - y0) <= STRIP_JOIN
                    and abs(other.bbox[0] - x0) <= SAME_EDGE and abs(other.bbox[2] - x1) <= SAME_EDGE
                ),
                None,
            )  # fmt: skip
        if above is None:
            joined.append(box)
            strips.append(strip)
        else:
            other = joined[above]
            joined[above] = Box((other.bbox[0], other.bbox[1], max(other.bbox[2], x1), y1), box.fill)
    return joined


def _has_neighbour(box: Box, boxes: list[Box]) -> bool:
    """Another box abuts ``box`` on its left or right, outside it and level with it (a grid
    cell's neighbour; an accent bar painted over a panel's edge is none)."""
    x0, y0, x1, y1 = box.bbox
    return any(
        other is not box and other.bbox[1] < y1 and other.bbox[3] > y0
        and ((abs(other.bbox[2] - x0) <= 2 * SAME_EDGE and other.bbox[0] < x0 - SAME_EDGE)
             or (abs(other.bbox[0] - x1) <= 2 * SAME_EDGE and other.bbox[2] > x1 + SAME_EDGE))
        for other in boxes
    )  # fmt: skip


def _lightest(fills: list[RGB | None]) -> RGB | None:
    solid = [fill for fill in fills if fill is not None]
    return max(solid, key=lambda rgb: (sum(rgb), rgb)) if solid else None


def page_shapes(page: PageContent) -> tuple[list[Box], list[Swatch]]:
    """The page's text containers (smallest first) and its colour swatches."""
    limit = 0.8 * page.width * page.height
    shapes = [*page.shapes, *_ruled_cells(page.shapes)]
    boxes = [box for box in _join_strips(merge_shapes(shapes)) if box.area < limit]
    containers = sorted(
        (box for box in boxes
         if box.bbox[2] - box.bbox[0] >= MIN_BOX and box.bbox[3] - box.bbox[1] >= MIN_BOX),
        key=lambda box: box.area,
    )  # fmt: skip
    swatches = [Swatch(page.number, box.bbox, box.fill if box.fill is not None else PAPER)
                for box in boxes if box.fill is not None or box.outlined and _marker_sized(box)]
    rules = [box for box in boxes
             if box.bbox[2] - box.bbox[0] < MIN_BOX and box.bbox[3] - box.bbox[1] >= MIN_BOX]
    if rules:
        containers = sorted(_split_by_rules(containers, rules), key=lambda box: box.area)
    return _visible(containers), swatches


def _ruled_cells(shapes: Sequence[Shape]) -> list[Shape]:
    """The cells of a table drawn with rules alone (no shape per cell), as outlines: each space a
    level rule opens between two neighbouring upright ones, down to the first level rule below
    that closes it (two tables side by side may rule their rows at other heights)."""
    across = [shape.bbox for shape in shapes
              if shape.bbox[3] - shape.bbox[1] < MIN_SWATCH <= MIN_BOX <= shape.bbox[2] - shape.bbox[0]]
    upright = [shape.bbox for shape in shapes
               if shape.bbox[2] - shape.bbox[0] < MIN_SWATCH <= MIN_BOX <= shape.bbox[3] - shape.bbox[1]]
    if not 2 <= len(across) <= MAX_RULES or not 2 <= len(upright) <= MAX_RULES:
        return []  # no table, or a drawing's hatching
    levels = _clustered([(box[1] + box[3]) / 2 for box in across])
    spans: dict[float, list[tuple[float, float]]] = {level: [] for level in levels}  # each level's rules
    for box in across:
        middle = (box[1] + box[3]) / 2
        spans[next(level for level in reversed(levels) if level <= middle + SAME_EDGE)].append((box[0], box[2]))
    cells = []
    for index, top in enumerate(levels):
        edges = _clustered([(box[0] + box[2]) / 2 for box in upright
                            if box[1] <= top + SAME_EDGE and box[3] >= top + MIN_BOX])
        for left, right in zip(edges, edges[1:], strict=False):
            if right - left < MIN_BOX or not _ruled(spans[top], left, right):
                continue
            bottom = next((level for level in levels[index + 1:] if _ruled(spans[level], left, right)), None)
            if (bottom is not None and bottom - top >= MIN_BOX
                    and _upright(upright, left, top, bottom) and _upright(upright, right, top, bottom)):
                cells.append(Shape((left, top, right, bottom), None))
    return cells


def _upright(upright: list[BBox], at: float, top: float, bottom: float) -> bool:
    """An upright rule at ``at`` runs from ``top`` to ``bottom``."""
    return any(abs((box[0] + box[2]) / 2 - at) <= SAME_EDGE and box[1] <= top + SAME_EDGE
               and box[3] >= bottom - SAME_EDGE for box in upright)


def _clustered(values: list[float]) -> list[float]:
    """``values`` sorted, those within ``SAME_EDGE`` of the one before counted once."""
    kept: list[float] = []
    for value in sorted(values):
        if not kept or value - kept[-1] > SAME_EDGE:
            kept.append(value)
    return kept


def _ruled(spans: list[tuple[float, float]], left: float, right: float) -> bool:
    """One of a level's rules (``spans``: their left and right ends) runs from ``left`` to ``right``."""
    return any(x0 <= left + SAME_EDGE and x1 >= right - SAME_EDGE for x0, x1 in spans)


def _marker_sized(box: Box) -> bool:
    """An outlined shape the size of a list marker or legend swatch (a hollow circle or box: the
    paper shows through it, against a filled one)."""
    width, height = box.bbox[2] - box.bbox[0], box.bbox[3] - box.bbox[1]
    return MIN_SWATCH <= width <= MAX_MARKER and MIN_SWATCH <= height <= MAX_MARKER


def _split_by_rules(containers: list[Box], rules: list[Box]) -> Iterator[Box]:
    """Each container cut at the vertical rules that cross it from top to bottom (one
    background under a row of tiles, told apart by white lines between them)."""
    for box in containers:
        x0, top, x1, bottom = box.bbox
        cuts = sorted(
            (rule.bbox[0], rule.bbox[2]) for rule in rules
            if rule.bbox[1] <= top + SAME_EDGE and rule.bbox[3] >= bottom - SAME_EDGE
            and rule.bbox[0] >= x0 + MIN_BOX and rule.bbox[2] <= x1 - MIN_BOX
        )  # fmt: skip
        if not cuts:
            yield box
            continue
        left = x0
        for cut0, cut1 in [*cuts, (x1, x1)]:
            if cut0 - left >= MIN_BOX:
                yield Box((left, top, round(cut0, 2), bottom), box.fill, box.outlined)
            left = max(left, round(cut1, 2))


def _visible(containers: list[Box]) -> list[Box]:
    """Containers without those painted, borderless, in the fill of a larger one they lie in:
    invisible on the page, they delimit nothing (a producer's per-word or per-line text
    background inside a tile of the same colour)."""
    hidden = set()
    for index, box in enumerate(containers):
        if box.fill is None or box.outlined:
            continue
        x0, y0, x1, y1 = box.bbox
        for outer in containers[index + 1:]:
            ox0, oy0, ox1, oy1 = outer.bbox
            if (outer.fill == box.fill and ox0 - 1 <= x0 and oy0 - 1 <= y0 and x1 <= ox1 + 1
                    and y1 <= oy1 + 1):
                hidden.add(index)
                break
    if not hidden:
        return containers
    return [box for index, box in enumerate(containers) if index not in hidden]
