"""Reading order of a page's units: columns found from geometry, zone by zone.

Contract: ``order_units(units, left, right)`` returns ``(unit, column)`` pairs in reading order
for the region ``left``..``right``. A column gutter is a vertical strip near the middle of the
region that (almost) no narrow line or panel crosses, with some on both sides. Units that span
both columns with nothing beside them (header band, wide panels, a full-width line or grid row)
cut the page into zones, and each zone is read on its own: in the page's columns while their
gutter stays clear there (the left column top to bottom, then the right one), else in the
zone's own columns, else top to bottom (a grid of cells under a two-column block). A unit that
only overflows the gutter (a row of tiles wider than its column) stays in the column it starts
in. The last units of the longer column, below everything in the other one, that sit nearer to
the spanning unit closing the zone than to the column above them (the heading of a full-width
section) are read with that unit, after both columns. When no gutter runs down the whole page,
units as wide as ``NARROW`` of it with nothing beside them cut it into zones, each searched for
columns of its own; without any, units are read top to bottom, left to right within a row.
Panels are ordered the same way inside their own box.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..models import BBox
from .layout import Unit

NARROW = 0.55  # of the region width: wider units are not column content
MIN_GUTTER = 6.0  # points
MIN_UNITS_PER_SIDE = 2
CROSSING_SHARE = 0.05  # of the narrow units: how many may cross a gutter (titles, wide lines)
# where no gutter is found so: more may, the last try (a table's cells over the columns: ConTeXt's
# overview of a row of labels over a row of values, its addresses running over the gutter)
CROSSING_SHARE_LAST = 0.08
SAME_ROW = 2.0  # points: units whose tops are this close are read left to right
ONE_COLUMN = 0.6  # of a column's width: a median line this wide leaves no room for two columns in it
GRID_ROW_GAP = 12.0  # points beyond a row's height: the next row of the same grid starts within this
NEARER = 2.0  # points: how much nearer to the unit below than to the column above a lead-in is
ROWS_PAIRED = 0.8  # of the units of a table's shorter side: how many share their row with a cell beside them

Ordered = list[tuple[Unit, int]]


def order_units(units: Sequence[Unit], left: float, right: float) -> Ordered:
    # the columns of its text, else of everything (a column holding only a grid beside the text)
    gutter = (find_gutter(_text_units(units), left, right) or find_gutter(units, left, right)
              or find_gutter(_text_units(units), left, right, CROSSING_SHARE_LAST))
    if gutter is not None:
        return _order_zones(units, gutter, left, right, None, nested=False)
    ordered = sorted(units, key=_top)
    alone = _alone(ordered, left, right)
    if not alone:
        return [(unit, 0) for unit in by_rows(units)]
    # No gutter runs down the whole region, but one may run between its full-width units (a
    # two-column block above a grid whose cells cross its gutter): each zone is searched.
    return _read_zones(ordered, alone, None, left, right, None, nested=False)


def _text_units(units: Sequence[Unit]) -> list[Unit]:
    return [unit for unit in units if unit.kind in ("line", "panel")]


def _alone(units: Sequence[Unit], left: float, right: float) -> set[Unit]:
    """The units as wide as ``NARROW`` of the region that no other unit overlaps vertically
    (``units`` sorted by top); none when no zone between them could hold a gutter (too few
    lines and panels start right of where one may lie: see ``find_gutter``)."""
    alone: set[Unit] = set()
    wide, quarter = NARROW * (right - left), left + 0.25 * (right - left)
    lowest = float("-inf")  # the lowest bottom of the units before
    count = most = 0  # lines and panels right of the quarter in the zone, and in the fullest one
    for index, unit in enumerate(units):
        x0, top, x1, bottom = unit.bbox
        if x1 - x0 >= wide:
            following = units[index + 1].bbox[1] if index + 1 < len(units) else float("inf")
            if lowest <= top and following >= bottom:
                alone.add(unit)
                count = 0
        elif x0 > quarter and unit.kind in ("line", "panel"):
            count += 1
            most = max(most, count)
        lowest = max(lowest, bottom)
    return alone if most >= MIN_UNITS_PER_SIDE else set()


def _order_zones(units: Sequence[Unit], gutter: tuple[float, float], left: float, right: float,
                 below: Unit | None, nested: bool) -> Ordered:
    """``units`` in the columns of ``gutter``, cut into zones by the units spanning it;
    ``below`` is the spanning unit right under ``units``, if any; ``nested``: ``gutter`` is a
    zone's own, and its zones are not searched for another."""
    spanning = _spanning(units, gutter, left, right)
    if not spanning:
        return _read_columns(units, gutter, below, left, right)
    return _read_zones(sorted(units, key=_top), spanning, gutter, left, right, below, nested)


