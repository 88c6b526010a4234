"""Borderless grids: free lines printed as a table without boxes -> rows of cells.

A grid of labels printed without cell boxes (coloured text, a coloured marker beside each label,
or plain text on a plain page) reaches the layout as free lines whose baselines do not line up: a
one-line label is centred beside a two-line one. Read line by line, neighbouring cells run into
each other ("Transport / Public Works Zoning"). The rule is geometry only:

- a *cell* is a stack of short free lines with one left edge and one size, each line close under
  the one above (at most ``STACK_GAP`` of the size), at most ``CELL_LINES`` lines;
- a *row* is a run of cells whose vertical extents overlap;
- a *grid* is a run of rows, close one under the other, whose cells stand on the same evenly
  spaced columns (left edges, or middles for centred labels): at least ``MIN_COLUMNS`` columns,
  every row but the last full, and no other line inside the grid's box.
  Body text does not qualify: its lines are long, a paragraph stacks more lines than a cell, and
  where short lines of prose columns happen to align, long lines stand between them.

Each grid row becomes a ``row`` unit (its cells without boxes), as a row of tiles is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter

from .layout import TextLine, Unit

CELL_CHARS, CELL_WIDTH, CELL_LINES = 40, 0.3, 3  # a cell line: characters, share of the page width
STACK_GAP = 0.6  # of the size: a larger gap under a line starts a new cell
EDGE = 2.0  # points: left edges this close are one column
ROW_GAP = 3.0  # of the size: rows farther apart than this are two grids
MIN_COLUMNS = 3
HANG = 1.5  # of the size: a cell's first line may stand this far right of the rest (a marker)


@dataclass(slots=True)
class _Cell:
    lines: list[TextLine]

    @property
    def x0(self) -> float:
        return self.lines[0].x0

    @property
    def middle(self) -> float:
        return (self.lines[0].x0 + self.lines[0].x1) / 2

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def bottom(self) -> float:
        return self.lines[-1].bottom


def with_grids(units: list[Unit], page_width: float) -> list[Unit]:
    """``units`` (one page's) with the free lines that form borderless grids made rows."""
    free = [unit.cells[0][0] for unit in units if unit.kind == "line"]
    candidates = [line for line in free if _may_be_cell(line, page_width)]
    if len(candidates) < 2 * MIN_COLUMNS:
        return units
    rows: list[Unit] = []
    used: set[int] = set()
    for grid in _grids(_rows(_stack(candidates))):
        if not _clear(grid, free):
            continue
        for row in grid:
            rows.append(Unit("row", [cell.lines for cell in row], [None] * len(row)))
            used.update(id(line) for cell in row for line in cell.lines)
    if not rows:
        return units
    return [unit for unit in units if unit.kind != "line" or id(unit.cells[0][0]) not in used] + rows


def _clear(grid: list[list[_Cell]], lines: list[TextLine]) -> bool:
    """No other line stands inside the grid (prose columns whose short lines happen to align
    have their long lines between them)."""
    inside = {id(line) for row in grid for cell in row for line in cell.lines}
    cells = [cell for row in grid for cell in row]
    x0, x1 = min(cell.x0 for cell in cells), max(line.x1 for cell in cells for line in cell.lines)
    top, bottom = grid[0][0].top, max(cell.bottom for cell in grid[-1])
    return not any(
        id(line) not in inside and x0 <= (line.x0 + line.x1) / 2 <= x1 and top <= (line.top + line.bottom) / 2 <= bottom
        for line in lines
    )


def _may_be_cell(line: TextLine, page_width: float) -> bool:
    text = line.text
    return (
        len(text) <= CELL_CHARS and line.x1 - line.x0 <= CELL_WIDTH * page_width and not text.endswith((".", ":", ";"))
    )


def _stack(lines: list[TextLine]) -> list[_Cell]:
    """Lines stacked under one left edge, each close under the last, as cells."""
    cells: list[_Cell] = []
    open_cells: list[_Cell] = []
    for line in sorted(lines, key=lambda line: (line.top, line.x0)):
        below = next(
            (
                cell for cell in open_cells
                if _aligned(cell, line) and abs(cell.lines[-1].size - line.size) <= 0.5
                and 0 <= line.top - cell.bottom <= STACK_GAP * line.size
            ),
            None,
        )  # fmt: skip
        if below is not None:
            below.lines.append(line)
            continue
        cell = _Cell([line])
        cells.append(cell)
        open_cells = [kept for kept in open_cells if line.top - kept.bottom <= STACK_GAP * line.size] + [cell]
    return [cell for cell in cells if len(cell.lines) <= CELL_LINES]  # a longer stack is prose


def _aligned(cell: _Cell, line: TextLine) -> bool:
    """Same left edge (or the first line indented by a marker before it), or same middle (a
    centred label)."""
    return cell.x0 - HANG * line.size <= line.x0 <= cell.x0 + EDGE or abs(cell.middle - (line.x0 + line.x1) / 2) <= EDGE


def _rows(cells: list[_Cell]) -> list[list[_Cell]]:
    """Cells whose vertical extents overlap, left to right; rows top to bottom."""
    rows: list[list[_Cell]] = []
    bottom = 0.0
    for cell in sorted(cells, key=lambda cell: cell.top):
        if rows and cell.top < bottom:
            rows[-1].append(cell)
            bottom = max(bottom, cell.bottom)
        else:
            rows.append([cell])
            bottom = cell.bottom
    for row in rows:
        row.sort(key=lambda cell: cell.x0)
    return rows


def _grids(rows: list[list[_Cell]]) -> list[list[list[_Cell]]]:
    """The grids in ``rows``: each run of rows close one under the other, cut down to the cells
    that stand on its evenly spaced columns (left edges, or middles for centred labels), if it
    has at least two full rows."""
    grids = []
    for run in _runs(rows):
        anchor, edges = max(((anchor, _columns(run, anchor)) for anchor in _ANCHORS), key=lambda pair: len(pair[1]))
        if len(edges) < MIN_COLUMNS:
            continue
        grid = [row for row in ([cell for cell in row if _on(anchor(cell), edges)] for row in run) if row]
        while grid and len(grid[0]) < len(edges):  # a grid starts with a full row (a caption above is none)
            grid.pop(0)
        if len(grid) >= 2 and all(len(row) == len(edges) for row in grid[:-1]):
            grids.append(grid)
    return grids


_ANCHORS: tuple[Callable[[_Cell], float], ...] = (attrgetter("x0"), attrgetter("middle"))


def _runs(rows: list[list[_Cell]]) -> list[list[list[_Cell]]]:
    runs: list[list[list[_Cell]]] = []
    for row in rows:
        if runs:
            last = runs[-1][-1]
            if row[0].top - max(cell.bottom for cell in last) <= ROW_GAP * last[0].lines[0].size:
                runs[-1].append(row)
                continue
        runs.append([row])
    return runs


def _columns(run: list[list[_Cell]], anchor: Callable[[_Cell], float]) -> list[float]:
    """The column positions two rows or more share, reduced to the longest evenly spaced chain (a
    grid's columns have one pitch; a legend or a caption beside the grid is off it)."""
    counts: list[list[float]] = []  # [position, rows]
    for row in run:
        for cell in row:
            at = anchor(cell)
            known = next((entry for entry in counts if abs(entry[0] - at) <= EDGE), None)
            if known is None:
                counts.append([at, 1])
            else:
                known[1] += 1
    edges = sorted(edge for edge, rows in counts if rows >= 2)
    best: list[float] = []
    for first, start in enumerate(edges):
        for second in edges[first + 1 :]:
            pitch, chain = second - start, [start, second]
            for edge in edges:
                if edge > chain[-1] and abs(edge - chain[-1] - pitch) <= 2 * EDGE:
                    chain.append(edge)
            if len(chain) > len(best):
                best = chain
    return best


def _on(at: float, edges: list[float]) -> bool:
    return any(abs(at - edge) <= EDGE for edge in edges)
