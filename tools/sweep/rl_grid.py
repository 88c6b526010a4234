"""ReportLab: the outcomes grid (filled cells with white gaps, a bordered table, coloured text or
coloured markers) and its legend (swatches above, below or right, or coloured words)."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from .blocks import Grid
from .rl_flowables import Kit, Marker, grid_colours


class Swatch(Flowable):  # type: ignore[misc]
    def __init__(self, shape: str, colour: str, size: float) -> None:
        super().__init__()
        self.shape, self.colour, self.size = shape, colour, size
        self.width = size * (2.2 if shape == "bar" else 1.0)
        self.height = size * (0.55 if shape == "bar" else 1.0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setFillColor(colors.HexColor(self.colour))
        if self.shape == "circle":
            self.canv.circle(self.size / 2, self.size / 2, self.size / 2, stroke=0, fill=1)
        else:
            self.canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)


def _cell(kit: Kit, grid: Grid, lines: tuple[str, ...], flag: bool) -> Flowable:
    fill, on_fill = grid_colours(grid, flag)
    text = "<br/>".join(escape(line) for line in lines)
    style = ParagraphStyle("cell", parent=kit.item_style, fontSize=grid.size, leading=grid.size * 1.2, spaceAfter=0,
                           alignment=0)  # fmt: skip
    if grid.style in ("fill_gap", "bordered"):
        return Paragraph(text, ParagraphStyle("c", parent=style, textColor=colors.HexColor(on_fill)))
    if grid.style == "text_colour":
        return Paragraph(f"<b>{text}</b>", ParagraphStyle("c", parent=style, textColor=colors.HexColor(fill)))
    shape = "disc" if grid.swatch == "circle" else "square"
    return Marker(Paragraph(text, style), shape, fill, grid.size * 1.5, grid.size * 1.4)


def grid_table(kit: Kit, grid: Grid, width: float, gap: float) -> Table:
    rows: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                       ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]  # fmt: skip
    for r, start in enumerate(range(0, len(grid.cells), grid.columns)):
        chunk = grid.cells[start : start + grid.columns]
        rows.append([_cell(kit, grid, lines, flag) for lines, flag in chunk] + [""] * (grid.columns - len(chunk)))
        if grid.style in ("fill_gap", "bordered"):
            for c, (_, flag) in enumerate(chunk):
                commands.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(grid_colours(grid, flag)[0])))
    if grid.style == "fill_gap":  # white lines over the fills: cells apart by white gaps only
        commands.append(("GRID", (0, 0), (-1, -1), gap, colors.white))
    elif grid.style == "bordered":
        commands.append(("GRID", (0, 0), (-1, -1), 0.8, colors.HexColor("#444444")))
    return Table(rows, colWidths=[width / grid.columns] * grid.columns, hAlign="LEFT", style=TableStyle(commands))


def legend(kit: Kit, grid: Grid, vertical: bool) -> Table:
    size = kit.size * 0.8
    label_style = ParagraphStyle("lg", parent=kit.item_style, fontSize=kit.size * 0.9, spaceAfter=0)
    pairs = [(Swatch(grid.swatch, c, size), Paragraph(escape(t), label_style))
             for c, t in zip(grid.colours, grid.legend_labels, strict=True)]  # fmt: skip
    sw = size * (2.2 if grid.swatch == "bar" else 1.0) + 5
    label_w = kit.size * 0.56 * max(len(t) for t in grid.legend_labels) + 8
    if vertical:
        return Table(
            [list(p) for p in pairs],
            colWidths=[sw, label_w],
            hAlign="LEFT",
            style=TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]),
        )
    row = [x for p in pairs for x in p]
    return Table(
        [row],
        colWidths=[sw, label_w, sw, label_w],
        hAlign="LEFT",
        style=TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]),
    )


def grid_flowables(kit: Kit, grid: Grid, width: float, gap: float) -> list[Flowable]:
    intro = kit.para(grid.intro)
    if grid.legend == "right":
        side = legend(kit, grid, vertical=True)
        side_w = side.wrap(width, 1000)[0] + 6
        table = grid_table(kit, grid, width - side_w, gap)
        outer = Table([[table, side]], colWidths=[width - side_w, side_w], hAlign="LEFT",
                      style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                        ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
        return [intro, outer]
    table = grid_table(kit, grid, width, gap)
    if grid.legend == "above":
        return [intro, legend(kit, grid, False), Spacer(1, 4), table]
    if grid.legend == "below":
        return [intro, table, Spacer(1, 4), legend(kit, grid, False)]
    return [intro, table]
