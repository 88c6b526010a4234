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

CELL_CHARS, CELL_WIDTH, CELL_LINES = 40, 0.3, 4  # a cell line: characters, share of the page width; a cell: lines
STACK_GAP = 0.6  # of the size: a larger gap under a line starts a new cell
EDGE = 2.0  # points: left edges this close are one column
ROW_GAP = 3.0  # of the size: rows farther apart than this are two grids
MIN_COLUMNS = 3
HANG = 1.5  # of the size: a cell's first line may stand this far right of the rest (a marker)
SIZE_STEP = 0.5  # points: cells whose sizes differ more are not of one stack; one size a row


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
                if _aligned(cell, line) and abs(cell.lines[-1].size - line.size) <= SIZE_STEP
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
    """Cells in one type size (sizes rounded to ``SIZE_STEP``) whose vertical extents overlap,
    left to right; rows top to bottom (a heading beside a grid's tall first cell is no cell of
    its row)."""
    rows: list[list[_Cell]] = []
    by_size: dict[int, list[_Cell]] = {}
    for cell in cells:
        by_size.setdefault(_size([cell]), []).append(cell)
    for sized in by_size.values():
        bottom = 0.0
        start = len(rows)
        for cell in sorted(sized, key=lambda cell: cell.top):
            if len(rows) > start and cell.top < bottom:
                rows[-1].append(cell)
                bottom = max(bottom, cell.bottom)
            else:
                rows.append([cell])
                bottom = cell.bottom
    for row in rows:
        row.sort(key=lambda cell: cell.x0)
    return sorted(rows, key=lambda row: min(cell.top for cell in row))


def _grids(rows: list[list[_Cell]]) -> list[list[list[_Cell]]]:
    """The grids in ``rows``: each run of rows close one under the other, cut down to the cells
    that stand on its evenly spaced columns (left edges, or middles for centred labels), if it
    has at least two full rows and then at most one that is not, in the type size of the row above it."""
    grids = []
    for run in _runs(rows):
        anchor, edges = max(((anchor, _columns(run, anchor)) for anchor in _ANCHORS), key=lambda pair: len(pair[1]))
        if len(edges) < MIN_COLUMNS:
            continue
        grid = [row for row in ([cell for cell in row if _on(anchor(cell), edges)] for row in run) if row]
        while grid and len(grid[0]) < len(edges):  # a grid starts with a full row (a caption above is none)
            grid.pop(0)
        full = next((index for index, row in enumerate(grid) if len(row) < len(edges)), len(grid))
        if full < len(grid) and _size(grid[full]) != _size(grid[full - 1]):
            grid = grid[:full]  # a row that is not full, in another type size, is no row of it (a heading)
        if full >= 2 and len(grid) <= full + 1:
            grids.append(grid)
    return grids


_ANCHORS: tuple[Callable[[_Cell], float], ...] = (attrgetter("x0"), attrgetter("middle"))


def _runs(rows: list[list[_Cell]]) -> list[list[list[_Cell]]]:
    """Rows of one type size close one under the other: the gap between two no wider than
    ``ROW_GAP`` sizes, or, between two rows of a grid's width, than the tallest cell of the two
    (cells padded to the height of their row's three-line label). Rows in another size between
    them (a legend's keys beside the grid) do not part them."""
    runs: list[list[list[_Cell]]] = []
    open_runs: dict[int, list[list[_Cell]]] = {}  # the last run of each type size
    for row in rows:
        run = open_runs.get(_size(row))
        if run is not None:
            last = run[-1]
            top, bottom = min(cell.top for cell in row), max(cell.bottom for cell in last)
            padded = _height(last + row) if min(len(last), len(row)) >= MIN_COLUMNS else 0.0
            if top - bottom <= max(ROW_GAP * last[0].lines[0].size, padded):
                run.append(row)
                continue
        run = [row]
        runs.append(run)
        open_runs[_size(row)] = run
    return runs


def _size(row: list[_Cell]) -> int:
    """A row's type size (its first cell's), rounded to ``SIZE_STEP``."""
    return round(row[0].lines[0].size / SIZE_STEP)


def _height(cells: list[_Cell]) -> float:
    return max(cell.bottom - cell.top for cell in cells)


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
    rows_at = {edge: rows for edge, rows in counts if rows >= 2}
    edges = sorted(rows_at)
    best: list[float] = []
    for first, start in enumerate(edges):
        for second in edges[first + 1 :]:
            pitch, chain = second - start, [start, second]
            for edge in edges:
                if edge > chain[-1] and abs(edge - chain[-1] - pitch) <= 2 * EDGE:
                    chain.append(edge)
            if (len(chain), _cells_on(chain, rows_at)) > (len(best), _cells_on(best, rows_at)):
                best = chain  # as many columns: the chain more cells stand on (a grid under a page's text)
    return best


def _cells_on(chain: list[float], rows_at: dict[float, float]) -> float:
    return sum(rows_at[edge] for edge in chain)


def _on(at: float, edges: list[float]) -> bool:
    return any(abs(at - edge) <= EDGE for edge in edges)
