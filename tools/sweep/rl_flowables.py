"""ReportLab flowables for the blocks: paragraphs, marked list items, overview, tiles, grid,
spotlight. Markers drawn as shapes are real vector paths (no glyph)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from .blocks import Bullets, Grid, Pairs, Para, Run, Spotlight, Tiles
from .geometry import text_colour_on

# ZapfDingbats codes for the glyphs a standard-14 document prints (bullets and checks)
DINGBATS = {"●": "l", "■": "n", "◆": "u", "✓": "3", "✔": "4", "•": "l", "▶": "t", "➤": "\u00e4"}


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str
    symbol: str  # font of glyph markers
    dingbats: bool  # symbol is ZapfDingbats (glyphs mapped to its codes)


def markup(runs: Para) -> str:
    """Paragraph markup; a space before a tag moves inside it (ReportLab drops a space that
    follows a word with soft hyphens when a tag comes next)."""
    out = []
    carry = ""
    for run in runs:
        stripped = run.text.rstrip(" ")
        text = escape(carry + stripped)
        carry = run.text[len(stripped) :]
        if run.colour:
            text = f'<font color="{run.colour}">{text}</font>'
        if run.bold:
            text = f"<b>{text}</b>"
        out.append(text)
    return "".join(out) + escape(carry)


class Marker(Flowable):  # type: ignore[misc]
    """A paragraph with a vector shape (disc or square) in its hanging indent."""

    def __init__(self, paragraph: Paragraph, shape: str, colour: str, size: float, indent: float) -> None:
        super().__init__()
        self.paragraph, self.shape, self.colour, self.size, self.indent = paragraph, shape, colour, size, indent

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        w, h = self.paragraph.wrap(avail_width - self.indent, avail_height)
        self.width, self.height = w + self.indent, h
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        leading = self.paragraph.style.leading
        d = self.size * 0.42
        y = self.height - leading * 0.62
        canvas.setFillColor(colors.HexColor(self.colour))
        if self.shape == "disc":
            canvas.circle(d / 2 + 1, y, d / 2, stroke=0, fill=1)
        else:
            canvas.rect(1, y - d / 2, d, d, stroke=0, fill=1)
        self.paragraph.drawOn(canvas, self.indent, 0)


class FloatBox(Flowable):  # type: ignore[misc]
    """A flowable ImageAndFlowables can float (it asks for ``_restrictSize``)."""

    def __init__(self, inner: Flowable) -> None:
        super().__init__()
        self.inner = inner

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(avail_width, avail_height)
        return self.width, self.height

    def _restrictSize(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: N802
        return self.wrap(avail_width, avail_height)

    def _unRestrictSize(self) -> None:  # noqa: N802
        pass

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)


class Kit:
    """Paragraph styles and builders for one document."""

    def __init__(self, fonts: Fonts, size: float, accent: str, tint: str, justify: bool) -> None:
        self.fonts, self.size, self.accent, self.tint = fonts, size, accent, tint
        self.body = ParagraphStyle("body", fontName=fonts.regular, fontSize=size, leading=size * 1.28,
                                   spaceAfter=size * 0.45, alignment=TA_JUSTIFY if justify else TA_LEFT,
                                   embeddedHyphenation=1, splitLongWords=0)  # fmt: skip
        self.item_style = ParagraphStyle("item", parent=self.body, spaceAfter=size * 0.12)
        self.heading = ParagraphStyle("heading", parent=self.body, fontName=fonts.bold, fontSize=size * 1.22,
                                      leading=size * 1.5, spaceBefore=size * 0.8, spaceAfter=size * 0.3,
                                      textColor=colors.HexColor(accent), keepWithNext=1, alignment=TA_LEFT)  # fmt: skip

    def para(self, runs: Para, style: ParagraphStyle | None = None, **changes: Any) -> Paragraph:
        base = style or self.body
        return Paragraph(markup(runs), ParagraphStyle("x", parent=base, **changes) if changes else base)

    def text(self, text: str, style: ParagraphStyle | None = None, **changes: Any) -> Paragraph:
        return self.para((Run(text),), style, **changes)

    def glyph_item(self, content: str, glyph: str, style: ParagraphStyle) -> Paragraph:
        shown = DINGBATS.get(glyph, "l") if self.fonts.dingbats else glyph
        indent = self.size * 1.3
        item_style = ParagraphStyle("g", parent=style, leftIndent=indent, bulletIndent=0, bulletFontName=self.fonts.symbol,
                                    bulletFontSize=self.size * 0.85, bulletColor=colors.HexColor(self.accent))  # fmt: skip
        return Paragraph(content, item_style, bulletText=shown)

    def item(self, content: str, marker: str, glyph: str, style: ParagraphStyle | None = None) -> Flowable:
        style = style or self.item_style
        if marker == "glyph":
            return self.glyph_item(content, glyph, style)
        if marker in ("vector_disc", "vector_square"):
            shape = "disc" if marker == "vector_disc" else "square"
            return Marker(Paragraph(content, style), shape, self.accent, self.size, self.size * 1.3)
        return Paragraph(content, style)

    def bullets(self, block: Bullets) -> list[Flowable]:
        items = [self.item(markup(item), block.marker, block.glyph) for item in block.items]
        return [*items, Spacer(1, self.size * 0.35)]

    def pairs(self, block: Pairs, width: float) -> list[Flowable]:
        colon = ":" if block.colon else ""
        out: list[Flowable] = []
        rows = []
        for label, values in block.rows:
            shown = [escape(v) for v in values]
            joined = escape(block.inline_join).join(shown) if block.inline_join else "<br/>".join(shown)
            lab = f"<b>{escape(label)}{colon}</b>"
            if block.form == "table":
                rows.append([Paragraph(lab, self.item_style), Paragraph(joined, self.item_style)])
            elif block.form == "value_below":
                out.append(Paragraph(lab, self.item_style))
                vals = [joined] if block.inline_join else shown
                out.extend(Paragraph(v, self.item_style) for v in vals)
                out.append(Spacer(1, self.size * 0.25))
            else:
                sep = "<br/>" if len(values) > 1 and not block.inline_join else " "
                marker = block.marker if block.form == "bullets" else "none"
                out.append(self.item(f"{lab}{sep}{joined}", marker, block.glyph))
        if rows:
            table = Table(rows, colWidths=[width * 0.38, width * 0.62], hAlign="LEFT")
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                       ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))  # fmt: skip
            out.append(table)
        return [*out, Spacer(1, self.size * 0.4)]

    def tiles(self, block: Tiles, width: float) -> list[Flowable]:
        style = ParagraphStyle("tile", parent=self.body, fontName=self.fonts.bold, fontSize=block.size,
                               leading=block.size * 1.2, alignment=TA_CENTER, spaceAfter=0,
                               textColor=colors.HexColor(self.accent))  # fmt: skip
        cells = [Paragraph("<br/>".join(escape(line) for line in lines), style) for lines in block.labels]
        if block.form == "plain":
            return [self.text(" ".join(lines), self.item_style, fontName=self.fonts.bold) for lines in block.labels]
        look = [("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(self.tint)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]  # fmt: skip
        if block.form == "stacked":
            tables = [
                Table(
                    [[c]],
                    colWidths=[width * 0.6],
                    hAlign="LEFT",
                    style=TableStyle([*look, ("BOX", (0, 0), (-1, -1), 1, colors.HexColor(self.accent))]),
                )
                for c in cells
            ]
            return [x for t in tables for x in (t, Spacer(1, 4))]
        gap = 6.0
        count = len(cells)
        tile = (width - gap * (count - 1)) / count
        row: list[Any] = []
        widths: list[float] = []
        for i, cell in enumerate(cells):
            if i:
                row.append("")
                widths.append(gap)
            row.append(cell)
            widths.append(tile)
        style_cmds: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 6),
                      ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]  # fmt: skip
        for i in range(0, len(row), 2):
            style_cmds += [("BACKGROUND", (i, 0), (i, 0), colors.HexColor(self.tint)),
                           ("BOX", (i, 0), (i, 0), 1, colors.HexColor(self.accent))]  # fmt: skip
        return [Table([row], colWidths=widths, hAlign="LEFT", style=TableStyle(style_cmds)), Spacer(1, 6)]

    def spotlight(self, block: Spotlight, width: float) -> list[Flowable]:
        title = ParagraphStyle("st", parent=self.heading, fontSize=self.size * 1.1, spaceBefore=0)
        inner: list[Flowable] = []
        if block.kicker:
            inner.append(self.text(block.kicker, self.item_style, fontName=self.fonts.bold, fontSize=self.size * 0.8,
                                   textColor=colors.HexColor(self.accent)))  # fmt: skip
        inner.append(self.text(block.title, title if block.form != "plain" or block.kicker else self.heading))
        inner += [self.para(p) for p in block.paragraphs]
        if block.form == "plain":
            return inner
        style: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(self.tint)), ("LEFTPADDING", (0, 0), (-1, -1), 8),
                 ("RIGHTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 6)]  # fmt: skip
        if block.form == "box":
            style.append(("LINEBEFORE", (0, 0), (0, -1), 3, colors.HexColor(self.accent)))
        box = Table([[inner]], colWidths=[width], style=TableStyle(style))
        return [Spacer(1, self.size * 0.5), box, Spacer(1, self.size * 0.5)]


def grid_colours(grid: Grid, flag: bool) -> tuple[str, str]:
    """(fill, text) of one cell."""
    fill = grid.colours[0 if flag else 1]
    return fill, text_colour_on(fill)