def _read_zones(units: Sequence[Unit], cuts: set[Unit], gutter: tuple[float, float] | None,
                left: float, right: float, below: Unit | None, nested: bool) -> Ordered:
    """``units`` (sorted by top) cut into zones by the ``cuts`` among them, each read on its own
    (``_order_zone``), each cut after the zone above it."""
    ordered: Ordered = []
    zone: list[Unit] = []
    for unit in units:
        if unit in cuts:
            ordered.extend(_order_zone(zone, gutter, left, right, unit, nested))
            ordered.append((unit, 0))
            zone = []
        else:
            zone.append(unit)
    ordered.extend(_order_zone(zone, gutter, left, right, below, nested))
    return ordered


def _top(unit: Unit) -> float:
    return unit.bbox[1]


def _left(unit: Unit) -> float:
    return unit.bbox[0]


def _crosses(unit: Unit, g0: float, g1: float) -> bool:
    return unit.bbox[0] < g0 - 1 and unit.bbox[2] > g1 + 1


def _spanning(units: Sequence[Unit], gutter: tuple[float, float], left: float, right: float) -> set[Unit]:
    """The units that cross ``gutter``, wide (``NARROW`` of the region) or reaching well into
    both columns, with nothing beside them but the units on their row that span with them
    (``_row_companions``), which are cut out too."""
    g0, g1 = gutter
    crossing = [unit for unit in units if _crosses(unit, g0, g1)]
    if not crossing:
        return set()
    columns = [unit for unit in units if not _crosses(unit, g0, g1)]
    far_left = min((unit.bbox[0] for unit in columns), default=left)
    far_right = max((unit.bbox[2] for unit in columns), default=right)
    wide = NARROW * (right - left)
    spanning: set[Unit] = set()
    for unit in crossing:
        companions = _row_companions(unit, columns)
        x0 = min(other.bbox[0] for other in (unit, *companions))
        x1 = max(other.bbox[2] for other in (unit, *companions))
        if not (x1 - x0 >= wide or x0 <= (far_left + g0) / 2 and x1 >= (g1 + far_right) / 2):
            continue
        if not _beside(unit, [other for other in columns if other not in companions]):
            spanning.add(unit)
            spanning.update(companions)
    return spanning | _same_grid(crossing, spanning)


def _row_companions(unit: Unit, columns: Sequence[Unit]) -> list[Unit]:
    """The units printed on ``unit``'s row after it, right of its end (across the gutter it
    crosses), that start a block of their own (the legend beside a full-width line): within its
    height, and nothing of their column just above them. With these the row spans the columns;
    a line of running text beside it does not."""
    top, bottom = unit.bbox[1] - SAME_ROW, unit.bbox[3] + SAME_ROW
    row = [other for other in columns
           if top <= other.bbox[1] and other.bbox[3] <= bottom and other.bbox[0] >= unit.bbox[2]]
    return [other for other in row if not any(
        above.bbox[0] < other.bbox[2] and above.bbox[2] > other.bbox[0]
        and 0 <= other.bbox[1] - above.bbox[3] <= other.bbox[3] - other.bbox[1]
        for above in columns if above is not other)]


def _same_grid(crossing: list[Unit], spanning: set[Unit]) -> set[Unit]:
    """The rows of a grid one of whose rows spans the gutter: a grid is cut out whole (a legend
    beside its first rows does not leave them in a column)."""
    rows = sorted((unit for unit in crossing if unit.kind == "row"), key=_top)
    grids: list[list[Unit]] = []
    for row in rows:
        last = grids[-1][-1] if grids else None
        close = last is not None and row.bbox[1] - last.bbox[3] <= last.bbox[3] - last.bbox[1] + GRID_ROW_GAP
        if last is not None and close and abs(row.bbox[0] - last.bbox[0]) <= 2:
            grids[-1].append(row)
        else:
            grids.append([row])
    return {row for grid in grids if spanning.intersection(grid) for row in grid}


