"""fpdf2: the outcomes grid as units (one per row), with its legend."""

from __future__ import annotations

from collections.abc import Callable

from . import blocks as b
from .fpdf_text import Line
from .fpdf_units import Unit, UnitMaker, cell_text_colour

Cells = tuple[tuple[tuple[str, ...], bool], ...]


def legend_unit(maker: UnitMaker, grid: b.Grid, vertical: bool) -> tuple[float, float, Callable[[float, float], None]]:
    """(width, height, draw) of the legend."""
    size = maker.size * 0.9
    sw = size * (2.0 if grid.swatch == "bar" else 0.8)
    sh = size * (0.45 if grid.swatch == "bar" else 0.8)
    labels = [(c, t, maker.ts.measure(t, False, size)) for c, t in zip(grid.colours, grid.legend_labels, strict=True)]
    item_w = [sw + 4 + w for _, _, w in labels]
    width = max(item_w) if vertical else sum(item_w) + 16
    height = size * 1.6 * (2 if vertical else 1)

    def draw(x: float, y: float) -> None:
        cx, cy = x, y
        for (colour, text, _), w in zip(labels, item_w, strict=True):
            base = cy + size * 1.1
            maker.shape(grid.swatch, cx, base - size * 0.35 - sh / 2, sh, colour, width=sw)
            line = maker.ts.wrap(maker.ts.words((b.Run(text),)), 1000, size)[0]
            maker.ts.draw(line, cx + sw + 4, base, 1000, size)
            if vertical:
                cy += size * 1.6
            else:
                cx += w + 16

    return width, height, draw


def grid_units(maker: UnitMaker, grid: b.Grid, width: float) -> list[Unit]:
    units = maker.text(grid.intro, width, keep=True)
    legend_w, legend_h, legend_draw = legend_unit(maker, grid, grid.legend == "right")
    if grid.legend == "above":
        units.append(Unit(legend_h + 2, lambda x, y, w: legend_draw(x, y), keep_with_next=True))
    table_w = width - legend_w - 10 if grid.legend == "right" else width
    gap = maker.doc.style.grid_gap
    cell_w = table_w / grid.columns
    size, leading = grid.size, grid.size * 1.2
    marker_w = size * 1.4 if grid.style == "marker" else 0.0
    rows = [grid.cells[i : i + grid.columns] for i in range(0, len(grid.cells), grid.columns)]
    for r, row in enumerate(rows):
        wrapped = []
        for lines, _ in row:
            words = maker.ts.words(tuple(b.Run(line, bold=grid.style == "text_colour") for line in _spaced(lines)))
            if grid.nowrap:
                wrapped.append(maker.ts.wrap(words, 10_000, size))
            else:
                wrapped.append(
                    [
                        ln
                        for line in lines
                        for ln in maker.ts.wrap(
                            maker.ts.words((b.Run(line, bold=grid.style == "text_colour"),)),
                            cell_w - 10 - marker_w - gap,
                            size,
                        )
                    ]
                )
        height = max(len(w) for w in wrapped) * leading + 8

        def draw(x: float, y: float, w: float, row: Cells = row, wrapped: list[list[Line]] = wrapped, height: float = height,
                 first: bool = r == 0) -> None:  # fmt: skip
            _draw_row(maker, grid, row, wrapped, x, y, cell_w, height, gap, marker_w)
            if first and grid.legend == "right":
                legend_draw(x + table_w + 10, y)

        units.append(Unit(height + (gap if grid.style != "bordered" else 0), draw))
    if grid.legend == "below":
        units.append(Unit(legend_h + 4, lambda x, y, w: legend_draw(x, y + 4)))
    units.append(Unit(maker.size * 0.5, lambda x, y, w: None))
    return units


def _spaced(lines: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(line if i == 0 else " " + line for i, line in enumerate(lines))


def _draw_row(maker: UnitMaker, grid: b.Grid, row: tuple[tuple[tuple[str, ...], bool], ...], wrapped: list[list[Line]],
              x: float, y: float, cell_w: float, height: float, gap: float, marker_w: float) -> None:  # fmt: skip
    size, leading = grid.size, grid.size * 1.2
    pdf = maker.pdf
    for c, ((_, flag), lines) in enumerate(zip(row, wrapped, strict=True)):
        colour = grid.colours[0 if flag else 1]
        left = x + c * cell_w
        text_colour = "#1a1a1a"
        if grid.style in ("fill_gap", "bordered"):
            maker.fill(colour)
            inset = 0.0 if grid.style == "bordered" else gap / 2
            if grid.style == "bordered":
                pdf.set_draw_color(68, 68, 68)
                pdf.set_line_width(0.8)
            pdf.rect(left + inset, y, cell_w - 2 * inset, height, style="DF" if grid.style == "bordered" else "F")
            text_colour = cell_text_colour(colour)
        elif grid.style == "text_colour":
            text_colour = colour
        else:
            d = size * 0.75
            maker.shape(
                "disc" if grid.swatch == "circle" else "square", left + 5, y + 4 + size * 0.62 - d / 2, d, colour
            )
        top = y + (height - len(lines) * leading) / 2
        for i, line in enumerate(lines):
            maker.ts.draw(
                line,
                left + 5 + gap / 2 + marker_w,
                top + size * 0.95 + i * leading,
                cell_w - 10 - marker_w - gap,  # the width it was wrapped to: a justified line fills no more
                size,
                colour=text_colour,
            )
