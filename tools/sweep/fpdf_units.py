"""fpdf2: blocks -> units, the atoms the placer stacks into columns (a text line, a list line,
a table row, a row of tiles, a grid row, a legend). Each unit draws itself at (x, top, width)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fpdf import FPDF

from . import blocks as b
from .fpdf_text import Line, Typesetter
from .geometry import rgb, text_colour_on

Draw = Callable[[float, float, float], None]


@dataclass
class Unit:
    height: float
    draw: Draw
    keep_with_next: bool = False


def _nothing(x: float, y: float, w: float) -> None:
    return None


class UnitMaker:
    def __init__(self, pdf: FPDF, ts: Typesetter, doc: b.Document) -> None:
        self.pdf, self.ts, self.doc = pdf, ts, doc
        self.size = doc.style.body_size
        self.accent, self.tint = doc.style.accent, doc.style.tint

    def fill(self, colour: str) -> None:
        self.pdf.set_fill_color(*[int(c * 255) for c in rgb(colour)])

    def shape(self, shape: str, x: float, y: float, d: float, colour: str, width: float | None = None) -> None:
        self.fill(colour)
        if shape in ("disc", "circle"):
            self.pdf.ellipse(x, y, d, d, style="F")
        else:
            self.pdf.rect(x, y, width or d, d, style="F")

    # ------------------------------------------------------------------ text
    def text(self, runs: b.Para, width: float, *, size: float | None = None, bold: bool = False,
             colour: str | None = None, indent: float = 0.0, before: float = 0.0, after: float | None = None,
             marker: Callable[[float, float], None] | None = None, keep: bool = False) -> list[Unit]:  # fmt: skip
        size = size or self.size
        leading = size * 1.28
        after = size * 0.45 if after is None else after
        lines = self.ts.wrap(self.ts.words(runs, bold, colour), width - indent, size)
        units: list[Unit] = []
        for i, line in enumerate(lines):
            top_pad = before if i == 0 else 0.0
            bottom_pad = after if i == len(lines) - 1 else 0.0

            def draw(x: float, y: float, w: float, line: Line = line, top_pad: float = top_pad, i: int = i) -> None:
                base = y + top_pad + size * 0.95
                if marker is not None and i == 0:  # the marker first, as list writers draw it
                    marker(x, base)
                self.ts.draw(line, x + indent, base, w - indent, size)

            units.append(Unit(top_pad + leading + bottom_pad, draw, keep_with_next=keep or (i == 0 and len(lines) > 1)))
        return units

    def marker_fn(self, marker: str, glyph: str, size: float) -> Callable[[float, float], None] | None:
        if marker == "glyph":
            return lambda x, base: self.ts.glyph(glyph, x, base, size, self.accent)
        if marker in ("vector_disc", "vector_square"):
            d = size * 0.42
            shape = "disc" if marker == "vector_disc" else "square"
            return lambda x, base: self.shape(shape, x + 1, base - size * 0.33 - d / 2, d, self.accent)
        return None

    # ------------------------------------------------------------------ blocks
    def block(self, block: b.Block, width: float) -> list[Unit]:
        if isinstance(block, b.Heading):
            size = self.size * 1.22
            return self.text((b.Run(block.text),), width, size=size, bold=True, colour=self.accent,
                             before=self.size * 0.8, after=self.size * 0.3, keep=True)  # fmt: skip
        if isinstance(block, b.Paragraph):
            return self.text(block.runs, width, after=0.0 if block.cut else None)
        if isinstance(block, b.Bullets):
            return self.bullets(block, width)
        if isinstance(block, b.Pairs):
            return self.pairs(block, width)
        if isinstance(block, b.Tiles):
            return self.tiles(block, width)
        if isinstance(block, b.Spotlight):
            return self.spotlight(block, width)
        if isinstance(block, b.Grid):
            from .fpdf_grid import grid_units

            return grid_units(self, block, width)
        return []

    def bullets(self, block: b.Bullets, width: float) -> list[Unit]:
        indent = self.size * 1.3 if block.marker != "none" else 0.0
        units: list[Unit] = []
        for item in block.items:
            mark = self.marker_fn(block.marker, block.glyph, self.size)
            units += self.text(item, width, indent=indent, after=self.size * 0.12, marker=mark)
        if units:
            units.append(Unit(self.size * 0.35, _nothing))
        return units

    def pairs(self, block: b.Pairs, width: float) -> list[Unit]:
        colon = ":" if block.colon else ""
        units: list[Unit] = []
        for label, values in block.rows:
            lab = b.Run(f"{label}{colon}", bold=True)
            joined = block.inline_join.join(values) if block.inline_join else None
            if block.form == "table":
                units.append(self.table_row(lab, joined, values, width))
            elif block.form == "value_below":
                units += self.text((lab,), width, after=0.0, keep=True)
                for value in [joined] if joined else values:
                    units += self.text((b.Run(value),), width, after=self.size * 0.1)
                units.append(Unit(self.size * 0.25, _nothing))
            else:
                indent = self.size * 1.3 if block.form == "bullets" and block.marker != "none" else 0.0
                mark = self.marker_fn(block.marker, block.glyph, self.size) if block.form == "bullets" else None
                if joined is not None or len(values) == 1:
                    units += self.text((lab, b.Run(" " + (joined or values[0]))), width, indent=indent,
                                       after=self.size * 0.15, marker=mark)  # fmt: skip
                else:
                    units += self.text((lab,), width, indent=indent, after=0.0, marker=mark, keep=True)
                    for value in values:
                        units += self.text((b.Run(value),), width, indent=indent, after=self.size * 0.05)
        return [*units, Unit(self.size * 0.4, _nothing)]

    def table_row(self, label: b.Run, joined: str | None, values: tuple[str, ...], width: float) -> Unit:
        longest = max(self.ts.measure(w, True, self.size) for w in label.text.split())
        left_w = max(width * 0.38, longest + 8)
        left = self.ts.wrap(self.ts.words((label,)), left_w - 6, self.size)
        right_lines = [line for v in ([joined] if joined else values)
                       for line in self.ts.wrap(self.ts.words((b.Run(v),)), width - left_w, self.size)]  # fmt: skip
        leading = self.size * 1.28
        height = max(len(left), len(right_lines)) * leading + 3

        def draw(x: float, y: float, w: float) -> None:
            for i, line in enumerate(left):
                self.ts.draw(line, x, y + 1.5 + self.size * 0.95 + i * leading, left_w - 6, self.size)
            for i, line in enumerate(right_lines):
                self.ts.draw(line, x + left_w, y + 1.5 + self.size * 0.95 + i * leading, width - left_w, self.size)

        return Unit(height, draw)

    def tiles(self, block: b.Tiles, width: float) -> list[Unit]:
        if block.form == "plain":
            return [u for lines in block.labels for u in self.text((b.Run(" ".join(lines), bold=True),), width,
                                                                    colour=self.accent, after=self.size * 0.2)]  # fmt: skip
        size, gap = block.size, 6.0
        count = 1 if block.form == "stacked" else len(block.labels)
        tile_w = width * 0.7 if block.form == "stacked" else (width - gap * (count - 1)) / count
        wrapped = [[line for part in lines for line in self.ts.wrap(self.ts.words((b.Run(part, bold=True),)),
                                                                      tile_w - 12, size)] for lines in block.labels]  # fmt: skip
        leading = size * 1.2
        groups = [wrapped] if block.form == "side_by_side" else [[w] for w in wrapped]
        units = []
        for group in groups:
            height = max(len(w) for w in group) * leading + 12

            def draw(x: float, y: float, w: float, group: list[list[Line]] = group, height: float = height) -> None:
                for i, lines in enumerate(group):
                    left = x + i * (tile_w + gap)
                    self.fill(self.tint)
                    self.pdf.set_draw_color(*[int(c * 255) for c in rgb(self.accent)])
                    self.pdf.rect(left, y, tile_w, height, style="DF")
                    top = y + (height - len(lines) * leading) / 2
                    for j, line in enumerate(lines):
                        lw = line.natural(self.ts.measure(" ", False, size))
                        self.ts.draw(
                            line,
                            left + (tile_w - lw) / 2,
                            top + size * 0.95 + j * leading,
                            lw,
                            size,
                            colour=self.accent,
                        )

            units.append(Unit(height + 5, draw))
        return units

    def spotlight(self, block: b.Spotlight, width: float) -> list[Unit]:
        """The spotlight's lines; a box or float form paints its tint behind each line."""
        inner = width - 16 if block.form != "plain" else width
        units: list[Unit] = []
        if block.kicker:
            units += self.text((b.Run(block.kicker, bold=True),), inner, size=self.size * 0.8, colour=self.accent,
                               after=0.0, keep=True)  # fmt: skip
        title_size = self.size * (1.22 if block.form == "plain" and not block.kicker else 1.1)
        units += self.text((b.Run(block.title, bold=True),), inner, size=title_size, colour=self.accent,
                           after=self.size * 0.3, keep=True)  # fmt: skip
        for para in block.paragraphs:
            units += self.text(para, inner)
        if block.form == "plain":
            return units
        return [self.boxed(u, block.form == "box") for u in [Unit(6, _nothing), *units, Unit(4, _nothing)]]

    def boxed(self, unit: Unit, rule: bool) -> Unit:
        def draw(x: float, y: float, w: float) -> None:
            self.fill(self.tint)
            self.pdf.rect(x, y, w, unit.height, style="F")
            if rule:
                self.fill(self.accent)
                self.pdf.rect(x, y, 3, unit.height, style="F")
            unit.draw(x + 8, y, w - 16)

        return Unit(unit.height, draw, unit.keep_with_next)


def cell_text_colour(fill: str) -> str:
    return text_colour_on(fill)