def _order_zone(zone: list[Unit], gutter: tuple[float, float] | None, left: float, right: float,
                below: Unit | None, nested: bool) -> Ordered:
    """One zone between spanning units: in the columns of ``gutter`` if it holds here, else in
    the zone's own columns (not searched again inside a zone), else top to bottom."""
    if not zone:
        return []
    if gutter is not None and _holds(zone, gutter):
        return _read_columns(zone, gutter, below, left, right)
    text_units = _text_units(zone)
    found = None
    if not nested and len(text_units) >= 2 * MIN_UNITS_PER_SIDE:
        found = find_gutter(text_units, left, right)
    if found is None:
        return [(unit, 0) for unit in by_rows(zone)]
    return _order_zones(zone, found, left, right, below, nested=True)


def _holds(units: Sequence[Unit], gutter: tuple[float, float]) -> bool:
    """``gutter`` separates columns of ``units`` too: something on each side, and (almost) no
    line or panel across it (rows of tiles may overflow it; a gutter found holds where as many
    cross it as may cross the last one tried)."""
    g0, g1 = gutter
    on_left = on_right = crossing = 0
    for unit in units:
        if unit.bbox[2] <= g0 + 1:
            on_left += 1
        elif unit.bbox[0] >= g1 - 1:
            on_right += 1
        elif unit.kind in ("line", "panel") and _crosses(unit, g0, g1):
            crossing += 1
    return bool(on_left and on_right) and crossing <= max(1, round(CROSSING_SHARE_LAST * len(units)))


def _read_columns(units: Sequence[Unit], gutter: tuple[float, float], below: Unit | None,
                  left: float, right: float) -> Ordered:
    """The left column, the right one, then the lead-in of the spanning unit ``below``: the
    last units of a column that belong to it (see ``_split_lead_in``). Each column may hold two
    of its own (three columns: one gutter, then another in one half); columns are numbered from
    the left."""
    g0, g1 = gutter
    columns: tuple[list[Unit], list[Unit]] = ([], [])
    for unit in units:
        columns[_column(unit, g0, g1)].append(unit)
    number: dict[Unit, int] = {}
    first, second = _in_columns(columns[0], left, g0, 0, number), _in_columns(columns[1], g1, right, 0, number)
    offset = 1 + max((number[unit] for unit in first), default=0)
    lead_in: list[Unit] = []
    if first and second:
        (first, lead), (second, other) = (_split_lead_in(first, second, below, gutter),
                                          _split_lead_in(second, first, below, gutter))
        lead_in = by_rows(lead + other)
    return ([(unit, number[unit]) for unit in first] + [(unit, offset + number[unit]) for unit in second]
            + [(unit, 0) for unit in lead_in])


def _in_columns(units: list[Unit], left: float, right: float, base: int, number: dict[Unit, int]) -> list[Unit]:
    """One column's units in reading order, numbering each in ``number``: by rows, or, when a
    gutter of its own holds in it and one half at least is running text (a table of short cells
    beside prose is a column too), its left half then its right half."""
    # lines filling most of the column leave no room for two columns in it: no search
    room = len(units) >= 2 * MIN_UNITS_PER_SIDE and not _fills(units, left, right, ONE_COLUMN)
    # the columns of its text, else of everything (a shaded line, read as a tile, atop a short column)
    gutter = (find_gutter(_text_units(units), left, right) or find_gutter(units, left, right)) if room else None
    if gutter is not None and not _holds(units, gutter) and _columns_over_a_span(units, gutter, left, right):
        # its two columns over a section as wide as both (three columns over a full-width grid)
        ordered = _order_zones(units, gutter, left, right, None, nested=True)
        number.update((unit, base + column) for unit, column in ordered)
        return [unit for unit, _ in ordered]
    if gutter is None or not _holds(units, gutter):
        number.update((unit, base) for unit in units)
        return by_rows(units)
    g0, g1 = gutter
    halves: tuple[list[Unit], list[Unit]] = ([], [])
    for unit in units:
        halves[_column(unit, g0, g1)].append(unit)
    printed_left = max(left, min(unit.bbox[0] for unit in units))  # the region's print, not its margins
    printed_right = min(right, max(unit.bbox[2] for unit in units))
    if not (_fills(halves[0], printed_left, g0) or _fills(halves[1], g1, printed_right)) and _paired(*halves):
        number.update((unit, base) for unit in units)  # short cells on both sides, row by row: a table
        return by_rows(units)
    number.update((unit, base) for unit in halves[0])
    number.update((unit, base + 1) for unit in halves[1])
    return by_rows(halves[0]) + by_rows(halves[1])


