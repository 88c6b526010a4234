"""Reading order of a page's units: columns found from geometry, full-width blocks in place.

Contract: ``order_units(units, left, right)`` returns ``(unit, column)`` pairs in reading order
for the region ``left``..``right``. A column gutter is a vertical strip near the middle of the
region that (almost) no narrow line or panel crosses, with some on both sides. Units that span
both columns with nothing beside them (header band, wide panels, a full-width grid) cut the page
into zones; within a zone the left column is read top to bottom, then the right one. A unit
that only overflows the gutter (a row of tiles wider than its column) stays in the column it
starts in. Without a gutter, units are read top to bottom, left to right within a row. Panels
are ordered the same way inside their own box.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..models import BBox
from .layout import Unit

NARROW = 0.55  # of the region width: wider units are not column content
MIN_GUTTER = 6.0  # points
MIN_UNITS_PER_SIDE = 2
CROSSING_SHARE = 0.05  # of the narrow units: how many may cross a gutter (titles, wide lines)
SAME_ROW = 2.0  # points: units whose tops are this close are read left to right


def order_units(units: Sequence[Unit], left: float, right: float) -> list[tuple[Unit, int]]:
    text_units = [unit for unit in units if unit.kind in ("line", "panel")]
    gutter = find_gutter(text_units, left, right)
    if gutter is None:
        return [(unit, 0) for unit in by_rows(units)]
    g0, g1 = gutter
    crossing = [unit for unit in units if unit.bbox[0] < g0 - 1 and unit.bbox[2] > g1 + 1]
    columns = [unit for unit in units if unit not in crossing]
    far_left = min((unit.bbox[0] for unit in columns), default=left)
    far_right = max((unit.bbox[2] for unit in columns), default=right)
    spanning = [
        unit for unit in crossing
        if unit.bbox[0] <= (far_left + g0) / 2 and unit.bbox[2] >= (g1 + far_right) / 2
        and not _beside(unit, columns)
    ]  # fmt: skip
    ordered: list[tuple[Unit, int]] = []
    zone: list[Unit] = []

    def flush() -> None:
        for column in (0, 1):
            chosen = [unit for unit in zone if _column(unit, g0, g1) == column]
            ordered.extend((unit, column) for unit in by_rows(chosen))
        zone.clear()

    for unit in sorted(units, key=lambda unit: unit.bbox[1]):
        if unit in spanning:
            flush()
            ordered.append((unit, 0))
        else:
            zone.append(unit)
    flush()
    return ordered


def _column(unit: Unit, g0: float, g1: float) -> int:
    x0, _, x1, _ = unit.bbox
    if x0 < g0 - 1 and x1 > g1 + 1:  # overflows the gutter: belongs where it starts
        return 0
    return 0 if (x0 + x1) / 2 < (g0 + g1) / 2 else 1


def _beside(unit: Unit, others: Sequence[Unit]) -> bool:
    """Some column content overlaps ``unit`` vertically: it cannot be a full-width separator."""
    top, bottom = unit.bbox[1], unit.bbox[3]
    return any(other.bbox[1] < bottom and other.bbox[3] > top for other in others)


def find_gutter(units: Sequence[Unit], left: float, right: float) -> tuple[float, float] | None:
    """The emptiest, then widest, vertical strip near the middle between narrow units, if any.

    A strip may be crossed by a few units (``CROSSING_SHARE`` of them, at least one: a title or
    a wide line that spans the columns); it needs ``MIN_UNITS_PER_SIDE`` units on each side.
    """
    width = right - left
    narrow = [unit.bbox for unit in units if unit.bbox[2] - unit.bbox[0] < NARROW * width]
    allowed = max(1, round(CROSSING_SHARE * len(narrow)))
    rights, lefts = sorted(box[2] for box in narrow), sorted(box[0] for box in narrow)
    best: tuple[int, float, float, float] | None = None  # (crossing, -width, g0, g1)
    for g0, g1, crossing in _strips(narrow, allowed):
        centre = (g0 + g1) / 2
        if g1 - g0 < MIN_GUTTER or not left + 0.25 * width <= centre <= left + 0.75 * width:
            continue
        on_left = bisect_right(rights, g0)  # boxes ending left of the strip
        on_right = len(lefts) - bisect_left(lefts, g1)  # boxes starting right of it
        if min(on_left, on_right) < MIN_UNITS_PER_SIDE:
            continue
        candidate = (crossing, g0 - g1, g0, g1)
        if best is None or candidate < best:
            best = candidate
    return (best[2], best[3]) if best else None


def _strips(boxes: Sequence[BBox], allowed: int) -> list[tuple[float, float, int]]:
    """Maximal x-ranges covered by at most ``allowed`` boxes, with their most crossing count."""
    events = sorted([(box[0], 1) for box in boxes] + [(box[2], -1) for box in boxes])
    strips: list[tuple[float, float, int]] = []
    depth, start, deepest = 0, None, 0
    for (x, step), following in zip(events, events[1:], strict=False):
        depth += step
        if depth <= allowed and following[0] > x:
            if start is None:
                start, deepest = x, depth
            deepest = max(deepest, depth)
            end = following[0]
            if strips and strips[-1][0] == start:
                strips[-1] = (start, end, deepest)
            else:
                strips.append((start, end, deepest))
        elif depth > allowed:
            start = None
    return strips


def by_rows(units: Sequence[Unit]) -> list[Unit]:
    """Top to bottom; units starting at the same height left to right."""
    ordered = sorted(units, key=lambda unit: unit.bbox[1])
    rows: list[list[Unit]] = []
    for unit in ordered:
        if rows and unit.bbox[1] - rows[-1][0].bbox[1] <= SAME_ROW:
            rows[-1].append(unit)
        else:
            rows.append([unit])
    return [unit for row in rows for unit in sorted(row, key=lambda unit: unit.bbox[0])]