def _columns_over_a_span(units: list[Unit], gutter: tuple[float, float], left: float, right: float) -> bool:
    """``gutter`` parts two columns of running text above the first unit that spans it (a
    section as wide as both, its grid crossing the gutter below them): it holds there, with
    units enough on each side, one side's lines filling it."""
    spanning = _spanning(units, gutter, left, right)
    if not spanning:
        return False
    top = min(unit.bbox[1] for unit in spanning)
    head = [unit for unit in units if unit.bbox[3] <= top]
    if not _holds(head, gutter):
        return False
    g0, g1 = gutter
    halves: tuple[list[Unit], list[Unit]] = ([], [])
    for unit in head:
        halves[_column(unit, g0, g1)].append(unit)
    if min(len(_text_units(half)) for half in halves) < MIN_UNITS_PER_SIDE:
        return False
    return _fills(halves[0], left, g0) or _fills(halves[1], g1, right)


def _paired(left: list[Unit], right: list[Unit]) -> bool:
    """Most units of the side with fewer share their row (top, middle or foot level, within
    ``SAME_ROW``) with a unit of the other, of those beside it: a table's cells, not two columns
    of short lines (lists, labels over values) whose lines are level only where their leading
    happens to agree."""
    fewer, more = sorted((left, right), key=len)
    top, foot = min(unit.bbox[1] for unit in more), max(unit.bbox[3] for unit in more)
    beside = [unit for unit in fewer if unit.bbox[3] >= top and unit.bbox[1] <= foot]  # not a running head above
    levels = [_levels(unit) for unit in more]
    paired = sum(any(_level(_levels(unit), other) for other in levels) for unit in beside)
    return paired >= ROWS_PAIRED * len(beside)


def _level(mine: tuple[float, float, float], other: tuple[float, float, float]) -> bool:
    """Two units share a row: their tops, middles or feet lie within ``SAME_ROW``."""
    return any(abs(a - b) <= SAME_ROW for a, b in zip(mine, other, strict=True))


def _levels(unit: Unit) -> tuple[float, float, float]:
    top, foot = unit.bbox[1], unit.bbox[3]
    return top, (top + foot) / 2, foot


def _fills(units: list[Unit], left: float, right: float, share: float = 0.5) -> bool:
    """Most of the lines of ``units``, free or in a panel, fill at least ``share`` of
    ``left``..``right`` (by default half: running text, not the short cells of a table)."""
    widths = sorted(line.x1 - line.x0 for unit in units if unit.kind in ("line", "panel") for line in unit.lines)
    return bool(widths) and widths[len(widths) // 2] >= share * (right - left)


def _split_lead_in(column: list[Unit], other: list[Unit], below: Unit | None,
                   gutter: tuple[float, float]) -> tuple[list[Unit], list[Unit]]:
    """``column`` (in reading order) without its lowest units when they lie below all of
    ``other`` and either the gap above them is wider (by ``NEARER``) than any gap below them
    down to ``below`` (nearer to ``below`` than to the column, they lead in to it: the heading
    of a full-width section set where the longer column would carry on), or, the column's last,
    is a line running on across ``gutter`` under the start of the other column (printed under
    both: the next section's heading under a table of labels and values; an address run into
    the other column with more of its own column below it stays). The units are taken from the
    bottom of the page up, so a column that holds two of its own gives its lowest units."""
    floor = max(unit.bbox[3] for unit in other)
    other_start = min(unit.bbox[0] for unit in other)
    by_top = sorted(column, key=_top)
    bottoms = [by_top[0].bbox[3]]
    for unit in by_top[1:]:
        bottoms.append(max(bottoms[-1], unit.bbox[3]))
    widest = below.bbox[1] - bottoms[-1] if below is not None else math.inf  # the widest gap below the unit looked at
    cut = len(by_top)
    for index in range(len(by_top) - 1, 0, -1):
        unit = by_top[index]
        if unit.bbox[1] < floor:
            break
        gap = unit.bbox[1] - bottoms[index - 1]
        under_both = (index == len(by_top) - 1 and unit.kind == "line" and _crosses(unit, *gutter)
                      and unit.bbox[2] > other_start)
        if gap > widest + NEARER or under_both:
            cut = index
        widest = max(widest, gap)
    lead = set(by_top[cut:])
    return [unit for unit in column if unit not in lead], by_top[cut:]


def _column(unit: Unit, g0: float, g1: float) -> int:
    x0, _, x1, _ = unit.bbox
    if x0 < g0 - 1 and x1 > g1 + 1:  # overflows the gutter: belongs where it starts
        return 0
    return 0 if (x0 + x1) / 2 < (g0 + g1) / 2 else 1


def _beside(unit: Unit, others: Sequence[Unit]) -> bool:
    """Some column content overlaps ``unit`` vertically: it cannot be a full-width separator."""
    top, bottom = unit.bbox[1], unit.bbox[3]
    return any(other.bbox[1] < bottom and other.bbox[3] > top for other in others)


def find_gutter(units: Sequence[Unit], left: float, right: float,
                share: float = CROSSING_SHARE) -> tuple[float, float] | None:
    """The emptiest, then widest, vertical strip near the middle between narrow units, if any.

    A strip may be crossed by a few units (``share`` of them, at least one: a title or
    a wide line that spans the columns); it needs ``MIN_UNITS_PER_SIDE`` units on each side.
    When no such strip qualifies, the clear parts of one crossed by fewer units may (a strip
    that runs on under a wide line may have too few units beyond it, its clear part not).
    """
    width = right - left
    narrow = [unit.bbox for unit in units if unit.bbox[2] - unit.bbox[0] < NARROW * width]
    lefts = sorted([box[0] for box in narrow])
    if len(lefts) - bisect_right(lefts, left + 0.25 * width) < MIN_UNITS_PER_SIDE:
        return None  # too few units start right of where a gutter may lie
    rights = sorted([box[2] for box in narrow])
    pieces = _pieces(narrow)
    for allowed in range(max(1, round(share * len(narrow))), -1, -1):
        best: tuple[int, float, float, float] | None = None  # (crossing, -width, g0, g1)
        for g0, g1, crossing in _strips(pieces, allowed):
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
        if best is not None:
            return best[2], best[3]
    return None


def _pieces(boxes: Sequence[BBox]) -> list[tuple[float, float, int]]:
    """The x-ranges between consecutive box edges, with how many boxes cover each."""
    events = sorted([(box[0], 1) for box in boxes] + [(box[2], -1) for box in boxes])
    pieces: list[tuple[float, float, int]] = []
    depth = 0
    for (x, step), following in zip(events, events[1:], strict=False):
        depth += step
        if following[0] > x:
            pieces.append((x, following[0], depth))
    return pieces


def _strips(pieces: Sequence[tuple[float, float, int]], allowed: int) -> list[tuple[float, float, int]]:
    """Maximal x-ranges covered by at most ``allowed`` boxes, with their most crossing count."""
    strips: list[tuple[float, float, int]] = []
    start: float | None = None
    deepest = 0
    for x0, x1, depth in pieces:
        if depth > allowed:
            start = None
        elif start is None:
            start, deepest = x0, depth
            strips.append((x0, x1, depth))
        else:
            deepest = max(deepest, depth)
            strips[-1] = (start, x1, deepest)
    return strips


def by_rows(units: Sequence[Unit]) -> list[Unit]:
    """Top to bottom; units starting at the same height left to right."""
    ordered = sorted(units, key=_top)
    rows: list[list[Unit]] = []
    for unit in ordered:
        if rows and unit.bbox[1] - rows[-1][0].bbox[1] <= SAME_ROW:
            rows[-1].append(unit)
        else:
            rows.append([unit])
    return [unit for row in rows for unit in (sorted(row, key=_left) if len(row) > 1 else row)]
